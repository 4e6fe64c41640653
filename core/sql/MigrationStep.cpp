#include "core/sql/MigrationStep.h"

#include <tuple>

namespace gh::sql {

QString MigrationStep::description() const
{
    switch (kind) {
    case Kind::CreateSchema:
        return QStringLiteral("CreateSchema");
    case Kind::CreateEnum:
        return QStringLiteral("CreateEnum");
    case Kind::AlterEnum:
        return QStringLiteral("AlterEnum");
    case Kind::DropForeignKey:
        return QStringLiteral("DropForeignKey");
    case Kind::DropIndex:
        return QStringLiteral("DropIndex");
    case Kind::AlterTable:
        return QStringLiteral("AlterTable");
    case Kind::DropTable:
        return QStringLiteral("DropTable");
    case Kind::DropEnum:
        return QStringLiteral("DropEnum");
    case Kind::CreateTable:
        return QStringLiteral("CreateTable");
    case Kind::RedefineTables:
        return QStringLiteral("RedefineTables");
    case Kind::CreateIndex:
        return QStringLiteral("CreateIndex");
    case Kind::RenameForeignKey:
        return QStringLiteral("RenameForeignKey");
    case Kind::AddForeignKey:
        return QStringLiteral("AddForeignKey");
    case Kind::RenameIndex:
        return QStringLiteral("RenameIndex");
    case Kind::RedefineIndex:
        return QStringLiteral("RedefineIndex");
    }
    return QString();
}

bool MigrationStep::operator<(const MigrationStep &other) const
{
    if (kind != other.kind)
        return kind < other.kind;
    switch (kind) {
    case Kind::CreateSchema:
    case Kind::CreateEnum:
    case Kind::DropForeignKey:
    case Kind::DropTable:
    case Kind::DropEnum:
    case Kind::CreateTable:
    case Kind::AddForeignKey:
        return id < other.id;
    case Kind::AlterEnum:
        if (!(ids == other.ids))
            return ids < other.ids;
        if (createdValues != other.createdValues)
            return createdValues < other.createdValues;
        return droppedValues < other.droppedValues;
    case Kind::AlterTable:
    case Kind::RenameForeignKey:
        return ids < other.ids;
    case Kind::DropIndex:
        return index < other.index;
    case Kind::CreateIndex: {
        // (Option<previous table>, next table), then the index: None sorts first.
        const auto key = [](const MigrationStep &step) {
            return std::make_tuple(step.previousTable.has_value(), step.previousTable.value_or(-1),
                                   step.index.table, step.index.column, step.fromDropAndRecreate);
        };
        return key(*this) < key(other);
    }
    case Kind::RenameIndex:
    case Kind::RedefineIndex:
        if (!(index == other.index))
            return index < other.index;
        return nextIndex < other.nextIndex;
    case Kind::RedefineTables:
        return false;
    }
    return false;
}

} // namespace gh::sql
