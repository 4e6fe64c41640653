#include "core/url/ConnectionParameters.h"
#include "core/url/EnvironmentTag.h"

#include <QTest>

using gh::ConnectionParameters;
using gh::DatabaseUrl;

class TestConnectionParameters : public QObject
{
    Q_OBJECT

private slots:
    void urlRoundTripsThroughTheFields_data();
    void urlRoundTripsThroughTheFields();
    void fieldsAreDecoded();
    void fieldsMakeAUrlThatParsesBack();
    void displayUrlNeverHoldsThePassword();
    void urlWithoutPasswordDropsPasswordParameters();
    void invalidUrlIsRefusedWithItsParseError();
    void clientCertificateBecomesLibpqSslcertAndSslkey();
    void environmentTagNamesRoundTrip();
};

void TestConnectionParameters::urlRoundTripsThroughTheFields_data()
{
    QTest::addColumn<QString>("url");
    auto add = [](const char *name, const char *url) {
        QTest::newRow(name) << QString::fromUtf8(url);
    };
    add("minimal", "postgresql://localhost/postgres");
    add("everything", "postgresql://app:s3cret@db.example.com:6432/auth?schema=auth&sslmode="
                      "verify-full&sslcert=./certs/ca.pem&sslclientcert=/k/client.crt&"
                      "sslclientkey=/k/client.key&pgbouncer=true&connect_timeout=10");
    add("postgres scheme", "postgres://u@h:5433/d");
    add("encoded user and password", "postgresql://us%40er:p%2Fa%3Fss@h/d%20b");
    add("ipv6", "postgresql://u@[::1]:5432/d");
    add("socket host parameter", "postgresql://u@localhost/d?host=/var/run/postgresql");
    add("sslaccept kept", "postgresql://u@h/d?sslmode=require&sslaccept=strict");
    add("PKCS#12 identity", "postgresql://u@h/d?sslmode=require&sslidentity=./certs/id.p12&"
                            "sslpassword=p%26ss%20word");
    add("sqlite", "file:./dev.db");
    add("sqlite with pool parameter", "file:./dev.db?connection_limit=1");
}

void TestConnectionParameters::urlRoundTripsThroughTheFields()
{
    QFETCH(QString, url);
    const auto parameters = ConnectionParameters::fromUrl(url);
    QVERIFY2(parameters, qPrintable(parameters ? QString() : parameters.error().message()));
    QCOMPARE(parameters->toUrl(), url);
}

void TestConnectionParameters::fieldsAreDecoded()
{
    const auto parameters = ConnectionParameters::fromUrl(
        QStringLiteral("postgresql://us%40er:p%2Fa%3Fss@db:6432/my%20db?schema=a+b&sslmode=require"
                       "&sslcert=certs/ca.pem"));
    QVERIFY(parameters);
    QCOMPARE(parameters->user, QStringLiteral("us@er"));
    QCOMPARE(parameters->password, QStringLiteral("p/a?ss"));
    QCOMPARE(parameters->host, QStringLiteral("db"));
    QCOMPARE(parameters->port, 6432);
    QCOMPARE(parameters->database, QStringLiteral("my db"));
    QCOMPARE(parameters->schema, QStringLiteral("a b"));
    QCOMPARE(parameters->sslMode, QStringLiteral("require"));
    QCOMPARE(parameters->sslRootCert, QStringLiteral("certs/ca.pem")); // as written, relative
    QVERIFY(parameters->otherParameters.isEmpty());

    const auto sqlite = ConnectionParameters::fromUrl(QStringLiteral("file:./prisma/dev.db"));
    QVERIFY(sqlite);
    QCOMPARE(sqlite->provider, DatabaseUrl::Provider::SQLite);
    QCOMPARE(sqlite->sqliteFile, QStringLiteral("./prisma/dev.db"));
}

void TestConnectionParameters::fieldsMakeAUrlThatParsesBack()
{
    ConnectionParameters parameters;
    parameters.host = QStringLiteral("db.internal");
    parameters.port = 5433;
    parameters.database = QStringLiteral("auth");
    parameters.user = QStringLiteral("support@corp");
    parameters.password = QStringLiteral("p@ss w/ord#1");
    parameters.schema = QStringLiteral("next auth");
    parameters.sslMode = QStringLiteral("verify-ca");
    parameters.sslRootCert = QStringLiteral("/etc/ssl/my ca.pem");
    const QString url = parameters.toUrl();
    const auto parsed = DatabaseUrl::parse(url);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
    QCOMPARE(parsed->host(), QStringLiteral("db.internal"));
    QCOMPARE(parsed->port(), 5433);
    QCOMPARE(parsed->user(), QStringLiteral("support@corp"));
    QCOMPARE(parsed->password(), QStringLiteral("p@ss w/ord#1"));
    QCOMPARE(parsed->schema(), QStringLiteral("next auth"));
    QCOMPARE(parsed->sslMode(), QStringLiteral("verify-ca"));
    QCOMPARE(parsed->sslRootCert(), QStringLiteral("/etc/ssl/my ca.pem"));
    QCOMPARE(parsed->warnings(), QStringList());
}

void TestConnectionParameters::displayUrlNeverHoldsThePassword()
{
    ConnectionParameters parameters;
    parameters.user = QStringLiteral("app");
    parameters.password = QStringLiteral("hunter2@x");
    parameters.database = QStringLiteral("auth");
    const QString display = parameters.toDisplayUrl();
    QCOMPARE(display, QStringLiteral("postgresql://app:****@localhost/auth"));
    QVERIFY(!display.contains(QLatin1String("hunter2")));
}

void TestConnectionParameters::urlWithoutPasswordDropsPasswordParameters()
{
    const auto parameters = ConnectionParameters::fromUrl(
        QStringLiteral("postgresql://app:hunter2@h/d?password=other&pgbouncer=true"));
    QVERIFY(parameters);
    QCOMPARE(parameters->toUrlWithoutPassword(),
             QStringLiteral("postgresql://app@h/d?pgbouncer=true"));

    const auto identity = ConnectionParameters::fromUrl(
        QStringLiteral("postgresql://app@h/d?sslidentity=id.p12&sslpassword=hunter2"));
    QVERIFY(identity);
    QCOMPARE(identity->sslIdentity, QStringLiteral("id.p12"));
    QCOMPARE(identity->sslIdentityPassword, QStringLiteral("hunter2"));
    QCOMPARE(identity->toUrlWithoutPassword(),
             QStringLiteral("postgresql://app@h/d?sslidentity=id.p12"));
    QVERIFY(!identity->toDisplayUrl().contains(QLatin1String("hunter2")));
}

void TestConnectionParameters::invalidUrlIsRefusedWithItsParseError()
{
    const auto parameters =
        ConnectionParameters::fromUrl(QStringLiteral("postgresql://u:secret@h:99999/d"));
    QVERIFY(!parameters);
    QCOMPARE(parameters.error().code(), gh::Error::Code::UrlMalformed);
    QVERIFY(parameters.error().message().contains(QLatin1String("99999")));
    QVERIFY(!parameters.error().message().contains(QLatin1String("secret")));
}

// Prisma's sslcert is the CA (libpq's sslrootcert); a PEM client certificate and key travel in
// Gatehouse's own sslclientcert / sslclientkey, which Prisma ignores.
void TestConnectionParameters::clientCertificateBecomesLibpqSslcertAndSslkey()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://u@h/d?sslmode=verify-full&sslcert=ca.pem&sslclientcert=certs/"
                       "client.crt&sslclientkey=/abs/client.key"),
        QStringLiteral("/project/prisma"));
    QVERIFY(url);
    QCOMPARE(url->warnings(), QStringList());
    const auto libpq = url->libpqParameters();
    QCOMPARE(libpq.value(QStringLiteral("sslrootcert")), QStringLiteral("/project/prisma/ca.pem"));
    QCOMPARE(libpq.value(QStringLiteral("sslcert")),
             QStringLiteral("/project/prisma/certs/client.crt"));
    QCOMPARE(libpq.value(QStringLiteral("sslkey")), QStringLiteral("/abs/client.key"));
    QVERIFY(url->libpqConnectionString().contains(
        QLatin1String("sslrootcert='/project/prisma/ca.pem' sslcert='/project/prisma/certs/"
                      "client.crt' sslkey='/abs/client.key'")));
}

void TestConnectionParameters::environmentTagNamesRoundTrip()
{
    for (const gh::EnvironmentTag tag : gh::allEnvironmentTags()) {
        QCOMPARE(gh::environmentTagFromName(gh::environmentTagName(tag)), tag);
        QCOMPARE(gh::environmentTagFromName(gh::environmentTagTitle(tag)), tag);
        QVERIFY(gh::environmentTagColorName(tag).startsWith(QLatin1Char('#')));
    }
    QCOMPARE(gh::environmentTagFromName(QStringLiteral(" PROD ")), gh::EnvironmentTag::Production);
    QVERIFY(!gh::environmentTagFromName(QStringLiteral("qa")));
    QVERIFY(gh::needsStrictConfirmation(gh::EnvironmentTag::Production));
    QVERIFY(!gh::needsStrictConfirmation(gh::EnvironmentTag::Staging));
    QCOMPARE(gh::environmentTagColorName(gh::EnvironmentTag::Production),
             QStringLiteral("#c62828"));
}

QTEST_GUILESS_MAIN(TestConnectionParameters)
#include "tst_connectionparameters.moc"
