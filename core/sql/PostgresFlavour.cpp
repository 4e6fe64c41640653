#include "core/sql/PostgresFlavour.h"

#include "core/sql/PostgresRenderer.h"
#include "core/sql/PostgresTypeCasts.h"

#include <QRegularExpression>

namespace gh::sql {

const SqlRenderer &PostgresFlavour::renderer() const
{
    static const PostgresRenderer renderer;
    return renderer;
}

NativeType PostgresFlavour::nativeType(prisma::ScalarType type,
                                       const std::optional<prisma::NativeType> &declared) const
{
    if (declared) {
        NativeType native;
        native.name = declared->name;
        for (const QString &argument : declared->arguments) {
            bool ok = false;
            const int value = argument.trimmed().toInt(&ok);
            if (ok)
                native.arguments.append(value);
        }
        return native;
    }
    switch (type) {
    case prisma::ScalarType::String:
        return {QStringLiteral("Text"), {}};
    case prisma::ScalarType::Boolean:
        return {QStringLiteral("Boolean"), {}};
    case prisma::ScalarType::Int:
        return {QStringLiteral("Integer"), {}};
    case prisma::ScalarType::BigInt:
        return {QStringLiteral("BigInt"), {}};
    case prisma::ScalarType::Float:
        return {QStringLiteral("DoublePrecision"), {}};
    case prisma::ScalarType::Decimal:
        return {QStringLiteral("Decimal"), {65, 30}};
    case prisma::ScalarType::DateTime:
        return {QStringLiteral("Timestamp"), {3}};
    case prisma::ScalarType::Json:
        return {QStringLiteral("JsonB"), {}};
    case prisma::ScalarType::Bytes:
        return {QStringLiteral("ByteA"), {}};
    }
    return {};
}

std::optional<DefaultValue> PostgresFlavour::autoincrementDefault() const
{
    // A SERIAL column: the sequence gets its name from PostgreSQL.
    return DefaultValue::sequence(QString());
}

std::optional<ColumnChanges::TypeChange> PostgresFlavour::columnTypeChange(const Column &previous,
                                                                           const Column &next) const
{
    using TypeChange = ColumnChanges::TypeChange;
    const bool previousIsEnum = previous.type.family == ColumnTypeFamily::Enum;
    const bool nextIsEnum = next.type.family == ColumnTypeFamily::Enum;
    if (previousIsEnum && nextIsEnum) {
        if (previous.type.enumName == next.type.enumName &&
            previous.type.enumNamespace == next.type.enumNamespace)
            return std::nullopt;
        return TypeChange::NotCastable;
    }
    if (previousIsEnum || nextIsEnum)
        return TypeChange::NotCastable;

    const NativeType &previousType = previous.type.nativeType;
    const NativeType &nextType = next.type.nativeType;
    const bool fromListToScalar = previous.type.isList() && !next.type.isList();
    const bool fromScalarToList = !previous.type.isList() && next.type.isList();
    if (fromListToScalar && nextType.isValid()) {
        if (nextType.is(QLatin1String("Text")))
            return TypeChange::SafeCast;
        if (nextType.is(QLatin1String("VarChar")))
            return nextType.arguments.isEmpty() ? TypeChange::SafeCast : TypeChange::RiskyCast;
        if (nextType.is(QLatin1String("Char")))
            return TypeChange::RiskyCast;
    }
    if (fromListToScalar || fromScalarToList)
        return TypeChange::NotCastable;
    if (previousType.isValid() && nextType.isValid())
        return PostgresTypeCasts::change(previousType, nextType);
    if (previousType.isValid() != nextType.isValid())
        return TypeChange::RiskyCast;
    // Two unsupported types: Prisma compares the previous type with itself, so never a change.
    return std::nullopt;
}

bool PostgresFlavour::indexesMatch(const Index &previous, const Index &next) const
{
    if (previous.columns.size() != next.columns.size() || previous.algorithm != next.algorithm)
        return false;
    for (int i = 0; i < previous.columns.size(); ++i) {
        const IndexColumn &a = previous.columns.at(i);
        const IndexColumn &b = next.columns.at(i);
        // The data model does not always spell out the default operator class.
        const bool same = a.operatorClass == b.operatorClass ||
                          (a.operatorClass.isEmpty() && b.operatorClassIsDefault) ||
                          (b.operatorClass.isEmpty() && a.operatorClassIsDefault);
        if (!same)
            return false;
    }
    return true;
}

bool PostgresFlavour::ignoresTable(const QString &name) const
{
    // PostGIS's tables (or views, depending on the version).
    static const QRegularExpression postgis(
        QStringLiteral("^(spatial_ref_sys|geometry_columns|geography_columns|raster_columns|"
                       "raster_overviews)$"),
        QRegularExpression::CaseInsensitiveOption);
    return postgis.match(name).hasMatch();
}

std::optional<ColumnTypeFamily> PostgresFlavour::familyForCatalogName(const QString &udtName)
{
    const QString name = udtName.startsWith(QLatin1Char('_')) ? udtName.mid(1) : udtName;
    static const QHash<QString, ColumnTypeFamily> families = {
        {QStringLiteral("int2"), ColumnTypeFamily::Int},
        {QStringLiteral("int4"), ColumnTypeFamily::Int},
        {QStringLiteral("int8"), ColumnTypeFamily::BigInt},
        {QStringLiteral("oid"), ColumnTypeFamily::Int},
        {QStringLiteral("float4"), ColumnTypeFamily::Float},
        {QStringLiteral("float8"), ColumnTypeFamily::Float},
        {QStringLiteral("bool"), ColumnTypeFamily::Boolean},
        {QStringLiteral("text"), ColumnTypeFamily::String},
        {QStringLiteral("citext"), ColumnTypeFamily::String},
        {QStringLiteral("varchar"), ColumnTypeFamily::String},
        {QStringLiteral("bpchar"), ColumnTypeFamily::String},
        {QStringLiteral("char"), ColumnTypeFamily::String},
        {QStringLiteral("date"), ColumnTypeFamily::DateTime},
        {QStringLiteral("bytea"), ColumnTypeFamily::Binary},
        {QStringLiteral("json"), ColumnTypeFamily::Json},
        {QStringLiteral("jsonb"), ColumnTypeFamily::Json},
        {QStringLiteral("uuid"), ColumnTypeFamily::Uuid},
        {QStringLiteral("xml"), ColumnTypeFamily::String},
        {QStringLiteral("bit"), ColumnTypeFamily::String},
        {QStringLiteral("varbit"), ColumnTypeFamily::String},
        {QStringLiteral("numeric"), ColumnTypeFamily::Decimal},
        {QStringLiteral("money"), ColumnTypeFamily::Decimal},
        {QStringLiteral("time"), ColumnTypeFamily::DateTime},
        {QStringLiteral("timetz"), ColumnTypeFamily::DateTime},
        {QStringLiteral("timestamp"), ColumnTypeFamily::DateTime},
        {QStringLiteral("timestamptz"), ColumnTypeFamily::DateTime},
        {QStringLiteral("inet"), ColumnTypeFamily::String},
    };
    const auto found = families.constFind(name);
    if (found == families.constEnd())
        return std::nullopt;
    return *found;
}

NativeType PostgresFlavour::nativeTypeForCatalogName(const QString &udtName,
                                                     std::optional<int> length,
                                                     std::optional<int> precision,
                                                     std::optional<int> scale,
                                                     std::optional<int> timePrecision)
{
    const QString name = udtName.startsWith(QLatin1Char('_')) ? udtName.mid(1) : udtName;
    const auto optional = [](const char *typeName, std::optional<int> argument) {
        NativeType type{QLatin1String(typeName), {}};
        if (argument)
            type.arguments.append(*argument);
        return type;
    };
    static const QHash<QString, const char *> simple = {
        {QStringLiteral("int2"), "SmallInt"}, {QStringLiteral("int4"), "Integer"},
        {QStringLiteral("int8"), "BigInt"},   {QStringLiteral("oid"), "Oid"},
        {QStringLiteral("float4"), "Real"},   {QStringLiteral("float8"), "DoublePrecision"},
        {QStringLiteral("bool"), "Boolean"},  {QStringLiteral("text"), "Text"},
        {QStringLiteral("citext"), "Citext"}, {QStringLiteral("date"), "Date"},
        {QStringLiteral("bytea"), "ByteA"},   {QStringLiteral("json"), "Json"},
        {QStringLiteral("jsonb"), "JsonB"},   {QStringLiteral("uuid"), "Uuid"},
        {QStringLiteral("xml"), "Xml"},       {QStringLiteral("money"), "Money"},
        {QStringLiteral("inet"), "Inet"},
    };
    const auto found = simple.constFind(name);
    if (found != simple.constEnd())
        return {QLatin1String(*found), {}};
    if (name == QLatin1String("varchar"))
        return optional("VarChar", length);
    if (name == QLatin1String("bpchar"))
        return optional("Char", length);
    if (name == QLatin1String("char"))
        return optional("Char", std::nullopt);
    if (name == QLatin1String("bit"))
        return optional("Bit", length);
    if (name == QLatin1String("varbit"))
        return optional("VarBit", length);
    if (name == QLatin1String("numeric")) {
        NativeType type{QStringLiteral("Decimal"), {}};
        if (precision && scale)
            type.arguments = {*precision, *scale};
        return type;
    }
    if (name == QLatin1String("time"))
        return optional("Time", timePrecision);
    if (name == QLatin1String("timetz"))
        return optional("Timetz", timePrecision);
    if (name == QLatin1String("timestamp"))
        return optional("Timestamp", timePrecision);
    if (name == QLatin1String("timestamptz"))
        return optional("Timestamptz", timePrecision);
    return {};
}

} // namespace gh::sql
