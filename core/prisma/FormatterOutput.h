#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <algorithm>
#include <cstring>
#include <memory>

namespace gh::prisma {

/// The text the formatter writes, with the indentation rule of Prisma's renderer
/// (psl/schema-ast/src/renderer.rs): whatever is written at the start of a line is preceded by
/// the current indentation, even an empty string, and a line break is written bare.
class FormatterOutput
{
public:
    explicit FormatterOutput(int indentWidth)
        : m_indentWidth(indentWidth)
    {}

    void reserve(qsizetype size)
    {
        if (std::size_t(size) > m_capacity)
            grow(std::size_t(size));
    }

    void write(QByteArrayView text)
    {
        if (m_used == 0 || m_text[m_used - 1] == '\n')
            fill(std::size_t(m_indent) * std::size_t(m_indentWidth), ' ');
        const std::size_t size = std::size_t(text.size());
        copy(room(size), text.data(), size);
        m_used += size;
    }

    /// Most pieces are a few bytes: for them a loop beats a call to memcpy.
    static void copy(char *out, const char *in, std::size_t size)
    {
        if (size > 16) {
            std::memcpy(out, in, size);
            return;
        }
        for (std::size_t i = 0; i < size; ++i)
            out[i] = in[i];
    }

    /// Padding after a cell: never at the start of a line, so never indented.
    void pad(int count) { fill(std::size_t(std::max(count, 0)), ' '); }
    void endLine() { fill(1, '\n'); }
    void indentUp() { ++m_indent; }
    void indentDown()
    {
        if (m_indent > 0)
            --m_indent;
    }

    bool endsWithLineBreak() const { return m_used > 0 && m_text[m_used - 1] == '\n'; }
    QByteArray take() const { return QByteArray(m_text.get(), qsizetype(m_used)); }

private:
    // Room for `size` more bytes at the end of the text.
    char *room(std::size_t size)
    {
        if (m_used + size > m_capacity)
            grow(std::max(m_capacity * 2, m_used + size));
        return m_text.get() + m_used;
    }

    void grow(std::size_t capacity)
    {
        std::unique_ptr<char[]> text(new char[capacity]); // not zeroed: written before read
        if (m_used > 0)
            std::memcpy(text.get(), m_text.get(), m_used);
        m_text = std::move(text);
        m_capacity = capacity;
    }

    void fill(std::size_t count, char c)
    {
        char *out = room(count);
        for (std::size_t i = 0; i < count; ++i)
            out[i] = c;
        m_used += count;
    }

    // A buffer written by hand (its first m_used bytes are the text): appends of a few bytes
    // are inline, without std::string's or QByteArray's calls per append.
    std::unique_ptr<char[]> m_text;
    std::size_t m_capacity = 0;
    std::size_t m_used = 0;
    int m_indent = 0;
    int m_indentWidth = 2;
};

} // namespace gh::prisma
