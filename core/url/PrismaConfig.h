#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace gh {

/// What a Prisma 7 `prisma.config.ts` says about the project, read without running it.
///
/// Prisma 7 moves the database URL out of `schema.prisma` into this TypeScript file, and it may
/// also move the schema and the migrations folder. Gatehouse never runs Node, so it reads the
/// forms people write — string literals, `path.join("prisma", "schema.prisma")`,
/// `env("DATABASE_URL")`, `process.env.DATABASE_URL` (with `?? "fallback"`) — inside
/// `defineConfig({...})` or a plain exported object. A value it cannot work out (a function
/// call, a variable) is not guessed: it is left unset and a warning says where it is
/// (`file:line:col`), so the caller falls back to Prisma's defaults or the user's flags.
struct PrismaConfig
{
    /// The file names Prisma 7 looks for in the project folder, in its order.
    static const QStringList &fileNames();

    struct Value
    {
        enum class Kind { Absent, Literal, EnvironmentVariable };
        Kind kind = Kind::Absent;
        QString text;     ///< the literal (a path is already joined), or the variable name
        QString fallback; ///< `process.env.X ?? "fallback"`: used when X is not set
        bool isSet() const { return kind != Kind::Absent; }
    };

    QString path; ///< absolute path of the config file
    Value schema;
    Value migrationsPath;
    Value url; ///< `datasource: { url: ... }`
    /// Values that are there but were not understood, as `file:line:col: warning: ...`.
    QStringList warnings;

    /// The config file in `folder` (see fileNames()), or nothing. Errors: FileUnreadable.
    static Result<std::optional<PrismaConfig>> find(const QString &folder);
    static PrismaConfig parse(const QString &path, const QByteArray &text);

    /// The folder relative paths in the config are resolved against.
    QString folder() const;
};

} // namespace gh
