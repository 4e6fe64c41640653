#pragma once

#include "core/sql/SqlFlavour.h"

namespace gh::sql {

/// PostgreSQL: native types, enums as types, schemas, SERIAL columns, renaming of indexes and
/// foreign keys, ALTER COLUMN with casts.
class PostgresFlavour : public SqlFlavour
{
public:
    QString provider() const override { return QStringLiteral("postgresql"); }
    SqlDialect dialect() const override { return SqlDialect::PostgreSQL; }
    int maxIdentifierLength() const override { return 63; }
    const SqlRenderer &renderer() const override;

    bool hasNamespaces() const override { return true; }
    bool hasNativeEnums() const override { return true; }
    NativeType nativeType(prisma::ScalarType type,
                          const std::optional<prisma::NativeType> &declared) const override;
    std::optional<DefaultValue> autoincrementDefault() const override;
    bool joinTablesHavePrimaryKeys() const override { return true; }

    bool canRenameForeignKey() const override { return true; }
    bool recreatesIndexesAfterColumnDrop() const override { return true; }
    std::optional<ColumnChanges::TypeChange> columnTypeChange(const Column &previous,
                                                              const Column &next) const override;
    bool indexesMatch(const Index &previous, const Index &next) const override;
    bool ignoresTable(const QString &name) const override;

    /// The native type of a column type name as PostgreSQL's catalog reports it (`int4`,
    /// `varchar`, `_text`, ...), with the precision and length read beside it.
    static NativeType nativeTypeForCatalogName(const QString &udtName, std::optional<int> length,
                                               std::optional<int> precision,
                                               std::optional<int> scale,
                                               std::optional<int> timePrecision);
    /// The column family of a catalog type name.
    static std::optional<ColumnTypeFamily> familyForCatalogName(const QString &udtName);
};

} // namespace gh::sql
