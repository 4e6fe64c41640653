#pragma once

#include "core/prisma/SourceRange.h"

#include <QList>
#include <QString>

namespace gh::prisma {

class SourceFile;

/// A problem found in a schema file, at a place in it.
///
/// Messages are Prisma's own wording where Prisma reports the same problem, without the
/// generic "Error validating: " prefix Prisma puts before many of them (the more specific
/// prefixes such as `Error validating model "User": ` are kept).
struct Diagnostic
{
    enum class Severity : quint8 { Error, Warning };

    Severity severity = Severity::Error;
    QString message;
    QString file;         ///< SourceFile::path() of the file it is in
    SourceRange range;    ///< what it is about, in bytes; never includes a final line break
    SourcePosition start; ///< where range begins (line, column, UTF-16 offset)
    SourcePosition end;   ///< where range ends

    /// Builds a diagnostic, computing its positions from `file`.
    static Diagnostic error(const SourceFile &file, SourceRange range, QString message);
    static Diagnostic warning(const SourceFile &file, SourceRange range, QString message);

    bool isError() const { return severity == Severity::Error; }

    /// `file:line:column: error: message` (or `warning:`), like a compiler's diagnostics.
    /// Columns count code points from 1.
    QString toString() const;
};

/// True when any of `diagnostics` is an error.
bool hasErrors(const QList<Diagnostic> &diagnostics);

} // namespace gh::prisma
