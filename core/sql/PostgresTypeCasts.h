#pragma once

#include "core/sql/MigrationStep.h"
#include "core/sql/SqlSchema.h"

#include <optional>

namespace gh::sql {

/// Whether PostgreSQL can cast a column from one native type to another, and how safely
/// (prisma-engines' postgres_native_type_change_riskyness): `Integer` to `BigInt` is safe,
/// `BigInt` to `Integer` risky, `Boolean` to `Integer` impossible (the column is dropped and
/// recreated).
class PostgresTypeCasts
{
public:
    /// Nothing when the types are the same (or differ only by a default precision).
    static std::optional<ColumnChanges::TypeChange> change(const NativeType &previous,
                                                           const NativeType &next);
};

} // namespace gh::sql
