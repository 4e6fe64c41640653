#pragma once

#include "core/common/Result.h"
#include "core/migrate/MigrationLock.h"
#include "core/migrate/MigrationStatus.h"
#include "core/migrate/MigrationTarget.h"
#include "core/migrate/MigrationsFolder.h"

#include <QStringList>
#include <functional>
#include <memory>

namespace gh {

class Database;

/// Where a deploy is: called before and after each migration it applies.
struct DeployProgress
{
    enum class Stage { Applying, Applied };
    Stage stage = Stage::Applying;
    /// 1-based position among the migrations this deploy applies.
    int index = 0;
    int count = 0;
    QString name;
};

struct DeployResult
{
    int localMigrationCount = 0;
    /// In the order they were applied; empty when nothing was pending.
    QStringList appliedMigrationNames;
};

/// Prisma Migrate's history commands on one connection: status, deploy, resolve. Every write
/// happens under Migrate's lock (the advisory lock 72707369 on PostgreSQL, shared with Prisma)
/// and each migration.sql runs as one script, one simple-query message on PostgreSQL.
///
/// Blocking and not thread-safe, like the Database it owns: create and use it in one worker
/// thread; `Options::lock.isCancelled` may be flipped from any thread (e.g. an atomic flag).
class Migrator
{
public:
    struct Options
    {
        /// Timeout, poll interval and the cancel callback. The callback is also asked before
        /// each migration a deploy applies.
        MigrationLock::Options lock;
    };

    using ProgressCallback = std::function<void(const DeployProgress &)>;
    /// The seam for drift detection (built on core/sql's diff): given the connection and the
    /// local migrations that are applied, says whether the live schema differs from what they
    /// produce.
    using DriftCheck = std::function<Result<MigrationStatus::Drift>(
        Database &database, const QVector<MigrationDirectory> &appliedMigrations)>;

    enum class Connect { ExistingDatabase, CreateSqliteFileIfMissing, CreateDatabaseIfMissing };

    /// Opens the target's database. With CreateSqliteFileIfMissing a missing SQLite file (and
    /// its folder) is created; CreateDatabaseIfMissing also creates a missing PostgreSQL
    /// database (`CREATE DATABASE` through the server's `postgres` database, else
    /// `template1`), as `prisma migrate deploy` and `migrate dev` do; createdDatabase() says
    /// so. Errors: ConnectionFailed (also when the database is missing and cannot be created:
    /// the message says both).
    static Result<std::unique_ptr<Migrator>> connect(const MigrationTarget &target,
                                                     const Options &options,
                                                     Connect mode = Connect::ExistingDatabase);

    Migrator(std::unique_ptr<Database> database, MigrationTarget target, Options options);
    ~Migrator();
    Migrator(const Migrator &) = delete;
    Migrator &operator=(const Migrator &) = delete;

    Database &database() { return *m_database; }
    const MigrationTarget &target() const { return m_target; }
    bool createdDatabase() const { return m_createdDatabase; }

    Result<MigrationsFolder> readFolder() const;

    /// Reads the history; writes nothing and takes no lock. Errors: MigrationProviderMismatch,
    /// and those of the folder and the database. With `driftCheck` it also asks for drift.
    Result<MigrationStatus> status(const DriftCheck &driftCheck = DriftCheck());

    /// `prisma migrate deploy`: provider check, lock, create `_prisma_migrations` in an empty
    /// schema (MigrationSchemaNotEmpty otherwise), refuse failed rows
    /// (MigrationFailedMigrationsFound), then apply every local migration that has no row that
    /// counts, in folder order, stopping at the first failure (MigrationApplyFailed; its row
    /// stays failed with the error in `logs`) or a missing script (MigrationFileMissing).
    /// Cancelling between migrations returns Cancelled; what was applied stays applied.
    Result<DeployResult> deploy(const ProgressCallback &progress = ProgressCallback());

    /// `prisma migrate resolve --applied`: records a local migration as applied without
    /// running it (baselining; creates the table if needed). Failed rows of that migration are
    /// marked rolled back. Errors: MigrationNotFound, MigrationAlreadyApplied.
    Status resolveApplied(const QString &migrationName);

    /// `prisma migrate resolve --rolled-back`: marks the migration's failed rows rolled back.
    /// Errors: MigrationNeverApplied, MigrationNotFailed.
    Status resolveRolledBack(const QString &migrationName);

private:
    Result<MigrationsFolder> folderForProvider() const;
    Status prepareForWriting();
    Result<MigrationLock> lockForWriting();
    Result<QVector<MigrationRecord>> records(bool *hasTable);
    Status initializeTable();
    Status runScript(const QByteArray &script);
    bool cancelled() const;

    std::unique_ptr<Database> m_database;
    MigrationTarget m_target;
    Options m_options;
    bool m_createdDatabase = false;
    bool m_preparedForWriting = false;
};

} // namespace gh
