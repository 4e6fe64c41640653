#pragma once

#include "core/migrate/MigrationDirectory.h"
#include "core/migrate/MigrationLock.h"
#include "core/migrate/MigrationRecord.h"

#include <QJsonObject>
#include <QStringList>
#include <QVector>
#include <optional>

namespace gh {

/// The state of a database's migration history against a migrations folder, computed as
/// Prisma's diagnoseMigrationHistory computes it (rows that were rolled back do not count).
struct MigrationStatus
{
    /// Prisma's HistoryDiagnostic.
    enum class History {
        InSync,
        /// Some local migrations are not applied; every applied one exists locally.
        DatabaseIsBehind,
        /// The database has applied migrations that are not in the folder; nothing is pending.
        MigrationsDirectoryIsBehind,
        /// Both at once.
        HistoriesDiverge,
    };

    enum class State {
        Applied,
        Pending,
        Failed,
        /// Recorded in the database (not rolled back) but absent from the folder.
        MissingLocally,
    };

    /// One line of the history, for people: local migrations in folder order, then the
    /// database's migrations that the folder lacks, in the order they were started.
    struct Entry
    {
        QString name;
        State state = State::Pending;
        /// The checksum of migration.sql differs from the recorded one.
        bool edited = false;
        /// The folder has no readable migration.sql.
        bool scriptMissing = false;
        /// The row that counts (not rolled back), when there is one.
        std::optional<MigrationRecord> record;
    };

    /// What a drift check (the diff engine: applied migrations replayed on a shadow database,
    /// compared with the live schema) found. Migrate only carries it.
    struct Drift
    {
        bool detected = false;
        /// Prisma's human summary of the differences.
        QString summary;
        /// Set when the applied migrations could not be replayed.
        QString error;
    };

    bool hasMigrationsTable = false;
    History history = History::InSync;
    int localMigrationCount = 0;
    /// Local migrations with no row (Prisma's unappliedMigrationNames), in folder order.
    QStringList unappliedMigrationNames;
    /// Applied rows with no local folder (Prisma's unpersistedMigrationNames).
    QStringList unpersistedMigrationNames;
    /// The local migration just before the first unapplied one, when histories diverge.
    QString lastCommonMigrationName;
    QStringList failedMigrationNames;
    QStringList editedMigrationNames;
    /// Local migrations that have a row but no readable migration.sql (Prisma then fails
    /// with P3015).
    QStringList missingScriptNames;
    QVector<Entry> entries;
    /// Set by a drift check when one was asked for.
    std::optional<Drift> drift;
    /// Who holds the migration lock while there are failed rows: they may still be running.
    std::optional<MigrationLockHolder> lockHolder;

    /// Pure: no database, no files. `records` ordered by started_at.
    static MigrationStatus compute(const QVector<MigrationDirectory> &local,
                                   const QVector<MigrationRecord> &records,
                                   bool hasMigrationsTable);

    /// Nothing pending, nothing failed, a migrations table (what `prisma migrate status`
    /// calls "Database schema is up to date!"; it ignores edited migrations and migrations
    /// missing locally).
    bool isUpToDate() const;
    /// `prisma migrate status`'s exit code: 0 when up to date, 1 otherwise.
    int exitCode() const;

    /// Prisma's diagnoseMigrationHistory output (editedMigrationNames, failedMigrationNames,
    /// hasMigrationsTable, history), plus Gatehouse's `migrations` list and `drift`.
    QJsonObject toJson() const;
    static QString stateName(State state);
};

} // namespace gh
