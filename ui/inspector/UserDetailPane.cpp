#include "ui/inspector/UserDetailPane.h"

#include "core/auth/AuthQueries.h"
#include "ui/inspector/QueryThread.h"
#include "ui/inspector/RecordFormatter.h"
#include "ui/inspector/RecordTableModel.h"
#include "ui/inspector/RecordTableView.h"
#include "ui/inspector/RecordView.h"

#include <QAction>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace gh::ui {

namespace {

constexpr int kVisibleRows = 6;

QString elided(const QString &text, const QFontMetrics &metrics)
{
    return metrics.elidedText(text, Qt::ElideMiddle, 260);
}

QString fieldText(const RecordPage &page, const QString &field)
{
    const int index = page.fieldIndex(field);
    if (index < 0)
        return QString();
    const QVariant &value = page.value(0, index);
    if (value.isNull())
        return UserDetailPane::tr("—");
    return RecordFormatter::cellData(page.fields.at(index), value, false, Qt::DisplayRole)
        .toString();
}

} // namespace

UserDetailPane::UserDetailPane(const AuthWorkspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_thread(new QueryThread(workspace, QStringLiteral("detail"), this))
{
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_content = new QWidget;
    m_name = new QLabel(m_content);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_email = new QLabel(m_content);
    m_email->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_profile = new QLabel(m_content);
    m_profile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_profile->setTextFormat(Qt::RichText);
    m_warning = new QLabel(m_content);
    m_warning->setWordWrap(true);
    m_warning->setObjectName(QStringLiteral("warning"));
    // A fixed text colour: the light amber box must stay readable under a dark palette too.
    m_warning->setStyleSheet(QStringLiteral("#warning { background: #fff4d6; color: #3d2e00; "
                                            "border: 1px solid #f0d48a; border-radius: 4px; "
                                            "padding: 6px; }"));
    m_warning->hide();

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(4);
    layout->addWidget(m_name);
    layout->addWidget(m_email);
    layout->addSpacing(4);
    layout->addWidget(m_profile);
    layout->addWidget(m_warning);
    m_actions = new QHBoxLayout;
    m_actions->setContentsMargins(0, 4, 0, 0);
    m_actions->addStretch(1);
    layout->addLayout(m_actions);

    m_accounts = new RecordTableModel(this);
    m_sessions = new RecordTableModel(this);
    m_authenticators = new RecordTableModel(this);
    m_tokens = new RecordTableModel(this);
    m_accountsTable =
        addSection(tr("Accounts"), AuthModelKind::Account, m_accounts, &m_accountsTitle);
    m_sessionsTable =
        addSection(tr("Sessions"), AuthModelKind::Session, m_sessions, &m_sessionsTitle);
    m_authenticatorsTable = addSection(tr("Authenticators"), AuthModelKind::Authenticator,
                                       m_authenticators, &m_authenticatorsTitle);
    m_tokensTable = addSection(tr("Verification tokens"), AuthModelKind::VerificationToken,
                               m_tokens, &m_tokensTitle);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(scroll);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    showUser(QString());
}

UserDetailPane::~UserDetailPane() = default;

RecordTableView *UserDetailPane::addSection(const QString &title, AuthModelKind kind,
                                            RecordTableModel *model, QLabel **titleLabel)
{
    auto *label = new QLabel(title, m_content);
    label->setTextFormat(Qt::RichText);
    connect(label, &QLabel::linkActivated, this, [this, kind] {
        const QString owner =
            kind == AuthModelKind::VerificationToken ? m_picture.email() : m_picture.userId();
        Q_EMIT openListRequested(kind, owner);
    });
    auto *table = new RecordTableView(m_content);
    table->setModel(model);
    table->setAlternatingRowColors(true);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustIgnored);
    table->goToUserAction()->setVisible(false);
    auto *layout = static_cast<QVBoxLayout *>(m_content->layout());
    layout->addSpacing(8);
    layout->addWidget(label);
    layout->addWidget(table);
    *titleLabel = label;
    return table;
}

void UserDetailPane::addUserAction(QAction *action)
{
    auto *button = new QToolButton(m_content);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_actions->insertWidget(m_actions->count() - 1, button);
}

QString UserDetailPane::heading() const
{
    return m_name->text() + QLatin1Char(' ') + m_email->text();
}

void UserDetailPane::showUser(const QString &idOrEmail)
{
    const quint64 generation = ++m_generation;
    m_thread->cancelAll();
    m_requested = idOrEmail;
    m_picture = UserPicture();
    m_error = Error();
    if (idOrEmail.isEmpty()) {
        m_loading = false;
        showMessage(tr("Select a row to see its user's whole picture: profile, accounts, "
                       "sessions, authenticators and verification tokens."));
        Q_EMIT loaded();
        return;
    }
    m_loading = true;
    // Keep the previous picture on screen while the next one loads: no flicker while arrowing
    // through rows.
    if (m_stack->currentIndex() == 0)
        showMessage(tr("Loading %1…").arg(idOrEmail));
    m_thread->run<UserPicture>(
        this,
        [idOrEmail](const AuthQueries &queries, const CancellationToken &) {
            return queries.userPicture(idOrEmail, kRowsPerList);
        },
        [this, generation](const Result<UserPicture> &result) { onPicture(generation, result); });
}

void UserDetailPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentIndex(0);
}

void UserDetailPane::onPicture(quint64 generation, const Result<UserPicture> &result)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    if (!result) {
        m_error = result.error();
        if (m_error.code() == Error::Code::Cancelled)
            return;
        showMessage(
            m_error.code() == Error::Code::NotFound
                ? tr("No user has the id or email %1 (deleted meanwhile?).").arg(m_requested)
                : tr("Cannot load the user: %1").arg(m_error.message()));
        Q_EMIT loaded();
        return;
    }
    m_picture = *result;
    const RecordPage &user = m_picture.user;
    const QString name = fieldText(user, QStringLiteral("name"));
    m_name->setText(name.isEmpty() || name == tr("—") ? tr("(no name)") : name);
    m_email->setText(fieldText(user, QStringLiteral("email")));

    renderProfile();

    if (m_picture.credentialsOnly()) {
        m_warning->setText(tr("Every account of this user is a Credentials account: Auth.js "
                              "signs them in with JWT cookies, which no session row controls, "
                              "so revoking sessions does not sign them out."));
        m_warning->show();
    } else {
        m_warning->hide();
    }

    // What a support person looks at first; the rest is a column away in the models' views.
    fillSection(m_accountsTable, m_accountsTitle, tr("Accounts"), m_picture.accounts,
                {QStringLiteral("provider"), QStringLiteral("type"), QStringLiteral("expires_at"),
                 QStringLiteral("scope"), QStringLiteral("providerAccountId"),
                 QStringLiteral("access_token"), QStringLiteral("refresh_token"),
                 QStringLiteral("id_token")});
    fillSection(
        m_sessionsTable, m_sessionsTitle, tr("Sessions"), m_picture.sessions,
        {QStringLiteral("expires"), QStringLiteral("createdAt"), QStringLiteral("sessionToken")});
    if (m_picture.hasAuthenticatorModel) {
        fillSection(m_authenticatorsTable, m_authenticatorsTitle, tr("Authenticators"),
                    m_picture.authenticators,
                    {QStringLiteral("credentialDeviceType"), QStringLiteral("credentialBackedUp"),
                     QStringLiteral("counter"), QStringLiteral("transports"),
                     QStringLiteral("credentialID"), QStringLiteral("credentialPublicKey")});
    } else {
        m_authenticatorsTitle->setText(
            tr("<b>Authenticators</b> — the schema has no Authenticator model"));
        m_authenticatorsTable->hide();
    }
    fillSection(m_tokensTable, m_tokensTitle, tr("Verification tokens for this email"),
                m_picture.verificationTokens, {QStringLiteral("expires"), QStringLiteral("token")});
    m_stack->setCurrentIndex(1);
    Q_EMIT loaded();
}

void UserDetailPane::renderProfile()
{
    const RecordPage &user = m_picture.user;
    if (user.rows.isEmpty()) {
        m_profile->clear();
        return;
    }
    // Labels in the palette's secondary text colour, read now: rich text has no palette roles.
    const QString labelColor = palette().color(QPalette::PlaceholderText).name();
    QString rows;
    const QFontMetrics metrics = m_profile->fontMetrics();
    auto addRow = [&](const QString &label, const QString &field) {
        if (user.fieldIndex(field) < 0)
            return;
        rows += QStringLiteral("<tr><td style='padding-right:12px; color:%1'>%2</td>"
                               "<td>%3</td></tr>")
                    .arg(labelColor, label.toHtmlEscaped(),
                         elided(fieldText(user, field), metrics).toHtmlEscaped());
    };
    addRow(tr("id"), QStringLiteral("id"));
    addRow(tr("email verified"), QStringLiteral("emailVerified"));
    addRow(tr("created"), QStringLiteral("createdAt"));
    addRow(tr("updated"), QStringLiteral("updatedAt"));
    addRow(tr("image"), QStringLiteral("image"));
    m_profile->setText(QStringLiteral("<table>%1</table>").arg(rows));
}

void UserDetailPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        renderProfile();
}

void UserDetailPane::fillSection(RecordTableView *table, QLabel *title, const QString &name,
                                 const RecordPage &page, const QStringList &shownFields)
{
    auto *model = static_cast<RecordTableModel *>(table->model());
    model->setRecords(page);
    const int rows = int(page.rows.size());
    const QString count = page.atEnd ? QString::number(rows) : tr("first %1").arg(rows);
    title->setText(rows == 0 ? tr("<b>%1</b> — none").arg(name.toHtmlEscaped())
                             : tr("<b>%1</b> (%2) · <a href=\"open\">show in their view</a>")
                                   .arg(name.toHtmlEscaped(), count));
    table->setVisible(rows > 0);
    // Show `shownFields` in that order (the relative expiry right after `expires`), hide the rest.
    QVector<QPair<double, int>> order;
    const RecordColumns &columns = model->columns();
    for (int c = 0; c < columns.count(); ++c) {
        const int field = columns.fieldIndex(c);
        const QString fieldName =
            field >= 0 ? page.fields.at(field).logicalName() : QStringLiteral("expires");
        const int rank = int(shownFields.indexOf(fieldName));
        table->setColumnHidden(c, rank < 0);
        if (rank >= 0)
            order << qMakePair(rank + (field < 0 ? 0.5 : 0.0), c);
    }
    std::sort(order.begin(), order.end());
    QHeaderView *header = table->horizontalHeader();
    for (int visual = 0; visual < order.size(); ++visual)
        header->moveSection(header->visualIndex(order.at(visual).second), visual);
    table->fitColumns();
    const int height = table->horizontalHeader()->sizeHint().height() +
                       table->verticalHeader()->defaultSectionSize() * qMin(rows, kVisibleRows) +
                       2 * table->frameWidth();
    table->setFixedHeight(height + 2);
}

} // namespace gh::ui
