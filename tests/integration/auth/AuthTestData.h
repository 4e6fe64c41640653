#pragma once

// Shared by the inspector's integration tests: Auth.js rows in the shape the Prisma adapter
// writes them, generated in bulk by SQL, and a naive in-memory reference for sort, search and
// filters to check the keyset queries against.

#include "core/auth/AuthQueries.h"
#include "core/url/ProjectResolver.h"

#include <QDateTime>
#include <QString>

namespace gh::test {

/// The instant generated data is centred on: half the sessions expire before it.
QDateTime authTestNow();

enum class AuthLayout { PrismaDefault, SnakeCase };

struct AuthDataSizes
{
    int users = 700;
    int accounts = 900;
    int sessions = 1500;
    int verificationTokens = 300;
    int authenticators = 200; // PrismaDefault only
};

/// PostgreSQL SQL that fills the Auth.js tables of `layout` (created from tests/data/sql)
/// with deterministic rows: cuid-like ids, uuid session tokens, timestamp(3) values with
/// milliseconds and many ties, NULLs in optional columns, mixed-case emails, credentials accounts.
QString generateAuthData(AuthLayout layout, const AuthDataSizes &sizes = AuthDataSizes());

/// A file of tests/data/<path> as text.
QString testDataFile(const QString &relativePath);

/// ProjectOptions that name only a URL (no schema file, no environment).
ProjectOptions urlOnlyOptions(const QString &url);

/// Every row of a model (key order), read in one page.
RecordPage allRows(const AuthQueries &queries, AuthModelKind kind);

/// What the query must return, computed in memory from `all`: filters applied and sorted by
/// (sort field, key), NULL greatest, text in code point order (the test server's C.UTF-8 and
/// SQLite's BINARY). Returns the keys of the rows, joined by '|'.
QStringList naiveKeys(const RecordPage &all, const RecordQuery &query, const AuthModel &model);

/// The keys of a page's rows, joined by '|'.
QStringList pageKeys(const RecordPage &page);

/// Walks the whole query page by page (Forward from the start, or Backward from the end) and
/// returns the keys in the query's order. Empty list and `error` set on failure.
QStringList walkKeys(const AuthQueries &queries, const RecordQuery &query, int pageSize,
                     PageDirection direction, QString *error);

} // namespace gh::test
