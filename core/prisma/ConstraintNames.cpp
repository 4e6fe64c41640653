#include "core/prisma/ConstraintNames.h"

#include "core/prisma/Connector.h"

namespace gh::prisma {

namespace {

// `prefix` cut to at most `limit` bytes on a character boundary, then `suffix` (Prisma cuts
// when the prefix reaches the limit, hence >=).
QString joinWithLimit(QString prefix, const char *suffix, int maxLength)
{
    const int limit = maxLength - int(qstrlen(suffix));
    // The UTF-8 length without converting (surrogate pairs: 2 + 2 bytes).
    qsizetype bytes8 = 0;
    for (const QChar c : std::as_const(prefix)) {
        const char16_t u = c.unicode();
        bytes8 += u < 0x80 ? 1 : u < 0x800 || c.isSurrogate() ? 2 : 3;
    }
    if (bytes8 < limit) {
        prefix += QLatin1String(suffix);
        return prefix;
    }
    QByteArray bytes = prefix.toUtf8();
    if (bytes.size() >= limit) {
        int split = std::max(limit, 0);
        while (split > 0 && (uchar(bytes.at(split)) & 0xc0) == 0x80)
            --split;
        bytes.truncate(split);
    }
    return QString::fromUtf8(bytes) + QLatin1String(suffix);
}

QString joined(const QString &table, const QStringList &columns)
{
    return table + QLatin1Char('_') + columns.join(QLatin1Char('_'));
}

// `{table}_{columns}` from the index's fields, built in one go.
QString joinedColumns(const Model &model, const QList<IndexField> &fields)
{
    const auto column = [&](const IndexField &field) -> const QString & {
        if (field.field >= 0 && !field.name.contains(QLatin1Char('.')))
            return model.fields.at(field.field).databaseName();
        return field.name;
    };
    qsizetype size = model.databaseName().size();
    for (const IndexField &field : fields)
        size += 1 + column(field).size();
    QString text;
    text.reserve(size + 5);
    text += model.databaseName();
    for (const IndexField &field : fields) {
        text += QLatin1Char('_');
        text += column(field);
    }
    return text;
}

} // namespace

QString ConstraintNames::primaryKey(const QString &table, int maxLength)
{
    return joinWithLimit(table, "_pkey", maxLength);
}

QString ConstraintNames::uniqueIndex(const QString &table, const QStringList &columns,
                                     int maxLength)
{
    return joinWithLimit(joined(table, columns), "_key", maxLength);
}

QString ConstraintNames::index(const QString &table, const QStringList &columns, int maxLength)
{
    return joinWithLimit(joined(table, columns), "_idx", maxLength);
}

QString ConstraintNames::foreignKey(const QString &table, const QStringList &columns, int maxLength)
{
    return joinWithLimit(joined(table, columns), "_fkey", maxLength);
}

QString ConstraintNames::defaultValue(const QString &table, const QString &column, int maxLength)
{
    return joinWithLimit(table + QLatin1Char('_') + column, "_df", maxLength);
}

QString ConstraintNames::primaryKey(const Model &model, const Connector &connector)
{
    if (!model.primaryKey || !connector.has(Connector::NamedPrimaryKeys))
        return {};
    if (!model.primaryKey->mappedName.isEmpty())
        return model.primaryKey->mappedName;
    return primaryKey(model.databaseName(), connector.maxIdentifierLength());
}

QString ConstraintNames::index(const Model &model, const Index &index, const Connector &connector)
{
    if (!index.mappedName.isEmpty())
        return index.mappedName;
    return joinWithLimit(joinedColumns(model, index.fields), index.isUnique() ? "_key" : "_idx",
                         connector.maxIdentifierLength());
}

QString ConstraintNames::foreignKey(const Model &model, const ModelField &relationField,
                                    const Connector &connector)
{
    if (!relationField.relationAttribute)
        return {};
    if (!relationField.relationAttribute->mappedName.isEmpty())
        return relationField.relationAttribute->mappedName;
    QStringList columns;
    for (const QString &name : relationField.relationAttribute->fields) {
        const ModelField *field = model.field(name);
        columns.append(field ? field->databaseName() : name);
    }
    return foreignKey(model.databaseName(), columns, connector.maxIdentifierLength());
}

QString ConstraintNames::defaultValue(const Model &model, const ModelField &field,
                                      const Connector &connector)
{
    if (!field.defaultValue)
        return {};
    if (!field.defaultValue->mappedName.isEmpty())
        return field.defaultValue->mappedName;
    return defaultValue(model.databaseName(), field.databaseName(),
                        connector.maxIdentifierLength());
}

} // namespace gh::prisma
