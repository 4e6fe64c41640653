#pragma once

#include "core/auth/AuthSchema.h"
#include "core/auth/CancellationToken.h"
#include "core/auth/RecordPage.h"
#include "core/auth/RecordQuery.h"
#include "core/auth/RowCount.h"
#include "core/auth/UserPicture.h"
#include "core/common/Result.h"

#include <memory>
#include <optional>

namespace gh {

class Database;
class QueryResult;
class RawResult;
class RecordSql;
class SqlStatement;
enum class TextOrder;

/// Reads Auth.js data through the mapping. Every value is bound; every name comes from the
/// AuthSchema and is quoted by the dialect. Pages are keyset pages on (sort value, key): never
/// OFFSET, so a page deep in a million rows costs what the first page costs.
///
/// Threading: an AuthQueries uses its connection from one thread (the one that opened it). Only
/// CancellationToken::cancel() may be called from another thread. PgBouncer (transaction mode):
/// every call runs unnamed statements in autocommit and sets no session state.
///
/// Long operations take a CancellationToken and return Error::Code::Cancelled when it fires.
class AuthQueries
{
public:
    AuthQueries(Database &database, AuthSchema schema);
    ~AuthQueries();
    AuthQueries(AuthQueries &&) noexcept;
    AuthQueries &operator=(AuthQueries &&) noexcept;

    /// Loads the mapping against the database catalog: fails with NotAuthJsDatabase when the
    /// Auth.js tables are not there.
    static Result<AuthQueries> open(Database &database, AuthSchema schema);

    const AuthSchema &schema() const { return m_schema; }
    Database &database() const { return *m_database; }

    // --- Browsing ---------------------------------------------------------------------------

    /// Up to `limit` rows of the query on one side of `from` (empty: from the start going
    /// Forward, from the end going Backward). Rows come in the query's order either way.
    Result<RecordPage> page(const RecordQuery &query, int limit,
                            PageDirection direction = PageDirection::Forward,
                            const RecordPosition &from = RecordPosition(),
                            const CancellationToken &cancel = CancellationToken()) const;

    /// The last `limit` rows ("jump to end"): page(query, limit, Backward).
    Result<RecordPage> lastPage(const RecordQuery &query, int limit) const
    {
        return page(query, limit, PageDirection::Backward);
    }

    /// Up to `limit` rows starting near `fraction` (0 = first row, 1 = last page) of the query's
    /// order ("jump to 90%"), without OFFSET: the sort value at that quantile is estimated
    /// (PostgreSQL: the column's pg_stats histogram, or a TABLESAMPLE when filtered; SQLite:
    /// rows sampled by rowid) and the page is read by key from there; small results (up to
    /// 5,000 rows, SQLite 20,000) are placed exactly by reading their positions. The result's
    /// `startFraction` is the estimate actually landed on. fraction >= 1 is lastPage().
    Result<RecordPage> seek(const RecordQuery &query, double fraction, int limit,
                            const CancellationToken &cancel = CancellationToken()) const;

    /// The position just before the row with this key (Prisma-typed key values, e.g. from
    /// RecordPage::keyValues()), so that page(query, n, Forward, position) starts with that row
    /// — "go to this user in the users view". NotFound when no such row matches the query.
    Result<RecordPosition> locate(const RecordQuery &query, const QVariantList &keyValues) const;

    /// Legacy walking-skeleton API: up to `limit` rows of `kind` ordered by its key, after
    /// `afterKey`. Same as page(RecordQuery{kind}, limit, Forward, ...).
    Result<RecordPage> page(AuthModelKind kind, int limit, const QVariantList &afterKey = {}) const;

    // --- Counting ---------------------------------------------------------------------------

    /// Cheap, never a full count: PostgreSQL's pg_class.reltuples (or the planner's EXPLAIN
    /// estimate when the query filters); SQLite: max(rowid) as an upper bound (exact when the
    /// table is small enough to count at once).
    Result<RowCount> estimateCount(const RecordQuery &query) const;

    /// The exact number of rows matching the query. PostgreSQL: one count(*) that `cancel`
    /// interrupts in flight; SQLite: counted in rowid ranges, checking `cancel` between them.
    Result<qint64> count(const RecordQuery &query,
                         const CancellationToken &cancel = CancellationToken()) const;
    /// Legacy: the exact number of rows of a model.
    Result<qint64> count(AuthModelKind kind) const;

    // --- One user ---------------------------------------------------------------------------

    /// The user with this id, or else with this email (exact). An empty page when none.
    Result<RecordPage> findUser(const QString &idOrEmail) const;

    /// A user's whole picture (see UserPicture), each related list capped at `limitPerModel`.
    /// NotFound when no user has this id or email.
    Result<UserPicture> userPicture(const QString &idOrEmail, int limitPerModel = 200) const;

    // --- Helpers ----------------------------------------------------------------------------

    /// The plan of the first page of a query, without running it (PostgreSQL EXPLAIN, SQLite
    /// EXPLAIN QUERY PLAN), one line per node: which index a search walks.
    Result<QString> explain(const RecordQuery &query, int limit) const;

    /// The distinct non-null values of a field, in the column's order, at most `limit`: the
    /// provider filter's list (Account.provider). When an index leads with the column (Auth.js's
    /// @@id/@@unique on (provider, providerAccountId)), a loose index scan: a recursive query
    /// that jumps through the index from one value to the next, so 300,000 accounts of five
    /// providers cost six index probes. Else SELECT DISTINCT, which reads the whole table.
    Result<QStringList> distinctValues(AuthModelKind kind, const QString &field, int limit = 1000,
                                       const CancellationToken &cancel = CancellationToken()) const;

    /// The fields the search box of a model matches (Prisma names), in the order listed at
    /// RecordQuery::search.
    static QStringList searchFields(AuthModelKind kind);

    /// Converts a raw database value to the field's Prisma type. Prisma stores DateTime in SQLite
    /// as integer milliseconds since the epoch; Prisma 7's driver adapters and SQLite's
    /// CURRENT_TIMESTAMP write ISO-8601 text. Both are read.
    static QVariant fromDatabase(const QVariant &value, FieldType type);

private:
    /// Where seek() starts reading, and the fraction of rows estimated to come before it.
    struct Landing
    {
        RecordPosition position;
        double fraction = 0;
    };

    Result<QueryResult> run(const SqlStatement &statement, const CancellationToken &cancel) const;
    Result<std::shared_ptr<const RawResult>> runRaw(const SqlStatement &statement,
                                                    const CancellationToken &cancel) const;
    Result<RecordSql> makeSql(const RecordQuery &query) const;
    TextOrder textOrder(const AuthModel &model, const QString &column) const;
    RecordPage toPage(const RecordSql &sql, std::shared_ptr<const RawResult> result, int limit,
                      bool reversed) const;
    bool tableIsSmall(const RecordSql &sql) const;
    Result<std::optional<Landing>> histogramLanding(const RecordSql &sql, const RecordQuery &query,
                                                    double fraction) const;
    Result<std::optional<Landing>> sampleLanding(const RecordSql &sql, const RecordQuery &query,
                                                 double fraction,
                                                 const CancellationToken &cancel) const;

    Database *m_database;
    AuthSchema m_schema;
    struct Cache;
    std::unique_ptr<Cache> m_cache; // per-connection facts (email collation, ...)
};

} // namespace gh
