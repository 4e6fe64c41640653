#pragma once

#include "core/sql/SqlFlavour.h"

namespace gh::sql {

/// SQLite: no native types, no enums (text columns), foreign keys declared inside CREATE TABLE,
/// and every change ALTER TABLE cannot make done by rebuilding the table (RedefineTables).
class SqliteFlavour : public SqlFlavour
{
public:
    QString provider() const override { return QStringLiteral("sqlite"); }
    SqlDialect dialect() const override { return SqlDialect::SQLite; }
    int maxIdentifierLength() const override { return 10000; }
    const SqlRenderer &renderer() const override;

    bool hasImplicitAutoincrementPrimaryKeys() const override { return true; }

    bool canRenameForeignKey() const override { return false; }
    bool canRenameIndex() const override { return false; }
    bool canRedefineTablesWithInboundForeignKeys() const override { return true; }
    bool hasUnnamedForeignKeys() const override { return true; }
    bool pushesForeignKeysFromCreatedTables() const override { return false; }
    bool dropsForeignKeysFromDroppedTables() const override { return false; }
    bool dropsIndexesFromDroppedTables() const override { return true; }
    bool redefinesTables() const override { return true; }
    bool columnAutoincrementChanged(const Column &previous, const Column &next) const override
    {
        Q_UNUSED(previous)
        Q_UNUSED(next)
        return false;
    }
    std::optional<ColumnChanges::TypeChange> columnTypeChange(const Column &previous,
                                                              const Column &next) const override;
    bool ignoresTable(const QString &name) const override;

    /// The family of a declared column type, by SQLite's affinity rules as Prisma applies them.
    static ColumnTypeFamily familyForDeclaredType(const QString &declaredType);
};

} // namespace gh::sql
