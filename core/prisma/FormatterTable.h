#pragma once

#include "core/prisma/FormatterOutput.h"

#include <QByteArray>
#include <QByteArrayView>
#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace gh::prisma {

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
    void append(QByteArrayView text)
    {
        const qsizetype size = text.size();
        if (size == 0)
            return;
        // Pieces of one cell arrive one after the other, so a cell is one run of the buffer.
        if (m_target->length == 0)
            m_target->start = int(m_used);
        if (m_used + std::size_t(size) > m_capacity)
            grow(std::max(m_capacity * 2, m_used + std::size_t(size)));
        FormatterOutput::copy(m_buffer.get() + m_used, text.data(), std::size_t(size));
        m_used += std::size_t(size);
        m_target->length += int(size);
    }
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
        return QByteArrayView(m_buffer.get() + span.start, span.length);
    }

    std::vector<Row> m_rows;
    void grow(std::size_t capacity);

    std::unique_ptr<char[]> m_buffer; ///< its first m_used bytes are the text (not zeroed)
    std::size_t m_capacity = 0;
    std::size_t m_used = 0;
    Span *m_target = nullptr;
};

} // namespace gh::prisma
