#pragma once

#include "core/common/Result.h"
#include "core/migrate/MigrationStatus.h"
#include "core/migrate/Migrator.h"
#include "core/sql/Migration.h"
#include "core/sql/MigrationScript.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <functional>

namespace gh::prisma {
class SchemaSource;
}

namespace gh {

/// `prisma migrate dev` in three steps that a screen can show one at a time:
///
/// 1. plan(): what the migration from the migrations folder to the schema would be — its
///    migration.sql (with Prisma's `/* Warnings: */` header) and the warnings and unexecutable
///    steps with row counts read from the live database. Writes nothing (unless
///    Options::applyPending asks to apply pending migrations first, as the CLI does).
/// 2. write(): creates `<UTC yyyyMMddHHmmss>_<name>/migration.sql` (and migration_lock.toml).
/// 3. apply(): applies every pending migration, the new one included (Migrator::deploy).
///
/// The migrations folder is replayed on a shadow database that Gatehouse creates and drops on
/// the target's server; when the user may not create databases, on a shadow schema in the
/// database itself; when that is refused too, the live database (after its pending migrations)
/// is the starting point. Plan::shadowDescription says which.
///
/// Blocking: call from the worker thread that owns the Migrator. Options::isCancelled may be
/// flipped from any thread.
class DevMigration
{
public:
    struct Options
    {
        /// Asked between migrations and queries (Error::Code::Cancelled).
        std::function<bool()> isCancelled;
        /// Progress for people, one line at a time.
        std::function<void(const QString &)> log;
        /// Apply the database's pending migrations before computing the migration, as
        /// `prisma migrate dev` does (a write). Without it the plan lists them in
        /// Plan::pendingMigrationNames and counts only tables that already exist.
        bool applyPending = false;
    };

    struct Plan
    {
        /// From the migrations folder (replayed) to the schema.
        sql::Migration migration;
        /// The migration.sql write() would write, byte for byte as Prisma writes it: the
        /// warnings without counts (Prisma's pure check) on top, then the steps.
        QString script;
        /// The warnings of the header (no database read).
        sql::ChangeDiagnostics scriptDiagnostics;
        /// Warnings and unexecutable steps with the live database's counts: what to show and
        /// confirm before writing ("... which still contains 3 non-null values.").
        sql::ChangeDiagnostics liveDiagnostics;
        /// Migrations applied by plan() itself (Options::applyPending).
        QStringList appliedMigrationNames;
        /// Local migrations the database has not applied yet; apply() runs them first.
        QStringList pendingMigrationNames;
        /// Where the migrations folder was replayed.
        enum class Shadow { Database, Schema, SqliteFile, LiveDatabase };
        Shadow shadow = Shadow::Database;
        /// The same, for people (which database or schema, and why a fallback was used).
        QString shadowDescription;
        /// The provider of migration_lock.toml to write (`postgresql`, `sqlite`).
        QString provider;

        bool isEmpty() const { return migration.isEmpty(); }
        /// Steps that cannot run on the data there is: `migrate dev` refuses to create the
        /// migration unless `--create-only`.
        bool hasUnexecutableSteps() const { return !liveDiagnostics.unexecutable.isEmpty(); }
        /// Warnings to confirm before writing.
        bool needsConfirmation() const { return !liveDiagnostics.warnings.isEmpty(); }
    };

    /// Prisma's migration name of what a user typed: slugified with `_` (`Add role` →
    /// `add_role`, `addRole` → `add_role`), at most 200 characters.
    static QString migrationName(const QString &typed);

    /// Step 1. `schema` is the schema to migrate to (e.g. the editor's text, saved or not).
    /// Errors: MigrationProviderMismatch, SchemaInvalid, MigrationFailedMigrationsFound,
    /// MigrationDriftDetected (drift, edited or failed migrations, diverged history: Prisma
    /// would reset the database; the message says why, as Prisma's does),
    /// MigrationShadowApplyFailed (P3006), MigrationShadowCreateFailed, Cancelled, and those of
    /// the database.
    static Result<Plan> plan(Migrator &migrator, const prisma::SchemaSource &schema,
                             const Options &options);
    static Result<Plan> plan(Migrator &migrator, const prisma::SchemaSource &schema);

    /// Step 2: writes the plan's script as a new migration. `name` as typed (slugified here).
    /// Returns the new folder's name. Errors: MigrationNameTooLong, FileUnwritable,
    /// InvalidArgument (the folder exists).
    static Result<QString> write(const Migrator &migrator, const Plan &plan, const QString &name,
                                 const QDateTime &time = QDateTime::currentDateTimeUtc());

    /// Step 3: applies the pending migrations (Migrator::deploy).
    static Result<DeployResult> apply(Migrator &migrator,
                                      const Migrator::ProgressCallback &progress = {});

    /// The reason Prisma gives for a reset (dev_diagnostic.rs), from a status with drift, or
    /// an empty string when nothing calls for one.
    static QString resetReason(const MigrationStatus &status);
};

} // namespace gh
