#include "core/sql/PostgresIntrospector.h"

#include "core/db/Database.h"
#include "core/sql/PostgresDefaultParser.h"
#include "core/sql/PostgresFlavour.h"

#include <QHash>
#include <algorithm>
#include <map>

namespace gh::sql {

namespace {

const char *const kTablesQuery =
    "SELECT tbl.relname AS table_name"
    " FROM pg_catalog.pg_class AS tbl"
    " JOIN pg_catalog.pg_namespace AS ns ON ns.oid = tbl.relnamespace"
    " WHERE ((tbl.relkind = 'r' AND NOT tbl.relispartition) OR tbl.relkind IN ('p', 'f'))"
    " AND ns.nspname = $1"
    " ORDER BY tbl.relname";

const char *const kEnumsQuery = "SELECT t.typname AS name, e.enumlabel AS value"
                                " FROM pg_catalog.pg_type t"
                                " JOIN pg_catalog.pg_enum e ON t.oid = e.enumtypid"
                                " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                                " WHERE n.nspname = $1"
                                " ORDER BY e.enumsortorder";

// information_schema.columns, read from pg_catalog directly (much faster on many tables).
const char *const kColumnsQuery =
    "SELECT c.relname AS table_name, a.attname AS column_name,"
    " t.typname AS udt_name, t.typcategory = 'A' AS is_array,"
    " COALESCE(et.typtype, t.typtype)::text AS type_kind,"
    " COALESCE(et.typname, t.typname) AS element_name,"
    " COALESCE(etn.nspname, tn.nspname) AS type_schema,"
    " a.atttypmod AS typmod, a.attnotnull AS not_null, a.attidentity::text AS identity,"
    " pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS column_default"
    " FROM pg_catalog.pg_attribute a"
    " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
    " JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace"
    " LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
    " LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace"
    " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped"
    " AND ((c.relkind = 'r' AND NOT c.relispartition) OR c.relkind IN ('p', 'f'))"
    " ORDER BY c.relname, a.attnum";

const char *const kForeignKeysQuery =
    "SELECT con.oid::bigint AS con_id, con.conname AS constraint_name,"
    " cl.relname AS table_name, child.attname AS child_column,"
    " ref.relname AS parent_table, parent.attname AS parent_column,"
    " ref_ns.nspname AS referenced_schema,"
    " con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update"
    " FROM pg_catalog.pg_constraint con"
    " JOIN pg_catalog.pg_class cl ON cl.oid = con.conrelid"
    " JOIN pg_catalog.pg_namespace ns ON ns.oid = cl.relnamespace"
    " CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(child, parent, idx)"
    " JOIN pg_catalog.pg_attribute child ON child.attrelid = con.conrelid AND child.attnum = "
    "k.child"
    " JOIN pg_catalog.pg_class ref ON ref.oid = con.confrelid"
    " JOIN pg_catalog.pg_namespace ref_ns ON ref_ns.oid = ref.relnamespace"
    " JOIN pg_catalog.pg_attribute parent"
    " ON parent.attrelid = con.confrelid AND parent.attnum = k.parent"
    " WHERE con.contype = 'f' AND ns.nspname = $1"
    " ORDER BY cl.relname, con.conname, con.oid, k.idx";

// Exclusion indexes are left out, as Prisma leaves them out. Partial indexes come with their
// predicate in PostgreSQL's words; the differ ignores them unless the data model has the
// `partialIndexes` preview feature, as Prisma does.
const char *const kIndexesQuery =
    "SELECT tbl.relname AS table_name, idx.relname AS index_name, att.attname AS column_name,"
    " i.indisunique AS is_unique, i.indisprimary AS is_primary_key, k.pos AS position,"
    " opc.opcname AS opclass, opc.opcdefault AS opcdefault, am.amname AS algorithm,"
    " (k.opt & 1) = 1 AS descending, pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate"
    " FROM pg_catalog.pg_index i"
    " JOIN pg_catalog.pg_class tbl ON tbl.oid = i.indrelid"
    " JOIN pg_catalog.pg_class idx ON idx.oid = i.indexrelid"
    " JOIN pg_catalog.pg_namespace ns ON ns.oid = tbl.relnamespace"
    " JOIN pg_catalog.pg_am am ON am.oid = idx.relam"
    " CROSS JOIN LATERAL unnest(i.indkey::int2[], i.indclass::oid[], i.indoption::int2[])"
    " WITH ORDINALITY AS k(attnum, opclass, opt, pos)"
    " LEFT JOIN pg_catalog.pg_attribute att ON att.attrelid = tbl.oid AND att.attnum = k.attnum"
    " LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = k.opclass"
    " WHERE ns.nspname = $1 AND NOT i.indisexclusion"
    " ORDER BY tbl.relname, idx.relname, k.pos";

Result<QueryResult> run(Database &database, const char *sql)
{
    SqlStatement statement = database.statement();
    statement << QString::fromLatin1(sql).replace(QLatin1String("$1"),
                                                  statement.bind(database.schema()));
    return database.query(statement);
}

ForeignKeyAction actionFor(const QString &code)
{
    switch (code.isEmpty() ? 'a' : code.at(0).toLatin1()) {
    case 'r':
        return ForeignKeyAction::Restrict;
    case 'c':
        return ForeignKeyAction::Cascade;
    case 'n':
        return ForeignKeyAction::SetNull;
    case 'd':
        return ForeignKeyAction::SetDefault;
    default:
        return ForeignKeyAction::NoAction;
    }
}

IndexAlgorithm algorithmFor(const QString &name)
{
    if (name == QLatin1String("hash"))
        return IndexAlgorithm::Hash;
    if (name == QLatin1String("gist"))
        return IndexAlgorithm::Gist;
    if (name == QLatin1String("gin"))
        return IndexAlgorithm::Gin;
    if (name == QLatin1String("spgist"))
        return IndexAlgorithm::SpGist;
    if (name == QLatin1String("brin"))
        return IndexAlgorithm::Brin;
    return IndexAlgorithm::BTree;
}

// information_schema's length, precision and scale, from the type modifier.
ColumnType columnType(const QString &udtName, bool isArray, const QString &typeKind,
                      const QString &elementName, const QString &typeSchema, int typmod,
                      bool notNull)
{
    ColumnType type;
    type.fullDataType = udtName;
    type.arity = isArray   ? ColumnArity::List
                 : notNull ? ColumnArity::Required
                           : ColumnArity::Nullable;
    if (typeKind == QLatin1String("e")) {
        type.family = ColumnTypeFamily::Enum;
        type.enumName = elementName;
        type.enumNamespace = typeSchema;
        return type;
    }
    const std::optional<ColumnTypeFamily> family = PostgresFlavour::familyForCatalogName(udtName);
    if (!family) {
        type.family = ColumnTypeFamily::Unsupported;
        return type;
    }
    type.family = *family;
    const QString name = isArray ? elementName : udtName;
    std::optional<int> length;
    std::optional<int> precision;
    std::optional<int> scale;
    std::optional<int> timePrecision;
    if (name == QLatin1String("varchar") || name == QLatin1String("bpchar")) {
        if (typmod >= 4)
            length = typmod - 4;
    } else if (name == QLatin1String("bit") || name == QLatin1String("varbit")) {
        if (typmod >= 0)
            length = typmod;
    } else if (name == QLatin1String("numeric")) {
        if (typmod >= 4) {
            precision = ((typmod - 4) >> 16) & 0xffff;
            scale = (typmod - 4) & 0xffff;
        }
    } else if (name == QLatin1String("time") || name == QLatin1String("timetz") ||
               name == QLatin1String("timestamp") || name == QLatin1String("timestamptz")) {
        if (typmod >= 0)
            timePrecision = typmod;
        else if (!isArray)
            timePrecision = 6; // information_schema's default precision
    }
    type.nativeType =
        PostgresFlavour::nativeTypeForCatalogName(udtName, length, precision, scale, timePrecision);
    return type;
}

class Reader
{
public:
    Reader(Database &database, const SchemaIntrospector::CancelCheck &isCancelled)
        : m_database(database)
        , m_isCancelled(isCancelled)
    {}

    Result<SqlSchema> read()
    {
        for (const auto &step :
             {&Reader::readNamespace, &Reader::readTables, &Reader::readEnums, &Reader::readColumns,
              &Reader::readForeignKeys, &Reader::readIndexes}) {
            if (m_isCancelled && m_isCancelled())
                return Error(Error::Code::Cancelled, QStringLiteral("Introspection cancelled."));
            const Status done = (this->*step)();
            if (!done)
                return done.error();
        }
        return std::move(m_schema);
    }

private:
    Status readNamespace()
    {
        SqlStatement statement = m_database.statement();
        statement << QStringLiteral("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ")
                  << statement.bind(m_database.schema());
        auto rows = m_database.query(statement);
        if (!rows)
            return rows.error();
        if (!rows->isEmpty())
            m_namespace = m_schema.addNamespace(m_database.schema());
        // Rendered against a database schema, every name is qualified (as Prisma does it).
        m_schema.setIntrospected(true);
        return success();
    }

    Status readTables()
    {
        auto rows = run(m_database, kTablesQuery);
        if (!rows)
            return rows.error();
        for (const QVariantList &row : rows->rows()) {
            Table table;
            table.name = row.at(0).toString();
            table.namespaceId = m_namespace;
            const QString name = table.name;
            m_tables.insert(name, m_schema.addTable(std::move(table)));
        }
        return success();
    }

    Status readEnums()
    {
        auto rows = run(m_database, kEnumsQuery);
        if (!rows)
            return rows.error();
        // By name, as Prisma's describer collects them in a BTreeMap.
        std::map<QByteArray, Enum> enums;
        for (const QVariantList &row : rows->rows()) {
            const QString name = row.at(0).toString();
            Enum &e = enums[name.toUtf8()];
            e.name = name;
            e.namespaceId = m_namespace;
            e.values.append(row.at(1).toString());
        }
        for (auto &[key, e] : enums)
            m_schema.addEnum(std::move(e));
        return success();
    }

    Status readColumns()
    {
        auto rows = run(m_database, kColumnsQuery);
        if (!rows)
            return rows.error();
        for (const QVariantList &row : rows->rows()) {
            const int table = m_tables.value(row.at(0).toString(), -1);
            if (table < 0)
                continue;
            Column column;
            column.name = row.at(1).toString();
            column.type = columnType(row.at(2).toString(), row.at(3).toBool(), row.at(4).toString(),
                                     row.at(5).toString(), row.at(6).toString(), row.at(7).toInt(),
                                     row.at(8).toBool());
            const QVariant expression = row.at(10);
            if (!expression.isNull())
                column.defaultValue =
                    PostgresDefaultParser::parse(expression.toString(), column.type);
            const QString identity = row.at(9).toString();
            column.autoIncrement =
                identity == QLatin1String("a") || identity == QLatin1String("d") ||
                (column.defaultValue && column.defaultValue->kind == DefaultValue::Kind::Sequence);
            m_schema.table(table).columns.append(std::move(column));
        }
        return success();
    }

    Status readForeignKeys()
    {
        auto rows = run(m_database, kForeignKeysQuery);
        if (!rows)
            return rows.error();
        qlonglong current = -1;
        int foreignKey = -1;
        for (const QVariantList &row : rows->rows()) {
            const int table = m_tables.value(row.at(2).toString(), -1);
            // Foreign keys to other schemas are out of this schema's model.
            const int referenced = row.at(6).toString() == m_database.schema()
                                       ? m_tables.value(row.at(4).toString(), -1)
                                       : -1;
            if (table < 0 || referenced < 0)
                continue;
            const int column = m_schema.table(table).columnIndex(row.at(3).toString());
            const int referencedColumn =
                m_schema.table(referenced).columnIndex(row.at(5).toString());
            if (column < 0 || referencedColumn < 0)
                continue;
            const qlonglong id = row.at(0).toLongLong();
            if (id != current) {
                ForeignKey fk;
                fk.table = table;
                fk.referencedTable = referenced;
                fk.constraintName = row.at(1).toString();
                fk.onDelete = actionFor(row.at(7).toString());
                fk.onUpdate = actionFor(row.at(8).toString());
                foreignKey = m_schema.addForeignKey(std::move(fk));
                current = id;
            }
            m_schema.foreignKey(foreignKey).columns.append(column);
            m_schema.foreignKey(foreignKey).referencedColumns.append(referencedColumn);
        }
        return success();
    }

    Status readIndexes()
    {
        auto rows = run(m_database, kIndexesQuery);
        if (!rows)
            return rows.error();
        // One index spans consecutive rows; expression indexes (a column without name) are
        // left out entirely, as Prisma leaves them out.
        const QVector<QVariantList> &all = rows->rows();
        for (int start = 0; start < all.size();) {
            int end = start;
            while (end < all.size() && all.at(end).at(1) == all.at(start).at(1) &&
                   all.at(end).at(0) == all.at(start).at(0))
                ++end;
            addIndex(all, start, end);
            start = end;
        }
        return success();
    }

    void addIndex(const QVector<QVariantList> &rows, int start, int end)
    {
        const int table = m_tables.value(rows.at(start).at(0).toString(), -1);
        if (table < 0)
            return;
        Index index;
        index.name = rows.at(start).at(1).toString();
        index.type = rows.at(start).at(4).toBool()   ? Index::Type::PrimaryKey
                     : rows.at(start).at(3).toBool() ? Index::Type::Unique
                                                     : Index::Type::Normal;
        index.algorithm = algorithmFor(rows.at(start).at(8).toString());
        index.predicate = rows.at(start).at(10).toString();
        for (int r = start; r < end; ++r) {
            const QVariantList &row = rows.at(r);
            if (row.at(2).isNull())
                return; // an expression index
            IndexColumn column;
            column.column = m_schema.table(table).columnIndex(row.at(2).toString());
            if (column.column < 0)
                return;
            column.sort = row.at(9).toBool() ? SortOrder::Desc : SortOrder::Asc;
            if (index.algorithm != IndexAlgorithm::BTree &&
                index.algorithm != IndexAlgorithm::Hash && !row.at(6).isNull()) {
                column.operatorClass = row.at(6).toString();
                column.operatorClassIsDefault = row.at(7).toBool();
            }
            index.columns.append(column);
        }
        m_schema.table(table).indexes.append(std::move(index));
    }

    Database &m_database;
    const SchemaIntrospector::CancelCheck &m_isCancelled;
    SqlSchema m_schema;
    int m_namespace = -1;
    QHash<QString, int> m_tables;
};

} // namespace

Result<SqlSchema>
PostgresIntrospector::introspect(Database &database,
                                 const SchemaIntrospector::CancelCheck &isCancelled)
{
    return Reader(database, isCancelled).read();
}

} // namespace gh::sql
