#include "ui/migrate/MigrationTasks.h"

#include "core/db/Database.h"
#include "core/migrate/DevMigration.h"
#include "core/migrate/DiffSource.h"
#include "core/migrate/MigrationDiff.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/SourceFile.h"
#include "core/sql/DestructiveChangeChecker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace gh::ui::MigrationTasks {

namespace {

Result<std::unique_ptr<Migrator>>
connect(const MigrationProject &project, const CancelCheck &isCancelled,
        Migrator::Connect mode = Migrator::Connect::ExistingDatabase)
{
    Migrator::Options options;
    options.lock.isCancelled = isCancelled;
    return Migrator::connect(project.target, options, mode);
}

Error readOnlyError(const MigrationProject &project)
{
    return Error(Error::Code::ReadOnly,
                 QStringLiteral("This workspace is read-only: %1").arg(project.readOnlyReason));
}

// The folder the schema's files share, so that a multi-file schema keeps its layout.
QString commonFolder(const QList<SchemaText> &schema)
{
    QString common = QFileInfo(schema.constFirst().path).absolutePath();
    for (const SchemaText &file : schema) {
        const QString folder = QFileInfo(file.path).absolutePath();
        while (folder != common && !folder.startsWith(common + QLatin1Char('/'))) {
            const QString up = QFileInfo(common).absolutePath();
            if (up == common)
                break;
            common = up;
        }
    }
    return common;
}

// The editor's text (saved or not) copied into `dir`, since the committed diff API reads
// schemas from files. Returns the path to pass as `--to-schema`.
Result<QString> writeSchemaCopy(const QTemporaryDir &dir, const QList<SchemaText> &schema)
{
    if (schema.isEmpty())
        return Error(Error::Code::SchemaNotFound,
                     QStringLiteral("No schema is open in the editor"));
    const bool single = schema.size() == 1;
    const QString root = commonFolder(schema);
    const QString target = single ? dir.filePath(QFileInfo(schema.constFirst().path).fileName())
                                  : dir.filePath(QStringLiteral("schema"));
    for (const SchemaText &file : schema) {
        const QString path =
            single ? target : QDir(target).filePath(QDir(root).relativeFilePath(file.path));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.text) != file.text.size())
            return Error(Error::Code::FileUnwritable,
                         QStringLiteral("Could not write a copy of the schema to %1")
                             .arg(QDir::toNativeSeparators(path)),
                         out.errorString());
    }
    return target;
}

QStringList descriptions(const QList<sql::ChangeDiagnostics::Item> &items)
{
    QStringList texts;
    for (const auto &item : items)
        texts << item.description;
    return texts;
}

} // namespace

MigrationOverview overview(const MigrationProject &project, const Migrator::DriftCheck &driftCheck)
{
    MigrationOverview overview;
    auto folder = MigrationsFolder::read(project.target.migrationsPath);
    if (!folder) {
        overview.error = folder.error();
        return overview;
    }
    overview.folder = *folder;
    const DatabaseUrl &url = project.target.url;
    if (url.provider() == DatabaseUrl::Provider::SQLite &&
        !QFileInfo::exists(url.sqliteFilePath())) {
        // No file yet: an empty database, every migration pending. Deploy creates the file,
        // as `prisma migrate deploy` does; reading the status must not.
        overview.status = MigrationStatus::compute(folder->migrations(), {}, false);
        return overview;
    }
    auto migrator = connect(project, CancelCheck());
    if (!migrator) {
        overview.error = migrator.error();
        return overview;
    }
    if (project.isReadOnly())
        (*migrator)->database().setReadOnly(project.readOnlyReason);
    auto status = (*migrator)->status(driftCheck);
    if (!status)
        overview.error = status.error();
    else
        overview.status = *status;
    return overview;
}

Result<DeployResult> deploy(const MigrationProject &project,
                            const Migrator::ProgressCallback &progress,
                            const CancelCheck &isCancelled)
{
    if (project.isReadOnly())
        return readOnlyError(project);
    // As `prisma migrate deploy`: a missing SQLite file is created.
    auto migrator = connect(project, isCancelled, Migrator::Connect::CreateSqliteFileIfMissing);
    if (!migrator)
        return migrator.error();
    return (*migrator)->deploy(progress);
}

Status resolve(const MigrationProject &project, const QString &migrationName, bool applied)
{
    if (project.isReadOnly())
        return readOnlyError(project);
    auto migrator = connect(project, CancelCheck());
    if (!migrator)
        return migrator.error();
    return applied ? (*migrator)->resolveApplied(migrationName)
                   : (*migrator)->resolveRolledBack(migrationName);
}

namespace {

// Without a database file yet (SQLite), plan() has nothing to read counts from and would
// create the file: the migration comes from the diff engine alone, from the folder (replayed on
// a shadow file) or from nothing.
Result<CreationPreview> previewWithoutDatabase(const MigrationProject &project,
                                               const QList<SchemaText> &schema,
                                               const MigrationsFolder &folder,
                                               const CancelCheck &isCancelled, const LogSink &log)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error(Error::Code::FileUnwritable,
                     QStringLiteral("Could not create a temporary folder"), dir.errorString());
    auto schemaPath = writeSchemaCopy(dir, schema);
    if (!schemaPath)
        return schemaPath.error();
    const bool fromEmpty = folder.migrations().isEmpty();
    const DiffSource from =
        fromEmpty ? DiffSource::empty() : DiffSource::migrations(project.target.migrationsPath);
    MigrationDiff::Options options;
    options.shadowServer = project.target.url;
    options.isCancelled = isCancelled;
    options.log = log;
    auto migration = MigrationDiff::compute(from, DiffSource::schemaFile(*schemaPath), options);
    if (!migration)
        return migration.error();

    CreationPreview preview;
    preview.provider = project.target.provider;
    const sql::ChangeDiagnostics diagnostics = sql::DestructiveChangeChecker::pureCheck(*migration);
    preview.script = sql::MigrationScript::render(*migration, diagnostics);
    preview.isEmpty = migration->isEmpty();
    preview.warnings = descriptions(diagnostics.warnings);
    preview.unexecutable = descriptions(diagnostics.unexecutable);
    for (const MigrationDirectory &local : folder.migrations())
        preview.pendingMigrationNames << local.name;
    preview.notes << QStringLiteral("The database file does not exist yet: nothing to count, "
                                    "every migration is pending.");
    return preview;
}

} // namespace

Result<CreationPreview> previewCreation(const MigrationProject &project,
                                        const QList<SchemaText> &schema,
                                        const CancelCheck &isCancelled, const LogSink &log)
{
    if (schema.isEmpty())
        return Error(Error::Code::SchemaNotFound,
                     QStringLiteral("No schema is open in the editor"));
    const DatabaseUrl &url = project.target.url;
    if (url.provider() == DatabaseUrl::Provider::SQLite &&
        !QFileInfo::exists(url.sqliteFilePath())) {
        auto folder = MigrationsFolder::read(project.target.migrationsPath);
        if (!folder)
            return folder.error();
        return previewWithoutDatabase(project, schema, *folder, isCancelled, log);
    }

    auto migrator = connect(project, isCancelled);
    if (!migrator)
        return migrator.error();
    QList<prisma::SourceFile> files;
    for (const SchemaText &file : schema)
        files << prisma::SourceFile(file.path, file.text);
    DevMigration::Options options;
    options.isCancelled = isCancelled;
    options.log = log;
    // Pending migrations are not applied by a preview: Create and Apply runs them after.
    options.applyPending = false;
    auto plan = DevMigration::plan(**migrator, prisma::SchemaSource::fromFiles(files), options);
    if (!plan)
        return plan.error();

    CreationPreview preview;
    preview.script = plan->script;
    preview.isEmpty = plan->isEmpty();
    preview.warnings = descriptions(plan->liveDiagnostics.warnings);
    preview.unexecutable = descriptions(plan->liveDiagnostics.unexecutable);
    preview.pendingMigrationNames = plan->pendingMigrationNames;
    preview.provider = plan->provider;
    if (!plan->shadowDescription.isEmpty())
        preview.notes << QStringLiteral("Computed on the %1.").arg(plan->shadowDescription);
    if (!preview.pendingMigrationNames.isEmpty())
        preview.notes << QStringLiteral("Warnings count only the tables that exist before the "
                                        "pending migrations run.");
    preview.plan = std::make_shared<const DevMigration::Plan>(std::move(*plan));
    return preview;
}

Result<QString> writeMigration(const MigrationProject &project, const CreationPreview &preview,
                               const QString &name)
{
    if (project.isReadOnly())
        return readOnlyError(project);
    if (preview.plan) {
        auto migrator = connect(project, CancelCheck());
        if (!migrator)
            return migrator.error();
        return DevMigration::write(**migrator, *preview.plan, name);
    }
    return MigrationsFolder::createMigration(project.target.migrationsPath,
                                             DevMigration::migrationName(name),
                                             preview.script.toUtf8(), preview.provider);
}

} // namespace gh::ui::MigrationTasks
