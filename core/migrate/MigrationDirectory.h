#pragma once

#include "core/migrate/MigrationChecksum.h"

#include <QByteArray>
#include <QDir>
#include <QString>

namespace gh {

/// One migration of a migrations folder: `<folder>/<name>/migration.sql`. The folder name is
/// the migration's name, the key of its rows in `_prisma_migrations`.
struct MigrationDirectory
{
    QString name;
    /// The migration's folder, absolute.
    QString path;
    /// The bytes of migration.sql, exactly as stored.
    QByteArray script;
    /// False when migration.sql is missing or unreadable; `readError` then says why.
    bool hasScript = false;
    QString readError;

    static QString scriptFileName() { return QStringLiteral("migration.sql"); }
    QString scriptPath() const { return QDir(path).filePath(scriptFileName()); }
    QString checksum() const { return MigrationChecksum::compute(script); }
};

} // namespace gh
