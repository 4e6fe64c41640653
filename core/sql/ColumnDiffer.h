#pragma once

#include "core/sql/MigrationStep.h"
#include "core/sql/SqlSchema.h"

namespace gh::sql {

class SqlFlavour;

/// How a column changed (Prisma's sql_schema_differ/column.rs): arity, type (through the
/// flavour's cast rules), default and autoincrement.
class ColumnDiffer
{
public:
    static ColumnChanges changes(const Column &previous, const Column &next,
                                 const SqlFlavour &flavour);
    /// Whether two defaults are the same for migration purposes, with Prisma's leniencies
    /// (JSON compared as JSON, DateTime constants never compared, sequences left alone).
    static bool defaultsMatch(const Column &previous, const Column &next);
    /// Numbers compare by value (`2.5` = `2.50`), lists element by element.
    static bool valuesEqual(const ScalarValue &previous, const ScalarValue &next);
};

} // namespace gh::sql
