// `migrate dev`'s core on a real PostgreSQL: the destructive-change check against Prisma 7's
// own answers (tests/data/migrate/destructive), writing and applying a migration, drift, the
// shadow schema when the user may not create databases, and deploy creating the database.

#include "core/migrate/DevMigration.h"
#include "core/migrate/DriftDetector.h"
#include "core/migrate/MigrateOutput.h"
#include "core/migrate/MigrationsFolder.h"
#include "core/migrate/Migrator.h"
#include "core/prisma/SchemaSource.h"
#include "core/sql/DestructiveChangeChecker.h"
#include "tests/integration/migrate/MigrateTestProject.h"
#include "tests/support/TestPostgres.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QtTest>

using namespace gh;
using gh::test::MigrateTestProject;
using gh::test::queryRows;
using gh::test::quickLock;
using gh::test::ScratchPostgres;

namespace {

QByteArray readData(const QString &relativePath)
{
    QFile file(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/destructive/") + relativePath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::unique_ptr<Migrator> migratorFor(const MigrationTarget &target,
                                      Migrator::Connect mode = Migrator::Connect::ExistingDatabase)
{
    auto migrator = Migrator::connect(target, quickLock(), mode);
    if (!migrator)
        qWarning("connect: %s", qPrintable(migrator.error().fullText()));
    return migrator ? std::move(migrator.value()) : nullptr;
}

prisma::SchemaSource schemaText(const QByteArray &text)
{
    return prisma::SchemaSource::fromFiles(
        {prisma::SourceFile(QStringLiteral("schema.prisma"), text)});
}

/// "step: text" lines, as evaluateDataLoss lists them.
QStringList lines(const QList<sql::ChangeDiagnostics::Item> &items)
{
    QStringList out;
    for (const sql::ChangeDiagnostics::Item &item : items)
        out << QStringLiteral("%1: %2").arg(item.stepIndex).arg(item.description);
    return out;
}

QStringList lines(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out << QStringLiteral("%1: %2")
                   .arg(item[QStringLiteral("stepIndex")].toInt())
                   .arg(item[QStringLiteral("message")].toString());
    return out;
}

const char kSmallSchema[] = "datasource db {\n  provider = \"postgresql\"\n}\n\n"
                            "model User {\n  id    Int    @id\n  email String\n}\n";

} // namespace

class TestDevMigration : public QObject
{
    Q_OBJECT

    /// A project holding the fixture's first migration, deployed (and seeded when asked).
    std::unique_ptr<Migrator> deployedFixture(ScratchPostgres &pg, MigrateTestProject &project,
                                              bool seed)
    {
        if (!project.copyFixture(QStringLiteral("destructive/migrations")))
            return nullptr;
        auto migrator = migratorFor(project.target(pg.url()));
        if (!migrator || !migrator->deploy())
            return nullptr;
        if (seed && !pg.run(QString::fromUtf8(readData(QStringLiteral("seed.sql")))))
            return nullptr;
        return migrator;
    }

private Q_SLOTS:
    void init()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
    }

    void liveWarningsMatchPrismasEvaluateDataLossWithCounts()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        auto migrator = deployedFixture(pg, project, true);
        QVERIFY(migrator);

        auto plan =
            DevMigration::plan(*migrator, schemaText(readData(QStringLiteral("after.prisma"))));
        QVERIFY2(plan, qPrintable(plan.error().fullText()));
        const QJsonObject expected =
            QJsonDocument::fromJson(readData(QStringLiteral("expected/evaluate-data-loss.json")))
                .object()[QStringLiteral("evaluateDataLoss")]
                .toObject();
        QCOMPARE(lines(plan->liveDiagnostics.warnings),
                 lines(expected[QStringLiteral("warnings")].toArray()));
        QCOMPARE(lines(plan->liveDiagnostics.unexecutable),
                 lines(expected[QStringLiteral("unexecutableSteps")].toArray()));
        QCOMPARE(int(plan->migration.steps.size()),
                 expected[QStringLiteral("migrationSteps")].toInt());
        QVERIFY(plan->hasUnexecutableSteps());
        QVERIFY(plan->needsConfirmation());
        QVERIFY(plan->shadowDescription.contains(QLatin1String("shadow database")));
    }

    void scriptIsTheMigrationSqlPrismaWritesWithItsWarningsHeader()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        auto migrator = deployedFixture(pg, project, true);
        QVERIFY(migrator);

        auto plan =
            DevMigration::plan(*migrator, schemaText(readData(QStringLiteral("after.prisma"))));
        QVERIFY2(plan, qPrintable(plan.error().fullText()));
        QCOMPARE(plan->script, QString::fromUtf8(readData(QStringLiteral(
                                   "expected/20250102000000_change.migration.sql"))));
        // Planning wrote nothing: no folder, no row.
        QCOMPARE(MigrationsFolder::read(project.migrationsPath())->migrations().size(), 1);
    }

    void emptyTablesAndAllNullColumnsGiveOnlyTheWarningsThatNeedNoData()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        auto migrator = deployedFixture(pg, project, false);
        QVERIFY(migrator);

        auto plan =
            DevMigration::plan(*migrator, schemaText(readData(QStringLiteral("after.prisma"))));
        QVERIFY2(plan, qPrintable(plan.error().fullText()));
        QCOMPARE(lines(plan->liveDiagnostics.unexecutable), QStringList());
        QCOMPARE(lines(plan->liveDiagnostics.warnings),
                 QStringList({QStringLiteral("0: The values [GUEST] on the enum `Role` will be "
                                             "removed. If these variants are still used in the "
                                             "database, this will fail."),
                              QStringLiteral("6: A unique constraint covering the columns "
                                             "`[email]` on the table `User` will be added. If "
                                             "there are existing duplicate values, this will "
                                             "fail.")}));
        // The header of migration.sql does not depend on the data.
        QCOMPARE(plan->script, QString::fromUtf8(readData(QStringLiteral(
                                   "expected/20250102000000_change.migration.sql"))));
    }

    void writeThenApplyCreatesPrismasFolderAndLeavesTheDatabaseInSync()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);

        auto plan = DevMigration::plan(*migrator, schemaText(kSmallSchema));
        QVERIFY2(plan, qPrintable(plan.error().fullText()));
        QVERIFY(!plan->isEmpty());
        QVERIFY(plan->liveDiagnostics.isEmpty());
        const QDateTime time(QDate(2025, 3, 4), QTime(5, 6, 7), Qt::UTC);
        auto name = DevMigration::write(*migrator, *plan, QStringLiteral("Create Users"), time);
        QVERIFY2(name, qPrintable(name.error().fullText()));
        QCOMPARE(*name, QStringLiteral("20250304050607_create_users"));
        auto folder = MigrationsFolder::read(project.migrationsPath());
        QCOMPARE(folder->names(), QStringList{*name});
        QCOMPARE(folder->migrations().first().script, plan->script.toUtf8());
        QVERIFY(folder->lockFile().has_value());

        auto applied = DevMigration::apply(*migrator);
        QVERIFY2(applied, qPrintable(applied.error().fullText()));
        QCOMPARE(applied->appliedMigrationNames, QStringList{*name});
        auto again = DevMigration::plan(*migrator, schemaText(kSmallSchema));
        QVERIFY2(again, qPrintable(again.error().fullText()));
        QVERIFY(again->isEmpty());
        QCOMPARE(again->script, QStringLiteral("-- This is an empty migration."));
    }

    void pendingMigrationsAreAppliedFirstOnlyWhenAsked()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        QVERIFY(project.copyFixture(QStringLiteral("destructive/migrations")));
        auto migrator = migratorFor(project.target(pg.url()));
        QVERIFY(migrator);
        const QByteArray before = readData(QStringLiteral("before.prisma"));

        auto preview = DevMigration::plan(*migrator, schemaText(before));
        QVERIFY2(preview, qPrintable(preview.error().fullText()));
        QCOMPARE(preview->pendingMigrationNames,
                 QStringList{QStringLiteral("20250101000000_init")});
        QVERIFY(preview->isEmpty()); // the folder already gives the schema
        QCOMPARE(queryRows(pg.url(), QStringLiteral("SELECT to_regclass('\"User\"') IS NULL")),
                 QList<QStringList>{{QStringLiteral("true")}});

        DevMigration::Options options;
        options.applyPending = true;
        auto planned = DevMigration::plan(*migrator, schemaText(before), options);
        QVERIFY2(planned, qPrintable(planned.error().fullText()));
        QCOMPARE(planned->appliedMigrationNames,
                 QStringList{QStringLiteral("20250101000000_init")});
        QVERIFY(planned->pendingMigrationNames.isEmpty());
    }

    void statusReportsDriftFromAHandMadeChange()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        auto migrator = deployedFixture(pg, project, false);
        QVERIFY(migrator);
        const MigrationTarget target = project.target(pg.url());

        auto clean = migrator->status(DriftDetector::shadowCheck(target));
        QVERIFY2(clean, qPrintable(clean.error().fullText()));
        QVERIFY(clean->drift.has_value());
        QVERIFY(!clean->drift->detected);

        QVERIFY(pg.run(QStringLiteral("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT;"
                                      "CREATE TABLE \"Extra\" (\"id\" INTEGER PRIMARY KEY);")));
        auto drifted = migrator->status(DriftDetector::shadowCheck(target));
        QVERIFY2(drifted, qPrintable(drifted.error().fullText()));
        QVERIFY(drifted->drift->detected);
        QCOMPARE(drifted->drift->summary,
                 QStringLiteral("\n[+] Added tables\n  - Extra\n\n[*] Changed the `User` table\n"
                                "  [+] Added column `nickname`\n"));

        // migrate dev stops there, with Prisma's reason.
        auto plan =
            DevMigration::plan(*migrator, schemaText(readData(QStringLiteral("before.prisma"))));
        QVERIFY(!plan);
        QCOMPARE(plan.error().code(), Error::Code::MigrationDriftDetected);
        QVERIFY(plan.error().message().startsWith(
            QLatin1String("Drift detected: Your database schema is not in sync with your "
                          "migration history.\n\nThe following is a summary")));
        QVERIFY(plan.error().message().endsWith(drifted->drift->summary));
    }

    void editedMigrationStopsDevWithPrismasReason()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        auto migrator = deployedFixture(pg, project, false);
        QVERIFY(migrator);
        const QString name = QStringLiteral("20250101000000_init");
        QVERIFY(project.addMigration(name, readData(QStringLiteral("migrations/") + name +
                                                    QStringLiteral("/migration.sql")) +
                                               "\n-- edited\n"));
        auto plan =
            DevMigration::plan(*migrator, schemaText(readData(QStringLiteral("before.prisma"))));
        QVERIFY(!plan);
        QCOMPARE(plan.error().message(),
                 QStringLiteral("The migration `20250101000000_init` was modified after it was "
                                "applied."));
    }

    void userWithoutCreatedbGetsAShadowSchemaAndIsToldSo()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        const QString role =
            QStringLiteral("gh_nocreatedb_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        QVERIFY2(pg.run(QStringLiteral("CREATE ROLE %1 LOGIN NOCREATEDB; GRANT ALL ON DATABASE "
                                       "\"%2\" TO %1; GRANT ALL ON SCHEMA public TO %1;")
                            .arg(role, pg.name())),
                 qPrintable(pg.errorText()));
        QUrl url(pg.url());
        url.setUserName(role);
        url.setPassword(QString());
        {
            MigrateTestProject project;
            auto migrator = migratorFor(project.target(url.toString()));
            QVERIFY(migrator);
            auto plan = DevMigration::plan(*migrator, schemaText(kSmallSchema));
            QVERIFY2(plan, qPrintable(plan.error().fullText()));
            QVERIFY2(plan->shadowDescription.contains(QLatin1String("shadow schema")),
                     qPrintable(plan->shadowDescription));
            QVERIFY(plan->shadowDescription.contains(QLatin1String("may not create databases")));
            QVERIFY(plan->script.contains(QLatin1String("CREATE TABLE \"User\"")));
            // A status check writes nothing into the database: no shadow schema, an error.
            auto status =
                migrator->status(DriftDetector::shadowCheck(project.target(url.toString())));
            QVERIFY(!status);
            QCOMPARE(status.error().code(), Error::Code::MigrationShadowCreateFailed);
            // The shadow schema is gone afterwards.
            QCOMPARE(queryRows(pg.url(), QStringLiteral("SELECT count(*) FROM pg_namespace WHERE "
                                                        "nspname LIKE 'prisma_migrate_shadow%'")),
                     QList<QStringList>{{QStringLiteral("0")}});
        }
        QVERIFY(pg.run(QStringLiteral("REASSIGN OWNED BY %1 TO CURRENT_USER; DROP OWNED BY %1; "
                                      "DROP ROLE %1;")
                           .arg(role)));
    }

    void deployCreatesAMissingPostgresDatabase()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        const QString name =
            QStringLiteral("gh_created_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        QUrl url(pg.url());
        url.setPath(QLatin1Char('/') + name);
        MigrateTestProject project;
        const MigrationTarget target = project.target(url.toString());

        auto refused = Migrator::connect(target, quickLock());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::ConnectionFailed);
        {
            auto migrator = migratorFor(target, Migrator::Connect::CreateDatabaseIfMissing);
            QVERIFY(migrator);
            QVERIFY(migrator->createdDatabase());
            QCOMPARE(MigrateOutput::databaseCreated(target),
                     QStringLiteral("PostgreSQL database %1 created at %2:%3")
                         .arg(name, target.url.host())
                         .arg(target.url.port()));
            auto again = migratorFor(target, Migrator::Connect::CreateDatabaseIfMissing);
            QVERIFY(again);
            QVERIFY(!again->createdDatabase());
        }
        QVERIFY(pg.run(QStringLiteral("DROP DATABASE \"%1\" WITH (FORCE)").arg(name)));
    }
};

QTEST_GUILESS_MAIN(TestDevMigration)
#include "tst_devmigration.moc"
