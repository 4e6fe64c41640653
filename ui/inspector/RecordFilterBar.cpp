#include "ui/inspector/RecordFilterBar.h"

#include "core/auth/AuthQueries.h"
#include "ui/inspector/QueryThread.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace gh::ui {

namespace {

bool hasExpiry(AuthModelKind kind)
{
    return kind == AuthModelKind::Session || kind == AuthModelKind::VerificationToken ||
           kind == AuthModelKind::Account;
}

QDateTimeEdit *dateEdit(QWidget *parent, const QDateTime &initial)
{
    auto *edit = new QDateTimeEdit(initial.toLocalTime(), parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setTimeSpec(Qt::LocalTime);
    edit->hide();
    return edit;
}

} // namespace

RecordFilterBar::RecordFilterBar(AuthModelKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &RecordFilterBar::queryChanged);

    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(
        tr("Search %1…").arg(AuthQueries::searchFields(kind).join(QStringLiteral(", "))));
    m_search->setToolTip(tr("Prefix match on %1 (name: anywhere, any case)")
                             .arg(AuthQueries::searchFields(kind).join(QStringLiteral(", "))));
    m_search->setMinimumWidth(220);
    connect(m_search, &QLineEdit::textChanged, this, [this] { changed(true); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { changed(false); });

    m_user = new QLineEdit(this);
    m_user->setClearButtonEnabled(true);
    if (kind == AuthModelKind::VerificationToken) {
        m_user->setPlaceholderText(tr("Identifier (email)"));
        m_user->setToolTip(tr("Tokens sent to this identifier exactly"));
    } else {
        m_user->setPlaceholderText(tr("User id or email"));
        m_user->setToolTip(kind == AuthModelKind::User ? tr("This user only")
                                                       : tr("Rows of this user only"));
    }
    m_user->setMaximumWidth(220);
    connect(m_user, &QLineEdit::textChanged, this, [this] { changed(true); });
    connect(m_user, &QLineEdit::returnPressed, this, [this] { changed(false); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 2);
    layout->addWidget(m_user, 1);

    if (kind == AuthModelKind::Account) {
        m_provider = new QComboBox(this);
        m_provider->setEditable(true);
        m_provider->setInsertPolicy(QComboBox::NoInsert);
        m_provider->addItem(QString()); // the database's providers follow: loadProviders()
        m_provider->lineEdit()->setPlaceholderText(tr("Any provider"));
        m_provider->setToolTip(tr("Accounts of this provider exactly (pick one or type)"));
        m_provider->setMinimumContentsLength(10);
        connect(m_provider, &QComboBox::currentTextChanged, this, [this] { changed(true); });
        layout->addWidget(m_provider);
    }

    if (hasExpiry(kind)) {
        m_expiry = new QComboBox(this);
        const bool account = kind == AuthModelKind::Account;
        m_expiry->addItem(account ? tr("Any token expiry") : tr("Active and expired"));
        m_expiry->addItem(account ? tr("Token valid") : tr("Active"));
        m_expiry->addItem(account ? tr("Token expired") : tr("Expired"));
        m_expiry->addItem(tr("Expires after…"));
        m_expiry->addItem(tr("Expires before…"));
        m_expiry->addItem(tr("Expires between…"));
        m_expiry->setToolTip(account ? tr("By expires_at, the OAuth access token's expiry")
                                     : tr("Expired means expires < now, as Auth.js judges it"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_from = dateEdit(this, now);
        m_before = dateEdit(this, now.addDays(7));
        m_from->setToolTip(tr("Expires at or after (local time)"));
        m_before->setToolTip(tr("Expires before (local time)"));
        connect(m_expiry, &QComboBox::currentIndexChanged, this, [this] {
            updateDateEdits();
            changed(false);
        });
        connect(m_from, &QDateTimeEdit::dateTimeChanged, this, [this] { changed(true); });
        connect(m_before, &QDateTimeEdit::dateTimeChanged, this, [this] { changed(true); });
        layout->addWidget(m_expiry);
        layout->addWidget(m_from);
        layout->addWidget(m_before);
    }

    m_clear = new QToolButton(this);
    m_clear->setText(tr("Clear Filters"));
    m_clear->setAutoRaise(true);
    m_clear->setEnabled(false);
    connect(m_clear, &QToolButton::clicked, this, &RecordFilterBar::clear);
    layout->addWidget(m_clear);
    layout->addStretch(0);
}

void RecordFilterBar::loadProviders(const AuthWorkspace &workspace, bool reload)
{
    if (!m_provider || m_providerThread || (m_providersRequested && !reload))
        return;
    m_providersRequested = true;
    m_providerThread = new QueryThread(workspace, QStringLiteral("providers"), this);
    m_providerThread->run<QStringList>(
        this,
        [](const AuthQueries &queries, const CancellationToken &cancel) {
            return queries.distinctValues(AuthModelKind::Account, QStringLiteral("provider"), 1000,
                                          cancel);
        },
        [this](const Result<QStringList> &providers) {
            if (providers) {
                setProviders(*providers);
                m_provider->setToolTip(tr("Accounts of this provider exactly (pick one or type)"));
            } else {
                m_provider->setToolTip(tr("Accounts of this provider exactly (type it: the list "
                                          "of providers could not be read: %1)")
                                           .arg(providers.error().message()));
            }
            // Done: the thread and its connection go.
            m_providerThread->deleteLater();
            m_providerThread = nullptr;
            Q_EMIT providersLoaded();
        });
}

void RecordFilterBar::setProviders(const QStringList &providers)
{
    m_providers = providers;
    if (!m_provider)
        return;
    const QString typed = m_provider->currentText();
    const bool blocked = m_provider->blockSignals(true);
    m_provider->clear();
    m_provider->addItem(QString());
    m_provider->addItems(providers);
    const int chosen = m_provider->findText(typed);
    if (chosen >= 0)
        m_provider->setCurrentIndex(chosen);
    m_provider->setEditText(typed);
    m_provider->blockSignals(blocked);
}

void RecordFilterBar::updateDateEdits()
{
    const int choice = m_expiry->currentIndex();
    m_from->setVisible(choice == ExpiresAfter || choice == ExpiresBetween);
    m_before->setVisible(choice == ExpiresBefore || choice == ExpiresBetween);
}

void RecordFilterBar::changed(bool debounce)
{
    m_clear->setEnabled(isFiltering());
    if (m_silent)
        return;
    if (debounce) {
        m_debounce->start();
    } else {
        m_debounce->stop();
        Q_EMIT queryChanged();
    }
}

bool RecordFilterBar::isFiltering() const
{
    return !m_search->text().trimmed().isEmpty() || !m_user->text().trimmed().isEmpty() ||
           (m_provider && !m_provider->currentText().trimmed().isEmpty()) ||
           (m_expiry && m_expiry->currentIndex() != AnyExpiry);
}

RecordQuery RecordFilterBar::apply(RecordQuery base) const
{
    base.search = m_search->text().trimmed();
    base.searchField.clear();
    const QString user = m_user->text().trimmed();
    if (m_kind == AuthModelKind::VerificationToken) {
        base.identifier = user;
        base.userId.clear();
    } else {
        base.userId = user;
    }
    base.provider = m_provider ? m_provider->currentText().trimmed() : QString();
    base.expiry = ExpiryFilter::Any;
    base.expiresFrom = QDateTime();
    base.expiresBefore = QDateTime();
    if (m_expiry) {
        switch (m_expiry->currentIndex()) {
        case Active:
            base.expiry = ExpiryFilter::Active;
            break;
        case Expired:
            base.expiry = ExpiryFilter::Expired;
            break;
        case ExpiresAfter:
            base.expiresFrom = m_from->dateTime().toUTC();
            break;
        case ExpiresBefore:
            base.expiresBefore = m_before->dateTime().toUTC();
            break;
        case ExpiresBetween:
            base.expiresFrom = m_from->dateTime().toUTC();
            base.expiresBefore = m_before->dateTime().toUTC();
            break;
        default:
            break;
        }
    }
    return base;
}

void RecordFilterBar::showQuery(const RecordQuery &query)
{
    m_silent = true;
    m_debounce->stop();
    m_search->setText(query.search);
    m_user->setText(m_kind == AuthModelKind::VerificationToken ? query.identifier : query.userId);
    if (m_provider)
        m_provider->setCurrentText(query.provider);
    if (m_expiry) {
        int choice = AnyExpiry;
        if (query.expiry == ExpiryFilter::Active)
            choice = Active;
        else if (query.expiry == ExpiryFilter::Expired)
            choice = Expired;
        else if (query.expiresFrom.isValid() && query.expiresBefore.isValid())
            choice = ExpiresBetween;
        else if (query.expiresFrom.isValid())
            choice = ExpiresAfter;
        else if (query.expiresBefore.isValid())
            choice = ExpiresBefore;
        if (query.expiresFrom.isValid())
            m_from->setDateTime(query.expiresFrom.toLocalTime());
        if (query.expiresBefore.isValid())
            m_before->setDateTime(query.expiresBefore.toLocalTime());
        m_expiry->setCurrentIndex(choice);
        updateDateEdits();
    }
    m_clear->setEnabled(isFiltering());
    m_silent = false;
}

void RecordFilterBar::clear()
{
    RecordQuery none;
    none.model = m_kind;
    showQuery(none);
    changed(false);
}

} // namespace gh::ui
