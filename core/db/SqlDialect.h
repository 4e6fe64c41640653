#pragma once

#include <QString>

namespace gh {

/// The SQL flavours Gatehouse speaks. Everything dialect-specific that is not a whole query
/// (identifier quoting, placeholders, literal rendering) lives here, so there is exactly one
/// place that quotes identifiers.
enum class SqlDialect { PostgreSQL, SQLite };

/// THE identifier quoting function: wraps `name` in double quotes and doubles embedded quotes.
/// Both PostgreSQL and SQLite follow the SQL standard here, and Prisma always quotes.
QString quoteIdentifier(SqlDialect dialect, const QString &name);

/// `"schema"."name"` for PostgreSQL (when schema is non-empty), `"name"` for SQLite.
QString qualifiedName(SqlDialect dialect, const QString &schema, const QString &name);

/// The placeholder for the 1-based parameter `index`: `$1` for PostgreSQL, `?` for SQLite
/// (Qt's SQLite driver binds positionally).
QString placeholder(SqlDialect dialect, int index);

QString dialectName(SqlDialect dialect);

} // namespace gh
