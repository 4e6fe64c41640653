// The connection store against stand-in credential stores: a file-backed one (the round trip
// that tst_keyringroundtrip also proves against GNOME Keyring) and one with no keyring.

#include "core/url/ConnectionStore.h"
#include "core/url/CredentialStore.h"
#include "tests/support/AwaitFuture.h"
#include "tests/support/FileCredentialStore.h"
#include "tests/support/HeldCredentialStore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using gh::ConnectionProfile;
using gh::ConnectionStore;
using gh::CredentialStore;
using gh::Error;
using gh::Result;
using gh::Status;
using gh::test::await;
using gh::test::FileCredentialStore;
using gh::test::HeldCredentialStore;

namespace {

class NoKeyring : public CredentialStore
{
public:
    QFuture<Status> checkAvailable() override { return unavailable<Status>(); }
    QFuture<Status> write(const QString &, const QString &) override
    {
        return unavailable<Status>();
    }
    QFuture<Result<QString>> read(const QString &) override
    {
        return unavailable<Result<QString>>();
    }
    QFuture<Status> remove(const QString &) override { return unavailable<Status>(); }
    QString name() const override { return QStringLiteral("none"); }

private:
    template <typename T> static QFuture<T> unavailable()
    {
        return QtFuture::makeReadyFuture(
            T(Error(Error::Code::KeyringUnavailable, QStringLiteral("No system keyring"))));
    }
};

} // namespace

class TestConnectionStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void savedPasswordComesBackFromTheCredentialStore();
    void settingsFileNeverHoldsThePassword();
    void withoutKeyringThePasswordIsDroppedAndSaid();
    void untickingSavePasswordForgetsIt();
    void identityPasswordIsKeptBesideThePassword();
    void projectFolderConnectionOpensTheFolder();
    void connectionsAreSortedByNameAndRemovable();
    void recentProjectsAreMostRecentFirstAndCapped();
    void saveRefusesInvalidInput();
    void databaseOpenedFromDotEnvFindsItsSavedTag();
    void settingsAreWrittenOnlyOnceTheKeyringAnswers();
    void aStoreClosedBeforeTheKeyringAnswersWritesNothing();

private:
    QString settingsPath() const { return m_dir->filePath(QStringLiteral("gatehouse.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestConnectionStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestConnectionStore::savedPasswordComesBackFromTheCredentialStore()
{
    const QString secrets = m_dir->filePath(QStringLiteral("secrets.ini"));
    QString id;
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        FileCredentialStore credentials(secrets);
        ConnectionStore store(&settings, &credentials);
        ConnectionProfile profile;
        profile.name = QStringLiteral("Local");
        profile.url = QStringLiteral("postgresql://app@localhost:5432/auth");
        const auto saved = await(store.save(profile, QStringLiteral("pa ss@1"), true));
        QVERIFY(saved);
        QVERIFY(saved->profile.passwordInKeyring);
        QCOMPARE(saved->passwordError.code(), Error::Code::None);
        id = saved->profile.id;
    }
    // A new session: new objects over the same files.
    QSettings settings(settingsPath(), QSettings::IniFormat);
    FileCredentialStore credentials(secrets);
    ConnectionStore store(&settings, &credentials);
    const auto password = await(store.password(id));
    QVERIFY(password);
    QCOMPARE(*password, QStringLiteral("pa ss@1"));
    const auto options = store.connection(id)->projectOptions(*password);
    QCOMPARE(options.urlOverride,
             QStringLiteral("postgresql://app:pa%20ss%401@localhost:5432/auth"));
}

void TestConnectionStore::settingsFileNeverHoldsThePassword()
{
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        FileCredentialStore credentials(m_dir->filePath(QStringLiteral("secrets.ini")));
        ConnectionStore store(&settings, &credentials);
        ConnectionProfile profile;
        profile.name = QStringLiteral("In the URL");
        profile.url = QStringLiteral("postgresql://app:hunter2@h/d?password=hunter3");
        const auto saved = await(store.save(profile, QString(), true));
        QVERIFY(saved);
        QCOMPARE(*await(store.password(saved->profile.id)), QStringLiteral("hunter2"));
    }
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("postgresql://app@h/d"));
    QVERIFY2(!text.contains("hunter"), text.constData());
}

void TestConnectionStore::withoutKeyringThePasswordIsDroppedAndSaid()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    NoKeyring credentials;
    ConnectionStore store(&settings, &credentials);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Prod");
    profile.tag = gh::EnvironmentTag::Production;
    profile.url = QStringLiteral("postgresql://app@db/auth");
    const auto saved = await(store.save(profile, QStringLiteral("hunter2"), true));
    QVERIFY(saved);
    QCOMPARE(saved->passwordError.code(), Error::Code::KeyringUnavailable);
    QVERIFY(!saved->profile.passwordInKeyring);
    const auto loaded = store.connection(saved->profile.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->tag, gh::EnvironmentTag::Production);
    QCOMPARE(loaded->projectOptions().urlOverride, QStringLiteral("postgresql://app@db/auth"));
    QCOMPARE(await(store.password(saved->profile.id)).error().code(), Error::Code::NotFound);
    settings.sync();
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("hunter2"));
}

void TestConnectionStore::untickingSavePasswordForgetsIt()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    FileCredentialStore credentials(m_dir->filePath(QStringLiteral("secrets.ini")));
    ConnectionStore store(&settings, &credentials);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Local");
    profile.url = QStringLiteral("postgresql://app@localhost/auth");
    auto saved = await(store.save(profile, QStringLiteral("one"), true));
    QVERIFY(saved);
    saved = await(store.save(saved->profile, QStringLiteral("one"), false));
    QVERIFY(saved);
    QVERIFY(!saved->profile.passwordInKeyring);
    QCOMPARE(await(credentials.read(saved->profile.id)).error().code(), Error::Code::NotFound);
    QCOMPARE(store.connections().size(), 1); // replaced, not added
}

// Prisma's PKCS#12 client identity has a password of its own (sslpassword): it goes to the
// keyring beside the login password, never to the settings, and goes away with it.
void TestConnectionStore::identityPasswordIsKeptBesideThePassword()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    FileCredentialStore credentials(m_dir->filePath(QStringLiteral("secrets.ini")));
    ConnectionStore store(&settings, &credentials);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Client certificate");
    profile.url = QStringLiteral(
        "postgresql://app:hunter2@h/d?sslidentity=/k/id.p12&sslpassword=p12%26hunter3");
    auto saved = await(store.save(profile, QString(), true));
    QVERIFY(saved);
    QCOMPARE(saved->passwordError.code(), Error::Code::None);
    QVERIFY(saved->profile.passwordInKeyring);
    QVERIFY(saved->profile.identityPasswordInKeyring);
    const QString id = saved->profile.id;
    QCOMPARE(store.connection(id)->url,
             QStringLiteral("postgresql://app@h/d?sslidentity=/k/id.p12"));
    QVERIFY(store.connection(id)->identityPasswordInKeyring);
    QCOMPARE(*await(store.password(id)), QStringLiteral("hunter2"));
    QCOMPARE(*await(store.identityPassword(id)), QStringLiteral("p12&hunter3"));
    settings.sync();
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(!file.readAll().contains("hunter"), "a password reached the settings file");

    // Unticked: both forgotten.
    saved = await(store.save(saved->profile, QString(), false));
    QVERIFY(saved);
    QVERIFY(!saved->profile.identityPasswordInKeyring);
    QCOMPARE(await(credentials.read(saved->profile.identityPasswordKey())).error().code(),
             Error::Code::NotFound);
    QCOMPARE(await(store.identityPassword(id)).error().code(), Error::Code::NotFound);

    // Removed: both gone from the keyring.
    profile.id = id;
    saved = await(store.save(profile, QString(), true));
    QVERIFY(saved && saved->profile.identityPasswordInKeyring);
    QVERIFY(await(store.remove(id)));
    QCOMPARE(await(credentials.read(id)).error().code(), Error::Code::NotFound);
    QCOMPARE(await(credentials.read(saved->profile.identityPasswordKey())).error().code(),
             Error::Code::NotFound);
}

void TestConnectionStore::projectFolderConnectionOpensTheFolder()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    FileCredentialStore credentials(m_dir->filePath(QStringLiteral("secrets.ini")));
    ConnectionStore store(&settings, &credentials);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Shop");
    profile.projectFolder = m_dir->path();
    const auto saved = await(store.save(profile, QStringLiteral("ignored"), true));
    QVERIFY(saved);
    QVERIFY(!saved->profile.passwordInKeyring); // the folder's .env holds it
    const auto options = store.connection(saved->profile.id)->projectOptions();
    QCOMPARE(options.workingDirectory, QDir(m_dir->path()).absolutePath());
    QVERIFY(options.urlOverride.isEmpty());
}

void TestConnectionStore::connectionsAreSortedByNameAndRemovable()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    FileCredentialStore credentials(m_dir->filePath(QStringLiteral("secrets.ini")));
    ConnectionStore store(&settings, &credentials);
    QStringList ids;
    for (const char *name : {"zeta", "Alpha", "mid"}) {
        ConnectionProfile profile;
        profile.name = QString::fromLatin1(name);
        profile.url = QStringLiteral("postgresql://u@h/d");
        ids << await(store.save(profile, QStringLiteral("pw"), true))->profile.id;
    }
    QStringList names;
    for (const ConnectionProfile &profile : store.connections())
        names << profile.name;
    QCOMPARE(names, (QStringList{"Alpha", "mid", "zeta"}));
    QVERIFY(await(store.remove(ids.at(0))));
    QCOMPARE(store.connections().size(), 2);
    QVERIFY(!store.connection(ids.at(0)));
    QCOMPARE(await(credentials.read(ids.at(0))).error().code(), Error::Code::NotFound);
}

void TestConnectionStore::recentProjectsAreMostRecentFirstAndCapped()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    NoKeyring credentials;
    ConnectionStore store(&settings, &credentials);
    for (int i = 0; i < ConnectionStore::MaxRecentProjects + 3; ++i)
        store.addRecentProject(QStringLiteral("/projects/p%1").arg(i));
    store.addRecentProject(QStringLiteral("/projects/p5/"));
    const QStringList recent = store.recentProjects();
    QCOMPARE(recent.size(), ConnectionStore::MaxRecentProjects);
    QCOMPARE(recent.first(), QStringLiteral("/projects/p5"));
    QCOMPARE(recent.count(QStringLiteral("/projects/p5")), 1);
    QCOMPARE(recent.at(1), QStringLiteral("/projects/p12"));
}

void TestConnectionStore::saveRefusesInvalidInput()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    NoKeyring credentials;
    ConnectionStore store(&settings, &credentials);
    ConnectionProfile profile;
    profile.url = QStringLiteral("postgresql://u@h/d");
    QCOMPARE(await(store.save(profile, QString(), false)).error().code(),
             Error::Code::InvalidArgument);
    profile.name = QStringLiteral("x");
    profile.url = QStringLiteral("mysql://u@h/d");
    QCOMPARE(await(store.save(profile, QString(), false)).error().code(),
             Error::Code::UrlUnsupportedScheme);
    QVERIFY(store.connections().isEmpty());
}

void TestConnectionStore::databaseOpenedFromDotEnvFindsItsSavedTag()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    NoKeyring credentials;
    ConnectionStore store(&settings, &credentials);
    ConnectionProfile production;
    production.name = QStringLiteral("Shop");
    production.tag = gh::EnvironmentTag::Production;
    production.url = QStringLiteral("postgresql://app@DB.shop.example:5432/shop?schema=auth");
    QVERIFY(await(store.save(production, QString(), false)));
    ConnectionProfile folder;
    folder.name = QStringLiteral("Staging checkout");
    folder.tag = gh::EnvironmentTag::Staging;
    folder.projectFolder = m_dir->path();
    QVERIFY(await(store.save(folder, QString(), false)));

    auto find = [&store](const char *url) {
        const auto parsed = gh::DatabaseUrl::parse(QString::fromLatin1(url));
        return parsed ? store.findByUrl(*parsed) : std::nullopt;
    };
    // The password, parameter order and the default port do not matter; the rest does.
    const auto found =
        find("postgresql://app:s3cret@db.shop.example/shop?connect_timeout=3&schema=auth");
    QVERIFY(found);
    QCOMPARE(found->tag, gh::EnvironmentTag::Production);
    QVERIFY(!find("postgresql://app@db.shop.example/shop")); // another schema
    QVERIFY(!find("postgresql://other@db.shop.example/shop?schema=auth"));
    QVERIFY(!find("postgresql://app@db.shop.example:6432/shop?schema=auth"));

    const auto byFolder = store.findByProjectFolder(m_dir->path() + QStringLiteral("/."));
    QVERIFY(byFolder);
    QCOMPARE(byFolder->tag, gh::EnvironmentTag::Staging);
    QVERIFY(!store.findByProjectFolder(QStringLiteral("/elsewhere")));
}

void TestConnectionStore::settingsAreWrittenOnlyOnceTheKeyringAnswers()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    FileCredentialStore file(m_dir->filePath(QStringLiteral("secrets.ini")));
    HeldCredentialStore keyring(&file);
    ConnectionStore store(&settings, &keyring);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Slow");
    profile.url = QStringLiteral("postgresql://app:pw@localhost/auth");

    const QFuture<Result<ConnectionStore::Saved>> saving = store.save(profile, QString(), true);
    QCOMPARE(keyring.held(), 1);
    QVERIFY(!saving.isFinished());
    // Until the keyring says the password is in, the settings do not claim it.
    QVERIFY(store.connections().isEmpty());

    keyring.releaseOne();
    const auto saved = await(saving);
    QVERIFY(saved);
    QVERIFY(saved->profile.passwordInKeyring);
    QCOMPARE(store.connections().size(), 1);
    QVERIFY(store.connections().first().passwordInKeyring);

    const QFuture<Result<QString>> reading = store.password(saved->profile.id);
    QVERIFY(!reading.isFinished());
    keyring.releaseOne();
    QCOMPARE(*await(reading), QStringLiteral("pw"));

    // Removing drops the connection at once; the keyring entry follows when it answers.
    const QFuture<Status> removing = store.remove(saved->profile.id);
    QVERIFY(store.connections().isEmpty());
    QVERIFY(!removing.isFinished());
    keyring.releaseOne();
    QVERIFY(await(removing));
    QCOMPARE(await(file.read(saved->profile.id)).error().code(), Error::Code::NotFound);
}

void TestConnectionStore::aStoreClosedBeforeTheKeyringAnswersWritesNothing()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    FileCredentialStore file(m_dir->filePath(QStringLiteral("secrets.ini")));
    HeldCredentialStore keyring(&file);
    QFuture<Result<ConnectionStore::Saved>> saving;
    {
        ConnectionStore store(&settings, &keyring);
        ConnectionProfile profile;
        profile.name = QStringLiteral("Gone");
        profile.url = QStringLiteral("postgresql://app:pw@localhost/auth");
        saving = store.save(profile, QString(), true);
    }
    keyring.releaseOne(); // the keyring answers after the store is gone
    const auto saved = await(saving);
    QCOMPARE(saved.error().code(), Error::Code::Cancelled);
    ConnectionStore reopened(&settings, nullptr);
    QVERIFY(reopened.connections().isEmpty());

    // A keyring that goes away with its answer pending cancels it.
    QFuture<Result<QString>> reading;
    {
        HeldCredentialStore closing(&file);
        reading = closing.read(QStringLiteral("anything"));
    }
    QVERIFY(reading.isCanceled());
}

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "tst_connectionstore.moc"
