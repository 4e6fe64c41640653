#include "core/prisma/Diagnostic.h"

#include "core/prisma/SourceFile.h"

#include <algorithm>

namespace gh::prisma {

namespace {

Diagnostic make(Diagnostic::Severity severity, const SourceFile &file, SourceRange range,
                QString message)
{
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.message = std::move(message);
    diagnostic.file = file.path();
    diagnostic.range = range;
    diagnostic.start = file.position(range.start);
    diagnostic.end = file.position(range.end);
    return diagnostic;
}

} // namespace

Diagnostic Diagnostic::error(const SourceFile &file, SourceRange range, QString message)
{
    return make(Severity::Error, file, range, std::move(message));
}

Diagnostic Diagnostic::warning(const SourceFile &file, SourceRange range, QString message)
{
    return make(Severity::Warning, file, range, std::move(message));
}

QString Diagnostic::toString() const
{
    return QStringLiteral("%1:%2:%3: %4: %5")
        .arg(file)
        .arg(start.line)
        .arg(start.column)
        .arg(isError() ? QStringLiteral("error") : QStringLiteral("warning"), message);
}

bool hasErrors(const QList<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.isError(); });
}

} // namespace gh::prisma
