#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <string>

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

    void reserve(qsizetype size) { m_text.reserve(std::size_t(size)); }

    void write(QByteArrayView text)
    {
        if (m_text.empty() || m_text.back() == '\n')
            m_text.append(std::size_t(m_indent) * std::size_t(m_indentWidth), ' ');
        m_text.append(text.data(), std::size_t(text.size()));
    }

    /// Padding after a cell: never at the start of a line, so never indented.
    void pad(int count) { m_text.append(std::size_t(count), ' '); }
    void endLine() { m_text.push_back('\n'); }
    void indentUp() { ++m_indent; }
    void indentDown()
    {
        if (m_indent > 0)
            --m_indent;
    }

    bool endsWithLineBreak() const { return !m_text.empty() && m_text.back() == '\n'; }
    QByteArray take() const { return QByteArray(m_text.data(), qsizetype(m_text.size())); }

private:
    // std::string: its inline append is several times cheaper than QByteArray's in Qt 6.4.
    std::string m_text;
    int m_indent = 0;
    int m_indentWidth = 2;
};

} // namespace gh::prisma
