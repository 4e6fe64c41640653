#pragma once

#include "core/common/Result.h"
#include "core/db/QueryResult.h"
#include "core/db/RawResult.h"
#include "core/db/SqlStatement.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace gh {

class DatabaseUrl;

/// One connection to one database. Not thread-safe: open it in the thread that uses it (Qt's
/// SQLite connections are bound to their thread, and a libpq connection serves one query at a
/// time). Every value travels as a bound parameter; every table name goes through `table()`.
///
/// The PostgreSQL backend keeps no session state (no SET, no named prepared statements) so that
/// it works unchanged through PgBouncer in transaction mode: the `?schema=` of the URL is honoured
/// by qualifying table names, not by `search_path`.
class Database
{
public:
    enum class OpenMode { ExistingOnly, CreateIfMissing };

    /// Opens the database the URL names. SQLite files must exist unless `mode` says otherwise,
    /// so that a typo in a path is an error rather than a new empty database.
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl &url,
                                                  OpenMode mode = OpenMode::ExistingOnly);

    virtual ~Database() = default;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    virtual SqlDialect dialect() const = 0;
    /// The schema (namespace) tables live in: the URL's `?schema=` for PostgreSQL, empty for
    /// SQLite.
    virtual QString schema() const = 0;
    /// The URL for display, password redacted.
    virtual QString displayName() const = 0;

    /// Runs a statement that returns rows.
    virtual Result<QueryResult> query(const SqlStatement &statement) = 0;
    /// The same rows, each cell converted only when read (RawResult). The PostgreSQL backend
    /// keeps libpq's result as it came; the default converts at once, as query() does.
    virtual Result<std::shared_ptr<const RawResult>> queryRaw(const SqlStatement &statement);
    /// Runs a statement and returns the number of rows it affected.
    virtual Result<qint64> execute(const SqlStatement &statement) = 0;
    /// Runs `work` inside one transaction: committed when it returns success, rolled back on
    /// error. Keep the work short; under PgBouncer a transaction pins a server connection.
    virtual Status transaction(const std::function<Status()> &work) = 0;
    /// Runs a script of several statements as one unit (DDL, seeding). No parameters.
    virtual Status executeScript(const QString &sql) = 0;

    /// Asks the server to cancel the statement running on this connection now, if any; that
    /// query() then fails. The one method that may be called from another thread while the
    /// owning thread is inside query(). False when the backend cannot interrupt (SQLite:
    /// callers poll a CancellationToken between short statements instead).
    virtual bool cancelRunningQuery() { return false; }

    /// Read-only mode (`--read-only`): from now on every write fails with Error::Code::ReadOnly
    /// and `reason` ("started with --read-only"). execute(), transaction() and executeScript()
    /// refuse at once; writes hidden in query() (DELETE ... RETURNING) are refused by the server
    /// itself: PostgreSQL runs each statement in a READ ONLY transaction (per statement, so still
    /// PgBouncer-safe), SQLite sets PRAGMA query_only. An empty reason turns the mode off.
    void setReadOnly(const QString &reason);
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }
    /// The error every refused write returns.
    Error readOnlyError() const;

    /// The tables of the connection's schema with their column names, from the database's own
    /// catalog.
    Result<QHash<QString, QStringList>> tableColumns() { return tableColumnsIn(schema()); }
    /// The same for another PostgreSQL schema (a model's `@@schema`). SQLite has one namespace
    /// and answers for it whatever the name.
    virtual Result<QHash<QString, QStringList>> tableColumnsIn(const QString &schema) = 0;
    /// "PostgreSQL 15.18" / "SQLite 3.40.1".
    virtual Result<QString> serverVersion() = 0;

    /// A table name qualified by the schema and quoted by the dialect's one quoting function.
    QString table(const QString &name) const { return qualifiedName(dialect(), schema(), name); }
    /// A new statement in this database's dialect.
    SqlStatement statement() const { return SqlStatement(dialect()); }

protected:
    Database() = default;
    /// Lets a backend make the server enforce the mode too.
    virtual void applyReadOnly(bool readOnly) { Q_UNUSED(readOnly) }

private:
    QString m_readOnlyReason;
};

} // namespace gh
