#pragma once

#include "core/common/Result.h"
#include "core/sql/SqlSchema.h"

#include <functional>

namespace gh {
class Database;
}

namespace gh::sql {

/// Reads the schema of a live database into the same model the data model gives
/// (Prisma's sql-schema-describer), through Database's query API: PostgreSQL from pg_catalog
/// in the schema `?schema=` selects, SQLite from sqlite_master and its pragmas.
///
/// Blocking; call it from the thread that owns the Database. `isCancelled`, when given, is asked
/// between queries (Error::Code::Cancelled).
class SchemaIntrospector
{
public:
    using CancelCheck = std::function<bool()>;

    static Result<SqlSchema> introspect(Database &database,
                                        const CancelCheck &isCancelled = CancelCheck());
};

} // namespace gh::sql
