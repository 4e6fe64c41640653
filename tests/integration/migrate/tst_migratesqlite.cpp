// Migration history on real SQLite files, written and read as Prisma's SQLite connector does.

#include "core/migrate/DevMigration.h"
#include "core/migrate/MigrationHistoryTable.h"
#include "core/migrate/Migrator.h"
#include "core/prisma/SchemaSource.h"
#include "tests/integration/migrate/MigrateTestProject.h"

#include <QtTest>

using namespace gh;
using gh::test::MigrateTestProject;
using gh::test::queryRows;
using gh::test::quickLock;

namespace {

const QString kUrl = QStringLiteral("file:./dev.db");

QString fileUrl(const MigrateTestProject &project)
{
    return QStringLiteral("file:") + project.root() + QStringLiteral("/prisma/dev.db");
}

std::unique_ptr<Migrator> connectCreating(const MigrateTestProject &project,
                                          bool *created = nullptr)
{
    auto migrator = Migrator::connect(project.target(kUrl), quickLock(),
                                      Migrator::Connect::CreateSqliteFileIfMissing);
    if (!migrator) {
        qWarning("connect: %s", qPrintable(migrator.error().fullText()));
        return nullptr;
    }
    if (created)
        *created = (*migrator)->createdDatabase();
    return std::move(migrator.value());
}

} // namespace

class TestMigrateSqlite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deployCreatesTheFileAndPrismasTable()
    {
        MigrateTestProject project(QStringLiteral("sqlite"));
        QVERIFY(project.copyFixture(QStringLiteral("sqlite-redefine")));
        bool created = false;
        auto migrator = connectCreating(project, &created);
        QVERIFY(migrator);
        QVERIFY(created);
        auto result = migrator->deploy();
        QVERIFY2(result.ok(), qPrintable(result.error().fullText()));
        QCOMPARE(result->appliedMigrationNames.size(), 2);

        // The DDL Prisma's SQLite connector runs (SQLite keeps the text of CREATE TABLE).
        const auto ddl = queryRows(
            fileUrl(project),
            QStringLiteral("SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'"));
        QString expected =
            MigrationHistoryTable::createStatement(SqlDialect::SQLite, QString()).trimmed();
        expected.chop(1); // the semicolon
        QCOMPARE(ddl.value(0).value(0), expected);
        QVERIFY(expected.contains(
            QStringLiteral("\"applied_steps_count\"   INTEGER UNSIGNED NOT NULL DEFAULT 0")));
        // Timestamps as Prisma's quaint writes them on SQLite: integer milliseconds.
        const auto rows = queryRows(
            fileUrl(project), QStringLiteral("SELECT typeof(started_at), typeof(finished_at), "
                                             "applied_steps_count, length(id), length(checksum)"
                                             " FROM _prisma_migrations ORDER BY started_at"));
        QCOMPARE(rows.size(), 2);
        for (const QStringList &row : rows)
            QCOMPARE(row, (QStringList{QStringLiteral("integer"), QStringLiteral("integer"),
                                       QStringLiteral("1"), QStringLiteral("36"),
                                       QStringLiteral("64")}));
        auto status = migrator->status();
        QVERIFY(status.ok());
        QVERIFY(status->isUpToDate());
    }

    void tableRedefinitionKeepsChildRows()
    {
        // Prisma's RedefineTables drops and recreates "User"; with foreign keys on, the DROP
        // would cascade into "Session". Prisma runs it with foreign keys off; so must we.
        MigrateTestProject project(QStringLiteral("sqlite"));
        QVERIFY(project.copyFixture(QStringLiteral("sqlite-redefine")));
        QVERIFY(QDir(project.migrationsPath())
                    .rename(QStringLiteral("20250101000001_name_required"),
                            QStringLiteral("../later")));
        auto migrator = connectCreating(project);
        QVERIFY(migrator);
        QVERIFY(migrator->deploy().ok());
        QVERIFY(migrator->database()
                    .executeScript(QStringLiteral("INSERT INTO \"User\" VALUES ('u1', NULL);"
                                                  "INSERT INTO \"Session\" VALUES ('s1', 'u1');"))
                    .ok());
        QVERIFY(QDir(project.root())
                    .rename(QStringLiteral("prisma/later"),
                            QStringLiteral("prisma/migrations/20250101000001_name_required")));
        auto result = migrator->deploy();
        QVERIFY2(result.ok(), qPrintable(result.error().fullText()));
        QCOMPARE(result->appliedMigrationNames,
                 QStringList{QStringLiteral("20250101000001_name_required")});
        QCOMPARE(queryRows(fileUrl(project), QStringLiteral("SELECT id, userId FROM \"Session\"")),
                 (QList<QStringList>{{QStringLiteral("s1"), QStringLiteral("u1")}}));
        QCOMPARE(queryRows(fileUrl(project), QStringLiteral("SELECT name FROM \"User\""))
                     .value(0)
                     .value(0),
                 QStringLiteral("anonymous"));
        // Foreign keys are on again for everything after the migration.
        QVERIFY(
            !migrator->database()
                 .executeScript(QStringLiteral("INSERT INTO \"Session\" VALUES ('s2', 'nobody');"))
                 .ok());
    }

    void failingMigrationIsRolledBackWholeAndRecordedFailed()
    {
        MigrateTestProject project(QStringLiteral("sqlite"));
        QVERIFY(project.addMigration(
            QStringLiteral("1_bad"),
            "CREATE TABLE \"Partial\" (id INTEGER);\nCREATE TABLE \"Partial\" (id INTEGER);\n"));
        auto migrator = connectCreating(project);
        QVERIFY(migrator);
        auto result = migrator->deploy();
        QCOMPARE(result.error().code(), Error::Code::MigrationApplyFailed);
        QVERIFY(result.error().message().contains(QStringLiteral("Migration name: 1_bad")));
        QVERIFY2(result.error().message().contains(QStringLiteral("already exists")),
                 qPrintable(result.error().message()));
        // Gatehouse runs a SQLite script in one transaction (Prisma runs it statement by
        // statement and would keep "Partial"): nothing of the script stays.
        QVERIFY(queryRows(fileUrl(project),
                          QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'Partial'"))
                    .isEmpty());
        const auto rows = queryRows(
            fileUrl(project), QStringLiteral("SELECT migration_name, finished_at IS NULL, "
                                             "rolled_back_at IS NULL, logs LIKE '%already exists%'"
                                             " FROM _prisma_migrations"));
        QCOMPARE(rows, (QList<QStringList>{{QStringLiteral("1_bad"), QStringLiteral("1"),
                                            QStringLiteral("1"), QStringLiteral("1")}}));
        QCOMPARE(migrator->deploy().error().code(), Error::Code::MigrationFailedMigrationsFound);

        QVERIFY(migrator->resolveRolledBack(QStringLiteral("1_bad")).ok());
        QVERIFY(project.addMigration(QStringLiteral("1_bad"),
                                     "CREATE TABLE \"Partial\" (id INTEGER);\n"));
        QCOMPARE(migrator->deploy()->appliedMigrationNames, QStringList{QStringLiteral("1_bad")});
        QVERIFY(migrator->status()->isUpToDate());
    }

    void devPlansOnATemporaryShadowFileWithCountsFromTheDatabase()
    {
        MigrateTestProject project(QStringLiteral("sqlite"));
        auto migrator = connectCreating(project);
        QVERIFY(migrator);
        const auto schema = [](const QByteArray &models) {
            return prisma::SchemaSource::fromFiles(
                {prisma::SourceFile(QStringLiteral("schema.prisma"),
                                    "datasource db {\n  provider = \"sqlite\"\n}\n\n" + models)});
        };
        auto first = DevMigration::plan(
            *migrator, schema("model User {\n  id   Int     @id\n  name String?\n}\n"));
        QVERIFY2(first, qPrintable(first.error().fullText()));
        QCOMPARE(first->shadow, DevMigration::Plan::Shadow::SqliteFile);
        QVERIFY(first->script.startsWith(QLatin1String("-- CreateTable\nCREATE TABLE \"User\"")));
        auto init = DevMigration::write(*migrator, *first, QStringLiteral("init"));
        QVERIFY2(init, qPrintable(init.error().fullText()));
        QVERIFY(DevMigration::apply(*migrator));
        QVERIFY(
            queryRows(fileUrl(project),
                      QStringLiteral("INSERT INTO \"User\" VALUES (1, 'a'), (2, NULL), (3, 'c') "
                                     "RETURNING id"))
                .size() == 3);

        auto second = DevMigration::plan(*migrator, schema("model User {\n  id Int @id\n}\n"));
        QVERIFY2(second, qPrintable(second.error().fullText()));
        QCOMPARE(second->liveDiagnostics.warnings.size(), 1);
        QCOMPARE(second->liveDiagnostics.warnings.first().description,
                 QStringLiteral("You are about to drop the column `name` on the `User` table, "
                                "which still contains 2 non-null values."));
        QVERIFY(second->script.startsWith(
            QLatin1String("/*\n  Warnings:\n\n  - You are about to drop the column `name` on the "
                          "`User` table. All the data in the column will be lost.\n\n*/\n")));
        auto dropped = DevMigration::write(*migrator, *second, QStringLiteral("drop name"));
        QVERIFY2(dropped, qPrintable(dropped.error().fullText()));
        QVERIFY(dropped->endsWith(QLatin1String("_drop_name")));
        auto applied = DevMigration::apply(*migrator);
        QVERIFY2(applied, qPrintable(applied.error().fullText()));
        // The table was redefined with foreign keys off: the rows survived.
        QCOMPARE(queryRows(fileUrl(project), QStringLiteral("SELECT count(*) FROM \"User\"")),
                 QList<QStringList>{{QStringLiteral("3")}});
        QVERIFY(migrator->status()->isUpToDate());
    }

    void readsRowsPrismaWroteOnSqlite()
    {
        // Millisecond integers as Prisma writes them, and a text timestamp from the column
        // default (an older or hand-made row).
        MigrateTestProject project(QStringLiteral("sqlite"));
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "SELECT 1;\n"));
        QVERIFY(project.addMigration(QStringLiteral("2_b"), "SELECT 2;\n"));
        auto migrator = connectCreating(project);
        QVERIFY(migrator);
        const QString a = MigrationChecksum::compute("SELECT 1;\n");
        QVERIFY(
            migrator->database()
                .executeScript(
                    MigrationHistoryTable::createStatement(SqlDialect::SQLite, QString()) +
                    QStringLiteral(
                        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name,"
                        " started_at, applied_steps_count) VALUES ('i1', '%1', 1735689600500,"
                        " '1_a', 1735689600123, 1);"
                        "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at)"
                        " VALUES ('i2', 'x', '2_b', '2025-01-02 03:04:05');")
                        .arg(a))
                .ok());
        auto status = migrator->status();
        QVERIFY2(status.ok(), qPrintable(status.error().fullText()));
        QCOMPARE(status->failedMigrationNames, QStringList{QStringLiteral("2_b")});
        QCOMPARE(status->entries.at(0).record->startedAt(),
                 QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1735689600123), Qt::UTC));
        QCOMPARE(status->entries.at(0).record->finishedAt,
                 QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1735689600500), Qt::UTC));
        QCOMPARE(status->entries.at(1).record->startedAt(),
                 QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC));
        auto refused = migrator->deploy();
        QVERIFY(refused.error().message().contains(
            QStringLiteral("The `2_b` migration started at 2025-01-02 03:04:05 UTC failed")));
    }

    void theFileIsUnlockedAfterwards()
    {
        MigrateTestProject project(QStringLiteral("sqlite"));
        QVERIFY(project.addMigration(QStringLiteral("1_a"), "CREATE TABLE t (id INTEGER);\n"));
        auto migrator = connectCreating(project);
        QVERIFY(migrator);
        QVERIFY(migrator->deploy().ok());
        // The migrator is still open; Prisma's exclusive locking mode must not outlive the deploy.
        auto other = Database::open(*DatabaseUrl::parse(fileUrl(project)));
        QVERIFY(other.ok());
        QVERIFY((*other)->executeScript(QStringLiteral("INSERT INTO t VALUES (1);")).ok());
        QCOMPARE(
            queryRows(fileUrl(project), QStringLiteral("SELECT count(*) FROM t")).value(0).value(0),
            QStringLiteral("1"));
    }

    void statusNeedsAnExistingFile()
    {
        MigrateTestProject project(QStringLiteral("sqlite"));
        auto migrator = Migrator::connect(project.target(kUrl), quickLock());
        QVERIFY(!migrator.ok());
        QCOMPARE(migrator.error().code(), Error::Code::FileNotFound);
        QVERIFY(!QFile::exists(project.root() + QStringLiteral("/prisma/dev.db")));
    }
};

QTEST_GUILESS_MAIN(TestMigrateSqlite)
#include "tst_migratesqlite.moc"
