#include "core/url/DatabaseUrl.h"
#include "core/url/UrlRedaction.h"

#include <QTest>

class TestUrlRedaction : public QObject
{
    Q_OBJECT

private slots:
    void hidesEveryPasswordAndKeepsTheRest_data();
    void hidesEveryPasswordAndKeepsTheRest();
    void isIdempotent();
    void databaseUrlRedactedUsesIt();
};

void TestUrlRedaction::hidesEveryPasswordAndKeepsTheRest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("plain URL") << "postgresql://u:secret@h/db"
                     << "postgresql://u:****@h/db";
    row("port and query kept") << "postgres://u:secret@h:5432/db?schema=x"
                               << "postgres://u:****@h:5432/db?schema=x";
    row("URL inside a message")
        << "Could not connect to postgresql://admin:hunter2@db.internal:5432/app: timeout"
        << "Could not connect to postgresql://admin:****@db.internal:5432/app: timeout";
    row("no password") << "postgresql://u@h/db"
                       << "postgresql://u@h/db";
    row("host and port only") << "postgresql://localhost:5432/db"
                              << "postgresql://localhost:5432/db";
    // host:port cannot be told from user:password: an '@' later in the URL hides too much,
    // because the opposite rule leaks passwords such as "1/x@h".
    row("@ in the query hides too much, never too little")
        << "postgresql://h:5432/db?application_name=a@b"
        << "postgresql://h:****@b";
    row("password of digits and a slash") << "postgresql://u:12/x@h/db"
                                          << "postgresql://u:****@h/db";
    row("password of digits and a space") << "postgresql://u:9 x@h/db"
                                          << "postgresql://u:****@h/db";
    row("password starting with @") << "postgresql://u:@pw x@h/db"
                                    << "postgresql://u:****@h/db";
    row("empty password") << "postgresql://u:@h/db"
                          << "postgresql://u:@h/db";
    row("percent-encoded password") << "postgresql://u:p%40ss@h/db"
                                    << "postgresql://u:****@h/db";
    row("unencoded @ in password") << "postgresql://u:p@ss@h/db"
                                   << "postgresql://u:****@h/db";
    row("unencoded / in password") << "postgresql://u:pa/ss@h/db"
                                   << "postgresql://u:****@h/db";
    row("unencoded # and ? in password") << "postgresql://u:a#b?c@h/db"
                                         << "postgresql://u:****@h/db";
    row("space in password") << "postgresql://u:my secret@h/db"
                             << "postgresql://u:****@h/db";
    row("numeric password") << "postgresql://u:1234@h/db"
                            << "postgresql://u:****@h/db";
    row("malformed: unclosed IPv6") << "postgresql://u:secret@[::1/db"
                                    << "postgresql://u:****@[::1/db";
    row("malformed: bad port") << "bad URL postgresql://u:secret@h:abc/db"
                               << "bad URL postgresql://u:****@h:abc/db";
    row("empty user") << "postgresql://:secret@h/db"
                      << "postgresql://:****@h/db";
    row("two URLs") << "from postgresql://a:one1@h1/db to postgres://b:two2@h2/db"
                    << "from postgresql://a:****@h1/db to postgres://b:****@h2/db";
    row("other schemes too") << "mysql://root:secret@localhost/db"
                             << "mysql://root:****@localhost/db";
    row("multi-line text") << "line1 postgresql://u:pw1@h/db\nline2 mail x@y"
                           << "line1 postgresql://u:****@h/db\nline2 mail x@y";
    row("space in the user name") << "postgresql://jo hn:secret@h/db"
                                  << "postgresql://jo hn:****@h/db";
    row("conninfo password") << "host=h password=secret dbname=d"
                             << "host=h password=**** dbname=d";
    row("conninfo quoted password") << "password='se cret' user=u"
                                    << "password=**** user=u";
    row("conninfo quoted with escapes") << "password='it\\'s \\\\ here' user=u"
                                        << "password=**** user=u";
    row("conninfo quoted, text run on") << "password='se cret'x;y user=u"
                                        << "password=**** user=u";
    row("conninfo spaces around =") << "user=u password = secret"
                                    << "user=u password = ****";
    row("conninfo unterminated quote") << "password='secret"
                                       << "password=****";
    row("PGPASSWORD") << "PGPASSWORD=secret psql -h h"
                      << "PGPASSWORD=**** psql -h h";
    row("sslpassword") << "sslpassword=secret sslmode=require"
                       << "sslpassword=**** sslmode=require";
    row("password in URL query") << "postgresql://h/db?password=secret&sslmode=require"
                                 << "postgresql://h/db?password=****&sslmode=require";
    row("sslpassword in URL query") << "postgresql://h/db?sslidentity=x.p12&sslpassword=secret"
                                    << "postgresql://h/db?sslidentity=x.p12&sslpassword=****";
    row("libpq message untouched") << "FATAL:  password authentication failed for user \"u\""
                                   << "FATAL:  password authentication failed for user \"u\"";
    row("plain text untouched") << "nothing to hide here: a@b c:d"
                                << "nothing to hide here: a@b c:d";
    row("sqlite URL untouched") << "file:./dev.db"
                                << "file:./dev.db";
    row("empty") << ""
                 << "";
}

void TestUrlRedaction::hidesEveryPasswordAndKeepsTheRest()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(gh::redactDatabaseUrl(text), expected);
}

void TestUrlRedaction::isIdempotent()
{
    const QString once =
        gh::redactDatabaseUrl(QStringLiteral("postgresql://u:secret@h/db password=x"));
    QCOMPARE(gh::redactDatabaseUrl(once), once);
}

void TestUrlRedaction::databaseUrlRedactedUsesIt()
{
    const QString text = QStringLiteral("postgresql://u:my secret@h/db");
    const auto url = gh::DatabaseUrl::parse(text);
    QVERIFY(url.ok());
    QCOMPARE(url->redacted(), gh::redactDatabaseUrl(text));
    QVERIFY(!url->redacted().contains(QStringLiteral("secret")));
}

QTEST_APPLESS_MAIN(TestUrlRedaction)
#include "tst_urlredaction.moc"
