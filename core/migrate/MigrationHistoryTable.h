#pragma once

#include "core/common/Result.h"
#include "core/db/SqlDialect.h"
#include "core/migrate/MigrationRecord.h"

#include <QDateTime>
#include <QStringList>
#include <QVector>

namespace gh {

class Database;

/// `_prisma_migrations`, the table Prisma Migrate keeps its history in, in the schema the URL's
/// `?schema=` names. Rows are written the way Prisma's schema engine writes them (client-side
/// UTC timestamps; milliseconds since the epoch on SQLite), so either tool reads the other's.
class MigrationHistoryTable
{
public:
    static QString tableName() { return QStringLiteral("_prisma_migrations"); }

    explicit MigrationHistoryTable(Database &database);

    /// The DDL Prisma runs, with the table name qualified by `schema` on PostgreSQL.
    static QString createStatement(SqlDialect dialect, const QString &schema);

    Result<bool> exists();
    Status create();
    /// Every row, oldest first (ORDER BY started_at).
    Result<QVector<MigrationRecord>> list();
    /// The schema's tables that make it "not empty" for Prisma: ordinary tables only, PostGIS's
    /// own tables ignored. Includes `_prisma_migrations` when it exists.
    Result<QStringList> tables();

    /// Step 1 of applying a migration: the row, committed before the script runs. Returns its id.
    Result<QString> recordStarted(const QString &migrationName, const QString &checksum);
    Status recordSuccessfulStep(const QString &id);
    Status recordFinished(const QString &id);
    Status recordFailed(const QString &id, const QString &logs);
    Status markRolledBack(const QString &id);
    /// resolve --applied: a finished row with empty logs and no steps. Returns its id.
    Result<QString> markApplied(const QString &migrationName, const QString &checksum);

private:
    QString qualifiedTable() const;
    QVariant timestamp(const QDateTime &time) const;
    Status update(const QString &id, const QString &assignment, const QVariant &value);

    Database &m_database;
};

} // namespace gh
