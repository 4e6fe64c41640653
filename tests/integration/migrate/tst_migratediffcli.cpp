// `gatehouse-cli migrate diff` against what the real Prisma 7 CLI printed for the same arguments
// (tests/data/migrate/prisma-diff-output, captured by capture.sh there): stdout byte for byte,
// the exit code, and the error sentence on stderr. Also --output, --from-url on a live
// database, and migrations folders replayed on a shadow database (PostgreSQL: created and
// dropped on the test server; SQLite: a temporary file).

#include "app/cli/MigrateCommand.h"
#include "core/db/Database.h"
#include "core/url/DatabaseUrl.h"
#include "tests/support/TestPostgres.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using gh::test::ScratchPostgres;

namespace {

const QString kData = QStringLiteral(GATEHOUSE_TEST_DATA_DIR);
const QString kGolden = kData + QStringLiteral("/sql/golden/");
const QString kOutput = kData + QStringLiteral("/migrate/prisma-diff-output/");
const QString kMigrations = kData + QStringLiteral("/migrate/authjs-postgres");

struct Run
{
    QString out;
    QString err;
    int exitCode = 0;
};

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                          : QStringLiteral("<missing %1>").arg(path);
}

Run invoke(const QStringList &arguments, const QString &databaseUrl = QString(),
           const QString &workingDirectory = QDir::tempPath())
{
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    QProcessEnvironment environment;
    if (!databaseUrl.isEmpty())
        environment.insert(QStringLiteral("DATABASE_URL"), databaseUrl);
    cli::CliContext context{outStream, errStream, environment, workingDirectory, false};
    Run run;
    run.exitCode = cli::runMigrateCommand(context, QStringList{QStringLiteral("diff")} + arguments);
    outStream.flush();
    errStream.flush();
    run.out = out;
    run.err = err;
    return run;
}

QString schema(const QString &name)
{
    return kGolden + QStringLiteral("authjs/") + name + QStringLiteral(".prisma");
}

// The first lines of Prisma's error (before its usage text), which Gatehouse prints the same.
QString errorHead(const QString &stderrText)
{
    const int usage = int(stderrText.indexOf(QLatin1String("\n\nUsage")));
    return (usage >= 0 ? stderrText.left(usage) : stderrText).trimmed();
}

} // namespace

class TestMigrateDiffCli : public QObject
{
    Q_OBJECT

private slots:
    void matchesPrisma_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("needsServer");
        const QString script = QStringLiteral("--script");
        const QString exitCode = QStringLiteral("--exit-code");
        const QString fromEmpty = QStringLiteral("--from-empty");
        const QString toEmpty = QStringLiteral("--to-empty");
        const QString fromSchema = QStringLiteral("--from-schema");
        const QString toSchema = QStringLiteral("--to-schema");
        const QString pg = schema(QStringLiteral("authjs-postgres"));
        const QString modified = schema(QStringLiteral("authjs-postgres-modified"));
        QTest::newRow("script-from-empty")
            << "script-from-empty" << QStringList{fromEmpty, toSchema, pg, script} << false;
        QTest::newRow("script-sqlite")
            << "script-sqlite"
            << QStringList{fromEmpty, toSchema, schema(QStringLiteral("authjs-sqlite")), script}
            << false;
        QTest::newRow("summary") << "summary" << QStringList{fromSchema, pg, toSchema, modified}
                                 << false;
        QTest::newRow("summary-same")
            << "summary-same" << QStringList{fromSchema, pg, toSchema, pg} << false;
        QTest::newRow("script-same")
            << "script-same" << QStringList{fromSchema, pg, toSchema, pg, script} << false;
        QTest::newRow("exit-code-same")
            << "exit-code-same" << QStringList{fromSchema, pg, toSchema, pg, script, exitCode}
            << false;
        QTest::newRow("exit-code-differs")
            << "exit-code-differs"
            << QStringList{fromSchema, pg, toSchema, modified, script, exitCode} << false;
        QTest::newRow("exit-code-differs-summary")
            << "exit-code-differs-summary"
            << QStringList{fromSchema, pg, toSchema, modified, exitCode} << false;
        QTest::newRow("migrations-to-same") << "migrations-to-same"
                                            << QStringList{QStringLiteral("--from-migrations"),
                                                           kMigrations, toSchema, modified, script}
                                            << true;
        QTest::newRow("migrations-to-first")
            << "migrations-to-first"
            << QStringList{QStringLiteral("--from-migrations"), kMigrations, toSchema, pg, script}
            << true;
        QTest::newRow("no-from") << "no-from" << QStringList{toEmpty} << false;
        QTest::newRow("two-from") << "two-from" << QStringList{fromEmpty, fromSchema, pg, toEmpty}
                                  << false;
        QTest::newRow("no-connector") << "no-connector" << QStringList{fromEmpty, toEmpty} << false;
        QTest::newRow("missing-lock-file")
            << "missing-lock-file"
            << QStringList{QStringLiteral("--from-migrations"),
                           kGolden + QStringLiteral("fixtures"), toEmpty}
            << false;
    }

    void matchesPrisma()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, arguments);
        QFETCH(bool, needsServer);
        QString server;
        if (needsServer) {
            server = ScratchPostgres::serverUrl();
            if (server.isEmpty())
                QSKIP("GATEHOUSE_TEST_PG_URL is not set (run tests/run-tests.sh)");
        }
        const Run run = invoke(arguments, server);
        QCOMPARE(run.out, readText(kOutput + name + QStringLiteral(".stdout")));
        QCOMPARE(run.exitCode,
                 readText(kOutput + name + QStringLiteral(".exit")).trimmed().toInt());
        const QString prismaError = errorHead(readText(kOutput + name + QStringLiteral(".stderr")));
        if (prismaError.isEmpty()) {
            // Gatehouse may say which shadow database it used; never an error.
            QVERIFY2(!run.err.contains(QLatin1String("Error")), qPrintable(run.err));
        } else {
            QVERIFY2(run.err.startsWith(prismaError), qPrintable(run.err));
        }
    }

    // -o writes the engine's text and a newline; stdout only gets Prisma's empty line.
    void outputFile()
    {
        QTemporaryDir dir;
        const Run run =
            invoke({QStringLiteral("--from-empty"), QStringLiteral("--to-schema"),
                    schema(QStringLiteral("authjs-postgres")), QStringLiteral("--script"),
                    QStringLiteral("-o"), QStringLiteral("out.sql")},
                   QString(), dir.path());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("\n"));
        QCOMPARE(readText(dir.filePath(QStringLiteral("out.sql"))),
                 readText(kGolden + QStringLiteral("authjs/empty-to-authjs-postgres.sql")) +
                     QLatin1Char('\n'));
    }

    // A live database as the from side: Prisma's live-database golden, and the shadow
    // database of a migrations replay gone afterwards.
    void fromUrlAndNoShadowLeftBehind()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set (run tests/run-tests.sh)");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.run(readText(kGolden + QStringLiteral("authjs/empty-to-authjs-postgres.sql"))));
        const Run run = invoke(
            {QStringLiteral("--from-url"), pg.url(), QStringLiteral("--to-schema"),
             schema(QStringLiteral("authjs-postgres-modified")), QStringLiteral("--script")});
        QCOMPARE(run.out,
                 readText(kGolden + QStringLiteral("live/authjs-postgres-to-modified.sql")) +
                     QStringLiteral("\n\n"));

        const Run replay =
            invoke({QStringLiteral("--from-migrations"), kMigrations, QStringLiteral("--to-url"),
                    pg.url(), QStringLiteral("--exit-code")},
                   pg.url());
        QCOMPARE(replay.exitCode, 2); // the migrations add `role`; the database lacks it
        QVERIFY2(replay.err.contains(QLatin1String("shadow database prisma_migrate_shadow_db_")),
                 qPrintable(replay.err));
        auto database = Database::open(*DatabaseUrl::parse(pg.url()));
        QVERIFY(database);
        SqlStatement leftovers = (*database)->statement();
        leftovers << QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE ")
                  << leftovers.bind(QStringLiteral("prisma_migrate_shadow_db_%"));
        // Other tests may be replaying at the same moment: none of ours is left, by name.
        const QString name = replay.err.section(QStringLiteral("prisma_migrate_shadow_db_"), 1)
                                 .section(QLatin1Char(' '), 0, 0);
        SqlStatement mine = (*database)->statement();
        mine << QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ")
             << mine.bind(QStringLiteral("prisma_migrate_shadow_db_") + name);
        auto count = (*database)->query(mine);
        QVERIFY(count);
        QCOMPARE(count->value(0, 0).toLongLong(), 0);
    }

    // SQLite migrations replay on a temporary file, no server needed.
    void sqliteMigrationsReplay()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("m/0_init"));
        QFile lock(dir.filePath(QStringLiteral("m/migration_lock.toml")));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write("provider = \"sqlite\"\n");
        lock.close();
        QFile script(dir.filePath(QStringLiteral("m/0_init/migration.sql")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(
            readText(kGolden + QStringLiteral("authjs/empty-to-authjs-sqlite.sql")).toUtf8());
        script.close();
        const Run run =
            invoke({QStringLiteral("--from-migrations"), dir.filePath(QStringLiteral("m")),
                    QStringLiteral("--to-schema"), schema(QStringLiteral("authjs-sqlite")),
                    QStringLiteral("--script"), QStringLiteral("--exit-code")});
        QCOMPARE(run.out, QStringLiteral("-- This is an empty migration.\n\n\n"));
        QCOMPARE(run.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestMigrateDiffCli)
#include "tst_migratediffcli.moc"
