#include "core/prisma/FormatterTable.h"

#include "core/prisma/FormatterOutput.h"

#include <algorithm>
#include <cstring>

namespace gh::prisma {

void FormatterTable::startRow()
{
    m_rows.emplace_back();
    m_target = nullptr;
}

void FormatterTable::beginCell(int column)
{
    m_target = &m_rows.back().cells[std::size_t(column)];
}

void FormatterTable::beginSuffix()
{
    m_target = &m_rows.back().suffix;
}

void FormatterTable::grow(std::size_t capacity)
{
    std::unique_ptr<char[]> buffer(new char[capacity]);
    if (m_used > 0)
        std::memcpy(buffer.get(), m_buffer.get(), m_used);
    m_buffer = std::move(buffer);
    m_capacity = capacity;
}

void FormatterTable::interleave(QByteArrayView text)
{
    startRow();
    Row &row = m_rows.back();
    row.interleaved = true;
    m_target = &row.suffix;
    append(text);
    m_target = nullptr;
}

void FormatterTable::render(FormatterOutput &output)
{
    // A row's cells are those up to its last non-empty one; empty cells before it count.
    auto cellCount = [](const Row &row) {
        int count = maxColumns;
        while (count > 0 && row.cells[std::size_t(count - 1)].length == 0)
            --count;
        return count;
    };

    std::array<int, maxColumns> widths{};
    for (const Row &row : m_rows) {
        if (row.interleaved)
            continue;
        const int count = cellCount(row);
        for (int i = 0; i < count; ++i)
            widths[std::size_t(i)] =
                std::max(widths[std::size_t(i)], row.cells[std::size_t(i)].length);
    }

    for (const Row &row : m_rows) {
        if (row.interleaved) {
            output.write(text(row.suffix));
        } else {
            const int count = cellCount(row);
            for (int i = 0; i < count; ++i) {
                const Span cell = row.cells[std::size_t(i)];
                output.write(text(cell));
                if (i < count - 1)
                    output.pad(widths[std::size_t(i)] - cell.length + 1);
            }
            if (row.suffix.length > 0) {
                if (count > 0)
                    output.write(" ");
                output.write(text(row.suffix));
            }
        }
        output.endLine();
    }

    m_rows.clear();
    m_used = 0;
    m_target = nullptr;
}

} // namespace gh::prisma
