// The fallback path against the real QtKeychain: with no session bus there is no keyring, and
// saving a connection keeps everything but the password, visibly.

#include "core/url/ConnectionStore.h"
#include "core/url/KeychainCredentialStore.h"
#include "tests/support/AwaitFuture.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using gh::ConnectionProfile;
using gh::ConnectionStore;
using gh::Error;
using gh::KeychainCredentialStore;
using gh::test::await;

class TestKeyringUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void checkAvailableSaysThereIsNoKeyring();
    void writeAndReadFailAsUnavailable();
    void savingAConnectionDropsThePasswordAndSaysWhy();

private:
    QTemporaryDir m_dir;
};

void TestKeyringUnavailable::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Whatever the machine has, this process sees no session bus (the CI machine has none).
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QStringLiteral("unix:path=%1/no-bus-here").arg(m_dir.path()).toUtf8());
    qputenv("XDG_CURRENT_DESKTOP", "GNOME");
}

void TestKeyringUnavailable::checkAvailableSaysThereIsNoKeyring()
{
    KeychainCredentialStore keyring(QStringLiteral("gatehouse-test"), 20000);
    const auto status = await(keyring.checkAvailable());
    QVERIFY(!status);
    QCOMPARE(status.error().code(), Error::Code::KeyringUnavailable);
    QVERIFY2(status.error().message().contains(QLatin1String("No system keyring")),
             qPrintable(status.error().message()));
}

void TestKeyringUnavailable::writeAndReadFailAsUnavailable()
{
    KeychainCredentialStore keyring(QStringLiteral("gatehouse-test"), 20000);
    const auto written = await(keyring.write(QStringLiteral("k"), QStringLiteral("s3cret")));
    QVERIFY(!written);
    QCOMPARE(written.error().code(), Error::Code::KeyringUnavailable);
    QVERIFY(!written.error().fullText().contains(QLatin1String("s3cret")));
    const auto read = await(keyring.read(QStringLiteral("k")));
    QVERIFY(!read);
    QCOMPARE(read.error().code(), Error::Code::KeyringUnavailable);
}

void TestKeyringUnavailable::savingAConnectionDropsThePasswordAndSaysWhy()
{
    const QString settingsPath = m_dir.filePath(QStringLiteral("gatehouse.ini"));
    QSettings settings(settingsPath, QSettings::IniFormat);
    KeychainCredentialStore keyring(QStringLiteral("gatehouse-test"), 20000);
    ConnectionStore store(&settings, &keyring);

    ConnectionProfile profile;
    profile.name = QStringLiteral("Prod");
    profile.tag = gh::EnvironmentTag::Production;
    profile.url = QStringLiteral("postgresql://app:hunter2@db.example.com:6432/auth?schema=auth");
    const auto saved = await(store.save(profile, QString(), true));
    QVERIFY(saved);
    QCOMPARE(saved->passwordError.code(), Error::Code::KeyringUnavailable);
    QVERIFY(!saved->profile.passwordInKeyring);
    QCOMPARE(saved->profile.url,
             QStringLiteral("postgresql://app@db.example.com:6432/auth?schema=auth"));

    // The connection is saved, tagged, without the password anywhere in the file.
    const auto loaded = store.connection(saved->profile.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->tag, gh::EnvironmentTag::Production);
    QVERIFY(!loaded->passwordInKeyring);
    QCOMPARE(await(store.password(saved->profile.id)).error().code(), Error::Code::NotFound);
    QFile file(settingsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("db.example.com"));
    QVERIFY2(!text.contains("hunter2"), text.constData());
}

QTEST_GUILESS_MAIN(TestKeyringUnavailable)
#include "tst_keyringunavailable.moc"
