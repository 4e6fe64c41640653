#include "core/prisma/DataModel.h"

#include "core/prisma/DataModelBuilder.h"

#include <array>
#include <cstring>
#include <string_view>

namespace gh::prisma {

namespace {

constexpr std::array<const char *, 9> scalarNames = {
    "String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"};

constexpr std::array<const char *, 5> actionNames = {"Cascade", "Restrict", "NoAction", "SetNull",
                                                     "SetDefault"};

constexpr std::array<const char *, 6> algorithmNames = {"BTree", "Hash",   "Gist",
                                                        "Gin",   "SpGist", "Brin"};

// By length first, then the bytes: this runs for every field of a schema (QByteArrayView's
// comparison with a `const char *` would measure the name with strlen each time).
template <size_t N> int indexOfName(const std::array<const char *, N> &names, QByteArrayView name)
{
    if (name.isEmpty())
        return -1;
    for (size_t i = 0; i < N; ++i) {
        const char *candidate = names[i];
        if (candidate[0] != name.front())
            continue;
        qsizetype length = 0;
        while (length <= name.size() && candidate[length])
            ++length;
        if (length == name.size() && std::memcmp(candidate, name.data(), size_t(length)) == 0)
            return int(i);
    }
    return -1;
}

template <typename List>
auto findByName(const List &list, const QString &name) -> decltype(&list.front())
{
    for (const auto &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

} // namespace

const char *scalarTypeName(ScalarType type)
{
    return scalarNames[size_t(type)];
}

std::optional<ScalarType> scalarTypeFromName(QByteArrayView name)
{
    // By length, then the bytes: this runs for every field and block of a schema.
    const std::string_view text(name.data(), size_t(name.size()));
    switch (text.size()) {
    case 3:
        if (text == "Int")
            return ScalarType::Int;
        break;
    case 4:
        if (text == "Json")
            return ScalarType::Json;
        break;
    case 5:
        if (text == "Float")
            return ScalarType::Float;
        if (text == "Bytes")
            return ScalarType::Bytes;
        break;
    case 6:
        if (text == "String")
            return ScalarType::String;
        if (text == "BigInt")
            return ScalarType::BigInt;
        break;
    case 7:
        if (text == "Boolean")
            return ScalarType::Boolean;
        if (text == "Decimal")
            return ScalarType::Decimal;
        break;
    case 8:
        if (text == "DateTime")
            return ScalarType::DateTime;
        break;
    default:
        break;
    }
    return std::nullopt;
}

const char *referentialActionName(ReferentialAction action)
{
    return actionNames[size_t(action)];
}

std::optional<ReferentialAction> referentialActionFromName(QByteArrayView name)
{
    const int index = indexOfName(actionNames, name);
    return index < 0 ? std::nullopt : std::optional<ReferentialAction>(ReferentialAction(index));
}

const char *indexAlgorithmName(IndexAlgorithm algorithm)
{
    return algorithmNames[size_t(algorithm)];
}

const ModelField *Model::field(const QString &name) const
{
    const int index = fieldIndex(name);
    return index < 0 ? nullptr : &fields.at(index);
}

int Model::fieldIndex(const QString &name) const
{
    // Prisma resolves a duplicated name to the last definition.
    for (int i = int(fields.size()) - 1; i >= 0; --i) {
        if (fields.at(i).name == name)
            return i;
    }
    return -1;
}

const ModelField *Model::fieldByDatabaseName(const QString &databaseName) const
{
    for (const ModelField &field : fields) {
        if (!field.isRelation() && field.databaseName() == databaseName)
            return &field;
    }
    return nullptr;
}

const EnumMember *Enum::value(const QString &name) const
{
    return findByName(values, name);
}

const ModelField *CompositeType::field(const QString &name) const
{
    return findByName(fields, name);
}

QString Datasource::effectiveRelationMode() const
{
    if (provider == QLatin1String("mongodb"))
        return QStringLiteral("prisma");
    return relationMode.isEmpty() ? QStringLiteral("foreignKeys") : relationMode;
}

DataModel DataModel::build(const SchemaSource &schema)
{
    return DataModelBuilder::build(schema);
}

QString DataModel::filePath(const SourceSpan &span) const
{
    return span.file >= 0 && span.file < m_files.size() ? m_files.at(span.file) : QString();
}

const Model *DataModel::model(const QString &name) const
{
    const int index = modelIndex(name);
    return index < 0 ? nullptr : &m_models.at(index);
}

int DataModel::modelIndex(const QString &name) const
{
    return m_modelIndex.value(name, -1);
}

const Model *DataModel::modelByDatabaseName(const QString &databaseName,
                                            const QString &schema) const
{
    for (const Model &model : m_models) {
        if (model.databaseName() == databaseName && (schema.isEmpty() || model.schema == schema))
            return &model;
    }
    return nullptr;
}

const Enum *DataModel::enumType(const QString &name) const
{
    const int index = m_enumIndex.value(name, -1);
    return index < 0 ? nullptr : &m_enums.at(index);
}

const CompositeType *DataModel::compositeType(const QString &name) const
{
    const int index = m_compositeTypeIndex.value(name, -1);
    return index < 0 ? nullptr : &m_compositeTypes.at(index);
}

const Relation *DataModel::relationOf(const ModelField &field) const
{
    return field.relation >= 0 && field.relation < m_relations.size()
               ? &m_relations.at(field.relation)
               : nullptr;
}

const ModelField *DataModel::oppositeField(int model, int field) const
{
    if (model < 0 || model >= m_models.size())
        return nullptr;
    const QList<ModelField> &fields = m_models.at(model).fields;
    if (field < 0 || field >= fields.size())
        return nullptr;
    const Relation *relation = relationOf(fields.at(field));
    if (!relation)
        return nullptr;
    Relation::Side other = relation->b;
    if (relation->b.model == model && relation->b.field == field)
        other = relation->a;
    if (other.model < 0 || other.field < 0)
        return nullptr;
    return &m_models.at(other.model).fields.at(other.field);
}

const Datasource *DataModel::datasource() const
{
    return m_datasources.isEmpty() ? nullptr : &m_datasources.constFirst();
}

QString DataModel::provider() const
{
    const Datasource *source = datasource();
    return source ? source->provider : QString();
}

ReferentialAction DataModel::effectiveOnDelete(const ModelField &field) const
{
    if (field.relationAttribute && field.relationAttribute->onDelete)
        return *field.relationAttribute->onDelete;
    // Prisma's default depends on the foreign key's fields: Restrict when any is required.
    const Relation *relation = relationOf(field);
    if (relation && field.relationAttribute && relation->a.model >= 0) {
        const Model &model = m_models.at(relation->a.model);
        for (const QString &name : field.relationAttribute->fields) {
            const ModelField *scalar = model.field(name);
            if (scalar && scalar->isRequired())
                return ReferentialAction::Restrict;
        }
        if (!field.relationAttribute->fields.isEmpty())
            return ReferentialAction::SetNull;
    }
    return field.isRequired() ? ReferentialAction::Restrict : ReferentialAction::SetNull;
}

ReferentialAction DataModel::effectiveOnUpdate(const ModelField &field) const
{
    if (field.relationAttribute && field.relationAttribute->onUpdate)
        return *field.relationAttribute->onUpdate;
    return ReferentialAction::Cascade;
}

} // namespace gh::prisma
