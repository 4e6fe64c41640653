// `gatehouse-cli migrate ...` end to end on a real PostgreSQL, step by step through the same
// sequence as tests/data/migrate/prisma-output/capture.sh ran the real Prisma 7 CLI, comparing
// stdout, stderr and the exit code with what Prisma printed.
//
// Normalised before comparing: the database name and server (as capture.sh did), timestamps,
// "gatehouse-cli" for "prisma" in hints, the P-code line of engine errors (the oracle's engine
// stand-in drops it; the native Prisma CLI prints it, as Gatehouse does), and the lines
// Gatehouse adds on stderr ("Prisma schema loaded from", "Applying migration", "Note:").

#include "app/cli/MigrateCommand.h"
#include "core/migrate/MigrationsFolder.h"
#include "tests/integration/migrate/MigrateTestProject.h"
#include "tests/support/TestPostgres.h"

#include <QRegularExpression>
#include <QtTest>

using namespace gh;
using gh::test::MigrateTestProject;
using gh::test::queryRows;
using gh::test::quickLock;
using gh::test::ScratchPostgres;

namespace {

struct Run
{
    QString out;
    QString err;
    int exitCode = 0;
};

QString golden(const QString &name)
{
    QFile file(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/prisma-output/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                          : QStringLiteral("<missing %1>").arg(name);
}

} // namespace

class TestMigrateCli : public QObject
{
    Q_OBJECT

public:
    /// Runs `gatehouse-cli migrate <arguments>` in the project, output as printed.
    Run invoke(const QStringList &arguments) const
    {
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        cli::CliContext context{outStream, errStream, QProcessEnvironment(), m_project->root(),
                                false};
        Run result;
        result.exitCode = cli::runMigrateCommand(context, arguments);
        outStream.flush();
        errStream.flush();
        result.out = out;
        result.err = err;
        return result;
    }

    /// With --url and --migrations, output normalised for comparing with Prisma's.
    Run run(const QStringList &arguments, const QString &migrations) const
    {
        Run result = invoke(arguments + QStringList{QStringLiteral("--url"), m_pg->url(),
                                                    QStringLiteral("--migrations"), migrations});
        result.out = normalize(result.out);
        result.err = normalize(result.err);
        return result;
    }

    QString normalize(QString text) const
    {
        const QString server =
            m_pg->url().section(QLatin1Char('@'), 1).section(QLatin1Char('/'), 0, 0);
        text.replace(QLatin1Char('"') + m_pg->name() + QLatin1Char('"'),
                     QStringLiteral("\"DBNAME\""));
        text.replace(server, QStringLiteral("HOST:PORT"));
        text.replace(QRegularExpression(QStringLiteral("\\d{4}-\\d\\d-\\d\\d [0-9:.]* UTC")),
                     QStringLiteral("STARTED_AT"));
        text.replace(QStringLiteral("gatehouse-cli migrate"), QStringLiteral("prisma migrate"));
        text.replace(QRegularExpression(QStringLiteral("^Error: P\\d{4}\\n\\n"),
                                        QRegularExpression::MultilineOption),
                     QStringLiteral("Error: "));
        text.remove(QRegularExpression(
            QStringLiteral("^(Prisma schema loaded from|Applying migration) [^\\n]*\\n"),
            QRegularExpression::MultilineOption));
        return text;
    }

    void expect(const QString &name, const QStringList &arguments, const QString &migrations)
    {
        const Run actual = run(arguments, migrations);
        QCOMPARE(actual.out, golden(name + QStringLiteral(".stdout")));
        QCOMPARE(actual.err, golden(name + QStringLiteral(".stderr")));
        QCOMPARE(actual.exitCode, golden(name + QStringLiteral(".exit")).trimmed().toInt());
    }

private Q_SLOTS:
    void init()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
    }

    void printsWhatPrismaPrintsStepByStep()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        MigrateTestProject project;
        m_pg = &pg;
        m_project = &project;
        const QString root = project.root();
        // The folders capture.sh used.
        const QString base = QStringLiteral("prisma/migrations");
        QVERIFY(project.copyFixture(QStringLiteral("authjs-postgres")));
        const auto copyTo = [&](const QString &folder) {
            const QDir from(project.migrationsPath());
            for (const QString &entry : from.entryList(QDir::AllEntries | QDir::NoDotAndDotDot)) {
                const QString source = from.filePath(entry);
                if (QFileInfo(source).isDir()) {
                    QDir().mkpath(root + QLatin1Char('/') + folder + QLatin1Char('/') + entry);
                    QFile::copy(source + QStringLiteral("/migration.sql"),
                                root + QLatin1Char('/') + folder + QLatin1Char('/') + entry +
                                    QStringLiteral("/migration.sql"));
                } else {
                    QFile::copy(source,
                                root + QLatin1Char('/') + folder + QLatin1Char('/') + entry);
                }
            }
        };
        QDir(root).mkpath(QStringLiteral("three"));
        copyTo(QStringLiteral("three"));
        QVERIFY(project.writeFile(QStringLiteral("three/20250101000002_third/migration.sql"),
                                  "CREATE TABLE \"Third\" (id INTEGER);\n"));
        QDir(root).mkpath(QStringLiteral("diverged"));
        copyTo(QStringLiteral("diverged"));
        QVERIFY(project.writeFile(QStringLiteral("diverged/20250101000003_other/migration.sql"),
                                  "SELECT 1;\n"));
        QDir(root).mkpath(QStringLiteral("empty"));
        QDir(root).mkpath(QStringLiteral("sqlite"));
        copyTo(QStringLiteral("sqlite"));
        QVERIFY(project.writeFile(
            QStringLiteral("sqlite/migration_lock.toml"),
            "# Please do not edit this file manually\n# It should be added in your "
            "version-control system (e.g., Git)\nprovider = \"sqlite\"\n"));

        const QStringList status{QStringLiteral("status")};
        const QStringList deploy{QStringLiteral("deploy")};
        const auto resolve = [](const char *flag, const QString &name) {
            return QStringList{QStringLiteral("resolve"), QString::fromLatin1(flag), name};
        };
        const QString third = QStringLiteral("20250101000002_third");
        const QString nope = QStringLiteral("20250101000009_nope");

        expect(QStringLiteral("status-no-table-no-migrations"), status, QStringLiteral("empty"));
        expect(QStringLiteral("status-pending"), status, base);
        expect(QStringLiteral("deploy-applied"), deploy, base);
        expect(QStringLiteral("deploy-nothing-pending"), deploy, base);
        expect(QStringLiteral("status-up-to-date"), status, base);
        expect(QStringLiteral("status-one-pending"), status, QStringLiteral("three"));
        expect(QStringLiteral("resolve-applied"), resolve("--applied", third),
               QStringLiteral("three"));
        expect(QStringLiteral("resolve-already-applied"), resolve("--applied", third),
               QStringLiteral("three"));
        expect(QStringLiteral("resolve-not-found"), resolve("--applied", nope),
               QStringLiteral("three"));
        expect(QStringLiteral("resolve-not-failed"),
               resolve("--rolled-back", QStringLiteral("20250101000000_init")),
               QStringLiteral("three"));
        expect(QStringLiteral("resolve-never-applied"), resolve("--rolled-back", nope),
               QStringLiteral("three"));
        expect(QStringLiteral("resolve-no-flag"), QStringList{QStringLiteral("resolve")},
               QStringLiteral("three"));

        // Prisma's answer on stdout and exit code; Gatehouse adds a note on stderr.
        const Run behind = run(status, base);
        QCOMPARE(behind.out, golden(QStringLiteral("status-directory-behind.stdout")));
        QCOMPARE(behind.exitCode, 0);
        QVERIFY(behind.err.contains(
            QStringLiteral("Note: migration applied to the database but not found locally")));

        expect(QStringLiteral("status-diverged"), status, QStringLiteral("diverged"));
        QVERIFY(pg.run(
            QStringLiteral(
                "UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '%1'")
                .arg(third)));
        expect(QStringLiteral("status-failed"), status, QStringLiteral("three"));
        expect(QStringLiteral("deploy-failed-migrations-found"), deploy, QStringLiteral("three"));
        expect(QStringLiteral("resolve-rolled-back"), resolve("--rolled-back", third),
               QStringLiteral("three"));
        expect(QStringLiteral("status-pending-after-rolled-back"), status, QStringLiteral("three"));

        QVERIFY(pg.run(QStringLiteral("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
                                      " CREATE TABLE \"Existing\" (id INTEGER);")));
        expect(QStringLiteral("deploy-schema-not-empty"), deploy, base);
        expect(QStringLiteral("deploy-provider-mismatch"), deploy, QStringLiteral("sqlite"));
        expect(QStringLiteral("status-provider-mismatch"), status, QStringLiteral("sqlite"));
    }

    void statusAsJson()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        m_pg = &pg;
        m_project = &project;
        QVERIFY(project.copyFixture(QStringLiteral("authjs-postgres")));
        const Run json = run({QStringLiteral("status"), QStringLiteral("--json")},
                             QStringLiteral("prisma/migrations"));
        QCOMPARE(json.exitCode, 1);
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("hasMigrationsTable")).toBool(), false);
        QCOMPARE(object.value(QStringLiteral("history"))
                     .toObject()
                     .value(QStringLiteral("diagnostic"))
                     .toString(),
                 QStringLiteral("databaseIsBehind"));
    }

    void deployPrintsProgressOnStderrAndApplyFailureLikePrisma()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        m_pg = &pg;
        m_project = &project;
        QVERIFY(project.addMigration(QStringLiteral("1_ok"), "SELECT 1;\n"));
        QVERIFY(project.addMigration(QStringLiteral("2_bad"),
                                     "CREATE TABLE t (id INTEGER);\nSELECT 1/0;\n"));
        const Run deploy = invoke({QStringLiteral("deploy"), QStringLiteral("--url"), pg.url()});
        QCOMPARE(deploy.exitCode, 1);
        QVERIFY(deploy.err.contains(
            QStringLiteral("Applying migration `1_ok`\nApplying migration `2_bad`\n")));
        QVERIFY2(deploy.err.contains(
                     QStringLiteral("Error: P3018\n\nA migration failed to apply. New migrations "
                                    "cannot be applied before the error is recovered from.")),
                 qPrintable(deploy.err));
        QVERIFY(deploy.err.contains(
            QStringLiteral("\n\nMigration name: 2_bad\n\nDatabase error code: 22012\n\n"
                           "Database error:\nERROR: division by zero")));
        QVERIFY(deploy.out.endsWith(QStringLiteral("2 migrations found in prisma/migrations\n\n")));
    }

    /// `migrate dev` against the goldens capture-dev.sh took from Prisma 7 (stdin is not a
    /// terminal there either). Gatehouse's additions on stderr come after Prisma's text.
    void devPrintsWhatPrismaPrints()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        m_pg = &pg;
        m_project = &project;
        const auto fixture = [](const char *name) {
            QFile file(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/destructive/") +
                       QLatin1String(name));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const QByteArray before = fixture("before.prisma");
        QVERIFY(project.writeFile(QStringLiteral("prisma/schema.prisma"), before));

        // A database of its own that does not exist yet: dev creates it, as Prisma does.
        const QString created = pg.name() + QStringLiteral("_dev");
        QUrl createdUrl(pg.url());
        createdUrl.setPath(QLatin1Char('/') + created);
        const auto dev = [&](const QStringList &arguments, const QString &url) {
            Run result = invoke(QStringList{QStringLiteral("dev")} + arguments +
                                QStringList{QStringLiteral("--url"), url});
            for (QString *text : {&result.out, &result.err}) {
                text->replace(QLatin1Char('"') + created + QLatin1Char('"'),
                              QStringLiteral("\"DBNAME\""));
                text->replace(QStringLiteral("database ") + created + QStringLiteral(" created"),
                              QStringLiteral("database DBNAME created"));
                *text = normalize(*text);
                text->replace(QRegularExpression(QStringLiteral("\\d{14}_")),
                              QStringLiteral("YYYYMMDDHHMMSS_"));
            }
            return result;
        };
        const auto expectDev = [&](const QString &name, const Run &actual, bool stderrPrefix) {
            QCOMPARE(actual.out, golden(name + QStringLiteral(".stdout")));
            if (stderrPrefix)
                QVERIFY2(actual.err.startsWith(golden(name + QStringLiteral(".stderr"))),
                         qPrintable(actual.err));
            else
                QCOMPARE(actual.err, golden(name + QStringLiteral(".stderr")));
            QCOMPARE(actual.exitCode, golden(name + QStringLiteral(".exit")).trimmed().toInt());
        };
        const QString url = createdUrl.toString();
        const QString name = QStringLiteral("--name");
        expectDev(QStringLiteral("dev-database-created"), dev({name, QStringLiteral("init")}, url),
                  false);
        expectDev(QStringLiteral("dev-already-in-sync"), dev({name, QStringLiteral("again")}, url),
                  false);
        expectDev(QStringLiteral("dev-create-only-empty"),
                  dev({name, QStringLiteral("empty"), QStringLiteral("--create-only")}, url),
                  false);
        const QStringList names = MigrationsFolder::read(project.migrationsPath())->names();
        QCOMPARE(names.size(), 2);
        // Both may carry the same second's timestamp, so "last" is not necessarily "empty".
        const auto empty = std::find_if(names.cbegin(), names.cend(), [](const QString &n) {
            return n.endsWith(QLatin1String("_empty"));
        });
        QVERIFY2(empty != names.cend(), qPrintable(names.join(QLatin1Char(','))));
        const QString initName = names.at(empty == names.cbegin() ? 1 : 0);
        QVERIFY(initName.endsWith(QLatin1String("_init")));
        QVERIFY(project.removeMigration(*empty));
        {
            auto database = Database::open(*DatabaseUrl::parse(url));
            QVERIFY(database);
            QVERIFY((*database)->executeScript(
                QStringLiteral("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT;"
                               "CREATE TABLE \"Extra\" (\"id\" INTEGER PRIMARY KEY);")));
        }
        expectDev(QStringLiteral("dev-drift"), dev({name, QStringLiteral("drift")}, url), false);
        QVERIFY(pg.run(QStringLiteral("DROP DATABASE \"%1\" WITH (FORCE)").arg(created)));

        // Destructive changes on the seeded fixture, in the scratch database.
        QVERIFY(project.removeMigration(initName));
        QVERIFY(project.copyFixture(QStringLiteral("destructive/migrations")));
        {
            auto migrator = Migrator::connect(project.target(pg.url()), quickLock());
            QVERIFY(migrator);
            const auto deployed = (*migrator)->deploy();
            QVERIFY2(deployed, qPrintable(deployed ? QString() : deployed.error().fullText()));
        }
        QVERIFY(pg.run(QString::fromUtf8(fixture("seed.sql"))));
        QByteArray dropName = before;
        dropName.replace("  name   String?\n", "");
        QVERIFY(project.writeFile(QStringLiteral("prisma/schema.prisma"), dropName));
        const Run refused = dev({name, QStringLiteral("drop_name")}, pg.url());
        expectDev(QStringLiteral("dev-warnings-non-interactive"), refused, true);
        QVERIFY(refused.err.endsWith(
            QStringLiteral("Pass --yes to accept the warnings without a prompt.\n")));
        QVERIFY(project.writeFile(QStringLiteral("prisma/schema.prisma"), fixture("after.prisma")));
        expectDev(QStringLiteral("dev-unexecutable"),
                  dev({name, QStringLiteral("change")}, pg.url()), false);
        expectDev(QStringLiteral("dev-unexecutable-create-only"),
                  dev({name, QStringLiteral("change"), QStringLiteral("--create-only")}, pg.url()),
                  true);
        QCOMPARE(MigrationsFolder::read(project.migrationsPath())->names().size(), 1);

        // --yes accepts the warnings: the migration is written with Prisma's header, then runs.
        QVERIFY(project.writeFile(QStringLiteral("prisma/schema.prisma"), dropName));
        const Run accepted =
            dev({name, QStringLiteral("drop name"), QStringLiteral("--yes")}, pg.url());
        QCOMPARE(accepted.exitCode, 0);
        QVERIFY2(accepted.out.endsWith(QStringLiteral(
                     "\nThe following migration(s) have been created and applied from new schema "
                     "changes:\n\nprisma/migrations/\n  └─ YYYYMMDDHHMMSS_drop_name/\n    └─ "
                     "migration.sql\n\nYour database is now in sync with your schema.\n\n")),
                 qPrintable(accepted.out));
        const MigrationsFolder folder = *MigrationsFolder::read(project.migrationsPath());
        QCOMPARE(folder.migrations().size(), 2);
        QVERIFY(folder.migrations().last().script.startsWith(
            "/*\n  Warnings:\n\n  - You are about to drop the column `name` on the `User` table. "
            "All the data in the column will be lost.\n\n*/\n-- AlterTable\n"));
        QCOMPARE(
            queryRows(pg.url(), QStringLiteral("SELECT count(*) FROM information_schema.columns "
                                               "WHERE table_name = 'User' AND column_name = "
                                               "'name'")),
            QList<QStringList>{{QStringLiteral("0")}});
    }

    void statusReportsDriftOnStderrAndKeepsPrismasExitCode()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        m_pg = &pg;
        m_project = &project;
        QVERIFY(project.copyFixture(QStringLiteral("authjs-postgres")));
        const QString migrations = QStringLiteral("prisma/migrations");
        QCOMPARE(run({QStringLiteral("deploy")}, migrations).exitCode, 0);
        const Run clean = run({QStringLiteral("status")}, migrations);
        QCOMPARE(clean.out, golden(QStringLiteral("status-up-to-date.stdout")));
        QVERIFY2(!clean.err.contains(QLatin1String("Drift")), qPrintable(clean.err));

        QVERIFY(pg.run(QStringLiteral("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT;")));
        const Run drifted = run({QStringLiteral("status")}, migrations);
        QCOMPARE(drifted.out, golden(QStringLiteral("status-up-to-date.stdout")));
        QCOMPARE(drifted.exitCode, 0);
        QVERIFY2(drifted.err.endsWith(QStringLiteral(
                     "\nDrift detected: Your database schema is not in sync with your migration "
                     "history.\n\n[*] Changed the `User` table\n  [+] Added column "
                     "`nickname`\n")),
                 qPrintable(drifted.err));
        const Run skipped =
            run({QStringLiteral("status"), QStringLiteral("--no-drift-check")}, migrations);
        QVERIFY(!skipped.err.contains(QLatin1String("Drift")));
    }

    void deployCreatesTheDatabaseAndSaysSoLikePrisma()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        m_pg = &pg;
        m_project = &project;
        QVERIFY(project.copyFixture(QStringLiteral("authjs-postgres")));
        const QString created = pg.name() + QStringLiteral("_deploy");
        QUrl url(pg.url());
        url.setPath(QLatin1Char('/') + created);
        const Run deploy =
            invoke({QStringLiteral("deploy"), QStringLiteral("--url"), url.toString()});
        QCOMPARE(deploy.exitCode, 0);
        const QString server = url.host() + QLatin1Char(':') + QString::number(url.port());
        QVERIFY2(deploy.out.contains(QStringLiteral("\n\nPostgreSQL database %1 created at %2\n\n"
                                                    "2 migrations found in prisma/migrations\n")
                                         .arg(created, server)),
                 qPrintable(deploy.out));
        QVERIFY(pg.run(QStringLiteral("DROP DATABASE \"%1\" WITH (FORCE)").arg(created)));
    }

    void pgbouncerUrlExplainsTheDirectUrl()
    {
        ScratchPostgres pg;
        QVERIFY(pg.isValid());
        MigrateTestProject project;
        m_pg = &pg;
        m_project = &project;
        const Run deploy = invoke({QStringLiteral("deploy"), QStringLiteral("--url"),
                                   pg.url(QStringLiteral("pgbouncer=true"))});
        QCOMPARE(deploy.exitCode, 1);
        QVERIFY(deploy.err.contains(
            QStringLiteral("Migrations need a direct connection to PostgreSQL")));
        QVERIFY(deploy.err.contains(QStringLiteral("directUrl")));
    }

private:
    ScratchPostgres *m_pg = nullptr;
    MigrateTestProject *m_project = nullptr;
};

QTEST_GUILESS_MAIN(TestMigrateCli)
#include "tst_migratecli.moc"
