#pragma once

#include "core/common/Result.h"
#include "core/migrate/DiffSource.h"
#include "core/migrate/ShadowDatabase.h"
#include "core/sql/Migration.h"
#include "core/url/DatabaseUrl.h"

#include <functional>

namespace gh::prisma {
class SchemaSource;
}

namespace gh {

/// `prisma migrate diff`: the migration between two sources (nothing, a schema, a live
/// database, a migrations folder), as Prisma's schema engine computes it.
class MigrationDiff
{
public:
    struct Options
    {
        /// The server on which a migrations folder is replayed (a shadow database is created
        /// there and dropped afterwards): `--shadow-database-url`, else the project's URL.
        DatabaseUrl shadowServer;
        /// Schema files are read in this PostgreSQL schema (the URL's `?schema=`) unless a
        /// database side says otherwise.
        QString defaultNamespace = QStringLiteral("public");
        ShadowDatabase::CancelCheck isCancelled;
        /// Progress for people ("Applying 2 migrations to the shadow database ...").
        std::function<void(const QString &)> log;
    };

    /// A side read into Prisma Migrate's SQL schema.
    struct Side
    {
        sql::SqlSchema schema;
        QString provider; ///< `postgresql`, `sqlite`; empty for nothing
    };

    /// The migration from `from` to `to`. Errors: InvalidArgument (no provider, providers that
    /// differ, a missing migration_lock.toml), FileNotFound, SchemaInvalid (with Prisma's
    /// diagnostics), the database's and the shadow database's.
    static Result<sql::Migration> compute(const DiffSource &from, const DiffSource &to,
                                          const Options &options);

    /// A schema file or folder, validated, as the SQL schema Prisma Migrate computes.
    static Result<Side> loadSchemaFile(const QString &path, const QString &defaultNamespace,
                                       const QString &flag = QStringLiteral("--schema"));
    /// A parsed schema (e.g. the text of an editor), validated; `displayPath` names it in errors.
    static Result<Side> loadSchema(const prisma::SchemaSource &source,
                                   const QString &defaultNamespace, const QString &displayPath);
    /// A live database.
    static Result<Side> loadDatabase(const DatabaseUrl &url,
                                     const ShadowDatabase::CancelCheck &isCancelled = {});
    /// A migrations folder, replayed on a shadow database created on `server`.
    static Result<Side> loadMigrations(const QString &folder, const DatabaseUrl &server,
                                       const QString &defaultNamespace, const Options &options);
};

} // namespace gh
