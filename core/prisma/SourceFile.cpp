#include "core/prisma/SourceFile.h"

#include "core/prisma/Utf8.h"

#include <QFile>
#include <algorithm>
#include <cstdint>
#include <cstring>

namespace gh::prisma {

namespace {

bool isAscii(const char *p, const char *end)
{
    std::uint64_t high = 0;
    for (; end - p >= 8; p += 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        high |= word;
    }
    for (; p < end; ++p)
        high |= static_cast<unsigned char>(*p);
    return (high & 0x8080808080808080ULL) == 0;
}

int utf16Length(const char *p, const char *end)
{
    int units = 0;
    while (p < end) {
        const utf8::Step step = utf8::decode(p, end);
        p += step.bytes;
        units += step.utf16Units;
    }
    return units;
}

} // namespace

SourceFile::SourceFile(QString path, QByteArray content)
    : m_path(std::move(path))
    , m_content(std::move(content))
{
    const char *const begin = m_content.constData();
    const char *const end = begin + m_content.size();
    const bool ascii = isAscii(begin, end);
    int utf16 = 0;
    for (const char *p = begin; p < end;) {
        auto lineEnd = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!lineEnd)
            lineEnd = end;
        if (auto cr = static_cast<const char *>(std::memchr(p, '\r', size_t(lineEnd - p))))
            lineEnd = cr;
        if (!ascii)
            utf16 += utf16Length(p, lineEnd);
        if (lineEnd == end)
            break;
        const int breakLength =
            (*lineEnd == '\r' && lineEnd + 1 < end && lineEnd[1] == '\n') ? 2 : 1;
        p = lineEnd + breakLength;
        m_lineStarts.append(int(p - begin));
        if (!ascii) {
            utf16 += breakLength;
            m_lineUtf16Starts.append(utf16);
        }
    }
    if (ascii) // UTF-16 offsets are byte offsets; the lists share their data
        m_lineUtf16Starts = m_lineStarts;
}

Result<SourceFile> SourceFile::read(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error(Error::Code::FileNotFound,
                     QStringLiteral("The schema file %1 does not exist.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::FileUnreadable,
                     QStringLiteral("The schema file %1 cannot be read.").arg(path),
                     file.errorString());
    return SourceFile(path, file.readAll());
}

QByteArrayView SourceFile::text(SourceRange range) const
{
    const int start = std::clamp(range.start, 0, size());
    const int end = std::clamp(range.end, start, size());
    return QByteArrayView(m_content.constData() + start, end - start);
}

QString SourceFile::string(SourceRange range) const
{
    const QByteArrayView bytes = text(range);
    return QString::fromUtf8(bytes.data(), bytes.size());
}

int SourceFile::lineStart(int line) const
{
    return m_lineStarts.at(std::clamp(line, 1, lineCount()) - 1);
}

int SourceFile::lineEnd(int line) const
{
    if (line >= lineCount())
        return size();
    int end = m_lineStarts.at(std::max(line, 1)); // start of the next line
    const char *data = m_content.constData();
    if (end > 0 && data[end - 1] == '\n')
        --end;
    if (end > 0 && data[end - 1] == '\r')
        --end;
    return end;
}

int SourceFile::lineAt(int offset) const
{
    const auto next = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    return int(next - m_lineStarts.cbegin());
}

SourcePosition SourceFile::position(int offset) const
{
    offset = std::clamp(offset, 0, size());
    const int line = lineAt(offset);
    SourcePosition position;
    position.offset = offset;
    position.line = line;
    position.utf16Offset = m_lineUtf16Starts.at(line - 1);

    const char *const end = m_content.constData() + offset;
    const char *p = m_content.constData() + m_lineStarts.at(line - 1);
    while (p < end) {
        const utf8::Step step = utf8::decode(p, m_content.constData() + size());
        p += step.bytes;
        position.utf16Offset += step.utf16Units;
        ++position.column;
    }
    return position;
}

} // namespace gh::prisma
