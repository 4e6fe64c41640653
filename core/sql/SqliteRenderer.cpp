#include "core/sql/SqliteRenderer.h"

#include "core/db/SqlDialect.h"

namespace gh::sql {

namespace {

const QLatin1String kIndentation("    ");

} // namespace

QString SqliteRenderer::quote(const QString &name)
{
    return quoteIdentifier(SqlDialect::SQLite, name);
}

QString SqliteRenderer::columnType(const Column &column)
{
    switch (column.type.family) {
    case ColumnTypeFamily::Boolean:
        return QStringLiteral("BOOLEAN");
    case ColumnTypeFamily::DateTime:
        return QStringLiteral("DATETIME");
    case ColumnTypeFamily::Float:
        return QStringLiteral("REAL");
    case ColumnTypeFamily::Decimal:
        return QStringLiteral("DECIMAL");
    case ColumnTypeFamily::Int:
        return QStringLiteral("INTEGER");
    case ColumnTypeFamily::BigInt:
        return QStringLiteral("BIGINT");
    case ColumnTypeFamily::String:
    case ColumnTypeFamily::Enum:
    case ColumnTypeFamily::Uuid:
        return QStringLiteral("TEXT");
    case ColumnTypeFamily::Binary:
        return QStringLiteral("BLOB");
    case ColumnTypeFamily::Json:
        return QStringLiteral("JSONB");
    case ColumnTypeFamily::Unsupported:
        return column.type.fullDataType;
    }
    return QString();
}

QString SqliteRenderer::defaultValue(const DefaultValue &value)
{
    switch (value.kind) {
    case DefaultValue::Kind::DbGenerated:
        return value.expression.value_or(QString());
    case DefaultValue::Kind::Now:
        return QStringLiteral("CURRENT_TIMESTAMP");
    case DefaultValue::Kind::Value:
        switch (value.value.kind) {
        case ScalarValue::Kind::String:
        case ScalarValue::Kind::Enum:
            return stringLiteral(value.value.text);
        case ScalarValue::Kind::Bytes:
            return QLatin1Char('\'') + hex(value.value.bytes) + QLatin1Char('\'');
        case ScalarValue::Kind::DateTime:
            return QLatin1Char('\'') + value.value.text + QLatin1Char('\'');
        case ScalarValue::Kind::Json:
            // Prisma writes JSON defaults unquoted here.
            return value.value.text;
        default:
            return value.value.text;
        }
    case DefaultValue::Kind::Sequence:
    case DefaultValue::Kind::UniqueRowid:
        return QString();
    }
    return QString();
}

QString SqliteRenderer::column(const Table &table, int index)
{
    const Column &c = table.columns.at(index);
    const bool primaryKey = table.isSinglePrimaryKey(index);
    QString sql = quote(c.name) + QLatin1Char(' ') + columnType(c);
    if (!c.type.isNullable())
        sql += QLatin1String(" NOT NULL");
    if (primaryKey)
        sql += QLatin1String(" PRIMARY KEY");
    if (primaryKey && c.type.family == ColumnTypeFamily::Int && c.autoIncrement)
        sql += QLatin1String(" AUTOINCREMENT");
    if (c.defaultValue && c.defaultValue->kind != DefaultValue::Kind::Sequence &&
        !(c.defaultValue->kind == DefaultValue::Kind::DbGenerated && !c.defaultValue->expression))
        sql += QLatin1String(" DEFAULT ") + defaultValue(*c.defaultValue);
    return sql;
}

QString SqliteRenderer::createTableAs(const SqlSchema &schema, int tableId,
                                      const QString &name) const
{
    const Table &table = schema.table(tableId);
    QStringList columns;
    bool singlePrimaryKey = false;
    for (int c = 0; c < table.columns.size(); ++c) {
        columns.append(kIndentation + column(table, c));
        singlePrimaryKey = singlePrimaryKey || table.isSinglePrimaryKey(c);
    }
    QString sql = QLatin1String("CREATE TABLE ") + quote(name) + QLatin1String(" (\n") +
                  columns.join(QLatin1String(",\n"));
    const Index *pk = table.primaryKey();
    if (pk && !singlePrimaryKey) {
        QStringList names;
        for (const QString &column : table.columnNames(*pk))
            names.append(quote(column));
        sql += QLatin1String(",\n\n") + kIndentation + QLatin1String("PRIMARY KEY (") +
               names.join(QLatin1String(", ")) + QLatin1Char(')');
    }
    for (const int id : schema.foreignKeysOf(tableId)) {
        const ForeignKey &fk = schema.foreignKeys().at(id);
        sql += QLatin1String(",\n") + kIndentation +
               foreignKeyClause(schema, fk, quote(schema.table(fk.referencedTable).name), true);
    }
    return sql + QLatin1String("\n)");
}

QString SqliteRenderer::createTable(const SqlSchema &schema, int table) const
{
    return createTableAs(schema, table, schema.table(table).name);
}

QStringList SqliteRenderer::dropTable(const SqlSchema &schema, int table) const
{
    // Foreign keys off: SQLite has no other way to drop tables that reference each other.
    return {QStringLiteral("PRAGMA foreign_keys=off"),
            QLatin1String("DROP TABLE ") + quote(schema.table(table).name),
            QStringLiteral("PRAGMA foreign_keys=on")};
}

QStringList SqliteRenderer::alterTable(const MigrationStep &step, const SqlSchema &previous,
                                       const SqlSchema &next) const
{
    QStringList statements;
    const Table &after = next.table(step.ids.next);
    for (const TableChange &change : step.changes) {
        // Everything else goes through RedefineTables.
        if (change.kind != TableChange::Kind::AddColumn)
            continue;
        statements.append(QLatin1String("ALTER TABLE ") +
                          quote(previous.table(step.ids.previous).name) +
                          QLatin1String(" ADD COLUMN ") + column(after, change.column.next));
    }
    return statements;
}

QStringList SqliteRenderer::redefineTables(const MigrationStep &step, const SqlSchema &previous,
                                           const SqlSchema &next) const
{
    QStringList statements{QStringLiteral("PRAGMA defer_foreign_keys=ON"),
                           QStringLiteral("PRAGMA foreign_keys=OFF")};
    for (const RedefineTable &redefine : step.redefinedTables) {
        const Table &before = previous.table(redefine.tables.previous);
        const Table &after = next.table(redefine.tables.next);
        const QString temporary = QLatin1String("new_") + after.name;
        statements.append(createTableAs(next, redefine.tables.next, temporary));
        if (!redefine.columnPairs.empty()) {
            QStringList destination;
            QStringList source;
            for (const auto &[columns, changes] : redefine.columnPairs) {
                const Column &old = before.columns.at(columns.previous);
                const Column &now = after.columns.at(columns.next);
                destination.append(quote(now.name));
                // SQLite has no DEFAULT keyword in INSERT ... SELECT: coalesce instead.
                if (changes.arityChanged() && now.type.isRequired() && now.defaultValue) {
                    source.append(QLatin1String("coalesce(") + quote(old.name) +
                                  QLatin1String(", ") + defaultValue(*now.defaultValue) +
                                  QLatin1String(") AS ") + quote(old.name));
                } else {
                    source.append(quote(old.name));
                }
            }
            statements.append(QLatin1String("INSERT INTO ") + quote(temporary) +
                              QLatin1String(" (") + destination.join(QLatin1String(", ")) +
                              QLatin1String(") SELECT ") + source.join(QLatin1String(", ")) +
                              QLatin1String(" FROM ") + quote(before.name));
        }
        statements.append(QLatin1String("DROP TABLE ") + quote(before.name));
        statements.append(QLatin1String("ALTER TABLE ") + quote(temporary) +
                          QLatin1String(" RENAME TO ") + quote(after.name));
        for (int i = 0; i < after.indexes.size(); ++i) {
            if (!after.indexes.at(i).isPrimaryKey())
                statements.append(createIndex(next, {redefine.tables.next, i}));
        }
    }
    statements.append(QStringLiteral("PRAGMA foreign_keys=ON"));
    statements.append(QStringLiteral("PRAGMA defer_foreign_keys=OFF"));
    return statements;
}

QString SqliteRenderer::createIndex(const SqlSchema &schema, const IndexRef &ref) const
{
    const Table &table = schema.table(ref.table);
    const Index &index = table.indexes.at(ref.column);
    const QString create =
        QLatin1String("CREATE ") + (index.isUnique() ? QLatin1String("UNIQUE ") : QLatin1String()) +
        QLatin1String("INDEX ") + quote(index.name) + QLatin1String(" ON ") + quote(table.name) +
        QLatin1Char('(') + indexColumns(table, index, false) + QLatin1Char(')') +
        (index.predicate.isEmpty() ? QString() : QLatin1String(" WHERE ") + index.predicate);
    if (index.name.startsWith(QLatin1String("sqlite_")))
        return QLatin1String("Pragma writable_schema=1;\n") + create +
               QLatin1String(";\nPragma writable_schema=0");
    return create;
}

QString SqliteRenderer::dropIndex(const SqlSchema &schema, const IndexRef &ref) const
{
    return QLatin1String("DROP INDEX ") +
           quote(schema.table(ref.table).indexes.at(ref.column).name);
}

} // namespace gh::sql
