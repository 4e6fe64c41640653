#pragma once

#include "core/prisma/SourceRange.h"

#include <QByteArrayView>
#include <QString>
#include <vector>

namespace gh::prisma {

/// Prisma string literals: JSON strings (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// `\uXXXX` with surrogate pairs), decoded and checked exactly as prisma-engines does.
class StringLiteral
{
public:
    /// A bad escape: where (file byte offsets) and Prisma's message for it.
    struct Problem
    {
        SourceRange range;
        const char *message;
    };

    /// The value of `literal` (the token text, quotes included). `problems`, when given,
    /// receives the bad escapes, whose ranges are offset by `offset` (the literal's position
    /// in its file). Bad escapes decode to nothing, as in Prisma.
    static QString decode(QByteArrayView literal, int offset = 0,
                          std::vector<Problem> *problems = nullptr);

    /// Only the problems, without building the value (and without allocating when there are
    /// none).
    static void check(QByteArrayView literal, int offset, std::vector<Problem> &problems);

    static constexpr const char *unknownEscapeMessage =
        "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as "
        "`\\\\`.";
    static constexpr const char *invalidUnicodeMessage = "Invalid unicode escape sequence.";
};

} // namespace gh::prisma
