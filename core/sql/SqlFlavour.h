#pragma once

#include "core/db/SqlDialect.h"
#include "core/prisma/DataModel.h"
#include "core/sql/MigrationStep.h"
#include "core/sql/SqlSchema.h"

#include <QString>
#include <optional>

namespace gh::sql {

class SqlRenderer;

/// What differs between databases in Prisma's migration engine (its SqlFlavour and the
/// calculator, differ and destructive-check flavours): how a data model maps to SQL types, which
/// changes ALTER TABLE can make, how a column type change casts, and the renderer that writes
/// the SQL. PostgreSQL and SQLite are implemented; MySQL and CockroachDB would be further
/// subclasses.
///
/// Flavours are immutable singletons, safe to use from any thread.
class SqlFlavour
{
public:
    /// The flavour for a datasource provider (`postgresql`/`postgres`, `sqlite`), or nullptr.
    static const SqlFlavour *forProvider(QStringView provider);
    static const SqlFlavour *forDialect(SqlDialect dialect);

    virtual ~SqlFlavour() = default;

    /// `postgresql`, `sqlite`.
    virtual QString provider() const = 0;
    virtual SqlDialect dialect() const = 0;
    /// Longest identifier in bytes (PostgreSQL 63); 0 for no limit.
    virtual int maxIdentifierLength() const = 0;
    virtual const SqlRenderer &renderer() const = 0;

    // --- From a data model (SchemaCalculator) -----------------------------------------------

    /// Schemas (namespaces) exist: a migration from nothing creates the default one.
    virtual bool hasNamespaces() const { return false; }
    /// Enums are database types (CREATE TYPE ... AS ENUM); otherwise enum fields are text.
    virtual bool hasNativeEnums() const { return false; }
    /// The native type of a scalar field: the declared `@db.*` one, else the provider's
    /// default. Empty for databases without native types.
    virtual NativeType nativeType(prisma::ScalarType type,
                                  const std::optional<prisma::NativeType> &declared) const
    {
        Q_UNUSED(type)
        Q_UNUSED(declared)
        return {};
    }
    /// The column default standing for `autoincrement()`, when the database has one.
    virtual std::optional<DefaultValue> autoincrementDefault() const { return std::nullopt; }
    /// An `Int` single-column primary key increments by itself (SQLite's rowid).
    virtual bool hasImplicitAutoincrementPrimaryKeys() const { return false; }
    /// Implicit many-to-many join tables get a primary key on (A, B), else a unique index.
    virtual bool joinTablesHavePrimaryKeys() const { return false; }

    // --- Diffing (SchemaDiffer) -------------------------------------------------------------

    virtual bool canRenameForeignKey() const = 0;
    virtual bool canRenameIndex() const { return true; }
    virtual bool canRedefineTablesWithInboundForeignKeys() const { return false; }
    /// The database does not report foreign key names (SQLite).
    virtual bool hasUnnamedForeignKeys() const { return false; }
    virtual bool pushesForeignKeysFromCreatedTables() const { return true; }
    virtual bool dropsForeignKeysFromDroppedTables() const { return true; }
    virtual bool dropsIndexesFromDroppedTables() const { return false; }
    virtual bool recreatesIndexesAfterColumnDrop() const { return false; }
    /// Tables are rebuilt (RedefineTables) instead of altered when ALTER TABLE cannot do it.
    virtual bool redefinesTables() const { return false; }
    virtual bool columnAutoincrementChanged(const Column &previous, const Column &next) const
    {
        return previous.autoIncrement != next.autoIncrement;
    }
    /// How a column's type changes, if it does.
    virtual std::optional<ColumnChanges::TypeChange> columnTypeChange(const Column &previous,
                                                                      const Column &next) const = 0;
    /// Flavour-specific criteria for two indexes to be the same (algorithm, operator classes).
    virtual bool indexesMatch(const Index &previous, const Index &next) const
    {
        Q_UNUSED(previous)
        Q_UNUSED(next)
        return true;
    }
    /// Tables the migration engine never touches (PostGIS's, SpatiaLite's).
    virtual bool ignoresTable(const QString &name) const
    {
        Q_UNUSED(name)
        return false;
    }
    /// The `[Int, String]` name of a column type in destructive-change warnings.
    virtual QString displayColumnType(const Column &column) const;
};

} // namespace gh::sql
