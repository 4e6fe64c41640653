#include "core/sql/SqliteIntrospector.h"

#include "core/db/Database.h"
#include "core/sql/SqliteFlavour.h"

#include <QHash>
#include <QRegularExpression>
#include <map>

namespace gh::sql {

namespace {

// SQLite's own tables, and Cloudflare D1's.
bool isIgnored(const QString &name)
{
    static const QStringList system = {
        QStringLiteral("sqlite_sequence"), QStringLiteral("sqlite_stat1"),
        QStringLiteral("sqlite_stat2"),    QStringLiteral("sqlite_stat3"),
        QStringLiteral("sqlite_stat4"),    QStringLiteral("d1_migrations")};
    static const QRegularExpression cloudflare(QStringLiteral("^_cf_[A-Z]+"));
    return system.contains(name) || cloudflare.match(name).hasMatch();
}

ScalarValue scalar(ScalarValue::Kind kind, const QString &text)
{
    ScalarValue value;
    value.kind = kind;
    value.text = text;
    return value;
}

// `'-12'` or `-12`.
std::optional<QString> integer(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^'?(-?\\d+)'?$"));
    const QRegularExpressionMatch match = number.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    match.captured(1).toLongLong(&ok);
    return ok ? std::optional<QString>(match.captured(1)) : std::nullopt;
}

std::optional<QString> decimal(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^'?([^']+)'?$"));
    static const QRegularExpression decimalSyntax(
        QStringLiteral("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?$"));
    const QRegularExpressionMatch match = number.match(text);
    if (!match.hasMatch() || !decimalSyntax.match(match.captured(1)).hasMatch())
        return std::nullopt;
    return match.captured(1);
}

// 'text' or "text", with doubled single quotes unescaped.
QString unquoted(const QString &text)
{
    static const QRegularExpression quoted(QStringLiteral("^'(.*)'$|^\"(.*)\"$"),
                                           QRegularExpression::DotMatchesEverythingOption |
                                               QRegularExpression::MultilineOption);
    QString value = text;
    const QRegularExpressionMatch match = quoted.match(text);
    if (match.hasMatch())
        value = match.captured(1) + match.captured(2);
    value.replace(QLatin1String("''"), QLatin1String("'"));
    return value;
}

DefaultValue defaultFor(const QString &text, ColumnTypeFamily family)
{
    switch (family) {
    case ColumnTypeFamily::Int:
    case ColumnTypeFamily::BigInt:
        if (const auto value = integer(text))
            return DefaultValue::constant(scalar(family == ColumnTypeFamily::Int
                                                     ? ScalarValue::Kind::Int
                                                     : ScalarValue::Kind::BigInt,
                                                 *value));
        break;
    case ColumnTypeFamily::Float:
    case ColumnTypeFamily::Decimal:
        if (const auto value = decimal(text))
            return DefaultValue::constant(scalar(ScalarValue::Kind::Float, *value));
        break;
    case ColumnTypeFamily::Boolean: {
        const auto value = integer(text);
        if (value == QLatin1String("1") ||
            text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return DefaultValue::constant(
                scalar(ScalarValue::Kind::Boolean, QStringLiteral("true")));
        if (value == QLatin1String("0") ||
            text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return DefaultValue::constant(
                scalar(ScalarValue::Kind::Boolean, QStringLiteral("false")));
        break;
    }
    case ColumnTypeFamily::String:
        return DefaultValue::constant(scalar(ScalarValue::Kind::String, unquoted(text)));
    case ColumnTypeFamily::DateTime: {
        const QString lower = text.toLower();
        if (lower == QLatin1String("current_timestamp") ||
            lower == QLatin1String("datetime('now')") ||
            lower == QLatin1String("datetime('now', 'localtime')"))
            return DefaultValue::now();
        break;
    }
    case ColumnTypeFamily::Json:
        return DefaultValue::constant(scalar(ScalarValue::Kind::String, text));
    default:
        break;
    }
    return DefaultValue::dbGenerated(text);
}

ForeignKeyAction actionFor(const QString &text)
{
    const QString lower = text.toLower();
    if (lower == QLatin1String("restrict"))
        return ForeignKeyAction::Restrict;
    if (lower == QLatin1String("set null"))
        return ForeignKeyAction::SetNull;
    if (lower == QLatin1String("set default"))
        return ForeignKeyAction::SetDefault;
    if (lower == QLatin1String("cascade"))
        return ForeignKeyAction::Cascade;
    return ForeignKeyAction::NoAction;
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
        m_schema.setIntrospected(true);
        auto tables = query(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "ORDER BY name ASC"),
                            {});
        if (!tables)
            return tables.error();
        for (const QVariantList &row : tables->rows()) {
            const QString name = row.at(0).toString();
            if (isIgnored(name))
                continue;
            Table table;
            table.name = name;
            const int id = m_schema.addTable(std::move(table));
            m_tables.insert(name, id);
        }
        for (int t = 0; t < m_schema.tables().size(); ++t) {
            if (m_isCancelled && m_isCancelled())
                return Error(Error::Code::Cancelled, QStringLiteral("Introspection cancelled."));
            Status done = readColumns(t);
            if (done)
                done = readIndexes(t);
            if (!done)
                return done.error();
        }
        for (int t = 0; t < m_schema.tables().size(); ++t) {
            const Status done = readForeignKeys(t);
            if (!done)
                return done.error();
        }
        return std::move(m_schema);
    }

private:
    Result<QueryResult> query(const QString &sql, const QVariantList &values)
    {
        SqlStatement statement(SqlDialect::SQLite, sql, values);
        return m_database.query(statement);
    }

    Status readColumns(int t)
    {
        Table &table = m_schema.table(t);
        auto rows = query(QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk "
                                         "FROM pragma_table_info(?) ORDER BY cid"),
                          {table.name});
        if (!rows)
            return rows.error();
        std::map<qlonglong, int> primaryKey; // position in the key -> column
        for (const QVariantList &row : rows->rows()) {
            Column column;
            column.name = row.at(0).toString();
            column.type.fullDataType = row.at(1).toString().toLower();
            column.type.family = SqliteFlavour::familyForDeclaredType(column.type.fullDataType);
            column.type.arity =
                row.at(2).toLongLong() != 0 ? ColumnArity::Required : ColumnArity::Nullable;
            const QVariant dflt = row.at(3);
            if (!dflt.isNull() && dflt.toString().toLower() != QLatin1String("null"))
                column.defaultValue = defaultFor(dflt.toString(), column.type.family);
            if (row.at(4).toLongLong() > 0)
                primaryKey[row.at(4).toLongLong()] = int(table.columns.size());
            table.columns.append(std::move(column));
        }
        if (primaryKey.empty())
            return success();
        Index pk;
        pk.type = Index::Type::PrimaryKey;
        for (const auto &[position, column] : primaryKey)
            pk.columns.append(IndexColumn{column, {}, {}, {}, false});
        table.indexes.append(pk);
        // An INTEGER primary key is the rowid: it increments by itself.
        if (primaryKey.size() == 1) {
            Column &column = table.columns[primaryKey.begin()->second];
            if (column.type.fullDataType == QLatin1String("integer")) {
                column.autoIncrement = true;
                column.type.arity = ColumnArity::Required;
            }
        }
        return success();
    }

    // `CREATE INDEX "i" ON "t"("a", "b") WHERE active = 1` -> `active = 1`.
    static QString predicateOf(const QString &createIndex)
    {
        const qsizetype open = createIndex.indexOf(QLatin1Char('('));
        if (open < 0)
            return QString();
        int depth = 0;
        QChar quote;
        for (qsizetype i = open; i < createIndex.size(); ++i) {
            const QChar c = createIndex.at(i);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') ||
                       c == QLatin1Char('[')) {
                quote = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            } else if (c == QLatin1Char('(')) {
                ++depth;
            } else if (c == QLatin1Char(')') && --depth == 0) {
                QString rest = createIndex.mid(i + 1).trimmed();
                if (!rest.startsWith(QLatin1String("WHERE"), Qt::CaseInsensitive))
                    return QString();
                rest = rest.mid(5).trimmed();
                while (rest.endsWith(QLatin1Char(';')))
                    rest.chop(1);
                return rest.trimmed();
            }
        }
        return QString();
    }

    Status readIndexes(int t)
    {
        Table &table = m_schema.table(t);
        auto list = query(QStringLiteral("SELECT name, \"unique\", origin, partial "
                                         "FROM pragma_index_list(?) ORDER BY seq"),
                          {table.name});
        if (!list)
            return list.error();
        for (const QVariantList &row : list->rows()) {
            if (row.at(2).toString() == QLatin1String("pk"))
                continue; // primary keys are read from table_info
            Index index;
            index.name = row.at(0).toString();
            if (row.at(3).toLongLong() != 0) {
                // SQLite keeps no parsed predicate: it is the text after the column list.
                auto sql = query(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = "
                                                "'index' AND name = ?"),
                                 {index.name});
                if (!sql)
                    return sql.error();
                index.predicate = predicateOf(sql->value(0, 0).toString());
                if (index.predicate.isEmpty())
                    continue;
            }
            index.type = row.at(1).toLongLong() != 0 ? Index::Type::Unique : Index::Type::Normal;
            auto columns = query(QStringLiteral("SELECT name, \"desc\" FROM pragma_index_xinfo(?) "
                                                "WHERE key = 1 ORDER BY seqno"),
                                 {index.name});
            if (!columns)
                return columns.error();
            bool valid = true;
            for (const QVariantList &column : columns->rows()) {
                const int c =
                    column.at(0).isNull() ? -1 : table.columnIndex(column.at(0).toString());
                if (c < 0) {
                    valid = false; // an expression or the rowid
                    break;
                }
                index.columns.append(
                    IndexColumn{c,
                                column.at(1).toLongLong() != 0 ? SortOrder::Desc : SortOrder::Asc,
                                {},
                                {},
                                false});
            }
            if (valid)
                table.indexes.append(std::move(index));
        }
        return success();
    }

    Status readForeignKeys(int t)
    {
        auto rows = query(QStringLiteral("SELECT id, seq, \"table\", \"from\", \"to\", on_update, "
                                         "on_delete FROM pragma_foreign_key_list(?)"),
                          {m_schema.table(t).name});
        if (!rows)
            return rows.error();
        qlonglong current = -1;
        int foreignKey = -1;
        std::map<qlonglong, std::pair<int, int>> columns; // seq -> (column, referenced column)
        const auto flush = [&] {
            if (foreignKey < 0)
                return;
            ForeignKey &fk = m_schema.foreignKey(foreignKey);
            const Index *pk = m_schema.table(fk.referencedTable).primaryKey();
            // `REFERENCES "User"` without columns means the primary key.
            const bool implicit = !columns.empty() && columns.begin()->second.second < 0;
            int i = 0;
            for (const auto &[seq, pair] : columns) {
                int referenced = pair.second;
                if (implicit) {
                    if (!pk || pk->columns.size() != int(columns.size()))
                        break;
                    referenced = pk->columns.at(i).column;
                }
                fk.columns.append(pair.first);
                fk.referencedColumns.append(referenced);
                ++i;
            }
            columns.clear();
        };
        for (const QVariantList &row : rows->rows()) {
            const int referencedTable = m_tables.value(row.at(2).toString(), -1);
            const int column = m_schema.table(t).columnIndex(row.at(3).toString());
            if (referencedTable < 0 || column < 0)
                continue;
            const int referencedColumn =
                row.at(4).isNull()
                    ? -1
                    : m_schema.table(referencedTable).columnIndex(row.at(4).toString());
            const qlonglong id = row.at(0).toLongLong();
            if (id != current) {
                flush();
                ForeignKey fk;
                fk.table = t;
                fk.referencedTable = referencedTable;
                fk.onUpdate = actionFor(row.at(5).toString());
                fk.onDelete = actionFor(row.at(6).toString());
                foreignKey = m_schema.addForeignKey(std::move(fk));
                current = id;
            }
            columns[row.at(1).toLongLong()] = {column, referencedColumn};
        }
        flush();
        return success();
    }

    Database &m_database;
    const SchemaIntrospector::CancelCheck &m_isCancelled;
    SqlSchema m_schema;
    QHash<QString, int> m_tables;
};

} // namespace

Result<SqlSchema> SqliteIntrospector::introspect(Database &database,
                                                 const SchemaIntrospector::CancelCheck &isCancelled)
{
    return Reader(database, isCancelled).read();
}

} // namespace gh::sql
