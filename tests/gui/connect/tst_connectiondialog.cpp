#include "core/url/ConnectionStore.h"
#include "core/url/CredentialStore.h"
#include "core/url/KeychainCredentialStore.h"
#include "tests/support/AwaitFuture.h"
#include "tests/support/FileCredentialStore.h"
#include "tests/support/HeldCredentialStore.h"
#include "ui/connect/ConnectionDialog.h"
#include "ui/connect/ConnectionForm.h"
#include "ui/connect/EnvironmentBand.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using gh::ConnectionProfile;
using gh::ConnectionStore;
using gh::Error;
using gh::test::await;
using gh::test::FileCredentialStore;
using gh::test::HeldCredentialStore;
using gh::ui::ConnectionDialog;
using gh::ui::ConnectionForm;

namespace {

template <typename T> T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child widget named %s", name);
    return widget;
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void typingAUrlFillsTheFields();
    void editingFieldsRewritesTheUrl();
    void urlLineNeverShowsThePassword_data();
    void urlLineNeverShowsThePassword();
    void keepingTheRedactedMarkKeepsThePassword();
    void pkcs12IdentityHasItsFieldsAndItsPasswordIsHidden();
    void sqliteUrlShowsTheFileField();
    void invalidUrlSaysWhatIsWrong();
    void noKeyringIsSaidAndNoPasswordIsSaved();
    void savedPasswordComesBackWithAWorkingKeyring();
    void savedIdentityPasswordComesBackToo_data();
    void savedIdentityPasswordComesBackToo();
    void aSlowKeyringNeitherBlocksNorOverwritesWhatIsShown();
    void closingTheDialogWhileTheKeyringIsBusyIsSafe();
    void productionTagTurnsTheBandRed();
    void projectFolderIsUsedAndRemembered();
    void connectHandsOverTheUrlWithItsPassword();
    void testConnectionRunsAndReportsTheServerVersion();
    void testConnectionReportsAMissingFile();
    void screenshot();

private:
    QString settingsPath() const { return m_dir->filePath(QStringLiteral("gatehouse.ini")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<gh::KeychainCredentialStore> m_keyring;
    std::unique_ptr<ConnectionStore> m_store;
};

void TestConnectionDialog::initTestCase()
{
    // No keyring for this process, whatever the machine has (CI has none).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/gatehouse-test-bus");
}

void TestConnectionDialog::init()
{
    m_store.reset();
    m_settings.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    m_keyring =
        std::make_unique<gh::KeychainCredentialStore>(QStringLiteral("gatehouse-test"), 20000);
    m_store = std::make_unique<ConnectionStore>(m_settings.get(), m_keyring.get());
}

void TestConnectionDialog::typingAUrlFillsTheFields()
{
    ConnectionDialog dialog(m_store.get());
    ConnectionForm *form = dialog.form();
    QLineEdit *url = form->urlEdit();
    url->clear();
    QTest::keyClicks(url, QStringLiteral("postgresql://app:hunter2@db.example.com:6432/auth?"
                                         "schema=next&sslmode=verify-full&sslcert=certs/ca.pem"));
    QCOMPARE(child<QLineEdit>(form, "host")->text(), QStringLiteral("db.example.com"));
    QCOMPARE(child<QLineEdit>(form, "port")->text(), QStringLiteral("6432"));
    QCOMPARE(child<QLineEdit>(form, "database")->text(), QStringLiteral("auth"));
    QCOMPARE(child<QLineEdit>(form, "user")->text(), QStringLiteral("app"));
    QCOMPARE(child<QLineEdit>(form, "password")->text(), QStringLiteral("hunter2"));
    QCOMPARE(child<QLineEdit>(form, "schema")->text(), QStringLiteral("next"));
    QCOMPARE(child<QComboBox>(form, "sslMode")->currentText(), QStringLiteral("verify-full"));
    QCOMPARE(child<QLineEdit>(form, "sslRootCert")->text(), QStringLiteral("certs/ca.pem"));
    QVERIFY2(!url->text().contains(QLatin1String("hunter2")), qPrintable(url->text()));
    QCOMPARE(url->text(), QStringLiteral("postgresql://app:****@db.example.com:6432/auth?"
                                         "schema=next&sslmode=verify-full&sslcert=certs/ca.pem"));
    QCOMPARE(form->problem(), QString());
}

void TestConnectionDialog::editingFieldsRewritesTheUrl()
{
    ConnectionDialog dialog(m_store.get());
    ConnectionForm *form = dialog.form();
    QLineEdit *host = child<QLineEdit>(form, "host");
    host->selectAll();
    QTest::keyClicks(host, QStringLiteral("db2.internal"));
    QTest::keyClicks(child<QLineEdit>(form, "port"), QStringLiteral("5433"));
    QTest::keyClicks(child<QLineEdit>(form, "database"), QStringLiteral("auth"));
    QTest::keyClicks(child<QLineEdit>(form, "user"), QStringLiteral("support@corp"));
    QTest::keyClicks(child<QLineEdit>(form, "password"), QStringLiteral("s3cr/et"));
    QTest::keyClicks(child<QLineEdit>(form, "schema"), QStringLiteral("authjs"));
    QComboBox *sslMode = child<QComboBox>(form, "sslMode");
    sslMode->setCurrentIndex(sslMode->findText(QStringLiteral("require")));
    emit sslMode->activated(sslMode->currentIndex());
    QTest::keyClicks(child<QLineEdit>(form, "sslClientCert"), QStringLiteral("/k/client.crt"));

    QCOMPARE(form->urlEdit()->text(),
             QStringLiteral("postgresql://support%40corp:****@db2.internal:5433/auth?schema=authjs"
                            "&sslmode=require&sslclientcert=/k/client.crt"));
    QCOMPARE(form->url(), QStringLiteral("postgresql://support%40corp:s3cr%2Fet@db2.internal:5433/"
                                         "auth?schema=authjs&sslmode=require&sslclientcert=/k/"
                                         "client.crt"));
    QCOMPARE(form->problem(), QString());
}

void TestConnectionDialog::urlLineNeverShowsThePassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");
    QTest::newRow("plain") << "postgresql://u:hunter2@h/d"
                           << "hunter2";
    QTest::newRow("encoded") << "postgresql://u:p%40ss%2Fw@h/d"
                             << "p@ss/w";
    QTest::newRow("no user") << "postgresql://:hunter2@h/d"
                             << "hunter2";
    QTest::newRow("space in the user name") << "postgresql://jo hn:hunter2@h/d"
                                            << "hunter2";
}

void TestConnectionDialog::urlLineNeverShowsThePassword()
{
    QFETCH(QString, url);
    QFETCH(QString, password);
    ConnectionDialog dialog(m_store.get());
    ConnectionForm *form = dialog.form();
    // Pasted in one go.
    form->urlEdit()->clear();
    form->urlEdit()->insert(url);
    QCOMPARE(form->passwordEdit()->text(), password);
    QVERIFY(form->urlEdit()->text().contains(QLatin1String("****")));
    QVERIFY(!form->urlEdit()->text().contains(password));
    QVERIFY(!form->urlEdit()->text().contains(
        url.section(QLatin1Char(':'), 2).section(QLatin1Char('@'), 0, 0)));
    // A field edited afterwards rewrites the URL, still without it.
    QTest::keyClicks(child<QLineEdit>(form, "database"), QStringLiteral("x"));
    QVERIFY(!form->urlEdit()->text().contains(password));
    QCOMPARE(form->passwordEdit()->text(), password);
}

void TestConnectionDialog::keepingTheRedactedMarkKeepsThePassword()
{
    ConnectionDialog dialog(m_store.get());
    ConnectionForm *form = dialog.form();
    form->setUrl(QStringLiteral("postgresql://u:hunter2@h/d"));
    QCOMPARE(form->urlEdit()->text(), QStringLiteral("postgresql://u:****@h/d"));
    // Editing the host inside the URL line keeps the password it hides.
    form->urlEdit()->setCursorPosition(int(QStringLiteral("postgresql://u:****@h").size()));
    QTest::keyClicks(form->urlEdit(), QStringLiteral("ost2"));
    QCOMPARE(child<QLineEdit>(form, "host")->text(), QStringLiteral("host2"));
    QCOMPARE(form->passwordEdit()->text(), QStringLiteral("hunter2"));
    QCOMPARE(form->url(), QStringLiteral("postgresql://u:hunter2@host2/d"));
}

void TestConnectionDialog::pkcs12IdentityHasItsFieldsAndItsPasswordIsHidden()
{
    ConnectionDialog dialog(m_store.get());
    ConnectionForm *form = dialog.form();
    form->urlEdit()->clear();
    form->urlEdit()->insert(QStringLiteral("postgresql://u@h/d?sslidentity=certs/id.p12&"
                                           "sslpassword=p12%26secret"));
    QCOMPARE(child<QLineEdit>(form, "sslIdentity")->text(), QStringLiteral("certs/id.p12"));
    QLineEdit *identityPassword = child<QLineEdit>(form, "sslIdentityPassword");
    QCOMPARE(identityPassword->text(), QStringLiteral("p12&secret"));
    QCOMPARE(identityPassword->echoMode(), QLineEdit::Password);
    QCOMPARE(form->urlEdit()->text(),
             QStringLiteral("postgresql://u@h/d?sslidentity=certs/id.p12&sslpassword=****"));

    // Editing the URL line elsewhere keeps the identity's password it hides.
    form->urlEdit()->setCursorPosition(int(QStringLiteral("postgresql://u@h").size()));
    QTest::keyClicks(form->urlEdit(), QStringLiteral("ost2"));
    QCOMPARE(identityPassword->text(), QStringLiteral("p12&secret"));
    QCOMPARE(form->url(), QStringLiteral("postgresql://u@host2/d?sslidentity=certs/id.p12&"
                                         "sslpassword=p12%26secret"));

    // Typed into its field, it reaches the URL, never the URL line.
    identityPassword->clear();
    QTest::keyClicks(identityPassword, QStringLiteral("other"));
    QVERIFY(form->url().endsWith(QLatin1String("sslpassword=other")));
    QVERIFY(!form->urlEdit()->text().contains(QLatin1String("other")));
    QCOMPARE(form->problem(), QString());
}

void TestConnectionDialog::sqliteUrlShowsTheFileField()
{
    ConnectionDialog dialog(m_store.get());
    ConnectionForm *form = dialog.form();
    form->urlEdit()->clear();
    QTest::keyClicks(form->urlEdit(), QStringLiteral("file:./prisma/dev.db"));
    QCOMPARE(child<QComboBox>(form, "provider")->currentIndex(), 1);
    QCOMPARE(child<QLineEdit>(form, "sqliteFile")->text(), QStringLiteral("./prisma/dev.db"));
    QLineEdit *file = child<QLineEdit>(form, "sqliteFile");
    file->selectAll();
    QTest::keyClicks(file, QStringLiteral("/data/auth.db"));
    QCOMPARE(form->urlEdit()->text(), QStringLiteral("file:/data/auth.db"));
}

void TestConnectionDialog::invalidUrlSaysWhatIsWrong()
{
    ConnectionDialog dialog(m_store.get());
    ConnectionForm *form = dialog.form();
    form->urlEdit()->clear();
    QTest::keyClicks(form->urlEdit(), QStringLiteral("postgresql://u:secret@h:99999/d"));
    QVERIFY(form->problem().contains(QLatin1String("99999")));
    QVERIFY(!form->problem().contains(QLatin1String("secret")));
    dialog.show();
    QVERIFY(child<QLabel>(form, "urlProblem")->isVisible());
    dialog.accept();
    QVERIFY(dialog.isVisible()); // not accepted with an invalid URL
}

void TestConnectionDialog::noKeyringIsSaidAndNoPasswordIsSaved()
{
    QString id;
    {
        ConnectionDialog dialog(m_store.get());
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isKeyringChecked(), 30000);
        QVERIFY(!dialog.isKeyringAvailable());
        QLabel *status = child<QLabel>(&dialog, "keyringStatus");
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QLatin1String("No system keyring")),
                 qPrintable(status->text()));
        QVERIFY(status->text().contains(QLatin1String("will not be saved")));
        QCheckBox *savePassword = child<QCheckBox>(&dialog, "savePassword");
        QVERIFY(!savePassword->isEnabled());
        QVERIFY(!savePassword->isChecked());

        child<QLineEdit>(&dialog, "name")->setText(QStringLiteral("Staging"));
        QComboBox *tag = child<QComboBox>(&dialog, "environment");
        tag->setCurrentIndex(tag->findData(QStringLiteral("staging")));
        dialog.form()->setUrl(QStringLiteral("postgresql://app:hunter2@db.staging:5432/auth"));
        QTest::mouseClick(child<QPushButton>(&dialog, "saveConnection"), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isSaving());
        const auto saved = m_store->connections();
        QCOMPARE(saved.size(), 1);
        id = saved.first().id;
        QVERIFY(!saved.first().passwordInKeyring);
    }
    m_settings->sync();
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("db.staging"));
    QVERIFY2(!text.contains("hunter2"), text.constData());

    // Loading it back: everything but the password.
    ConnectionDialog dialog(m_store.get());
    dialog.selectConnection(id);
    QCOMPARE(child<QLineEdit>(&dialog, "name")->text(), QStringLiteral("Staging"));
    QCOMPARE(child<QComboBox>(&dialog, "environment")->currentData().toString(),
             QStringLiteral("staging"));
    QCOMPARE(child<QLineEdit>(dialog.form(), "host")->text(), QStringLiteral("db.staging"));
    QCOMPARE(dialog.form()->passwordEdit()->text(), QString());
}

void TestConnectionDialog::savedPasswordComesBackWithAWorkingKeyring()
{
    FileCredentialStore keyring(m_dir->filePath(QStringLiteral("secrets.ini")));
    ConnectionStore store(m_settings.get(), &keyring);
    QString id;
    {
        ConnectionDialog dialog(&store);
        QTRY_VERIFY(dialog.isKeyringChecked());
        QVERIFY(dialog.isKeyringAvailable());
        QVERIFY(child<QCheckBox>(&dialog, "savePassword")->isChecked());
        child<QLineEdit>(&dialog, "name")->setText(QStringLiteral("Local"));
        dialog.form()->setUrl(QStringLiteral("postgresql://app:hunter2@localhost/auth"));
        QSignalSpy saved(&dialog, &ConnectionDialog::saveFinished);
        dialog.saveConnection();
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toBool(), true);
        id = store.connections().value(0).id;
        QVERIFY(store.connection(id)->passwordInKeyring);
    }
    ConnectionDialog dialog(&store);
    QSignalSpy loaded(&dialog, &ConnectionDialog::passwordLoaded);
    dialog.selectConnection(id);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(dialog.form()->passwordEdit()->text(), QStringLiteral("hunter2"));
    QCOMPARE(dialog.form()->urlEdit()->text(),
             QStringLiteral("postgresql://app:****@localhost/auth"));
}

void TestConnectionDialog::savedIdentityPasswordComesBackToo_data()
{
    QTest::addColumn<QString>("login");
    QTest::newRow("with a login password") << QStringLiteral("hunter2");
    QTest::newRow("the identity's alone") << QString();
}

void TestConnectionDialog::savedIdentityPasswordComesBackToo()
{
    QFETCH(QString, login);
    FileCredentialStore keyring(m_dir->filePath(QStringLiteral("secrets.ini")));
    ConnectionStore store(m_settings.get(), &keyring);
    const QString url = QStringLiteral("postgresql://app%1@localhost/auth?sslidentity=/k/id.p12&"
                                       "sslpassword=p12secret")
                            .arg(login.isEmpty() ? QString() : QLatin1Char(':') + login);
    QString id;
    {
        ConnectionDialog dialog(&store);
        QTRY_VERIFY(dialog.isKeyringChecked());
        child<QLineEdit>(&dialog, "name")->setText(QStringLiteral("Certificate"));
        dialog.form()->setUrl(url);
        QSignalSpy saved(&dialog, &ConnectionDialog::saveFinished);
        dialog.saveConnection();
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toBool(), true);
        id = store.connections().value(0).id;
        QVERIFY(store.connection(id)->identityPasswordInKeyring);
    }
    ConnectionDialog dialog(&store);
    QSignalSpy loaded(&dialog, &ConnectionDialog::passwordLoaded);
    dialog.selectConnection(id);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().first().toBool(), true);
    QCOMPARE(child<QLineEdit>(dialog.form(), "sslIdentityPassword")->text(),
             QStringLiteral("p12secret"));
    QCOMPARE(dialog.form()->passwordEdit()->text(), login);
    QCOMPARE(dialog.form()->url(), url);
    QVERIFY(!dialog.form()->urlEdit()->text().contains(QLatin1String("p12secret")));
}

// A keyring that waits for the user to unlock it: the dialog stays usable, says nothing it
// does not know yet, saves once, and a late answer never lands on another connection.
void TestConnectionDialog::aSlowKeyringNeitherBlocksNorOverwritesWhatIsShown()
{
    FileCredentialStore file(m_dir->filePath(QStringLiteral("secrets.ini")));
    QString alpha, bravo;
    {
        ConnectionStore direct(m_settings.get(), &file);
        for (const auto &[name, password] :
             {std::pair("Alpha", "alpha-pw"), {"Bravo", "bravo-pw"}}) {
            ConnectionProfile profile;
            profile.name = QString::fromLatin1(name);
            profile.url =
                QStringLiteral("postgresql://app@%1.local/auth").arg(profile.name.toLower());
            const auto saved = await(direct.save(profile, QString::fromLatin1(password), true));
            QVERIFY(saved);
            (profile.name == QLatin1String("Alpha") ? alpha : bravo) = saved->profile.id;
        }
    }
    HeldCredentialStore keyring(&file);
    ConnectionStore store(m_settings.get(), &keyring);
    ConnectionDialog dialog(&store);
    dialog.show();
    QTRY_COMPARE(keyring.held(), 1); // the availability check
    QVERIFY(!dialog.isKeyringChecked());
    QVERIFY2(dialog.keyringStatusText().startsWith(QLatin1String("Looking for the system keyring")),
             qPrintable(dialog.keyringStatusText()));
    keyring.releaseOne();
    QTRY_VERIFY(dialog.isKeyringChecked());
    QVERIFY(dialog.isKeyringAvailable());

    // Alpha's answer comes after Bravo was chosen: it must not fill Bravo's password.
    QSignalSpy loaded(&dialog, &ConnectionDialog::passwordLoaded);
    dialog.selectConnection(alpha);
    dialog.selectConnection(bravo);
    QCOMPARE(keyring.held(), 2);
    QCOMPARE(child<QLineEdit>(dialog.form(), "host")->text(), QStringLiteral("bravo.local"));
    keyring.releaseOne();
    QTest::qWait(20);
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(dialog.form()->passwordEdit()->text(), QString());
    keyring.releaseOne();
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(dialog.form()->passwordEdit()->text(), QStringLiteral("bravo-pw"));

    // Fields edited while the keyring thinks are the user's: the answer leaves them alone.
    dialog.selectConnection(alpha);
    QLineEdit *host = child<QLineEdit>(dialog.form(), "host");
    host->selectAll();
    QTest::keyClicks(host, QStringLiteral("elsewhere.local"));
    keyring.releaseOne();
    QTest::qWait(20);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(dialog.form()->passwordEdit()->text(), QString());

    // One save at a time: the button waits for the keyring, a second click does nothing.
    QSignalSpy saved(&dialog, &ConnectionDialog::saveFinished);
    dialog.selectConnection(bravo);
    keyring.releaseOne();
    QTRY_COMPARE(loaded.count(), 2);
    QPushButton *save = child<QPushButton>(&dialog, "saveConnection");
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog.isSaving());
    QVERIFY(!save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(keyring.held(), 1);
    // Connecting would close the dialog, and lose the save with it: it waits too.
    QPushButton *connectButton = child<QPushButton>(&dialog, "connect");
    QVERIFY(!connectButton->isEnabled());
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    keyring.releaseOne();
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toBool(), true);
    QVERIFY(save->isEnabled());
    QVERIFY(connectButton->isEnabled());
    QVERIFY(store.connection(bravo)->passwordInKeyring);
    QCOMPARE(*await(file.read(bravo)), QStringLiteral("bravo-pw"));
}

void TestConnectionDialog::closingTheDialogWhileTheKeyringIsBusyIsSafe()
{
    FileCredentialStore file(m_dir->filePath(QStringLiteral("secrets.ini")));
    HeldCredentialStore keyring(&file);
    ConnectionStore store(m_settings.get(), &keyring);
    {
        ConnectionDialog dialog(&store);
        dialog.show();
        QTRY_COMPARE(keyring.held(), 1);
        child<QLineEdit>(&dialog, "name")->setText(QStringLiteral("Local"));
        dialog.form()->setUrl(QStringLiteral("postgresql://app:hunter2@localhost/auth"));
        dialog.saveConnection();
        QCOMPARE(keyring.held(), 2);
    }
    // The answers arrive with no dialog to show them; the store still records the save.
    keyring.releaseOne();
    keyring.releaseOne();
    QTest::qWait(20);
    QCOMPARE(store.connections().size(), 1);
    QVERIFY(store.connections().first().passwordInKeyring);
}

void TestConnectionDialog::productionTagTurnsTheBandRed()
{
    ConnectionDialog dialog(m_store.get());
    child<QLineEdit>(&dialog, "name")->setText(QStringLiteral("Shop"));
    QComboBox *tag = child<QComboBox>(&dialog, "environment");
    tag->setCurrentIndex(tag->findData(QStringLiteral("production")));
    auto *band = dialog.findChild<gh::ui::EnvironmentBand *>();
    QVERIFY(band);
    QCOMPARE(band->tag(), gh::EnvironmentTag::Production);
    QCOMPARE(band->text(), QStringLiteral("PRODUCTION — Shop"));
    QVERIFY(band->styleSheet().contains(QLatin1String("#c62828")));
    dialog.form()->setUrl(QStringLiteral("postgresql://u@h/d"));
    dialog.accept();
    QCOMPARE(dialog.choice().tag, gh::EnvironmentTag::Production);
}

void TestConnectionDialog::projectFolderIsUsedAndRemembered()
{
    const QString folder = m_dir->filePath(QStringLiteral("shop"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/prisma")));
    QFile schema(folder + QStringLiteral("/prisma/schema.prisma"));
    QVERIFY(schema.open(QIODevice::WriteOnly));
    schema.write(
        "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n");
    schema.close();
    QFile env(folder + QStringLiteral("/.env"));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("DATABASE_URL=\"file:./dev.db\"\n");
    env.close();

    ConnectionDialog dialog(m_store.get());
    QVERIFY(!dialog.openProjectFolder(m_dir->filePath(QStringLiteral("nothing-here"))));
    QVERIFY(dialog.openProjectFolder(folder));
    QLabel *label = child<QLabel>(&dialog, "projectFolder");
    QVERIFY(label->text().contains(QLatin1String("prisma/schema.prisma")));
    QVERIFY(label->text().contains(QLatin1String(".env")));
    QCOMPARE(child<QLineEdit>(dialog.form(), "sqliteFile")->text(), QStringLiteral("./dev.db"));
    QVERIFY(!dialog.form()->isEnabled());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice().options.workingDirectory, folder);
    QVERIFY(dialog.choice().options.urlOverride.isEmpty());
    QCOMPARE(dialog.choice().displayName, QStringLiteral("shop"));
    QCOMPARE(m_store->recentProjects(), QStringList{folder});

    ConnectionDialog again(m_store.get());
    QCOMPARE(child<QListWidget>(&again, "recentProjects")->count(), 1);
}

void TestConnectionDialog::connectHandsOverTheUrlWithItsPassword()
{
    ConnectionDialog dialog(m_store.get());
    dialog.form()->setUrl(QStringLiteral("postgresql://app:hunter2@db:5432/auth"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice().options.urlOverride,
             QStringLiteral("postgresql://app:hunter2@db:5432/auth"));
    QCOMPARE(dialog.choice().displayName, QStringLiteral("postgresql://app:****@db:5432/auth"));
    QCOMPARE(dialog.choice().tag, gh::EnvironmentTag::Development);
}

void TestConnectionDialog::testConnectionRunsAndReportsTheServerVersion()
{
    const QString path = m_dir->filePath(QStringLiteral("auth.db"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("make"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("make"));

    ConnectionDialog dialog(m_store.get());
    dialog.form()->setUrl(QStringLiteral("file:") + path);
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, "testConnection"), Qt::LeftButton);
    QVERIFY(dialog.isTesting() || finished.count() == 1); // off the GUI thread
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY2(dialog.testResultText().contains(QLatin1String("Connected: SQLite 3.")),
             qPrintable(dialog.testResultText()));
}

void TestConnectionDialog::testConnectionReportsAMissingFile()
{
    ConnectionDialog dialog(m_store.get());
    dialog.form()->setUrl(QStringLiteral("file:") + m_dir->filePath(QStringLiteral("missing.db")));
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(dialog.testResultText().contains(QLatin1String("missing.db")),
             qPrintable(dialog.testResultText()));
}

// Renders the dialog for people to look at: GATEHOUSE_SCREENSHOT_DIR=/some/folder.
void TestConnectionDialog::screenshot()
{
    const QString folder = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (folder.isEmpty())
        QSKIP("set GATEHOUSE_SCREENSHOT_DIR to save screenshots of the dialog");
    FileCredentialStore keyring(m_dir->filePath(QStringLiteral("secrets.ini")));
    ConnectionStore store(m_settings.get(), &keyring);
    for (const char *name : {"Local dev", "Shop (production)"}) {
        gh::ConnectionProfile profile;
        profile.name = QString::fromUtf8(name);
        profile.tag = QByteArray(name).contains("production") ? gh::EnvironmentTag::Production
                                                              : gh::EnvironmentTag::Development;
        profile.url = QStringLiteral("postgresql://app@localhost/auth");
        QVERIFY(await(store.save(profile, QString(), false)));
    }
    store.addRecentProject(QStringLiteral("/home/me/projects/shop"));
    for (bool keyringAvailable : {true, false}) {
        ConnectionDialog dialog(keyringAvailable ? &store : m_store.get());
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isKeyringChecked(), 30000);
        child<QLineEdit>(&dialog, "name")->setText(QStringLiteral("Shop (production)"));
        QComboBox *tag = child<QComboBox>(&dialog, "environment");
        tag->setCurrentIndex(tag->findData(QStringLiteral("production")));
        dialog.form()->setUrl(QStringLiteral(
            "postgresql://support:hunter2@db.shop.example:5432/shop?schema=auth&sslmode=verify-full"
            "&sslcert=/etc/ssl/shop-ca.pem"));
        QTest::qWait(50);
        const QString file = QDir(folder).filePath(
            keyringAvailable ? QStringLiteral("connection-dialog.png")
                             : QStringLiteral("connection-dialog-no-keyring.png"));
        QVERIFY(dialog.grab().save(file));
    }
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
