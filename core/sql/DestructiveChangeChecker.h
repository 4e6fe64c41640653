#pragma once

#include "core/common/Result.h"
#include "core/sql/Migration.h"
#include "core/sql/MigrationScript.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace gh {
class Database;
}

namespace gh::sql {

/// One check Prisma's destructive change checker plans for a migration step (its
/// SqlMigrationWarningCheck and UnexecutableStepCheck): what may lose data or fail, and which
/// counts of the live database decide whether it is worth saying.
struct DestructiveCheck
{
    enum class Kind : quint8 {
        // Warnings
        NonEmptyTableDrop,
        NonEmptyColumnDrop,
        DropAndRecreateColumn,
        RiskyCast,
        NotCastable,
        PrimaryKeyChange,
        UniqueConstraintAddition,
        EnumValueRemoval,
        // Unexecutable steps
        AddedRequiredFieldToTable,
        AddedRequiredFieldToTableWithPrismaLevelDefault,
        MadeOptionalFieldRequired,
        MadeScalarFieldIntoArrayField,
        DropAndRecreateRequiredColumn,
    };

    Kind kind = Kind::NonEmptyTableDrop;
    /// The step of Migration::steps the check belongs to.
    int stepIndex = -1;
    QString table;
    /// The table's PostgreSQL schema; empty on SQLite.
    QString namespaceName;
    QString column;
    /// RiskyCast, NotCastable: the types as Prisma names them (`VarChar(100)`, `Int`).
    QString previousType;
    QString nextType;
    /// UniqueConstraintAddition: the columns; EnumValueRemoval: the removed values.
    QStringList names;
    /// EnumValueRemoval: the enum.
    QString enumName;

    bool isUnexecutable() const { return kind >= Kind::AddedRequiredFieldToTable; }
    /// The row count of the table decides the text.
    bool needsRowCount() const;
    /// The count of non-null values of the column decides the text.
    bool needsValueCount() const;

    /// Prisma's sentence for this check given what the database said (nothing when a count
    /// was not read: the cautious text without numbers), or nothing when the counts show
    /// the step is safe (an empty table, an all-NULL column).
    std::optional<QString> evaluate(std::optional<qint64> rowCount,
                                    std::optional<qint64> valueCount) const;
};

/// Prisma Migrate's destructive change checker: which steps of a migration may lose data
/// (warnings) or cannot run on the data there is (unexecutable steps), worded as Prisma words
/// them, with row counts read from the live database.
///
/// - pureCheck() reads no database: the sentences Prisma writes into the `/* Warnings: */`
///   header of a migration.sql created by `migrate dev` (MigrationScript::render).
/// - check() counts rows and non-null values in the database the migration would run on: the
///   sentences `migrate dev` prints and asks to confirm ("... which still contains 3 non-null
///   values.").
class DestructiveChangeChecker
{
public:
    using CancelCheck = std::function<bool()>;

    /// The checks of `migration`, in Prisma's order (step by step, changes in step order).
    static QList<DestructiveCheck> plan(const Migration &migration);

    static ChangeDiagnostics pureCheck(const Migration &migration);

    /// Blocking: one `SELECT COUNT(*)` per table and column a check needs, on `database` (its
    /// thread). The tables are those of Migration::previous, named as that schema names them
    /// (with their namespace on PostgreSQL). Errors: those of the queries, Cancelled when
    /// `isCancelled` says so between queries.
    static Result<ChangeDiagnostics> check(const Migration &migration, Database &database,
                                           const CancelCheck &isCancelled = CancelCheck());

    /// Turns planned checks into sentences with the given counts (keyed by table or
    /// table+column, see countKey()). The building block of pureCheck() and check().
    static ChangeDiagnostics evaluate(const QList<DestructiveCheck> &checks,
                                      const QHash<QString, qint64> &rowCounts,
                                      const QHash<QString, qint64> &valueCounts);
    static QString countKey(const DestructiveCheck &check, bool withColumn);
};

} // namespace gh::sql
