#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace gh {

/// `migration_lock.toml`, the file that pins a migrations folder to one database provider.
class MigrationLockFile
{
public:
    static QString fileName() { return QStringLiteral("migration_lock.toml"); }

    /// The bytes Prisma writes: two comment lines and the provider line, LF line ends.
    static QByteArray render(const QString &provider);

    /// The provider as Prisma reads it: the first line that starts with `provider`, without a
    /// leading `provider = ` and without surrounding double quotes. Prisma reads nothing else,
    /// so `provider="x"` (no spaces) reads as `provider="x`, and a file without such a line
    /// reads as `<PROVIDER NOT FOUND>`.
    static QString providerFrom(const QByteArray &content);

    /// MigrationProviderMismatch (Prisma's P3019) when the lock file names another provider.
    /// A folder without a lock file passes, as with Prisma.
    static Status checkProvider(const std::optional<QByteArray> &content, const QString &provider);

    /// Writes the file into `migrationsPath`, replacing it. FileUnwritable on failure.
    static Status write(const QString &migrationsPath, const QString &provider);
};

} // namespace gh
