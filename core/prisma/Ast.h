#pragma once

#include "core/prisma/NodeList.h"
#include "core/prisma/SourceRange.h"

#include <QString>
#include <memory>
#include <optional>

// The syntax tree of one `.prisma` file.
//
// It mirrors Prisma's own parse (the pest grammar `datamodel.pest` in prisma-engines) closely
// enough that the formatter can reproduce `prisma format` from it, the validator can report
// what Prisma reports, and the editor can map any byte back to a node:
// - every node has a SourceRange (UTF-8 byte offsets into its SourceFile);
// - the tree never copies text: names and literals are ranges, read with ParsedFile::text()
//   (a QByteArrayView, no allocation) or ParsedFile::string();
// - nothing is thrown away: comments, blank lines and lines that do not parse are kept, in
//   source order, as TopItem and BlockMember entries beside the typed lists;
// - ranges never include the line break that ends a line, except EmptyLines;
// - the nodes of a file live in a few pools that copies of the tree share
//   (SyntaxTree::storage); lists of nodes are NodeList views into them. Parsing a 30,000-line
//   schema allocates a handful of times rather than for every field and argument, copying a
//   tree is cheap, and pointers to nodes stay valid while any copy of the tree lives.

namespace gh::prisma {

/// A name, or a dotted path as in `db.VarChar` and `address.city`.
struct Identifier
{
    Identifier() = default;
    explicit Identifier(SourceRange range)
        : range(range)
    {}

    SourceRange range;
};

/// One comment. Content is what follows `//` or `///` up to the line break, untouched (the
/// formatter writes the marker and then the content back), or what lies between `/*` and `*/`.
struct Comment
{
    enum class Kind : quint8 {
        Line,  ///< `// ...`
        Doc,   ///< `/// ...` (documentation: ends up in the DMMF)
        Block, ///< `/* ... */`, which may span lines (documentation too, as in Prisma 7)
    };

    Kind kind = Kind::Line;
    SourceRange range; ///< markers included

    SourceRange content() const
    {
        switch (kind) {
        case Kind::Line:
            return {range.start + 2, range.end};
        case Kind::Doc:
            return {range.start + 3, range.end};
        case Kind::Block:
            return {range.start + 2, range.end - 2};
        }
        return range;
    }
};

/// Comments with no blank line between them (pest's comment_block): usually one a line, but
/// `/* a */ // b` is two on one line.
struct CommentGroup
{
    SourceRange range; ///< first comment to last comment
    NodeList<Comment> comments;
};

struct Argument;

/// One `key: value` of an Object expression. It is an Argument whose name (the key) and value
/// are always present, so code that looks up named arguments (ParsedFile::argument()) reads
/// object members the same way.
using ObjectMember = Argument;

/// `(...)` after an attribute or function name.
struct ArgumentList
{
    SourceRange range;            ///< `(` to `)`
    NodeList<Argument> arguments; ///< positional, named and empty ones, in source order
    /// `(a, b,)`: accepted by the grammar, rejected by Prisma's attribute validation ("Trailing
    /// commas are not valid in attribute arguments"), dropped by the formatter.
    std::optional<SourceRange> trailingComma;
};

/// A value: an attribute argument, a datasource/generator property, an array element, an
/// object member's value.
struct Expression
{
    enum class Kind : quint8 {
        String,   ///< `"..."`: range includes the quotes; ParsedFile::stringValue() decodes it
        Number,   ///< `42`, `-1`, `0.5`, as written
        Boolean,  ///< `true` or `false`
        Constant, ///< any other name or path: `Cascade`, `Desc`, `Hash`, an enum value,
                  ///< `userId`, `address.city` in a field list
        Function, ///< `now()`, `cuid(2)`, `dbgenerated("...")`, `env("URL")`,
                  ///< `raw("...")`; inside a field list (`@@index([a(sort: Desc)])`,
                  ///< `fields: [...]`) it is a field reference with arguments
        Array,    ///< `[a, b(sort: Desc)]`
        Object,   ///< `{ active: true, name: { not: null } }` (Prisma 7: the `where` of a
                  ///< partial index); keys are names, values any expression; see members()
    };

    Kind kind = Kind::Constant;
    SourceRange range;
    Identifier name; ///< Function: the called name (a path)
    /// Function: the call's arguments. Object: its members as named arguments, with range
    /// `{` to `}` (the same as the expression's) and never a trailing comma.
    ArgumentList arguments;
    NodeList<Expression> elements; ///< Array

    bool is(Kind k) const { return kind == k; }
    /// Object: the members in source order (empty for other kinds).
    NodeList<ObjectMember> members() const
    {
        return kind == Kind::Object ? arguments.arguments : NodeList<ObjectMember>();
    }
};

/// `value`, `name: value`, or `name:` with the value missing (kept for completion; Prisma's
/// validator reports "The `name` argument is missing a value").
struct Argument
{
    SourceRange range;
    std::optional<Identifier> name;
    std::optional<Expression> value;

    bool isNamed() const { return name.has_value(); }
    bool isEmpty() const { return !value.has_value(); }
};

/// `@id`, `@default(now())`, `@db.VarChar(255)`, `@@index([a, b], type: Hash)`.
struct Attribute
{
    SourceRange range; ///< from `@`/`@@` to the end of the arguments, or of the name
    Identifier name;   ///< without the `@`/`@@`: `id`, `db.VarChar`, `index`
    bool isBlockAttribute = false;
    std::optional<ArgumentList> arguments; ///< absent for `@id`, present (maybe empty) for `@id()`
    /// Block attributes only: a comment after the attribute on its line (a field attribute's
    /// line comment belongs to the field).
    std::optional<Comment> trailingComment;
};

/// The type of a field: `String`, `Post[]`, `DateTime?`, `Unsupported("circle")`.
struct FieldType
{
    enum class Arity : quint8 { Required, Optional, List };

    /// Old syntaxes Prisma still recognises in order to report them. The field is then
    /// invalid (Field::isValid), and `prisma format` writes the modern form.
    enum class Legacy : quint8 {
        None,
        RequiredBang, ///< `Int!`  -> formatted as `Int`
        BracketList,  ///< `[Int]` -> `Int[]`
        OptionalList, ///< `Int[]?` -> `Int[]?` (kept; "Optional lists are not supported")
    };

    SourceRange range; ///< the whole type, with `?`, `[]`, `!`, brackets
    SourceRange base;  ///< the type without arity: `String`, or all of `Unsupported("x")`
    Identifier name;   ///< `String`; for an Unsupported type, the word `Unsupported`
    /// For `Unsupported("...")`: the string literal, quotes included.
    std::optional<SourceRange> unsupportedValue;
    Arity arity = Arity::Required;
    Legacy legacy = Legacy::None;

    bool isUnsupported() const { return unsupportedValue.has_value(); }
    bool isOptional() const { return arity == Arity::Optional; }
    bool isList() const { return arity == Arity::List; }
};

/// A field of a model, view or composite type.
struct Field
{
    SourceRange range; ///< name to trailing comment or last attribute
    Identifier name;
    std::optional<SourceRange> legacyColon; ///< `name: Type` (Prisma 1); an error
    std::optional<FieldType> type;          ///< absent in `name` or `name @id` (an error)
    NodeList<Attribute> attributes;         ///< in source order
    std::optional<Comment> trailingComment;
    /// From `///` and `/* */` comments, computed as Prisma computes it (see Block); nullptr
    /// when there is none. The text lives in the tree's storage: a field node without a
    /// QString of its own needs no destructor, so the parser's recycled pools are cleared
    /// without touching tens of thousands of fields.
    const QString *documentation = nullptr;
    /// False when the parser reported the field (legacy syntax, missing type). Prisma leaves
    /// such a field out of validation and of the data model; the formatter still writes it.
    bool isValid = true;
};

/// A value of an enum: `ADMIN`, `USER @map("user")`.
struct EnumValue
{
    SourceRange range;
    Identifier name;
    NodeList<Attribute> attributes;
    std::optional<Comment> trailingComment;
    std::optional<QString> documentation;
};

/// `key = value` in a datasource or generator block.
struct ConfigProperty
{
    SourceRange range; ///< key to value or trailing comment
    Identifier name;
    /// Absent in `url =`: the grammar accepts it and Prisma reports "Property url in
    /// datasource db needs to be assigned a value".
    std::optional<Expression> value;
    std::optional<Comment> trailingComment;
};

/// One entry of a block's body in source order: what the formatter walks.
struct BlockMember
{
    enum class Kind : quint8 {
        Field,      ///< index into Block::fields
        EnumValue,  ///< index into Block::values
        Property,   ///< index into Block::properties
        Attribute,  ///< index into Block::attributes (a `@@` block attribute); the range
                    ///< takes in its trailing comment
        Comments,   ///< index into Block::commentGroups
        EmptyLines, ///< blank lines (pest's empty_lines); the range holds their line breaks
        Invalid,    ///< a line that does not parse, reported; range = its text from the first
                    ///< non-blank character (pest's BLOCK_LEVEL_CATCH_ALL)
    };

    Kind kind = Kind::Invalid;
    int index = -1; ///< for the kinds that name a vector
    SourceRange range;
};

/// A top-level block: `datasource`, `generator`, `model`, `view`, `type` or `enum`.
struct Block
{
    enum class Kind : quint8 { Datasource, Generator, Model, View, CompositeType, Enum };

    Kind kind = Kind::Model;
    SourceRange range;   ///< keyword to `}`
    SourceRange keyword; ///< `model`, ...
    Identifier name;
    SourceRange openBrace;  ///< `{`; the rest of its line is skipped, as Prisma does
    SourceRange body;       ///< from the line after `{` to `}` (Prisma's inner span)
    SourceRange closeBrace; ///< `}`

    NodeList<Field> fields;              ///< Model, View, CompositeType
    NodeList<EnumValue> values;          ///< Enum
    NodeList<ConfigProperty> properties; ///< Datasource, Generator
    NodeList<Attribute> attributes;      ///< `@@` attributes (CompositeType: all errors)
    NodeList<CommentGroup> commentGroups;
    NodeList<BlockMember> members; ///< all of the above, blank and invalid lines, in order

    /// The documentation of the block: the `///` and `/* */` comments of the comment group
    /// directly above it (no blank line between), one line each, `//` comments skipped. For
    /// fields and enum values Prisma takes the last comment group above them in the block that
    /// no earlier field or value took, even across blank lines and `@@` attributes, plus a
    /// `///` or `/* */` comment at the end of their line.
    std::optional<QString> documentation;
    /// Index into SyntaxTree::commentGroups of the group directly above the block, or -1.
    int leadingComments = -1;

    bool is(Kind k) const { return kind == k; }
    bool isConfig() const { return kind == Kind::Datasource || kind == Kind::Generator; }
    bool hasFields() const
    {
        return kind == Kind::Model || kind == Kind::View || kind == Kind::CompositeType;
    }
};

/// The keyword that opens a block of this kind, which is also how Prisma's messages name it:
/// `datasource`, `generator`, `model`, `view`, `type`, `enum`.
constexpr const char *blockKeyword(Block::Kind kind)
{
    switch (kind) {
    case Block::Kind::Datasource:
        return "datasource";
    case Block::Kind::Generator:
        return "generator";
    case Block::Kind::Model:
        return "model";
    case Block::Kind::View:
        return "view";
    case Block::Kind::CompositeType:
        return "type";
    case Block::Kind::Enum:
        return "enum";
    }
    return "";
}

/// One entry of the file in source order: what the formatter walks.
struct TopItem
{
    enum class Kind : quint8 {
        Block,        ///< index into SyntaxTree::blocks
        Comments,     ///< index into SyntaxTree::commentGroups
        EmptyLines,   ///< line breaks between items (pest's empty_lines): the one that ends a
                      ///< block's `}` line and any blank lines after it
        Invalid,      ///< a line that starts with no keyword (pest's CATCH_ALL), reported
        InvalidBlock, ///< `name { ... }` with an unknown keyword (arbitrary_block), reported
        TypeAlias,    ///< `type A = B @attr` (type_alias), reported
    };

    Kind kind = Kind::Invalid;
    int index = -1; ///< for Block and Comments
    SourceRange range;
};

struct SyntaxTreeStorage;

/// The syntax tree of one file.
struct SyntaxTree
{
    NodeList<Block> blocks;
    NodeList<CommentGroup> commentGroups; ///< top-level comments
    NodeList<TopItem> items;              ///< everything in source order

    /// The pools all nodes live in, shared by copies of the tree (defined in the parser).
    std::shared_ptr<const SyntaxTreeStorage> storage;
};

} // namespace gh::prisma
