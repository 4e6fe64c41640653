#pragma once

// The large Auth.js database the benchmarks share (bench_inspector, bench_revoke): users,
// accounts, sessions (half expired) and verification tokens, loaded through COPY from a seeded
// generator, so every run and every benchmark measures the same rows.

#include <QString>
#include <string>

namespace gh::bench {

struct AuthDataSizes
{
    qint64 users = 200000;
    qint64 accounts = 300000;
    qint64 sessions = 1000000;
};

/// `serverUrl` with its database replaced by `database` (query parameters kept).
QString databaseUrl(const QString &serverUrl, const QString &database);
/// The libpq connection string of a URL; throws std::runtime_error when it does not parse.
std::string libpqConninfo(const QString &url);

/// Creates the Auth.js tables (tests/data/sql/authjs-postgres.sql) in the empty database at
/// `url` and loads the rows through COPY: sessions expire 30 days either side of `nowMs`, half
/// of them before it; createdAt is 30 days before expiry. Then ANALYZE. Prints one line with the
/// load rate. Throws std::exception on failure.
void loadAuthData(const QString &url, const AuthDataSizes &sizes, qint64 nowMs);

/// The email of the i-th generated user (every 11th has upper case: "First.Last11@Example.org").
std::string userEmail(qint64 i);

/// True when the database at `url` already holds exactly these sizes (for --reuse).
bool authDataLoaded(const QString &url, const AuthDataSizes &sizes);

} // namespace gh::bench
