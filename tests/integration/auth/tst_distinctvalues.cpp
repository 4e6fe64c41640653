// AuthQueries::distinctValues(), the provider filter's list: the same answer as SELECT DISTINCT
// on PostgreSQL (both Auth.js layouts: provider leads the @@id in one and a @@unique in the
// other, so the loose index scan walks either) and on the demo database (SQLite), for a column
// no index leads with too, and through PgBouncer.

#include "core/auth/AuthWorkspace.h"
#include "core/auth/DemoProject.h"
#include "tests/integration/auth/AuthTestData.h"
#include "tests/support/TestPostgres.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::test;

namespace {

/// SELECT DISTINCT, plainly, in the column's order.
QStringList selectDistinct(const AuthQueries &queries, const QString &field)
{
    Database &database = queries.database();
    const AuthModel &accounts = queries.schema().model(AuthModelKind::Account);
    const QString column = quoteIdentifier(database.dialect(), accounts.column(field));
    auto result = database.query(
        SqlStatement(database.dialect(), QStringLiteral("SELECT DISTINCT %1 FROM %2 ORDER BY %1")
                                             .arg(column, accounts.tableIn(database))));
    QStringList values;
    if (result) {
        for (const QVariantList &row : result->rows())
            values << row.value(0).toString();
    }
    return values;
}

} // namespace

class TestDistinctValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postgresMatchesSelectDistinct_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<bool>("throughBouncer");
        QTest::newRow("prisma default") << int(AuthLayout::PrismaDefault) << false;
        QTest::newRow("snake_case") << int(AuthLayout::SnakeCase) << false;
        QTest::newRow("prisma default, pgbouncer") << int(AuthLayout::PrismaDefault) << true;
    }

    void postgresMatchesSelectDistinct()
    {
        QFETCH(int, layout);
        QFETCH(bool, throughBouncer);
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
        if (throughBouncer && ScratchPostgres::bouncerUrl().isEmpty())
            QSKIP("no PgBouncer (run tests/run-tests.sh)");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        const bool snake = AuthLayout(layout) == AuthLayout::SnakeCase;
        QVERIFY(pg.runSqlFile(snake ? QStringLiteral("authjs-postgres-snake.sql")
                                    : QStringLiteral("authjs-postgres.sql")));
        QVERIFY2(pg.run(generateAuthData(AuthLayout(layout))), qPrintable(pg.errorText()));
        // A provider whose name sorts between others and one with a quote: the walk steps by
        // value, not by position.
        QVERIFY2(
            pg.run(
                snake ? QStringLiteral("INSERT INTO accounts (id, user_id, type, provider, "
                                       "provider_account_id) SELECT 'x' || i, user_id, 'oauth', "
                                       "CASE WHEN i = 1 THEN 'gitlab' ELSE 'o''auth' END, 'p' || i "
                                       "FROM (SELECT user_id FROM accounts LIMIT 1) u, "
                                       "generate_series(1, 2) i;")
                      : QStringLiteral("INSERT INTO \"Account\" (\"userId\", type, provider, "
                                       "\"providerAccountId\", \"updatedAt\") SELECT \"userId\", "
                                       "'oauth', CASE WHEN i = 1 THEN 'gitlab' ELSE 'o''auth' END, "
                                       "'p' || i, now() FROM (SELECT \"userId\" FROM \"Account\" "
                                       "LIMIT 1) u, generate_series(1, 2) i;")),
            qPrintable(pg.errorText()));
        auto workspace =
            AuthWorkspace::open(urlOnlyOptions(throughBouncer ? pg.bouncedUrl() : pg.url()));
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        const AuthQueries &queries = *connection->queries;

        const QStringList expected = selectDistinct(queries, QStringLiteral("provider"));
        QVERIFY2(expected.size() >= 4, qPrintable(expected.join(QLatin1Char(','))));
        QVERIFY(expected.contains(QStringLiteral("o'auth")));
        auto providers = queries.distinctValues(AuthModelKind::Account, QStringLiteral("provider"));
        QVERIFY2(providers.ok(), qPrintable(providers.error().fullText()));
        QCOMPARE(*providers, expected);

        // The limit stops the walk.
        auto two = queries.distinctValues(AuthModelKind::Account, QStringLiteral("provider"), 2);
        QVERIFY(two.ok());
        QCOMPARE(*two, expected.mid(0, 2));

        // No index leads with `type`: SELECT DISTINCT, same answer.
        auto types = queries.distinctValues(AuthModelKind::Account, QStringLiteral("type"));
        QVERIFY2(types.ok(), qPrintable(types.error().fullText()));
        QCOMPARE(*types, selectDistinct(queries, QStringLiteral("type")));

        // Unknown fields are refused before any SQL.
        auto unknown = queries.distinctValues(AuthModelKind::Account, QStringLiteral("nope"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code(), Error::Code::InvalidArgument);
    }

    void demoDatabaseMatchesSelectDistinct()
    {
        QTemporaryDir dir;
        auto demo = DemoProject::ensure(dir.filePath(QStringLiteral("demo")));
        QVERIFY2(demo.ok(), qPrintable(demo.error().fullText()));
        ProjectOptions options;
        options.workingDirectory = demo->directory();
        options.environment = QProcessEnvironment();
        auto workspace = AuthWorkspace::open(options);
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        const AuthQueries &queries = *connection->queries;
        const QStringList expected = selectDistinct(queries, QStringLiteral("provider"));
        QVERIFY2(expected.size() >= 3, qPrintable(expected.join(QLatin1Char(','))));
        auto providers = queries.distinctValues(AuthModelKind::Account, QStringLiteral("provider"));
        QVERIFY2(providers.ok(), qPrintable(providers.error().fullText()));
        QCOMPARE(*providers, expected);
        auto types = queries.distinctValues(AuthModelKind::Account, QStringLiteral("type"));
        QVERIFY2(types.ok(), qPrintable(types.error().fullText()));
        QCOMPARE(*types, selectDistinct(queries, QStringLiteral("type")));
    }
};

QTEST_GUILESS_MAIN(TestDistinctValues)
#include "tst_distinctvalues.moc"
