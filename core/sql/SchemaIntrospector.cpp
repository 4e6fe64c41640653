#include "core/sql/SchemaIntrospector.h"

#include "core/db/Database.h"
#include "core/sql/PostgresIntrospector.h"
#include "core/sql/SqliteIntrospector.h"

namespace gh::sql {

Result<SqlSchema> SchemaIntrospector::introspect(Database &database, const CancelCheck &isCancelled)
{
    if (database.dialect() == SqlDialect::PostgreSQL)
        return PostgresIntrospector::introspect(database, isCancelled);
    return SqliteIntrospector::introspect(database, isCancelled);
}

} // namespace gh::sql
