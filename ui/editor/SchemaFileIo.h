#pragma once

#include "core/common/Result.h"
#include "core/prisma/SourceFile.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QStringList>

namespace gh::ui {

/// File work of the schema editor, off the GUI thread: a large schema never freezes the
/// window while it is read, and saves are atomic (QSaveFile: a temporary file renamed over the
/// original, so a crash never leaves half a schema).
class SchemaFileIo
{
public:
    /// Reads the schema made of `paths`: files, or a folder whose `.prisma` files form one
    /// schema (read as Prisma does, see prisma::SchemaSource::load). Paths come back absolute.
    static QFuture<Result<QList<prisma::SourceFile>>> load(const QStringList &paths);
    static QFuture<Result<QByteArray>> read(const QString &path);
    static QFuture<Status> write(const QString &path, const QByteArray &bytes);

    /// The same, in the calling thread.
    static Result<QList<prisma::SourceFile>> loadNow(const QStringList &paths);
    static Status writeNow(const QString &path, const QByteArray &bytes);
};

} // namespace gh::ui
