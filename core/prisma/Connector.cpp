#include "core/prisma/Connector.h"

#include <QStringList>

// The tables below are Prisma 7's (prisma-engines, psl-core/src/builtin_connectors/*): native
// type constructors with their compatible scalar types, capability sets, referential actions,
// index types and constraint name scopes, checked against the oracle's validate output.

namespace gh::prisma {

namespace {

constexpr quint16 bit(ScalarType type)
{
    return quint16(1u << unsigned(type));
}

constexpr quint16 String = bit(ScalarType::String);
constexpr quint16 Boolean = bit(ScalarType::Boolean);
constexpr quint16 Int = bit(ScalarType::Int);
constexpr quint16 BigInt = bit(ScalarType::BigInt);
constexpr quint16 Float = bit(ScalarType::Float);
constexpr quint16 Decimal = bit(ScalarType::Decimal);
constexpr quint16 DateTime = bit(ScalarType::DateTime);
constexpr quint16 Json = bit(ScalarType::Json);
constexpr quint16 Bytes = bit(ScalarType::Bytes);

using A = Connector::Arguments;
using NT = Connector::NativeType;

const QList<NT> postgresTypes = {
    {"SmallInt", A::None, false, Int},
    {"Integer", A::None, false, Int},
    {"BigInt", A::None, false, BigInt},
    {"Decimal", A::NumberPair, true, Decimal},
    {"Money", A::None, false, Decimal},
    {"Inet", A::None, false, String},
    {"Oid", A::None, false, Int},
    {"Citext", A::None, false, String},
    {"Real", A::None, false, Float},
    {"DoublePrecision", A::None, false, Float},
    {"VarChar", A::Number, true, String},
    {"Char", A::Number, true, String},
    {"Text", A::None, false, String},
    {"ByteA", A::None, false, Bytes},
    {"Timestamp", A::Number, true, DateTime},
    {"Timestamptz", A::Number, true, DateTime},
    {"Date", A::None, false, DateTime},
    {"Time", A::Number, true, DateTime},
    {"Timetz", A::Number, true, DateTime},
    {"Boolean", A::None, false, Boolean},
    {"Bit", A::Number, true, String},
    {"VarBit", A::Number, true, String},
    {"Uuid", A::None, false, String},
    {"Xml", A::None, false, String},
    {"Json", A::None, false, Json},
    {"JsonB", A::None, false, Json},
};

const QList<NT> cockroachTypes = {
    {"Bit", A::Number, true, String},
    {"Bool", A::None, false, Boolean},
    {"Bytes", A::None, false, Bytes},
    {"Char", A::Number, true, String},
    {"Date", A::None, false, DateTime},
    {"Decimal", A::NumberPair, true, Decimal},
    {"Float4", A::None, false, Float},
    {"Float8", A::None, false, Float},
    {"Inet", A::None, false, String},
    {"Int2", A::None, false, Int},
    {"Int4", A::None, false, Int},
    {"Int8", A::None, false, BigInt},
    {"JsonB", A::None, false, Json},
    {"Oid", A::None, false, Int},
    {"CatalogSingleChar", A::None, false, String},
    {"String", A::Number, true, String},
    {"Time", A::Number, true, DateTime},
    {"Timestamp", A::Number, true, DateTime},
    {"Timestamptz", A::Number, true, DateTime},
    {"Timetz", A::Number, true, DateTime},
    {"Uuid", A::None, false, String},
    {"VarBit", A::Number, true, String},
};

const QList<NT> mysqlTypes = {
    {"Int", A::None, false, Int},
    {"UnsignedInt", A::None, false, Int},
    {"SmallInt", A::None, false, Int},
    {"UnsignedSmallInt", A::None, false, Int},
    {"TinyInt", A::None, false, Boolean | Int},
    {"UnsignedTinyInt", A::None, false, Boolean | Int},
    {"MediumInt", A::None, false, Int},
    {"UnsignedMediumInt", A::None, false, Int},
    {"BigInt", A::None, false, BigInt},
    {"Decimal", A::NumberPair, true, Decimal},
    {"UnsignedBigInt", A::None, false, BigInt},
    {"Float", A::None, false, Float},
    {"Double", A::None, false, Float},
    {"Bit", A::Number, false, Boolean | Bytes},
    {"Char", A::Number, false, String},
    {"VarChar", A::Number, false, String},
    {"Binary", A::Number, false, Bytes},
    {"VarBinary", A::Number, false, Bytes},
    {"TinyBlob", A::None, false, Bytes},
    {"Blob", A::None, false, Bytes},
    {"MediumBlob", A::None, false, Bytes},
    {"LongBlob", A::None, false, Bytes},
    {"TinyText", A::None, false, String},
    {"Text", A::None, false, String},
    {"MediumText", A::None, false, String},
    {"LongText", A::None, false, String},
    {"Date", A::None, false, DateTime},
    {"Time", A::Number, true, DateTime},
    {"DateTime", A::Number, true, DateTime},
    {"Timestamp", A::Number, true, DateTime},
    {"Year", A::None, false, Int},
    {"Json", A::None, false, Json},
};

const QList<NT> sqlServerTypes = {
    {"TinyInt", A::None, false, Int},
    {"SmallInt", A::None, false, Int},
    {"Int", A::None, false, Int},
    {"BigInt", A::None, false, BigInt},
    {"Decimal", A::NumberPair, true, Decimal},
    {"Money", A::None, false, Float},
    {"SmallMoney", A::None, false, Float},
    {"Bit", A::None, false, Boolean | Int},
    {"Float", A::Number, true, Float},
    {"Real", A::None, false, Float},
    {"Date", A::None, false, DateTime},
    {"Time", A::None, false, DateTime},
    {"DateTime", A::None, false, DateTime},
    {"DateTime2", A::None, false, DateTime},
    {"DateTimeOffset", A::None, false, DateTime},
    {"SmallDateTime", A::None, false, DateTime},
    {"Char", A::Number, true, String},
    {"NChar", A::Number, true, String},
    {"VarChar", A::NumberOrMax, true, String},
    {"Text", A::None, false, String},
    {"NVarChar", A::NumberOrMax, true, String},
    {"NText", A::None, false, String},
    {"Binary", A::Number, true, Bytes},
    {"VarBinary", A::NumberOrMax, true, Bytes},
    {"Image", A::None, false, Bytes},
    {"Xml", A::None, false, String},
    {"UniqueIdentifier", A::None, false, String},
};

const QList<NT> mongoTypes = {
    {"String", A::None, false, String},      {"Double", A::None, false, Float},
    {"Long", A::None, false, BigInt | Int},  {"Int", A::None, false, Int},
    {"BinData", A::None, false, Bytes},      {"ObjectId", A::None, false, String | Bytes},
    {"Bool", A::None, false, Boolean},       {"Date", A::None, false, DateTime},
    {"Timestamp", A::None, false, DateTime}, {"Json", A::None, false, Json},
};

const QList<NT> noTypes;

constexpr quint8 action(ReferentialAction a)
{
    return quint8(1u << unsigned(a));
}

constexpr quint8 Cascade = action(ReferentialAction::Cascade);
constexpr quint8 Restrict = action(ReferentialAction::Restrict);
constexpr quint8 NoAction = action(ReferentialAction::NoAction);
constexpr quint8 SetNull = action(ReferentialAction::SetNull);
constexpr quint8 SetDefault = action(ReferentialAction::SetDefault);
constexpr quint8 allActions = Cascade | Restrict | NoAction | SetNull | SetDefault;

constexpr quint8 algorithm(IndexAlgorithm a)
{
    return quint8(1u << unsigned(a));
}

constexpr quint8 allAlgorithms = 0x3f;
constexpr quint8 btreeOnly = algorithm(IndexAlgorithm::BTree);

using C = Connector;
using S = Connector::ConstraintScope;

constexpr quint32 sqlCommon =
    C::DecimalType | C::CompoundIds | C::ImplicitManyToManyRelation | C::AutoIncrement;

const QList<S> postgresScopes = {S::GlobalPrimaryKeyKeyIndex, S::ModelPrimaryKeyKeyIndexForeignKey};
const QList<S> cockroachScopes = {S::ModelPrimaryKeyKeyIndexForeignKey};
const QList<S> mysqlScopes = {S::GlobalForeignKey, S::ModelKeyIndex};
const QList<S> sqliteScopes = {S::GlobalKeyIndex};
const QList<S> sqlServerScopes = {S::GlobalPrimaryKeyForeignKeyDefault, S::ModelPrimaryKeyKeyIndex};
const QList<S> mongoScopes = {S::ModelKeyIndex};

const Connector postgres("postgresql", "Postgres",
                         sqlCommon | C::PartialIndex | C::Enums | C::Json | C::JsonLists |
                             C::ScalarLists | C::NamedPrimaryKeys | C::NamedForeignKeys |
                             C::MultiSchema | C::AutoIncrementAllowedOnNonId |
                             C::AutoIncrementMultipleAllowed | C::AutoIncrementNonIndexedAllowed |
                             C::RelationFieldsInArbitraryOrder,
                         63, &postgresTypes, allActions, Restrict | SetNull | Cascade,
                         allAlgorithms, &postgresScopes);

const Connector cockroach("cockroachdb", "CockroachDB",
                          sqlCommon | C::PartialIndex | C::Enums | C::Json | C::ScalarLists |
                              C::NamedPrimaryKeys | C::NamedForeignKeys | C::MultiSchema |
                              C::AutoIncrementAllowedOnNonId | C::AutoIncrementMultipleAllowed |
                              C::AutoIncrementNonIndexedAllowed | C::RelationFieldsInArbitraryOrder,
                          63, &cockroachTypes, allActions, Restrict | SetNull | Cascade,
                          algorithm(IndexAlgorithm::BTree) | algorithm(IndexAlgorithm::Gin),
                          &cockroachScopes);

const Connector mysql("mysql", "MySQL",
                      sqlCommon | C::Enums | C::Json | C::NamedForeignKeys |
                          C::AutoIncrementAllowedOnNonId | C::IndexColumnLengthPrefixing |
                          C::FullTextIndex | C::MultipleFullTextAttributesPerModel |
                          C::RelationFieldsInArbitraryOrder,
                      64, &mysqlTypes, allActions, Restrict | SetNull | Cascade, btreeOnly,
                      &mysqlScopes);

const Connector sqlite("sqlite", "SQLite", sqlCommon | C::Enums | C::Json | C::PartialIndex, 10000,
                       &noTypes, allActions, Restrict | SetNull | Cascade, btreeOnly,
                       &sqliteScopes);

const Connector sqlServer("sqlserver", "SQL Server",
                          sqlCommon | C::PartialIndex | C::NamedPrimaryKeys | C::NamedForeignKeys |
                              C::NamedDefaultValues | C::MultiSchema | C::ClusteringSetting |
                              C::PrimaryKeySortOrderDefinition | C::ReferenceCycleDetection |
                              C::AutoIncrementAllowedOnNonId | C::AutoIncrementNonIndexedAllowed,
                          128, &sqlServerTypes, Cascade | NoAction | SetNull | SetDefault,
                          Cascade | NoAction | SetNull, btreeOnly, &sqlServerScopes);

const Connector mongo("mongodb", "MongoDB",
                      C::Enums | C::Json | C::ScalarLists | C::JsonLists | C::CompositeTypes |
                          C::FullTextIndex | C::TwoWayEmbeddedManyToManyRelation |
                          C::RelationFieldsInArbitraryOrder,
                      127, &mongoTypes, 0, Restrict | SetNull | Cascade | NoAction, btreeOnly,
                      &mongoScopes);

} // namespace

Connector::Connector(const char *provider, const char *name, quint32 capabilities,
                     int maxIdentifierLength, const QList<NativeType> *nativeTypes,
                     quint8 foreignKeyActions, quint8 emulatedActions, quint8 indexAlgorithms,
                     const QList<ConstraintScope> *scopes)
    : m_provider(provider)
    , m_name(name)
    , m_capabilities(capabilities)
    , m_maxIdentifierLength(maxIdentifierLength)
    , m_nativeTypes(nativeTypes)
    , m_foreignKeyActions(foreignKeyActions)
    , m_emulatedActions(emulatedActions)
    , m_indexAlgorithms(indexAlgorithms)
    , m_scopes(scopes)
{}

int Connector::NativeType::requiredArguments() const
{
    if (argumentsOptional)
        return 0;
    switch (arguments) {
    case Arguments::None:
        return 0;
    case Arguments::Number:
    case Arguments::NumberOrMax:
        return 1;
    case Arguments::NumberPair:
        return 2;
    }
    return 0;
}

int Connector::NativeType::optionalArguments() const
{
    if (!argumentsOptional)
        return 0;
    return arguments == Arguments::NumberPair ? 2 : 1;
}

const Connector *Connector::forProvider(QStringView provider)
{
    if (provider == u"postgresql" || provider == u"postgres")
        return &postgres;
    for (const Connector *connector : {&cockroach, &mysql, &sqlite, &sqlServer, &mongo}) {
        if (provider == QLatin1String(connector->m_provider))
            return connector;
    }
    return nullptr;
}

QStringList Connector::providerNames()
{
    return {QStringLiteral("postgresql"), QStringLiteral("postgres"), QStringLiteral("cockroachdb"),
            QStringLiteral("mysql"),      QStringLiteral("sqlite"),   QStringLiteral("sqlserver"),
            QStringLiteral("mongodb")};
}

const Connector::NativeType *Connector::nativeType(QStringView name) const
{
    // The first letter rules out most of the table without a call into Qt's comparison.
    const char16_t first = name.isEmpty() ? u'\0' : name.front().unicode();
    for (const NativeType &type : *m_nativeTypes) {
        if (first == char16_t(uchar(type.name[0])) && name == QLatin1String(type.name))
            return &type;
    }
    return nullptr;
}

bool Connector::supportsForeignKeyAction(ReferentialAction action) const
{
    return m_foreignKeyActions & (1u << unsigned(action));
}

bool Connector::supportsEmulatedAction(ReferentialAction action) const
{
    return m_emulatedActions & (1u << unsigned(action));
}

namespace {

QList<ReferentialAction> actions(quint8 mask)
{
    QList<ReferentialAction> list;
    for (unsigned i = 0; i <= unsigned(ReferentialAction::SetDefault); ++i) {
        if (mask & (1u << i))
            list.append(ReferentialAction(i));
    }
    return list;
}

} // namespace

QList<ReferentialAction> Connector::foreignKeyActions() const
{
    return actions(m_foreignKeyActions);
}

QList<ReferentialAction> Connector::emulatedActions() const
{
    return actions(m_emulatedActions);
}

bool Connector::supportsIndexAlgorithm(IndexAlgorithm algorithm) const
{
    return m_indexAlgorithms & (1u << unsigned(algorithm));
}

QString Connector::describe(ConstraintScope scope, const QString &model)
{
    switch (scope) {
    case ConstraintScope::GlobalKeyIndex:
        return QStringLiteral("global for indexes and unique constraints");
    case ConstraintScope::GlobalForeignKey:
        return QStringLiteral("global for foreign keys");
    case ConstraintScope::GlobalPrimaryKeyKeyIndex:
        return QStringLiteral("global for primary key, indexes and unique constraints");
    case ConstraintScope::GlobalPrimaryKeyForeignKeyDefault:
        return QStringLiteral("global for primary keys, foreign keys and default constraints");
    case ConstraintScope::ModelKeyIndex:
        return QStringLiteral("on model `%1` for indexes and unique constraints").arg(model);
    case ConstraintScope::ModelPrimaryKeyKeyIndex:
        return QStringLiteral("on model `%1` for primary key, indexes and unique constraints")
            .arg(model);
    case ConstraintScope::ModelPrimaryKeyKeyIndexForeignKey:
        return QStringLiteral("on model `%1` for primary key, indexes, unique constraints and "
                              "foreign keys")
            .arg(model);
    }
    return {};
}

} // namespace gh::prisma
