#include "core/prisma/StringLiteral.h"

#include "core/prisma/Utf8.h"

#include <algorithm>
#include <cstring>

namespace gh::prisma {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return -1;
}

bool isHighSurrogate(int unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}
bool isLowSurrogate(int unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

// `\uXXXX` at `p`: how many bytes it spans (on failure, up to the first bad digit) and the
// UTF-16 unit, or -1. Mirrors prisma-engines' parse_codepoint.
struct CodeUnit
{
    int consumed;
    int value;
};

CodeUnit parseCodeUnit(const char *p, const char *end)
{
    if (end - p < 4 || p[0] != '\\' || p[1] != 'u')
        return {0, -1};
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int nibble = p + 2 + i < end ? hexValue(p[2 + i]) : -1;
        if (nibble < 0)
            return {2 + i, -1};
        value = value << 4 | nibble;
    }
    return {6, value};
}

// Walks the contents between the quotes once, appending to `out` when it is given.
void run(QByteArrayView literal, int offset, std::vector<StringLiteral::Problem> *problems,
         QString *out)
{
    if (literal.size() < 2)
        return;
    const char *const begin = literal.data() + 1;
    const char *const end = literal.data() + literal.size() - (literal.back() == '"' ? 1 : 0);
    const int contentOffset = offset + 1;
    auto report = [&](const char *at, int length, const char *message) {
        if (problems) {
            const int start = contentOffset + int(at - begin);
            problems->push_back({{start, start + length}, message});
        }
    };
    auto append = [out](char32_t cp) {
        if (out)
            out->append(QChar::fromUcs4(cp));
    };

    const char *p = begin;
    while (p < end) {
        if (*p != '\\') {
            const utf8::Step step = utf8::decode(p, end);
            append(step.codePoint);
            p += step.bytes;
            continue;
        }
        if (p + 1 >= end)
            break; // cannot happen in a literal the lexer accepted
        const char escaped = p[1];
        switch (escaped) {
        case '"':
        case '\\':
        case '/':
            append(char32_t(escaped));
            break;
        case 'b':
            append(U'\b');
            break;
        case 'f':
            append(U'\f');
            break;
        case 'n':
            append(U'\n');
            break;
        case 'r':
            append(U'\r');
            break;
        case 't':
            append(U'\t');
            break;
        case 'u': {
            const int available = int(end - p);
            const CodeUnit first = parseCodeUnit(p, end);
            int advance = first.consumed;
            if (first.value < 0) {
                report(p, std::min(available, std::max(first.consumed, 2)),
                       StringLiteral::invalidUnicodeMessage);
            } else if (!isHighSurrogate(first.value) && !isLowSurrogate(first.value)) {
                append(char32_t(first.value));
            } else {
                const CodeUnit second = parseCodeUnit(p + 6, end);
                if (second.value < 0) {
                    report(p, std::min(available, 6), StringLiteral::invalidUnicodeMessage);
                } else {
                    advance = 12;
                    if (isHighSurrogate(first.value) && isLowSurrogate(second.value))
                        append(
                            QChar::surrogateToUcs4(char16_t(first.value), char16_t(second.value)));
                    else
                        report(p, std::min(available, 12), StringLiteral::invalidUnicodeMessage);
                }
            }
            p += std::max(advance, 2);
            continue;
        }
        default: {
            const int length = 1 + utf8::decode(p + 1, end).bytes;
            report(p, length, StringLiteral::unknownEscapeMessage);
            p += length;
            continue;
        }
        }
        p += 2;
    }
}

// QByteArrayView::contains(char) goes through Qt's general search; a string literal is
// searched for a backslash once per parse and once per use.
bool hasBackslash(QByteArrayView literal)
{
    return !literal.isEmpty() && std::memchr(literal.data(), '\\', size_t(literal.size()));
}

} // namespace

QString StringLiteral::decode(QByteArrayView literal, int offset, std::vector<Problem> *problems)
{
    QString value;
    if (!hasBackslash(literal)) { // the common case: the text between the quotes
        const qsizetype closing = literal.size() >= 2 && literal.back() == '"' ? 1 : 0;
        if (!literal.isEmpty())
            value = QString::fromUtf8(literal.sliced(1, literal.size() - 1 - closing));
        return value;
    }
    value.reserve(literal.size());
    run(literal, offset, problems, &value);
    return value;
}

void StringLiteral::check(QByteArrayView literal, int offset, std::vector<Problem> &problems)
{
    if (hasBackslash(literal))
        run(literal, offset, &problems, nullptr);
}

} // namespace gh::prisma
