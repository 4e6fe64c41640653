#pragma once

#include "core/auth/AuditLog.h"
#include "core/auth/AuthQueries.h"
#include "core/auth/AuthSchema.h"
#include "core/auth/CancellationToken.h"
#include "core/auth/RevocationPlan.h"
#include "core/auth/RevocationResult.h"

namespace gh {

class Database;
class RevocationSql;

/// Revokes Auth.js sessions and removes related rows, safely: first preview() (the exact counts,
/// computed from the database, warnings, the confirmation needed), then, once the user has
/// confirmed, execute(). QObject-free and blocking: run it on a worker thread that owns the
/// connection (the GUI's worker), with progress and cancel through RevocationOptions.
///
/// With Auth.js's database strategy a session is a row, so deleting the row signs that browser
/// out on its next request. How execute() deletes:
/// - One session: one statement by token. Delete user: one transaction that removes the user's
///   sessions, accounts and authenticators explicitly (whether or not the foreign keys cascade,
///   and whatever SQLite's foreign_keys pragma says), then the user.
/// - Everything else (sessions of a user, expired sessions, every session, expired verification
///   tokens): batches of short transactions, each one DELETE over a physical range of the table
///   (PostgreSQL 14+: heap pages by ctid; SQLite: rowids), sized adaptively to
///   RevocationOptions::targetBatchMs. A range of pages is read once, in order, so the batches
///   together cost what one big DELETE costs, while no transaction holds its row locks for long.
///   Older PostgreSQL walks the key instead (correct, much slower on large tables). At most
///   1,000 matching rows go in one statement.
/// - The cut-off is fixed when execute() starts, on the database's clock: "expired" means
///   expires < start; "every session" and "sessions of a user" mean createdAt <= start, so
///   sessions created while the revoke runs are left alone. Live sessions Auth.js refreshes
///   meanwhile may move to other pages: those actions sweep the table again until a sweep
///   finds nothing.
/// - PgBouncer (transaction mode): every batch is one statement in its own transaction; no
///   session state, no named statements, no temporary tables.
/// - Every execute() appends one line to the audit log, whether it completed, was cancelled or
///   failed; it refuses to start when the log cannot be written.
class Revoker
{
public:
    /// `database` must outlive the Revoker and be used by this thread only.
    Revoker(Database &database, AuthSchema schema, AuditLog auditLog = AuditLog());
    ~Revoker();
    Revoker(Revoker &&) noexcept;
    Revoker &operator=(Revoker &&) noexcept;

    /// What `request` would do, now: exact counts, the user it concerns, warnings (credentials
    /// users, the JWT strategy, other tables referencing a user, read-only mode), and the
    /// confirmation it needs. Reads only: this is also the CLI's --dry-run. NotFound when the
    /// session token or user does not exist. `cancel` interrupts a long count.
    Result<RevocationPlan> preview(const RevocationRequest &request,
                                   const CancellationToken &cancel = CancellationToken()) const;

    /// Carries out a plan from preview() (after the user confirmed it). Never throws; see
    /// RevocationResult. Refuses (Failed, nothing deleted) in read-only mode, when the plan is
    /// blocked, or when the audit log cannot be written.
    RevocationResult execute(const RevocationPlan &plan,
                             const RevocationOptions &options = RevocationOptions());

    const AuditLog &auditLog() const { return m_auditLog; }

private:
    struct Batches;

    Result<QueryResult> run(const SqlStatement &statement, const CancellationToken &cancel) const;
    Result<qint64> count(const RevocationSql &sql, const CancellationToken &cancel) const;
    Result<QDateTime> databaseNow() const;
    Result<QString> databaseName() const;
    Result<RevocationSql> sessionSql(const RevocationPlan &plan, const QDateTime &cutoff) const;

    Status previewSessions(RevocationPlan &plan, const CancellationToken &cancel) const;
    Status previewDeleteUser(RevocationPlan &plan, const CancellationToken &cancel) const;
    Status addCredentialsWarning(RevocationPlan &plan, const CancellationToken &cancel) const;
    Status addCredentialsUsersWarning(RevocationPlan &plan, const CancellationToken &cancel) const;
    Status addNoSessionRowsWarning(RevocationPlan &plan, const CancellationToken &cancel) const;
    Status addReferenceWarnings(RevocationPlan &plan, const CancellationToken &cancel) const;

    Status deleteMatching(const RevocationSql &sql, Batches &batches, qint64 expectedRows,
                          bool sweep);
    Status deleteByPages(const RevocationSql &sql, Batches &batches, bool sweep);
    Status deleteByRowids(const RevocationSql &sql, Batches &batches);
    Status deleteByKeys(const RevocationSql &sql, Batches &batches);
    Status deleteUser(const RevocationPlan &plan, Batches &batches);

    Database *m_database;
    AuthSchema m_schema;
    AuditLog m_auditLog;
    AuthQueries m_queries;
};

} // namespace gh
