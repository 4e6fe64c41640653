#pragma once

#include "core/migrate/MigrationStatus.h"
#include "core/migrate/MigrationTarget.h"
#include "core/migrate/Migrator.h"
#include "core/migrate/ShadowDatabase.h"
#include "core/sql/Migration.h"

#include <functional>

namespace gh {

/// Drift: the live schema differs from the schema its applied migrations produce (someone
/// changed the database by hand, or a migration was edited after it ran). Found as Prisma's
/// diagnoseMigrationHistory finds it: the applied migrations are replayed on a shadow database
/// created and dropped by Gatehouse, both schemas are read back and diffed.
class DriftDetector
{
public:
    struct Options
    {
        /// Asked between migrations and queries; Cancelled when it says so.
        std::function<bool()> isCancelled;
        /// Progress for people ("Replaying 3 migration(s) on the shadow database ...").
        std::function<void(const QString &)> log;
        /// Without CREATEDB, replay in a shadow schema of the database itself. Off by default:
        /// a status check should write nothing into the database it looks at.
        ShadowDatabase::Fallback fallback = ShadowDatabase::Fallback::None;
    };

    /// The check Migrator::status() takes, for the target's database server. A migration
    /// that does not replay is reported in Drift::error, not as an Error; failing to create the
    /// shadow database (or to read a schema) is an Error.
    static Migrator::DriftCheck shadowCheck(const MigrationTarget &target, const Options &options);
    static Migrator::DriftCheck shadowCheck(const MigrationTarget &target);

    /// The drift between what the migrations give (`expected`) and the live schema: the
    /// migration from one to the other, summarised as Prisma summarises it.
    static MigrationStatus::Drift compare(const sql::Migration &drift);
};

} // namespace gh
