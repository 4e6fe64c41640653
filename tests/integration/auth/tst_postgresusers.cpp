// Users end to end on a real PostgreSQL: Auth.js tables as Prisma creates them, rows as the
// adapter writes them, read back through the core.

#include "core/auth/AuthWorkspace.h"
#include "core/url/ProjectResolver.h"
#include "tests/integration/auth/AuthTestData.h"
#include "tests/support/TestPostgres.h"

#include <QtTest>

using namespace gh;
using gh::test::ScratchPostgres;
using gh::test::urlOnlyOptions;

namespace {

QString insertUsers(const QString &table, const QStringList &emails)
{
    QString sql;
    int n = 0;
    for (const QString &email : emails) {
        sql += QStringLiteral("INSERT INTO %1 (\"id\", \"name\", \"email\", \"emailVerified\", "
                              "\"updatedAt\") VALUES ('cl%2', 'User %2', '%3', "
                              "'2024-05-01 10:00:00.123', '2024-05-02 11:00:00');\n")
                   .arg(table)
                   .arg(++n, 6, 10, QLatin1Char('0'))
                   .arg(email);
    }
    return sql;
}

QStringList emailsOf(const RecordPage &page)
{
    int column = -1;
    for (int c = 0; c < page.fields.size(); ++c) {
        if (page.fields.at(c).name == QLatin1String("email"))
            column = c;
    }
    QStringList emails;
    for (const QVariantList &row : page.rows)
        emails << row.value(column).toString();
    return emails;
}

} // namespace

class TestPostgresUsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
    }

    void listsUsersWithPrismaTypes()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(pg.runSqlFile(QStringLiteral("authjs-postgres.sql")), qPrintable(pg.errorText()));
        QVERIFY(
            pg.run(insertUsers(QStringLiteral("\"User\""), {QStringLiteral("ada@example.com"),
                                                            QStringLiteral("linus@example.org")})));

        auto workspace = AuthWorkspace::open(urlOnlyOptions(pg.url()));
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        auto page = connection->queries->page(AuthModelKind::User, 10);
        QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
        QCOMPARE(emailsOf(*page), (QStringList{QStringLiteral("ada@example.com"),
                                               QStringLiteral("linus@example.org")}));
        QVERIFY(page->atEnd);

        const int verified = [&] {
            for (int c = 0; c < page->fields.size(); ++c)
                if (page->fields.at(c).name == QLatin1String("emailVerified"))
                    return c;
            return -1;
        }();
        QVERIFY(verified >= 0);
        // timestamp(3) without time zone holds UTC: it must come back as that UTC instant.
        const QDateTime expected(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC);
        QCOMPARE(page->rows.at(0).at(verified).toDateTime(), expected);
        QCOMPARE(connection->queries->count(AuthModelKind::User).value(), qint64(2));
    }

    void keysetPagesVisitEveryRowOnce()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres.sql")));
        QStringList emails;
        for (int i = 0; i < 25; ++i)
            emails << QStringLiteral("user%1@example.com").arg(i);
        QVERIFY(pg.run(insertUsers(QStringLiteral("\"User\""), emails)));

        auto workspace = AuthWorkspace::open(urlOnlyOptions(pg.url()));
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        QStringList seen;
        QVariantList after;
        for (int guard = 0; guard < 10; ++guard) {
            auto page = connection->queries->page(AuthModelKind::User, 10, after);
            QVERIFY(page.ok());
            seen += emailsOf(*page);
            if (page->atEnd)
                break;
            after = page->lastKey;
        }
        QCOMPARE(seen, emails);
    }

    void honoursSchemaParameter()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres.sql")));
        QVERIFY2(pg.runSqlFile(QStringLiteral("authjs-postgres.sql"), QStringLiteral("Tenant A")),
                 qPrintable(pg.errorText()));
        QVERIFY(pg.run(insertUsers(QStringLiteral("public.\"User\""),
                                   {QStringLiteral("public@example.com")})));
        QVERIFY(pg.run(insertUsers(
            QStringLiteral("\"Tenant A\".\"User\""),
            {QStringLiteral("tenant1@example.com"), QStringLiteral("tenant2@example.com")})));

        auto workspace =
            AuthWorkspace::open(urlOnlyOptions(pg.url(QStringLiteral("schema=Tenant%20A"))));
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        auto page = connection->queries->page(AuthModelKind::User, 10);
        QVERIFY(page.ok());
        QCOMPARE(emailsOf(*page), (QStringList{QStringLiteral("tenant1@example.com"),
                                               QStringLiteral("tenant2@example.com")}));
    }

    void missingSchemaIsNotAnAuthJsDatabase()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres.sql")));
        auto workspace =
            AuthWorkspace::open(urlOnlyOptions(pg.url(QStringLiteral("schema=nowhere"))));
        QVERIFY(!workspace.ok());
        QCOMPARE(workspace.error().code(), Error::Code::NotAuthJsDatabase);
    }

    void nonAuthJsDatabaseNamesWhatIsMissing()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.run(QStringLiteral("CREATE TABLE \"User\" (id TEXT PRIMARY KEY, email TEXT);"
                                      "CREATE TABLE orders (id INT);")));
        auto workspace = AuthWorkspace::open(urlOnlyOptions(pg.url()));
        QVERIFY(!workspace.ok());
        QCOMPARE(workspace.error().code(), Error::Code::NotAuthJsDatabase);
        const QString message = workspace.error().message();
        QVERIFY2(message.contains(QLatin1String("\"Account\"")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("\"Session\"")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("\"VerificationToken\"")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("\"Authenticator\"")), qPrintable(message));
    }

    void unreachableServerIsAClearErrorWithoutThePassword()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        auto workspace = AuthWorkspace::open(
            urlOnlyOptions(QStringLiteral("postgresql://support:hunter2@127.0.0.1:1/app")));
        QVERIFY(!workspace.ok());
        QCOMPARE(workspace.error().code(), Error::Code::ConnectionFailed);
        QVERIFY(!workspace.error().fullText().contains(QLatin1String("hunter2")));
        QVERIFY(workspace.error().message().contains(QLatin1String("127.0.0.1")));
    }

    void wrongDatabaseNameIsAConnectionError()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QString url = pg.url();
        url.replace(pg.name(), QStringLiteral("no_such_database"));
        auto workspace = AuthWorkspace::open(urlOnlyOptions(url));
        QVERIFY(!workspace.ok());
        QCOMPARE(workspace.error().code(), Error::Code::ConnectionFailed);
        QVERIFY2(workspace.error().detail().contains(QLatin1String("no_such_database")),
                 qPrintable(workspace.error().detail()));
    }

    void worksThroughPgBouncerInTransactionMode()
    {
        if (ScratchPostgres::bouncerUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PGBOUNCER_URL is not set");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres.sql"), QStringLiteral("auth")));
        QStringList emails;
        for (int i = 0; i < 30; ++i)
            emails << QStringLiteral("pooled%1@example.com").arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(pg.run(insertUsers(QStringLiteral("auth.\"User\""), emails)));

        auto workspace =
            AuthWorkspace::open(urlOnlyOptions(pg.bouncedUrl(QStringLiteral("schema=auth"))));
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        QVERIFY(workspace->url().pgbouncer());
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        // Many statements over one client connection: each may land on another server
        // connection, so nothing may rely on session state.
        QStringList seen;
        QVariantList after;
        for (int guard = 0; guard < 20; ++guard) {
            auto page = connection->queries->page(AuthModelKind::User, 4, after);
            QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
            seen += emailsOf(*page);
            if (page->atEnd)
                break;
            after = page->lastKey;
        }
        QCOMPARE(seen, emails);
    }
};

QTEST_GUILESS_MAIN(TestPostgresUsers)
#include "tst_postgresusers.moc"
