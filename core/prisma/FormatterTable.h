#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <array>
#include <string>
#include <vector>

namespace gh::prisma {

class FormatterOutput;

/// One alignment group of `prisma format`: rows of up to three cells (name, type, attributes;
/// or key and `= value`; or name and attributes) whose columns line up, as Prisma's TableFormat
/// (psl/schema-ast/src/renderer/table.rs) lays them out:
/// - a column is as wide as its widest cell in bytes (UTF-8 length, not characters) plus one
///   space; the last non-empty cell of a row gets no padding;
/// - a row's suffix (a trailing comment, or a whole comment line) follows its last cell after
///   one space and plays no part in the widths;
/// - an interleaved row (a line that does not parse) is written as it is and does not break
///   the group either.
///
/// Text is appended piece by piece to the current cell or suffix, all of it into one buffer, so
/// that a group costs no allocation per cell once the buffers have grown.
class FormatterTable
{
public:
    static constexpr int maxColumns = 3;

    /// Starts a regular row; it is empty (an empty line) until something is appended.
    void startRow();
    /// Directs the following append() calls to cell `column` of the current row.
    void beginCell(int column);
    /// Directs the following append() calls to the current row's suffix.
    void beginSuffix();
    void append(QByteArrayView text);
    /// Adds a row written verbatim.
    void interleave(QByteArrayView text);

    bool isEmpty() const { return m_rows.empty(); }
    /// Writes the rows, one a line, and empties the table.
    void render(FormatterOutput &output);

private:
    struct Span
    {
        int start = 0;
        int length = 0;
    };

    struct Row
    {
        std::array<Span, maxColumns> cells{};
        Span suffix;
        bool interleaved = false;
    };

    QByteArrayView text(Span span) const
    {
        return QByteArrayView(m_buffer.data() + span.start, span.length);
    }

    std::vector<Row> m_rows;
    std::string m_buffer;
    Span *m_target = nullptr;
};

} // namespace gh::prisma
