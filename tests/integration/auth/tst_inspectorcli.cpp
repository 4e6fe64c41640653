// gatehouse-cli's inspector commands, run as the built binary against the demo project (SQLite)
// and a snake_case PostgreSQL database.

#include "core/auth/DemoProject.h"
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

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments, const QString &workingDirectory)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DATABASE_URL"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(GATEHOUSE_CLI_PATH), arguments);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonArray jsonArray(const Run &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()),
                 qPrintable(run.out.left(400)));
    return document.array();
}

QStringList csvColumn(const Run &run, int column)
{
    QStringList values;
    const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1))
        values << line.section(QLatin1Char(','), column, column);
    return values;
}

} // namespace

class TestInspectorCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase()
    {
        // Seeded around the real current time, so the CLI's own "now" splits sessions in two.
        auto demo = DemoProject::ensure(m_dir.filePath(QStringLiteral("demo")));
        QVERIFY2(demo.ok(), qPrintable(demo.error().fullText()));
        m_project = demo->directory();
    }

    void usersListPrintsJsonKeyedByPrismaNames()
    {
        const Run run =
            cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--limit"),
                 QStringLiteral("5"), QStringLiteral("--format"), QStringLiteral("json")},
                m_project);
        QCOMPARE(run.exitCode, 0);
        const QJsonArray users = jsonArray(run);
        QCOMPARE(users.size(), 5);
        const QJsonObject first = users.at(0).toObject();
        for (const char *key : {"id", "name", "email", "emailVerified", "image"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
    }

    void searchFindsUsersByEmailPrefix()
    {
        const Run all =
            cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--limit"),
                 QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("csv")},
                m_project);
        QCOMPARE(all.exitCode, 0);
        const QStringList emails = csvColumn(all, 2);
        QVERIFY(emails.size() > 20);
        const QString prefix = emails.at(7).left(3);
        const Run found = cli(
            {QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--search"), prefix,
             QStringLiteral("--search-field"), QStringLiteral("email"), QStringLiteral("--limit"),
             QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("csv")},
            m_project);
        QCOMPARE(found.exitCode, 0);
        QStringList expected;
        for (const QString &email : emails) {
            if (email.startsWith(prefix))
                expected << email;
        }
        QStringList got = csvColumn(found, 2);
        got.sort();
        expected.sort();
        QCOMPARE(got, expected);
    }

    void expiredAndActiveSessionsPartitionThemAll()
    {
        auto count = [&](const QStringList &extra) {
            const Run run = cli(QStringList{QStringLiteral("sessions"), QStringLiteral("list"),
                                            QStringLiteral("--limit"), QStringLiteral("0"),
                                            QStringLiteral("--format"), QStringLiteral("json")} +
                                    extra,
                                m_project);
            return run.exitCode == 0 ? int(jsonArray(run).size()) : -1;
        };
        const int all = count({});
        const int expired = count({QStringLiteral("--expired")});
        const int active = count({QStringLiteral("--active")});
        QVERIFY(expired > 0);
        QVERIFY(active > 0);
        QCOMPARE(expired + active, all);

        const Run run =
            cli({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--expired"),
                 QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--format"),
                 QStringLiteral("json")},
                m_project);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QJsonValue &session : jsonArray(run))
            QVERIFY(
                QDateTime::fromString(session.toObject().value(QLatin1String("expires")).toString(),
                                      Qt::ISODateWithMs) < now);
    }

    void secretsAreMaskedUnlessRevealed()
    {
        const QStringList list{QStringLiteral("sessions"), QStringLiteral("list"),
                               QStringLiteral("--limit"),  QStringLiteral("3"),
                               QStringLiteral("--format"), QStringLiteral("json")};
        const Run masked = cli(list, m_project);
        const Run revealed = cli(list + QStringList{QStringLiteral("--reveal-secrets")}, m_project);
        QCOMPARE(masked.exitCode, 0);
        QCOMPARE(revealed.exitCode, 0);
        const QString maskedToken =
            jsonArray(masked).at(0).toObject().value(QLatin1String("sessionToken")).toString();
        const QString token =
            jsonArray(revealed).at(0).toObject().value(QLatin1String("sessionToken")).toString();
        QVERIFY(maskedToken.contains(QStringLiteral("••••")));
        QVERIFY(!token.contains(QStringLiteral("••••")));
        QCOMPARE(maskedToken.left(4), token.left(4));
        QVERIFY(!masked.out.contains(token));
    }

    void userFilterAcceptsIdOrEmail()
    {
        const Run users =
            cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--limit"),
                 QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json")},
                m_project);
        const QJsonObject user = jsonArray(users).at(0).toObject();
        const QString id = user.value(QLatin1String("id")).toString();
        const QString email = user.value(QLatin1String("email")).toString();
        for (const QString &who : {id, email}) {
            for (const char *group : {"sessions", "accounts", "authenticators"}) {
                const Run run =
                    cli({QString::fromLatin1(group), QStringLiteral("list"),
                         QStringLiteral("--user"), who, QStringLiteral("--limit"),
                         QStringLiteral("0"), QStringLiteral("--format"), QStringLiteral("json")},
                        m_project);
                QCOMPARE(run.exitCode, 0);
                for (const QJsonValue &row : jsonArray(run)) {
                    const QJsonObject o = row.toObject();
                    const QString owner = o.contains(QLatin1String("userId"))
                                              ? o.value(QLatin1String("userId")).toString()
                                              : o.value(QLatin1String("userID")).toString();
                    QCOMPARE(owner, id);
                }
            }
        }
        const Run sessions =
            cli({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--user"),
                 email, QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--format"),
                 QStringLiteral("json")},
                m_project);
        QVERIFY(jsonArray(sessions).size() > 0);
        // Tokens belong to the email address.
        const Run tokens =
            cli({QStringLiteral("tokens"), QStringLiteral("list"), QStringLiteral("--user"), id,
                 QStringLiteral("--format"), QStringLiteral("json")},
                m_project);
        QCOMPARE(tokens.exitCode, 0);
        for (const QJsonValue &row : jsonArray(tokens))
            QCOMPARE(row.toObject().value(QLatin1String("identifier")).toString(), email);
    }

    void usersShowPrintsTheWholePicture()
    {
        const Run sessions =
            cli({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--limit"),
                 QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json")},
                m_project);
        const QString id =
            jsonArray(sessions).at(0).toObject().value(QLatin1String("userId")).toString();
        const Run json = cli({QStringLiteral("users"), QStringLiteral("show"), id,
                              QStringLiteral("--format"), QStringLiteral("json")},
                             m_project);
        QCOMPARE(json.exitCode, 0);
        const QJsonObject picture = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(
            picture.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(),
            id);
        QVERIFY(picture.value(QLatin1String("sessions")).toArray().size() >= 1);
        for (const char *part : {"accounts", "authenticators", "verificationTokens"})
            QVERIFY2(picture.value(QLatin1String(part)).isArray(), part);

        const QString email = picture.value(QLatin1String("user"))
                                  .toObject()
                                  .value(QLatin1String("email"))
                                  .toString();
        const Run table = cli({QStringLiteral("users"), QStringLiteral("show"), email}, m_project);
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith(QStringLiteral("User\n")));
        QVERIFY(table.out.contains(id));
        QVERIFY(table.out.contains(QStringLiteral("Sessions, newest expiry first")));
        QVERIFY(table.out.contains(QStringLiteral("Verification tokens for ") + email));
    }

    void unknownUserIsNotFound()
    {
        const Run run = cli({QStringLiteral("users"), QStringLiteral("show"),
                             QStringLiteral("nobody@nowhere.invalid")},
                            m_project);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("nobody@nowhere.invalid")), qPrintable(run.err));
        const Run filtered =
            cli({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--user"),
                 QStringLiteral("nobody@nowhere.invalid")},
                m_project);
        QCOMPARE(filtered.exitCode, 1);
    }

    void badArgumentsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("expired and active")
            << QStringList{"sessions", "list", "--expired", "--active"};
        QTest::newRow("format") << QStringList{"accounts", "list", "--format", "xml"};
        QTest::newRow("limit") << QStringList{"tokens", "list", "--limit", "-3"};
        QTest::newRow("unknown sort field") << QStringList{"users", "list", "--sort", "password"};
        QTest::newRow("unknown search field")
            << QStringList{"users", "list", "--search", "a", "--search-field", "image"};
        QTest::newRow("csv for show") << QStringList{"users", "show", "x", "--format", "csv"};
        QTest::newRow("unknown action") << QStringList{"authenticators", "delete"};
    }

    void badArgumentsAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments, m_project);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out)); // nothing half-written
        QVERIFY(!run.err.isEmpty());
    }

    void snakeCasePostgresThroughTheCli()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres-snake.sql")));
        QVERIFY(pg.run(testDataFile(QStringLiteral("auth/adapter-seed-postgres-snake.sql"))));
        const QString url = ScratchPostgres::bouncerUrl().isEmpty() ? pg.url() : pg.bouncedUrl();
        const Run run = cli(
            {QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--url"), url,
             QStringLiteral("--user"), QStringLiteral("ada@example.com"), QStringLiteral("--sort"),
             QStringLiteral("expires"), QStringLiteral("--format"), QStringLiteral("json")},
            QDir::tempPath());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray sessions = jsonArray(run);
        QCOMPARE(sessions.size(), 3);
        const QJsonObject first = sessions.at(0).toObject();
        QVERIFY(first.contains(QLatin1String("sessionToken")));
        QVERIFY(!first.contains(QLatin1String("session_token")));
        QCOMPARE(first.value(QLatin1String("expires")).toString(),
                 QStringLiteral("2026-11-26T09:41:29.155Z"));
        QVERIFY(!run.out.contains(QStringLiteral("5f4cebf4-ef5f-47a1-8166-e1472e9225c9")));

        const Run accounts =
            cli({QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--url"), url,
                 QStringLiteral("--provider"), QStringLiteral("github"), QStringLiteral("--format"),
                 QStringLiteral("csv")},
                QDir::tempPath());
        QCOMPARE(accounts.exitCode, 0);
        QVERIFY(
            accounts.out.startsWith(QStringLiteral("id,userId,type,provider,providerAccountId,")));
        QCOMPARE(accounts.out.count(QStringLiteral("\r\n")), 3);
    }
};

QTEST_GUILESS_MAIN(TestInspectorCli)
#include "tst_inspectorcli.moc"
