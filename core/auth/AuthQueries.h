#pragma once

#include "core/auth/AuthSchema.h"
#include "core/auth/RecordPage.h"
#include "core/common/Result.h"

namespace gh {

class Database;

/// Reads Auth.js data through the mapping. Every value is bound; every name comes from the
/// AuthSchema and is quoted by the dialect.
class AuthQueries
{
public:
    AuthQueries(Database &database, AuthSchema schema);

    /// Loads the mapping against the database catalog: fails with NotAuthJsDatabase when the
    /// Auth.js tables are not there.
    static Result<AuthQueries> open(Database &database, AuthSchema schema);

    const AuthSchema &schema() const { return m_schema; }

    /// Up to `limit` rows of `kind` ordered by its key, starting after `afterKey` (empty: from
    /// the start).
    Result<RecordPage> page(AuthModelKind kind, int limit, const QVariantList &afterKey = {}) const;

    /// The exact number of rows of a model.
    Result<qint64> count(AuthModelKind kind) const;

    /// Converts a raw database value to the field's Prisma type. Prisma stores DateTime in SQLite
    /// as integer milliseconds since the epoch (and reads ISO text written by others).
    static QVariant fromDatabase(const QVariant &value, FieldType type);

private:
    Database *m_database;
    AuthSchema m_schema;
};

} // namespace gh
