#pragma once

#include "core/common/Result.h"
#include "core/migrate/MigrationTarget.h"

#include <QStringList>

namespace gh {
class AuthWorkspace;
}

namespace gh::ui {

/// What the Migrations view works on: the workspace's database and migrations folder, and
/// whether it may write. A plain value, copied into worker threads.
struct MigrationProject
{
    MigrationTarget target;
    QString projectDirectory;
    QStringList schemaFiles;
    /// Why writes (deploy, resolve, creating a migration) are refused; empty = writable.
    QString readOnlyReason;

    bool isReadOnly() const { return !readOnlyReason.isEmpty(); }

    /// The project of an open workspace: the migrations folder sits next to the schema file
    /// that holds the datasource block, as with Prisma. Reads the schema files: call it off
    /// the GUI thread. Errors: SchemaNotFound (a workspace opened from a bare URL).
    static Result<MigrationProject> fromWorkspace(const AuthWorkspace &workspace);
    /// The project of a schema, resolved as the CLI resolves `--schema PATH` (the URL from the
    /// environment, then `.env`): for when no workspace could be opened. Blocking, like
    /// fromWorkspace().
    static Result<MigrationProject> fromSchemaFiles(const QStringList &schemaFiles,
                                                    const QString &readOnlyReason);
};

} // namespace gh::ui
