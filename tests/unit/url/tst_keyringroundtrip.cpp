// Stored credentials come back from a real keyring: GNOME Keyring on a private session bus,
// started here with a throwaway login keyring. Skips (saying why) where gnome-keyring-daemon
// or dbus-daemon is not installed; tst_connectionstore covers the store with a stand-in.

#include "core/url/ConnectionStore.h"
#include "core/url/KeychainCredentialStore.h"
#include "tests/support/AwaitFuture.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using gh::ConnectionProfile;
using gh::ConnectionStore;
using gh::Error;
using gh::KeychainCredentialStore;
using gh::test::await;

class TestKeyringRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void keyringIsAvailable();
    void writtenPasswordComesBack();
    void removedPasswordIsGone();
    void savedConnectionGetsItsPasswordBack();

private:
    bool secretServiceIsUp();

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_busAddress;
};

void TestKeyringRoundTrip::initTestCase()
{
    const QString dbusDaemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    const QString keyringDaemon =
        QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (dbusDaemon.isEmpty() || keyringDaemon.isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("dbus-send")).isEmpty())
        QSKIP("dbus-daemon, dbus-send and gnome-keyring-daemon are needed for a real keyring");
    QVERIFY(m_dir.isValid());

    // A bus of our own with no service activation: nothing reaches the user's real keyring.
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(
                   "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                   "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig><type>session</type><listen>unix:path=%1/bus</listen>"
                   "<auth>EXTERNAL</auth>"
                   "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                   "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                   .arg(m_dir.path())
                   .toUtf8());
    file.close();
    m_bus.start(dbusDaemon, {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                             QStringLiteral("--print-address=1")});
    QVERIFY(m_bus.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
    m_busAddress = QString::fromUtf8(m_bus.readLine()).trimmed();
    QVERIFY(!m_busAddress.isEmpty());

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
    m_keyring.setProcessEnvironment(environment);
    // --unlock reads the login keyring's password from standard input (and creates it).
    m_keyring.start(keyringDaemon, {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                    QStringLiteral("--components=secrets")});
    QVERIFY(m_keyring.waitForStarted());
    m_keyring.write("gatehouse-test-login");
    m_keyring.closeWriteChannel();
    // Wall-clock bound: each look takes a process start.
    QDeadlineTimer deadline(15000);
    bool up = false;
    while (!(up = secretServiceIsUp()) && !deadline.hasExpired())
        QTest::qWait(100);
    QVERIFY2(up, "gnome-keyring-daemon did not take org.freedesktop.secrets on the test bus");

    // This process talks to that bus only.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
    qputenv("XDG_CURRENT_DESKTOP", "GNOME");
}

bool TestKeyringRoundTrip::secretServiceIsUp()
{
    QProcess query;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
    query.setProcessEnvironment(environment);
    query.start(QStringLiteral("dbus-send"),
                {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                 QStringLiteral("--dest=org.freedesktop.DBus"),
                 QStringLiteral("/org/freedesktop/DBus"),
                 QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                 QStringLiteral("string:org.freedesktop.secrets")});
    return query.waitForFinished(2000) && query.readAllStandardOutput().contains("boolean true");
}

void TestKeyringRoundTrip::cleanupTestCase()
{
    for (QProcess *process : {&m_keyring, &m_bus}) {
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(5000))
                process->kill();
        }
    }
}

void TestKeyringRoundTrip::keyringIsAvailable()
{
    KeychainCredentialStore keyring(QStringLiteral("gatehouse-test"), 20000);
    const auto status = await(keyring.checkAvailable());
    QVERIFY2(status, qPrintable(status ? QString() : status.error().fullText()));
}

void TestKeyringRoundTrip::writtenPasswordComesBack()
{
    KeychainCredentialStore keyring(QStringLiteral("gatehouse-test"), 20000);
    const QString secret = QStringLiteral("p@ss:wörd/with spaces");
    QVERIFY(await(keyring.write(QStringLiteral("conn-1"), secret)));
    const auto read = await(keyring.read(QStringLiteral("conn-1")));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().fullText()));
    QCOMPARE(*read, secret);
    // Another service's entry with the same key is another entry.
    KeychainCredentialStore other(QStringLiteral("gatehouse-test-other"), 20000);
    QCOMPARE(await(other.read(QStringLiteral("conn-1"))).error().code(), Error::Code::NotFound);
}

void TestKeyringRoundTrip::removedPasswordIsGone()
{
    KeychainCredentialStore keyring(QStringLiteral("gatehouse-test"), 20000);
    QVERIFY(await(keyring.write(QStringLiteral("conn-2"), QStringLiteral("x"))));
    QVERIFY(await(keyring.remove(QStringLiteral("conn-2"))));
    QCOMPARE(await(keyring.read(QStringLiteral("conn-2"))).error().code(), Error::Code::NotFound);
    QVERIFY(await(keyring.remove(QStringLiteral("conn-2")))); // removing nothing succeeds
}

void TestKeyringRoundTrip::savedConnectionGetsItsPasswordBack()
{
    QSettings settings(m_dir.filePath(QStringLiteral("gatehouse.ini")), QSettings::IniFormat);
    KeychainCredentialStore keyring(QStringLiteral("gatehouse-test"), 20000);
    ConnectionStore store(&settings, &keyring);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Staging");
    profile.tag = gh::EnvironmentTag::Staging;
    profile.url = QStringLiteral("postgresql://app:s%40fe@db:5432/auth");
    const auto saved = await(store.save(profile, QString(), true));
    QVERIFY(saved);
    QCOMPARE(saved->passwordError.code(), Error::Code::None);
    QVERIFY(saved->profile.passwordInKeyring);

    ConnectionStore reopened(&settings, &keyring);
    const auto password = await(reopened.password(saved->profile.id));
    QVERIFY2(password, qPrintable(password ? QString() : password.error().fullText()));
    QCOMPARE(*password, QStringLiteral("s@fe"));
    QCOMPARE(reopened.connection(saved->profile.id)->projectOptions(*password).urlOverride,
             QStringLiteral("postgresql://app:s%40fe@db:5432/auth"));

    QVERIFY(await(reopened.remove(saved->profile.id)));
    QCOMPARE(await(keyring.read(saved->profile.id)).error().code(), Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestKeyringRoundTrip)
#include "tst_keyringroundtrip.moc"
