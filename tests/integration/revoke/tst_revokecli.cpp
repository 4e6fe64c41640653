// gatehouse-cli's destructive commands, run as the built binary: --dry-run counts and removes
// nothing; without a terminal they refuse unless --yes; on a terminal they ask (and make the user
// type the database name or email); --read-only refuses; exit codes as the README documents;
// `audit list` prints what they logged.

#include "tests/integration/revoke/RevokeFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace gh;
using namespace gh::test;

namespace {

// The exit codes documented in the README.
constexpr int kOk = 0, kFailure = 1, kUsage = 2, kNotConfirmed = 5, kReadOnly = 6;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &arguments, const QByteArray &input,
               const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QProcessEnvironment cleanEnvironment(const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DATABASE_URL"));
    environment.remove(QStringLiteral("GATEHOUSE_AUDIT_LOG"));
    // The default audit log lands here (XDG_DATA_HOME/gatehouse/audit.jsonl), not in the real home.
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home);
    return environment;
}

#define OPEN_FIXTURE(name, backend)                                                                \
    QString name##Error;                                                                           \
    bool name##Skip = false;                                                                       \
    auto name = RevokeFixture::create(backend, RevokeSeed(), &name##Error, &name##Skip);           \
    if (name##Skip)                                                                                \
        QSKIP(qPrintable(name##Error));                                                            \
    QVERIFY2(name, qPrintable(name##Error))

} // namespace

class TestRevokeCli : public QObject
{
    Q_OBJECT

private:
    Run cli(RevokeFixture &f, const QStringList &arguments, const QByteArray &input = QByteArray())
    {
        return runProgram(QStringLiteral(GATEHOUSE_CLI_PATH),
                          arguments + QStringList{QStringLiteral("--url"), f.url()}, input,
                          cleanEnvironment(f.directory()));
    }
    QString defaultAuditLog(RevokeFixture &f) const
    {
        return f.directory() + QStringLiteral("/gatehouse/audit.jsonl");
    }

private Q_SLOTS:
    void dryRunPrintsTheCountAndRemovesNothing()
    {
        OPEN_FIXTURE(f, RevokeBackend::SqliteMillis);
        const Run run = cli(*f, {QStringLiteral("sessions"), QStringLiteral("revoke"),
                                 QStringLiteral("--expired"), QStringLiteral("--dry-run")});
        QCOMPARE(run.exitCode, kOk);
        QVERIFY2(run.out.contains(QLatin1String("Delete 300 sessions that expired before")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("Dry run: nothing was removed.")));
        QCOMPARE(f->count(AuthModelKind::Session), 600);
        QVERIFY(!QFile::exists(defaultAuditLog(*f)));
    }

    void withoutATerminalEveryCommandNeedsYes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("token") << QStringList{QStringLiteral("sessions"), QStringLiteral("revoke"),
                                              QStringLiteral("--token"),
                                              QStringLiteral("tok-00002")};
        QTest::newRow("user") << QStringList{QStringLiteral("sessions"), QStringLiteral("revoke"),
                                             QStringLiteral("--user"),
                                             QStringLiteral("user7@example.com")};
        QTest::newRow("expired") << QStringList{
            QStringLiteral("sessions"), QStringLiteral("revoke"), QStringLiteral("--expired")};
        QTest::newRow("all") << QStringList{QStringLiteral("sessions"), QStringLiteral("revoke"),
                                            QStringLiteral("--all")};
        QTest::newRow("tokens purge") << QStringList{
            QStringLiteral("tokens"), QStringLiteral("purge"), QStringLiteral("--expired")};
        QTest::newRow("users delete") << QStringList{
            QStringLiteral("users"), QStringLiteral("delete"), QStringLiteral("u007")};
    }
    void withoutATerminalEveryCommandNeedsYes()
    {
        QFETCH(QStringList, arguments);
        OPEN_FIXTURE(f, RevokeBackend::SqliteMillis);
        const Run refused = cli(*f, arguments);
        QCOMPARE(refused.exitCode, kNotConfirmed);
        QVERIFY2(refused.err.contains(QLatin1String("--yes")), qPrintable(refused.err));
        QCOMPARE(f->count(AuthModelKind::Session), 600);
        QCOMPARE(f->count(AuthModelKind::VerificationToken), 30);
        QCOMPARE(f->count(AuthModelKind::User), 40);
        QVERIFY(!QFile::exists(defaultAuditLog(*f)));

        const Run done = cli(*f, arguments + QStringList{QStringLiteral("--yes")});
        QVERIFY2(done.exitCode == kOk, qPrintable(done.out + done.err));
        QVERIFY(done.out.contains(QLatin1String("Removed ")));
        QCOMPARE(AuditLog(defaultAuditLog(*f)).read()->entries.size(), 1);
    }

    void yesRemovesLogsAndAuditListPrintsIt()
    {
        OPEN_FIXTURE(f, RevokeBackend::SqliteText);
        const QString log = f->directory() + QStringLiteral("/custom/audit.jsonl");
        const Run run = cli(*f, {QStringLiteral("sessions"), QStringLiteral("revoke"),
                                 QStringLiteral("--user"), QStringLiteral("user7@example.com"),
                                 QStringLiteral("--yes"), QStringLiteral("--audit-log"), log});
        QVERIFY2(run.exitCode == kOk, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(QLatin1String("Removed 15 sessions")));
        QCOMPARE(
            f->countWhere(AuthModelKind::Session, QStringLiteral("userId"), QStringLiteral("u007")),
            0);
        QCOMPARE(f->count(AuthModelKind::Session), 585);

        QProcessEnvironment environment = cleanEnvironment(f->directory());
        const Run json =
            runProgram(QStringLiteral(GATEHOUSE_CLI_PATH),
                       {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--format"),
                        QStringLiteral("json"), QStringLiteral("--audit-log"), log},
                       QByteArray(), environment);
        QCOMPARE(json.exitCode, kOk);
        const QJsonArray entries = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(entries.size(), 1);
        const QJsonObject entry = entries.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("action")).toString(),
                 QStringLiteral("revoke-user-sessions"));
        QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("completed"));
        QCOMPARE(entry.value(QStringLiteral("rows")).toInt(), 15);
        QCOMPARE(entry.value(QStringLiteral("sessionTokenSha256")).toArray().size(), 15);
        QVERIFY(entry.value(QStringLiteral("application"))
                    .toString()
                    .startsWith(QLatin1String("gatehouse-cli ")));

        // The environment variable names the log too, and the table shows the entry.
        environment.insert(QStringLiteral("GATEHOUSE_AUDIT_LOG"), log);
        const Run table = runProgram(QStringLiteral(GATEHOUSE_CLI_PATH),
                                     {QStringLiteral("audit"), QStringLiteral("list"),
                                      QStringLiteral("--limit"), QStringLiteral("5")},
                                     QByteArray(), environment);
        QCOMPARE(table.exitCode, kOk);
        QVERIFY2(table.out.contains(QLatin1String("revoke-user-sessions")), qPrintable(table.out));
        QVERIFY(table.out.contains(QLatin1String("completed")));
        QVERIFY(table.out.contains(QLatin1String("userId=u007")));
    }

    void jsonReportsTheOutcome()
    {
        OPEN_FIXTURE(f, RevokeBackend::SqliteMixed);
        const Run run = cli(*f, {QStringLiteral("sessions"), QStringLiteral("revoke"),
                                 QStringLiteral("--expired"), QStringLiteral("--yes"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == kOk, qPrintable(run.out + run.err));
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("action")).toString(),
                 QStringLiteral("revoke-expired-sessions"));
        QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 300);
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("completed"));
        QCOMPARE(report.value(QStringLiteral("removed"))
                     .toObject()
                     .value(QStringLiteral("Session"))
                     .toInt(),
                 300);
        QCOMPARE(f->count(AuthModelKind::Session), 300);
    }

    void readOnlyRefuses()
    {
        OPEN_FIXTURE(f, RevokeBackend::SqliteMillis);
        const Run refused =
            cli(*f, {QStringLiteral("--read-only"), QStringLiteral("sessions"),
                     QStringLiteral("revoke"), QStringLiteral("--all"), QStringLiteral("--yes")});
        QCOMPARE(refused.exitCode, kReadOnly);
        QVERIFY2(refused.err.contains(QLatin1String("--read-only")), qPrintable(refused.err));
        QCOMPARE(f->count(AuthModelKind::Session), 600);
        // Counting is reading: a dry run works in read-only mode.
        const Run dryRun =
            cli(*f, {QStringLiteral("users"), QStringLiteral("delete"), QStringLiteral("u007"),
                     QStringLiteral("--dry-run"), QStringLiteral("--read-only")});
        QCOMPARE(dryRun.exitCode, kOk);
        const Run migrate = cli(*f, {QStringLiteral("--read-only"), QStringLiteral("migrate"),
                                     QStringLiteral("deploy")});
        QCOMPARE(migrate.exitCode, kReadOnly);
    }

    void badArgumentsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no selector")
            << QStringList{QStringLiteral("sessions"), QStringLiteral("revoke")};
        QTest::newRow("two selectors")
            << QStringList{QStringLiteral("sessions"), QStringLiteral("revoke"),
                           QStringLiteral("--expired"), QStringLiteral("--all")};
        QTest::newRow("purge without --expired")
            << QStringList{QStringLiteral("tokens"), QStringLiteral("purge")};
        QTest::newRow("delete without a user")
            << QStringList{QStringLiteral("users"), QStringLiteral("delete")};
        QTest::newRow("bad format") << QStringList{
            QStringLiteral("sessions"), QStringLiteral("revoke"), QStringLiteral("--expired"),
            QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("audit limit") << QStringList{QStringLiteral("audit"), QStringLiteral("list"),
                                                    QStringLiteral("--limit"), QStringLiteral("x")};
    }
    void badArgumentsAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        OPEN_FIXTURE(f, RevokeBackend::SqliteMillis);
        QCOMPARE(cli(*f, arguments + QStringList{QStringLiteral("--yes")}).exitCode, kUsage);
        QCOMPARE(f->count(AuthModelKind::Session), 600);
    }

    void anUnknownUserIsAFailure()
    {
        OPEN_FIXTURE(f, RevokeBackend::SqliteMillis);
        const Run run = cli(*f, {QStringLiteral("users"), QStringLiteral("delete"),
                                 QStringLiteral("nobody@example.com"), QStringLiteral("--yes")});
        QCOMPARE(run.exitCode, kFailure);
        QVERIFY(run.err.contains(QLatin1String("nobody@example.com")));
        QCOMPARE(f->count(AuthModelKind::User), 40);
    }

    void onATerminalTheUserMustTypeTheName_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("typed");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("sessionsLeft");
        const QStringList all{QStringLiteral("sessions"), QStringLiteral("revoke"),
                              QStringLiteral("--all")};
        const QStringList del{QStringLiteral("users"), QStringLiteral("delete"),
                              QStringLiteral("u007")};
        const QStringList expired{QStringLiteral("sessions"), QStringLiteral("revoke"),
                                  QStringLiteral("--expired")};
        QTest::newRow("all, wrong name") << all << QByteArray("yes\n") << kNotConfirmed << 600;
        QTest::newRow("all, database name") << all << QByteArray("dev.db\n") << kOk << 0;
        QTest::newRow("delete, wrong email")
            << del << QByteArray("user8@example.com\n") << kNotConfirmed << 600;
        QTest::newRow("delete, email") << del << QByteArray("user7@example.com\n") << kOk << 585;
        QTest::newRow("expired, no") << expired << QByteArray("\n") << kNotConfirmed << 600;
        QTest::newRow("expired, y") << expired << QByteArray("y\n") << kOk << 300;
    }
    void onATerminalTheUserMustTypeTheName()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, typed);
        QFETCH(int, exitCode);
        QFETCH(int, sessionsLeft);
        // util-linux's script(1) gives the command a pseudo-terminal and types our input into it.
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty())
            QSKIP("script(1) is not installed");
        OPEN_FIXTURE(f, RevokeBackend::SqliteMillis);
        QStringList command{QStringLiteral(GATEHOUSE_CLI_PATH)};
        command << arguments << QStringLiteral("--url") << f->url();
        for (QString &part : command)
            part = QLatin1Char('\'') + part + QLatin1Char('\'');
        const Run run = runProgram(
            script,
            {QStringLiteral("-qec"), command.join(QLatin1Char(' ')), QStringLiteral("/dev/null")},
            typed, cleanEnvironment(f->directory()));
        QVERIFY2(
            run.exitCode == exitCode,
            qPrintable(QStringLiteral("exit %1\n%2%3").arg(run.exitCode).arg(run.out, run.err)));
        QCOMPARE(f->count(AuthModelKind::Session), qint64(sessionsLeft));
        if (arguments.contains(QLatin1String("--all")))
            QVERIFY2(run.out.contains(QLatin1String("Type the database name (dev.db) to confirm.")),
                     qPrintable(run.out));
    }

    void aPasswordInTheUrlIsNeverPrinted()
    {
        OPEN_FIXTURE(f, RevokeBackend::PostgresDefault);
        const Run run = cli(*f, {QStringLiteral("sessions"), QStringLiteral("revoke"),
                                 QStringLiteral("--all"), QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == kOk, qPrintable(run.out + run.err));
        QVERIFY(!run.out.contains(RevokeFixture::urlPassword()));
        QVERIFY(!run.err.contains(RevokeFixture::urlPassword()));
        QFile log(defaultAuditLog(*f));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains(RevokeFixture::urlPassword().toUtf8()));
        QCOMPARE(f->count(AuthModelKind::Session), 0);
    }
};

QTEST_GUILESS_MAIN(TestRevokeCli)
#include "tst_revokecli.moc"
