#pragma once

#include "core/prisma/ParsedFile.h"
#include "core/prisma/SourceFile.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gh::prisma {

class SchemaSource;

/// `prisma format`, byte for byte (Prisma 7.10: prisma-fmt's `format`, which is psl's
/// `reformat_multiple` followed by schema-ast's `reformat` on each file).
///
/// Layout, as Prisma writes it:
/// - blocks start with `keyword name {` (whatever followed `{` on its line is dropped) and are
///   indented by `indentWidth` spaces; top-level blocks are separated by one empty line, and
///   blank lines at the start and end of a file or block go away;
/// - inside a block, names, types and attributes (or keys and `= value`) line up in columns,
///   measured in UTF-8 bytes; an empty line starts a new alignment group, comments and lines
///   that do not parse do not; runs of empty lines become one;
/// - attributes are put in Prisma's order (`id`, `unique`, `default`, `updatedAt`, `index`,
///   `fulltext`, `map`, `relation`, `ignore`, then all others in source order), on fields and
///   for `@@` attributes alike; `@@` attributes move to the end of their block after an empty
///   line, each with the comment lines directly above it; enum value attributes keep their
///   order and are written without a space between them, as Prisma does;
/// - arguments are written `a, b`, `name: value`, `[a, b]`, without a trailing comma;
/// - `//` and `///` comments are kept as written (trailing ones one space after the last
///   column); `/* */` comments on their own lines are rewritten as `/**`, ` * line`, ` */`;
/// - legacy `Type!`, `[Type]` and `name: Type` become `Type`, `Type[]` and `name Type`;
/// - lines that do not parse are kept as written from their first non-blank character (top
///   level: with their own line break, so a `\r` survives);
/// - the text always ends with one line break, and line breaks are `\n`.
///
/// Additions (with Options::completeRelations, as `prisma format` does when the schema has no
/// errors in names, types or attributes): for every one-to-one or one-to-many relation it adds
/// the missing back-relation field (`posts Post[]`), the missing forward relation field with
/// its `@relation(fields: [...], references: [...])`, the missing `@relation` attribute or its
/// missing `fields`/`references` arguments, and the missing foreign-key scalar fields. See
/// FormatterRelations for what is and is not covered.
///
/// All functions are pure and reentrant; the cost is linear in the size of the text.
class Formatter
{
public:
    struct Options
    {
        /// Spaces per indentation level (the Prisma CLI and language server use 2).
        int indentWidth = 2;
        /// Add the relation fields and arguments `prisma format` adds.
        bool completeRelations = true;
    };

    /// Every file of `schema` formatted, in the order of SchemaSource::files(). Relations are
    /// completed across files: a missing back-relation field goes into the file of its model.
    static QList<QByteArray> format(const SchemaSource &schema, const Options &options);
    static QList<QByteArray> format(const SchemaSource &schema) { return format(schema, {}); }

    /// One file as a schema of its own.
    static QByteArray format(const SourceFile &file, const Options &options);
    static QByteArray format(const SourceFile &file) { return format(file, {}); }

    /// The layout alone: one parsed file rewritten, nothing added.
    static QByteArray layout(const ParsedFile &file, int indentWidth = 2);
};

/// `text` (one file) formatted as `prisma format` would.
QString format(const QString &text, const Formatter::Options &options = {});

} // namespace gh::prisma
