#pragma once

namespace gh::prisma {

/// A half-open range [start, end) of UTF-8 byte offsets into one source file.
///
/// Every token and syntax-tree node carries one. Byte offsets are what QScintilla positions
/// are, and they slice the file's UTF-8 text without decoding; SourceFile::position() turns
/// an offset into a line, a column and a QString offset.
struct SourceRange
{
    int start = 0;
    int end = 0;

    int length() const { return end - start; }
    bool isEmpty() const { return end <= start; }
    bool contains(int offset) const { return offset >= start && offset < end; }
    bool contains(SourceRange other) const { return other.start >= start && other.end <= end; }

    friend bool operator==(SourceRange a, SourceRange b)
    {
        return a.start == b.start && a.end == b.end;
    }
    friend bool operator!=(SourceRange a, SourceRange b) { return !(a == b); }
};

/// Where a byte offset lies in a file, in the units each consumer needs.
struct SourcePosition
{
    int offset = 0;      ///< UTF-8 byte offset (QScintilla position)
    int utf16Offset = 0; ///< offset into the file decoded as a QString
    int line = 1;        ///< 1-based; `\n`, `\r\n` and a lone `\r` each end a line, as in Prisma
    int column = 1; ///< 1-based, in Unicode code points: `é`, `名` and `😀` count one, a tab one

    friend bool operator==(const SourcePosition &a, const SourcePosition &b)
    {
        return a.offset == b.offset && a.utf16Offset == b.utf16Offset && a.line == b.line &&
               a.column == b.column;
    }
    friend bool operator!=(const SourcePosition &a, const SourcePosition &b) { return !(a == b); }
};

} // namespace gh::prisma
