#pragma once

#include <QByteArray>
#include <QString>

namespace gh {

/// The checksum Prisma Migrate records for a migration.sql: SHA-256 of the file's exact bytes
/// (no trimming, a BOM kept) as 64 lowercase hex characters.
class MigrationChecksum
{
public:
    static constexpr int Length = 64;

    static QString compute(const QByteArray &script);

    /// Whether `script` matches a checksum read from `_prisma_migrations`, as Prisma compares:
    /// the script as is, with CRLF turned into LF, or with LF turned into CRLF (git may have
    /// changed the line endings on checkout); a stored checksum whose length is not 64 was
    /// written by an old engine that did not zero-pad each byte.
    static bool matches(const QByteArray &script, const QString &stored);
};

} // namespace gh
