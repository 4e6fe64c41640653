#pragma once

#include "core/sql/Migration.h"

namespace gh::sql {

/// Compares two SQL schemas into ordered migration steps, as Prisma's sql_schema_differ does:
/// tables and columns are matched by name, indexes and foreign keys by what they cover
/// (a different name is a rename), enums by name; the steps are sorted into Prisma's order.
class SchemaDiffer
{
public:
    static Migration diff(SqlSchema previous, SqlSchema next, const SqlFlavour &flavour);
};

} // namespace gh::sql
