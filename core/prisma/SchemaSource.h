#pragma once

#include "core/common/Result.h"
#include "core/prisma/ParsedFile.h"

#include <QList>
#include <QString>
#include <vector>

namespace gh::prisma {

/// A whole Prisma schema: one `.prisma` file, or every `.prisma` file of a folder (Prisma's
/// multi-file schemas, such as `prisma/schema/`). Each file is parsed on its own; together
/// their blocks form one namespace for the validator and the data model, and every node and
/// diagnostic stays tied to the file it came from.
class SchemaSource
{
public:
    SchemaSource() = default;

    /// Parses `files`, keeping their order.
    static SchemaSource fromFiles(QList<SourceFile> files);

    /// Reads and parses `path`: a file, or a folder whose `.prisma` files make one schema.
    /// A folder is read as Prisma's schema loader does: recursively, following symbolic links
    /// (each real folder once), entries in byte order of their names folder by folder, only
    /// names ending in `.prisma`. Paths keep the form of `path` (a relative `path` gives
    /// relative file paths). Errors: FileNotFound (no such path), FileUnreadable, and
    /// SchemaNotFound (a folder without `.prisma` files).
    static Result<SchemaSource> load(const QString &path);

    const std::vector<ParsedFile> &files() const { return m_files; }
    /// The file with this path (as files() spell it), or nullptr.
    const ParsedFile *file(const QString &path) const;
    bool isMultiFile() const { return m_files.size() > 1; }

    /// The parse diagnostics of every file, file by file.
    QList<Diagnostic> diagnostics() const;
    bool hasErrors() const;

private:
    std::vector<ParsedFile> m_files;
};

} // namespace gh::prisma
