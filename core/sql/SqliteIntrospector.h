#pragma once

#include "core/sql/SchemaIntrospector.h"

namespace gh::sql {

/// SQLite's side of SchemaIntrospector: sqlite_master for the tables (by name), then
/// pragma_table_info, pragma_index_list / pragma_index_xinfo and pragma_foreign_key_list for
/// each, read as Prisma's sqlite describer reads them (defaults by column family, the INTEGER
/// single-column primary key as the autoincrementing rowid, unnamed foreign keys).
class SqliteIntrospector
{
public:
    static Result<SqlSchema> introspect(Database &database,
                                        const SchemaIntrospector::CancelCheck &isCancelled);
};

} // namespace gh::sql
