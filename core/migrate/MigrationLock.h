#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>

namespace gh {

class Database;

/// Who holds Migrate's advisory lock, from pg_locks and pg_stat_activity.
struct MigrationLockHolder
{
    qint64 pid = 0;
    QString applicationName;
    QString state;
    QDateTime queryStart; // invalid when not visible to us

    /// "pid 4242 (application_name 'prisma', state 'active', query started 2025-01-01 10:00:00
    /// UTC)"
    QString describe() const;
};

/// The lock that keeps two migrators apart, the same one Prisma takes: on PostgreSQL the
/// session advisory lock 72707369, on SQLite `PRAGMA main.locking_mode=EXCLUSIVE`. Held until
/// release() or destruction (or the connection closes). Move-only.
class MigrationLock
{
public:
    static constexpr qint64 AdvisoryKey = 72707369;

    struct Options
    {
        /// Prisma waits 10 s.
        int timeoutMs = 10000;
        int pollIntervalMs = 100;
        /// Polled while waiting; returning true gives up with Error::Code::Cancelled.
        std::function<bool()> isCancelled;
    };

    /// Polls pg_try_advisory_lock until it is granted, the timeout passes
    /// (MigrationLockTimeout, the holder in the detail) or isCancelled says so (Cancelled).
    static Result<MigrationLock> acquire(Database &database, const Options &options);
    static Result<MigrationLock> acquire(Database &database)
    {
        return acquire(database, Options());
    }

    /// The session holding the advisory lock, other than this connection; nothing when free.
    /// Always nothing on SQLite.
    static Result<std::optional<MigrationLockHolder>> holder(Database &database);

    MigrationLock(MigrationLock &&other) noexcept;
    MigrationLock &operator=(MigrationLock &&other) noexcept;
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;
    ~MigrationLock();

    bool isHeld() const { return m_database != nullptr; }
    Status release();

private:
    explicit MigrationLock(Database *database)
        : m_database(database)
    {}

    Database *m_database = nullptr;
};

} // namespace gh
