#pragma once

#include "core/common/Result.h"
#include "core/migrate/MigrationDirectory.h"
#include "core/sql/SqlSchema.h"
#include "core/url/DatabaseUrl.h"

#include <QTemporaryDir>
#include <QVector>
#include <functional>
#include <memory>

namespace gh {

class Database;

/// A throwaway place to replay migrations in, created and dropped by Gatehouse, as Prisma
/// Migrate's shadow database: the schema the migrations produce is read back from it.
///
/// - PostgreSQL: `CREATE DATABASE prisma_migrate_shadow_db_<uuid>` on the server of the given
///   URL (Prisma's name). When the user may not create databases (SQLSTATE 42501), a schema
///   `prisma_migrate_shadow_schema_<uuid>` in the same database instead; description() says
///   which.
/// - SQLite: a file in a temporary folder.
///
/// Dropped by the destructor (or drop()); blocking, one thread.
class ShadowDatabase
{
public:
    enum class Kind { Database, Schema, SqliteFile };
    using CancelCheck = std::function<bool()>;

    /// The URL of the same server with another database and/or `?schema=` (empty: unchanged).
    static Result<DatabaseUrl> serverUrl(const DatabaseUrl &url, const QString &database,
                                         const QString &schema);

    /// What to do on PostgreSQL when the user may not create databases.
    enum class Fallback {
        SchemaInDatabase, ///< a shadow schema in the database itself (migrate dev, diff)
        None,             ///< fail: nothing may be written into the database (status)
    };

    /// Errors: MigrationShadowCreateFailed, and those of connecting.
    static Result<std::unique_ptr<ShadowDatabase>>
    create(const DatabaseUrl &url, Fallback fallback = Fallback::SchemaInDatabase);

    ~ShadowDatabase();
    ShadowDatabase(const ShadowDatabase &) = delete;
    ShadowDatabase &operator=(const ShadowDatabase &) = delete;

    Kind kind() const { return m_kind; }
    /// The database, schema or file name.
    QString name() const { return m_name; }
    /// For people: "shadow database prisma_migrate_shadow_db_… (dropped afterwards)", or why a
    /// schema was used instead.
    QString description() const;
    Database &database() { return *m_database; }

    /// Runs each migration.sql as one script, in order. Errors: MigrationShadowApplyFailed
    /// (Prisma's P3006, naming the migration), MigrationFileMissing, Cancelled.
    Status apply(const QVector<MigrationDirectory> &migrations,
                 const CancelCheck &isCancelled = CancelCheck());
    /// What the migrations produced, in `targetNamespace` (the real database's schema) so that
    /// it compares with the real database.
    Result<sql::SqlSchema> introspect(const QString &targetNamespace);
    /// Drops the shadow database, schema or file; also done by the destructor.
    Status drop();

private:
    ShadowDatabase() = default;

    Kind m_kind = Kind::Database;
    QString m_name;
    DatabaseUrl m_url;
    std::unique_ptr<Database> m_admin; // the real database's connection, to drop the shadow
    std::unique_ptr<Database> m_database;
    std::unique_ptr<QTemporaryDir> m_folder;
    bool m_dropped = false;
};

} // namespace gh
