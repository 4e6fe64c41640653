#include "ui/connect/ConnectionDialog.h"

#include "core/common/WhenReady.h"
#include "core/url/ConnectionCheck.h"
#include "core/url/KeychainCredentialStore.h"
#include "core/url/ProjectResolver.h"
#include "ui/connect/ConnectionForm.h"
#include "ui/connect/EnvironmentBand.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace gh::ui {

namespace {

constexpr int IdRole = Qt::UserRole;

QIcon tagIcon(EnvironmentTag tag)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(environmentTagColorName(tag)));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_ownSettings(std::make_unique<QSettings>())
    , m_ownCredentials(std::make_unique<KeychainCredentialStore>())
{
    m_ownStore = std::make_unique<ConnectionStore>(m_ownSettings.get(), m_ownCredentials.get());
    m_store = m_ownStore.get();
    build();
}

ConnectionDialog::ConnectionDialog(ConnectionStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    build();
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::build()
{
    setWindowTitle(tr("Connect to a Database"));
    setObjectName(QStringLiteral("connectionDialog"));

    // Left: saved connections and recent project folders.
    m_saved = new QListWidget(this);
    m_saved->setObjectName(QStringLiteral("savedConnections"));
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    auto *newButton = new QPushButton(tr("New"), this);
    newButton->setObjectName(QStringLiteral("newConnection"));
    m_delete = new QPushButton(tr("De&lete"), this);
    m_delete->setObjectName(QStringLiteral("deleteConnection"));
    auto *left = new QVBoxLayout;
    left->addWidget(heading(tr("Saved connections"), this));
    left->addWidget(m_saved, 3);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addWidget(m_delete);
    left->addLayout(listButtons);
    left->addWidget(heading(tr("Recent projects"), this));
    left->addWidget(m_recent, 2);

    // Right: the connection.
    m_band = new EnvironmentBand(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("A name to save this connection under"));
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("environment"));
    for (const EnvironmentTag tag : allEnvironmentTags())
        m_tag->addItem(tagIcon(tag), environmentTagTitle(tag), environmentTagName(tag));
    auto *identity = new QFormLayout;
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    auto *tagLabel = new QLabel(tr("&Environment"), this);
    tagLabel->setBuddy(m_tag);
    nameRow->addWidget(tagLabel);
    nameRow->addWidget(m_tag);
    auto *nameLabel = new QLabel(tr("&Name"), this);
    nameLabel->setBuddy(m_name);
    identity->addRow(nameLabel, nameRow);

    m_folderLabel = new QLabel(this);
    m_folderLabel->setObjectName(QStringLiteral("projectFolder"));
    m_folderLabel->setWordWrap(true);
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_useUrl = new QPushButton(tr("Use a URL Instead"), this);
    m_useUrl->setObjectName(QStringLiteral("useUrlInstead"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folderLabel, 1);
    folderRow->addWidget(m_useUrl);
    m_folderLabel->hide();
    m_useUrl->hide();

    m_form = new ConnectionForm(this);
    m_savePassword = new QCheckBox(tr("Save the password in the system &keyring"), this);
    m_savePassword->setObjectName(QStringLiteral("savePassword"));
    m_savePassword->setChecked(true);
    m_keyringStatus = new QLabel(tr("Looking for the system keyring…"), this);
    m_keyringStatus->setObjectName(QStringLiteral("keyringStatus"));
    m_keyringStatus->setWordWrap(true);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    auto *openFolder = new QPushButton(tr("Open Project &Folder…"), this);
    openFolder->setObjectName(QStringLiteral("openProjectFolder"));
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveConnection"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_connect = buttons->button(QDialogButtonBox::Ok);
    m_connect->setText(tr("&Connect"));
    m_connect->setObjectName(QStringLiteral("connect"));
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    buttons->addButton(openFolder, QDialogButtonBox::ActionRole);

    auto *right = new QVBoxLayout;
    right->addWidget(m_band);
    right->addLayout(identity);
    right->addLayout(folderRow);
    right->addWidget(m_form);
    right->addWidget(m_savePassword);
    right->addWidget(m_keyringStatus);
    right->addWidget(m_testResult);
    right->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addSpacing(12);
    columns->addLayout(right, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(900, 600);

    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &ConnectionDialog::saveConnection);
    connect(openFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Open a Project Folder"),
            m_projectFolder.isEmpty() ? QDir::homePath() : m_projectFolder);
        if (!folder.isEmpty())
            openProjectFolder(folder);
    });
    connect(m_useUrl, &QPushButton::clicked, this, &ConnectionDialog::useUrlInstead);
    connect(newButton, &QPushButton::clicked, this, &ConnectionDialog::newConnection);
    connect(m_delete, &QPushButton::clicked, this, &ConnectionDialog::deleteConnection);
    connect(m_saved, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { selectConnection(item->data(IdRole).toString()); });
    connect(m_saved, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { selectConnection(item->data(IdRole).toString()); });
    connect(m_recent, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { openProjectFolder(item->data(IdRole).toString()); });
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (openProjectFolder(item->data(IdRole).toString()))
            accept();
    });
    connect(m_tag, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &ConnectionDialog::updateBand);
    connect(m_name, &QLineEdit::textChanged, this, &ConnectionDialog::updateBand);
    connect(m_form, &ConnectionForm::changed, this, [this] { m_testResult->clear(); });

    refreshLists();
    updateBand();
    m_delete->setEnabled(false);
    // The keyring may take a moment (or ask to be unlocked): after the dialog is up.
    QTimer::singleShot(0, this, &ConnectionDialog::checkKeyring);
}

void ConnectionDialog::checkKeyring()
{
    whenReady(this, m_store->credentials()->checkAvailable(), [this](const Status &available) {
        m_keyringChecked = true;
        m_keyringAvailable = bool(available);
        if (m_keyringAvailable) {
            showKeyringStatus(tr("Passwords are kept in the %1, never in the settings file.")
                                  .arg(m_store->credentials()->name()),
                              false);
        } else {
            m_savePassword->setChecked(false);
            m_savePassword->setEnabled(false);
            showKeyringStatus(tr("⚠ No system keyring is available, so passwords will not be "
                                 "saved: you will type the password each time. (%1)")
                                  .arg(available.error().detail().isEmpty()
                                           ? available.error().message()
                                           : available.error().detail()),
                              true);
        }
    });
}

void ConnectionDialog::showKeyringStatus(const QString &text, bool warning)
{
    m_keyringStatus->setText(text);
    m_keyringStatus->setStyleSheet(warning ? QStringLiteral("color: #b26a00; font-weight: bold;")
                                           : QString());
}

QString ConnectionDialog::keyringStatusText() const
{
    return m_keyringStatus->text();
}

QString ConnectionDialog::testResultText() const
{
    return m_testResult->text();
}

void ConnectionDialog::refreshLists()
{
    m_saved->clear();
    for (const ConnectionProfile &profile : m_store->connections()) {
        auto *item = new QListWidgetItem(tagIcon(profile.tag), profile.name, m_saved);
        item->setData(IdRole, profile.id);
        item->setToolTip(profile.isProjectFolder() ? profile.projectFolder : profile.url);
        if (profile.id == m_currentId)
            m_saved->setCurrentItem(item);
    }
    m_recent->clear();
    for (const QString &folder : m_store->recentProjects()) {
        auto *item = new QListWidgetItem(QFileInfo(folder).fileName(), m_recent);
        item->setData(IdRole, folder);
        item->setToolTip(folder);
    }
}

void ConnectionDialog::newConnection()
{
    m_currentId.clear();
    m_saved->clearSelection();
    m_name->clear();
    m_tag->setCurrentIndex(0);
    useUrlInstead();
    m_form->clear();
    m_testResult->clear();
    m_delete->setEnabled(false);
}

void ConnectionDialog::deleteConnection()
{
    if (m_currentId.isEmpty())
        return;
    whenReady(this, m_store->remove(m_currentId), [this](const Status &removed) {
        if (!removed)
            showKeyringStatus(tr("The connection is deleted, but its password may remain in "
                                 "the keyring: %1")
                                  .arg(removed.error().message()),
                              true);
    });
    newConnection();
    refreshLists();
}

void ConnectionDialog::selectConnection(const QString &id)
{
    const auto profile = m_store->connection(id);
    if (!profile)
        return;
    m_currentId = id;
    m_delete->setEnabled(true);
    m_name->setText(profile->name);
    m_tag->setCurrentIndex(int(allEnvironmentTags().indexOf(profile->tag)));
    m_testResult->clear();
    if (profile->isProjectFolder()) {
        openProjectFolder(profile->projectFolder);
    } else {
        useUrlInstead();
        const auto parameters = ConnectionParameters::fromUrl(profile->url);
        if (parameters)
            m_form->setParameters(*parameters);
        else
            m_form->setUrl(profile->url);
        if (parameters && (profile->passwordInKeyring || profile->identityPasswordInKeyring))
            loadSecret(*profile, *parameters, !profile->passwordInKeyring);
    }
    m_savePassword->setChecked(profile->passwordInKeyring ||
                               (m_keyringAvailable && !profile->isProjectFolder()));
}

void ConnectionDialog::loadSecret(const ConnectionProfile &profile,
                                  const ConnectionParameters &shown, bool identity)
{
    auto secret = identity ? m_store->identityPassword(profile.id) : m_store->password(profile.id);
    whenReady(this, secret, [this, profile, shown, identity](const Result<QString> &password) {
        // A keyring that took its time must not overwrite what is on screen now.
        if (m_currentId != profile.id || !m_projectFolder.isEmpty() ||
            m_form->url() != shown.toUrl())
            return;
        if (!password) {
            showKeyringStatus(
                (identity ? tr("The saved password of the client identity could not be read: %1")
                          : tr("The saved password could not be read: %1"))
                    .arg(password.error().message()),
                true);
            emit passwordLoaded(false);
            return;
        }
        ConnectionParameters filled = shown;
        (identity ? filled.sslIdentityPassword : filled.password) = *password;
        m_form->setParameters(filled);
        if (!identity && profile.identityPasswordInKeyring)
            loadSecret(profile, filled, true); // then the identity's
        else
            emit passwordLoaded(true);
    });
}

bool ConnectionDialog::openProjectFolder(const QString &folder)
{
    ProjectOptions options;
    options.workingDirectory = QDir(folder).absolutePath();
    options.allowUrlWithoutSchema = false;
    const auto project = ProjectResolver::resolve(options);
    if (!project) {
        m_testResult->setText(tr("<b>This folder cannot be opened:</b> %1")
                                  .arg(project.error().message().toHtmlEscaped()));
        return false;
    }
    m_project = *project;
    m_projectFolder = options.workingDirectory;
    const QString schema = QDir(m_projectFolder).relativeFilePath(project->schemaPath);
    m_folderLabel->setText(tr("<b>Project folder</b> %1<br>Schema: %2 · URL from %3")
                               .arg(m_projectFolder.toHtmlEscaped(), schema.toHtmlEscaped(),
                                    project->urlSource.toHtmlEscaped()));
    m_folderLabel->show();
    m_useUrl->show();
    // The form shows what the folder names, for reading: the folder stays the source.
    auto parameters = ConnectionParameters::fromUrl(project->urlText);
    if (parameters)
        m_form->setParameters(*parameters);
    m_form->setEnabled(false);
    m_savePassword->setEnabled(false);
    if (m_name->text().isEmpty())
        m_name->setText(QFileInfo(m_projectFolder).fileName());
    m_testResult->clear();
    return true;
}

void ConnectionDialog::useUrlInstead()
{
    m_projectFolder.clear();
    m_project = ResolvedProject();
    m_folderLabel->hide();
    m_useUrl->hide();
    m_form->setEnabled(true);
    m_savePassword->setEnabled(m_keyringAvailable);
}

EnvironmentTag ConnectionDialog::currentTag() const
{
    return environmentTagFromName(m_tag->currentData().toString())
        .value_or(EnvironmentTag::Development);
}

void ConnectionDialog::updateBand()
{
    m_band->setEnvironment(currentTag(), m_name->text().trimmed());
}

Result<DatabaseUrl> ConnectionDialog::currentUrl() const
{
    if (!m_projectFolder.isEmpty())
        return m_project.url;
    if (!m_form->problem().isEmpty())
        return Error(Error::Code::UrlMalformed, m_form->problem());
    return DatabaseUrl::parse(m_form->url());
}

void ConnectionDialog::testConnection()
{
    const auto url = currentUrl();
    if (!url) {
        showTestResult({false, url.error().message(), QString()});
        emit testFinished(false);
        return;
    }
    const int generation = ++m_testGeneration;
    m_testing = true;
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Connecting to %1…").arg(url->redacted().toHtmlEscaped()));
    auto *watcher = new QFutureWatcher<TestOutcome>(this);
    connect(watcher, &QFutureWatcher<TestOutcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_testGeneration)
            return;
        m_testing = false;
        m_test->setEnabled(true);
        const TestOutcome outcome = watcher->result();
        showTestResult(outcome);
        emit testFinished(outcome.ok);
    });
    const DatabaseUrl target = *url;
    watcher->setFuture(QtConcurrent::run([target] {
        const auto report = ConnectionCheck::run(target);
        if (report)
            return TestOutcome{true, report->summary(), QString()};
        return TestOutcome{false, report.error().message(), report.error().detail()};
    }));
}

void ConnectionDialog::showTestResult(const TestOutcome &outcome)
{
    m_testResult->setStyleSheet(outcome.ok ? QStringLiteral("color: #2e7d32;")
                                           : QStringLiteral("color: #c62828;"));
    QString html =
        (outcome.ok ? QStringLiteral("✔ ") : QStringLiteral("✖ ")) + outcome.text.toHtmlEscaped();
    if (!outcome.detail.isEmpty())
        html += QStringLiteral("<br><small>%1</small>")
                    .arg(outcome.detail.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                QLatin1String("<br>")));
    m_testResult->setText(html);
}

void ConnectionDialog::saveConnection()
{
    if (m_saving)
        return;
    ConnectionProfile profile;
    profile.id = m_currentId;
    profile.name = m_name->text().trimmed();
    profile.tag = currentTag();
    if (!m_projectFolder.isEmpty()) {
        profile.projectFolder = m_projectFolder;
    } else {
        profile.url = m_form->url();
        if (profile.name.isEmpty()) {
            const ConnectionParameters parameters = m_form->parameters();
            profile.name = parameters.provider == DatabaseUrl::Provider::SQLite
                               ? QFileInfo(parameters.sqliteFile).fileName()
                               : QStringLiteral("%1/%2").arg(parameters.host, parameters.database);
            m_name->setText(profile.name);
        }
    }
    const QString password = m_projectFolder.isEmpty() ? m_form->parameters().password : QString();
    // Connecting closes the dialog, and the store and keyring it owns with it: a save still
    // waiting for the keyring would be lost, so Connect waits too.
    m_saving = true;
    m_save->setEnabled(false);
    m_connect->setEnabled(false);
    whenReady(
        this, m_store->save(profile, password, m_savePassword->isChecked()),
        [this, shownId = m_currentId](const Result<ConnectionStore::Saved> &saved) {
            m_saving = false;
            m_save->setEnabled(true);
            m_connect->setEnabled(true);
            if (!saved) {
                m_testResult->setStyleSheet(QStringLiteral("color: #c62828;"));
                m_testResult->setText(
                    tr("Not saved: %1").arg(saved.error().message().toHtmlEscaped()));
                emit saveFinished(false);
                return;
            }
            // The user may have moved on to another connection while the keyring answered.
            if (m_currentId == shownId) {
                m_currentId = saved->profile.id;
                m_delete->setEnabled(true);
            }
            if (saved->passwordError.isError())
                showKeyringStatus(
                    tr("⚠ Saved without the password: %1").arg(saved->passwordError.message()),
                    true);
            else if (saved->profile.passwordInKeyring || saved->profile.identityPasswordInKeyring)
                showKeyringStatus(
                    tr("Saved; the password is in the %1.").arg(m_store->credentials()->name()),
                    false);
            refreshLists();
            emit saveFinished(true);
        });
}

void ConnectionDialog::accept()
{
    if (m_saving)
        return; // see saveConnection()
    ConnectionChoice choice;
    choice.tag = currentTag();
    if (!m_projectFolder.isEmpty()) {
        choice.options.workingDirectory = m_projectFolder;
        choice.displayName =
            m_name->text().trimmed().isEmpty() ? m_projectFolder : m_name->text().trimmed();
        m_store->addRecentProject(m_projectFolder);
    } else {
        const auto url = currentUrl();
        if (!url) {
            showTestResult({false, url.error().message(), QString()});
            return;
        }
        choice.options.urlOverride = m_form->url();
        choice.options.workingDirectory = QDir::currentPath();
        choice.displayName =
            m_name->text().trimmed().isEmpty() ? url->redacted() : m_name->text().trimmed();
    }
    m_choice = choice;
    QDialog::accept();
}

} // namespace gh::ui
