#include "core/sql/SqlSchema.h"

namespace gh::sql {

QString NativeType::toString() const
{
    if (arguments.isEmpty())
        return name;
    QStringList parts;
    for (const int argument : arguments)
        parts.append(QString::number(argument));
    return name + QLatin1Char('(') + parts.join(QLatin1Char(',')) + QLatin1Char(')');
}

QString columnTypeFamilyName(ColumnTypeFamily family)
{
    switch (family) {
    case ColumnTypeFamily::Int:
        return QStringLiteral("Int");
    case ColumnTypeFamily::BigInt:
        return QStringLiteral("BigInt");
    case ColumnTypeFamily::Float:
        return QStringLiteral("Float");
    case ColumnTypeFamily::Decimal:
        return QStringLiteral("Decimal");
    case ColumnTypeFamily::Boolean:
        return QStringLiteral("Boolean");
    case ColumnTypeFamily::String:
        return QStringLiteral("String");
    case ColumnTypeFamily::DateTime:
        return QStringLiteral("DateTime");
    case ColumnTypeFamily::Binary:
        return QStringLiteral("Binary");
    case ColumnTypeFamily::Json:
        return QStringLiteral("Json");
    case ColumnTypeFamily::Uuid:
        return QStringLiteral("Uuid");
    case ColumnTypeFamily::Enum:
        return QStringLiteral("Enum");
    case ColumnTypeFamily::Unsupported:
        return QStringLiteral("Unsupported");
    }
    return QString();
}

bool ScalarValue::operator==(const ScalarValue &other) const
{
    return kind == other.kind && text == other.text && bytes == other.bytes && list == other.list;
}

DefaultValue DefaultValue::now()
{
    DefaultValue value;
    value.kind = Kind::Now;
    return value;
}

DefaultValue DefaultValue::constant(ScalarValue scalar)
{
    DefaultValue value;
    value.kind = Kind::Value;
    value.value = std::move(scalar);
    return value;
}

DefaultValue DefaultValue::dbGenerated(std::optional<QString> expression)
{
    DefaultValue value;
    value.kind = Kind::DbGenerated;
    value.expression = std::move(expression);
    return value;
}

DefaultValue DefaultValue::sequence(const QString &name)
{
    DefaultValue value;
    value.kind = Kind::Sequence;
    value.expression = name;
    return value;
}

QString indexAlgorithmSql(IndexAlgorithm algorithm)
{
    switch (algorithm) {
    case IndexAlgorithm::BTree:
        return QString();
    case IndexAlgorithm::Hash:
        return QStringLiteral("HASH");
    case IndexAlgorithm::Gist:
        return QStringLiteral("GIST");
    case IndexAlgorithm::Gin:
        return QStringLiteral("GIN");
    case IndexAlgorithm::SpGist:
        return QStringLiteral("SPGIST");
    case IndexAlgorithm::Brin:
        return QStringLiteral("BRIN");
    }
    return QString();
}

QString foreignKeyActionSql(ForeignKeyAction action)
{
    switch (action) {
    case ForeignKeyAction::NoAction:
        return QStringLiteral("NO ACTION");
    case ForeignKeyAction::Restrict:
        return QStringLiteral("RESTRICT");
    case ForeignKeyAction::Cascade:
        return QStringLiteral("CASCADE");
    case ForeignKeyAction::SetNull:
        return QStringLiteral("SET NULL");
    case ForeignKeyAction::SetDefault:
        return QStringLiteral("SET DEFAULT");
    }
    return QString();
}

int Table::columnIndex(const QString &name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    return -1;
}

const Column *Table::column(const QString &name) const
{
    const int index = columnIndex(name);
    return index >= 0 ? &columns.at(index) : nullptr;
}

const Index *Table::primaryKey() const
{
    for (const Index &index : indexes) {
        if (index.isPrimaryKey())
            return &index;
    }
    return nullptr;
}

QStringList Table::columnNames(const Index &index) const
{
    QStringList names;
    for (const IndexColumn &column : index.columns)
        names.append(columns.at(column.column).name);
    return names;
}

bool Table::isSinglePrimaryKey(int column) const
{
    const Index *pk = primaryKey();
    return pk && pk->columns.size() == 1 && pk->columns.first().column == column;
}

bool Table::isPartOfPrimaryKey(int column) const
{
    const Index *pk = primaryKey();
    if (!pk)
        return false;
    for (const IndexColumn &indexColumn : pk->columns) {
        if (indexColumn.column == column)
            return true;
    }
    return false;
}

int SqlSchema::addNamespace(const QString &name)
{
    const int existing = namespaceId(name);
    if (existing >= 0)
        return existing;
    m_namespaces.append(name);
    return int(m_namespaces.size()) - 1;
}

void SqlSchema::renameNamespace(const QString &from, const QString &to)
{
    const int id = namespaceId(from);
    if (id >= 0)
        m_namespaces[id] = to;
    if (m_defaultNamespace == from)
        m_defaultNamespace = to;
    // Enum columns name their enum's namespace.
    for (Table &table : m_tables) {
        for (Column &column : table.columns) {
            if (column.type.enumNamespace == from)
                column.type.enumNamespace = to;
        }
    }
}

int SqlSchema::addTable(Table table)
{
    m_tables.append(std::move(table));
    return int(m_tables.size()) - 1;
}

int SqlSchema::tableIndex(const QString &name, const QString &namespaceName) const
{
    for (int i = 0; i < m_tables.size(); ++i) {
        const Table &table = m_tables.at(i);
        if (table.name == name &&
            (namespaceName.isEmpty() || this->namespaceName(table.namespaceId) == namespaceName))
            return i;
    }
    return -1;
}

int SqlSchema::addForeignKey(ForeignKey foreignKey)
{
    m_foreignKeys.append(std::move(foreignKey));
    return int(m_foreignKeys.size()) - 1;
}

QList<int> SqlSchema::foreignKeysOf(int table) const
{
    QList<int> ids;
    for (int i = 0; i < m_foreignKeys.size(); ++i) {
        if (m_foreignKeys.at(i).table == table)
            ids.append(i);
    }
    return ids;
}

int SqlSchema::addEnum(Enum enumType)
{
    m_enums.append(std::move(enumType));
    return int(m_enums.size()) - 1;
}

const Enum *SqlSchema::findEnum(const QString &name, const QString &namespaceName) const
{
    for (const Enum &enumType : m_enums) {
        if (enumType.name == name &&
            (namespaceName.isEmpty() || this->namespaceName(enumType.namespaceId) == namespaceName))
            return &enumType;
    }
    return nullptr;
}

} // namespace gh::sql
