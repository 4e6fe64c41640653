// The inspector's queries on SQLite through the demo database (Prisma's own DDL, data stored as
// Prisma's native connector stores it), and with DateTime values in the other encodings Prisma
// writes: ISO-8601 text from Prisma 7's driver adapters and CURRENT_TIMESTAMP's text.

#include "core/auth/AuthWorkspace.h"
#include "core/auth/DemoProject.h"
#include "core/auth/RecordExporter.h"
#include "tests/integration/auth/AuthTestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::test;

Q_DECLARE_METATYPE(gh::AuthModelKind)

namespace {

// The demo's fixed `now` (2024-06-11 10:00:00.123 UTC) and its sessions spread around it.
QDateTime demoNow()
{
    return QDateTime::fromMSecsSinceEpoch(1718100000123, Qt::UTC);
}

struct Demo
{
    QTemporaryDir dir;
    std::optional<AuthWorkspace> workspace;
    AuthConnection connection;
    QString error;

    const AuthQueries &queries() const { return *connection.queries; }
    Database &database() { return *connection.database; }
};

std::unique_ptr<Demo> openDemo()
{
    auto demo = std::make_unique<Demo>();
    auto project = DemoProject::ensure(demo->dir.path(), demoNow());
    if (!project) {
        demo->error = project.error().fullText();
        return demo;
    }
    ProjectOptions options;
    options.workingDirectory = project->directory();
    options.environment = QProcessEnvironment();
    auto workspace = AuthWorkspace::open(options);
    if (!workspace) {
        demo->error = workspace.error().fullText();
        return demo;
    }
    auto connection = workspace->connect();
    if (!connection) {
        demo->error = connection.error().fullText();
        return demo;
    }
    demo->workspace = *workspace;
    demo->connection = std::move(connection.value());
    return demo;
}

// Rewrites a third of a DateTime column as Prisma 7's driver adapters write it
// ("2024-06-11T10:00:00.123+00:00") and a third as CURRENT_TIMESTAMP does ("2024-06-11 10:00:00",
// whole seconds): after this the column holds INTEGER and TEXT values side by side.
QString mixEncodings(const QString &table, const QString &column)
{
    return QStringLiteral("UPDATE \"%1\" SET \"%2\" = strftime('%Y-%m-%dT%H:%M:%f+00:00', \"%2\" / "
                          "1000.0, 'unixepoch')"
                          " WHERE rowid %% 3 = 1 AND typeof(\"%2\") = 'integer';"
                          "UPDATE \"%1\" SET \"%2\" = strftime('%Y-%m-%d %H:%M:%S', \"%2\" / 1000, "
                          "'unixepoch')"
                          " WHERE rowid %% 3 = 2 AND typeof(\"%2\") = 'integer';")
        .arg(table, column)
        .replace(QLatin1String("%%"), QLatin1String("%"));
}

} // namespace

class TestInspectorSqlite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Demo> m_native; // INTEGER milliseconds, as the demo is seeded
    std::unique_ptr<Demo> m_mixed;  // INTEGER and both text encodings in one column

private Q_SLOTS:
    void initTestCase()
    {
        m_native = openDemo();
        QVERIFY2(m_native->workspace, qPrintable(m_native->error));
        m_mixed = openDemo();
        QVERIFY2(m_mixed->workspace, qPrintable(m_mixed->error));
        const QString sql =
            mixEncodings(QStringLiteral("Session"), QStringLiteral("expires")) +
            mixEncodings(QStringLiteral("VerificationToken"), QStringLiteral("expires")) +
            mixEncodings(QStringLiteral("User"), QStringLiteral("emailVerified")) +
            mixEncodings(QStringLiteral("Session"), QStringLiteral("createdAt"));
        QVERIFY(m_mixed->database().executeScript(sql).ok());
        auto kinds = m_mixed->database().query(SqlStatement(
            SqlDialect::SQLite,
            QStringLiteral("SELECT count(DISTINCT typeof(expires)), count(*) FROM \"Session\"")));
        QVERIFY(kinds.ok());
        QCOMPARE(kinds->value(0, 0).toInt(), 2); // integer and text
    }

    void bothDateEncodingsReadAsTheSameInstants()
    {
        // Same rows, same instants, whatever the encoding (CURRENT_TIMESTAMP drops milliseconds).
        RecordQuery query;
        query.model = AuthModelKind::Session;
        const RecordPage native = allRows(m_native->queries(), AuthModelKind::Session);
        const RecordPage mixed = allRows(m_mixed->queries(), AuthModelKind::Session);
        QCOMPARE(mixed.rows.size(), native.rows.size());
        const int expires = native.fieldIndex(QStringLiteral("expires"));
        int differing = 0;
        for (int r = 0; r < native.rows.size(); ++r) {
            const QDateTime a = native.rows.at(r).at(expires).toDateTime();
            const QDateTime b = mixed.rows.at(r).at(expires).toDateTime();
            QVERIFY2(b.isValid(), qPrintable(mixed.rows.at(r).at(expires).toString()));
            QCOMPARE(b.timeSpec(), Qt::UTC);
            QVERIFY(qAbs(a.msecsTo(b)) < 1000);
            differing += a != b;
        }
        QVERIFY(differing > 0);
    }

    void pagesMatchNaiveOrder_data()
    {
        QTest::addColumn<bool>("mixed");
        QTest::addColumn<AuthModelKind>("model");
        QTest::addColumn<QString>("sortField");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("expiry");
        for (bool mixed : {false, true}) {
            const char *m = mixed ? "mixed" : "integer";
            auto row = [&](const char *name) {
                return &QTest::newRow(
                    qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(m), QLatin1String(name))));
            };
            *row("users by key") << mixed << AuthModelKind::User << QString() << false << QString()
                                 << 0;
            *row("users by email desc") << mixed << AuthModelKind::User << QStringLiteral("email")
                                        << true << QString() << 0;
            *row("users by name") << mixed << AuthModelKind::User << QStringLiteral("name") << false
                                  << QString() << 0;
            *row("users by emailVerified")
                << mixed << AuthModelKind::User << QStringLiteral("emailVerified") << false
                << QString() << 0;
            *row("users by emailVerified desc")
                << mixed << AuthModelKind::User << QStringLiteral("emailVerified") << true
                << QString() << 0;
            *row("users search") << mixed << AuthModelKind::User << QString() << false
                                 << QStringLiteral("a") << 0;
            *row("sessions by expires") << mixed << AuthModelKind::Session
                                        << QStringLiteral("expires") << false << QString() << 0;
            *row("sessions by expires desc") << mixed << AuthModelKind::Session
                                             << QStringLiteral("expires") << true << QString() << 0;
            *row("sessions expired") << mixed << AuthModelKind::Session << QStringLiteral("expires")
                                     << false << QString() << 2;
            *row("sessions active")
                << mixed << AuthModelKind::Session << QString() << false << QString() << 1;
            *row("sessions by createdAt") << mixed << AuthModelKind::Session
                                          << QStringLiteral("createdAt") << false << QString() << 0;
            *row("accounts by provider") << mixed << AuthModelKind::Account
                                         << QStringLiteral("provider") << false << QString() << 0;
            *row("accounts expired")
                << mixed << AuthModelKind::Account << QString() << false << QString() << 2;
            *row("tokens expired") << mixed << AuthModelKind::VerificationToken
                                   << QStringLiteral("expires") << false << QString() << 2;
            *row("tokens active") << mixed << AuthModelKind::VerificationToken
                                  << QStringLiteral("expires") << true << QString() << 1;
            *row("authenticators by counter")
                << mixed << AuthModelKind::Authenticator << QStringLiteral("counter") << false
                << QString() << 0;
        }
    }

    void pagesMatchNaiveOrder()
    {
        QFETCH(bool, mixed);
        QFETCH(AuthModelKind, model);
        QFETCH(QString, sortField);
        QFETCH(bool, descending);
        QFETCH(QString, search);
        QFETCH(int, expiry);
        const AuthQueries &q = (mixed ? m_mixed : m_native)->queries();
        RecordQuery query;
        query.model = model;
        query.sortField = sortField;
        query.sortOrder = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
        query.search = search;
        query.expiry = ExpiryFilter(expiry);
        query.now = demoNow();
        const QStringList expected = naiveKeys(allRows(q, model), query, q.schema().model(model));
        QVERIFY(!expected.isEmpty());
        QString error;
        QCOMPARE(walkKeys(q, query, 7, PageDirection::Forward, &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(walkKeys(q, query, 11, PageDirection::Backward, &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto count = q.count(query);
        QVERIFY(count.ok());
        QCOMPARE(*count, qint64(expected.size()));
        for (double fraction : {0.0, 0.5, 0.9, 1.0}) {
            auto page = q.seek(query, fraction, 3);
            QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
            const QStringList keys = pageKeys(*page);
            const int at = int(expected.indexOf(keys.value(0)));
            QVERIFY(at >= 0);
            QCOMPARE(keys, expected.mid(at, 3));
            const int wanted = qMin(int(std::floor(fraction * expected.size())),
                                    qMax(0, int(expected.size()) - 3));
            QCOMPARE(at, wanted);
        }
    }

    void expiryFiltersAgreeAcrossEncodings()
    {
        // The same split at `now` whichever way the dates are stored: in SQLite any TEXT sorts
        // above any INTEGER, so a raw comparison would call every text date "active".
        for (AuthModelKind model : {AuthModelKind::Session, AuthModelKind::VerificationToken}) {
            for (ExpiryFilter expiry : {ExpiryFilter::Expired, ExpiryFilter::Active}) {
                RecordQuery query;
                query.model = model;
                query.expiry = expiry;
                query.now = demoNow();
                auto native = m_native->queries().count(query);
                auto mixed = m_mixed->queries().count(query);
                QVERIFY(native.ok() && mixed.ok());
                QVERIFY(*native > 0);
                QCOMPARE(*mixed, *native);
            }
        }
        // A window [from, before) across the encodings.
        RecordQuery window;
        window.model = AuthModelKind::Session;
        window.expiresFrom = demoNow().addDays(-3);
        window.expiresBefore = demoNow().addDays(3);
        QCOMPARE(m_mixed->queries().count(window).value(),
                 m_native->queries().count(window).value());
    }

    void estimateIsABoundOrExact()
    {
        RecordQuery query;
        query.model = AuthModelKind::Session;
        auto estimate = m_native->queries().estimateCount(query);
        QVERIFY(estimate.ok());
        // The demo is small: counted exactly.
        QCOMPARE(estimate->kind, RowCount::Kind::Exact);
        QCOMPARE(estimate->rows, m_native->queries().count(query).value());
    }

    void userPictureAndNavigation()
    {
        const AuthQueries &q = m_mixed->queries();
        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        sessions.sortField = QStringLiteral("expires");
        auto page = q.seek(sessions, 0.5, 5);
        QVERIFY(page.ok());
        const QString userId = page->userIdOf(0);
        auto picture = q.userPicture(userId);
        QVERIFY2(picture.ok(), qPrintable(picture.error().fullText()));
        QCOMPARE(picture->userId(), userId);
        QVERIFY(pageKeys(picture->sessions).contains(pageKeys(*page).first()));
        // By email too.
        auto byEmail = q.userPicture(picture->email());
        QVERIFY(byEmail.ok());
        QCOMPARE(byEmail->userId(), userId);
        // Newest expiry first, whatever the encoding.
        const int expires = picture->sessions.fieldIndex(QStringLiteral("expires"));
        for (int r = 1; r < picture->sessions.rows.size(); ++r)
            QVERIFY(picture->sessions.rows.at(r - 1).at(expires).toDateTime() >=
                    picture->sessions.rows.at(r).at(expires).toDateTime());
    }

    void credentialsOnlyUsersAreRecognised()
    {
        const AuthQueries &q = m_native->queries();
        RecordQuery credentials;
        credentials.model = AuthModelKind::Account;
        credentials.provider = QStringLiteral("credentials");
        auto accounts = q.page(credentials, 500);
        QVERIFY(accounts.ok());
        int credentialsOnly = 0;
        QSet<QString> seen;
        for (int r = 0; r < accounts->rows.size(); ++r) {
            const QString user = accounts->userIdOf(r);
            if (seen.contains(user))
                continue;
            seen.insert(user);
            auto picture = q.userPicture(user);
            QVERIFY(picture.ok());
            credentialsOnly += picture->credentialsOnly();
        }
        QVERIFY(credentialsOnly > 0);
    }

    void exportIsMaskedUnlessRevealed()
    {
        const AuthQueries &q = m_mixed->queries();
        RecordQuery query;
        query.model = AuthModelKind::Account;
        for (auto secrets : {RecordWriter::Secrets::Masked, RecordWriter::Secrets::Revealed}) {
            QString json;
            QTextStream out(&json);
            RecordExporter::Options options;
            options.format = RecordWriter::Format::Json;
            options.secrets = secrets;
            options.pageSize = 13;
            auto written = RecordExporter::run(q, query, out, options);
            QVERIFY2(written.ok(), qPrintable(written.error().fullText()));
            const QJsonArray rows = QJsonDocument::fromJson(json.toUtf8()).array();
            QCOMPARE(qint64(rows.size()), *written);
            QCOMPARE(*written, q.count(query).value());
            int masked = 0;
            for (const QJsonValue &row : rows) {
                const QString token =
                    row.toObject().value(QLatin1String("access_token")).toString();
                masked += token.contains(QStringLiteral("••••"));
            }
            if (secrets == RecordWriter::Secrets::Masked)
                QVERIFY(masked > 0);
            else
                QCOMPARE(masked, 0);
        }
    }

    void emailPrefixUsesTheIndex()
    {
        RecordQuery query;
        query.model = AuthModelKind::User;
        query.search = QStringLiteral("a");
        query.searchField = QStringLiteral("email");
        auto plan = m_native->queries().explain(query, 50);
        QVERIFY2(plan.ok(), qPrintable(plan.error().fullText()));
        QVERIFY2(plan->contains(QLatin1String("User_email_key")), qPrintable(*plan));
    }

    void nonAuthJsDatabaseSaysWhatIsMissing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.db"));
        {
            auto db = Database::open(DatabaseUrl::parse(QStringLiteral("file:") + path).value(),
                                     Database::OpenMode::CreateIfMissing);
            QVERIFY(db.ok());
            QVERIFY((*db)
                        ->executeScript(QStringLiteral(
                            "CREATE TABLE orders (id INTEGER PRIMARY KEY);"
                            "CREATE TABLE \"User\" (id TEXT PRIMARY KEY, name TEXT);"))
                        .ok());
        }
        auto workspace = AuthWorkspace::open(urlOnlyOptions(QStringLiteral("file:") + path));
        QVERIFY(!workspace.ok());
        QCOMPARE(workspace.error().code(), Error::Code::NotAuthJsDatabase);
        const QString message = workspace.error().message();
        QVERIFY2(message.contains(QLatin1String("column \"User\".\"email\"")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("table \"Session\"")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("SQL")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestInspectorSqlite)
#include "tst_inspectorsqlite.moc"
