#pragma once

#include "core/db/SqlDialect.h"

#include <QString>
#include <QStringList>

namespace gh::prisma {
struct IndexWhere;
struct Model;
} // namespace gh::prisma

namespace gh::sql {

/// The WHERE expression of a partial index (Prisma 7's preview feature `partialIndexes`), as
/// Prisma's migration engine writes and compares it.
///
/// Written: `raw("...")` as given; the object form `{ active: true, name: { not: null } }` as
/// `"active" = true AND "name" IS NOT NULL` (columns after @map, strings in single quotes).
/// The renderers add `WHERE (...)` (PostgreSQL) or `WHERE ...` (SQLite).
///
/// Compared: the database gives the expression back in its own words (PostgreSQL:
/// `((name IS NOT NULL) AND (role = 'admin'::text))`), so two predicates are the same when
/// they match token for token once whitespace, parentheses, identifier quotes and casts of
/// literals are set aside, and `!=` is `<>` — what Prisma 7 does, checked against its engine:
/// `active=true`,
/// `"active" = true` and `(active = true)` are one predicate; `ACTIVE = TRUE`, `5 < n`,
/// `role::text = 'x'` and `'xy'` against `'x y'` are not.
class IndexPredicate
{
public:
    /// The expression for `where` on `model` (the object form names columns after @map).
    static QString fromWhere(const prisma::IndexWhere &where, const prisma::Model &model,
                             SqlDialect dialect);

    /// The tokens that count when comparing (see the class comment).
    static QStringList normalizedTokens(const QString &predicate);
    static bool equivalent(const QString &a, const QString &b);
};

} // namespace gh::sql
