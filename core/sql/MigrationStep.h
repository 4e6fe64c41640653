#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace gh::sql {

/// A pair of ids, one in the previous schema and one in the next (Prisma's MigrationPair).
template <typename T> struct Pair
{
    T previous{};
    T next{};

    bool operator==(const Pair &other) const
    {
        return previous == other.previous && next == other.next;
    }
    bool operator<(const Pair &other) const
    {
        return previous < other.previous || (previous == other.previous && next < other.next);
    }
};

/// A column addressed as (table, column) in one schema.
struct ColumnRef
{
    int table = -1;
    int column = -1;

    bool operator==(const ColumnRef &other) const
    {
        return table == other.table && column == other.column;
    }
    bool operator<(const ColumnRef &other) const
    {
        return table < other.table || (table == other.table && column < other.column);
    }
};

/// An index addressed as (table, position in Table::indexes) in one schema. Ordered as Prisma's
/// global index ids are, since a schema's indexes are added table by table.
using IndexRef = ColumnRef;

/// How a column changed between two schemas (Prisma's ColumnChanges).
struct ColumnChanges
{
    enum Change : quint8 {
        Arity = 1 << 0,
        Default = 1 << 1,
        TypeChanged = 1 << 2,
        Autoincrement = 1 << 3,
    };
    enum class TypeChange : quint8 { SafeCast, RiskyCast, NotCastable };

    quint8 changes = 0;
    std::optional<TypeChange> typeChange;

    bool differsInSomething() const { return changes != 0; }
    bool has(Change change) const { return (changes & change) != 0; }
    bool arityChanged() const { return has(Arity); }
    bool defaultChanged() const { return has(Default); }
    bool typeChanged() const { return has(TypeChanged); }
    bool autoincrementChanged() const { return has(Autoincrement); }
};

/// One change inside an ALTER TABLE (Prisma's TableChange), in the order Prisma renders them.
struct TableChange
{
    enum class Kind : quint8 {
        AddColumn,
        AlterColumn,
        DropColumn,
        DropAndRecreateColumn,
        DropPrimaryKey,
        AddPrimaryKey,
        RenamePrimaryKey,
    };

    Kind kind = Kind::AddColumn;
    /// AddColumn: the next column; DropColumn: the previous one; AlterColumn and
    /// DropAndRecreateColumn: both.
    Pair<int> column{-1, -1};
    ColumnChanges changes;
    /// AddColumn: the column has a default Prisma computes (cuid(), ...).
    bool hasVirtualDefault = false;
};

/// A table rebuilt by copying (SQLite's way to alter what ALTER TABLE cannot).
struct RedefineTable
{
    Pair<int> tables;
    bool droppedPrimaryKey = false;
    std::vector<int> addedColumns; ///< next columns
    std::vector<int> addedColumnsWithVirtualDefaults;
    std::vector<int> droppedColumns; ///< previous columns
    std::vector<std::pair<Pair<int>, ColumnChanges>> columnPairs;
};

/// One step of a migration (Prisma's SqlMigrationStep). The order of Kind is the order in which
/// steps run: steps are sorted by kind, then by the ids they hold.
struct MigrationStep
{
    enum class Kind : quint8 {
        CreateSchema,
        CreateEnum,
        AlterEnum,
        DropForeignKey,
        DropIndex,
        AlterTable,
        DropTable,
        DropEnum,
        CreateTable,
        RedefineTables,
        CreateIndex,
        RenameForeignKey,
        AddForeignKey,
        RenameIndex,
        RedefineIndex,
    };

    Kind kind = Kind::CreateTable;

    /// CreateSchema: the namespace (next); CreateEnum/DropEnum: the enum; CreateTable/DropTable:
    /// the table; DropForeignKey/AddForeignKey: the foreign key. Previous schema for drops.
    int id = -1;
    /// AlterEnum: the enums; AlterTable: the tables; RenameForeignKey: the foreign keys.
    Pair<int> ids{-1, -1};
    /// DropIndex: the previous index; CreateIndex: the next index; RenameIndex and
    /// RedefineIndex: both (previous in `index`, next in `nextIndex`).
    IndexRef index;
    IndexRef nextIndex;
    /// CreateIndex: the previous table, absent for a new table.
    std::optional<int> previousTable;
    bool fromDropAndRecreate = false;

    /// AlterEnum.
    QStringList createdValues;
    QStringList droppedValues;
    /// AlterEnum: columns of the previous schema whose default uses the enum, with the next
    /// column when its default must be put back after the enum is swapped.
    std::vector<std::pair<ColumnRef, std::optional<ColumnRef>>> previousUsagesAsDefault;

    /// AlterTable.
    std::vector<TableChange> changes;
    /// RedefineTables.
    std::vector<RedefineTable> redefinedTables;

    /// `CreateTable`, `AlterEnum`, ...: the comment header Prisma writes above the step.
    QString description() const;

    /// Prisma's order: by kind, then by the ids (derived Ord of SqlMigrationStep).
    bool operator<(const MigrationStep &other) const;
};

} // namespace gh::sql
