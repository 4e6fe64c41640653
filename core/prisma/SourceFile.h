#pragma once

#include "core/common/Result.h"
#include "core/prisma/SourceRange.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace gh::prisma {

/// The text of one `.prisma` file with an index of its lines.
///
/// The text is kept as UTF-8 bytes, exactly as read: offsets everywhere in core/prisma are
/// byte offsets into it. UTF-16 offsets are exact for valid UTF-8 and count a leading byte
/// order mark as one unit (QString::fromUtf8 drops it; Prisma does not, and rejects the line).
/// Copies are cheap (the bytes and the index are implicitly shared) and a SourceFile is immutable,
/// so it may be read from several threads.
class SourceFile
{
public:
    SourceFile() = default;

    /// `path` names the file in diagnostics and is kept as given (relative paths stay
    /// relative); `content` is the file's UTF-8 text.
    SourceFile(QString path, QByteArray content);

    /// Reads a file from disk. Errors: FileNotFound, FileUnreadable.
    static Result<SourceFile> read(const QString &path);

    const QString &path() const { return m_path; }
    const QByteArray &content() const { return m_content; }
    int size() const { return int(m_content.size()); }

    /// The bytes of `range` (clamped to the file); valid while this SourceFile lives.
    QByteArrayView text(SourceRange range) const;
    /// The text of `range` decoded from UTF-8.
    QString string(SourceRange range) const;

    int lineCount() const { return int(m_lineStarts.size()); }
    /// Byte offset of the first character of the 1-based `line`.
    int lineStart(int line) const;
    /// Byte offset of the line break that ends `line`, or the file size for the last line.
    int lineEnd(int line) const;
    /// The 1-based line that holds byte `offset`.
    int lineAt(int offset) const;

    /// Line, column and UTF-16 offset of byte `offset` (clamped to [0, size()]).
    /// Costs a binary search plus a scan of the line up to the offset.
    SourcePosition position(int offset) const;

private:
    QString m_path;
    QByteArray m_content;
    QList<int> m_lineStarts{0};      // byte offset of each line's start
    QList<int> m_lineUtf16Starts{0}; // the same in UTF-16 units
};

} // namespace gh::prisma
