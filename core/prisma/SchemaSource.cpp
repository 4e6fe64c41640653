#include "core/prisma/SchemaSource.h"

#include "core/prisma/Parser.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <algorithm>

namespace gh::prisma {

namespace {

// Prisma's loadSchemaFiles: Node's readdir lists a folder sorted by name, and each entry is
// visited in turn, so the order is depth-first by byte order of names.
void collectPrismaFiles(const QString &folder, QSet<QString> &visitedFolders, QStringList &files)
{
    const QString real = QFileInfo(folder).canonicalFilePath();
    if (real.isEmpty() || visitedFolders.contains(real))
        return;
    visitedFolders.insert(real);

    QStringList names = QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot |
                                               QDir::Hidden | QDir::System);
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    for (const QString &name : std::as_const(names)) {
        const QString path = QDir(folder).filePath(name);
        const QFileInfo info(path); // follows symbolic links
        if (info.isDir())
            collectPrismaFiles(path, visitedFolders, files);
        else if (info.isFile() && name.endsWith(QLatin1String(".prisma")))
            files.append(path);
    }
}

} // namespace

SchemaSource SchemaSource::fromFiles(QList<SourceFile> files)
{
    SchemaSource schema;
    schema.m_files.reserve(files.size());
    for (SourceFile &file : files)
        schema.m_files.push_back(Parser::parse(std::move(file)));
    return schema;
}

Result<SchemaSource> SchemaSource::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(Error::Code::FileNotFound,
                     QStringLiteral("The schema path %1 does not exist.").arg(path));

    QStringList paths;
    if (info.isDir()) {
        QSet<QString> visitedFolders;
        collectPrismaFiles(path, visitedFolders, paths);
        if (paths.isEmpty())
            return Error(Error::Code::SchemaNotFound,
                         QStringLiteral("The folder %1 holds no .prisma files.").arg(path));
    } else {
        paths.append(path);
    }

    QList<SourceFile> files;
    for (const QString &filePath : std::as_const(paths)) {
        Result<SourceFile> file = SourceFile::read(filePath);
        if (!file)
            return file.error();
        files.append(std::move(file).value());
    }
    return fromFiles(std::move(files));
}

const ParsedFile *SchemaSource::file(const QString &path) const
{
    const auto found =
        std::find_if(m_files.cbegin(), m_files.cend(),
                     [&path](const ParsedFile &file) { return file.path() == path; });
    return found == m_files.cend() ? nullptr : &*found;
}

QList<Diagnostic> SchemaSource::diagnostics() const
{
    QList<Diagnostic> all;
    for (const ParsedFile &file : m_files)
        all.append(file.diagnostics);
    return all;
}

bool SchemaSource::hasErrors() const
{
    return std::any_of(m_files.cbegin(), m_files.cend(),
                       [](const ParsedFile &file) { return prisma::hasErrors(file.diagnostics); });
}

} // namespace gh::prisma
