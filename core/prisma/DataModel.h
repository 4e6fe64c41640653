#pragma once

#include "core/prisma/DatasourceUrl.h"
#include "core/prisma/OutOfLine.h"
#include "core/prisma/SourceRange.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

// The data model of a Prisma schema: what the schema means once names are resolved, as the
// rest of core needs it (the Auth.js inspector's model-to-table mapping, the migration engine's
// tables, columns, keys and relations, the editor's go-to-definition).
//
// It is Prisma's own reading of the schema (prisma-engines' parser-database), checked against
// the DMMF of Prisma 7: database names after `@map`/`@@map`, relation names and sides as Prisma
// infers them, and every element tied to where it is written. DataModel::build() is lenient: a
// schema with errors still gives a data model of what could be resolved (unknown types stay
// ResolvedType::Kind::Unknown, broken attributes are left out); validate() says what is wrong.

namespace gh::prisma {

class SchemaSource;

/// Where an element is written: the index of its file in SchemaSource::files() (the same index
/// into DataModel::files()) and a byte range in that file.
struct SourceSpan
{
    int file = -1;
    SourceRange range;

    bool isValid() const { return file >= 0; }
};

/// Prisma's built-in scalar types.
enum class ScalarType : quint8 {
    String,
    Boolean,
    Int,
    BigInt,
    Float,
    Decimal,
    DateTime,
    Json,
    Bytes
};

/// `String`, `Boolean`, ...
const char *scalarTypeName(ScalarType type);
/// The scalar type called `name`, if it is one.
std::optional<ScalarType> scalarTypeFromName(QByteArrayView name);

enum class ReferentialAction : quint8 { Cascade, Restrict, NoAction, SetNull, SetDefault };

/// `Cascade`, `Restrict`, ...
const char *referentialActionName(ReferentialAction action);
std::optional<ReferentialAction> referentialActionFromName(QByteArrayView name);

enum class SortOrder : quint8 { Asc, Desc };

/// `@@index(..., type: Hash)` (PostgreSQL index methods; BTree is the default).
enum class IndexAlgorithm : quint8 { BTree, Hash, Gist, Gin, SpGist, Brin };

const char *indexAlgorithmName(IndexAlgorithm algorithm);

/// A native type attribute: `@db.VarChar(255)` has prefix `db`, name `VarChar` and the argument
/// `255`; `@db.Decimal(10, 2)` has `10` and `2`. Arguments are kept as written (a string
/// argument keeps its quotes), as Prisma keeps them.
struct NativeType
{
    QString prefix; ///< the datasource name before the dot: `db` (or whatever it is called)
    QString name;
    QStringList arguments;
    SourceSpan span; ///< the attribute
};

/// The value of `@default(...)`, or one argument or element of it.
///
/// `@default(now())` is Function `now`; `@default(cuid(2))` Function `cuid` with the Number `2`;
/// `@default(dbgenerated("gen_random_uuid()"))` Function `dbgenerated` with a String;
/// `@default(MEMBER)` Constant `MEMBER` (an enum value); `@default([1, 2])` a List.
struct DefaultValue
{
    enum class Kind : quint8 { String, Number, Boolean, Constant, Function, List };

    Kind kind = Kind::String;
    /// String: the decoded text; Number: as written (`-42`, `19.99`); Boolean: `true` or
    /// `false`; Constant: the name; Function: the function's name.
    QString value;
    std::vector<DefaultValue> arguments; ///< Function: its arguments; List: its elements
    /// A named function argument's name: `sequence(start: 10)` has an argument `start`.
    QString name;
    /// `@default(..., map: "name")`: the default constraint's name (SQL Server).
    QString mappedName;
    SourceSpan span;      ///< the attribute for a field's default, else the expression
    SourceSpan valueSpan; ///< the expression

    bool isFunction() const { return kind == Kind::Function; }
    bool isFunction(QLatin1String name) const { return kind == Kind::Function && value == name; }
    bool isList() const { return kind == Kind::List; }
};

/// What a field's type names.
struct ResolvedType
{
    enum class Kind : quint8 {
        Scalar,        ///< a built-in scalar: `scalar`
        Enum,          ///< an enum of the schema: `index` into DataModel::enums()
        CompositeType, ///< a `type` block: `index` into DataModel::compositeTypes()
        Model,         ///< a model or view, so a relation field: `index` into DataModel::models()
        Unsupported,   ///< `Unsupported("...")`: `name` is the string inside
        Unknown,       ///< a name the schema does not define (an error)
    };

    QString name; ///< as written: `String`, `Role`, `User`; for Unsupported the inner text
    int index = -1;
    Kind kind = Kind::Unknown;
    ScalarType scalar = ScalarType::String;

    bool is(Kind k) const { return kind == k; }
    bool isScalar(ScalarType type) const { return kind == Kind::Scalar && scalar == type; }
};

enum class Arity : quint8 { Required, Optional, List };

/// `@relation(...)` on a relation field, as written.
struct RelationAttribute
{
    QString name; ///< `@relation("name")` or `name:`; empty when not given
    /// `fields: [...]`, the scalar fields of this model that hold the foreign key; hasFields
    /// tells whether the argument was given at all (`fields: []` is not the same).
    QStringList fields;
    bool hasFields = false;
    QStringList references; ///< `references: [...]`: fields of the other model
    bool hasReferences = false;
    std::optional<ReferentialAction> onDelete;
    std::optional<ReferentialAction> onUpdate;
    QString mappedName; ///< `map:`: the foreign key constraint's name
    SourceSpan span;    ///< the attribute
};

/// A field of a model, view or composite type.
///
/// What most fields lack (native type, default, `@relation`, documentation) is held out of
/// line, so that a field is 168 bytes instead of 552: the passes over tens of thousands of
/// fields touch a third of the memory.
struct ModelField
{
    QString name;
    QString mappedName; ///< `@map("...")`, empty when there is none
    ResolvedType type;
    OutOfLine<NativeType> nativeType;
    OutOfLine<DefaultValue> defaultValue;
    OutOfLine<RelationAttribute> relationAttribute; ///< relation fields with `@relation`
    OutOfLine<QString> documentation;               ///< from `///` comments

    SourceSpan span;     ///< the whole field line
    SourceSpan nameSpan; ///< the name
    SourceSpan typeSpan; ///< the type with `?`/`[]`
    /// Relation fields: the relation in DataModel::relations() (-1 while unresolved).
    int relation = -1;
    int astIndex = -1; ///< index into Block::fields of the block's syntax tree
    Arity arity = Arity::Required;
    bool isId = false;        ///< `@id` on this field (a compound `@@id` is Model::primaryKey)
    bool isUnique = false;    ///< `@unique` on this field
    bool isUpdatedAt = false; ///< `@updatedAt`
    bool isIgnored = false;   ///< `@ignore`

    /// The column name: the `@map` name, else the field name.
    const QString &databaseName() const { return mappedName.isEmpty() ? name : mappedName; }
    bool isRequired() const { return arity == Arity::Required; }
    bool isOptional() const { return arity == Arity::Optional; }
    bool isList() const { return arity == Arity::List; }
    bool isRelation() const { return type.kind == ResolvedType::Kind::Model; }
    bool isUnsupported() const { return type.kind == ResolvedType::Kind::Unsupported; }
};

/// One field of an id, unique constraint or index, with its options.
struct IndexField
{
    QString name;   ///< as written: `email`, or a path into composite types: `address.city`
    int field = -1; ///< the model field (the first of a path) in Model::fields; -1 if unknown
    std::optional<SortOrder> sort;
    std::optional<int> length;
    /// `ops: JsonbPathOps` gives `JsonbPathOps`; `ops: raw("gin_trgm_ops")` gives
    /// `gin_trgm_ops` with operatorClassIsRaw.
    QString operatorClass;
    bool operatorClassIsRaw = false;
};

/// `@id` or `@@id([...], name: ..., map: ...)`.
struct PrimaryKey
{
    QList<IndexField> fields;
    QString name;       ///< `name:`, the client name of a compound id
    QString mappedName; ///< `map:`, the constraint's name
    std::optional<bool> clustered;
    bool isDefinedOnField = false; ///< `@id` rather than `@@id`
    SourceSpan span;               ///< the attribute
};

/// The `where:` of a partial index (Prisma 7, preview feature `partialIndexes`):
/// `where: raw("active = true")`, or the object form `where: { active: true, deletedAt: null,
/// name: { not: null } }`.
struct IndexWhere
{
    enum class Kind : quint8 { Raw, Object };

    /// One `field: value` of the object form; `field: { not: value }` is negated.
    struct Condition
    {
        enum class Value : quint8 { Null, Boolean, String, Number };

        QString field;       ///< a scalar field of the model
        int fieldIndex = -1; ///< in Model::fields
        bool negated = false;
        Value valueKind = Value::Null;
        /// Boolean: `true` or `false`; String: the decoded text; Number: as written.
        QString value;
    };

    Kind kind = Kind::Raw;
    QString raw;                 ///< Raw: the SQL text inside raw("...")
    QList<Condition> conditions; ///< Object: in source order
    SourceSpan span;             ///< the argument's value
};

/// `@unique`, `@@unique`, `@@index` or `@@fulltext`.
struct Index
{
    enum class Type : quint8 { Normal, Unique, Fulltext };

    Type type = Type::Normal;
    QList<IndexField> fields;
    QString name;       ///< `@@unique(name: ...)`: the client name
    QString mappedName; ///< `map:` (or the legacy `name:` of `@@index`): the database name
    std::optional<IndexAlgorithm> algorithm; ///< `type:`
    std::optional<bool> clustered;
    /// `@@index(..., where: ...)` and `@@unique(..., where: ...)`: a partial index (rare).
    OutOfLine<IndexWhere> where;
    bool isDefinedOnField = false; ///< `@unique` rather than `@@unique`
    SourceSpan span;               ///< the attribute

    bool isUnique() const { return type == Type::Unique; }
};

/// A model or a view.
struct Model
{
    QString name;
    QString mappedName; ///< `@@map("...")`, empty when there is none
    QString schema;     ///< `@@schema("...")`, empty when there is none
    bool isView = false;
    bool isIgnored = false;   ///< `@@ignore`
    QList<ModelField> fields; ///< in source order, without the lines that do not parse
    std::optional<PrimaryKey> primaryKey;
    /// `@unique` of the fields (in field order), then `@@index`, `@@unique` and `@@fulltext`
    /// (each kind in source order), as Prisma lists them.
    QList<Index> indexes;
    std::optional<QString> documentation;

    SourceSpan span;     ///< the block
    SourceSpan nameSpan; ///< the name
    int astIndex = -1;   ///< index into SyntaxTree::blocks of its file

    /// The table (or view) name: the `@@map` name, else the model name.
    const QString &databaseName() const { return mappedName.isEmpty() ? name : mappedName; }
    /// The field called `name`, or nullptr.
    const ModelField *field(const QString &name) const;
    /// Index of the field called `name` in fields, or -1.
    int fieldIndex(const QString &name) const;
    /// The field whose column is `databaseName`, or nullptr.
    const ModelField *fieldByDatabaseName(const QString &databaseName) const;
};

/// A value of an enum.
struct EnumMember
{
    QString name;
    QString mappedName; ///< `@map("...")`
    std::optional<QString> documentation;
    SourceSpan span;

    const QString &databaseName() const { return mappedName.isEmpty() ? name : mappedName; }
};

struct Enum
{
    QString name;
    QString mappedName; ///< `@@map("...")`
    QString schema;     ///< `@@schema("...")`
    QList<EnumMember> values;
    std::optional<QString> documentation;
    SourceSpan span;
    SourceSpan nameSpan;
    int astIndex = -1;

    const QString &databaseName() const { return mappedName.isEmpty() ? name : mappedName; }
    const EnumMember *value(const QString &name) const;
};

/// A `type` block (composite types, MongoDB).
struct CompositeType
{
    QString name;
    QList<ModelField> fields;
    std::optional<QString> documentation;
    SourceSpan span;
    SourceSpan nameSpan;
    int astIndex = -1;

    const ModelField *field(const QString &name) const;
};

/// A relation between two models, inferred from its relation fields as Prisma does.
///
/// For one-to-one and one-to-many relations, side `a` is the model that holds the foreign key
/// (its relation field has `fields:`), side `b` the referenced model. For implicit many-to-many
/// relations the sides are ordered by model name (then field name), which decides the columns
/// `A` and `B` of the join table `_<name>`; likewise for MongoDB's embedded many-to-many.
struct Relation
{
    enum class Kind : quint8 {
        OneToOne,
        OneToMany,
        ImplicitManyToMany, ///< SQL: a join table `_<name>`
        EmbeddedManyToMany, ///< MongoDB: both list fields hold the other side's ids (`fields:`)
    };

    struct Side
    {
        int model = -1; ///< index into DataModel::models()
        int field = -1; ///< index into that model's fields; -1 when that side has no field
    };

    Kind kind = Kind::OneToMany;
    /// The `@relation` name, or the one Prisma makes up: the two model names in order, joined
    /// by `To` (`PostToUser`).
    QString name;
    bool hasExplicitName = false;
    Side a;
    Side b;

    bool isManyToMany() const
    {
        return kind == Kind::ImplicitManyToMany || kind == Kind::EmbeddedManyToMany;
    }
    bool isSelfRelation() const { return a.model == b.model; }
};

/// An extension in the datasource's `extensions = [...]`.
struct DatasourceExtension
{
    QString name;       ///< as written: `pg_trgm`, `uuid_ossp`
    QString mappedName; ///< `map:`: the database's name of it (`uuid-ossp`)
    QString schema;     ///< `schema:`
    QString version;    ///< `version:`
};

/// The `datasource` block.
struct Datasource
{
    QString name;      ///< `db`
    QString provider;  ///< `postgresql`, `sqlite`, `mysql`, `sqlserver`, `cockroachdb`, `mongodb`
    DatasourceUrl url; ///< Absent in Prisma 7 schemas (the URL is in prisma.config.ts)
    DatasourceUrl directUrl;
    DatasourceUrl shadowDatabaseUrl;
    QString relationMode; ///< as written (`prisma`, `foreignKeys`); empty when not given
    QStringList schemas;  ///< `schemas = [...]`
    QList<DatasourceExtension> extensions;
    SourceSpan span;

    /// `prisma` when relations are emulated, else `foreignKeys` (MongoDB: always `prisma`).
    QString effectiveRelationMode() const;
};

/// A `generator` block: a few well-known properties, and every property as written.
struct Generator
{
    struct Property
    {
        QString name;
        QString value; ///< a string's decoded value, `env("X")`, or the expression as written
    };

    QString name;
    QString provider;
    QString output;
    QStringList previewFeatures;
    QList<Property> properties;
    SourceSpan span;
};

/// The data model of a schema. Cheap to move, immutable once built, safe to read from several
/// threads.
class DataModel
{
public:
    DataModel() = default;

    /// The data model of `schema` (one file or several), built the way Prisma resolves it.
    /// Errors in the schema leave out what they break; see validate() for the diagnostics.
    static DataModel build(const SchemaSource &schema);

    /// Paths of the schema's files, indexed by SourceSpan::file.
    const QStringList &files() const { return m_files; }
    QString filePath(const SourceSpan &span) const;

    /// Models and views, in source order (file by file).
    const QList<Model> &models() const { return m_models; }
    const Model *model(const QString &name) const;
    int modelIndex(const QString &name) const;
    /// The model whose table is `databaseName` (in `schema` when given), or nullptr.
    const Model *modelByDatabaseName(const QString &databaseName, const QString &schema = {}) const;

    const QList<Enum> &enums() const { return m_enums; }
    const Enum *enumType(const QString &name) const;

    const QList<CompositeType> &compositeTypes() const { return m_compositeTypes; }
    const CompositeType *compositeType(const QString &name) const;

    const QList<Relation> &relations() const { return m_relations; }
    /// Every relation field of every model (a field whose type is a model), in model order:
    /// for passes that look only at these, without walking every field of every model.
    const QList<Relation::Side> &relationFields() const { return m_relationFields; }
    /// The relation of a relation field, or nullptr.
    const Relation *relationOf(const ModelField &field) const;
    /// The field on the other side of a relation field's relation, or nullptr when there is
    /// none (or for a field that is not a relation field).
    const ModelField *oppositeField(int model, int field) const;

    /// The first datasource block (Prisma allows one), or nullptr.
    const Datasource *datasource() const;
    const QList<Datasource> &datasources() const { return m_datasources; }
    /// The datasource's provider, or an empty string.
    QString provider() const;

    const QList<Generator> &generators() const { return m_generators; }

    /// The onDelete action Prisma applies to a relation field that holds a foreign key: the
    /// one written, else Restrict when one of its `fields` is required and SetNull when all are
    /// optional (Prisma's defaults).
    ReferentialAction effectiveOnDelete(const ModelField &field) const;
    /// The onUpdate action: the one written, else Cascade.
    ReferentialAction effectiveOnUpdate(const ModelField &field) const;

private:
    friend class DataModelBuilder;

    QStringList m_files;
    QList<Model> m_models;
    QList<Enum> m_enums;
    QList<CompositeType> m_compositeTypes;
    QList<Relation> m_relations;
    QList<Relation::Side> m_relationFields;
    QList<Datasource> m_datasources;
    QList<Generator> m_generators;
    QHash<QString, int> m_modelIndex;
    QHash<QString, int> m_enumIndex;
    QHash<QString, int> m_compositeTypeIndex;
};

} // namespace gh::prisma
