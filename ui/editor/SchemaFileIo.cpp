#include "ui/editor/SchemaFileIo.h"

#include "core/common/SaveFile.h"
#include "core/prisma/SchemaSource.h"

#include <QFileInfo>
#include <QtConcurrent>

namespace gh::ui {

QFuture<Result<QList<prisma::SourceFile>>> SchemaFileIo::load(const QStringList &paths)
{
    return QtConcurrent::run([paths] { return loadNow(paths); });
}

QFuture<Result<QByteArray>> SchemaFileIo::read(const QString &path)
{
    return QtConcurrent::run([path]() -> Result<QByteArray> {
        Result<prisma::SourceFile> file = prisma::SourceFile::read(path);
        if (!file)
            return file.error();
        return file->content();
    });
}

QFuture<Status> SchemaFileIo::write(const QString &path, const QByteArray &bytes)
{
    return QtConcurrent::run([path, bytes] { return writeNow(path, bytes); });
}

Result<QList<prisma::SourceFile>> SchemaFileIo::loadNow(const QStringList &paths)
{
    QList<prisma::SourceFile> files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            Result<prisma::SchemaSource> schema =
                prisma::SchemaSource::load(info.absoluteFilePath());
            if (!schema)
                return schema.error();
            for (const prisma::ParsedFile &file : schema->files())
                files << file.source;
        } else {
            Result<prisma::SourceFile> file = prisma::SourceFile::read(info.absoluteFilePath());
            if (!file)
                return file.error();
            files << *file;
        }
    }
    return files;
}

Status SchemaFileIo::writeNow(const QString &path, const QByteArray &bytes)
{
    return saveFile(path, bytes, QStringLiteral("the schema file"));
}

} // namespace gh::ui
