// Migration history on a real PostgreSQL: every status, deploy, failures, resolve, the lock,
// and Prisma's own history (the oracle's `prisma migrate dev` fixtures) read back.

#include "core/migrate/MigrationErrors.h"
#include "core/migrate/MigrationHistoryTable.h"
#include "core/migrate/Migrator.h"
#include "tests/integration/migrate/MigrateTestProject.h"
#include "tests/support/TestPostgres.h"

#include <QtTest>
#include <atomic>
#include <future>
#include <thread>

using namespace gh;
using gh::test::MigrateTestProject;
using gh::test::queryRows;
using gh::test::quickLock;
using gh::test::ScratchPostgres;

namespace {

const QString kInit = QStringLiteral("20250101000000_init");
const QString kRole = QStringLiteral("20250101000001_add_role");

std::unique_ptr<Migrator> migratorFor(const MigrationTarget &target,
                                      Migrator::Options options = quickLock())
{
    auto migrator = Migrator::connect(target, options);
    if (!migrator)
        qWarning("connect: %s", qPrintable(migrator.error().fullText()));
    return migrator ? std::move(migrator.value()) : nullptr;
}

QStringList column(const QList<QStringList> &rows, int index = 0)
{
    QStringList values;
    for (const QStringList &row : rows)
        values << row.value(index);
    return values;
}

QString historySql(const QString &schema = QStringLiteral("public"))
{
    return QStringLiteral(
               "SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS NOT "
               "NULL,"
               " applied_steps_count, coalesce(logs, 'NULL') FROM \"%1\"._prisma_migrations"
               " ORDER BY started_at")
        .arg(schema);
}

/// Another session that takes Migrate's advisory lock and keeps it while it lives.
std::unique_ptr<Database> holdMigrationLock(const QString &url)
{
    auto holder = Database::open(*DatabaseUrl::parse(url));
    if (!holder)
        return nullptr;
    auto locked = (*holder)->query(
        SqlStatement(SqlDialect::PostgreSQL, QStringLiteral("SELECT pg_advisory_lock(72707369)")));
    return locked ? std::move(holder.value()) : nullptr;
}

} // namespace

class TestMigratePostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
    }

    void deployAppliesPrismasMigrationsAndRecordsRowsLikePrisma()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        QVERIFY(project.copyFixture(QStringLiteral("authjs-postgres")));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);

        QStringList progress;
        auto result = migrator->deploy([&](const DeployProgress &p) {
            progress << QStringLiteral("%1 %2/%3 %4")
                            .arg(p.stage == DeployProgress::Stage::Applying ? "applying"
                                                                            : "applied")
                            .arg(p.index)
                            .arg(p.count)
                            .arg(p.name);
        });
        QVERIFY2(result.ok(), qPrintable(result.error().fullText()));
        QCOMPARE(result->localMigrationCount, 2);
        QCOMPARE(result->appliedMigrationNames, (QStringList{kInit, kRole}));
        QCOMPARE(progress, (QStringList{QStringLiteral("applying 1/2 ") + kInit,
                                        QStringLiteral("applied 1/2 ") + kInit,
                                        QStringLiteral("applying 2/2 ") + kRole,
                                        QStringLiteral("applied 2/2 ") + kRole}));

        // The rows Prisma wrote for the same folder (tests/data/migrate/_prisma_migrations.tsv):
        // its checksums, finished, not rolled back, one step, logs NULL.
        const auto rows = queryRows(pg.url(), historySql());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(
            rows.at(0),
            (QStringList{
                kInit,
                QStringLiteral("ad9f589d8c2637b66e5f678f686756d94e8ab0e42f7f743504aa66a6d419ee23"),
                QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("1"),
                QStringLiteral("NULL")}));
        QCOMPARE(
            rows.at(1),
            (QStringList{
                kRole,
                QStringLiteral("9d332e8ef2540a5388021fbd18ffc1f565ce49991e4d1cb166e3229616921680"),
                QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("1"),
                QStringLiteral("NULL")}));
        // The schema the migrations build: add_role added "role" and dropped Authenticator.
        QVERIFY(queryRows(pg.url(), QStringLiteral("SELECT 1 FROM information_schema.columns WHERE "
                                                   "table_name = 'User' AND column_name = 'role'"))
                    .size() == 1);
        QVERIFY(queryRows(pg.url(), QStringLiteral("SELECT to_regclass('\"Authenticator\"')"))
                    .value(0)
                    .value(0) == QStringLiteral("NULL"));

        auto again = migrator->deploy();
        QVERIFY(again.ok());
        QVERIFY(again->appliedMigrationNames.isEmpty());
        auto status = migrator->status();
        QVERIFY(status.ok());
        QVERIFY(status->isUpToDate());
    }

    void migrationsTableHasPrismasColumns()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        QVERIFY(migrator->deploy().ok());
        // The column listing the oracle took from the table Prisma created.
        QFile tsv(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/_prisma_migrations.tsv"));
        QVERIFY(tsv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(tsv.readAll());
        const QStringList expected =
            text.section(QStringLiteral("-- _prisma_migrations columns\n"), 1)
                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const auto rows = queryRows(
            pg.url(),
            QStringLiteral("SELECT column_name, data_type, "
                           "coalesce(character_maximum_length::text, 'NULL'), is_nullable,"
                           " coalesce(column_default, 'NULL') FROM information_schema.columns"
                           " WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position"));
        QStringList actual;
        for (const QStringList &row : rows)
            actual << row.join(QLatin1Char('\t'));
        QCOMPARE(actual, expected);
        const auto pk = queryRows(
            pg.url(),
            QStringLiteral(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey)"
                " WHERE i.indrelid = 'public._prisma_migrations'::regclass AND i.indisprimary"));
        QCOMPARE(column(pk), QStringList{QStringLiteral("id")});
    }

    void historyPrismaWroteReadsUpToDate()
    {
        // Replay what `prisma migrate dev` did in the oracle: the scripts, and the rows with
        // the checksums Prisma recorded (_prisma_migrations.tsv).
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.copyFixture(QStringLiteral("authjs-postgres")));
        QString replay = MigrationHistoryTable::createStatement(SqlDialect::PostgreSQL,
                                                                QStringLiteral("public"));
        QFile tsv(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/_prisma_migrations.tsv"));
        QVERIFY(tsv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(tsv.readAll()).split(QLatin1Char('\n'));
        const QStringList names{kInit, kRole};
        for (int i = 0; i < names.size(); ++i) {
            QFile script(project.migrationsPath() + QLatin1Char('/') + names.at(i) +
                         QStringLiteral("/migration.sql"));
            QVERIFY(script.open(QIODevice::ReadOnly));
            replay += QString::fromUtf8(script.readAll());
            const QStringList fields = lines.at(i + 1).split(QLatin1Char('\t'));
            QCOMPARE(fields.at(1), QStringLiteral("<timestamp>") + names.at(i).mid(14));
            replay +=
                QStringLiteral(
                    "\nINSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name,"
                    " applied_steps_count, started_at) VALUES ('%1', '%2', now(), '%3', %4,"
                    " now() + interval '%5 ms');\n")
                    .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), fields.at(0),
                         names.at(i), fields.at(5))
                    .arg(i);
        }
        QVERIFY2(pg.run(replay), qPrintable(pg.errorText()));

        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        auto status = migrator->status();
        QVERIFY2(status.ok(), qPrintable(status.error().fullText()));
        QVERIFY(status->isUpToDate());
        QCOMPARE(status->history, MigrationStatus::History::InSync);
        QVERIFY(status->editedMigrationNames.isEmpty());
        QCOMPARE(status->entries.size(), 2);
        auto deploy = migrator->deploy();
        QVERIFY(deploy.ok());
        QVERIFY(deploy->appliedMigrationNames.isEmpty());
    }

    void failingMigrationLeavesNoPartialDdlAndAFailedRow()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(
            project.addMigration(QStringLiteral("1_ok"), "CREATE TABLE \"Ok\" (id INTEGER);\n"));
        QVERIFY(project.addMigration(QStringLiteral("2_bad"),
                                     "-- CreateTable\nCREATE TABLE \"Partial\" (id INTEGER);\n\n"
                                     "-- Oops\nCREATE TABLE \"Ok\" (id INTEGER);\n"));
        QVERIFY(project.addMigration(QStringLiteral("3_later"),
                                     "CREATE TABLE \"Later\" (id INTEGER);\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);

        auto result = migrator->deploy();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), Error::Code::MigrationApplyFailed);
        QVERIFY(result.error().message().contains(QStringLiteral("Migration name: 2_bad")));
        QVERIFY(result.error().message().contains(QStringLiteral("Database error code: 42P07")));
        QVERIFY(result.error().message().contains(
            QStringLiteral("ERROR: relation \"Ok\" already exists")));

        // One simple-query message = one implicit transaction: "Partial" was rolled back too.
        QCOMPARE(queryRows(pg.url(), QStringLiteral("SELECT to_regclass('\"Partial\"')::text"))
                     .value(0)
                     .value(0),
                 QStringLiteral("NULL"));
        QCOMPARE(queryRows(pg.url(), QStringLiteral("SELECT to_regclass('\"Later\"')::text"))
                     .value(0)
                     .value(0),
                 QStringLiteral("NULL"));
        const auto rows = queryRows(pg.url(), historySql());
        QCOMPARE(column(rows), (QStringList{QStringLiteral("1_ok"), QStringLiteral("2_bad")}));
        QCOMPARE(rows.at(1).at(2), QStringLiteral("false")); // not finished
        QCOMPARE(rows.at(1).at(3), QStringLiteral("false")); // not rolled back
        QCOMPARE(rows.at(1).at(4), QStringLiteral("0"));
        QVERIFY2(rows.at(1).at(5).contains(QStringLiteral("Database error code: 42P07")),
                 qPrintable(rows.at(1).at(5)));
        QVERIFY(rows.at(1).at(5).contains(QStringLiteral("relation \"Ok\" already exists")));

        // Deploy now refuses, naming the failed migration (P3009); status reports it.
        auto refused = migrator->deploy();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Error::Code::MigrationFailedMigrationsFound);
        QVERIFY(refused.error().message().contains(
            QStringLiteral("The `2_bad` migration started at ")));
        QVERIFY(refused.error().detail().contains(QStringLiteral("42P07")));
        auto status = migrator->status();
        QVERIFY(status.ok());
        QCOMPARE(status->failedMigrationNames, QStringList{QStringLiteral("2_bad")});
        QCOMPARE(status->unappliedMigrationNames, QStringList{QStringLiteral("3_later")});
        QCOMPARE(status->exitCode(), 1);
        QVERIFY(!status->lockHolder.has_value());
    }

    void rolledBackMigrationIsPendingAgainAndRedeploys()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_bad"),
                                     "CREATE TABLE \"A\" (id INTEGER); SELECT 1/0;\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        QCOMPARE(migrator->deploy().error().code(), Error::Code::MigrationApplyFailed);

        QVERIFY(migrator->resolveRolledBack(QStringLiteral("1_bad")).ok());
        auto status = migrator->status();
        QVERIFY(status.ok());
        // Prisma 7 checked: the rolled-back row no longer counts.
        QCOMPARE(status->history, MigrationStatus::History::DatabaseIsBehind);
        QCOMPARE(status->unappliedMigrationNames, QStringList{QStringLiteral("1_bad")});
        QVERIFY(status->failedMigrationNames.isEmpty());

        // Fixed file (a new checksum); the retry applies, and the old row does not make it
        // "edited".
        QVERIFY(
            project.addMigration(QStringLiteral("1_bad"), "CREATE TABLE \"A\" (id INTEGER);\n"));
        auto redeploy = migrator->deploy();
        QVERIFY2(redeploy.ok(), qPrintable(redeploy.error().fullText()));
        QCOMPARE(redeploy->appliedMigrationNames, QStringList{QStringLiteral("1_bad")});
        status = migrator->status();
        QVERIFY(status.ok());
        QVERIFY(status->isUpToDate());
        QVERIFY(status->editedMigrationNames.isEmpty());
        const auto rows = queryRows(pg.url(), historySql());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).at(3), QStringLiteral("true")); // first attempt rolled back
        QCOMPARE(rows.at(1).at(2), QStringLiteral("true")); // retry finished
    }

    void resolveAppliedBaselinesAnExistingDatabase()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres.sql")));
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("0_init"),
                                     "-- the schema that already exists\nSELECT 1;\n"));
        QVERIFY(project.addMigration(QStringLiteral("1_next"),
                                     "CREATE TABLE \"Next\" (id INTEGER);\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);

        auto status = migrator->status();
        QVERIFY(status.ok());
        QVERIFY(!status->hasMigrationsTable);
        auto refused = migrator->deploy();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Error::Code::MigrationSchemaNotEmpty);
        QCOMPARE(
            queryRows(pg.url(), QStringLiteral("SELECT to_regclass('_prisma_migrations')::text"))
                .value(0)
                .value(0),
            QStringLiteral("NULL"));

        QVERIFY(migrator->resolveApplied(QStringLiteral("0_init")).ok());
        const auto baseline =
            queryRows(pg.url(), QStringLiteral("SELECT migration_name, logs, applied_steps_count, "
                                               "started_at = finished_at FROM _prisma_migrations"));
        QCOMPARE(baseline, (QList<QStringList>{{QStringLiteral("0_init"), QString(),
                                                QStringLiteral("0"), QStringLiteral("true")}}));

        auto deploy = migrator->deploy();
        QVERIFY2(deploy.ok(), qPrintable(deploy.error().fullText()));
        QCOMPARE(deploy->appliedMigrationNames, QStringList{QStringLiteral("1_next")});
        QVERIFY(migrator->status()->isUpToDate());
    }

    void resolveAppliedReplacesAFailedAttempt()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_hotfix"), "SELECT 1/0;\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        QCOMPARE(migrator->deploy().error().code(), Error::Code::MigrationApplyFailed);
        QVERIFY(migrator->resolveApplied(QStringLiteral("1_hotfix")).ok());
        const auto rows = queryRows(pg.url(), historySql());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).mid(2, 2),
                 (QStringList{QStringLiteral("false"), QStringLiteral("true")}));
        QCOMPARE(rows.at(1).mid(2, 3), (QStringList{QStringLiteral("true"), QStringLiteral("false"),
                                                    QStringLiteral("0")}));
        QVERIFY(migrator->status()->isUpToDate());
    }

    void resolveRefusesLikePrisma()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "SELECT 1;\n"));
        QVERIFY(project.addMigration(QStringLiteral("2_b"), "SELECT 1;\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        QCOMPARE(migrator->resolveRolledBack(QStringLiteral("1_a")).error().code(),
                 Error::Code::MigrationNeverApplied);
        QVERIFY(migrator->deploy().ok());
        QCOMPARE(migrator->resolveApplied(QStringLiteral("1_a")).error().code(),
                 Error::Code::MigrationAlreadyApplied);
        QCOMPARE(migrator->resolveApplied(QStringLiteral("9_nope")).error().code(),
                 Error::Code::MigrationNotFound);
        QCOMPARE(migrator->resolveRolledBack(QStringLiteral("1_a")).error().code(),
                 Error::Code::MigrationNotFailed);
        QCOMPARE(migrator->resolveRolledBack(QStringLiteral("9_nope")).error().code(),
                 Error::Code::MigrationNeverApplied);
        QCOMPARE(queryRows(pg.url(), QStringLiteral("SELECT count(*) FROM _prisma_migrations"))
                     .value(0)
                     .value(0),
                 QStringLiteral("2"));
    }

    void statusReportsEditedDivergedAndMissingMigrations()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "CREATE TABLE a (id INTEGER);\n"));
        QVERIFY(project.addMigration(QStringLiteral("2_b"), "CREATE TABLE b (id INTEGER);\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        QVERIFY(migrator->deploy().ok());

        // Edited after it was applied; CRLF line endings alone do not count as an edit.
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "CREATE TABLE a (id INTEGER);\r\n"));
        QVERIFY(migrator->status()->editedMigrationNames.isEmpty());
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "CREATE TABLE a (id BIGINT);\n"));
        auto edited = migrator->status();
        QCOMPARE(edited->editedMigrationNames, QStringList{QStringLiteral("1_a")});
        QCOMPARE(edited->exitCode(), 0);

        // Applied but gone locally.
        QVERIFY(project.removeMigration(QStringLiteral("2_b")));
        auto behind = migrator->status();
        QCOMPARE(behind->history, MigrationStatus::History::MigrationsDirectoryIsBehind);
        QCOMPARE(behind->unpersistedMigrationNames, QStringList{QStringLiteral("2_b")});

        // And a new local one: histories diverge.
        QVERIFY(project.addMigration(QStringLiteral("3_c"), "SELECT 1;\n"));
        auto diverged = migrator->status();
        QCOMPARE(diverged->history, MigrationStatus::History::HistoriesDiverge);
        QCOMPARE(diverged->lastCommonMigrationName, QStringLiteral("1_a"));
        QCOMPARE(diverged->unappliedMigrationNames, QStringList{QStringLiteral("3_c")});
        QCOMPARE(diverged->exitCode(), 1);
        // Deploy, like Prisma's, applies what is pending anyway.
        QCOMPARE(migrator->deploy()->appliedMigrationNames, QStringList{QStringLiteral("3_c")});
    }

    void concurrentDeploysApplyEachMigrationOnce()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        QVERIFY(pg.run(QStringLiteral("CREATE SCHEMA app; CREATE TABLE app.applied (name TEXT);")));
        MigrateTestProject project;
        for (int i = 1; i <= 3; ++i)
            QVERIFY(project.addMigration(
                QStringLiteral("%1_step").arg(i),
                QStringLiteral("INSERT INTO app.applied VALUES ('%1'); SELECT pg_sleep(0.2);\n")
                    .arg(i)
                    .toUtf8()));
        const MigrationTarget target = project.target(pg.url());

        std::promise<void> firstIsApplying;
        auto firstStarted = firstIsApplying.get_future();
        std::atomic<bool> signalled{false};
        QStringList firstApplied, secondApplied;
        QString firstError, secondError;
        std::thread first([&] {
            auto migrator = Migrator::connect(target, quickLock(30000));
            if (!migrator) {
                firstError = migrator.error().fullText();
                firstIsApplying.set_value();
                return;
            }
            auto result = (*migrator)->deploy([&](const DeployProgress &) {
                if (!signalled.exchange(true))
                    firstIsApplying.set_value();
            });
            if (result)
                firstApplied = result->appliedMigrationNames;
            else
                firstError = result.error().fullText();
        });
        firstStarted.wait();
        std::thread second([&] {
            // Starts while the first holds the lock: it waits, then finds nothing pending.
            auto migrator = Migrator::connect(target, quickLock(30000));
            if (!migrator) {
                secondError = migrator.error().fullText();
                return;
            }
            auto result = (*migrator)->deploy();
            if (result)
                secondApplied = result->appliedMigrationNames;
            else
                secondError = result.error().fullText();
        });
        first.join();
        second.join();
        QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
        QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
        QCOMPARE(firstApplied, (QStringList{QStringLiteral("1_step"), QStringLiteral("2_step"),
                                            QStringLiteral("3_step")}));
        QCOMPARE(secondApplied, QStringList{});
        QCOMPARE(column(queryRows(pg.url(),
                                  QStringLiteral("SELECT name FROM app.applied ORDER BY name"))),
                 (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QCOMPARE(queryRows(pg.url(), QStringLiteral("SELECT count(*) FROM _prisma_migrations"))
                     .value(0)
                     .value(0),
                 QStringLiteral("3"));
    }

    void lockTimeoutNamesTheHolder()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        auto holder = holdMigrationLock(pg.url(QStringLiteral("application_name=ci-deploy")));
        QVERIFY(holder);

        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "CREATE TABLE a (id INTEGER);\n"));
        auto migrator = migratorFor(project.target(pg.url()), quickLock(300));
        QVERIFY(migrator);
        auto result = migrator->deploy();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), Error::Code::MigrationLockTimeout);
        QVERIFY(result.error().message().contains(QStringLiteral("Timeout: 300ms")));
        QVERIFY2(result.error().detail().contains(QStringLiteral("application_name 'ci-deploy'")),
                 qPrintable(result.error().detail()));
        QVERIFY(result.error().detail().contains(QStringLiteral("pid ")));
        QCOMPARE(
            queryRows(pg.url(), QStringLiteral("SELECT to_regclass('a')::text")).value(0).value(0),
            QStringLiteral("NULL"));

        // A failed-looking row while someone holds the lock: status names the holder.
        QVERIFY(pg.run(MigrationHistoryTable::createStatement(SqlDialect::PostgreSQL,
                                                              QStringLiteral("public")) +
                       QStringLiteral("INSERT INTO _prisma_migrations (id, checksum, "
                                      "migration_name) VALUES ('x', 'y', '1_a');")));
        auto status = migrator->status();
        QVERIFY(status.ok());
        QVERIFY(status->lockHolder.has_value());
        QCOMPARE(status->lockHolder->applicationName, QStringLiteral("ci-deploy"));

        // Released (not just disconnected, which the server notices a moment later).
        QVERIFY(holder
                    ->query(SqlStatement(SqlDialect::PostgreSQL,
                                         QStringLiteral("SELECT pg_advisory_unlock(72707369)")))
                    .ok());
        QVERIFY(!migrator->status()->lockHolder.has_value());
    }

    void aLockInAnotherDatabaseIsNotOurs()
    {
        // Advisory locks belong to one database: a deploy into another database on the same
        // server holds the same key, but neither blocks us nor is named as our holder.
        ScratchPostgres other;
        QVERIFY(other.isValid());
        auto holder = holdMigrationLock(other.url(QStringLiteral("application_name=other-deploy")));
        QVERIFY(holder);

        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "CREATE TABLE a (id INTEGER);\n"));
        QVERIFY(pg.run(MigrationHistoryTable::createStatement(SqlDialect::PostgreSQL,
                                                              QStringLiteral("public")) +
                       QStringLiteral("INSERT INTO _prisma_migrations (id, checksum, "
                                      "migration_name) VALUES ('x', 'y', '0_failed');")));
        auto migrator = migratorFor(project.target(pg.url()), quickLock(300));
        QVERIFY(migrator);
        auto status = migrator->status();
        QVERIFY(status.ok());
        QVERIFY(!status->failedMigrationNames.isEmpty());
        QVERIFY2(!status->lockHolder.has_value(),
                 qPrintable(status->lockHolder ? status->lockHolder->describe() : QString()));
        QVERIFY(pg.run(QStringLiteral("DELETE FROM _prisma_migrations")));
        auto result = migrator->deploy();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QCOMPARE(
            queryRows(pg.url(), QStringLiteral("SELECT to_regclass('a')::text")).value(0).value(0),
            QStringLiteral("a"));
    }

    void waitingForTheLockCanBeCancelled()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        auto holder = holdMigrationLock(pg.url());
        QVERIFY(holder);
        MigrateTestProject project;
        std::atomic<int> polls{0};
        Migrator::Options options = quickLock(60000);
        options.lock.isCancelled = [&] { return ++polls >= 3; };
        auto migrator = migratorFor(project.target(pg.url()), options);
        QVERIFY(migrator);
        auto result = migrator->deploy();
        QCOMPARE(result.error().code(), Error::Code::Cancelled);
        QCOMPARE(polls.load(), 3);
    }

    void cancelStopsBetweenMigrations()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "CREATE TABLE a (id INTEGER);\n"));
        QVERIFY(project.addMigration(QStringLiteral("2_b"), "CREATE TABLE b (id INTEGER);\n"));
        std::atomic<bool> cancel{false};
        Migrator::Options options = quickLock();
        options.lock.isCancelled = [&] { return cancel.load(); };
        auto migrator = migratorFor(project.target(pg.url()), options);
        QVERIFY(migrator);
        auto result = migrator->deploy([&](const DeployProgress &p) {
            if (p.stage == DeployProgress::Stage::Applied)
                cancel = true;
        });
        QCOMPARE(result.error().code(), Error::Code::Cancelled);
        QVERIFY(result.error().message().contains(QStringLiteral("2_b")));
        cancel = false;
        auto status = migrator->status();
        QCOMPARE(status->unappliedMigrationNames, QStringList{QStringLiteral("2_b")});
        QVERIFY(status->failedMigrationNames.isEmpty());
    }

    void missingScriptStopsDeployAtThatMigration()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "CREATE TABLE a (id INTEGER);\n"));
        QVERIFY(QDir(project.migrationsPath()).mkpath(QStringLiteral("2_empty")));
        QVERIFY(project.addMigration(QStringLiteral("3_c"), "CREATE TABLE c (id INTEGER);\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        auto result = migrator->deploy();
        QCOMPARE(result.error().code(), Error::Code::MigrationFileMissing);
        QVERIFY(result.error().message().contains(QStringLiteral("2_empty/migration.sql")));
        // As Prisma: what came before is applied, no row for the missing one.
        QCOMPARE(column(queryRows(pg.url(), historySql())), QStringList{QStringLiteral("1_a")});
    }

    void providerMismatchIsRefused()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.writeFile(QStringLiteral("prisma/migrations/migration_lock.toml"),
                                  "provider = \"sqlite\"\n"));
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "SELECT 1;\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        QCOMPARE(migrator->status().error().code(), Error::Code::MigrationProviderMismatch);
        QCOMPARE(migrator->deploy().error().code(), Error::Code::MigrationProviderMismatch);
        QCOMPARE(migrator->resolveApplied(QStringLiteral("1_a")).error().code(),
                 Error::Code::MigrationProviderMismatch);
        // Prisma's resolve --rolled-back does not read the folder.
        QCOMPARE(migrator->resolveRolledBack(QStringLiteral("1_a")).error().code(),
                 Error::Code::MigrationNeverApplied);
    }

    void schemaParameterIsCreatedAndHoldsEverything()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.copyFixture(QStringLiteral("authjs-postgres")));
        auto migrator = migratorFor(project.target(pg.url(QStringLiteral("schema=my%20app"))));
        QVERIFY(migrator);
        auto result = migrator->deploy();
        QVERIFY2(result.ok(), qPrintable(result.error().fullText()));
        const auto tables = queryRows(
            pg.url(), QStringLiteral("SELECT table_schema, table_name FROM "
                                     "information_schema.tables WHERE table_schema NOT IN"
                                     " ('pg_catalog', 'information_schema') ORDER BY 1, 2"));
        QStringList names;
        for (const QStringList &row : tables)
            names << row.join(QLatin1Char('.'));
        QCOMPARE(
            names,
            (QStringList{QStringLiteral("my app.Account"), QStringLiteral("my app.Session"),
                         QStringLiteral("my app.User"), QStringLiteral("my app.VerificationToken"),
                         QStringLiteral("my app._prisma_migrations")}));
        QCOMPARE(queryRows(pg.url(), historySql(QStringLiteral("my app"))).size(), 2);
        // The public schema's emptiness does not matter, and status reads the same schema.
        QVERIFY(migrator->status()->isUpToDate());
    }

    void timestampsAreUtcWhateverTheServerTimeZone()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        QVERIFY(pg.run(QStringLiteral("ALTER DATABASE \"%1\" SET timezone TO 'Pacific/Kiritimati'")
                           .arg(pg.name())));
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "SELECT 1;\n"));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        QVERIFY(migrator->deploy().ok());
        const auto drift = queryRows(
            pg.url(), QStringLiteral("SELECT abs(extract(epoch FROM now() - started_at)) < 60, "
                                     "abs(extract(epoch FROM now() - finished_at)) < 60"
                                     " FROM _prisma_migrations"));
        QCOMPARE(drift.value(0), (QStringList{QStringLiteral("true"), QStringLiteral("true")}));
        auto status = migrator->status();
        const QDateTime started = status->entries.first().record->startedAt();
        QVERIFY(qAbs(started.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    void pgbouncerUrlIsRefusedForWrites()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "SELECT 1;\n"));
        // The URL points at PostgreSQL itself; pgbouncer=true is what Migrate refuses.
        auto migrator = migratorFor(project.target(pg.url(QStringLiteral("pgbouncer=true"))));
        QVERIFY(migrator);
        auto deploy = migrator->deploy();
        QCOMPARE(deploy.error().code(), Error::Code::MigrationNeedsDirectConnection);
        QVERIFY(deploy.error().detail().contains(QStringLiteral("directUrl")));
        QCOMPARE(migrator->resolveApplied(QStringLiteral("1_a")).error().code(),
                 Error::Code::MigrationNeedsDirectConnection);
        // Reading the history takes no lock: status works through PgBouncer.
        QVERIFY(migrator->status().ok());
        if (!pg.bouncedUrl().isEmpty()) {
            auto bounced = migratorFor(project.target(pg.bouncedUrl()));
            QVERIFY(bounced);
            auto status = bounced->status();
            QVERIFY2(status.ok(), qPrintable(status.error().fullText()));
            QCOMPARE(status->unappliedMigrationNames, QStringList{QStringLiteral("1_a")});
        }
    }
};

QTEST_GUILESS_MAIN(TestMigratePostgres)
#include "tst_migratepostgres.moc"
