#pragma once

#include "core/common/Result.h"
#include "core/migrate/DevMigration.h"
#include "core/migrate/MigrationStatus.h"
#include "core/migrate/MigrationsFolder.h"
#include "core/migrate/Migrator.h"
#include "core/sql/MigrationScript.h"
#include "ui/migrate/MigrationProject.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace gh::ui {

/// The migrations folder and, when the database answered, its history.
struct MigrationOverview
{
    /// Read even when the database cannot be reached, so the scripts stay visible.
    std::optional<MigrationsFolder> folder;
    std::optional<MigrationStatus> status;
    /// Why the folder or the status could not be read (a null Error when both were).
    std::optional<Error> error;
};

/// A schema file as the editor holds it (saved or not).
struct SchemaText
{
    QString path;
    QByteArray text;
};

/// What creating a migration from a schema would write, computed before anything is written.
struct CreationPreview
{
    /// The migration.sql that would be written, byte for byte.
    QString script;
    bool isEmpty = false;
    /// Warnings (data may be lost) and unexecutable steps, as sentences.
    QStringList warnings;
    QStringList unexecutable;
    /// Local migrations the database has not applied yet.
    QStringList pendingMigrationNames;
    /// How the preview was computed, for people (the shadow database used, what was not
    /// checked).
    QStringList notes;
    QString provider;
    /// The plan DevMigration computed (its script is `script`); null when the preview came
    /// from the diff engine alone (no database file yet).
    std::shared_ptr<const DevMigration::Plan> plan;
};

/// The blocking work of the Migrations view, composed from core/migrate: each function opens
/// its own connection in the calling (worker) thread and closes it before returning.
namespace MigrationTasks {

using CancelCheck = std::function<bool()>;
using LogSink = std::function<void(const QString &)>;

/// Reads the folder, then Migrator::status (with a drift check when one is given).
MigrationOverview overview(const MigrationProject &project,
                           const Migrator::DriftCheck &driftCheck = Migrator::DriftCheck());

/// `migrate deploy`. `isCancelled` is asked while waiting for the lock and between migrations.
Result<DeployResult> deploy(const MigrationProject &project,
                            const Migrator::ProgressCallback &progress,
                            const CancelCheck &isCancelled);

/// `migrate resolve --applied` (applied = true) or `--rolled-back`.
Status resolve(const MigrationProject &project, const QString &migrationName, bool applied);

/// The migration from the migrations folder (replayed on a shadow database) to `schema`, as
/// `migrate dev --create-only` would write it (DevMigration::plan), with the warnings and
/// their row counts read from the live database. Writes nothing; applies nothing.
Result<CreationPreview> previewCreation(const MigrationProject &project,
                                        const QList<SchemaText> &schema,
                                        const CancelCheck &isCancelled, const LogSink &log);

/// Writes the previewed script as `<timestamp>_<name>/migration.sql` (`name` as typed, made
/// Prisma's folder name by DevMigration::migrationName); returns the folder name.
Result<QString> writeMigration(const MigrationProject &project, const CreationPreview &preview,
                               const QString &name);

} // namespace MigrationTasks

} // namespace gh::ui
