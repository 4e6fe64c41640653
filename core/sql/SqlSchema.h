#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

// The SQL schema of a database, as Prisma's migration engine sees it (prisma-engines'
// sql-schema-describer): namespaces, tables with their columns, indexes (the primary key is one
// of them), foreign keys and enums. Built from a Prisma data model (SchemaCalculator) or read
// from a live database (PostgresIntrospector, SqliteIntrospector); SchemaDiffer compares two.
//
// Elements are addressed by position, the way Prisma addresses them by id: table `t` is
// tables()[t], its column `c` is tables()[t].columns[c]. The order of tables, indexes and
// foreign keys is the order in which they were added, and the differ relies on it (Prisma sorts
// migration steps by these ids).

namespace gh::sql {

/// A Prisma native type (`@db.VarChar(255)`): its name as Prisma spells it and its numeric
/// arguments. Empty for SQLite columns and for types Prisma does not know.
struct NativeType
{
    QString name; ///< `Text`, `VarChar`, `Integer`, `Timestamp`, `Decimal`, ...
    QList<int> arguments;

    bool isValid() const { return !name.isEmpty(); }
    bool is(QLatin1String other) const { return name == other; }
    /// The first argument, when given.
    std::optional<int> argument(int index = 0) const
    {
        return index < arguments.size() ? std::optional<int>(arguments.at(index)) : std::nullopt;
    }
    /// As Prisma prints it in warnings: `VarChar(255)`, `Decimal(65,30)`, `Text`.
    QString toString() const;

    bool operator==(const NativeType &other) const
    {
        return name == other.name && arguments == other.arguments;
    }
    bool operator!=(const NativeType &other) const { return !(*this == other); }
};

enum class ColumnTypeFamily : quint8 {
    Int,
    BigInt,
    Float,
    Decimal,
    Boolean,
    String,
    DateTime,
    Binary,
    Json,
    Uuid,
    Enum,
    Unsupported,
};

/// `Int`, `String`, ... as Prisma's Debug output spells the family (used in SQLite warnings).
QString columnTypeFamilyName(ColumnTypeFamily family);

enum class ColumnArity : quint8 { Required, Nullable, List };

struct ColumnType
{
    ColumnTypeFamily family = ColumnTypeFamily::String;
    ColumnArity arity = ColumnArity::Required;
    NativeType nativeType;
    /// Enum columns: the enum's name and namespace (empty: the default one).
    QString enumName;
    QString enumNamespace;
    /// Introspected columns: the database's type name (`int4`, `_text`, `varchar`); for
    /// Unsupported columns the type as written in `Unsupported("...")`.
    QString fullDataType;

    bool isList() const { return arity == ColumnArity::List; }
    bool isRequired() const { return arity == ColumnArity::Required; }
    bool isNullable() const { return arity == ColumnArity::Nullable; }
};

/// A constant default value (Prisma's PrismaValue).
struct ScalarValue
{
    enum class Kind : quint8 {
        String,
        Boolean,
        Enum,
        Int,
        BigInt,
        Float,
        Json,
        DateTime,
        Bytes,
        List
    };

    Kind kind = Kind::String;
    /// String/Enum/Json: the text; Int/BigInt/Float: the number as written (`-4`, `2.50`);
    /// Boolean: `true`/`false`; DateTime: Prisma's rendering (`2024-01-01 00:00:00 +00:00`).
    QString text;
    QByteArray bytes;
    std::vector<ScalarValue> list;

    bool operator==(const ScalarValue &other) const;
    bool operator!=(const ScalarValue &other) const { return !(*this == other); }
};

/// A column default (Prisma's DefaultValue / DefaultKind).
struct DefaultValue
{
    enum class Kind : quint8 {
        Value,       ///< a constant
        Now,         ///< `now()` / CURRENT_TIMESTAMP
        DbGenerated, ///< `dbgenerated("...")`, or an expression the introspection keeps as is
        Sequence,    ///< an autoincrement sequence (`nextval(...)`), `expression` names it
        UniqueRowid, ///< CockroachDB
    };

    Kind kind = Kind::Value;
    ScalarValue value;
    /// DbGenerated: the SQL expression (absent for `dbgenerated()`); Sequence: its name.
    std::optional<QString> expression;
    /// `@default(..., map: "...")` (SQL Server).
    QString constraintName;

    static DefaultValue now();
    static DefaultValue constant(ScalarValue value);
    static DefaultValue dbGenerated(std::optional<QString> expression);
    static DefaultValue sequence(const QString &name);
};

struct Column
{
    QString name;
    ColumnType type;
    std::optional<DefaultValue> defaultValue;
    bool autoIncrement = false;
    /// A default Prisma computes in the client (`cuid()`, `uuid()`, ...): nothing in SQL.
    bool hasPrismaLevelDefault = false;
};

enum class SortOrder : quint8 { Asc, Desc };

/// PostgreSQL index methods.
enum class IndexAlgorithm : quint8 { BTree, Hash, Gist, Gin, SpGist, Brin };

/// `USING HASH` spelling; empty for BTree.
QString indexAlgorithmSql(IndexAlgorithm algorithm);

struct IndexColumn
{
    int column = -1; ///< index into Table::columns
    std::optional<SortOrder> sort;
    std::optional<int> length;
    /// PostgreSQL operator class (`jsonb_path_ops`), empty when none was given or read.
    QString operatorClass;
    bool operatorClassIsDefault = false;
};

struct Index
{
    enum class Type : quint8 { PrimaryKey, Unique, Normal, Fulltext };

    Type type = Type::Normal;
    QString name;
    QList<IndexColumn> columns;
    IndexAlgorithm algorithm = IndexAlgorithm::BTree;
    /// A partial index's WHERE expression, without `WHERE` (see IndexPredicate); empty for an
    /// index over every row.
    QString predicate;

    bool isPrimaryKey() const { return type == Type::PrimaryKey; }
    bool isUnique() const { return type == Type::Unique; }
};

struct Table
{
    QString name;
    /// Index into SqlSchema::namespaces(), or -1 (SQLite).
    int namespaceId = -1;
    QList<Column> columns;
    /// The primary key (when there is one) and every other index, in the order they were added.
    QList<Index> indexes;

    int columnIndex(const QString &name) const;
    const Column *column(const QString &name) const;
    /// The primary key, or nullptr.
    const Index *primaryKey() const;
    QStringList columnNames(const Index &index) const;
    /// The column is the whole primary key.
    bool isSinglePrimaryKey(int column) const;
    bool isPartOfPrimaryKey(int column) const;
};

enum class ForeignKeyAction : quint8 { NoAction, Restrict, Cascade, SetNull, SetDefault };

/// `CASCADE`, `SET NULL`, ...
QString foreignKeyActionSql(ForeignKeyAction action);

struct ForeignKey
{
    int table = -1;
    int referencedTable = -1;
    QList<int> columns;           ///< in `table`
    QList<int> referencedColumns; ///< in `referencedTable`
    /// Empty when the database does not name foreign keys (SQLite's introspection).
    QString constraintName;
    ForeignKeyAction onDelete = ForeignKeyAction::NoAction;
    ForeignKeyAction onUpdate = ForeignKeyAction::NoAction;
};

struct Enum
{
    QString name;
    int namespaceId = -1;
    QStringList values;
};

/// A database schema. A value type: cheap to move, safe to read from several threads.
class SqlSchema
{
public:
    const QStringList &namespaces() const { return m_namespaces; }
    const QList<Table> &tables() const { return m_tables; }
    const QList<ForeignKey> &foreignKeys() const { return m_foreignKeys; }
    const QList<Enum> &enums() const { return m_enums; }

    int addNamespace(const QString &name);
    /// Renames a namespace (a shadow schema read back under the real schema's name).
    void renameNamespace(const QString &from, const QString &to);
    int namespaceId(const QString &name) const { return int(m_namespaces.indexOf(name)); }
    /// The namespace's name, or an empty string for -1.
    QString namespaceName(int id) const { return id >= 0 ? m_namespaces.at(id) : QString(); }

    int addTable(Table table);
    Table &table(int id) { return m_tables[id]; }
    const Table &table(int id) const { return m_tables.at(id); }
    /// The table called `name` (in `namespaceName` when given), or -1.
    int tableIndex(const QString &name, const QString &namespaceName = QString()) const;

    int addForeignKey(ForeignKey foreignKey);
    ForeignKey &foreignKey(int id) { return m_foreignKeys[id]; }
    /// Indexes into foreignKeys() of the foreign keys of `table`, in order.
    QList<int> foreignKeysOf(int table) const;

    int addEnum(Enum enumType);
    /// The enum called `name` (in `namespaceName` when given), or nullptr.
    const Enum *findEnum(const QString &name, const QString &namespaceName = QString()) const;

    const Column &column(int table, int column) const
    {
        return m_tables.at(table).columns.at(column);
    }

    /// The namespace the connection works in (`?schema=`, default `public`): names in it are
    /// written unqualified, names in any other one as `"namespace"."name"`.
    const QString &defaultNamespace() const { return m_defaultNamespace; }
    void setDefaultNamespace(const QString &name) { m_defaultNamespace = name; }
    bool isQualified(int namespaceId) const
    {
        return namespaceId >= 0 && m_namespaces.at(namespaceId) != m_defaultNamespace;
    }
    /// Read from a database: every object knows its namespace, and the few statements Prisma
    /// writes from the objects themselves name it (an introspected `public` included).
    bool isIntrospected() const { return m_introspected; }
    void setIntrospected(bool introspected) { m_introspected = introspected; }
    /// Built from a data model with the `partialIndexes` preview feature. Prisma compares
    /// predicates only then; otherwise it matches indexes as if they had none and never drops
    /// a partial index.
    bool hasPartialIndexes() const { return m_partialIndexes; }
    void setPartialIndexes(bool on) { m_partialIndexes = on; }

private:
    QStringList m_namespaces;
    QList<Table> m_tables;
    QList<ForeignKey> m_foreignKeys;
    QList<Enum> m_enums;
    QString m_defaultNamespace;
    bool m_partialIndexes = false;
    bool m_introspected = false;
};

} // namespace gh::sql
