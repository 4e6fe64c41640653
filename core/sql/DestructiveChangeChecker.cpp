#include "core/sql/DestructiveChangeChecker.h"

#include "core/db/Database.h"
#include "core/sql/SqlFlavour.h"

#include <QHash>

namespace gh::sql {

namespace {

using Kind = DestructiveCheck::Kind;

// Collects checks as Prisma's DestructiveCheckPlan does (prisma-engines'
// sql_destructive_change_checker.rs and its flavours), step by step.
class Planner
{
public:
    explicit Planner(const Migration &migration)
        : m_migration(migration)
        , m_postgres(migration.flavour && migration.flavour->dialect() == SqlDialect::PostgreSQL)
    {}

    QList<DestructiveCheck> run()
    {
        for (int i = 0; i < int(m_migration.steps.size()); ++i)
            planStep(m_migration.steps.at(size_t(i)), i);
        // Unexecutable steps are evaluated and reported apart from warnings; keep each list in
        // the order its checks were pushed.
        QList<DestructiveCheck> ordered;
        for (const DestructiveCheck &check : m_checks) {
            if (check.isUnexecutable())
                ordered.append(check);
        }
        for (const DestructiveCheck &check : m_checks) {
            if (!check.isUnexecutable())
                ordered.append(check);
        }
        return ordered;
    }

private:
    DestructiveCheck onTable(Kind kind, const SqlSchema &schema, int table, int step) const
    {
        DestructiveCheck check;
        check.kind = kind;
        check.stepIndex = step;
        check.table = schema.table(table).name;
        check.namespaceName = schema.namespaceName(schema.table(table).namespaceId);
        return check;
    }

    DestructiveCheck onColumn(Kind kind, const SqlSchema &schema, int table, int column,
                              int step) const
    {
        DestructiveCheck check = onTable(kind, schema, table, step);
        check.column = schema.column(table, column).name;
        return check;
    }

    void push(DestructiveCheck check) { m_checks.append(std::move(check)); }

    void checkAddColumn(int table, int column, bool hasVirtualDefault, int step)
    {
        const Column &added = m_migration.next.column(table, column);
        if (!added.type.isRequired() || added.defaultValue)
            return;
        push(onColumn(hasVirtualDefault ? Kind::AddedRequiredFieldToTableWithPrismaLevelDefault
                                        : Kind::AddedRequiredFieldToTable,
                      m_migration.next, table, column, step));
    }

    void checkCast(ColumnChanges::TypeChange change, const Pair<int> &tables,
                   const Pair<int> &columns, bool familyNames, int step)
    {
        if (change == ColumnChanges::TypeChange::SafeCast)
            return;
        DestructiveCheck check = onColumn(
            change == ColumnChanges::TypeChange::RiskyCast ? Kind::RiskyCast : Kind::NotCastable,
            m_migration.previous, tables.previous, columns.previous, step);
        const Column &previous = m_migration.previous.column(tables.previous, columns.previous);
        const Column &next = m_migration.next.column(tables.next, columns.next);
        if (familyNames) {
            check.previousType = columnTypeFamilyName(previous.type.family);
            check.nextType = columnTypeFamilyName(next.type.family);
        } else {
            check.previousType = m_migration.flavour->displayColumnType(previous);
            check.nextType = m_migration.flavour->displayColumnType(next);
        }
        push(std::move(check));
    }

    void checkAlterColumn(const TableChange &change, const Pair<int> &tables, int step)
    {
        const Column &previous =
            m_migration.previous.column(tables.previous, change.column.previous);
        const Column &next = m_migration.next.column(tables.next, change.column.next);
        const ColumnChanges &changes = change.changes;
        if (m_postgres) {
            if (changes.arityChanged() && previous.type.isNullable() && next.type.isRequired())
                push(onColumn(Kind::MadeOptionalFieldRequired, m_migration.previous,
                              tables.previous, change.column.previous, step));
            if (changes.arityChanged() && !previous.type.isList() && next.type.isList())
                push(onColumn(Kind::MadeScalarFieldIntoArrayField, m_migration.previous,
                              tables.previous, change.column.previous, step));
            if (changes.typeChange)
                checkCast(*changes.typeChange, tables, change.column, false, step);
            return;
        }
        // SQLite (a column SQLite can alter in place).
        const bool becameRequired = previous.type.isNullable() && next.type.isRequired();
        if (!changes.typeChanged() && !becameRequired)
            return;
        if (changes.arityChanged() && next.type.isRequired() && !next.defaultValue)
            push(onColumn(Kind::MadeOptionalFieldRequired, m_migration.previous, tables.previous,
                          change.column.previous, step));
        if (changes.typeChange == ColumnChanges::TypeChange::RiskyCast)
            checkCast(*changes.typeChange, tables, change.column, true, step);
    }

    void checkDropAndRecreateColumn(const TableChange &change, const Pair<int> &tables, int step)
    {
        const Column &previous =
            m_migration.previous.column(tables.previous, change.column.previous);
        const Column &next = m_migration.next.column(tables.next, change.column.next);
        Kind kind = Kind::DropAndRecreateColumn;
        if (change.changes.arityChanged() && previous.type.isNullable() && next.type.isRequired() &&
            !next.defaultValue)
            kind = Kind::AddedRequiredFieldToTable;
        else if (next.type.isRequired() && !next.defaultValue)
            kind = Kind::DropAndRecreateRequiredColumn;
        push(onColumn(kind, m_migration.previous, tables.previous, change.column.previous, step));
    }

    void planAlterTable(const MigrationStep &step, int index)
    {
        const Pair<int> &tables = step.ids;
        for (const TableChange &change : step.changes) {
            switch (change.kind) {
            case TableChange::Kind::DropColumn:
                push(onColumn(Kind::NonEmptyColumnDrop, m_migration.previous, tables.previous,
                              change.column.previous, index));
                break;
            case TableChange::Kind::AlterColumn:
                checkAlterColumn(change, tables, index);
                break;
            case TableChange::Kind::AddColumn:
                checkAddColumn(tables.next, change.column.next, change.hasVirtualDefault, index);
                break;
            case TableChange::Kind::DropPrimaryKey:
                push(onTable(Kind::PrimaryKeyChange, m_migration.previous, tables.previous, index));
                break;
            case TableChange::Kind::DropAndRecreateColumn:
                checkDropAndRecreateColumn(change, tables, index);
                break;
            case TableChange::Kind::AddPrimaryKey:
            case TableChange::Kind::RenamePrimaryKey:
                break;
            }
        }
    }

    void planRedefineTables(const MigrationStep &step, int index)
    {
        for (const RedefineTable &redefine : step.redefinedTables) {
            const Pair<int> &tables = redefine.tables;
            if (redefine.droppedPrimaryKey)
                push(onTable(Kind::PrimaryKeyChange, m_migration.previous, tables.previous, index));
            for (const int column : redefine.addedColumns) {
                const bool virtualDefault =
                    std::find(redefine.addedColumnsWithVirtualDefaults.begin(),
                              redefine.addedColumnsWithVirtualDefaults.end(),
                              column) != redefine.addedColumnsWithVirtualDefaults.end();
                checkAddColumn(tables.next, column, virtualDefault, index);
            }
            for (const int column : redefine.droppedColumns)
                push(onColumn(Kind::NonEmptyColumnDrop, m_migration.previous, tables.previous,
                              column, index));
            for (const auto &[columns, changes] : redefine.columnPairs) {
                const Column &previous =
                    m_migration.previous.column(tables.previous, columns.previous);
                const Column &next = m_migration.next.column(tables.next, columns.next);
                const bool becameRequired = previous.type.isNullable() && next.type.isRequired();
                if (!changes.typeChanged() && !becameRequired)
                    continue;
                if (changes.arityChanged() && next.type.isRequired() && !next.defaultValue)
                    push(onColumn(Kind::MadeOptionalFieldRequired, m_migration.previous,
                                  tables.previous, columns.previous, index));
                if (changes.typeChange)
                    checkCast(*changes.typeChange, tables, columns, true, index);
            }
        }
    }

    void planStep(const MigrationStep &step, int index)
    {
        switch (step.kind) {
        case MigrationStep::Kind::AlterTable:
            planAlterTable(step, index);
            break;
        case MigrationStep::Kind::RedefineTables:
            planRedefineTables(step, index);
            break;
        case MigrationStep::Kind::DropTable:
            push(onTable(Kind::NonEmptyTableDrop, m_migration.previous, step.id, index));
            break;
        case MigrationStep::Kind::CreateIndex: {
            // Only on tables that existed before, and not for indexes dropped and recreated.
            if (!step.previousTable || step.fromDropAndRecreate)
                break;
            const Table &table = m_migration.next.table(step.index.table);
            const Index &created = table.indexes.at(step.index.column);
            if (!created.isUnique())
                break;
            DestructiveCheck check;
            check.kind = Kind::UniqueConstraintAddition;
            check.stepIndex = index;
            check.table = table.name;
            check.names = table.columnNames(created);
            push(std::move(check));
            break;
        }
        case MigrationStep::Kind::AlterEnum: {
            if (step.droppedValues.isEmpty())
                break;
            DestructiveCheck check;
            check.kind = Kind::EnumValueRemoval;
            check.stepIndex = index;
            check.enumName = m_migration.next.enums().at(step.ids.next).name;
            check.names = step.droppedValues;
            push(std::move(check));
            break;
        }
        default:
            break;
        }
    }

    const Migration &m_migration;
    const bool m_postgres;
    QList<DestructiveCheck> m_checks;
};

QString quotedTable(SqlDialect dialect, const DestructiveCheck &check)
{
    const QString table = quoteIdentifier(dialect, check.table);
    if (check.namespaceName.isEmpty())
        return table;
    return quoteIdentifier(dialect, check.namespaceName) + QLatin1Char('.') + table;
}

Result<qint64> count(Database &database, const QString &sql)
{
    auto result = database.query(SqlStatement(database.dialect(), sql));
    if (!result)
        return result.error();
    if (result->rowCount() != 1)
        return Error(Error::Code::QueryFailed,
                     QStringLiteral("Unexpected result set shape when checking for data loss."));
    return result->value(0, 0).toLongLong();
}

} // namespace

bool DestructiveCheck::needsRowCount() const
{
    switch (kind) {
    case Kind::NonEmptyTableDrop:
    case Kind::PrimaryKeyChange:
    case Kind::DropAndRecreateColumn:
    case Kind::AddedRequiredFieldToTable:
    case Kind::AddedRequiredFieldToTableWithPrismaLevelDefault:
    case Kind::MadeOptionalFieldRequired:
    case Kind::MadeScalarFieldIntoArrayField:
    case Kind::DropAndRecreateRequiredColumn:
        return true;
    default:
        return false;
    }
}

bool DestructiveCheck::needsValueCount() const
{
    switch (kind) {
    case Kind::NonEmptyColumnDrop:
    case Kind::RiskyCast:
    case Kind::DropAndRecreateColumn:
    case Kind::MadeOptionalFieldRequired:
    case Kind::MadeScalarFieldIntoArrayField:
        return true;
    default:
        return false;
    }
}

std::optional<QString> DestructiveCheck::evaluate(std::optional<qint64> rows,
                                                  std::optional<qint64> values) const
{
    // The texts of prisma-engines' warning_check.rs and unexecutable_step_check.rs.
    const bool emptyTable = rows && *rows == 0;
    const bool noValues = values && *values == 0;
    switch (kind) {
    case Kind::DropAndRecreateColumn:
        if (emptyTable || noValues)
            return std::nullopt;
        return QStringLiteral("The `%1` column on the `%2` table would be dropped and recreated. "
                              "This will lead to data loss%3.")
            .arg(column, table,
                 values ? QString() : QStringLiteral(" if there is data in the column"));
    case Kind::NonEmptyTableDrop:
        if (emptyTable)
            return std::nullopt;
        if (rows)
            return QStringLiteral("You are about to drop the `%1` table, which is not empty (%2 "
                                  "rows).")
                .arg(table)
                .arg(*rows);
        return QStringLiteral("You are about to drop the `%1` table. If the table is not empty, "
                              "all the data it contains will be lost.")
            .arg(table);
    case Kind::NonEmptyColumnDrop:
        if (emptyTable || noValues)
            return std::nullopt;
        if (values)
            return QStringLiteral("You are about to drop the column `%1` on the `%2` table, which "
                                  "still contains %3 non-null values.")
                .arg(column, table)
                .arg(*values);
        return QStringLiteral("You are about to drop the column `%1` on the `%2` table. All the "
                              "data in the column will be lost.")
            .arg(column, table);
    case Kind::RiskyCast:
        if (emptyTable || noValues)
            return std::nullopt;
        if (values)
            return QStringLiteral("You are about to alter the column `%1` on the `%2` table, which "
                                  "contains %3 non-null values. The data in that column will be "
                                  "cast from `%4` to `%5`.")
                .arg(column, table)
                .arg(*values)
                .arg(previousType, nextType);
        return QStringLiteral("You are about to alter the column `%1` on the `%2` table. The data "
                              "in that column could be lost. The data in that column will be cast "
                              "from `%3` to `%4`.")
            .arg(column, table, previousType, nextType);
    case Kind::NotCastable:
        if (emptyTable || noValues)
            return std::nullopt;
        if (values)
            return QStringLiteral("You are about to alter the column `%1` on the `%2` table, which "
                                  "contains %3 non-null values. The data in that column will be "
                                  "cast from `%4` to `%5`. This cast may fail. Please make sure "
                                  "the data in the column can be cast.")
                .arg(column, table)
                .arg(*values)
                .arg(previousType, nextType);
        return QStringLiteral("You are about to alter the column `%1` on the `%2` table. The data "
                              "in that column will be cast from `%3` to `%4`. This cast may fail. "
                              "Please make sure the data in the column can be cast.")
            .arg(column, table, previousType, nextType);
    case Kind::PrimaryKeyChange:
        if (emptyTable)
            return std::nullopt;
        return QStringLiteral("The primary key for the `%1` table will be changed. If it partially "
                              "fails, the table could be left without primary key constraint.")
            .arg(table);
    case Kind::UniqueConstraintAddition:
        return QStringLiteral("A unique constraint covering the columns `[%1]` on the table `%2` "
                              "will be added. If there are existing duplicate values, this will "
                              "fail.")
            .arg(names.join(QLatin1Char(',')), table);
    case Kind::EnumValueRemoval:
        return QStringLiteral("The values [%1] on the enum `%2` will be removed. If these variants "
                              "are still used in the database, this will fail.")
            .arg(names.join(QLatin1Char(',')), enumName);
    case Kind::AddedRequiredFieldToTable:
    case Kind::AddedRequiredFieldToTableWithPrismaLevelDefault: {
        if (emptyTable)
            return std::nullopt;
        const QString details =
            rows ? QStringLiteral("There are %1 rows in this table, it is not possible to execute "
                                  "this step.")
                       .arg(*rows)
                 : QStringLiteral("This is not possible if the table is not empty.");
        if (kind == Kind::AddedRequiredFieldToTable)
            return QStringLiteral("Added the required column `%1` to the `%2` table without a "
                                  "default value. %3")
                .arg(column, table, details);
        return QStringLiteral("The required column `%1` was added to the `%2` table with a "
                              "prisma-level default value. %3 Please add this column as optional, "
                              "then populate it before making it required.")
            .arg(column, table, details);
    }
    case Kind::MadeOptionalFieldRequired:
        if (emptyTable)
            return std::nullopt;
        if (rows && values) {
            const qint64 nulls = *rows - *values;
            if (nulls == 0)
                return std::nullopt;
            return QStringLiteral("Made the column `%1` on table `%2` required, but there are %3 "
                                  "existing NULL values.")
                .arg(column, table)
                .arg(nulls);
        }
        return QStringLiteral("Made the column `%1` on table `%2` required. This step will fail if "
                              "there are existing NULL values in that column.")
            .arg(column, table);
    case Kind::MadeScalarFieldIntoArrayField: {
        if (emptyTable || noValues)
            return std::nullopt;
        const QString details =
            values ? QStringLiteral("There are %1 existing non-null values in that column, this "
                                    "step cannot be executed.")
                         .arg(*values)
                   : QStringLiteral("If there are non-null values in that column, this step will "
                                    "fail.");
        return QStringLiteral("Changed the column `%1` on the `%2` table from a scalar field to a "
                              "list field. %3")
            .arg(column, table, details);
    }
    case Kind::DropAndRecreateRequiredColumn:
        if (emptyTable)
            return std::nullopt;
        if (rows)
            return QStringLiteral("Changed the type of `%1` on the `%2` table. No cast exists, the "
                                  "column would be dropped and recreated, which cannot be done "
                                  "since the column is required and there is data in the table.")
                .arg(column, table);
        return QStringLiteral("Changed the type of `%1` on the `%2` table. No cast exists, the "
                              "column would be dropped and recreated, which cannot be done if "
                              "there is data, since the column is required.")
            .arg(column, table);
    }
    return std::nullopt;
}

QList<DestructiveCheck> DestructiveChangeChecker::plan(const Migration &migration)
{
    return Planner(migration).run();
}

QString DestructiveChangeChecker::countKey(const DestructiveCheck &check, bool withColumn)
{
    QString key = check.namespaceName + QChar(0x1f) + check.table;
    if (withColumn)
        key += QChar(0x1f) + check.column;
    return key;
}

ChangeDiagnostics DestructiveChangeChecker::evaluate(const QList<DestructiveCheck> &checks,
                                                     const QHash<QString, qint64> &rowCounts,
                                                     const QHash<QString, qint64> &valueCounts)
{
    ChangeDiagnostics diagnostics;
    for (const DestructiveCheck &check : checks) {
        const QString tableKey = countKey(check, false);
        const QString columnKey = countKey(check, true);
        std::optional<qint64> rows;
        std::optional<qint64> values;
        if (rowCounts.contains(tableKey))
            rows = rowCounts.value(tableKey);
        if (!check.column.isEmpty() && valueCounts.contains(columnKey))
            values = valueCounts.value(columnKey);
        const std::optional<QString> text = check.evaluate(rows, values);
        if (!text)
            continue;
        ChangeDiagnostics::Item item{*text, check.stepIndex};
        if (check.isUnexecutable())
            diagnostics.unexecutable.append(item);
        else
            diagnostics.warnings.append(item);
    }
    return diagnostics;
}

ChangeDiagnostics DestructiveChangeChecker::pureCheck(const Migration &migration)
{
    return evaluate(plan(migration), {}, {});
}

Result<ChangeDiagnostics> DestructiveChangeChecker::check(const Migration &migration,
                                                          Database &database,
                                                          const CancelCheck &isCancelled)
{
    const QList<DestructiveCheck> checks = plan(migration);
    QHash<QString, qint64> rowCounts;
    QHash<QString, qint64> valueCounts;
    const SqlDialect dialect = database.dialect();
    // As Prisma: unexecutable steps first, then warnings; each count read once.
    for (const DestructiveCheck &check : checks) {
        if (isCancelled && isCancelled())
            return Error(Error::Code::Cancelled, QStringLiteral("Cancelled."));
        const QString tableKey = countKey(check, false);
        if (check.needsRowCount() && !rowCounts.contains(tableKey)) {
            auto rows = count(database, QStringLiteral("SELECT COUNT(*) FROM ") +
                                            quotedTable(dialect, check));
            if (!rows)
                return rows.error();
            rowCounts.insert(tableKey, *rows);
        }
        const QString columnKey = countKey(check, true);
        if (check.needsValueCount() && !valueCounts.contains(columnKey)) {
            auto values =
                count(database, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 IS NOT NULL")
                                    .arg(quotedTable(dialect, check),
                                         quoteIdentifier(dialect, check.column)));
            if (!values)
                return values.error();
            valueCounts.insert(columnKey, *values);
        }
    }
    return evaluate(checks, rowCounts, valueCounts);
}

} // namespace gh::sql
