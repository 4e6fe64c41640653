// `gatehouse-cli migrate ...` end to end on a real PostgreSQL, step by step through the same
// sequence as tests/data/migrate/prisma-output/capture.sh ran the real Prisma 7 CLI, comparing
// stdout, stderr and the exit code with what Prisma printed.
//
// Normalised before comparing: the database name and server (as capture.sh did), timestamps,
// "gatehouse-cli" for "prisma" in hints, the P-code line of engine errors (the oracle's engine
// stand-in drops it; the native Prisma CLI prints it, as Gatehouse does), and the lines
// Gatehouse adds on stderr ("Prisma schema loaded from", "Applying migration", "Note:").

#include "app/cli/MigrateCommand.h"
#include "tests/integration/migrate/MigrateTestProject.h"
#include "tests/support/TestPostgres.h"

#include <QRegularExpression>
#include <QtTest>

using namespace gh;
using gh::test::MigrateTestProject;
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
