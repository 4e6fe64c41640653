#pragma once

#include "core/sql/SchemaIntrospector.h"

namespace gh::sql {

/// PostgreSQL's side of SchemaIntrospector: six catalog queries for one schema (namespace,
/// tables, enums, columns, foreign keys, indexes), read in Prisma's describer's order (tables
/// and indexes by name, columns by position, foreign keys by table then constraint name).
class PostgresIntrospector
{
public:
    static Result<SqlSchema> introspect(Database &database,
                                        const SchemaIntrospector::CancelCheck &isCancelled);
};

} // namespace gh::sql
