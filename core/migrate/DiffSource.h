#pragma once

#include <QString>

namespace gh {

/// One side of `migrate diff`: nothing, a Prisma schema file or folder, a live database, or a
/// migrations folder (replayed on a shadow database).
struct DiffSource
{
    enum class Kind { Empty, SchemaFile, Url, Migrations };

    Kind kind = Kind::Empty;
    /// The path or the URL (sensitive: it may hold a password).
    QString value;

    static DiffSource empty() { return {}; }
    static DiffSource schemaFile(const QString &path) { return {Kind::SchemaFile, path}; }
    static DiffSource url(const QString &url) { return {Kind::Url, url}; }
    static DiffSource migrations(const QString &path) { return {Kind::Migrations, path}; }

    /// `--from-schema`, `--to-url`, ... as the CLI spells this side.
    QString flag(bool from) const
    {
        static const char *const names[] = {"empty", "schema", "url", "migrations"};
        return QStringLiteral("--%1-%2").arg(from ? QStringLiteral("from") : QStringLiteral("to"),
                                             QLatin1String(names[int(kind)]));
    }
};

} // namespace gh
