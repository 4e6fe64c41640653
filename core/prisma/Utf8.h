#pragma once

// Internal to core/prisma: the one UTF-8 decoder that the lexer and SourceFile share, so that
// token positions and diagnostic positions count columns and UTF-16 units the same way.

#include <QString>

namespace gh::prisma::utf8 {

/// QString::fromUtf8() for short text that is ASCII as a rule (names): widened in one pass into
/// a string of its size, without the call into Qt's decoder; anything else is decoded by Qt.
inline QString toQString(const char *data, qsizetype size)
{
    if (size <= 0)
        return QString::fromUtf8(data, size); // Qt's null and empty strings as they were
    QString result(size, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(result.data());
    unsigned char all = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        all |= byte;
        out[i] = byte;
    }
    if (all < 0x80)
        return result;
    return QString::fromUtf8(data, size);
}

/// One decoded code point. An invalid or truncated sequence decodes as one byte of U+FFFD
/// (one column, one UTF-16 unit), so that counting always advances.
struct Step
{
    int bytes = 1;
    int utf16Units = 1;
    char32_t codePoint = 0xFFFD;
    bool valid = false;
};

inline bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

/// Decodes the code point at `p` (which must be before `end`), rejecting overlong forms and
/// surrogates as RFC 3629 does.
inline Step decode(const char *p, const char *end)
{
    const auto b0 = static_cast<unsigned char>(p[0]);
    if (b0 < 0x80)
        return {1, 1, b0, true};

    const auto available = end - p;
    auto at = [p](int i) { return static_cast<unsigned char>(p[i]); };
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        if (available >= 2 && isContinuation(at(1)))
            return {2, 1, char32_t((b0 & 0x1F) << 6 | (at(1) & 0x3F)), true};
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (available >= 3 && isContinuation(at(1)) && isContinuation(at(2)) &&
            !(b0 == 0xE0 && at(1) < 0xA0) && !(b0 == 0xED && at(1) >= 0xA0))
            return {3, 1, char32_t((b0 & 0x0F) << 12 | (at(1) & 0x3F) << 6 | (at(2) & 0x3F)), true};
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (available >= 4 && isContinuation(at(1)) && isContinuation(at(2)) &&
            isContinuation(at(3)) && !(b0 == 0xF0 && at(1) < 0x90) &&
            !(b0 == 0xF4 && at(1) >= 0x90))
            return {4, 2,
                    char32_t((b0 & 0x07) << 18 | (at(1) & 0x3F) << 12 | (at(2) & 0x3F) << 6 |
                             (at(3) & 0x3F)),
                    true};
    }
    return {};
}

} // namespace gh::prisma::utf8
