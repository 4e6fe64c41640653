#pragma once

#include "core/common/Result.h"
#include "core/migrate/MigrationDirectory.h"

#include <QDateTime>
#include <QStringList>
#include <QVector>
#include <optional>

namespace gh {

/// A `prisma/migrations` folder as Prisma 7 reads it: every sub-folder is a migration (its
/// migration.sql may be missing; that becomes an error only when the migration is needed), the
/// lock file is read if present, and migrations are ordered as Prisma's `localeCompare` orders
/// folder names (so `1_a` comes before `10_a`).
class MigrationsFolder
{
public:
    /// Longest migration name Prisma accepts when it creates one (the part after the timestamp).
    static constexpr int MaxNameLength = 200;

    /// Reads `path`. A missing folder reads as an empty one, as with Prisma.
    /// Errors: FileUnreadable when `path` exists and is not a readable folder.
    static Result<MigrationsFolder> read(const QString &path);

    QString path() const { return m_path; }
    bool exists() const { return m_exists; }
    const QVector<MigrationDirectory> &migrations() const { return m_migrations; }
    QStringList names() const;
    const MigrationDirectory *find(const QString &name) const;
    /// The bytes of migration_lock.toml, or nothing when the folder has none.
    const std::optional<QByteArray> &lockFile() const { return m_lockFile; }

    /// Prisma 7's order of migration names: ICU collation for en-US, as Node's localeCompare.
    static bool lessThan(const QString &a, const QString &b);

    /// `<UTC yyyyMMddHHmmss>_<name>`.
    static QString directoryName(const QDateTime &time, const QString &name);

    /// Writes `<path>/<timestamp>_<name>/migration.sql` and migration_lock.toml, creating the
    /// folders, and returns the new migration's folder name. Errors: MigrationNameTooLong (more
    /// than 200 bytes), InvalidArgument (the folder exists), FileUnwritable.
    static Result<QString> createMigration(const QString &path, const QString &name,
                                           const QByteArray &script, const QString &provider,
                                           const QDateTime &time = QDateTime::currentDateTimeUtc());

private:
    QString m_path;
    bool m_exists = false;
    QVector<MigrationDirectory> m_migrations;
    std::optional<QByteArray> m_lockFile;
};

} // namespace gh
