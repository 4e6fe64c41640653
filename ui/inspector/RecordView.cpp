#include "ui/inspector/RecordView.h"

#include "ui/inspector/ExportDialog.h"
#include "ui/inspector/PagedRecordModel.h"
#include "ui/inspector/RecordFilterBar.h"
#include "ui/inspector/RecordRoles.h"
#include "ui/inspector/RecordTableView.h"

#include <QAction>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace gh::ui {

namespace {

QString errorTitle(const Error &error)
{
    switch (error.code()) {
    case Error::Code::ConnectionFailed:
        return RecordView::tr("Connection lost");
    case Error::Code::NotFound:
        return RecordView::tr("Not found");
    case Error::Code::InvalidArgument:
        return RecordView::tr("This filter cannot be used here");
    default:
        return RecordView::tr("The query failed");
    }
}

} // namespace

RecordView::RecordView(const AuthWorkspace &workspace, AuthModelKind kind, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new PagedRecordModel(workspace, kind, this))
{
    m_filters = new RecordFilterBar(kind, this);
    connect(m_filters, &RecordFilterBar::queryChanged, this, &RecordView::onQueryEdited);

    m_export = new QPushButton(tr("Export…"), this);
    m_export->setToolTip(
        tr("Export the %1 shown, filters applied, to CSV or JSON").arg(pluralName(kind)));
    connect(m_export, &QPushButton::clicked, this, [this] { exportRows()->open(); });

    auto *top = new QHBoxLayout;
    top->addWidget(m_filters, 1);
    top->addWidget(m_export);

    m_errorBanner = new QFrame(this);
    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setStyleSheet(QStringLiteral(
        "#errorBanner { background: #fdecea; border: 1px solid #f1aeb5; border-radius: 4px; }"
        "#errorBanner QLabel { color: #6a1a21; }"));
    m_errorText = new QLabel(m_errorBanner);
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *retry = new QPushButton(tr("Retry"), m_errorBanner);
    connect(retry, &QPushButton::clicked, m_model, &PagedRecordModel::retry);
    auto *bannerLayout = new QHBoxLayout(m_errorBanner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    bannerLayout->addWidget(m_errorText, 1);
    bannerLayout->addWidget(retry);
    m_errorBanner->hide();

    m_table = new RecordTableView(this);
    m_table->setModel(m_model);
    const int sortColumn =
        m_model->columns().columnOf(m_model->query().effectiveSortField(m_model->authModel()));
    m_table->horizontalHeader()->setSortIndicator(sortColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    if (kind == AuthModelKind::User)
        m_table->goToUserAction()->setText(tr("Show User &Details"));
    connect(m_table, &RecordTableView::userRequested, this, &RecordView::userRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString user = current.data(UserIdRole).toString();
                if (user != m_currentUser) {
                    m_currentUser = user;
                    Q_EMIT currentUserChanged(user);
                }
            });

    m_overlay = new QLabel(m_table->viewport());
    m_overlay->setAlignment(Qt::AlignCenter);
    m_overlay->setWordWrap(true);
    m_overlay->setTextFormat(Qt::RichText);
    m_overlay->setForegroundRole(QPalette::PlaceholderText);
    connect(m_overlay, &QLabel::linkActivated, m_filters, &RecordFilterBar::clear);
    m_table->viewport()->installEventFilter(this);

    m_summary = new QLabel(this);
    m_cancelCount = new QToolButton(this);
    m_cancelCount->setText(tr("Stop Counting"));
    m_cancelCount->setAutoRaise(true);
    m_cancelCount->hide();
    connect(m_cancelCount, &QToolButton::clicked, m_model, &PagedRecordModel::cancelCount);
    m_activity = new QLabel(this);
    m_activity->setForegroundRole(QPalette::PlaceholderText);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary);
    bottom->addWidget(m_cancelCount);
    bottom->addStretch(1);
    bottom->addWidget(m_activity);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_model, &QAbstractItemModel::modelReset, m_table, &QTableView::scrollToTop);
    connect(m_model, &PagedRecordModel::totalChanged, this, &RecordView::updateStatus);
    connect(m_model, &PagedRecordModel::loadingChanged, this, &RecordView::updateStatus);
    connect(m_model, &PagedRecordModel::errorChanged, this, &RecordView::updateStatus);
    connect(m_model, &PagedRecordModel::pageLoaded, this, [this] {
        if (!m_fitted && m_model->rowCount() > 0) {
            m_fitted = true;
            m_table->fitColumns();
        }
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordView::updateOverlay);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RecordView::updateOverlay);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecordView::updateStatus);
    updateStatus();
}

RecordView::~RecordView() = default;

QString RecordView::pluralName(AuthModelKind kind)
{
    switch (kind) {
    case AuthModelKind::User:
        return tr("users");
    case AuthModelKind::Account:
        return tr("accounts");
    case AuthModelKind::Session:
        return tr("sessions");
    case AuthModelKind::VerificationToken:
        return tr("verification tokens");
    case AuthModelKind::Authenticator:
        return tr("authenticators");
    }
    return QString();
}

AuthModelKind RecordView::kind() const
{
    return m_model->kind();
}

void RecordView::activate()
{
    m_model->activate();
    m_filters->loadProviders(m_workspace); // Accounts: the provider box's list, once
    updateStatus();
}

RecordQuery RecordView::query() const
{
    return m_model->query();
}

void RecordView::setQuery(const RecordQuery &query)
{
    m_filters->showQuery(query);
    const int column = m_model->columns().columnOf(query.effectiveSortField(m_model->authModel()));
    QHeaderView *header = m_table->horizontalHeader();
    const bool blocked = header->blockSignals(true);
    header->setSortIndicator(column, query.sortOrder);
    header->blockSignals(blocked);
    header->viewport()->update();
    m_model->setQuery(query);
}

void RecordView::refresh()
{
    m_model->refresh();
    m_filters->loadProviders(m_workspace, true);
}

RecordPage RecordView::selectedRecords() const
{
    return m_model->records(m_table->selectedRowNumbers());
}

void RecordView::addRowAction(QAction *action)
{
    m_table->addRowAction(action);
}

void RecordView::onQueryEdited()
{
    m_model->setQuery(m_filters->apply(m_model->query()));
}

QString RecordView::countText(const RowCount &count)
{
    const QLocale locale;
    switch (count.kind) {
    case RowCount::Kind::Exact:
        return locale.toString(count.rows);
    case RowCount::Kind::UpperBound:
        return tr("≤ %1").arg(locale.toString(count.rows));
    case RowCount::Kind::Estimate:
        if (count.rows >= 1000000)
            return tr("~%1 M").arg(locale.toString(double(count.rows) / 1e6, 'f', 1));
        if (count.rows >= 10000)
            return tr("~%1 k").arg(locale.toString(double(count.rows) / 1e3, 'f', 0));
        return tr("~%1").arg(locale.toString(count.rows));
    }
    return QString();
}

QString RecordView::summaryText() const
{
    const QString name = pluralName(kind());
    QString text;
    if (!m_model->isActive() || !m_model->isTotalKnown())
        text = m_model->isCounting() ? tr("Counting %1…").arg(name) : name;
    else
        text = tr("%1 %2").arg(countText(m_model->total()), name);
    if (m_filters->isFiltering())
        text += tr(" (filtered)");
    if (m_model->isCounting() && m_model->isTotalKnown())
        text += tr(", counting…");
    return text;
}

void RecordView::updateStatus()
{
    QString summary = summaryText();
    if (!summary.isEmpty())
        summary[0] = summary.at(0).toUpper();
    m_summary->setText(summary);
    m_summary->setToolTip(m_model->total().kind == RowCount::Kind::Exact
                              ? tr("Counted")
                              : tr("Estimated from the database's statistics; the exact count "
                                   "runs in the background"));
    m_cancelCount->setVisible(m_model->isCounting());
    m_activity->setText(m_model->isLoading() ? tr("Loading rows…") : QString());

    const Error &error = m_model->error();
    if (error.isError()) {
        QString text = QStringLiteral("<b>%1</b><br>%2")
                           .arg(errorTitle(error).toHtmlEscaped(), error.message().toHtmlEscaped());
        if (!error.detail().isEmpty())
            text += QStringLiteral("<br><small>%1</small>").arg(error.detail().toHtmlEscaped());
        m_errorText->setText(text);
    }
    m_errorBanner->setVisible(error.isError());
    updateOverlay();
    Q_EMIT summaryChanged();
}

void RecordView::updateOverlay()
{
    QString text;
    const QString name = pluralName(kind());
    if (m_model->isActive() && !m_model->error().isError()) {
        if (!m_model->hasLoaded()) {
            text = tr("Loading %1…").arg(name);
        } else if (m_model->rowCount() == 0) {
            if (m_filters->isFiltering()) {
                text = tr("No %1 match these filters.<br><a href=\"clear\">Clear the filters</a>")
                           .arg(name);
            } else if (kind() == AuthModelKind::Session) {
                text = tr("<b>No sessions.</b><br>With Auth.js's database strategy every signed-in "
                          "browser has a row here;<br>an empty table while users sign in "
                          "suggests the JWT strategy.");
            } else {
                text = tr("No %1 yet.").arg(name);
            }
        }
    }
    m_overlay->setText(text);
    m_overlay->setVisible(!text.isEmpty());
    positionOverlay();
}

void RecordView::positionOverlay()
{
    const QRect area = m_table->viewport()->rect();
    m_overlay->setGeometry(area.adjusted(24, 24, -24, -24));
}

bool RecordView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        positionOverlay();
    return QWidget::eventFilter(watched, event);
}

ExportDialog *RecordView::exportRows()
{
    const RowCount total = m_model->total();
    auto *dialog = new ExportDialog(m_workspace, m_model->query(), pluralName(kind()),
                                    m_model->isTotalKnown() ? total.rows : -1, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

} // namespace gh::ui
