#pragma once

#include "core/prisma/Ast.h"
#include "core/prisma/Diagnostic.h"
#include "core/prisma/SourceFile.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace gh::prisma {

/// One parsed `.prisma` file: its text, its syntax tree, and what the parser reported.
///
/// The tree holds ranges into `source`; the accessors below read them.
struct ParsedFile
{
    SourceFile source;
    SyntaxTree tree;
    QList<Diagnostic> diagnostics; ///< the parser's, in source order

    const QString &path() const { return source.path(); }

    /// The bytes of a range or name; valid while this ParsedFile (or a copy of source) lives.
    QByteArrayView text(SourceRange range) const { return source.text(range); }
    QByteArrayView text(const Identifier &identifier) const { return text(identifier.range); }
    QString string(SourceRange range) const { return source.string(range); }
    QString string(const Identifier &identifier) const { return string(identifier.range); }

    /// The value of a String expression with its escapes resolved, or the text of any other
    /// expression (a Number's digits, a Constant's name).
    QString stringValue(const Expression &expression) const;

    /// The argument called `name`, or else (when `position` >= 0) the `position`-th unnamed
    /// argument; nullptr when there is neither. Prisma's convention for attributes such as
    /// `@relation("name", fields: [...])` and `@@index([a], map: "x")`.
    const Argument *argument(const ArgumentList &arguments, QByteArrayView name,
                             int position = -1) const;
};

} // namespace gh::prisma
