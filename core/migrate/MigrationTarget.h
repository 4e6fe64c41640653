#pragma once

#include "core/common/Result.h"
#include "core/url/DatabaseUrl.h"

#include <QString>

namespace gh {

struct ResolvedProject;

/// What Migrate works on: a database, the migrations folder that belongs to it and the
/// datasource's provider (which migration_lock.toml must name).
struct MigrationTarget
{
    DatabaseUrl url;
    /// `prisma/migrations`: next to the schema file that holds the datasource block.
    QString migrationsPath;
    /// The datasource's `provider` ("postgresql", "sqlite", "cockroachdb", ...).
    QString provider;
    /// The datasource block's name ("db").
    QString datasourceName = QStringLiteral("db");
    /// The schema file or folder, for "Prisma schema loaded from ...". May be empty.
    QString schemaPath;
    /// The URL as the user wrote it, for the SQLite location Prisma prints. Sensitive.
    QString urlText;

    /// From a resolved project. `migrationsPath` overrides the folder (Prisma 7's
    /// `migrations.path` in prisma.config.ts); without it the project needs a schema.
    /// Errors: SchemaNotFound.
    static Result<MigrationTarget> fromProject(const ResolvedProject &project,
                                               const QString &migrationsPath = QString());

    /// "postgresql" / "sqlite": the provider a URL implies when no datasource names one.
    static QString providerFor(DatabaseUrl::Provider provider);
};

} // namespace gh
