#pragma once

#include "core/sql/SqlSchema.h"

#include <optional>

namespace gh::sql {

/// Reads a column default as PostgreSQL prints it (`pg_get_expr`) into what Prisma's
/// describer makes of it: `'user'::text` is the string `user`, `nextval('"Post_id_seq"'::regclass)`
/// the sequence `Post_id_seq`, `CURRENT_TIMESTAMP` now(), `'ADMIN'::"Role"` an enum value,
/// `ARRAY[1, 2]` a list; anything else is kept as a `dbgenerated` expression.
class PostgresDefaultParser
{
public:
    /// Nothing for `NULL` defaults.
    static std::optional<DefaultValue> parse(const QString &expression, const ColumnType &type);
};

} // namespace gh::sql
