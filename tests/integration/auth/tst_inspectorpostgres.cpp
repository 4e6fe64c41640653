// The inspector's queries on a real PostgreSQL, for the default and the snake_case Auth.js
// schema: keyset pages in both directions, every sort, search and filter against a naive
// in-memory reference, seek, counts, a user's whole picture, navigation, export, cancellation,
// the email index under a non-C collation, and PgBouncer in transaction mode.

#include "core/auth/AuthWorkspace.h"
#include "core/auth/RecordExporter.h"
#include "core/db/Database.h"
#include "tests/integration/auth/AuthTestData.h"
#include "tests/support/TestPostgres.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QtTest>

using namespace gh;
using namespace gh::test;

Q_DECLARE_METATYPE(gh::test::AuthLayout)
Q_DECLARE_METATYPE(gh::AuthModelKind)

namespace {

struct Opened
{
    std::optional<AuthWorkspace> workspace;
    AuthConnection connection;
    QString error;
};

Opened openUrl(const QString &url)
{
    Opened opened;
    auto workspace = AuthWorkspace::open(urlOnlyOptions(url));
    if (!workspace) {
        opened.error = workspace.error().fullText();
        return opened;
    }
    auto connection = workspace->connect();
    if (!connection) {
        opened.error = connection.error().fullText();
        return opened;
    }
    opened.workspace = *workspace;
    opened.connection = std::move(connection.value());
    return opened;
}

QString ddlFor(AuthLayout layout)
{
    return layout == AuthLayout::SnakeCase ? QStringLiteral("authjs-postgres-snake.sql")
                                           : QStringLiteral("authjs-postgres.sql");
}

// A database with its own collation (the scratch server's default is C.UTF-8).
class CollatedDatabase
{
public:
    explicit CollatedDatabase(const QString &options)
    {
        m_name = QStringLiteral("gh_collated_%1")
                     .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        m_ok = run(ScratchPostgres::serverUrl(),
                   QStringLiteral("CREATE DATABASE %1 %2").arg(m_name, options));
    }
    ~CollatedDatabase()
    {
        if (m_ok)
            run(ScratchPostgres::serverUrl(),
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString url() const
    {
        QString server = ScratchPostgres::serverUrl();
        return server.left(server.lastIndexOf(QLatin1Char('/')) + 1) + m_name;
    }
    bool run(const QString &url, const QString &sql)
    {
        auto parsed = DatabaseUrl::parse(url);
        if (!parsed) {
            m_error = parsed.error().fullText();
            return false;
        }
        auto db = Database::open(*parsed);
        if (!db) {
            m_error = db.error().fullText();
            return false;
        }
        const Status done = (*db)->executeScript(sql);
        if (!done)
            m_error = done.error().fullText();
        return done.ok();
    }

private:
    QString m_name;
    QString m_error;
    bool m_ok = false;
};

} // namespace

class TestInspectorPostgres : public QObject
{
    Q_OBJECT

private:
    // One generated database per layout, shared by the read-only tests.
    std::unique_ptr<ScratchPostgres> m_default;
    std::unique_ptr<ScratchPostgres> m_snake;

    ScratchPostgres *database(AuthLayout layout)
    {
        return layout == AuthLayout::SnakeCase ? m_snake.get() : m_default.get();
    }

    static void addLayoutRows()
    {
        QTest::addColumn<AuthLayout>("layout");
        QTest::newRow("prisma-default") << AuthLayout::PrismaDefault;
        QTest::newRow("snake-case") << AuthLayout::SnakeCase;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
        for (AuthLayout layout : {AuthLayout::PrismaDefault, AuthLayout::SnakeCase}) {
            auto pg = std::make_unique<ScratchPostgres>();
            QVERIFY2(pg->isValid(), qPrintable(pg->errorText()));
            QVERIFY2(pg->runSqlFile(ddlFor(layout)), qPrintable(pg->errorText()));
            QVERIFY2(pg->run(generateAuthData(layout)), qPrintable(pg->errorText()));
            QVERIFY2(pg->run(QStringLiteral("ANALYZE")), qPrintable(pg->errorText()));
            (layout == AuthLayout::SnakeCase ? m_snake : m_default) = std::move(pg);
        }
    }

    void cleanupTestCase()
    {
        m_default.reset();
        m_snake.reset();
    }

    // --- The rows the adapter writes --------------------------------------------------------

    // A table never analysed has reltuples -1 and the planner guesses from its pages (a few
    // rows read as ~220): small by its pages, it is counted instead.
    void neverAnalysedSmallTablesAreCounted()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(ddlFor(AuthLayout::PrismaDefault)));
        QVERIFY2(pg.run(testDataFile(QStringLiteral("auth/adapter-seed-postgres.sql"))),
                 qPrintable(pg.errorText()));
        Opened db = openUrl(pg.url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        auto raw = Database::open(*DatabaseUrl::parse(pg.url()));
        QVERIFY(raw.ok());
        auto reltuples = (*raw)->query(SqlStatement(
            SqlDialect::PostgreSQL,
            QStringLiteral("SELECT reltuples::bigint FROM pg_class WHERE relname = 'Session'")));
        QVERIFY(reltuples.ok());
        QCOMPARE(reltuples->value(0, 0).toLongLong(), qint64(-1)); // the case under test
        auto estimate = db.connection.queries->estimateCount(sessions);
        QVERIFY2(estimate.ok(), qPrintable(estimate.error().fullText()));
        QCOMPARE(estimate->kind, RowCount::Kind::Exact);
        QCOMPARE(estimate->rows, qint64(4));
    }

    void adapterRowsReadBackWithPrismaNamesAndTypes_data() { addLayoutRows(); }
    void adapterRowsReadBackWithPrismaNamesAndTypes()
    {
        QFETCH(AuthLayout, layout);
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(ddlFor(layout)));
        const QString seed = layout == AuthLayout::SnakeCase
                                 ? QStringLiteral("auth/adapter-seed-postgres-snake.sql")
                                 : QStringLiteral("auth/adapter-seed-postgres.sql");
        QVERIFY2(pg.run(testDataFile(seed)), qPrintable(pg.errorText()));
        Opened db = openUrl(pg.url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        const AuthQueries &q = *db.connection.queries;

        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        sessions.sortField = QStringLiteral("expires");
        auto page = q.page(sessions, 10);
        QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
        QCOMPARE(page->rows.size(), 4);
        // timestamp(3) holding UTC comes back as that instant.
        QCOMPARE(page->value(0, QStringLiteral("expires")).toDateTime(),
                 QDateTime(QDate(2026, 11, 26), QTime(9, 41, 29, 155), Qt::UTC));
        QCOMPARE(page->value(0, QStringLiteral("sessionToken")).toString(),
                 QStringLiteral("5f4cebf4-ef5f-47a1-8166-e1472e9225c9"));

        // JSON is keyed by Prisma field names whatever the columns are called.
        QString json;
        QTextStream out(&json);
        RecordExporter::Options options;
        options.format = RecordWriter::Format::Json;
        auto written = RecordExporter::run(q, sessions, out, options);
        QVERIFY2(written.ok(), qPrintable(written.error().fullText()));
        QCOMPARE(*written, qint64(4));
        const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
        QCOMPARE(array.size(), 4);
        const QJsonObject first = array.at(0).toObject();
        QVERIFY2(first.contains(QLatin1String("sessionToken")), qPrintable(json));
        QVERIFY(first.contains(QLatin1String("userId")));
        QVERIFY(!first.contains(QLatin1String("session_token")));
        // Secrets masked by default.
        QCOMPARE(first.value(QLatin1String("sessionToken")).toString(),
                 QStringLiteral("5f4c••••25c9"));
        QCOMPARE(first.value(QLatin1String("expires")).toString(),
                 QStringLiteral("2026-11-26T09:41:29.155Z"));

        auto account = q.page(RecordQuery::ofUser(AuthModelKind::Account,
                                                  QStringLiteral("cmwyskoe90000c67d49hfmwix")),
                              5);
        QVERIFY(account.ok());
        QCOMPARE(account->rows.size(), 1);
        QCOMPARE(account->value(0, QStringLiteral("providerAccountId")).toString(),
                 QStringLiteral("537670227c4f"));
        QCOMPARE(account->value(0, QStringLiteral("expires_at")), QVariant());
    }

    void userPictureGathersEverything_data() { addLayoutRows(); }
    void userPictureGathersEverything()
    {
        QFETCH(AuthLayout, layout);
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(ddlFor(layout)));
        QVERIFY(pg.run(testDataFile(layout == AuthLayout::SnakeCase
                                        ? QStringLiteral("auth/adapter-seed-postgres-snake.sql")
                                        : QStringLiteral("auth/adapter-seed-postgres.sql"))));
        Opened db = openUrl(pg.url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        const AuthQueries &q = *db.connection.queries;

        // By email, then by id: the same user.
        auto picture = q.userPicture(QStringLiteral("ada@example.com"));
        QVERIFY2(picture.ok(), qPrintable(picture.error().fullText()));
        QCOMPARE(picture->userId(), QStringLiteral("cmwyskoe90000c67d49hfmwix"));
        QCOMPARE(picture->accounts.rows.size(), 1);
        QCOMPARE(picture->sessions.rows.size(), 3);
        // Newest expiry first.
        QVERIFY(picture->sessions.value(0, QStringLiteral("expires")).toDateTime() >=
                picture->sessions.value(2, QStringLiteral("expires")).toDateTime());
        QCOMPARE(picture->verificationTokens.rows.size(), 1);
        QCOMPARE(picture->hasAuthenticatorModel, layout == AuthLayout::PrismaDefault);
        QCOMPARE(picture->authenticators.rows.size(), layout == AuthLayout::PrismaDefault ? 1 : 0);
        QVERIFY(!picture->credentialsOnly());

        auto byId = q.userPicture(QStringLiteral("cmwyskpzb0000dq7dojsktdro"));
        QVERIFY(byId.ok());
        QCOMPARE(byId->email(), QStringLiteral("Linus@Example.org"));
        QCOMPARE(byId->sessions.rows.size(), 1);

        auto nobody = q.userPicture(QStringLiteral("nobody@example.com"));
        QVERIFY(!nobody.ok());
        QCOMPARE(nobody.error().code(), Error::Code::NotFound);
    }

    // --- Keyset pages against a naive reference ---------------------------------------------

    void pagesMatchNaiveOrder_data()
    {
        QTest::addColumn<AuthLayout>("layout");
        QTest::addColumn<AuthModelKind>("model");
        QTest::addColumn<QString>("sortField");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("searchField");
        QTest::addColumn<int>("expiry");
        QTest::addColumn<QString>("user");

        const QString someUser =
            QStringLiteral("cl") +
            QString::fromLatin1(
                QCryptographicHash::hash("u3", QCryptographicHash::Md5).toHex().left(23));
        for (AuthLayout layout : {AuthLayout::PrismaDefault, AuthLayout::SnakeCase}) {
            const char *l = layout == AuthLayout::SnakeCase ? "snake" : "default";
            auto row = [&](const char *name) {
                return &QTest::newRow(
                    qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(l), QLatin1String(name))));
            };
            *row("users by key") << layout << AuthModelKind::User << QString() << false << QString()
                                 << QString() << 0 << QString();
            *row("users by key desc") << layout << AuthModelKind::User << QString() << true
                                      << QString() << QString() << 0 << QString();
            *row("users by email") << layout << AuthModelKind::User << QStringLiteral("email")
                                   << false << QString() << QString() << 0 << QString();
            *row("users by name (nulls)") << layout << AuthModelKind::User << QStringLiteral("name")
                                          << false << QString() << QString() << 0 << QString();
            *row("users by name desc (nulls)")
                << layout << AuthModelKind::User << QStringLiteral("name") << true << QString()
                << QString() << 0 << QString();
            *row("users by emailVerified (nulls)")
                << layout << AuthModelKind::User << QStringLiteral("emailVerified") << false
                << QString() << QString() << 0 << QString();
            *row("users by emailVerified desc")
                << layout << AuthModelKind::User << QStringLiteral("emailVerified") << true
                << QString() << QString() << 0 << QString();
            *row("users search email prefix")
                << layout << AuthModelKind::User << QString() << false << QStringLiteral("user1")
                << QStringLiteral("email") << 0 << QString();
            *row("users search any field")
                << layout << AuthModelKind::User << QStringLiteral("email") << false
                << QStringLiteral("user 4") << QString() << 0 << QString();
            *row("users search mixed case")
                << layout << AuthModelKind::User << QString() << false
                << QStringLiteral("Mixed.Case1") << QString() << 0 << QString();
            *row("users search wildcard chars")
                << layout << AuthModelKind::User << QString() << false << QStringLiteral("r 1_")
                << QString() << 0 << QString();
            *row("users one id") << layout << AuthModelKind::User << QString() << false << QString()
                                 << QString() << 0 << someUser;
            *row("sessions by key") << layout << AuthModelKind::Session << QString() << false
                                    << QString() << QString() << 0 << QString();
            *row("sessions by expires (ties)")
                << layout << AuthModelKind::Session << QStringLiteral("expires") << false
                << QString() << QString() << 0 << QString();
            *row("sessions by expires desc")
                << layout << AuthModelKind::Session << QStringLiteral("expires") << true
                << QString() << QString() << 0 << QString();
            *row("sessions expired")
                << layout << AuthModelKind::Session << QStringLiteral("expires") << false
                << QString() << QString() << 2 << QString();
            *row("sessions active desc")
                << layout << AuthModelKind::Session << QStringLiteral("expires") << true
                << QString() << QString() << 1 << QString();
            *row("sessions of a user")
                << layout << AuthModelKind::Session << QStringLiteral("expires") << true
                << QString() << QString() << 0 << someUser;
            *row("sessions search token") << layout << AuthModelKind::Session << QString() << false
                                          << QStringLiteral("a") << QString() << 0 << QString();
            *row("sessions by userId")
                << layout << AuthModelKind::Session << QStringLiteral("userId") << false
                << QString() << QString() << 0 << QString();
            *row("accounts by key") << layout << AuthModelKind::Account << QString() << false
                                    << QString() << QString() << 0 << QString();
            *row("accounts by provider desc")
                << layout << AuthModelKind::Account << QStringLiteral("provider") << true
                << QString() << QString() << 0 << QString();
            *row("accounts by expires_at (nulls)")
                << layout << AuthModelKind::Account << QStringLiteral("expires_at") << false
                << QString() << QString() << 0 << QString();
            *row("accounts expired") << layout << AuthModelKind::Account << QString() << false
                                     << QString() << QString() << 2 << QString();
            *row("accounts active") << layout << AuthModelKind::Account << QString() << false
                                    << QString() << QString() << 1 << QString();
            *row("accounts search provider")
                << layout << AuthModelKind::Account << QString() << false << QStringLiteral("goo")
                << QString() << 0 << QString();
            *row("tokens by expires")
                << layout << AuthModelKind::VerificationToken << QStringLiteral("expires") << false
                << QString() << QString() << 0 << QString();
            *row("tokens expired") << layout << AuthModelKind::VerificationToken << QString()
                                   << false << QString() << QString() << 2 << QString();
            *row("tokens search identifier")
                << layout << AuthModelKind::VerificationToken << QString() << true
                << QStringLiteral("guest1") << QString() << 0 << QString();
            if (layout == AuthLayout::PrismaDefault) {
                *row("authenticators by key") << layout << AuthModelKind::Authenticator << QString()
                                              << false << QString() << QString() << 0 << QString();
                *row("authenticators by counter")
                    << layout << AuthModelKind::Authenticator << QStringLiteral("counter") << true
                    << QString() << QString() << 0 << QString();
                *row("authenticators by transports (nulls)")
                    << layout << AuthModelKind::Authenticator << QStringLiteral("transports")
                    << false << QString() << QString() << 0 << QString();
                *row("authenticators by backed up") << layout << AuthModelKind::Authenticator
                                                    << QStringLiteral("credentialBackedUp") << false
                                                    << QString() << QString() << 0 << QString();
            }
        }
    }

    void pagesMatchNaiveOrder()
    {
        QFETCH(AuthLayout, layout);
        QFETCH(AuthModelKind, model);
        QFETCH(QString, sortField);
        QFETCH(bool, descending);
        QFETCH(QString, search);
        QFETCH(QString, searchField);
        QFETCH(int, expiry);
        QFETCH(QString, user);

        Opened db = openUrl(database(layout)->url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        const AuthQueries &q = *db.connection.queries;
        RecordQuery query;
        query.model = model;
        query.sortField = sortField;
        query.sortOrder = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
        query.search = search;
        query.searchField = searchField;
        query.expiry = ExpiryFilter(expiry);
        query.userId = user;
        query.now = authTestNow();

        const QStringList expected = naiveKeys(allRows(q, model), query, q.schema().model(model));
        // LIKE's wildcards in the search text are literal: "r 1_" would match "User 10" unescaped.
        if (search == QLatin1String("r 1_"))
            QVERIFY(expected.isEmpty());
        else
            QVERIFY(!expected.isEmpty());
        QString error;
        // Odd page sizes so page borders fall inside runs of equal sort values.
        const QStringList forward = walkKeys(q, query, 37, PageDirection::Forward, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(forward, expected);
        const QStringList backward = walkKeys(q, query, 53, PageDirection::Backward, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(backward, expected);

        // The last page ends with the last row; a row located by key starts its page.
        auto last = q.lastPage(query, 10);
        QVERIFY(last.ok());
        QCOMPARE(pageKeys(*last), expected.mid(qMax(0, int(expected.size()) - 10)));
        QVERIFY(last->atEnd);
        auto count = q.count(query);
        QVERIFY(count.ok());
        QCOMPARE(*count, qint64(expected.size()));
        auto estimate = q.estimateCount(query);
        QVERIFY2(estimate.ok(), qPrintable(estimate.error().fullText()));
        QCOMPARE(estimate->kind, RowCount::Kind::Exact); // small: counted
        QCOMPARE(estimate->rows, qint64(expected.size()));
        if (expected.isEmpty())
            return;
        const int middle = int(expected.size()) / 2;
        const QVariantList middleKey = [&] {
            QVariantList key;
            for (const QString &part : expected.at(middle).split(QLatin1Char('|')))
                key << part;
            return key;
        }();
        auto located = q.locate(query, middleKey);
        QVERIFY2(located.ok(), qPrintable(located.error().fullText()));
        auto from = q.page(query, 5, PageDirection::Forward, *located);
        QVERIFY(from.ok());
        QCOMPARE(pageKeys(*from), expected.mid(middle, 5));
    }

    void seekLandsWhereTheFractionSays_data()
    {
        QTest::addColumn<AuthLayout>("layout");
        QTest::addColumn<QString>("sortField");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<bool>("filtered");
        QTest::addColumn<double>("fraction");
        for (AuthLayout layout : {AuthLayout::PrismaDefault, AuthLayout::SnakeCase}) {
            const QString l = layout == AuthLayout::SnakeCase ? QStringLiteral("snake")
                                                              : QStringLiteral("default");
            for (double f : {0.0, 0.1, 0.5, 0.9, 0.999, 1.0}) {
                QTest::addRow("%s key %.3f", qPrintable(l), f)
                    << layout << QString() << false << false << f;
                QTest::addRow("%s expires desc %.3f", qPrintable(l), f)
                    << layout << QStringLiteral("expires") << true << false << f;
                QTest::addRow("%s active by expires %.3f", qPrintable(l), f)
                    << layout << QStringLiteral("expires") << false << true << f;
            }
        }
    }

    void seekLandsWhereTheFractionSays()
    {
        QFETCH(AuthLayout, layout);
        QFETCH(QString, sortField);
        QFETCH(bool, descending);
        QFETCH(bool, filtered);
        QFETCH(double, fraction);
        Opened db = openUrl(database(layout)->url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        const AuthQueries &q = *db.connection.queries;
        RecordQuery query;
        query.model = AuthModelKind::Session;
        query.sortField = sortField;
        query.sortOrder = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
        query.now = authTestNow();
        if (filtered)
            query.expiry = ExpiryFilter::Active;
        const QStringList expected = naiveKeys(allRows(q, AuthModelKind::Session), query,
                                               q.schema().model(AuthModelKind::Session));
        auto page = q.seek(query, fraction, 20);
        QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
        QCOMPARE(page->rows.size(), 20);
        const QStringList keys = pageKeys(*page);
        const int at = int(expected.indexOf(keys.first()));
        QVERIFY(at >= 0);
        // A contiguous stretch of the order ...
        QCOMPARE(keys, expected.mid(at, 20));
        // ... where the fraction says (small tables are read exactly).
        const int wanted = fraction >= 1 ? int(expected.size()) - 20
                                         : qMin(int(std::floor(fraction * expected.size())),
                                                int(expected.size()) - 20);
        QCOMPARE(at, wanted);
        QVERIFY2(qAbs(page->startFraction - double(at) / expected.size()) < 0.02,
                 qPrintable(QString::number(page->startFraction)));
    }

    void seekUsesStatisticsOnLargeTables()
    {
        // Above the exact-read threshold: the histogram (unfiltered) and TABLESAMPLE (filtered).
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(ddlFor(AuthLayout::PrismaDefault)));
        AuthDataSizes sizes;
        sizes.sessions = 60000;
        QVERIFY2(pg.run(generateAuthData(AuthLayout::PrismaDefault, sizes)),
                 qPrintable(pg.errorText()));
        QVERIFY(pg.run(QStringLiteral("ANALYZE")));
        Opened db = openUrl(pg.url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        const AuthQueries &q = *db.connection.queries;
        for (bool filtered : {false, true}) {
            for (const QString &sort : {QString(), QStringLiteral("expires")}) {
                RecordQuery query;
                query.model = AuthModelKind::Session;
                query.sortField = sort;
                query.now = authTestNow();
                if (filtered)
                    query.expiry = ExpiryFilter::Expired;
                const QStringList expected = naiveKeys(allRows(q, AuthModelKind::Session), query,
                                                       q.schema().model(AuthModelKind::Session));
                for (double fraction : {0.25, 0.5, 0.9}) {
                    auto page = q.seek(query, fraction, 50);
                    QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
                    const QStringList keys = pageKeys(*page);
                    QCOMPARE(keys.size(), 50);
                    const int at = int(expected.indexOf(keys.first()));
                    QCOMPARE(keys, expected.mid(at, 50));
                    const double landed = double(at) / expected.size();
                    QVERIFY2(qAbs(landed - fraction) < 0.06,
                             qPrintable(QStringLiteral("sort '%1' filtered %2: asked %3, landed %4")
                                            .arg(sort)
                                            .arg(filtered)
                                            .arg(fraction)
                                            .arg(landed)));
                    QVERIFY(qAbs(page->startFraction - landed) < 0.06);
                }
            }
        }
        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        auto estimate = q.estimateCount(sessions);
        QVERIFY(estimate.ok());
        QCOMPARE(estimate->kind, RowCount::Kind::Estimate);
        QVERIFY(qAbs(estimate->rows - 60000) < 6000);
    }

    // --- Search and the email index -----------------------------------------------------------

    void emailPrefixSearchWalksTheUniqueIndex_data()
    {
        QTest::addColumn<QString>("createOptions");
        QTest::newRow("C.UTF-8 (byte order)")
            << QStringLiteral("TEMPLATE template0 LOCALE 'C.UTF-8'");
        QTest::newRow("ICU en-US (linguistic)") << QStringLiteral(
            "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
    }

    void emailPrefixSearchWalksTheUniqueIndex()
    {
        QFETCH(QString, createOptions);
        CollatedDatabase db(createOptions);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY2(db.run(db.url(), testDataFile(QStringLiteral("sql/authjs-postgres.sql"))),
                 qPrintable(db.error()));
        AuthDataSizes sizes;
        sizes.users = 20000;
        QVERIFY2(
            db.run(db.url(),
                   generateAuthData(AuthLayout::PrismaDefault, sizes) +
                       QStringLiteral(
                           "INSERT INTO \"User\" (id, email, \"updatedAt\") VALUES"
                           " ('x1', 'ada@x.com', now()), ('x2', 'Ada@x.com', now()),"
                           " ('x3', 'adab@y', now()), ('x4', 'ada.l@x', now()),"
                           " ('x5', 'ad-a@x', now()), ('x6', 'ada@', now()), ('x7', 'ada', now());"
                           "ANALYZE;")),
            qPrintable(db.error()));
        Opened opened = openUrl(db.url());
        QVERIFY2(opened.workspace, qPrintable(opened.error));
        const AuthQueries &q = *opened.connection.queries;
        const RecordPage all = allRows(q, AuthModelKind::User);
        for (const QString &prefix :
             {QStringLiteral("ada@"), QStringLiteral("ada"), QStringLiteral("Ada"),
              QStringLiteral("user1999"), QStringLiteral("Mixed.Case11"), QStringLiteral("ad-")}) {
            RecordQuery query;
            query.model = AuthModelKind::User;
            query.search = prefix;
            query.searchField = QStringLiteral("email");
            QString error;
            const QStringList found = walkKeys(q, query, 7, PageDirection::Forward, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(found, naiveKeys(all, query, q.schema().user()));
            auto plan = q.explain(query, 200);
            QVERIFY2(plan.ok(), qPrintable(plan.error().fullText()));
            QVERIFY2(plan->contains(QLatin1String("User_email_key")), qPrintable(*plan));
        }
    }

    // --- Filters that do not apply ------------------------------------------------------------

    void filtersThatDoNotApplyAreRefused()
    {
        Opened db = openUrl(m_default->url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        const AuthQueries &q = *db.connection.queries;
        RecordQuery query;
        query.model = AuthModelKind::User;
        query.expiry = ExpiryFilter::Expired;
        QCOMPARE(q.page(query, 5).error().code(), Error::Code::InvalidArgument);
        query = RecordQuery();
        query.model = AuthModelKind::VerificationToken;
        query.userId = QStringLiteral("x");
        QCOMPARE(q.page(query, 5).error().code(), Error::Code::InvalidArgument);
        query = RecordQuery();
        query.sortField = QStringLiteral("nope");
        QCOMPARE(q.page(query, 5).error().code(), Error::Code::InvalidArgument);
        query = RecordQuery();
        query.search = QStringLiteral("x");
        query.searchField = QStringLiteral("image");
        QCOMPARE(q.page(query, 5).error().code(), Error::Code::InvalidArgument);
    }

    // --- Navigation ---------------------------------------------------------------------------

    void sessionRowLeadsToItsUserAndBack()
    {
        Opened db = openUrl(m_default->url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        const AuthQueries &q = *db.connection.queries;
        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        sessions.sortField = QStringLiteral("expires");
        auto page = q.seek(sessions, 0.5, 10);
        QVERIFY(page.ok());
        const QString userId = page->userIdOf(3);
        QVERIFY(!userId.isEmpty());

        // To the user: their row in the users view sorted by email.
        RecordQuery users;
        users.model = AuthModelKind::User;
        users.sortField = QStringLiteral("email");
        auto user = q.findUser(userId);
        QVERIFY(user.ok());
        QCOMPARE(user->rows.size(), 1);
        auto position = q.locate(users, user->keyValues(0));
        QVERIFY(position.ok());
        auto around = q.page(users, 3, PageDirection::Forward, *position);
        QVERIFY(around.ok());
        QCOMPARE(around->value(0, QStringLiteral("id")).toString(), userId);
        QCOMPARE(around->userIdOf(0), userId);

        // And back: that user's sessions include the row we came from.
        auto theirs = q.page(RecordQuery::ofUser(AuthModelKind::Session, userId), 1000);
        QVERIFY(theirs.ok());
        QVERIFY(pageKeys(*theirs).contains(pageKeys(*page).at(3)));
    }

    // --- Export ---------------------------------------------------------------------------------

    void exportStreamsEveryFilteredRowWithProgressAndCancel()
    {
        Opened db = openUrl(m_default->url());
        QVERIFY2(db.workspace, qPrintable(db.error));
        const AuthQueries &q = *db.connection.queries;
        RecordQuery query;
        query.model = AuthModelKind::Session;
        query.expiry = ExpiryFilter::Expired;
        query.now = authTestNow();
        const QStringList expected = naiveKeys(allRows(q, AuthModelKind::Session), query,
                                               q.schema().model(AuthModelKind::Session));

        QString csv;
        QTextStream out(&csv);
        RecordExporter::Options options;
        options.format = RecordWriter::Format::Csv;
        options.secrets = RecordWriter::Secrets::Revealed;
        options.pageSize = 100;
        QVector<qint64> progress;
        options.progress = [&](qint64 written, qint64 total) {
            progress << written;
            QVERIFY(total > 0);
        };
        auto written = RecordExporter::run(q, query, out, options);
        QVERIFY2(written.ok(), qPrintable(written.error().fullText()));
        QCOMPARE(*written, qint64(expected.size()));
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), expected.size() + 1);
        QCOMPARE(lines.first(), QStringLiteral("sessionToken,userId,expires,createdAt,updatedAt"));
        // Revealed on request: the first token in full.
        QCOMPARE(lines.at(1).section(QLatin1Char(','), 0, 0), expected.first());
        QVERIFY(progress.size() >= expected.size() / 100);
        QCOMPARE(progress.last(), qint64(expected.size()));

        // Cancelled after the second page: stops there with Cancelled.
        QString partial;
        QTextStream partialOut(&partial);
        RecordExporter::Options cancelling;
        cancelling.pageSize = 50;
        cancelling.progress = [&](qint64 written, qint64) {
            if (written >= 100)
                cancelling.cancel.cancel();
        };
        auto stopped = RecordExporter::run(q, query, partialOut, cancelling);
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error().code(), Error::Code::Cancelled);
        QCOMPARE(partial.count(QStringLiteral("\r\n")), 101);
        QVERIFY(!partial.contains(expected.first())); // masked by default
    }

    // --- Cancellation of a query in flight ------------------------------------------------------

    void countBlockedByALockIsCancelledInFlight_data()
    {
        QTest::addColumn<bool>("throughBouncer");
        QTest::newRow("direct") << false;
        QTest::newRow("pgbouncer") << true;
    }

    void countBlockedByALockIsCancelledInFlight()
    {
        QFETCH(bool, throughBouncer);
        if (throughBouncer && ScratchPostgres::bouncerUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PGBOUNCER_URL is not set");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(ddlFor(AuthLayout::PrismaDefault)));
        QVERIFY(pg.run(generateAuthData(AuthLayout::PrismaDefault)));
        Opened db = openUrl(throughBouncer ? pg.bouncedUrl() : pg.url());
        QVERIFY2(db.workspace, qPrintable(db.error));

        // Another session holds an exclusive lock, so count(*) waits until cancelled.
        auto lockerUrl = DatabaseUrl::parse(pg.url());
        QVERIFY(lockerUrl.ok());
        auto locker = Database::open(*lockerUrl);
        QVERIFY(locker.ok());
        QThread *holder = QThread::create([&] {
            // Its outcome does not matter: the lock only has to be held while counting.
            (void)(*locker)->executeScript(
                QStringLiteral("BEGIN; LOCK TABLE \"Session\" IN ACCESS EXCLUSIVE MODE;"
                               " SELECT pg_sleep(20); COMMIT;"));
        });
        holder->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto probe = Database::open(*lockerUrl);
                auto locks = (*probe)->query(SqlStatement(
                    SqlDialect::PostgreSQL,
                    QStringLiteral(
                        "SELECT count(*) FROM pg_locks WHERE mode = 'AccessExclusiveLock'"
                        " AND relation = '\"Session\"'::regclass")));
                return locks.ok() && locks->value(0, 0).toLongLong() > 0;
            }(),
            5000);

        CancellationToken token;
        QElapsedTimer timer;
        timer.start();
        QThread *canceller = QThread::create([token] {
            QThread::msleep(300);
            token.cancel();
        });
        canceller->start();
        RecordQuery query;
        query.model = AuthModelKind::Session;
        auto counted = db.connection.queries->count(query, token);
        QVERIFY(!counted.ok());
        QCOMPARE(counted.error().code(), Error::Code::Cancelled);
        QVERIFY2(timer.elapsed() < 10000, "the cancel request did not interrupt the query");
        canceller->wait();
        delete canceller;

        // The connection is still usable afterwards (after the lock is gone).
        (*locker)->cancelRunningQuery();
        holder->wait();
        delete holder;
        auto again = db.connection.queries->count(query);
        QVERIFY2(again.ok(), qPrintable(again.error().fullText()));
        QCOMPARE(*again, qint64(1500));

        // A token cancelled beforehand stops before any query.
        CancellationToken early;
        early.cancel();
        QCOMPARE(db.connection.queries->count(query, early).error().code(), Error::Code::Cancelled);
    }

    // --- PgBouncer ------------------------------------------------------------------------------

    void browseSearchAndExportThroughPgBouncer_data() { addLayoutRows(); }
    void browseSearchAndExportThroughPgBouncer()
    {
        QFETCH(AuthLayout, layout);
        if (ScratchPostgres::bouncerUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PGBOUNCER_URL is not set");
        Opened direct = openUrl(database(layout)->url());
        QVERIFY2(direct.workspace, qPrintable(direct.error));
        Opened pooled = openUrl(database(layout)->bouncedUrl());
        QVERIFY2(pooled.workspace, qPrintable(pooled.error));
        QVERIFY(pooled.workspace->url().pgbouncer());
        const AuthQueries &q = *pooled.connection.queries;

        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        sessions.sortField = QStringLiteral("expires");
        sessions.expiry = ExpiryFilter::Active;
        sessions.now = authTestNow();
        const QStringList expected =
            naiveKeys(allRows(*direct.connection.queries, AuthModelKind::Session), sessions,
                      direct.connection.queries->schema().model(AuthModelKind::Session));
        QString error;
        QCOMPARE(walkKeys(q, sessions, 29, PageDirection::Forward, &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(walkKeys(q, sessions, 31, PageDirection::Backward, &error), expected);
        auto seek = q.seek(sessions, 0.9, 10);
        QVERIFY2(seek.ok(), qPrintable(seek.error().fullText()));
        QCOMPARE(seek->rows.size(), 10);

        RecordQuery users;
        users.model = AuthModelKind::User;
        users.search = QStringLiteral("user12");
        users.searchField = QStringLiteral("email");
        QCOMPARE(walkKeys(q, users, 5, PageDirection::Forward, &error),
                 naiveKeys(allRows(q, AuthModelKind::User), users, q.schema().user()));
        QVERIFY(q.estimateCount(users).ok());
        QVERIFY(q.userPicture(QStringLiteral("user12@example.com")).ok());

        QString json;
        QTextStream out(&json);
        RecordExporter::Options options;
        options.format = RecordWriter::Format::Json;
        options.pageSize = 97;
        auto written = RecordExporter::run(q, sessions, out, options);
        QVERIFY2(written.ok(), qPrintable(written.error().fullText()));
        QCOMPARE(*written, qint64(expected.size()));
        QCOMPARE(QJsonDocument::fromJson(json.toUtf8()).array().size(), expected.size());
    }
};

QTEST_GUILESS_MAIN(TestInspectorPostgres)
#include "tst_inspectorpostgres.moc"
