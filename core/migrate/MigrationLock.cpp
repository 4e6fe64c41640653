#include "core/migrate/MigrationLock.h"

#include "core/db/Database.h"
#include "core/migrate/MigrationErrors.h"

#include <QElapsedTimer>
#include <QThread>

namespace gh {

namespace {

Status pragma(Database &database, const QString &sql)
{
    if (auto done = database.execute(SqlStatement(SqlDialect::SQLite, sql)); !done)
        return done.error();
    return success();
}

} // namespace

QString MigrationLockHolder::describe() const
{
    QString text = QStringLiteral("pid %1 (application_name '%2', state '%3'")
                       .arg(pid)
                       .arg(applicationName, state.isEmpty() ? QStringLiteral("unknown") : state);
    if (queryStart.isValid())
        text += QStringLiteral(", query started %1")
                    .arg(queryStart.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    return text + QLatin1Char(')');
}

Result<MigrationLock> MigrationLock::acquire(Database &database, const Options &options)
{
    if (database.dialect() == SqlDialect::SQLite) {
        // Prisma's SQLite "lock": the file stays locked from the first write until the
        // connection closes.
        const Status exclusive =
            pragma(database, QStringLiteral("PRAGMA main.locking_mode=EXCLUSIVE"));
        if (!exclusive)
            return exclusive.error();
        return MigrationLock(&database);
    }

    // Prisma blocks in pg_advisory_lock; polling the try variant keeps the wait cancellable and
    // lets us name the holder when we give up.
    QElapsedTimer clock;
    clock.start();
    SqlStatement tryLock(database.dialect());
    tryLock << QStringLiteral("SELECT pg_try_advisory_lock(") << tryLock.bind(AdvisoryKey)
            << QStringLiteral("::bigint)");
    for (;;) {
        auto granted = database.query(tryLock);
        if (!granted)
            return granted.error();
        if (granted->value(0, 0).toBool())
            return MigrationLock(&database);
        if (options.isCancelled && options.isCancelled())
            return Error(Error::Code::Cancelled,
                         QStringLiteral("Cancelled while waiting for the migration lock"));
        if (clock.elapsed() >= options.timeoutMs) {
            auto who = holder(database);
            QString detail;
            if (who && *who)
                detail = QStringLiteral("The lock is held by %1.").arg((*who)->describe());
            return MigrationErrors::lockTimeout(options.timeoutMs, detail);
        }
        QThread::msleep(ulong(qMax(1, options.pollIntervalMs)));
    }
}

Result<std::optional<MigrationLockHolder>> MigrationLock::holder(Database &database)
{
    if (database.dialect() == SqlDialect::SQLite)
        return std::optional<MigrationLockHolder>();
    // A bigint advisory key is stored as classid = high 32 bits, objid = low 32 bits, objsubid 1.
    // Advisory locks belong to one database: a deploy into another database on the same server
    // holds the same key without blocking us, so it is not our holder.
    SqlStatement st(database.dialect());
    st << QStringLiteral(
              "SELECT l.pid, a.application_name, a.state, a.query_start"
              " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a USING (pid)"
              " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = ")
       << st.bind(AdvisoryKey)
       << QStringLiteral(" AND l.objsubid = 1 AND l.pid <> pg_backend_pid()"
                         " AND l.database = (SELECT oid FROM pg_catalog.pg_database"
                         " WHERE datname = pg_catalog.current_database()) LIMIT 1");
    auto rows = database.query(st);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<MigrationLockHolder>();
    MigrationLockHolder who;
    who.pid = rows->value(0, 0).toLongLong();
    who.applicationName = rows->value(0, 1).toString();
    who.state = rows->value(0, 2).toString();
    who.queryStart = rows->value(0, 3).toDateTime();
    return std::optional<MigrationLockHolder>(who);
}

MigrationLock::MigrationLock(MigrationLock &&other) noexcept
    : m_database(other.m_database)
{
    other.m_database = nullptr;
}

MigrationLock &MigrationLock::operator=(MigrationLock &&other) noexcept
{
    if (this != &other) {
        // A failed unlock leaves the lock to the connection's end; nothing better to do here.
        (void)release();
        m_database = other.m_database;
        other.m_database = nullptr;
    }
    return *this;
}

MigrationLock::~MigrationLock()
{
    (void)release();
}

Status MigrationLock::release()
{
    if (!m_database)
        return success();
    Database &database = *m_database;
    m_database = nullptr;
    if (database.dialect() == SqlDialect::SQLite) {
        // Back to normal locking; the file lock is dropped at the next access.
        const Status normal = pragma(database, QStringLiteral("PRAGMA main.locking_mode=NORMAL"));
        if (!normal)
            return normal;
        if (auto touched = database.query(SqlStatement(
                SqlDialect::SQLite, QStringLiteral("SELECT 1 FROM sqlite_master LIMIT 1")));
            !touched)
            return touched.error();
        return success();
    }
    SqlStatement unlock(database.dialect());
    unlock << QStringLiteral("SELECT pg_advisory_unlock(") << unlock.bind(AdvisoryKey)
           << QStringLiteral("::bigint)");
    auto done = database.query(unlock);
    if (!done)
        return done.error();
    return success();
}

} // namespace gh
