#pragma once

// Shared by the revocation tests: an Auth.js database (PostgreSQL scratch database or SQLite
// file) built from Prisma's own DDL and seeded with rows around the current time, the workspace
// over it, a connection for the test's own checks, and an audit log in a temporary folder.

#include "core/auth/AuthWorkspace.h"
#include "core/auth/Revoker.h"
#include "tests/support/TestPostgres.h"

#include <QDateTime>
#include <QSet>
#include <QTemporaryDir>
#include <memory>

namespace gh::test {

enum class RevokeBackend {
    PostgresDefault, ///< tests/data/sql/authjs-postgres.sql (PascalCase, createdAt, Authenticator)
    PostgresSnake,   ///< the snake_case variant (id keys, no createdAt, no Authenticator)
    SqliteMillis,    ///< SQLite, DateTime as INTEGER milliseconds (Prisma's Rust driver)
    SqliteText,      ///< SQLite, DateTime as ISO-8601 text (Prisma 7's driver adapters)
    SqliteMixed,     ///< SQLite, both encodings alternating row by row in one column
};

QString backendName(RevokeBackend backend);
bool isPostgres(RevokeBackend backend);

/// Seeded data. Users u001..uNNN (user1@example.com...); users 1-4 have only a credentials
/// account, user 5 a credentials and a github account, the others github. Session j
/// ("tok-0000j") belongs to user (j % users) + 1 and expires j minutes from now, in the past
/// for even j; createdAt 40 days ago. Verification token i expires i hours from now (past for
/// even i). Users 1-10 have an authenticator (when the layout has the model).
struct RevokeSeed
{
    int users = 40;
    int sessions = 600;
    int verificationTokens = 30;
};

struct SessionRow
{
    QString token;
    QString userId;
    QDateTime expires;
    QDateTime createdAt; // invalid when the layout has no createdAt
};

class RevokeFixture
{
public:
    /// Null and `error` set on failure; QSKIP-worthy when PostgreSQL is not available
    /// (`*skip` set).
    static std::unique_ptr<RevokeFixture> create(RevokeBackend backend, const RevokeSeed &seed,
                                                 QString *error, bool *skip);
    ~RevokeFixture();

    RevokeBackend backend() const { return m_backend; }
    /// The URL the workspace opened (PostgreSQL: with a password that must never be logged).
    QString url() const { return m_url; }
    static QString urlPassword() { return QStringLiteral("s3cret-Pa55"); }
    AuthWorkspace &workspace() { return *m_workspace; }
    Database &database() { return *m_connection.database; }
    const AuthSchema &schema() const { return m_workspace->schema(); }
    QString auditPath() const { return m_dir.filePath(QStringLiteral("audit.jsonl")); }
    QString directory() const { return m_dir.path(); }
    ScratchPostgres *postgres() { return m_postgres.get(); }

    /// A revoker over the fixture's connection writing the fixture's audit log.
    Revoker revoker() { return Revoker(database(), schema(), AuditLog(auditPath())); }
    /// A new connection (the workspace's settings), for another thread or a read-only check.
    Result<AuthConnection> connect() const;

    QVector<SessionRow> sessions();
    QSet<QString> sessionTokens();
    qint64 count(AuthModelKind kind);
    qint64 countWhere(AuthModelKind kind, const QString &field, const QVariant &value);
    /// Runs SQL directly (setup, sabotage).
    bool exec(const QString &sql, QString *error = nullptr);

    /// Inserts one session as the Prisma adapter would (createdAt when the layout has it),
    /// through `database` (any connection), with this backend's DateTime encoding.
    Status insertSession(Database &database, const QString &token, const QString &userId,
                         const QDateTime &expires, const QDateTime &createdAt) const;
    /// A DateTime value as this backend stores it (row `index` decides in the mixed encoding).
    QVariant dateValue(const QDateTime &time, int index = 0) const;

private:
    RevokeFixture() = default;
    Status seed(const RevokeSeed &seed);

    RevokeBackend m_backend = RevokeBackend::PostgresDefault;
    QTemporaryDir m_dir;
    std::unique_ptr<ScratchPostgres> m_postgres;
    QString m_url;
    std::unique_ptr<AuthWorkspace> m_workspace;
    AuthConnection m_connection;
};

/// The audit log's entries (all of them).
QVector<AuditEntry> auditEntries(const QString &path);

} // namespace gh::test
