#pragma once

#include "core/prisma/DataModel.h"
#include "core/sql/SqlSchema.h"

namespace gh::sql {

class SqlFlavour;

/// The SQL schema a Prisma data model describes, as Prisma Migrate computes it
/// (prisma-engines' sql_schema_calculator): one table per model (database names after
/// `@map`/`@@map`), native types or the provider's defaults, SQL defaults (client-side ones such
/// as `cuid()` leave none), Prisma's constraint names, a foreign key per relation that holds
/// `fields:`, and a join table `_<Relation>` per implicit many-to-many relation.
class SchemaCalculator
{
public:
    /// `defaultNamespace` is the schema the URL's `?schema=` selects (PostgreSQL).
    static SqlSchema calculate(const prisma::DataModel &model, const SqlFlavour &flavour,
                               const QString &defaultNamespace = QStringLiteral("public"));

    /// A `@default("...")` of a DateTime field as Prisma renders it in SQL
    /// (`2024-01-01 00:00:00 +00:00`), or an empty string when it does not parse.
    static QString dateTimeDefault(const QString &value);
};

} // namespace gh::sql
