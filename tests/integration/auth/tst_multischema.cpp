// Prisma's multiSchema on a real PostgreSQL: the datasource lists `schemas = ["base", "auth"]`,
// User says @@schema("base") and the other Auth.js models @@schema("auth") (Prisma 7's own DDL,
// tests/data/sql/authjs-postgres-multischema.sql; the adapter's rows). The URL's schema (public)
// holds a decoy copy of the Auth.js tables with other rows, so a query that looked there instead
// of in the model's own schema gives a visibly wrong answer. Browsing, search, counts and
// estimates, the user's picture, the provider list, export, revocation, the catalog check, the
// CLI and PgBouncer; and SQLite, which has no schemas.

#include "core/auth/AuthWorkspace.h"
#include "core/auth/RecordExporter.h"
#include "core/auth/Revoker.h"
#include "tests/integration/auth/AuthTestData.h"
#include "tests/support/TestPostgres.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::test;

namespace {

const char *kAda = "ada@example.com";
const char *kAdaId = "cmwyskoe90000c67d49hfmwix";
const char *kLinusId = "cmwyskpzb0000dq7dojsktdro";

// The adapter's rows (tests/data/auth/adapter-seed-postgres.sql) moved to the models' schemas.
QString multiSchemaSeed()
{
    QString seed = testDataFile(QStringLiteral("auth/adapter-seed-postgres.sql"));
    seed.replace(QStringLiteral("INSERT INTO \"User\""),
                 QStringLiteral("INSERT INTO \"base\".\"User\""));
    for (const char *table : {"Account", "Session", "VerificationToken", "Authenticator"}) {
        seed.replace(QStringLiteral("INSERT INTO \"%1\"").arg(QLatin1String(table)),
                     QStringLiteral("INSERT INTO \"auth\".\"%1\"").arg(QLatin1String(table)));
    }
    return seed;
}

// Auth.js tables in the URL's schema too, with rows no query of the multi-schema file may see.
const char *kDecoyRows = R"SQL(
INSERT INTO "User" (id, email, "updatedAt") VALUES ('decoy-user', 'decoy@example.com', now());
INSERT INTO "Account" ("userId", type, provider, "providerAccountId", "updatedAt")
  VALUES ('decoy-user', 'oauth', 'decoy-provider', 'd1', now());
INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt")
  VALUES ('decoy-session', 'decoy-user', now() + interval '1 day', now());
)SQL";

/// A project folder: prisma/schema.prisma and a .env naming the database.
struct Project
{
    QTemporaryDir dir;

    bool write(const QString &schemaText, const QString &databaseUrl)
    {
        if (!QDir(dir.path()).mkpath(QStringLiteral("prisma")))
            return false;
        QFile schema(schemaPath());
        QFile env(dir.filePath(QStringLiteral(".env")));
        if (!schema.open(QIODevice::WriteOnly) || !env.open(QIODevice::WriteOnly))
            return false;
        schema.write(schemaText.toUtf8());
        env.write(QStringLiteral("DATABASE_URL=\"%1\"\n").arg(databaseUrl).toUtf8());
        return true;
    }
    QString schemaPath() const { return dir.filePath(QStringLiteral("prisma/schema.prisma")); }

    Result<AuthWorkspace> open() const
    {
        ProjectOptions options;
        options.workingDirectory = dir.path();
        options.environment = QProcessEnvironment();
        return AuthWorkspace::open(options);
    }
};

QString multiSchemaFile()
{
    return testDataFile(QStringLiteral("auth/schemas/authjs-postgres-multischema.prisma"));
}

/// A database with the Auth.js models split over "base" and "auth", the adapter's rows in them,
/// and the decoy tables in public; analysed, as autovacuum soon would (reltuples is -1 before).
bool createDatabase(ScratchPostgres &pg)
{
    return pg.runSqlFile(QStringLiteral("authjs-postgres-multischema.sql")) &&
           pg.run(multiSchemaSeed()) && pg.runSqlFile(QStringLiteral("authjs-postgres.sql")) &&
           pg.run(QString::fromUtf8(kDecoyRows)) && pg.run(QStringLiteral("ANALYZE"));
}

qint64 countIn(ScratchPostgres &pg, const QString &qualifiedTable)
{
    auto database = Database::open(*DatabaseUrl::parse(pg.url()));
    if (!database)
        return -1;
    auto result = (*database)->query(SqlStatement(
        SqlDialect::PostgreSQL, QStringLiteral("SELECT count(*) FROM ") + qualifiedTable));
    return result ? result->value(0, 0).toLongLong() : -1;
}

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun cli(const QStringList &arguments, const QString &home)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DATABASE_URL"));
    environment.remove(QStringLiteral("GATEHOUSE_AUDIT_LOG"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home);
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(home);
    process.start(QStringLiteral(GATEHOUSE_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

RecordQuery queryOf(AuthModelKind kind)
{
    RecordQuery query;
    query.model = kind;
    return query;
}

QStringList keysOf(const RecordPage &page, const QString &field)
{
    QStringList values;
    for (int i = 0; i < page.rows.size(); ++i)
        values << page.value(i, field).toString();
    values.sort();
    return values;
}

} // namespace

class TestMultiSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (QByteArray(QTest::currentTestFunction()) == "sqliteRefusesSchemas")
            return;
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
    }

    void browsingReadsEachModelsOwnSchema_data()
    {
        QTest::addColumn<bool>("throughBouncer");
        QTest::newRow("direct") << false;
        QTest::newRow("pgbouncer") << true;
    }

    void browsingReadsEachModelsOwnSchema()
    {
        QFETCH(bool, throughBouncer);
        if (throughBouncer && ScratchPostgres::bouncerUrl().isEmpty())
            QSKIP("no PgBouncer (run tests/run-tests.sh)");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(createDatabase(pg), qPrintable(pg.errorText()));
        Project project;
        QVERIFY(project.write(multiSchemaFile(), throughBouncer ? pg.bouncedUrl() : pg.url()));
        auto workspace = project.open();
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        QCOMPARE(workspace->url().pgbouncer(), throughBouncer);
        const AuthSchema &schema = workspace->schema();
        QCOMPARE(schema.user().schema, QStringLiteral("base"));
        QCOMPARE(schema.model(AuthModelKind::Session).schema, QStringLiteral("auth"));
        QVERIFY(schema.model(AuthModelKind::Authenticator).present);
        auto connection = workspace->connect();
        QVERIFY2(connection.ok(), qPrintable(connection.error().fullText()));
        const AuthQueries &queries = *connection->queries;

        // Pages, search and filters.
        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        auto page = queries.page(sessions, 50);
        QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
        QCOMPARE(page->rows.size(), 4);
        QVERIFY(!keysOf(*page, QStringLiteral("sessionToken"))
                     .contains(QStringLiteral("decoy-session")));
        sessions.search = QStringLiteral("5f4c");
        page = queries.page(sessions, 50);
        QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
        QCOMPARE(page->rows.size(), 1);
        RecordQuery github;
        github.model = AuthModelKind::Account;
        github.provider = QStringLiteral("github");
        github.userId = QString::fromLatin1(kAdaId);
        auto accounts = queries.page(github, 50);
        QVERIFY2(accounts.ok(), qPrintable(accounts.error().fullText()));
        QCOMPARE(accounts->rows.size(), 1);
        auto last = queries.lastPage(queryOf(AuthModelKind::User), 10);
        QVERIFY2(last.ok(), qPrintable(last.error().fullText()));
        QCOMPARE(keysOf(*last, QStringLiteral("id")),
                 (QStringList{QString::fromLatin1(kAdaId), QString::fromLatin1(kLinusId)}));

        // Counts: small (analysed) tables are counted exactly.
        auto count = queries.count(queryOf(AuthModelKind::Session));
        QVERIFY2(count.ok(), qPrintable(count.error().fullText()));
        QCOMPARE(*count, qint64(4));
        auto estimate = queries.estimateCount(queryOf(AuthModelKind::Account));
        QVERIFY2(estimate.ok(), qPrintable(estimate.error().fullText()));
        QCOMPARE(estimate->rows, qint64(2));

        // The user's picture gathers rows from both schemas.
        auto picture = queries.userPicture(QString::fromLatin1(kAda));
        QVERIFY2(picture.ok(), qPrintable(picture.error().fullText()));
        QCOMPARE(picture->accounts.rows.size(), 1);
        QCOMPARE(picture->sessions.rows.size(), 3);
        QCOMPARE(picture->authenticators.rows.size(), 1);
        QCOMPARE(picture->verificationTokens.rows.size(), 1);
        QVERIFY(queries.userPicture(QStringLiteral("decoy@example.com")).error().code() ==
                Error::Code::NotFound);

        // The provider list walks auth."Account", not public's.
        auto providers = queries.distinctValues(AuthModelKind::Account, QStringLiteral("provider"));
        QVERIFY2(providers.ok(), qPrintable(providers.error().fullText()));
        QCOMPARE(*providers, QStringList{QStringLiteral("github")});

        // Export, keyed by Prisma's field names.
        QString json;
        QTextStream out(&json);
        RecordExporter::Options options;
        options.format = RecordWriter::Format::Json;
        QVERIFY(RecordExporter::run(queries, queryOf(AuthModelKind::Session), out, options));
        out.flush();
        const QJsonArray exported = QJsonDocument::fromJson(json.toUtf8()).array();
        QCOMPARE(exported.size(), 4);
        QVERIFY(exported.at(0).toObject().contains(QLatin1String("sessionToken")));
    }

    void estimatesAndSeekUseTheModelsSchema()
    {
        // Large enough for the planner's statistics rather than a count: reltuples and pg_stats
        // must be looked up in "auth", where public's one-row decoy would say otherwise.
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(createDatabase(pg), qPrintable(pg.errorText()));
        QVERIFY2(pg.run(QStringLiteral(
                     "INSERT INTO auth.\"Session\" (\"sessionToken\", \"userId\", expires, "
                     "\"updatedAt\") SELECT 'bulk-' || lpad(i::text, 6, '0'), "
                     "'cmwyskpzb0000dq7dojsktdro', timestamp '2026-01-01' + i * interval '1 "
                     "minute', now() FROM generate_series(1, 30000) i;"
                     "ANALYZE auth.\"Session\"; ANALYZE public.\"Session\";")),
                 qPrintable(pg.errorText()));
        Project project;
        QVERIFY(project.write(multiSchemaFile(), pg.url()));
        auto workspace = project.open();
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        auto estimate = connection->queries->estimateCount(sessions);
        QVERIFY2(estimate.ok(), qPrintable(estimate.error().fullText()));
        QCOMPARE(estimate->kind, RowCount::Kind::Estimate);
        QVERIFY2(estimate->rows > 25000 && estimate->rows < 35000,
                 qPrintable(QString::number(estimate->rows)));
        sessions.sortField = QStringLiteral("expires");
        auto seek = connection->queries->seek(sessions, 0.9, 20);
        QVERIFY2(seek.ok(), qPrintable(seek.error().fullText()));
        QVERIFY(!seek->rows.isEmpty());
        QVERIFY2(qAbs(seek->startFraction - 0.9) < 0.05,
                 qPrintable(QString::number(seek->startFraction)));
        const QString token = seek->value(0, QStringLiteral("sessionToken")).toString();
        QVERIFY2(token.startsWith(QLatin1String("bulk-02")), qPrintable(token));
    }

    void catalogCheckNamesTheSchema_data()
    {
        QTest::addColumn<QString>("breakIt");
        QTest::addColumn<QString>("named");
        QTest::newRow("table") << QStringLiteral("DROP TABLE auth.\"Session\"")
                               << QStringLiteral("table \"auth\".\"Session\" (model Session)");
        QTest::newRow("column") << QStringLiteral("ALTER TABLE base.\"User\" DROP COLUMN email")
                                << QStringLiteral("column \"base\".\"User\".\"email\"");
        QTest::newRow("schema") << QStringLiteral("DROP SCHEMA auth CASCADE")
                                << QStringLiteral("table \"auth\".\"Account\" (model Account)");
    }

    void catalogCheckNamesTheSchema()
    {
        // public still has every Auth.js table: only the models' own schemas may count.
        QFETCH(QString, breakIt);
        QFETCH(QString, named);
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(createDatabase(pg), qPrintable(pg.errorText()));
        QVERIFY2(pg.run(breakIt), qPrintable(pg.errorText()));
        Project project;
        QVERIFY(project.write(multiSchemaFile(), pg.url()));
        auto workspace = project.open();
        QVERIFY(!workspace.ok());
        QCOMPARE(workspace.error().code(), Error::Code::NotAuthJsDatabase);
        QVERIFY2(workspace.error().message().contains(named),
                 qPrintable(workspace.error().message()));
    }

    void revocationDeletesInEachModelsSchema_data()
    {
        QTest::addColumn<bool>("throughBouncer");
        QTest::newRow("direct") << false;
        QTest::newRow("pgbouncer") << true;
    }

    void revocationDeletesInEachModelsSchema()
    {
        QFETCH(bool, throughBouncer);
        if (throughBouncer && ScratchPostgres::bouncerUrl().isEmpty())
            QSKIP("no PgBouncer (run tests/run-tests.sh)");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(createDatabase(pg), qPrintable(pg.errorText()));
        // A table of the app's own, in base, that follows the user.
        QVERIFY2(pg.run(QStringLiteral(
                     "CREATE TABLE base.\"Post\" (id text PRIMARY KEY, \"authorId\" text NOT NULL "
                     "REFERENCES base.\"User\"(id) ON DELETE CASCADE);"
                     "INSERT INTO base.\"Post\" VALUES ('p1', 'cmwyskpzb0000dq7dojsktdro');")),
                 qPrintable(pg.errorText()));
        Project project;
        QVERIFY(project.write(multiSchemaFile(), throughBouncer ? pg.bouncedUrl() : pg.url()));
        auto workspace = project.open();
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        QTemporaryDir logDir;
        Revoker revoker(*connection->database, workspace->schema(),
                        AuditLog(logDir.filePath(QStringLiteral("audit.jsonl"))));

        // Sign Ada out everywhere: her three sessions in auth, nothing in public.
        auto plan = revoker.preview(RevocationRequest::userSessions(QString::fromLatin1(kAda)));
        QVERIFY2(plan.ok(), qPrintable(plan.error().fullText()));
        QCOMPARE(plan->rows, qint64(3));
        // The confirmation names the table a person can find: auth.Session, not the decoy's.
        QCOMPARE(plan->counts.size(), 1);
        QCOMPARE(plan->counts.first().table, QStringLiteral("auth.Session"));
        RevocationResult result = revoker.execute(*plan);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(result.rows, qint64(3));
        QCOMPARE(countIn(pg, QStringLiteral("auth.\"Session\"")), qint64(1));
        QCOMPARE(countIn(pg, QStringLiteral("public.\"Session\"")), qint64(1));

        // One session by token.
        plan = revoker.preview(
            RevocationRequest::session(QStringLiteral("4f2462ac-a0d2-44b0-889c-17199dd00d4e")));
        QVERIFY2(plan.ok(), qPrintable(plan.error().fullText()));
        result = revoker.execute(*plan);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(countIn(pg, QStringLiteral("auth.\"Session\"")), qint64(0));

        // Deleting a user: its rows in auth go with it; the app's table in base is named (its
        // foreign key cascades), the Auth.js tables in auth are not.
        plan = revoker.preview(RevocationRequest::deleteUser(QString::fromLatin1(kLinusId)));
        QVERIFY2(plan.ok(), qPrintable(plan.error().fullText()));
        QStringList warnings;
        for (const RevocationWarning &w : plan->warnings)
            warnings << w.message;
        const QString all = warnings.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("1 row of \"base.Post\"")), qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("Account")), qPrintable(all));
        QStringList tables;
        for (const RevocationCount &c : plan->counts)
            tables << c.table;
        QCOMPARE(tables.first(), QStringLiteral("base.User"));
        QVERIFY2(tables.contains(QStringLiteral("auth.Account")), qPrintable(tables.join(u',')));
        result = revoker.execute(*plan);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(countIn(pg, QStringLiteral("base.\"User\"")), qint64(1));
        QCOMPARE(countIn(pg, QStringLiteral("auth.\"Account\"")), qint64(1));
        QCOMPARE(countIn(pg, QStringLiteral("public.\"User\"")), qint64(1));

        // Expired verification tokens: none yet (they expire a day after the seed).
        plan = revoker.preview(RevocationRequest::expiredVerificationTokens());
        QVERIFY2(plan.ok(), qPrintable(plan.error().fullText()));
    }

    void cliListsAndRevokes()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(createDatabase(pg), qPrintable(pg.errorText()));
        Project project;
        QVERIFY(project.write(multiSchemaFile(), pg.url()));
        const QString url = ScratchPostgres::bouncerUrl().isEmpty() ? pg.url() : pg.bouncedUrl();
        const QStringList where = {QStringLiteral("--url"), url, QStringLiteral("--schema"),
                                   project.schemaPath()};
        QTemporaryDir home;

        CliRun run = cli(QStringList{QStringLiteral("sessions"), QStringLiteral("list"),
                                     QStringLiteral("--format"), QStringLiteral("json")} +
                             where,
                         home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray sessions = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(sessions.size(), 4);
        QVERIFY(!run.out.contains(QLatin1String("decoy")));

        run = cli(QStringList{QStringLiteral("users"), QStringLiteral("show"),
                              QString::fromLatin1(kAda), QStringLiteral("--format"),
                              QStringLiteral("json")} +
                      where,
                  home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject user = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY2(!user.isEmpty(), qPrintable(run.out));

        run = cli(QStringList{QStringLiteral("accounts"), QStringLiteral("list"),
                              QStringLiteral("--provider"), QStringLiteral("github"),
                              QStringLiteral("--format"), QStringLiteral("csv")} +
                      where,
                  home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(QStringLiteral("\r\n")), 3);

        run = cli(QStringList{QStringLiteral("accounts"), QStringLiteral("providers"),
                              QStringLiteral("--format"), QStringLiteral("json")} +
                      where,
                  home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array(),
                 QJsonArray{QStringLiteral("github")});

        run = cli(QStringList{QStringLiteral("sessions"), QStringLiteral("revoke"),
                              QStringLiteral("--user"), QString::fromLatin1(kAda),
                              QStringLiteral("--yes")} +
                      where,
                  home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QCOMPARE(countIn(pg, QStringLiteral("auth.\"Session\"")), qint64(1));
        QCOMPARE(countIn(pg, QStringLiteral("public.\"Session\"")), qint64(1));
    }

    void sqliteRefusesSchemas()
    {
        // SQLite has no schemas; Prisma's validator refuses `schemas` and `@@schema` there, and
        // so does Gatehouse, naming the model, rather than failing in SQL.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("dev.db"));
        {
            auto database = Database::open(*DatabaseUrl::parse(QStringLiteral("file:") + file),
                                           Database::OpenMode::CreateIfMissing);
            QVERIFY2(database.ok(), qPrintable(database.error().fullText()));
            QVERIFY(
                (*database)->executeScript(testDataFile(QStringLiteral("sql/authjs-sqlite.sql"))));
        }
        QString schemaText = multiSchemaFile();
        schemaText.replace(QStringLiteral("provider = \"postgresql\""),
                           QStringLiteral("provider = \"sqlite\""));
        Project project;
        QVERIFY(project.write(schemaText, QStringLiteral("file:") + file));
        auto workspace = project.open();
        QVERIFY(!workspace.ok());
        QCOMPARE(workspace.error().code(), Error::Code::SchemaInvalid);
        QVERIFY2(workspace.error().message().contains(QLatin1String("SQLite has no schemas")),
                 qPrintable(workspace.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestMultiSchema)
#include "tst_multischema.moc"
