#include "core/sql/SchemaCalculator.h"

#include "core/prisma/ConstraintNames.h"
#include "core/sql/IndexPredicate.h"
#include "core/sql/SqlFlavour.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace gh::sql {

namespace {

using prisma::DataModel;
using prisma::DefaultValue;
using prisma::ModelField;
using prisma::ScalarType;

ColumnArity arityOf(const ModelField &field)
{
    switch (field.arity) {
    case prisma::Arity::Required:
        return ColumnArity::Required;
    case prisma::Arity::Optional:
        return ColumnArity::Nullable;
    case prisma::Arity::List:
        return ColumnArity::List;
    }
    return ColumnArity::Required;
}

ColumnTypeFamily familyOf(ScalarType type)
{
    switch (type) {
    case ScalarType::Int:
        return ColumnTypeFamily::Int;
    case ScalarType::Float:
        return ColumnTypeFamily::Float;
    case ScalarType::Boolean:
        return ColumnTypeFamily::Boolean;
    case ScalarType::String:
        return ColumnTypeFamily::String;
    case ScalarType::DateTime:
        return ColumnTypeFamily::DateTime;
    case ScalarType::Json:
        return ColumnTypeFamily::Json;
    case ScalarType::Bytes:
        return ColumnTypeFamily::Binary;
    case ScalarType::Decimal:
        return ColumnTypeFamily::Decimal;
    case ScalarType::BigInt:
        return ColumnTypeFamily::BigInt;
    }
    return ColumnTypeFamily::String;
}

ForeignKeyAction actionOf(prisma::ReferentialAction action)
{
    switch (action) {
    case prisma::ReferentialAction::Cascade:
        return ForeignKeyAction::Cascade;
    case prisma::ReferentialAction::Restrict:
        return ForeignKeyAction::Restrict;
    case prisma::ReferentialAction::NoAction:
        return ForeignKeyAction::NoAction;
    case prisma::ReferentialAction::SetNull:
        return ForeignKeyAction::SetNull;
    case prisma::ReferentialAction::SetDefault:
        return ForeignKeyAction::SetDefault;
    }
    return ForeignKeyAction::NoAction;
}

IndexAlgorithm algorithmOf(std::optional<prisma::IndexAlgorithm> algorithm)
{
    switch (algorithm.value_or(prisma::IndexAlgorithm::BTree)) {
    case prisma::IndexAlgorithm::BTree:
        return IndexAlgorithm::BTree;
    case prisma::IndexAlgorithm::Hash:
        return IndexAlgorithm::Hash;
    case prisma::IndexAlgorithm::Gist:
        return IndexAlgorithm::Gist;
    case prisma::IndexAlgorithm::Gin:
        return IndexAlgorithm::Gin;
    case prisma::IndexAlgorithm::SpGist:
        return IndexAlgorithm::SpGist;
    case prisma::IndexAlgorithm::Brin:
        return IndexAlgorithm::Brin;
    }
    return IndexAlgorithm::BTree;
}

// `JsonbPathOps` -> `jsonb_path_ops`; Prisma's operator classes are the PostgreSQL names in
// CamelCase (with a few `MinMax`/`Bloom` words).
QString operatorClassSql(const QString &name)
{
    static const QHash<QString, QString> special = {
        {QStringLiteral("InetOps"), QStringLiteral("inet_ops")},
        {QStringLiteral("JsonbOps"), QStringLiteral("jsonb_ops")},
        {QStringLiteral("JsonbPathOps"), QStringLiteral("jsonb_path_ops")},
        {QStringLiteral("ArrayOps"), QStringLiteral("array_ops")},
        {QStringLiteral("TextOps"), QStringLiteral("text_ops")},
        {QStringLiteral("TimestampTzBloomOps"), QStringLiteral("timestamptz_bloom_ops")},
        {QStringLiteral("TimestampTzMinMaxOps"), QStringLiteral("timestamptz_minmax_ops")},
        {QStringLiteral("TimestampTzMinMaxMultiOps"),
         QStringLiteral("timestamptz_minmax_multi_ops")},
        {QStringLiteral("TimeTzBloomOps"), QStringLiteral("timetz_bloom_ops")},
        {QStringLiteral("TimeTzMinMaxOps"), QStringLiteral("timetz_minmax_ops")},
        {QStringLiteral("TimeTzMinMaxMultiOps"), QStringLiteral("timetz_minmax_multi_ops")},
    };
    const auto found = special.constFind(name);
    if (found != special.constEnd())
        return *found;
    QString sql;
    QString rest = name;
    rest.replace(QLatin1String("MinMax"), QLatin1String("Minmax"));
    for (int i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        if (c.isUpper() && i > 0)
            sql += QLatin1Char('_');
        sql += c.toLower();
    }
    return sql;
}

// Prisma's default operator classes (is_default in its SQLOperatorClass).
bool operatorClassIsDefault(const QString &name, std::optional<prisma::IndexAlgorithm> algorithm)
{
    if (name == QLatin1String("InetOps"))
        return algorithm == prisma::IndexAlgorithm::SpGist;
    if (name.endsWith(QLatin1String("BloomOps")) || name.endsWith(QLatin1String("MultiOps")) ||
        name == QLatin1String("JsonbPathOps"))
        return false;
    return true;
}

ScalarValue scalarOf(const DefaultValue &value, ScalarType type)
{
    ScalarValue scalar;
    switch (value.kind) {
    case DefaultValue::Kind::List:
        scalar.kind = ScalarValue::Kind::List;
        for (const DefaultValue &element : value.arguments)
            scalar.list.push_back(scalarOf(element, type));
        return scalar;
    case DefaultValue::Kind::Boolean:
    case DefaultValue::Kind::Constant:
        scalar.kind = ScalarValue::Kind::Boolean;
        scalar.text = value.value;
        return scalar;
    case DefaultValue::Kind::Number:
        scalar.kind = type == ScalarType::Int      ? ScalarValue::Kind::Int
                      : type == ScalarType::BigInt ? ScalarValue::Kind::BigInt
                                                   : ScalarValue::Kind::Float;
        scalar.text = value.value;
        return scalar;
    case DefaultValue::Kind::String:
    case DefaultValue::Kind::Function:
        break;
    }
    switch (type) {
    case ScalarType::DateTime:
        scalar.kind = ScalarValue::Kind::DateTime;
        scalar.text = SchemaCalculator::dateTimeDefault(value.value);
        break;
    case ScalarType::Json:
        scalar.kind = ScalarValue::Kind::Json;
        scalar.text = value.value;
        break;
    case ScalarType::Bytes:
        scalar.kind = ScalarValue::Kind::Bytes;
        scalar.bytes = QByteArray::fromBase64(value.value.toLatin1());
        break;
    case ScalarType::Decimal:
    case ScalarType::Float:
        scalar.kind = ScalarValue::Kind::Float;
        scalar.text = value.value;
        break;
    default:
        scalar.kind = ScalarValue::Kind::String;
        scalar.text = value.value;
        break;
    }
    return scalar;
}

std::optional<QString> dbGeneratedExpression(const DefaultValue &value)
{
    if (value.arguments.empty())
        return std::nullopt;
    return value.arguments.front().value;
}

class Calculator
{
public:
    Calculator(const DataModel &model, const SqlFlavour &flavour)
        : m_model(model)
        , m_flavour(flavour)
        , m_maxLength(flavour.maxIdentifierLength())
    {}

    SqlSchema run(const QString &defaultNamespace)
    {
        const prisma::Datasource *datasource = m_model.datasource();
        if (m_flavour.hasNamespaces()) {
            if (datasource) {
                for (const QString &name : datasource->schemas)
                    m_schema.addNamespace(name);
            }
            m_schema.addNamespace(defaultNamespace);
            m_schema.setDefaultNamespace(defaultNamespace);
        }
        for (const prisma::Generator &generator : m_model.generators()) {
            if (generator.previewFeatures.contains(QLatin1String("partialIndexes"),
                                                   Qt::CaseInsensitive))
                m_schema.setPartialIndexes(true);
        }
        if (m_flavour.hasNativeEnums())
            pushEnums();
        m_tables.fill(-1, m_model.models().size());
        for (int m = 0; m < m_model.models().size(); ++m) {
            const prisma::Model &model = m_model.models().at(m);
            if (model.isView)
                continue;
            pushTable(m);
        }
        const bool foreignKeys =
            !datasource || datasource->effectiveRelationMode() != QLatin1String("prisma");
        if (foreignKeys)
            pushInlineRelations();
        pushJoinTables(foreignKeys);
        return std::move(m_schema);
    }

private:
    int namespaceFor(const QString &schemaName) const
    {
        if (!m_flavour.hasNamespaces())
            return -1;
        const int id = schemaName.isEmpty() ? -1 : m_schema.namespaceId(schemaName);
        return id >= 0 ? id : 0;
    }

    void pushEnums()
    {
        for (const prisma::Enum &e : m_model.enums()) {
            Enum sqlEnum;
            sqlEnum.name = e.databaseName();
            sqlEnum.namespaceId = namespaceFor(e.schema);
            for (const prisma::EnumMember &value : e.values)
                sqlEnum.values.append(value.databaseName());
            m_schema.addEnum(std::move(sqlEnum));
        }
    }

    Column enumColumn(const ModelField &field)
    {
        const prisma::Enum &e = m_model.enums().at(field.type.index);
        Column column;
        column.name = field.databaseName();
        column.type.arity = arityOf(field);
        if (m_flavour.hasNativeEnums()) {
            column.type.family = ColumnTypeFamily::Enum;
            column.type.enumName = e.databaseName();
            column.type.enumNamespace = m_schema.namespaceName(namespaceFor(e.schema));
        } else {
            column.type.family = ColumnTypeFamily::String;
        }
        if (!field.defaultValue)
            return column;
        const DefaultValue &value = *field.defaultValue;
        const auto enumValue = [&](const QString &name) {
            ScalarValue scalar;
            scalar.kind = ScalarValue::Kind::Enum;
            const prisma::EnumMember *member = e.value(name);
            scalar.text = member ? member->databaseName() : name;
            return scalar;
        };
        if (value.kind == DefaultValue::Kind::Constant) {
            column.defaultValue = sql::DefaultValue::constant(enumValue(value.value));
        } else if (value.isList()) {
            ScalarValue list;
            list.kind = ScalarValue::Kind::List;
            for (const DefaultValue &element : value.arguments)
                list.list.push_back(enumValue(element.value));
            column.defaultValue = sql::DefaultValue::constant(std::move(list));
        } else if (value.isFunction(QLatin1String("dbgenerated"))) {
            column.defaultValue = sql::DefaultValue::dbGenerated(dbGeneratedExpression(value));
        }
        return column;
    }

    Column scalarColumn(const prisma::Model &model, const ModelField &field)
    {
        const ScalarType type = field.type.scalar;
        Column column;
        column.name = field.databaseName();
        column.type.family = familyOf(type);
        column.type.arity = arityOf(field);
        column.type.nativeType = m_flavour.nativeType(type, field.nativeType);
        bool autoIncrement = false;
        if (field.defaultValue) {
            const DefaultValue &value = *field.defaultValue;
            if (value.isFunction(QLatin1String("dbgenerated"))) {
                column.defaultValue = sql::DefaultValue::dbGenerated(dbGeneratedExpression(value));
            } else if (value.isFunction(QLatin1String("now"))) {
                column.defaultValue = sql::DefaultValue::now();
            } else if (value.isFunction(QLatin1String("autoincrement"))) {
                autoIncrement = true;
                column.defaultValue = m_flavour.autoincrementDefault();
            } else if (value.isFunction()) {
                column.hasPrismaLevelDefault = true; // cuid(), uuid(), nanoid(), ulid()
            } else {
                column.defaultValue = sql::DefaultValue::constant(scalarOf(value, type));
            }
        }
        column.autoIncrement =
            autoIncrement || (m_flavour.hasImplicitAutoincrementPrimaryKeys() &&
                              type == ScalarType::Int && isSinglePrimaryKey(model, field));
        return column;
    }

    static bool isSinglePrimaryKey(const prisma::Model &model, const ModelField &field)
    {
        return model.primaryKey && model.primaryKey->fields.size() == 1 &&
               model.primaryKey->fields.first().field >= 0 &&
               model.fields.at(model.primaryKey->fields.first().field).name == field.name;
    }

    void pushTable(int modelIndex)
    {
        const prisma::Model &model = m_model.models().at(modelIndex);
        Table table;
        table.name = model.databaseName();
        table.namespaceId = namespaceFor(model.schema);
        for (const ModelField &field : model.fields) {
            if (field.isRelation())
                continue;
            switch (field.type.kind) {
            case prisma::ResolvedType::Kind::Enum:
                table.columns.append(enumColumn(field));
                break;
            case prisma::ResolvedType::Kind::Scalar:
                table.columns.append(scalarColumn(model, field));
                break;
            case prisma::ResolvedType::Kind::CompositeType: {
                Column column;
                column.name = field.databaseName();
                column.type.family = ColumnTypeFamily::Json;
                column.type.arity = arityOf(field);
                column.type.nativeType = m_flavour.nativeType(ScalarType::Json, std::nullopt);
                table.columns.append(column);
                break;
            }
            case prisma::ResolvedType::Kind::Unsupported: {
                Column column;
                column.name = field.databaseName();
                column.type.family = ColumnTypeFamily::Unsupported;
                column.type.arity = arityOf(field);
                column.type.fullDataType = field.type.name;
                if (field.defaultValue)
                    column.defaultValue =
                        sql::DefaultValue::dbGenerated(dbGeneratedExpression(*field.defaultValue));
                table.columns.append(column);
                break;
            }
            default:
                break;
            }
        }

        if (model.primaryKey) {
            Index pk;
            pk.type = Index::Type::PrimaryKey;
            if (m_flavour.hasNamespaces()) // databases with named primary keys
                pk.name = model.primaryKey->mappedName.isEmpty()
                              ? prisma::ConstraintNames::primaryKey(table.name, m_maxLength)
                              : model.primaryKey->mappedName;
            pk.columns = indexColumns(model, table, model.primaryKey->fields, std::nullopt);
            table.indexes.append(pk);
        }
        for (const prisma::Index &index : model.indexes) {
            Index sqlIndex;
            sqlIndex.type = index.isUnique()                              ? Index::Type::Unique
                            : index.type == prisma::Index::Type::Fulltext ? Index::Type::Fulltext
                                                                          : Index::Type::Normal;
            sqlIndex.columns = indexColumns(model, table, index.fields, index.algorithm);
            sqlIndex.name = index.mappedName;
            if (index.where)
                sqlIndex.predicate =
                    IndexPredicate::fromWhere(*index.where, model, m_flavour.dialect());
            if (sqlIndex.name.isEmpty()) {
                const QStringList columns = table.columnNames(sqlIndex);
                sqlIndex.name =
                    index.isUnique()
                        ? prisma::ConstraintNames::uniqueIndex(table.name, columns, m_maxLength)
                        : prisma::ConstraintNames::index(table.name, columns, m_maxLength);
            }
            if (m_flavour.dialect() == SqlDialect::PostgreSQL)
                sqlIndex.algorithm = algorithmOf(index.algorithm);
            table.indexes.append(sqlIndex);
        }
        m_tables[modelIndex] = m_schema.addTable(std::move(table));
    }

    QList<IndexColumn> indexColumns(const prisma::Model &model, const Table &table,
                                    const QList<prisma::IndexField> &fields,
                                    std::optional<prisma::IndexAlgorithm> algorithm) const
    {
        QList<IndexColumn> columns;
        for (const prisma::IndexField &field : fields) {
            IndexColumn column;
            const QString name =
                field.field >= 0 ? model.fields.at(field.field).databaseName() : field.name;
            column.column = table.columnIndex(name);
            if (column.column < 0)
                continue;
            if (field.sort)
                column.sort =
                    *field.sort == prisma::SortOrder::Desc ? SortOrder::Desc : SortOrder::Asc;
            column.length = field.length;
            if (!field.operatorClass.isEmpty() && m_flavour.dialect() == SqlDialect::PostgreSQL) {
                column.operatorClass = field.operatorClassIsRaw
                                           ? field.operatorClass
                                           : operatorClassSql(field.operatorClass);
                column.operatorClassIsDefault =
                    !field.operatorClassIsRaw &&
                    operatorClassIsDefault(field.operatorClass, algorithm);
            }
            columns.append(column);
        }
        return columns;
    }

    void pushInlineRelations()
    {
        for (const prisma::Relation &relation : m_model.relations()) {
            if (relation.isManyToMany())
                continue;
            // The side whose relation field lists `fields:` holds the foreign key.
            const prisma::Relation::Side *holder = nullptr;
            const prisma::Relation::Side *other = nullptr;
            for (const auto &[side, opposite] :
                 {std::pair{&relation.a, &relation.b}, std::pair{&relation.b, &relation.a}}) {
                if (side->field < 0)
                    continue;
                const ModelField &field = m_model.models().at(side->model).fields.at(side->field);
                if (field.relationAttribute && !field.relationAttribute->fields.isEmpty()) {
                    holder = side;
                    other = opposite;
                    break;
                }
            }
            if (!holder)
                continue;
            const prisma::Model &model = m_model.models().at(holder->model);
            const prisma::Model &referencedModel = m_model.models().at(other->model);
            const int table = m_tables.value(holder->model, -1);
            const int referencedTable = m_tables.value(other->model, -1);
            if (table < 0 || referencedTable < 0 || model.isView || referencedModel.isView)
                continue;
            const ModelField &field = model.fields.at(holder->field);
            const prisma::RelationAttribute &attribute = *field.relationAttribute;
            ForeignKey fk;
            fk.table = table;
            fk.referencedTable = referencedTable;
            for (int i = 0; i < attribute.fields.size() && i < attribute.references.size(); ++i) {
                const ModelField *column = model.field(attribute.fields.at(i));
                const ModelField *referenced = referencedModel.field(attribute.references.at(i));
                if (!column || !referenced)
                    continue;
                fk.columns.append(m_schema.table(table).columnIndex(column->databaseName()));
                fk.referencedColumns.append(
                    m_schema.table(referencedTable).columnIndex(referenced->databaseName()));
            }
            if (fk.columns.contains(-1) || fk.referencedColumns.contains(-1))
                continue;
            QStringList columnNames;
            for (const int c : fk.columns)
                columnNames.append(m_schema.table(table).columns.at(c).name);
            fk.constraintName = attribute.mappedName.isEmpty()
                                    ? prisma::ConstraintNames::foreignKey(model.databaseName(),
                                                                          columnNames, m_maxLength)
                                    : attribute.mappedName;
            fk.onDelete = actionOf(m_model.effectiveOnDelete(field));
            fk.onUpdate = actionOf(m_model.effectiveOnUpdate(field));
            m_schema.addForeignKey(std::move(fk));
        }
    }

    // `name` cut to `length` characters, as Prisma cuts join table names.
    static QString truncated(const QString &name, int length)
    {
        int end = 0;
        for (int count = 0; end < name.size() && count < length; ++count)
            end += name.at(end).isHighSurrogate() ? 2 : 1;
        return name.left(end);
    }

    void pushJoinTables(bool foreignKeys)
    {
        for (const prisma::Relation &relation : m_model.relations()) {
            if (relation.kind != prisma::Relation::Kind::ImplicitManyToMany)
                continue;
            const int tableA = m_tables.value(relation.a.model, -1);
            const int tableB = m_tables.value(relation.b.model, -1);
            if (tableA < 0 || tableB < 0)
                continue;
            const Index *pkA = m_schema.table(tableA).primaryKey();
            const Index *pkB = m_schema.table(tableB).primaryKey();
            if (!pkA || !pkB)
                continue;
            const QString name = truncated(QLatin1Char('_') + relation.name, m_maxLength);
            Table table;
            table.name = name;
            table.namespaceId = m_schema.table(tableA).namespaceId;
            const auto idColumn = [&](int t, const Index *pk, const QString &columnName) {
                Column column;
                column.name = columnName;
                column.type = m_schema.table(t).columns.at(pk->columns.first().column).type;
                return column;
            };
            table.columns = {idColumn(tableA, pkA, QStringLiteral("A")),
                             idColumn(tableB, pkB, QStringLiteral("B"))};
            Index unique;
            const bool primaryKey = m_flavour.joinTablesHavePrimaryKeys();
            const QString suffix =
                primaryKey ? QStringLiteral("_AB_pkey") : QStringLiteral("_AB_unique");
            unique.type = primaryKey ? Index::Type::PrimaryKey : Index::Type::Unique;
            unique.name = truncated(name, m_maxLength - int(suffix.size())) + suffix;
            unique.columns = {IndexColumn{0, {}, {}, {}, false}, IndexColumn{1, {}, {}, {}, false}};
            table.indexes.append(unique);
            Index indexB;
            indexB.name = truncated(name, m_maxLength - 8) + QLatin1String("_B_index");
            indexB.columns = {IndexColumn{1, {}, {}, {}, false}};
            table.indexes.append(indexB);
            const int joinTable = m_schema.addTable(std::move(table));
            if (!foreignKeys)
                continue;
            // Prisma's own rule here, so that the names can never collide.
            const int maxTableLength = m_maxLength - 5 - 2;
            const QByteArray bytes = name.toUtf8();
            const QString prefixA = bytes.size() > maxTableLength
                                        ? QString::fromUtf8(bytes.left(maxTableLength))
                                        : name;
            const QString prefixB = bytes.size() >= maxTableLength
                                        ? QString::fromUtf8(bytes.left(maxTableLength))
                                        : name;
            for (const auto &[column, target, pk, prefix, letter] :
                 {std::tuple{0, tableA, pkA, prefixA, "A"},
                  std::tuple{1, tableB, pkB, prefixB, "B"}}) {
                ForeignKey fk;
                fk.table = joinTable;
                fk.referencedTable = target;
                fk.columns = {column};
                fk.referencedColumns = {pk->columns.first().column};
                fk.constraintName =
                    prefix + QLatin1Char('_') + QLatin1String(letter) + QLatin1String("_fkey");
                fk.onDelete = ForeignKeyAction::Cascade;
                fk.onUpdate = ForeignKeyAction::Cascade;
                m_schema.addForeignKey(std::move(fk));
            }
        }
    }

    const DataModel &m_model;
    const SqlFlavour &m_flavour;
    const int m_maxLength;
    SqlSchema m_schema;
    QList<int> m_tables; // model index -> table index
};

} // namespace

SqlSchema SchemaCalculator::calculate(const DataModel &model, const SqlFlavour &flavour,
                                      const QString &defaultNamespace)
{
    return Calculator(model, flavour).run(defaultNamespace);
}

QString SchemaCalculator::dateTimeDefault(const QString &value)
{
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        return QString();
    // chrono's DateTime<FixedOffset> display: `2024-01-01 00:00:00 +00:00`, fractions only
    // when there are any (3, 6 or 9 digits).
    static const QRegularExpression fraction(QStringLiteral("[.,](\\d+)"));
    const QRegularExpressionMatch match = fraction.match(value);
    QString digits = match.hasMatch() ? match.captured(1) : QString();
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    const int width = digits.isEmpty() ? 0 : digits.size() <= 3 ? 3 : digits.size() <= 6 ? 6 : 9;
    digits = digits.leftJustified(width, QLatin1Char('0'));
    const int offset = time.offsetFromUtc();
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    const int minutes = std::abs(offset) / 60;
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           (digits.isEmpty() ? QString() : QLatin1Char('.') + digits) + QLatin1Char(' ') + sign +
           QStringLiteral("%1:%2")
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace gh::sql
