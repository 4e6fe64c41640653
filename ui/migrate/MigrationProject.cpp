#include "ui/migrate/MigrationProject.h"

#include "core/auth/AuthWorkspace.h"
#include "core/url/ProjectResolver.h"

#include <QDir>
#include <QFileInfo>

namespace gh::ui {

namespace {

// The schema as the workspace found it: its one file, or the folder all its files share.
QString schemaPathOf(const QStringList &files)
{
    if (files.size() == 1)
        return files.constFirst();
    QString common = QFileInfo(files.constFirst()).absolutePath();
    for (const QString &file : files) {
        const QString folder = QFileInfo(file).absolutePath();
        while (folder != common && !folder.startsWith(common + QLatin1Char('/'))) {
            const QString up = QFileInfo(common).absolutePath();
            if (up == common)
                break;
            common = up;
        }
    }
    return common;
}

} // namespace

Result<MigrationProject> MigrationProject::fromWorkspace(const AuthWorkspace &workspace)
{
    if (workspace.schemaFiles().isEmpty())
        return Error(Error::Code::SchemaNotFound,
                     QStringLiteral("Migrations need a Prisma schema: this database was opened "
                                    "from a URL alone"),
                     QStringLiteral("Open the project folder (or pass --schema) to see its "
                                    "migrations folder."));

    // The resolver finds the datasource file (and so the migrations folder) exactly as the
    // CLI does; the URL is the workspace's, whatever the environment says now.
    ProjectOptions options;
    options.urlOverride = workspace.url().toString();
    options.schemaOverride = schemaPathOf(workspace.schemaFiles());
    options.workingDirectory = workspace.projectDirectory();
    auto resolved = ProjectResolver::resolve(options);
    if (!resolved)
        return resolved.error();
    resolved->url = workspace.url();
    resolved->urlText = workspace.url().toString();
    auto target = MigrationTarget::fromProject(*resolved);
    if (!target)
        return target.error();

    MigrationProject project;
    project.target = *target;
    project.projectDirectory = workspace.projectDirectory();
    project.schemaFiles = workspace.schemaFiles();
    project.readOnlyReason = workspace.readOnlyReason();
    return project;
}

Result<MigrationProject> MigrationProject::fromSchemaFiles(const QStringList &schemaFiles,
                                                           const QString &readOnlyReason)
{
    if (schemaFiles.isEmpty())
        return Error(Error::Code::SchemaNotFound, QStringLiteral("No Prisma schema is open"));
    ProjectOptions options;
    options.schemaOverride = schemaPathOf(schemaFiles);
    auto resolved = ProjectResolver::resolve(options);
    if (!resolved)
        return resolved.error();
    auto target = MigrationTarget::fromProject(*resolved);
    if (!target)
        return target.error();
    MigrationProject project;
    project.target = *target;
    project.projectDirectory = resolved->rootDirectory;
    project.schemaFiles = resolved->schemaFiles;
    project.readOnlyReason = readOnlyReason;
    return project;
}

} // namespace gh::ui
