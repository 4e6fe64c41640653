#pragma once

#include <QByteArray>
#include <vector>

namespace gh::prisma {

class SchemaSource;

/// What `prisma format` adds to a schema before laying it out: psl-core's "magic reformat"
/// (psl/psl-core/src/reformat.rs), on top of the relations Prisma's parser database infers
/// (psl/parser-database/src/relations.rs). For each one-to-one or one-to-many relation:
/// - a missing back-relation field on the referenced model: `posts Post[]`, or `profile
///   Profile?` when the relation is one-to-one (its `fields` are exactly a unique index), named
///   after the referencing model, camel-cased and (for lists) pluralised as cruet does, with
///   `@ignore` when the referencing model has `@@ignore`;
/// - a missing forward relation field for a list field without an opposite side:
///   `tag Tag? @relation(fields: [tagId], references: [id])`;
/// - a missing `@relation(fields: [...], references: [...])` on a forward field that has none,
///   or its missing `fields` / `references` arguments;
/// - the missing foreign-key scalar fields (`tagId Int?`, named after the referenced model and
///   the fields of its first unique criteria, with their native type attribute), unless the
///   referenced field is not of a built-in scalar type.
/// Each addition goes just before the `}` of its model (or after the field's type, or inside
/// the attribute), in the file of that model, exactly where Prisma inserts it; the layout is
/// then done on the result.
///
/// Like Prisma, nothing is added to a schema with errors before relations are inferred: syntax
/// errors, or what DataModelBuilder reports (names, types, attributes: Prisma's parser
/// database). That resolution is only run when something would be added; a few cheap checks
/// (duplicate names, unknown types, `@relation` arguments that name no field, ...) come first
/// and stop the work early on a broken schema.
/// Implicit many-to-many relations never need additions.
class FormatterRelations
{
public:
    /// For each file of `schema`, its text with the additions, or a null QByteArray when
    /// nothing is added to it (or the schema has errors that stop Prisma).
    static std::vector<QByteArray> complete(const SchemaSource &schema);
};

} // namespace gh::prisma
