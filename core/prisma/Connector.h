#pragma once

#include "core/prisma/DataModel.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace gh::prisma {

/// What a datasource provider supports, as Prisma's datamodel connectors describe it
/// (prisma-engines, psl-core/src/builtin_connectors): the `@db.*` native types and their
/// arguments, the capabilities the validator checks (enums, lists, named constraints, index
/// types, ...), the referential actions and the rules for constraint names.
///
/// The connectors are immutable static data: Connector::forProvider() may be called from any
/// thread. The editor uses nativeTypes() for `@db.` completion.
class Connector
{
public:
    enum Capability : quint32 {
        Enums = 1u << 0,
        Json = 1u << 1,
        JsonLists = 1u << 2,
        ScalarLists = 1u << 3,
        DecimalType = 1u << 4,
        CompoundIds = 1u << 5,
        NamedPrimaryKeys = 1u << 6,
        NamedForeignKeys = 1u << 7,
        NamedDefaultValues = 1u << 8,
        MultiSchema = 1u << 9,
        ImplicitManyToManyRelation = 1u << 10,
        AutoIncrement = 1u << 11,
        AutoIncrementAllowedOnNonId = 1u << 12,
        AutoIncrementMultipleAllowed = 1u << 13,
        AutoIncrementNonIndexedAllowed = 1u << 14,
        IndexColumnLengthPrefixing = 1u << 15,
        FullTextIndex = 1u << 16,
        MultipleFullTextAttributesPerModel = 1u << 17,
        ClusteringSetting = 1u << 18,
        PrimaryKeySortOrderDefinition = 1u << 19,
        CompositeTypes = 1u << 20,
        TwoWayEmbeddedManyToManyRelation = 1u << 21,
        ReferenceCycleDetection = 1u << 22,
        RelationFieldsInArbitraryOrder = 1u << 23,
        PartialIndex = 1u << 24, ///< `@@index(..., where: ...)` (Prisma 7, `partialIndexes`)
    };

    /// How a native type's arguments are written.
    enum class Arguments : quint8 {
        None,        ///< `@db.Text`
        Number,      ///< `@db.VarChar(255)`: a nonnegative integer
        NumberPair,  ///< `@db.Decimal(10, 2)`: two nonnegative integers
        NumberOrMax, ///< SQL Server's `@db.NVarChar(Max)`
    };

    /// A `@db.*` type: its name, its arguments and the scalar types it fits.
    struct NativeType
    {
        const char *name;
        Arguments arguments;
        bool argumentsOptional; ///< `@db.VarChar` and `@db.VarChar(255)` are both valid
        quint16 scalarTypes;    ///< bit (1 << ScalarType) per compatible scalar type

        int requiredArguments() const;
        int optionalArguments() const;
        bool fits(ScalarType type) const { return scalarTypes & (1u << unsigned(type)); }
    };

    /// Where constraint names must be unique (Prisma's ConstraintScope).
    enum class ConstraintScope : quint8 {
        GlobalKeyIndex,
        GlobalForeignKey,
        GlobalPrimaryKeyKeyIndex,
        GlobalPrimaryKeyForeignKeyDefault,
        ModelKeyIndex,
        ModelPrimaryKeyKeyIndex,
        ModelPrimaryKeyKeyIndexForeignKey,
    };

    /// The connector of a `provider` value (`postgresql` and `postgres` are one), or nullptr
    /// for a provider Prisma does not know.
    static const Connector *forProvider(QStringView provider);
    /// The provider values Prisma accepts, as its error message lists them.
    static QStringList providerNames();

    const char *provider() const { return m_provider; } ///< `postgresql`, `mysql`, ...
    const char *name() const { return m_name; }         ///< `Postgres`, `MySQL`, ... (messages)
    bool has(Capability capability) const { return (m_capabilities & capability) != 0; }
    /// The longest constraint name the database accepts, in bytes.
    int maxIdentifierLength() const { return m_maxIdentifierLength; }

    const QList<NativeType> &nativeTypes() const { return *m_nativeTypes; }
    const NativeType *nativeType(QStringView name) const;

    /// The referential actions the database implements (relationMode = "foreignKeys").
    bool supportsForeignKeyAction(ReferentialAction action) const;
    /// Those Prisma emulates (relationMode = "prisma").
    bool supportsEmulatedAction(ReferentialAction action) const;
    QList<ReferentialAction> foreignKeyActions() const;
    QList<ReferentialAction> emulatedActions() const;

    bool supportsIndexAlgorithm(IndexAlgorithm algorithm) const;

    const QList<ConstraintScope> &constraintScopes() const { return *m_scopes; }
    /// Prisma's text for a scope in its constraint name messages.
    static QString describe(ConstraintScope scope, const QString &model);

    Connector(const char *provider, const char *name, quint32 capabilities, int maxIdentifierLength,
              const QList<NativeType> *nativeTypes, quint8 foreignKeyActions,
              quint8 emulatedActions, quint8 indexAlgorithms, const QList<ConstraintScope> *scopes);

private:
    const char *m_provider;
    const char *m_name;
    quint32 m_capabilities;
    int m_maxIdentifierLength;
    const QList<NativeType> *m_nativeTypes;
    quint8 m_foreignKeyActions;
    quint8 m_emulatedActions;
    quint8 m_indexAlgorithms;
    const QList<ConstraintScope> *m_scopes;
};

} // namespace gh::prisma
