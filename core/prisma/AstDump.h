#pragma once

#include "core/prisma/ParsedFile.h"

#include <QString>

namespace gh::prisma {

/// A readable outline of a syntax tree, one node a line, indented by nesting, in source order
/// (with comments, blank and invalid lines). For tests and debugging; the format is stable:
///
/// ```
/// model User
///   doc "A user."
///   field id String
///     @id
///     @default(cuid())
///   field posts Post[]
///   empty 1
///   @@map("users")
/// empty 1
/// ```
QString dumpSyntaxTree(const ParsedFile &file);

/// An expression, argument list or attribute written back in one line, normalised the way
/// `prisma format` writes them: `a(sort: Desc)`, `[a, b]`, `{ active: true }` (`{  }` when
/// empty), `@db.VarChar(255)`. A trailing comma shows as `(a,)`.
QString renderExpression(const ParsedFile &file, const Expression &expression);
QString renderArguments(const ParsedFile &file, const ArgumentList &arguments);
QString renderAttribute(const ParsedFile &file, const Attribute &attribute);

} // namespace gh::prisma
