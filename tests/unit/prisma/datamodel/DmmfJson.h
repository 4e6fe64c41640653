#pragma once

#include "core/prisma/DataModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <cmath>

// The `datamodel` part of Prisma's DMMF written from a gh::prisma::DataModel, for comparison
// with the oracle's golden files (tests/data/prisma/golden/*/NAME.dmmf.json). Only what the
// DMMF derives from the schema is written; `isGenerated` (always false) is left out, and the
// comparison below ignores it in the golden files too.
namespace DmmfJson {

using namespace gh::prisma;

inline QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

inline QJsonArray strings(const QStringList &list)
{
    QJsonArray array;
    for (const QString &text : list)
        array.append(text);
    return array;
}

inline QJsonValue number(const QString &text)
{
    bool isInt = false;
    const qint64 value = text.toLongLong(&isInt);
    if (isInt)
        return QJsonValue(value);
    return QJsonValue(text.toDouble());
}

// A function argument as the DMMF prints it.
inline QJsonValue argument(const DefaultValue &value)
{
    switch (value.kind) {
    case DefaultValue::Kind::Number:
        return number(value.value);
    case DefaultValue::Kind::Boolean:
        return value.value == QLatin1String("true");
    default:
        return value.value;
    }
}

// A literal default of a field of type `type`: BigInt as a string, numbers as numbers.
inline QJsonValue literal(const DefaultValue &value, const ResolvedType &type)
{
    if (value.kind == DefaultValue::Kind::List) {
        QJsonArray array;
        for (const DefaultValue &element : value.arguments)
            array.append(literal(element, type));
        return array;
    }
    if (type.isScalar(ScalarType::BigInt))
        return value.value;
    return argument(value);
}

inline QJsonValue defaultValue(const DefaultValue &value, const ResolvedType &type)
{
    if (!value.isFunction())
        return literal(value, type);
    QJsonArray args;
    for (const DefaultValue &arg : value.arguments) {
        if (arg.name.isEmpty()) // the DMMF leaves named arguments out
            args.append(argument(arg));
    }
    // The DMMF spells out the versions of cuid() and uuid().
    if (args.isEmpty() && value.value == QLatin1String("cuid"))
        args.append(1);
    if (args.isEmpty() && value.value == QLatin1String("uuid"))
        args.append(4);
    return QJsonObject{{QStringLiteral("name"), value.value}, {QStringLiteral("args"), args}};
}

inline QString kind(const ModelField &field)
{
    switch (field.type.kind) {
    case ResolvedType::Kind::Enum:
        return QStringLiteral("enum");
    case ResolvedType::Kind::Model:
    case ResolvedType::Kind::CompositeType:
        return QStringLiteral("object");
    default:
        return QStringLiteral("scalar");
    }
}

// The DMMF marks a field unique when `@@unique([field])` names it alone, too.
inline bool uniqueOnItsOwn(const Model *model, const ModelField &field)
{
    if (!model)
        return false;
    for (const Index &index : model->indexes) {
        if (index.isUnique() && index.fields.size() == 1 &&
            index.fields.constFirst().name == field.name)
            return true;
    }
    return false;
}

inline QJsonObject field(const DataModel &dm, const Model *model, const ModelField &field)
{
    QJsonObject json{
        {QStringLiteral("name"), field.name},
        {QStringLiteral("kind"), kind(field)},
        {QStringLiteral("isList"), field.isList()},
        {QStringLiteral("isRequired"), field.isRequired() || field.isList()},
        {QStringLiteral("isUnique"), field.isUnique || uniqueOnItsOwn(model, field)},
        {QStringLiteral("isId"), field.isId},
        {QStringLiteral("hasDefaultValue"), field.defaultValue.has_value()},
        {QStringLiteral("type"), field.type.name},
    };
    if (!field.mappedName.isEmpty())
        json.insert(QStringLiteral("dbName"), field.mappedName);
    json.insert(QStringLiteral("nativeType"),
                field.nativeType ? QJsonValue(QJsonArray{field.nativeType->name,
                                                         strings(field.nativeType->arguments)})
                                 : QJsonValue());
    if (field.defaultValue)
        json.insert(QStringLiteral("default"), defaultValue(*field.defaultValue, field.type));
    if (field.documentation)
        json.insert(QStringLiteral("documentation"), *field.documentation);

    bool readOnly = false;
    if (model) {
        json.insert(QStringLiteral("isUpdatedAt"), field.isUpdatedAt);
        for (const ModelField &other : model->fields) {
            if (other.relationAttribute && other.relationAttribute->fields.contains(field.name))
                readOnly = true;
        }
    }
    json.insert(QStringLiteral("isReadOnly"), readOnly);

    if (field.isRelation()) {
        const Relation *relation = dm.relationOf(field);
        const RelationAttribute attribute = field.relationAttribute.value_or(RelationAttribute());
        json.insert(QStringLiteral("relationName"), relation ? relation->name : QString());
        json.insert(QStringLiteral("relationFromFields"), strings(attribute.fields));
        json.insert(QStringLiteral("relationToFields"), strings(attribute.references));
        if (attribute.onDelete)
            json.insert(QStringLiteral("relationOnDelete"),
                        QLatin1String(referentialActionName(*attribute.onDelete)));
        if (attribute.onUpdate)
            json.insert(QStringLiteral("relationOnUpdate"),
                        QLatin1String(referentialActionName(*attribute.onUpdate)));
    }
    return json;
}

// Fields the DMMF lists: not @ignore'd, not Unsupported, not pointing at an ignored model.
inline bool listed(const DataModel &dm, const ModelField &field)
{
    if (field.isIgnored || field.isUnsupported())
        return false;
    return !(field.isRelation() && dm.models().at(field.type.index).isIgnored);
}

inline QJsonArray fieldNames(const QList<IndexField> &fields)
{
    QJsonArray names;
    for (const IndexField &field : fields)
        names.append(field.name);
    return names;
}

inline QJsonObject model(const DataModel &dm, const Model &model)
{
    QJsonArray fields;
    for (const ModelField &f : model.fields) {
        if (listed(dm, f))
            fields.append(field(dm, &model, f));
    }
    QJsonValue primaryKey;
    if (model.primaryKey && !model.primaryKey->isDefinedOnField)
        primaryKey = QJsonObject{{QStringLiteral("name"), nullable(model.primaryKey->name)},
                                 {QStringLiteral("fields"), fieldNames(model.primaryKey->fields)}};
    QJsonArray uniqueFields;
    QJsonArray uniqueIndexes;
    for (const Index &index : model.indexes) {
        if (!index.isUnique() || index.isDefinedOnField)
            continue;
        uniqueFields.append(fieldNames(index.fields));
        uniqueIndexes.append(QJsonObject{{QStringLiteral("name"), nullable(index.name)},
                                         {QStringLiteral("fields"), fieldNames(index.fields)}});
    }
    QJsonObject json{
        {QStringLiteral("name"), model.name},
        {QStringLiteral("dbName"), nullable(model.mappedName)},
        {QStringLiteral("schema"), nullable(model.schema)},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("primaryKey"), primaryKey},
        {QStringLiteral("uniqueFields"), uniqueFields},
        {QStringLiteral("uniqueIndexes"), uniqueIndexes},
    };
    if (model.documentation)
        json.insert(QStringLiteral("documentation"), *model.documentation);
    return json;
}

inline QJsonObject indexField(const IndexField &field)
{
    QJsonObject json{{QStringLiteral("name"), field.name}};
    if (field.sort)
        json.insert(QStringLiteral("sortOrder"),
                    *field.sort == SortOrder::Asc ? QStringLiteral("asc") : QStringLiteral("desc"));
    if (field.length)
        json.insert(QStringLiteral("length"), *field.length);
    if (!field.operatorClass.isEmpty())
        json.insert(QStringLiteral("operatorClass"), field.operatorClass);
    return json;
}

inline QJsonArray indexes(const Model &model)
{
    QJsonArray list;
    const auto fields = [](const QList<IndexField> &fields) {
        QJsonArray array;
        for (const IndexField &field : fields)
            array.append(indexField(field));
        return array;
    };
    if (model.primaryKey) {
        const PrimaryKey &key = *model.primaryKey;
        QJsonObject json{{QStringLiteral("model"), model.name},
                         {QStringLiteral("type"), QStringLiteral("id")},
                         {QStringLiteral("isDefinedOnField"), key.isDefinedOnField},
                         {QStringLiteral("fields"), fields(key.fields)}};
        if (!key.name.isEmpty())
            json.insert(QStringLiteral("name"), key.name);
        if (!key.mappedName.isEmpty())
            json.insert(QStringLiteral("dbName"), key.mappedName);
        if (key.clustered)
            json.insert(QStringLiteral("clustered"), *key.clustered);
        list.append(json);
    }
    for (const Index &index : model.indexes) {
        static const char *types[] = {"normal", "unique", "fulltext"};
        QJsonObject json{{QStringLiteral("model"), model.name},
                         {QStringLiteral("type"), QLatin1String(types[int(index.type)])},
                         {QStringLiteral("isDefinedOnField"), index.isDefinedOnField},
                         {QStringLiteral("fields"), fields(index.fields)}};
        if (!index.name.isEmpty())
            json.insert(QStringLiteral("name"), index.name);
        if (!index.mappedName.isEmpty())
            json.insert(QStringLiteral("dbName"), index.mappedName);
        if (index.algorithm)
            json.insert(QStringLiteral("algorithm"),
                        QLatin1String(indexAlgorithmName(*index.algorithm)));
        if (index.clustered)
            json.insert(QStringLiteral("clustered"), *index.clustered);
        list.append(json);
    }
    return list;
}

inline QJsonObject datamodel(const DataModel &dm)
{
    QJsonArray enums;
    for (const Enum &e : dm.enums()) {
        QJsonArray values;
        for (const EnumMember &value : e.values) {
            QJsonObject json{{QStringLiteral("name"), value.name},
                             {QStringLiteral("dbName"), nullable(value.mappedName)}};
            if (value.documentation)
                json.insert(QStringLiteral("documentation"), *value.documentation);
            values.append(json);
        }
        QJsonObject json{{QStringLiteral("name"), e.name},
                         {QStringLiteral("values"), values},
                         {QStringLiteral("dbName"), nullable(e.mappedName)}};
        if (e.documentation)
            json.insert(QStringLiteral("documentation"), *e.documentation);
        enums.append(json);
    }
    QJsonArray models;
    QJsonArray allIndexes;
    for (const Model &m : dm.models()) {
        if (m.isIgnored)
            continue;
        models.append(model(dm, m));
        for (const QJsonValue &index : indexes(m))
            allIndexes.append(index);
    }
    QJsonArray types;
    for (const CompositeType &type : dm.compositeTypes()) {
        QJsonArray fields;
        for (const ModelField &f : type.fields)
            fields.append(field(dm, nullptr, f));
        QJsonObject json{{QStringLiteral("name"), type.name},
                         {QStringLiteral("dbName"), QJsonValue()},
                         {QStringLiteral("schema"), QJsonValue()},
                         {QStringLiteral("fields"), fields},
                         {QStringLiteral("primaryKey"), QJsonValue()},
                         {QStringLiteral("uniqueFields"), QJsonArray()},
                         {QStringLiteral("uniqueIndexes"), QJsonArray()}};
        if (type.documentation)
            json.insert(QStringLiteral("documentation"), *type.documentation);
        types.append(json);
    }
    return QJsonObject{{QStringLiteral("enums"), enums},
                       {QStringLiteral("models"), models},
                       {QStringLiteral("types"), types},
                       {QStringLiteral("indexes"), allIndexes}};
}

/// The differences between a golden DMMF value and ours, one line each: `path: expected X,
/// got Y`. Numbers compare as doubles (the DMMF writes Decimal defaults through a float);
/// `isGenerated` keys of the golden file are ignored.
inline void diff(const QJsonValue &expected, const QJsonValue &actual, const QString &path,
                 QStringList &out)
{
    const auto text = [](const QJsonValue &value) {
        if (value.isObject())
            return QStringLiteral("{...}");
        if (value.isArray())
            return QStringLiteral("[%1 items]").arg(value.toArray().size());
        if (value.isUndefined())
            return QStringLiteral("(absent)");
        return QJsonArray{value}.isEmpty()
                   ? QString()
                   : QString::fromUtf8(
                         QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1);
    };
    if (expected.isDouble() && actual.isDouble()) {
        const double a = expected.toDouble(), b = actual.toDouble();
        if (std::abs(a - b) > 1e-9 * std::max(1.0, std::abs(a)))
            out.append(
                QStringLiteral("%1: expected %2, got %3").arg(path, text(expected), text(actual)));
        return;
    }
    if (expected.type() != actual.type()) {
        out.append(
            QStringLiteral("%1: expected %2, got %3").arg(path, text(expected), text(actual)));
        return;
    }
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject(), a = actual.toObject();
        QStringList keys = e.keys() + a.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString &key : std::as_const(keys)) {
            if (key == QLatin1String("isGenerated"))
                continue;
            QString name = path + QLatin1Char('.') + key;
            if (e.contains(QStringLiteral("name")) && key != QLatin1String("name"))
                name = path + QLatin1Char('(') + e.value(QStringLiteral("name")).toString() +
                       QLatin1String(").") + key;
            diff(e.value(key), a.value(key), name, out);
        }
        return;
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray(), a = actual.toArray();
        if (e.size() != a.size())
            out.append(QStringLiteral("%1: expected %2 items, got %3")
                           .arg(path)
                           .arg(e.size())
                           .arg(a.size()));
        for (qsizetype i = 0; i < std::min(e.size(), a.size()); ++i)
            diff(e.at(i), a.at(i), path + QStringLiteral("[%1]").arg(i), out);
        return;
    }
    if (expected != actual)
        out.append(
            QStringLiteral("%1: expected %2, got %3").arg(path, text(expected), text(actual)));
}

} // namespace DmmfJson
