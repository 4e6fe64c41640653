#pragma once

#include "ui/editor/PrismaStyler.h"
#include "ui/editor/SchemaSymbols.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace gh::ui {

/// What to offer at the caret of a Prisma schema: block keywords at the top level, property
/// names and values in `datasource`/`generator`, scalar, model, enum and composite types in
/// type position, field attributes after `@`, block attributes after `@@`, `@db.*` native types
/// for the datasource's provider (those that fit the field's scalar type), attribute arguments,
/// referential actions after `onDelete:`/`onUpdate:`, index types, sort orders, field names in
/// `fields: [...]` and `references: [...]`, and `@default` functions that fit the field.
///
/// It reads only the caret's line (lexed from the state that line starts in) plus the schema's
/// symbols, so it costs the same in a 30 000-line file as in a small one.
class PrismaCompletion
{
public:
    enum class ItemKind : quint8 {
        Keyword,
        Property,
        ScalarType,
        Model,
        Enum,
        CompositeType,
        Attribute,
        Function,
        Argument,
        Value,
        Field,
        NativeType,
    };
    static constexpr int kItemKindCount = int(ItemKind::NativeType) + 1;

    enum class Context : quint8 {
        None,
        BlockKeyword,
        PropertyName,
        PropertyValue,
        FieldType,
        FieldAttribute,
        BlockAttribute,
        NativeType,
        AttributeArgument,
        ArgumentValue,
        FieldReference,
    };

    struct Item
    {
        QString text; ///< inserted as is
        ItemKind kind = ItemKind::Keyword;
        int caretBack = 0; ///< characters to move back after inserting (into `()`, `[]`, `""`)
    };

    struct Request
    {
        QByteArrayView line;           ///< the caret's line, from its start to the caret
        PrismaStyler::LineState state; ///< the state that line starts in
        QString blockName;             ///< the block the caret is in, if any
    };

    struct Result
    {
        Context context = Context::None;
        int prefixLength = 0; ///< bytes of the word being typed, which the choice replaces
        QList<Item> items;
    };

    static Result complete(const Request &request, const SchemaSymbols &symbols);

    /// The referential actions Prisma accepts for the provider: those its database implements,
    /// or those Prisma emulates with relationMode "prisma" (all five for an unknown provider).
    static QStringList referentialActions(const QString &provider,
                                          const QString &relationMode = {});
    /// `@db.*` native type names of a provider (prisma::Connector; none for sqlite and unknown
    /// providers), optionally only those that fit one scalar type.
    static QStringList nativeTypes(const QString &provider, const QString &scalarType = {});
};

} // namespace gh::ui
