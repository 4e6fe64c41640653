#include "core/sql/PostgresRenderer.h"

#include "core/db/SqlDialect.h"

namespace gh::sql {

namespace {

const QLatin1String kIndentation("    ");

QString optionalArguments(const NativeType &type)
{
    if (type.arguments.isEmpty())
        return QString();
    return QLatin1Char('(') + QString::number(type.arguments.first()) + QLatin1Char(')');
}

QString nativeTypeSql(const NativeType &type, bool autoIncrement)
{
    const QString &name = type.name;
    if (name == QLatin1String("SmallInt"))
        return autoIncrement ? QStringLiteral("SMALLSERIAL") : QStringLiteral("SMALLINT");
    if (name == QLatin1String("Integer"))
        return autoIncrement ? QStringLiteral("SERIAL") : QStringLiteral("INTEGER");
    if (name == QLatin1String("BigInt"))
        return autoIncrement ? QStringLiteral("BIGSERIAL") : QStringLiteral("BIGINT");
    if (name == QLatin1String("Decimal")) {
        if (type.arguments.size() == 2)
            return QStringLiteral("DECIMAL(%1,%2)")
                .arg(type.arguments.at(0))
                .arg(type.arguments.at(1));
        return QStringLiteral("DECIMAL");
    }
    if (name == QLatin1String("DoublePrecision"))
        return QStringLiteral("DOUBLE PRECISION");
    if (name == QLatin1String("VarChar") || name == QLatin1String("Char") ||
        name == QLatin1String("Timestamp") || name == QLatin1String("Timestamptz") ||
        name == QLatin1String("Time") || name == QLatin1String("Timetz") ||
        name == QLatin1String("Bit") || name == QLatin1String("VarBit"))
        return name.toUpper() + optionalArguments(type);
    // Citext, Oid, Inet, Money, Real, Text, ByteA, Date, Boolean, Uuid, Xml, Json, JsonB
    return name.toUpper();
}

QString scalarSql(const ScalarValue &value, const QString &columnType)
{
    switch (value.kind) {
    case ScalarValue::Kind::String:
    case ScalarValue::Kind::Enum:
    case ScalarValue::Kind::Json:
        return SqlRenderer::stringLiteral(value.text);
    case ScalarValue::Kind::DateTime:
        return QLatin1Char('\'') + value.text + QLatin1Char('\'');
    case ScalarValue::Kind::Bytes:
        return QStringLiteral("'\\x") + QString::fromLatin1(value.bytes.toHex()) +
               QLatin1Char('\'');
    case ScalarValue::Kind::List: {
        QStringList elements;
        for (const ScalarValue &element : value.list)
            elements.append(scalarSql(element, columnType));
        return QStringLiteral("ARRAY[") + elements.join(QLatin1String(", ")) +
               QStringLiteral("]::") + columnType;
    }
    case ScalarValue::Kind::Boolean:
    case ScalarValue::Kind::Int:
    case ScalarValue::Kind::BigInt:
    case ScalarValue::Kind::Float:
        return value.text;
    }
    return value.text;
}

} // namespace

QString PostgresRenderer::quote(const QString &name)
{
    return quoteIdentifier(SqlDialect::PostgreSQL, name);
}

QString PostgresRenderer::qualified(const SqlSchema &schema, int namespaceId, const QString &name)
{
    if (schema.isQualified(namespaceId))
        return quote(schema.namespaceName(namespaceId)) + QLatin1Char('.') + quote(name);
    return quote(name);
}

QString PostgresRenderer::ownName(const SqlSchema &schema, int namespaceId, const QString &name)
{
    if (schema.isIntrospected() && namespaceId >= 0)
        return quote(schema.namespaceName(namespaceId)) + QLatin1Char('.') + quote(name);
    return qualified(schema, namespaceId, name);
}

QString PostgresRenderer::tableName(const SqlSchema &schema, int table)
{
    const Table &t = schema.table(table);
    return qualified(schema, t.namespaceId, t.name);
}

QString PostgresRenderer::columnType(const SqlSchema &schema, const Column &column)
{
    const QString list = column.type.isList() ? QStringLiteral("[]") : QString();
    if (column.type.family == ColumnTypeFamily::Enum) {
        return qualified(schema, schema.namespaceId(column.type.enumNamespace),
                         column.type.enumName) +
               list;
    }
    if (column.type.family == ColumnTypeFamily::Unsupported || !column.type.nativeType.isValid())
        return column.type.fullDataType + list;
    return nativeTypeSql(column.type.nativeType, column.autoIncrement) + list;
}

QString PostgresRenderer::defaultValue(const DefaultValue &value, const QString &columnType)
{
    switch (value.kind) {
    case DefaultValue::Kind::DbGenerated:
        return value.expression.value_or(QString());
    case DefaultValue::Kind::Now:
        return QStringLiteral("CURRENT_TIMESTAMP");
    case DefaultValue::Kind::Value:
        return scalarSql(value.value, columnType);
    case DefaultValue::Kind::UniqueRowid:
        return QStringLiteral("unique_rowid()");
    case DefaultValue::Kind::Sequence:
        return QString();
    }
    return QString();
}

QString PostgresRenderer::column(const SqlSchema &schema, const Column &column)
{
    const QString type = columnType(schema, column);
    QString sql = kIndentation + quote(column.name) + QLatin1Char(' ') + type;
    if (column.type.isRequired())
        sql += QLatin1String(" NOT NULL");
    if (column.defaultValue) {
        const QString value = defaultValue(*column.defaultValue, type);
        if (!value.isEmpty())
            sql += QLatin1String(" DEFAULT ") + value;
    }
    return sql;
}

QString PostgresRenderer::createTable(const SqlSchema &schema, int table) const
{
    const Table &t = schema.table(table);
    QStringList columns;
    for (const Column &c : t.columns)
        columns.append(column(schema, c));
    QString sql = QLatin1String("CREATE TABLE ") + tableName(schema, table) +
                  QLatin1String(" (\n") + columns.join(QLatin1String(",\n"));
    if (const Index *pk = t.primaryKey()) {
        QStringList names;
        for (const QString &name : t.columnNames(*pk))
            names.append(quote(name));
        sql += QLatin1String(",\n\n") + kIndentation + QLatin1String("CONSTRAINT ") +
               quote(pk->name) + QLatin1String(" PRIMARY KEY (") + names.join(QLatin1Char(',')) +
               QLatin1Char(')');
    }
    return sql + QLatin1String("\n)");
}

QStringList PostgresRenderer::createNamespace(const SqlSchema &schema, int id) const
{
    return {QLatin1String("CREATE SCHEMA IF NOT EXISTS ") + quote(schema.namespaceName(id))};
}

QStringList PostgresRenderer::createEnum(const SqlSchema &schema, int id) const
{
    const Enum &e = schema.enums().at(id);
    QStringList values;
    for (const QString &value : e.values)
        values.append(stringLiteral(value));
    return {QLatin1String("CREATE TYPE ") + qualified(schema, e.namespaceId, e.name) +
            QLatin1String(" AS ENUM (") + values.join(QLatin1String(", ")) + QLatin1Char(')')};
}

QStringList PostgresRenderer::dropEnum(const SqlSchema &schema, int id) const
{
    const Enum &e = schema.enums().at(id);
    return {QLatin1String("DROP TYPE ") + qualified(schema, e.namespaceId, e.name)};
}

QStringList PostgresRenderer::alterEnum(const MigrationStep &step, const SqlSchema &previous,
                                        const SqlSchema &next) const
{
    const Enum &before = previous.enums().at(step.ids.previous);
    const Enum &after = next.enums().at(step.ids.next);
    const QString previousName = qualified(previous, before.namespaceId, before.name);
    if (step.droppedValues.isEmpty()) {
        QStringList statements;
        for (const QString &value : step.createdValues)
            statements.append(QLatin1String("ALTER TYPE ") + previousName +
                              QLatin1String(" ADD VALUE ") + stringLiteral(value));
        if (statements.size() > 1) {
            statements[0] =
                QLatin1String("-- This migration adds more than one value to an enum.\n"
                              "-- With PostgreSQL versions 11 and earlier, this is not possible\n"
                              "-- in a single migration. This can be worked around by creating\n"
                              "-- multiple migrations, each migration adding only one value to\n"
                              "-- the enum.\n\n\n") +
                statements.at(0);
        }
        return statements;
    }

    // PostgreSQL cannot remove enum values: swap in a new type.
    const QString temporary =
        qualified(next, after.namespaceId, after.name + QLatin1String("_new"));
    const QString oldName = before.name + QLatin1String("_old");
    QStringList statements{QStringLiteral("BEGIN")};
    QStringList values;
    for (const QString &value : after.values)
        values.append(stringLiteral(value));
    statements.append(QLatin1String("CREATE TYPE ") + temporary + QLatin1String(" AS ENUM (") +
                      values.join(QLatin1String(", ")) + QLatin1Char(')'));
    for (const auto &usage : step.previousUsagesAsDefault) {
        const Table &table = previous.table(usage.first.table);
        statements.append(QLatin1String("ALTER TABLE ") +
                          ownName(previous, table.namespaceId, table.name) +
                          QLatin1String(" ALTER COLUMN ") +
                          quote(previous.column(usage.first.table, usage.first.column).name) +
                          QLatin1String(" DROP DEFAULT"));
    }
    for (int t = 0; t < next.tables().size(); ++t) {
        for (const Column &c : next.table(t).columns) {
            if (c.type.family != ColumnTypeFamily::Enum || c.type.enumName != after.name ||
                c.type.enumNamespace != next.namespaceName(after.namespaceId))
                continue;
            const QString array = c.type.isList() ? QStringLiteral("[]") : QString();
            statements.append(QLatin1String("ALTER TABLE ") + tableName(next, t) +
                              QLatin1String(" ALTER COLUMN ") + quote(c.name) +
                              QLatin1String(" TYPE ") + temporary + array +
                              QLatin1String(" USING (") + quote(c.name) +
                              QLatin1String("::text::") + temporary + array + QLatin1Char(')'));
        }
    }
    statements.append(QLatin1String("ALTER TYPE ") + previousName + QLatin1String(" RENAME TO ") +
                      quote(oldName));
    statements.append(QLatin1String("ALTER TYPE ") + temporary + QLatin1String(" RENAME TO ") +
                      quote(after.name));
    statements.append(QLatin1String("DROP TYPE ") + ownName(previous, before.namespaceId, oldName));
    for (const auto &usage : step.previousUsagesAsDefault) {
        if (!usage.second)
            continue;
        const Column &nextColumn = next.column(usage.second->table, usage.second->column);
        if (!nextColumn.defaultValue)
            continue;
        const Column &previousColumn = previous.column(usage.first.table, usage.first.column);
        statements.append(QLatin1String("ALTER TABLE ") + tableName(previous, usage.first.table) +
                          QLatin1String(" ALTER COLUMN ") + quote(previousColumn.name) +
                          QLatin1String(" SET DEFAULT ") +
                          defaultValue(*nextColumn.defaultValue, columnType(next, nextColumn)));
    }
    statements.append(QStringLiteral("COMMIT"));
    return statements;
}

QStringList PostgresRenderer::dropTable(const SqlSchema &schema, int table) const
{
    return {QLatin1String("DROP TABLE ") + tableName(schema, table)};
}

void PostgresRenderer::alterColumn(const SqlSchema &previous, const SqlSchema &next,
                                   const Pair<int> &tables, const TableChange &change,
                                   QStringList &before, QStringList &clauses,
                                   QStringList &after) const
{
    const Column &old = previous.column(tables.previous, change.column.previous);
    const Column &now = next.column(tables.next, change.column.next);
    const QString prefix = QLatin1String("ALTER COLUMN ") + quote(old.name);

    enum class Action { SetDefault, DropDefault, DropNotNull, SetNotNull, AddSequence };
    QList<Action> actions;
    bool setType = false;
    const ColumnChanges &changes = change.changes;
    if (changes.arityChanged()) {
        const ColumnArity from = old.type.arity;
        const ColumnArity to = now.type.arity;
        if (from == ColumnArity::Required && to == ColumnArity::Nullable) {
            actions.append(Action::DropNotNull);
        } else if (from == ColumnArity::Nullable && to == ColumnArity::Required) {
            actions.append(Action::SetNotNull);
        } else if (from == ColumnArity::List && to == ColumnArity::Nullable) {
            setType = true;
            actions.append(Action::DropNotNull);
        } else if (from == ColumnArity::List && to == ColumnArity::Required) {
            setType = true;
            actions.append(Action::SetNotNull);
        } else if (to == ColumnArity::List) {
            setType = true;
        }
    }
    if (changes.defaultChanged())
        actions.append(now.defaultValue ? Action::SetDefault : Action::DropDefault);
    if (changes.typeChanged())
        setType = true;
    if (changes.autoincrementChanged())
        actions.append(old.autoIncrement ? Action::DropDefault : Action::AddSequence);

    const QString type = columnType(next, now);
    for (const Action action : actions) {
        switch (action) {
        case Action::DropDefault: {
            clauses.append(prefix + QLatin1String(" DROP DEFAULT"));
            // Drop the column's sequence too, unless another column still uses it.
            if (old.defaultValue && old.defaultValue->kind == DefaultValue::Kind::Sequence) {
                const QString sequence = old.defaultValue->expression.value_or(QString());
                bool stillUsed = false;
                for (int t = 0; t < next.tables().size() && !stillUsed; ++t) {
                    for (int c = 0; c < next.table(t).columns.size(); ++c) {
                        const Column &other = next.table(t).columns.at(c);
                        if ((t != tables.next || c != change.column.next) && other.defaultValue &&
                            other.defaultValue->kind == DefaultValue::Kind::Sequence &&
                            other.defaultValue->expression.value_or(QString()) == sequence) {
                            stillUsed = true;
                            break;
                        }
                    }
                }
                if (!stillUsed)
                    after.append(QLatin1String("DROP SEQUENCE ") + quote(sequence));
            }
            break;
        }
        case Action::SetDefault:
            clauses.append(prefix + QLatin1String(" SET DEFAULT ") +
                           defaultValue(*now.defaultValue, type));
            break;
        case Action::DropNotNull:
            clauses.append(prefix + QLatin1String(" DROP NOT NULL"));
            break;
        case Action::SetNotNull:
            clauses.append(prefix + QLatin1String(" SET NOT NULL"));
            break;
        case Action::AddSequence: {
            // The sequence PostgreSQL would create for a SERIAL column.
            const Table &nextTable = next.table(tables.next);
            QString sequence = nextTable.name + QLatin1Char('_') + now.name + QLatin1String("_seq");
            if (next.isQualified(nextTable.namespaceId))
                sequence =
                    quote(next.namespaceName(nextTable.namespaceId)) + QLatin1Char('.') + sequence;
            sequence = sequence.toLower();
            before.append(QLatin1String("CREATE SEQUENCE ") + sequence);
            clauses.append(prefix + QLatin1String(" SET DEFAULT nextval(") + QLatin1Char('\'') +
                           sequence + QLatin1String("')"));
            after.append(QLatin1String("ALTER SEQUENCE ") + sequence + QLatin1String(" OWNED BY ") +
                         tableName(previous, tables.previous) + QLatin1Char('.') + quote(old.name));
            break;
        }
        }
    }
    if (setType)
        clauses.append(prefix + QLatin1String(" SET DATA TYPE ") + type);
}

QStringList PostgresRenderer::alterTable(const MigrationStep &step, const SqlSchema &previous,
                                         const SqlSchema &next) const
{
    const Table &before = previous.table(step.ids.previous);
    const Table &after = next.table(step.ids.next);
    QStringList lines;
    QStringList beforeStatements;
    QStringList afterStatements;
    for (const TableChange &change : step.changes) {
        switch (change.kind) {
        case TableChange::Kind::DropPrimaryKey:
            lines.append(QLatin1String("DROP CONSTRAINT ") + quote(before.primaryKey()->name));
            break;
        case TableChange::Kind::RenamePrimaryKey:
            lines.append(QLatin1String("RENAME CONSTRAINT ") + quote(before.primaryKey()->name) +
                         QLatin1String(" TO ") + quote(after.primaryKey()->name));
            break;
        case TableChange::Kind::AddPrimaryKey: {
            const Index *pk = after.primaryKey();
            QStringList names;
            for (const QString &name : after.columnNames(*pk))
                names.append(quote(name));
            const QString named = pk->name.isEmpty() ? QString()
                                                     : QLatin1String("CONSTRAINT ") +
                                                           quote(pk->name) + QLatin1Char(' ');
            lines.append(QLatin1String("ADD ") + named + QLatin1String("PRIMARY KEY (") +
                         names.join(QLatin1String(", ")) + QLatin1Char(')'));
            break;
        }
        case TableChange::Kind::AddColumn:
            lines.append(QLatin1String("ADD COLUMN ") +
                         column(next, after.columns.at(change.column.next)));
            break;
        case TableChange::Kind::DropColumn:
            lines.append(QLatin1String("DROP COLUMN ") +
                         quote(before.columns.at(change.column.previous).name));
            break;
        case TableChange::Kind::AlterColumn:
            alterColumn(previous, next, step.ids, change, beforeStatements, lines, afterStatements);
            break;
        case TableChange::Kind::DropAndRecreateColumn:
            lines.append(QLatin1String("DROP COLUMN ") +
                         quote(before.columns.at(change.column.previous).name));
            lines.append(QLatin1String("ADD COLUMN ") +
                         column(next, after.columns.at(change.column.next)));
            break;
        }
    }
    if (lines.isEmpty())
        return {};
    QStringList statements = beforeStatements;
    statements.append(QLatin1String("ALTER TABLE ") + tableName(previous, step.ids.previous) +
                      QLatin1Char(' ') + lines.join(QLatin1String(",\n")));
    statements.append(afterStatements);
    return statements;
}

QString PostgresRenderer::createIndex(const SqlSchema &schema, const IndexRef &ref) const
{
    const Table &table = schema.table(ref.table);
    const Index &index = table.indexes.at(ref.column);
    const QString algorithm = indexAlgorithmSql(index.algorithm);
    const QString usingClause =
        algorithm.isEmpty() ? QString() : QLatin1String(" USING ") + algorithm + QLatin1Char(' ');
    return QLatin1String("CREATE ") +
           (index.isUnique() ? QLatin1String("UNIQUE ") : QLatin1String()) +
           QLatin1String("INDEX ") + quote(index.name) + QLatin1String(" ON ") +
           tableName(schema, ref.table) + usingClause + QLatin1Char('(') +
           indexColumns(table, index, true) + QLatin1Char(')') +
           (index.predicate.isEmpty()
                ? QString()
                : QLatin1String(" WHERE (") + index.predicate + QLatin1Char(')'));
}

QString PostgresRenderer::dropIndex(const SqlSchema &schema, const IndexRef &ref) const
{
    const Table &table = schema.table(ref.table);
    return QLatin1String("DROP INDEX ") +
           qualified(schema, table.namespaceId, table.indexes.at(ref.column).name);
}

QStringList PostgresRenderer::renameIndex(const SqlSchema &previous, const IndexRef &previousIndex,
                                          const SqlSchema &next, const IndexRef &nextIndex) const
{
    const Table &table = previous.table(previousIndex.table);
    // PostgreSQL keeps the index in its schema: the new name is not qualified.
    return {QLatin1String("ALTER INDEX ") +
            qualified(previous, table.namespaceId, table.indexes.at(previousIndex.column).name) +
            QLatin1String(" RENAME TO ") +
            quote(next.table(nextIndex.table).indexes.at(nextIndex.column).name)};
}

QString PostgresRenderer::addForeignKey(const SqlSchema &schema, int foreignKey) const
{
    const ForeignKey &fk = schema.foreignKeys().at(foreignKey);
    return QLatin1String("ALTER TABLE ") + tableName(schema, fk.table) + QLatin1String(" ADD ") +
           foreignKeyClause(schema, fk, tableName(schema, fk.referencedTable), false);
}

QString PostgresRenderer::dropForeignKey(const SqlSchema &schema, int foreignKey) const
{
    const ForeignKey &fk = schema.foreignKeys().at(foreignKey);
    return QLatin1String("ALTER TABLE ") + tableName(schema, fk.table) +
           QLatin1String(" DROP CONSTRAINT ") + quote(fk.constraintName);
}

QString PostgresRenderer::renameForeignKey(const SqlSchema &previous, int previousForeignKey,
                                           const SqlSchema &next, int nextForeignKey) const
{
    const ForeignKey &before = previous.foreignKeys().at(previousForeignKey);
    return QLatin1String("ALTER TABLE ") + tableName(previous, before.table) +
           QLatin1String(" RENAME CONSTRAINT ") + quote(before.constraintName) +
           QLatin1String(" TO ") + quote(next.foreignKeys().at(nextForeignKey).constraintName);
}

} // namespace gh::sql
