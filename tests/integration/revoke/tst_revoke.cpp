// Revocation on real databases: PostgreSQL (Prisma's default and snake_case layouts) and SQLite
// (DateTime as INTEGER milliseconds, ISO text, and both mixed). After each action exactly the
// intended rows are gone and the others untouched; dry runs delete nothing; batches, cancel,
// races with inserts and updates, read-only mode, and the audit line.

#include "core/auth/RevocationSql.h"
#include "core/db/Database.h"
#include "tests/integration/auth/AuthTestData.h"
#include "tests/integration/revoke/RevokeFixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <functional>

using namespace gh;
using namespace gh::test;

namespace {

using Strategy = RevocationOptions::Strategy;

#define OPEN_FIXTURE(name, backend, seed)                                                          \
    QString name##Error;                                                                           \
    bool name##Skip = false;                                                                       \
    auto name = RevokeFixture::create(backend, seed, &name##Error, &name##Skip);                   \
    if (name##Skip)                                                                                \
        QSKIP(qPrintable(name##Error));                                                            \
    QVERIFY2(name, qPrintable(name##Error))

const QVector<Strategy> kAllStrategies = {Strategy::Auto, Strategy::PhysicalRanges,
                                          Strategy::KeyOrder};
const QVector<RevokeBackend> kAllBackends = {
    RevokeBackend::PostgresDefault, RevokeBackend::PostgresSnake, RevokeBackend::SqliteMillis,
    RevokeBackend::SqliteText, RevokeBackend::SqliteMixed};

void addBackendColumn()
{
    QTest::addColumn<int>("backend");
}

void addBackendRows(const QVector<RevokeBackend> &backends = kAllBackends)
{
    addBackendColumn();
    for (RevokeBackend b : backends)
        QTest::newRow(qPrintable(backendName(b))) << int(b);
}

QString strategyName(Strategy s)
{
    switch (s) {
    case Strategy::Auto:
        return QStringLiteral("auto");
    case Strategy::PhysicalRanges:
        return QStringLiteral("ranges");
    case Strategy::KeyOrder:
        return QStringLiteral("keys");
    }
    return QString();
}

void addBackendStrategyRows(const QVector<RevokeBackend> &backends,
                            const QVector<Strategy> &strategies)
{
    QTest::addColumn<int>("backend");
    QTest::addColumn<int>("strategy");
    for (RevokeBackend b : backends) {
        for (Strategy s : strategies)
            QTest::newRow(qPrintable(backendName(b) + QLatin1Char('/') + strategyName(s)))
                << int(b) << int(s);
    }
}

/// Many small batches, so that batching, cancel and races are exercised on small tables (Auto:
/// the defaults, which run so few rows as one statement).
RevocationOptions smallBatches(Strategy strategy)
{
    RevocationOptions options;
    if (strategy == Strategy::Auto)
        return options;
    options.strategy = strategy;
    options.firstBatchRows = 7;
    options.maxBatchRows = 40;
    options.targetBatchMs = 1;
    return options;
}

QSet<QString> tokensWhere(const QVector<SessionRow> &rows,
                          const std::function<bool(const SessionRow &)> &keep)
{
    QSet<QString> tokens;
    for (const SessionRow &row : rows) {
        if (keep(row))
            tokens.insert(row.token);
    }
    return tokens;
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool hasCreatedAt(RevokeBackend backend)
{
    return backend != RevokeBackend::PostgresSnake;
}

} // namespace

class TestRevoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- Preview ---------------------------------------------------------------------------

    void dryRunCountsExactlyAndDeletesNothing_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<int>("action");
        for (RevokeBackend b : kAllBackends) {
            for (RevocationAction a :
                 {RevocationAction::Session, RevocationAction::UserSessions,
                  RevocationAction::ExpiredSessions, RevocationAction::AllSessions,
                  RevocationAction::ExpiredVerificationTokens, RevocationAction::DeleteUser})
                QTest::newRow(
                    qPrintable(backendName(b) + QLatin1Char('/') + revocationActionName(a)))
                    << int(b) << int(a);
        }
    }
    void dryRunCountsExactlyAndDeletesNothing()
    {
        QFETCH(int, backend);
        QFETCH(int, action);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        RevocationRequest request;
        request.action = RevocationAction(action);
        request.sessionToken = QStringLiteral("tok-00002");
        request.user = QStringLiteral("user7@example.com");
        auto plan = f->revoker().preview(request);
        QVERIFY2(plan, qPrintable(plan.error().fullText()));
        const QVector<SessionRow> rows = f->sessions();
        const QDateTime cutoff = plan->cutoff;
        qint64 expected = 0;
        switch (request.action) {
        case RevocationAction::Session:
            expected = 1;
            QCOMPARE(plan->userId, QStringLiteral("u003")); // session 2 belongs to user 2 % 40 + 1
            break;
        case RevocationAction::UserSessions:
            expected = tokensWhere(rows, [](const SessionRow &r) {
                           return r.userId == QLatin1String("u007");
                       }).size();
            QCOMPARE(expected, 15);
            break;
        case RevocationAction::ExpiredSessions:
            expected =
                tokensWhere(rows, [&](const SessionRow &r) { return r.expires < cutoff; }).size();
            QCOMPARE(expected, 300);
            break;
        case RevocationAction::AllSessions:
            expected = 600;
            break;
        case RevocationAction::ExpiredVerificationTokens:
            expected = 15; // even i
            break;
        case RevocationAction::DeleteUser:
            expected = 1;
            QCOMPARE(plan->rowsIn(AuthModelKind::Session), 15);
            QCOMPARE(plan->rowsIn(AuthModelKind::Account), 1);
            QCOMPARE(plan->rowsIn(AuthModelKind::Authenticator),
                     f->schema().model(AuthModelKind::Authenticator).present ? 1 : 0);
            break;
        }
        QCOMPARE(plan->rows, expected);
        QVERIFY(!plan->summary.isEmpty());
        // Nothing changed, nothing logged.
        QCOMPARE(f->count(AuthModelKind::Session), 600);
        QCOMPARE(f->count(AuthModelKind::VerificationToken), 30);
        QCOMPARE(f->count(AuthModelKind::User), 40);
        QVERIFY(!QFile::exists(f->auditPath()));
    }

    void unknownTokenOrUserIsNotFound_data() { addBackendRows(); }
    void unknownTokenOrUserIsNotFound()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        for (const RevocationRequest &request :
             {RevocationRequest::session(QStringLiteral("no-such-token")),
              RevocationRequest::userSessions(QStringLiteral("nobody@example.com")),
              RevocationRequest::deleteUser(QStringLiteral("u999"))}) {
            auto plan = revoker.preview(request);
            QVERIFY(!plan);
            QCOMPARE(plan.error().code(), Error::Code::NotFound);
        }
    }

    void credentialsOnlyUserIsWarned_data() { addBackendRows(); }
    void credentialsOnlyUserIsWarned()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        auto credentialsOnly =
            revoker.preview(RevocationRequest::userSessions(QStringLiteral("u002")));
        QVERIFY(credentialsOnly);
        QVERIFY(credentialsOnly->hasWarning(RevocationWarning::Kind::CredentialsOnly));
        // Credentials and GitHub: a session row does control the GitHub sign-ins.
        auto mixed = revoker.preview(RevocationRequest::userSessions(QStringLiteral("u005")));
        QVERIFY(mixed);
        QVERIFY(!mixed->hasWarning(RevocationWarning::Kind::CredentialsOnly));
        auto all = revoker.preview(RevocationRequest::allSessions());
        QVERIFY(all);
        QVERIFY(all->hasWarning(RevocationWarning::Kind::CredentialsUsers));
        for (const RevocationWarning &w : all->warnings) {
            if (w.kind == RevocationWarning::Kind::CredentialsUsers)
                QVERIFY2(w.message.startsWith(QLatin1String("4 users")), qPrintable(w.message));
        }
        QCOMPARE(all->hasWarning(RevocationWarning::Kind::NoCreatedAt),
                 !hasCreatedAt(RevokeBackend(backend)));
    }

    void emptySessionTableSuggestsJwt_data() { addBackendRows(); }
    void emptySessionTableSuggestsJwt()
    {
        QFETCH(int, backend);
        RevokeSeed seed;
        seed.sessions = 0;
        OPEN_FIXTURE(f, RevokeBackend(backend), seed);
        Revoker revoker = f->revoker();
        auto all = revoker.preview(RevocationRequest::allSessions());
        QVERIFY(all);
        QCOMPARE(all->rows, 0);
        QVERIFY(all->hasWarning(RevocationWarning::Kind::NoSessionRows));
        auto user = revoker.preview(RevocationRequest::userSessions(QStringLiteral("u010")));
        QVERIFY(user);
        QVERIFY(user->hasWarning(RevocationWarning::Kind::NoSessionRows));
    }

    void confirmationAsksToTypeForEverySessionAndDeleteUser_data()
    {
        addBackendRows({RevokeBackend::PostgresDefault, RevokeBackend::SqliteMillis});
    }
    void confirmationAsksToTypeForEverySessionAndDeleteUser()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        auto all = revoker.preview(RevocationRequest::allSessions());
        QVERIFY(all);
        const RevocationConfirmation typeDatabase = all->confirmation();
        QVERIFY(typeDatabase.requiresTyping());
        const QString name =
            isPostgres(RevokeBackend(backend)) ? f->postgres()->name() : QStringLiteral("dev.db");
        QCOMPARE(typeDatabase.text, name);
        QVERIFY(typeDatabase.accepts(name + QLatin1Char(' ')));
        QVERIFY(!typeDatabase.accepts(name.toUpper()));
        QVERIFY(!typeDatabase.accepts(QString()));
        QVERIFY(typeDatabase.question.contains(QLatin1String("600 sessions")));

        auto user = revoker.preview(RevocationRequest::deleteUser(QStringLiteral("u007")));
        QVERIFY(user);
        QCOMPARE(user->confirmation().text, QStringLiteral("user7@example.com"));
        QVERIFY(user->confirmation().requiresTyping());

        auto expired = revoker.preview(RevocationRequest::expiredSessions());
        QVERIFY(expired);
        QVERIFY(!expired->confirmation().requiresTyping());
        QVERIFY(expired->confirmation().accepts(QString()));
        // A production connection makes every action type the database name.
        QCOMPARE(expired->confirmation(true).text, name);
    }

    // --- Each action removes exactly its rows ----------------------------------------------

    void revokeOneSessionRemovesOnlyThatSession_data() { addBackendRows(); }
    void revokeOneSessionRemovesOnlyThatSession()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        QSet<QString> expected = f->sessionTokens();
        auto plan = revoker.preview(RevocationRequest::session(QStringLiteral("tok-00002")));
        QVERIFY(plan);
        QCOMPARE(plan->userEmail, QStringLiteral("user3@example.com"));
        QVERIFY2(!plan->summary.contains(QLatin1String("tok-00002")), qPrintable(plan->summary));
        const RevocationResult result = revoker.execute(*plan);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(result.rows, 1);
        expected.remove(QStringLiteral("tok-00002"));
        QCOMPARE(f->sessionTokens(), expected);

        const QVector<AuditEntry> audit = auditEntries(f->auditPath());
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().action, QStringLiteral("revoke-session"));
        QCOMPARE(audit.first().outcome, AuditEntry::Outcome::Completed);
        const QString hash = AuditEntry::hashToken(QStringLiteral("tok-00002"));
        QCOMPARE(audit.first().filter.value(QStringLiteral("sessionTokenSha256")).toString(), hash);
        QCOMPARE(audit.first().tokenHashes, QStringList{hash});
        QVERIFY(!fileText(f->auditPath()).contains(QLatin1String("tok-00002")));
    }

    void revokeUserSessionsLeavesOtherUsers_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<QString>("user");
        for (RevokeBackend b : kAllBackends) {
            QTest::newRow(qPrintable(backendName(b) + QStringLiteral("/email")))
                << int(b) << QStringLiteral("user7@example.com");
            QTest::newRow(qPrintable(backendName(b) + QStringLiteral("/id")))
                << int(b) << QStringLiteral("u007");
        }
    }
    void revokeUserSessionsLeavesOtherUsers()
    {
        QFETCH(int, backend);
        QFETCH(QString, user);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::userSessions(user));
        QVERIFY(plan);
        QCOMPARE(plan->userId, QStringLiteral("u007"));
        QCOMPARE(plan->rows, 15);
        // A session the user opens after the revoke started is not one to revoke.
        const bool cutOff = hasCreatedAt(RevokeBackend(backend));
        if (cutOff)
            QVERIFY(f->insertSession(f->database(), QStringLiteral("tok-later"),
                                     QStringLiteral("u007"),
                                     QDateTime::currentDateTimeUtc().addDays(30),
                                     QDateTime::currentDateTimeUtc().addSecs(3600)));
        const QVector<SessionRow> before = f->sessions();
        const RevocationResult result = revoker.execute(*plan);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(result.rows, 15);
        QCOMPARE(f->sessionTokens(), tokensWhere(before, [](const SessionRow &r) {
                     return r.userId != QLatin1String("u007") ||
                            r.token == QLatin1String("tok-later");
                 }));
        QCOMPARE(f->count(AuthModelKind::Account), 41); // accounts stay
        const AuditEntry entry = auditEntries(f->auditPath()).value(0);
        QCOMPARE(entry.action, QStringLiteral("revoke-user-sessions"));
        QCOMPARE(entry.filter.value(QStringLiteral("userId")).toString(), QStringLiteral("u007"));
        QCOMPARE(entry.filter.value(QStringLiteral("email")).toString(),
                 QStringLiteral("user7@example.com"));
        QCOMPARE(entry.tokenHashes.size(), 15);
        QVERIFY(!entry.tokenHashes.contains(AuditEntry::hashToken(QStringLiteral("tok-later"))));
    }

    void revokeExpiredSessionsLeavesLiveOnes_data()
    {
        addBackendStrategyRows(kAllBackends, kAllStrategies);
    }
    void revokeExpiredSessionsLeavesLiveOnes()
    {
        QFETCH(int, backend);
        QFETCH(int, strategy);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::expiredSessions());
        QVERIFY(plan);
        const QVector<SessionRow> before = f->sessions();
        RevocationOptions options = smallBatches(Strategy(strategy));
        QVector<RevocationProgress> reports;
        options.progress = [&](const RevocationProgress &p) { reports << p; };
        const RevocationResult result = revoker.execute(*plan, options);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(f->sessionTokens(), tokensWhere(before, [&](const SessionRow &r) {
                     return r.expires >= result.cutoff;
                 }));
        QCOMPARE(result.rows, 300);

        const bool sqlite = !isPostgres(RevokeBackend(backend));
        const QString method =
            Strategy(strategy) == Strategy::Auto       ? QStringLiteral("one statement")
            : Strategy(strategy) == Strategy::KeyOrder ? QStringLiteral("key order")
            : sqlite                                   ? QStringLiteral("rowid ranges")
                                                       : QStringLiteral("ctid ranges");
        QCOMPARE(result.method, method);
        if (Strategy(strategy) != Strategy::Auto)
            QVERIFY2(result.batches >= 5, qPrintable(QString::number(result.batches)));
        // Progress: one report per batch, rows done never going back, ending at the total.
        QCOMPARE(reports.size(), result.batches);
        for (int i = 1; i < reports.size(); ++i)
            QVERIFY(reports.at(i).done >= reports.at(i - 1).done);
        QCOMPARE(reports.constLast().done, 300);
        QCOMPARE(reports.constLast().total, 300);
        // Hashes of exactly the removed tokens.
        const AuditEntry entry = auditEntries(f->auditPath()).value(0);
        QSet<QString> hashes;
        for (const QString &token :
             tokensWhere(before, [&](const SessionRow &r) { return r.expires < result.cutoff; }))
            hashes.insert(AuditEntry::hashToken(token));
        QCOMPARE(QSet<QString>(entry.tokenHashes.begin(), entry.tokenHashes.end()), hashes);
        QCOMPARE(entry.filter.value(QStringLiteral("expiresBefore")).toString(),
                 result.cutoff.toString(Qt::ISODateWithMs));
    }

    void revokeAllSessionsLeavesOnlyNewOnes_data()
    {
        addBackendStrategyRows(kAllBackends, kAllStrategies);
    }
    void revokeAllSessionsLeavesOnlyNewOnes()
    {
        QFETCH(int, backend);
        QFETCH(int, strategy);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::allSessions());
        QVERIFY(plan);
        QCOMPARE(plan->rows, 600);
        const bool cutOff = hasCreatedAt(RevokeBackend(backend));
        // Sessions created after the start (stamped an hour ahead: surely after the cut-off).
        QVERIFY(f->insertSession(f->database(), QStringLiteral("tok-new-1"), QStringLiteral("u001"),
                                 QDateTime::currentDateTimeUtc().addDays(30),
                                 QDateTime::currentDateTimeUtc().addSecs(3600)));
        RevocationOptions options = smallBatches(Strategy(strategy));
        options.maxAuditedTokens = 100;
        const RevocationResult result = revoker.execute(*plan, options);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(f->sessionTokens(),
                 cutOff ? QSet<QString>{QStringLiteral("tok-new-1")} : QSet<QString>());
        QCOMPARE(result.rows, cutOff ? 600 : 601);
        // Bulk revokes keep the first hashes and count the rest.
        const AuditEntry entry = auditEntries(f->auditPath()).value(0);
        QCOMPARE(entry.tokenHashes.size(), 100);
        QCOMPARE(entry.tokensNotListed, result.rows - 100);
        QCOMPARE(entry.filter.contains(QStringLiteral("createdAtOrBefore")), cutOff);
    }

    void purgeExpiredVerificationTokens_data()
    {
        addBackendStrategyRows(kAllBackends, kAllStrategies);
    }
    void purgeExpiredVerificationTokens()
    {
        QFETCH(int, backend);
        QFETCH(int, strategy);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::expiredVerificationTokens());
        QVERIFY(plan);
        QCOMPARE(plan->rows, 15);
        QVERIFY(plan->hasWarning(RevocationWarning::Kind::TokensNeverPurged));
        RevocationOptions options = smallBatches(Strategy(strategy));
        if (Strategy(strategy) != Strategy::Auto) {
            options.firstBatchRows = 2;
            options.maxBatchRows = 4;
        }
        const RevocationResult result = revoker.execute(*plan, options);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(result.rows, 15);
        QCOMPARE(f->count(AuthModelKind::VerificationToken), 15);
        for (int i = 1; i <= 30; ++i)
            QCOMPARE(f->countWhere(AuthModelKind::VerificationToken, QStringLiteral("token"),
                                   QStringLiteral("vt-%1").arg(i, 3, 10, QLatin1Char('0'))),
                     i % 2 == 1 ? 1 : 0);
        QCOMPARE(f->count(AuthModelKind::Session), 600);
        const AuditEntry entry = auditEntries(f->auditPath()).value(0);
        QCOMPARE(entry.action, QStringLiteral("purge-expired-verification-tokens"));
        QVERIFY(entry.tokenHashes.isEmpty()); // not sessions
        QCOMPARE(entry.counts.value(QStringLiteral("VerificationToken")).toInt(), 15);
    }

    void deleteUserRemovesAccountsSessionsAuthenticators_data() { addBackendRows(); }
    void deleteUserRemovesAccountsSessionsAuthenticators()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        const bool authenticators = f->schema().model(AuthModelKind::Authenticator).present;
        Revoker revoker = f->revoker();
        auto plan =
            revoker.preview(RevocationRequest::deleteUser(QStringLiteral("user7@example.com")));
        QVERIFY(plan);
        const QVector<SessionRow> before = f->sessions();
        const RevocationResult result = revoker.execute(*plan);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(f->count(AuthModelKind::User), 39);
        QCOMPARE(f->countWhere(AuthModelKind::User, QStringLiteral("id"), QStringLiteral("u007")),
                 0);
        QCOMPARE(
            f->countWhere(AuthModelKind::Account, QStringLiteral("userId"), QStringLiteral("u007")),
            0);
        QCOMPARE(f->count(AuthModelKind::Account), 40);
        QCOMPARE(f->sessionTokens(), tokensWhere(before, [](const SessionRow &r) {
                     return r.userId != QLatin1String("u007");
                 }));
        if (authenticators) {
            QCOMPARE(f->count(AuthModelKind::Authenticator), 9);
            QCOMPARE(f->countWhere(AuthModelKind::Authenticator, QStringLiteral("userId"),
                                   QStringLiteral("u007")),
                     0);
        }
        QCOMPARE(f->count(AuthModelKind::VerificationToken), 30); // they belong to the address
        QVERIFY(plan->hasWarning(RevocationWarning::Kind::PendingVerificationTokens));

        const AuditEntry entry = auditEntries(f->auditPath()).value(0);
        QCOMPARE(entry.action, QStringLiteral("delete-user"));
        QCOMPARE(entry.rows, 1);
        QCOMPARE(entry.counts.value(QStringLiteral("Session")).toInt(), 15);
        QCOMPARE(entry.counts.value(QStringLiteral("Account")).toInt(), 1);
        QCOMPARE(entry.counts.value(QStringLiteral("Authenticator")).toInt(),
                 authenticators ? 1 : 0);
        QCOMPARE(entry.tokenHashes.size(), 15);
    }

    void deleteUserWithoutCascadeStillRemovesChildren_data()
    {
        addBackendRows({RevokeBackend::PostgresDefault, RevokeBackend::SqliteMillis});
    }
    void deleteUserWithoutCascadeStillRemovesChildren()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        QString error;
        if (isPostgres(RevokeBackend(backend))) {
            // Foreign keys that refuse instead of cascading: the user can only go last.
            QVERIFY2(
                f->exec(
                    QStringLiteral(
                        "ALTER TABLE \"Session\" DROP CONSTRAINT \"Session_userId_fkey\";"
                        "ALTER TABLE \"Session\" ADD CONSTRAINT \"Session_userId_fkey\" FOREIGN "
                        "KEY (\"userId\") REFERENCES \"User\"(\"id\") ON DELETE RESTRICT;"
                        "ALTER TABLE \"Account\" DROP CONSTRAINT \"Account_userId_fkey\";"
                        "ALTER TABLE \"Account\" ADD CONSTRAINT \"Account_userId_fkey\" FOREIGN "
                        "KEY (\"userId\") REFERENCES \"User\"(\"id\");"
                        "ALTER TABLE \"Authenticator\" DROP CONSTRAINT "
                        "\"Authenticator_userID_fkey\";"),
                    &error),
                qPrintable(error));
        } else {
            // SQLite only enforces foreign keys (and runs ON DELETE CASCADE) when asked.
            QVERIFY(f->database().query(
                SqlStatement(SqlDialect::SQLite, QStringLiteral("PRAGMA foreign_keys = OFF"))));
        }
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::deleteUser(QStringLiteral("u003")));
        QVERIFY(plan);
        QVERIFY(!plan->isBlocked());
        const RevocationResult result = revoker.execute(*plan);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(
            f->countWhere(AuthModelKind::Session, QStringLiteral("userId"), QStringLiteral("u003")),
            0);
        QCOMPARE(
            f->countWhere(AuthModelKind::Account, QStringLiteral("userId"), QStringLiteral("u003")),
            0);
        QCOMPARE(f->countWhere(AuthModelKind::Authenticator, QStringLiteral("userId"),
                               QStringLiteral("u003")),
                 0);
        QCOMPARE(f->count(AuthModelKind::Session), 585);
        QCOMPARE(f->count(AuthModelKind::Authenticator), 9);
    }

    void deleteUserFollowsOtherTablesForeignKeys_data()
    {
        addBackendRows({RevokeBackend::PostgresDefault, RevokeBackend::SqliteMillis});
    }
    void deleteUserFollowsOtherTablesForeignKeys()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        QString error;
        QVERIFY2(
            f->exec(
                QStringLiteral(
                    "CREATE TABLE \"Post\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"authorId\" TEXT "
                    "NOT NULL"
                    " REFERENCES \"User\" (\"id\") ON DELETE CASCADE);"
                    "CREATE TABLE \"Invoice\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"userId\" TEXT"
                    " REFERENCES \"User\" (\"id\") ON DELETE RESTRICT);"
                    "CREATE TABLE \"Comment\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"userId\" TEXT"
                    " REFERENCES \"User\" (\"id\") ON DELETE SET NULL);"
                    "INSERT INTO \"Post\" VALUES ('p1', 'u007'), ('p2', 'u007'), ('p3', 'u008');"
                    "INSERT INTO \"Invoice\" VALUES ('i1', 'u007');"
                    "INSERT INTO \"Comment\" VALUES ('c1', 'u007');"),
                &error),
            qPrintable(error));
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::deleteUser(QStringLiteral("u007")));
        QVERIFY(plan);
        QStringList messages;
        for (const RevocationWarning &w : plan->warnings)
            messages << w.message;
        QVERIFY2(plan->isBlocked(), qPrintable(messages.join(QLatin1Char('\n'))));
        QVERIFY(messages.join(QLatin1Char('\n')).contains(QLatin1String("2 rows of \"Post\"")));
        QVERIFY(messages.join(QLatin1Char('\n')).contains(QLatin1String("1 row of \"Invoice\"")));
        QVERIFY(messages.join(QLatin1Char('\n')).contains(QLatin1String("1 row of \"Comment\"")));
        // Blocked: refused before anything is deleted, and nothing is logged.
        const RevocationResult refused = revoker.execute(*plan);
        QCOMPARE(refused.outcome, RevocationResult::Outcome::Failed);
        QCOMPARE(f->count(AuthModelKind::User), 40);
        QVERIFY(auditEntries(f->auditPath()).isEmpty());

        QVERIFY(f->exec(QStringLiteral("DELETE FROM \"Invoice\"")));
        plan = revoker.preview(RevocationRequest::deleteUser(QStringLiteral("u007")));
        QVERIFY(plan);
        QVERIFY(!plan->isBlocked());
        const RevocationResult result = revoker.execute(*plan);
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        auto posts = f->database().query(
            SqlStatement(f->database().dialect(), QStringLiteral("SELECT count(*) FROM \"Post\"")));
        QVERIFY(posts);
        QCOMPARE(posts->value(0, 0).toLongLong(), 1); // the cascade ran
        auto comments = f->database().query(SqlStatement(
            f->database().dialect(),
            QStringLiteral("SELECT count(*) FROM \"Comment\" WHERE \"userId\" IS NULL")));
        QVERIFY(comments);
        QCOMPARE(comments->value(0, 0).toLongLong(), 1);
    }

    // --- Batches: cancel, failure, races ---------------------------------------------------

    void cancelMidwayKeepsCommittedBatches_data()
    {
        addBackendStrategyRows(kAllBackends, {Strategy::PhysicalRanges, Strategy::KeyOrder});
    }
    void cancelMidwayKeepsCommittedBatches()
    {
        QFETCH(int, backend);
        QFETCH(int, strategy);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::expiredSessions());
        QVERIFY(plan);
        const QVector<SessionRow> before = f->sessions();
        RevocationOptions options = smallBatches(Strategy(strategy));
        const CancellationToken cancel = options.cancel;
        options.progress = [cancel](const RevocationProgress &p) {
            if (p.batches == 3 && p.done > 0)
                cancel.cancel();
        };
        const RevocationResult result = revoker.execute(*plan, options);
        QCOMPARE(result.outcome, RevocationResult::Outcome::Cancelled);
        QCOMPARE(result.error.code(), Error::Code::Cancelled);
        QCOMPARE(result.batches, 3);
        QVERIFY(result.rows > 0 && result.rows < 300);
        // What was done stays done: exactly result.rows expired sessions are gone, nothing else.
        const QSet<QString> after = f->sessionTokens();
        QCOMPARE(qint64(after.size()), 600 - result.rows);
        QVERIFY(tokensWhere(before, [&](const SessionRow &r) { return r.expires >= result.cutoff; })
                    .subtract(after)
                    .isEmpty());
        const AuditEntry entry = auditEntries(f->auditPath()).value(0);
        QCOMPARE(entry.outcome, AuditEntry::Outcome::Cancelled);
        QCOMPARE(entry.rows, result.rows);
        QCOMPARE(qint64(entry.tokenHashes.size()), result.rows);
    }

    void failedRevokeIsLogged_data()
    {
        addBackendRows({RevokeBackend::PostgresDefault, RevokeBackend::SqliteMillis});
    }
    void failedRevokeIsLogged()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        QString error;
        // A row that refuses to go, half-way through the table.
        if (isPostgres(RevokeBackend(backend))) {
            QVERIFY2(
                f->exec(QStringLiteral(
                            "CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            " IF OLD.\"sessionToken\" = 'tok-00300' THEN RAISE EXCEPTION 'kept by "
                            "a trigger'; END IF;"
                            " RETURN OLD; END $$;"
                            "CREATE TRIGGER keep BEFORE DELETE ON \"Session\" FOR EACH ROW EXECUTE "
                            "FUNCTION keep();"),
                        &error),
                qPrintable(error));
        } else {
            // One statement: a script would be split at the semicolon inside the trigger body.
            auto created = f->database().execute(SqlStatement(
                SqlDialect::SQLite,
                QStringLiteral("CREATE TRIGGER keep BEFORE DELETE ON \"Session\" WHEN "
                               "OLD.\"sessionToken\" = 'tok-00300'"
                               " BEGIN SELECT RAISE(ABORT, 'kept by a trigger'); END")));
            QVERIFY2(created, qPrintable(created.error().fullText()));
        }
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::expiredSessions());
        QVERIFY(plan);
        const RevocationResult result =
            revoker.execute(*plan, smallBatches(Strategy::PhysicalRanges));
        QCOMPARE(result.outcome, RevocationResult::Outcome::Failed);
        QVERIFY2(result.error.fullText().contains(QLatin1String("kept by a trigger")),
                 qPrintable(result.error.fullText()));
        QCOMPARE(qint64(f->sessionTokens().size()), 600 - result.rows);
        QVERIFY(f->sessionTokens().contains(QStringLiteral("tok-00300")));
        const AuditEntry entry = auditEntries(f->auditPath()).value(0);
        QCOMPARE(entry.outcome, AuditEntry::Outcome::Failed);
        QCOMPARE(entry.rows, result.rows);
        QVERIFY(!entry.error.isEmpty());
    }

    void revokeRacingWithInserts_data()
    {
        QTest::addColumn<int>("backend");
        QTest::addColumn<int>("strategy");
        QTest::addColumn<int>("action");
        for (RevokeBackend b : {RevokeBackend::PostgresDefault, RevokeBackend::SqliteMillis,
                                RevokeBackend::SqliteText}) {
            for (Strategy s : {Strategy::PhysicalRanges, Strategy::KeyOrder}) {
                for (RevocationAction a :
                     {RevocationAction::AllSessions, RevocationAction::ExpiredSessions})
                    QTest::newRow(qPrintable(backendName(b) + QLatin1Char('/') + strategyName(s) +
                                             QLatin1Char('/') + revocationActionName(a)))
                        << int(b) << int(s) << int(a);
            }
        }
    }
    void revokeRacingWithInserts()
    {
        QFETCH(int, backend);
        QFETCH(int, strategy);
        QFETCH(int, action);
        RevokeSeed seed;
        seed.sessions = 2000;
        OPEN_FIXTURE(f, RevokeBackend(backend), seed);
        Revoker revoker = f->revoker();
        RevocationRequest request;
        request.action = RevocationAction(action);
        auto plan = revoker.preview(request);
        QVERIFY(plan);
        const QVector<SessionRow> before = f->sessions();

        // Another client signs people in all along: live sessions, createdAt = its own clock.
        std::atomic<bool> stop{false};
        std::atomic<int> inserted{0};
        QString insertError;
        RevokeFixture *fixture = f.get();
        QThread *inserter = QThread::create([&, fixture] {
            auto connection = fixture->connect();
            if (!connection) {
                insertError = connection.error().fullText();
                return;
            }
            for (int i = 0; !stop.load(); ++i) {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                const Status s = fixture->insertSession(
                    *connection->database,
                    QStringLiteral("race-%1").arg(i, 6, 10, QLatin1Char('0')),
                    QStringLiteral("u%1").arg(i % 40 + 1, 3, 10, QLatin1Char('0')), now.addDays(30),
                    now);
                if (!s) {
                    insertError = s.error().fullText();
                    return;
                }
                inserted.store(i + 1);
                QThread::msleep(fixture->backend() == RevokeBackend::PostgresDefault ? 1 : 10);
            }
        });
        inserter->start();
        QTRY_VERIFY_WITH_TIMEOUT(inserted.load() >= 20 || !insertError.isEmpty(), 10000);
        RevocationOptions options = smallBatches(Strategy(strategy));
        options.progress = [](const RevocationProgress &) {
            QThread::msleep(2);
        }; // let inserts interleave
        const RevocationResult result = revoker.execute(*plan, options);
        const int atEnd = inserted.load();
        QTRY_VERIFY_WITH_TIMEOUT(inserted.load() >= atEnd + 10 || !insertError.isEmpty(), 10000);
        stop.store(true);
        inserter->wait();
        delete inserter;
        QVERIFY2(insertError.isEmpty(), qPrintable(insertError));
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QVERIFY2(result.batches > 10, qPrintable(QString::number(result.batches)));

        const QVector<SessionRow> after = f->sessions();
        QHash<QString, SessionRow> remaining;
        for (const SessionRow &row : after)
            remaining.insert(row.token, row);
        // The original rows: exactly those the action targets are gone.
        for (const SessionRow &row : before) {
            const bool targeted = RevocationAction(action) == RevocationAction::AllSessions ||
                                  row.expires < result.cutoff;
            QVERIFY2(remaining.contains(row.token) != targeted, qPrintable(row.token));
        }
        // Sessions created meanwhile: live ones created after the cut-off are never touched;
        // for "every session", those created well before it are gone.
        int newer = 0;
        for (int i = 0; i < inserted.load(); ++i) {
            const QString token = QStringLiteral("race-%1").arg(i, 6, 10, QLatin1Char('0'));
            const auto it = remaining.constFind(token);
            if (it != remaining.constEnd() && it->createdAt > result.cutoff)
                ++newer;
        }
        QVERIFY(newer > 0);
        for (const SessionRow &row : after) {
            if (RevocationAction(action) == RevocationAction::AllSessions)
                QVERIFY2(row.createdAt > result.cutoff.addMSecs(-1000), qPrintable(row.token));
        }
        if (RevocationAction(action) == RevocationAction::ExpiredSessions) {
            for (int i = 0; i < inserted.load(); ++i)
                QVERIFY(
                    remaining.contains(QStringLiteral("race-%1").arg(i, 6, 10, QLatin1Char('0'))));
        }
    }

    void revokeAllCatchesSessionsRefreshedMeanwhile_data()
    {
        addBackendStrategyRows({RevokeBackend::PostgresDefault, RevokeBackend::PostgresSnake,
                                RevokeBackend::SqliteMillis},
                               {Strategy::PhysicalRanges, Strategy::KeyOrder});
    }
    void revokeAllCatchesSessionsRefreshedMeanwhile()
    {
        QFETCH(int, backend);
        QFETCH(int, strategy);
        RevokeSeed seed;
        seed.sessions = 2000;
        OPEN_FIXTURE(f, RevokeBackend(backend), seed);
        Revoker revoker = f->revoker();
        auto plan = revoker.preview(RevocationRequest::allSessions());
        QVERIFY(plan);
        // Auth.js extends a live session's expiry as it is used: an UPDATE, which in PostgreSQL
        // writes a new row version elsewhere in the table, possibly in pages already done.
        std::atomic<bool> stop{false};
        std::atomic<int> refreshed{0};
        QString updateError;
        RevokeFixture *fixture = f.get();
        QThread *updater = QThread::create([&, fixture] {
            auto connection = fixture->connect();
            if (!connection) {
                updateError = connection.error().fullText();
                return;
            }
            Database &db = *connection->database;
            const AuthModel &model = fixture->schema().model(AuthModelKind::Session);
            for (int i = 0; !stop.load(); ++i) {
                const int j = 2000 - 2 * (i % 1000) - 1; // live sessions, from the end backwards
                SqlStatement st = db.statement();
                st << QStringLiteral("UPDATE ") << db.table(model.table) << QStringLiteral(" SET ")
                   << st.id(model.column(QStringLiteral("expires"))) << QStringLiteral(" = ")
                   << st.bind(fixture->dateValue(QDateTime::currentDateTimeUtc().addDays(30)))
                   << QStringLiteral(" WHERE ")
                   << st.id(model.column(QStringLiteral("sessionToken"))) << QStringLiteral(" = ")
                   << st.bind(QStringLiteral("tok-%1").arg(j, 5, 10, QLatin1Char('0')));
                auto done = db.execute(st);
                if (!done) {
                    updateError = done.error().fullText();
                    return;
                }
                if (*done > 0)
                    refreshed.fetch_add(1);
                if (!isPostgres(fixture->backend())) // SQLite writers take turns
                    QThread::msleep(10);
            }
        });
        updater->start();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.load() >= 20 || !updateError.isEmpty(), 10000);
        RevocationOptions options = smallBatches(Strategy(strategy));
        options.progress = [](const RevocationProgress &) { QThread::msleep(2); };
        const RevocationResult result = revoker.execute(*plan, options);
        stop.store(true);
        updater->wait();
        delete updater;
        QVERIFY2(updateError.isEmpty(), qPrintable(updateError));
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QVERIFY(refreshed.load() > 20);
        QCOMPARE(f->count(AuthModelKind::Session), 0); // refreshed ones included
        QCOMPARE(result.rows, 2000);
    }

    // --- Safety ----------------------------------------------------------------------------

    void readOnlyRefusesWrites_data() { addBackendRows(); }
    void readOnlyRefusesWrites()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        f->workspace().setReadOnly(QStringLiteral("started with --read-only"));
        auto connection = f->connect();
        QVERIFY(connection);
        Database &db = *connection->database;
        QVERIFY(db.isReadOnly());
        Revoker revoker(db, f->schema(), AuditLog(f->auditPath()));
        auto plan = revoker.preview(RevocationRequest::allSessions()); // reading is fine
        QVERIFY(plan);
        QCOMPARE(plan->rows, 600);
        QVERIFY(plan->isBlocked());
        QVERIFY(plan->hasWarning(RevocationWarning::Kind::ReadOnly));
        const RevocationResult result = revoker.execute(*plan);
        QCOMPARE(result.outcome, RevocationResult::Outcome::Failed);
        QCOMPARE(result.error.code(), Error::Code::ReadOnly);
        QVERIFY(result.error.message().contains(QLatin1String("started with --read-only")));

        // Every write path refuses, including a DELETE hidden in query() (refused by the server).
        const QString table = db.table(f->schema().model(AuthModelKind::Session).table);
        auto viaQuery = db.query(
            SqlStatement(db.dialect(), QStringLiteral("DELETE FROM %1 RETURNING 1").arg(table)));
        QVERIFY(!viaQuery);
        QCOMPARE(viaQuery.error().code(), Error::Code::ReadOnly);
        auto viaExecute =
            db.execute(SqlStatement(db.dialect(), QStringLiteral("DELETE FROM %1").arg(table)));
        QVERIFY(!viaExecute);
        QCOMPARE(viaExecute.error().code(), Error::Code::ReadOnly);
        QCOMPARE(db.executeScript(QStringLiteral("DELETE FROM %1").arg(table)).error().code(),
                 Error::Code::ReadOnly);
        QCOMPARE(db.transaction([] { return success(); }).error().code(), Error::Code::ReadOnly);
        QCOMPARE(f->count(AuthModelKind::Session), 600);
        QVERIFY(auditEntries(f->auditPath()).isEmpty()); // nothing was attempted

        // And off again.
        db.setReadOnly(QString());
        QVERIFY(
            db.execute(SqlStatement(db.dialect(), QStringLiteral("DELETE FROM %1").arg(table))));
        QCOMPARE(f->count(AuthModelKind::Session), 0);
    }

    void auditLineNeverHoldsTokensOrPassword_data()
    {
        addBackendRows({RevokeBackend::PostgresDefault, RevokeBackend::SqliteMixed});
    }
    void auditLineNeverHoldsTokensOrPassword()
    {
        QFETCH(int, backend);
        OPEN_FIXTURE(f, RevokeBackend(backend), RevokeSeed());
        Revoker revoker = f->revoker();
        for (const RevocationRequest &request :
             {RevocationRequest::session(QStringLiteral("tok-00011")),
              RevocationRequest::userSessions(QStringLiteral("u004")),
              RevocationRequest::expiredSessions(),
              RevocationRequest::deleteUser(QStringLiteral("u009")),
              RevocationRequest::allSessions()}) {
            auto plan = revoker.preview(request);
            QVERIFY(plan);
            QVERIFY(revoker.execute(*plan).completed());
        }
        const QString text = fileText(f->auditPath());
        QCOMPARE(text.count(QLatin1Char('\n')), 5); // one line per action
        QVERIFY(!text.contains(QLatin1String("tok-")));
        QVERIFY(!text.contains(RevokeFixture::urlPassword()));
        const QVector<AuditEntry> entries = auditEntries(f->auditPath());
        QCOMPARE(entries.size(), 5);
        for (const AuditEntry &e : entries) {
            QCOMPARE(e.osUser, AuditEntry::currentOsUser());
            QVERIFY(!e.osUser.isEmpty());
            QVERIFY(e.time.isValid());
            QCOMPARE(e.time.timeSpec(), Qt::UTC);
            QVERIFY(e.database.contains(isPostgres(RevokeBackend(backend))
                                            ? f->postgres()->name()
                                            : QStringLiteral("dev.db")));
            for (const QString &hash : e.tokenHashes)
                QVERIFY(
                    QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(hash).hasMatch());
        }
    }

    void batchesUseTidRangeScans()
    {
        OPEN_FIXTURE(f, RevokeBackend::PostgresDefault, RevokeSeed());
        const AuthModel &model = f->schema().model(AuthModelKind::Session);
        RevocationSql::Filter filter;
        filter.expiredAt = QDateTime::currentDateTimeUtc();
        auto sql = RevocationSql::make(model, SqlDialect::PostgreSQL,
                                       f->database().table(model.table), filter);
        QVERIFY(sql);
        const SqlStatement st = sql->deleteRange(10, 20, true);
        auto plan = f->database().query(SqlStatement(
            SqlDialect::PostgreSQL, QStringLiteral("EXPLAIN ") + st.sql(), st.values()));
        QVERIFY2(plan, qPrintable(plan.error().fullText()));
        QStringList lines;
        for (const QVariantList &row : plan->rows())
            lines << row.value(0).toString();
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(QLatin1String("Tid Range Scan")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
    }

    void worksThroughPgBouncer()
    {
        OPEN_FIXTURE(f, RevokeBackend::PostgresDefault, RevokeSeed());
        const QString bounced = f->postgres()->bouncedUrl();
        if (bounced.isEmpty())
            QSKIP("no PgBouncer (run tests/run-tests.sh)");
        auto workspace = AuthWorkspace::open(urlOnlyOptions(bounced));
        QVERIFY2(workspace, qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection);
        Revoker revoker(*connection->database, workspace->schema(), AuditLog(f->auditPath()));
        auto plan = revoker.preview(RevocationRequest::expiredSessions());
        QVERIFY(plan);
        const RevocationResult result =
            revoker.execute(*plan, smallBatches(Strategy::PhysicalRanges));
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QCOMPARE(result.rows, 300);
        QVERIFY(result.batches > 3);
        QCOMPARE(f->count(AuthModelKind::Session), 300);
    }
};

QTEST_GUILESS_MAIN(TestRevoke)
#include "tst_revoke.moc"
