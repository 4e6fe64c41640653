#pragma once

#include <QtGlobal>

namespace gh::ui {

/// The highlighting styles of Prisma schema text. The values are QScintilla style numbers, so
/// they stay below 32 (QsciLexerCustom's five style bits) and never change meaning between
/// releases of the palette.
enum class PrismaStyle : quint8 {
    Default = 0,  ///< whitespace, names Prisma does not place (a stray top-level word)
    Keyword,      ///< `model`, `enum`, `datasource`, `generator`, `view`, `type`
    BlockName,    ///< the name after the keyword: `model User`
    FieldName,    ///< a field of a model, view or composite type; a datasource property
    ScalarType,   ///< `String`, `Int`, ... and `Unsupported`
    ModelType,    ///< any other type: a model, enum or composite type
    Attribute,    ///< `@id`, `@@index`, `@db.VarChar`, markers included
    Function,     ///< `now()`, `cuid(2)`, `env("URL")`, `dbgenerated("...")`
    ArgumentName, ///< `fields:`, `onDelete:`, `map:`
    Constant,     ///< enum values, `Cascade`, `true`, field references in `[a, b]`
    String,
    Number,
    Comment,    ///< `//` and `/* */`
    DocComment, ///< `///`
    Operator,   ///< braces, brackets, parentheses, `?`, `=`, `:`, `,`
    Error,      ///< bytes no token can start with, an unclosed `/*`
};

constexpr int kPrismaStyleCount = int(PrismaStyle::Error) + 1;

} // namespace gh::ui
