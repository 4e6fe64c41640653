#include "core/auth/AuthQueries.h"

#include "core/auth/RecordSql.h"
#include "core/db/Database.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace gh {

namespace {

// Below this many rows an exact count is cheaper than explaining why it is an estimate.
constexpr qint64 kCountExactlyBelow = 10000;
// seek(): read every position of the query when it has at most this many rows (PostgreSQL:
// text comparisons under a linguistic collation make a sort of 20,000 keys cost ~100 ms).
constexpr int kSeekExactRows = 5000;
constexpr int kSqliteSeekExactRows = 20000;
// seek(): rows a sample aims for.
constexpr int kSeekSampleRows = 4000;
// seek() on SQLite: rowids probed.
constexpr int kSqliteProbes = 256;
// count() on SQLite: rowids per step between cancellation checks.
constexpr qint64 kSqliteCountStep = 200000;

Error cancelled()
{
    return Error(Error::Code::Cancelled, QStringLiteral("Cancelled"));
}

// Runs `query` on `database` so that `cancel` interrupts it in flight.
template <typename Query>
auto cancellable(Database &database, const CancellationToken &cancel, Query &&query)
    -> decltype(query())
{
    if (cancel.isCancelled())
        return cancelled();
    Database *target = &database;
    const auto hook = cancel.onCancel([target] { target->cancelRunningQuery(); });
    if (cancel.isCancelled())
        return cancelled();
    auto result = query();
    if (!result && cancel.isCancelled())
        return cancelled();
    return result;
}

TextOrder classifyCollation(const QString &provider, const QString &collate)
{
    if (provider == QLatin1String("i"))
        return TextOrder::Icu;
    const QString c = collate.toUpper();
    if (c == QLatin1String("C") || c == QLatin1String("POSIX") || c.startsWith(QLatin1String("C.")))
        return TextOrder::Bytes;
    return TextOrder::Linguistic;
}

} // namespace

struct AuthQueries::Cache
{
    QHash<QString, TextOrder> textOrders; // "table\ncolumn"
    int serverVersion = -1;               // server_version_num, PostgreSQL only
};

AuthQueries::AuthQueries(Database &database, AuthSchema schema)
    : m_database(&database)
    , m_schema(std::move(schema))
    , m_cache(std::make_unique<Cache>())
{}

AuthQueries::~AuthQueries() = default;
AuthQueries::AuthQueries(AuthQueries &&) noexcept = default;
AuthQueries &AuthQueries::operator=(AuthQueries &&) noexcept = default;

Result<AuthQueries> AuthQueries::open(Database &database, AuthSchema schema)
{
    auto catalog = AuthCatalog::load(database, schema);
    if (!catalog)
        return catalog.error();
    const Status reconciled = schema.reconcile(*catalog);
    if (!reconciled)
        return reconciled.error();
    return AuthQueries(database, std::move(schema));
}

QStringList AuthQueries::searchFields(AuthModelKind kind)
{
    switch (kind) {
    case AuthModelKind::User:
        return {QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("name")};
    case AuthModelKind::Account:
        return {QStringLiteral("provider"), QStringLiteral("providerAccountId"),
                QStringLiteral("userId")};
    case AuthModelKind::Session:
        return {QStringLiteral("sessionToken"), QStringLiteral("userId")};
    case AuthModelKind::VerificationToken:
        return {QStringLiteral("identifier")};
    case AuthModelKind::Authenticator:
        return {QStringLiteral("credentialID"), QStringLiteral("userId"),
                QStringLiteral("providerAccountId")};
    }
    return {};
}

// --- Plumbing ---------------------------------------------------------------------------------

Result<QueryResult> AuthQueries::run(const SqlStatement &statement,
                                     const CancellationToken &cancel) const
{
    return cancellable(*m_database, cancel, [&] { return m_database->query(statement); });
}

Result<std::shared_ptr<const RawResult>> AuthQueries::runRaw(const SqlStatement &statement,
                                                             const CancellationToken &cancel) const
{
    return cancellable(*m_database, cancel, [&] { return m_database->queryRaw(statement); });
}

TextOrder AuthQueries::textOrder(const AuthModel &model, const QString &column) const
{
    const QString cacheKey =
        model.schemaIn(*m_database) + QLatin1Char('\n') + model.table + QLatin1Char('\n') + column;
    const auto cached = m_cache->textOrders.constFind(cacheKey);
    if (cached != m_cache->textOrders.constEnd())
        return *cached;

    // Unknown stays Linguistic: the prefix range is then the wider, always-rechecked one.
    TextOrder order = TextOrder::Linguistic;
    SqlStatement st(m_database->dialect());
    st << QStringLiteral("SELECT co.collprovider::text, co.collcollate::text"
                         " FROM pg_catalog.pg_attribute a"
                         " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                         " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                         " JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
                         " WHERE n.nspname = ");
    st << st.bind(model.schemaIn(*m_database)) << QStringLiteral(" AND c.relname = ")
       << st.bind(model.table) << QStringLiteral(" AND a.attname = ") << st.bind(column);
    auto collation = m_database->query(st);
    if (collation && !collation->isEmpty()) {
        QString provider = collation->value(0, 0).toString();
        QString collate = collation->value(0, 1).toString();
        if (provider == QLatin1String("d")) { // the database's default collation
            if (m_cache->serverVersion < 0) {
                auto version = m_database->query(SqlStatement(
                    m_database->dialect(),
                    QStringLiteral("SELECT current_setting('server_version_num')::int")));
                m_cache->serverVersion =
                    version && !version->isEmpty() ? version->value(0, 0).toInt() : 0;
            }
            // datlocprovider exists from PostgreSQL 15 on; before, every database was libc.
            const QString sql =
                m_cache->serverVersion >= 150000
                    ? QStringLiteral("SELECT datlocprovider::text, datcollate::text FROM "
                                     "pg_catalog.pg_database WHERE datname = current_database()")
                    : QStringLiteral("SELECT 'c', datcollate::text FROM "
                                     "pg_catalog.pg_database WHERE datname = current_database()");
            auto database = m_database->query(SqlStatement(m_database->dialect(), sql));
            if (database && !database->isEmpty()) {
                provider = database->value(0, 0).toString();
                collate = database->value(0, 1).toString();
            }
        }
        if (provider != QLatin1String("d"))
            order = classifyCollation(provider, collate);
    }
    m_cache->textOrders.insert(cacheKey, order);
    return order;
}

Result<RecordSql> AuthQueries::makeSql(const RecordQuery &query) const
{
    const AuthModel &model = m_schema.model(query.model);
    RecordSql::TextOrderLookup lookup;
    if (m_database->dialect() == SqlDialect::PostgreSQL) {
        const AuthModel *source = &model; // in m_schema, which lives as long as this
        lookup = [this, source](const AuthField &field) {
            return textOrder(*source, field.column);
        };
    } else {
        lookup = [](const AuthField &) { return TextOrder::Bytes; };
    }
    return RecordSql::make(model, query, m_database->dialect(), model.tableIn(*m_database), lookup);
}

RecordPage AuthQueries::toPage(const RecordSql &sql, std::shared_ptr<const RawResult> result,
                               int limit, bool reversed) const
{
    const AuthModel &model = sql.model();
    RecordPage page;
    page.fields = model.fields;
    page.keyFields = model.keyFields;
    QVector<FieldType> types;
    types.reserve(model.fields.size());
    for (const AuthField &field : model.fields)
        types << field.type;
    // Nothing is converted here: a cell is, when something reads it (RecordRows).
    const int rowCount = qMin(result->rowCount(), limit);
    page.rows = RecordRows::fromResult(std::move(result), std::move(types), sql.positionSources(),
                                       rowCount, reversed);
    if (!page.rows.isEmpty()) {
        const QVariantList last = page.lastPosition().values;
        page.lastKey = last.mid(last.size() - int(model.keyFields.size()));
    }
    return page;
}

// --- Browsing ---------------------------------------------------------------------------------

Result<RecordPage> AuthQueries::page(const RecordQuery &query, int limit, PageDirection direction,
                                     const RecordPosition &from,
                                     const CancellationToken &cancel) const
{
    if (limit < 0)
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("A page cannot have %1 rows").arg(limit));
    auto sql = makeSql(query);
    if (!sql)
        return sql.error();
    if (!from.isEmpty() && from.values.size() != sql->positionColumnCount() &&
        !(from.values.size() == 1 && !sql->sortIsKey())) {
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("The position does not belong to this query's order"));
    }
    const bool reversed = direction == PageDirection::Backward;
    // One row more than asked tells whether the page is the last one on its side.
    auto result = runRaw(sql->pageStatement(from, reversed, limit + 1), cancel);
    if (!result)
        return result.error();
    const bool more = (*result)->rowCount() > limit;
    RecordPage page = toPage(*sql, std::move(result.value()), limit, reversed);
    if (reversed) {
        page.atStart = !more;
        page.atEnd = from.isEmpty();
    } else {
        page.atEnd = !more;
        page.atStart = from.isEmpty();
    }
    return page;
}

Result<RecordPage> AuthQueries::page(AuthModelKind kind, int limit,
                                     const QVariantList &afterKey) const
{
    RecordQuery query;
    query.model = kind;
    return page(query, limit, PageDirection::Forward, RecordPosition{afterKey, false});
}

Result<RecordPosition> AuthQueries::locate(const RecordQuery &query,
                                           const QVariantList &keyValues) const
{
    auto sql = makeSql(query);
    if (!sql)
        return sql.error();
    const QStringList &keys = sql->model().keyFields;
    if (keyValues.size() != keys.size())
        return Error(
            Error::Code::InvalidArgument,
            QStringLiteral("%1 has a key of %2 fields").arg(sql->model().name).arg(keys.size()));
    for (int i = 0; i < keys.size(); ++i)
        sql->addEquality(keys.at(i), keyValues.at(i));
    SqlStatement st(m_database->dialect());
    st << QStringLiteral("SELECT ") << sql->positionList() << QStringLiteral(" FROM ")
       << sql->table();
    st << RecordSql::whereClause(sql->filterConditions(st)) << QStringLiteral(" LIMIT 1");
    auto result = m_database->query(st);
    if (!result)
        return result.error();
    if (result->isEmpty())
        return Error(Error::Code::NotFound,
                     QStringLiteral("No %1 with this key matches the view").arg(sql->model().name));
    return RecordPosition{result->rows().first(), true};
}

Result<RecordPage> AuthQueries::seek(const RecordQuery &query, double fraction, int limit,
                                     const CancellationToken &cancel) const
{
    auto sql = makeSql(query);
    if (!sql)
        return sql.error();
    if (!(fraction > 0)) { // also NaN
        auto first = page(query, limit, PageDirection::Forward, RecordPosition(), cancel);
        if (first)
            first->startFraction = 0;
        return first;
    }
    // The last page starts `rows` before the end: place it by the estimated count.
    auto lastPageAt = [&](const RecordPage &last) {
        auto estimate = estimateCount(query);
        const qint64 total = estimate ? qMax<qint64>(estimate->rows, last.rows.size()) : 0;
        return total > 0 ? 1.0 - double(last.rows.size()) / double(total) : 0.0;
    };
    if (fraction >= 1) {
        auto last = page(query, limit, PageDirection::Backward, RecordPosition(), cancel);
        if (last)
            last->startFraction = lastPageAt(*last);
        return last;
    }

    std::optional<Landing> landing;
    if (m_database->dialect() == SqlDialect::PostgreSQL && !sql->hasFilters() &&
        !tableIsSmall(*sql)) {
        auto fromHistogram = histogramLanding(*sql, query, fraction);
        if (!fromHistogram)
            return fromHistogram.error();
        landing = *fromHistogram;
    }
    if (!landing) {
        auto sampled = sampleLanding(*sql, query, fraction, cancel);
        if (!sampled)
            return sampled.error();
        landing = *sampled;
    }
    if (!landing) // nothing matches
        return page(query, limit, PageDirection::Forward, RecordPosition(), cancel);

    auto landed = page(query, limit, PageDirection::Forward, landing->position, cancel);
    if (!landed)
        return landed;
    if (landed->rows.size() < limit && !landed->atStart) {
        // Landed in the last page: show a full one, ending at the last row.
        auto last = page(query, limit, PageDirection::Backward, RecordPosition(), cancel);
        if (!last)
            return last;
        last->startFraction = lastPageAt(*last);
        return last;
    }
    landed->startFraction = landing->fraction;
    landed->atStart = landing->fraction <= 0 && landed->atStart;
    return landed;
}

bool AuthQueries::tableIsSmall(const RecordSql &sql) const
{
    // Small enough to read every position: then seek() is exact rather than estimated.
    RecordQuery everything;
    everything.model = sql.model().kind;
    auto estimate = estimateCount(everything);
    return estimate && estimate->rows <= kSeekExactRows;
}

Result<std::optional<AuthQueries::Landing>>
AuthQueries::histogramLanding(const RecordSql &sql, const RecordQuery &query, double fraction) const
{
    // ANALYZE's histogram splits the column's non-null values into equally populated buckets:
    // its bounds are the quantiles, for free. Only for one-column orders.
    if (sql.sortIsKey() && sql.model().keyFields.size() != 1)
        return std::optional<Landing>();
    SqlStatement st(m_database->dialect());
    st << QStringLiteral("SELECT s.null_frac, b.bound FROM pg_catalog.pg_stats s,"
                         " unnest(s.histogram_bounds::text::text[]) WITH ORDINALITY AS b(bound, n)"
                         " WHERE s.schemaname = ");
    st << st.bind(sql.model().schemaIn(*m_database)) << QStringLiteral(" AND s.tablename = ")
       << st.bind(sql.model().table) << QStringLiteral(" AND s.attname = ")
       << st.bind(sql.sortField().column) << QStringLiteral(" AND NOT s.inherited ORDER BY b.n");
    auto stats = m_database->query(st);
    if (!stats)
        return stats.error();
    const int bounds = stats->rowCount();
    if (bounds < 2)
        return std::optional<Landing>();
    const double nullFraction = stats->value(0, 0).toDouble();
    const bool ascending = query.sortOrder == Qt::AscendingOrder;
    // NULLs come last ascending, first descending.
    const double nullStart = ascending ? 1 - nullFraction : 0;
    if (nullFraction > 0 && fraction >= nullStart && fraction < nullStart + nullFraction) {
        if (!ascending)
            return std::optional<Landing>(Landing{RecordPosition(), 0});
        return std::optional<Landing>(Landing{RecordPosition{{QVariant()}, true}, nullStart});
    }
    const double nonNullOffset = ascending ? 0 : nullFraction;
    const double within = qBound(0.0, (fraction - nonNullOffset) / (1 - nullFraction), 1.0);
    const int step = int(std::floor(within * (bounds - 1)));
    const int index = ascending ? step : bounds - 1 - step;
    const double landed = nonNullOffset + double(step) / (bounds - 1) * (1 - nullFraction);
    return std::optional<Landing>(Landing{RecordPosition{{stats->value(index, 1)}, true}, landed});
}

Result<std::optional<AuthQueries::Landing>>
AuthQueries::sampleLanding(const RecordSql &sql, const RecordQuery &query, double fraction,
                           const CancellationToken &cancel) const
{
    auto pick = [&](const QueryResult &ordered, double coverage) -> std::optional<Landing> {
        if (ordered.isEmpty())
            return std::nullopt;
        const int n = ordered.rowCount();
        const int index = qBound(0, int(std::floor(fraction * n)), n - 1);
        return Landing{RecordPosition{ordered.rows().at(index), true}, coverage * index / n};
    };
    auto readAll = [&]() -> Result<std::optional<Landing>> {
        // Every position in order, capped: exact for small results, a fair start otherwise.
        SqlStatement st(m_database->dialect());
        st << QStringLiteral("SELECT ") << sql.positionList() << QStringLiteral(" FROM ")
           << sql.table();
        st << RecordSql::whereClause(sql.filterConditions(st)) << QStringLiteral(" ")
           << sql.orderBy(false);
        const QString cap = st.bind(kSqliteSeekExactRows);
        st << QStringLiteral(" LIMIT ") << cap;
        auto all = run(st, cancel);
        if (!all)
            return all.error();
        return pick(*all, 1.0);
    };

    if (m_database->dialect() == SqlDialect::PostgreSQL) {
        auto estimate = estimateCount(query);
        if (!estimate)
            return estimate.error();
        if (estimate->rows <= kSeekExactRows)
            return readAll();
        // TABLESAMPLE SYSTEM reads whole random pages: cost proportional to the percentage.
        const double percent =
            qBound(0.0001, 100.0 * kSeekSampleRows / double(estimate->rows), 100.0);
        SqlStatement st(m_database->dialect());
        st << QStringLiteral("SELECT ") << sql.positionList() << QStringLiteral(" FROM ")
           << sql.table();
        const QString sampled = st.bind(percent);
        st << QStringLiteral(" TABLESAMPLE SYSTEM (") << sampled << QStringLiteral(")");
        st << RecordSql::whereClause(sql.filterConditions(st)) << QStringLiteral(" ")
           << sql.orderBy(false);
        auto sample = run(st, cancel);
        if (!sample)
            return sample.error();
        if (sample->rowCount() < 2)
            return readAll();
        return pick(*sample, 1.0);
    }

    // SQLite: probe evenly spaced rowids (an index lookup each), then order the rows found.
    SqlStatement range(m_database->dialect());
    range << QStringLiteral("SELECT min(rowid), max(rowid) FROM ") << sql.table();
    auto bounds = m_database->query(range);
    if (!bounds)
        return bounds.error();
    const qint64 low = bounds->value(0, 0).toLongLong();
    const qint64 high = bounds->value(0, 1).toLongLong();
    if (bounds->value(0, 0).isNull())
        return std::optional<Landing>();
    if (high - low < kSqliteSeekExactRows)
        return readAll();
    QVariantList rowids;
    for (int i = 0; i < kSqliteProbes; ++i) {
        if (cancel.isCancelled())
            return cancelled();
        SqlStatement probe(m_database->dialect());
        probe << QStringLiteral("SELECT rowid FROM ") << sql.table();
        QStringList conditions = sql.filterConditions(probe);
        conditions << QStringLiteral("rowid >= ") +
                          probe.bind(low + (high - low) * i / (kSqliteProbes - 1));
        probe << RecordSql::whereClause(conditions) << QStringLiteral(" ORDER BY rowid LIMIT 1");
        auto found = m_database->query(probe);
        if (!found)
            return found.error();
        if (!found->isEmpty() && !rowids.contains(found->value(0, 0)))
            rowids << found->value(0, 0);
    }
    if (rowids.size() < 2)
        return readAll();
    SqlStatement st(m_database->dialect());
    st << QStringLiteral("SELECT ") << sql.positionList() << QStringLiteral(" FROM ")
       << sql.table();
    QStringList placeholders;
    for (const QVariant &rowid : rowids)
        placeholders << st.bind(rowid);
    st << QStringLiteral(" WHERE rowid IN (") << placeholders.join(QStringLiteral(", "))
       << QStringLiteral(") ") << sql.orderBy(false);
    auto sample = m_database->query(st);
    if (!sample)
        return sample.error();
    return pick(*sample, 1.0);
}

// --- Counting ---------------------------------------------------------------------------------

Result<RowCount> AuthQueries::estimateCount(const RecordQuery &query) const
{
    auto sql = makeSql(query);
    if (!sql)
        return sql.error();

    if (m_database->dialect() == SqlDialect::SQLite) {
        // Rowids only grow (Prisma never declares WITHOUT ROWID): the largest bounds the count.
        SqlStatement st(m_database->dialect());
        st << QStringLiteral("SELECT max(rowid) FROM ") << sql->table();
        auto result = m_database->query(st);
        if (!result)
            return result.error();
        const qint64 bound = result->value(0, 0).toLongLong();
        if (bound < kCountExactlyBelow * 5) {
            auto exact = count(query);
            if (!exact)
                return exact.error();
            return RowCount{*exact, RowCount::Kind::Exact};
        }
        return RowCount{bound, RowCount::Kind::UpperBound};
    }

    SqlStatement st(m_database->dialect());
    st << QStringLiteral(
        "SELECT c.reltuples::bigint FROM pg_catalog.pg_class c"
        " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ");
    st << st.bind(sql->model().schemaIn(*m_database)) << QStringLiteral(" AND c.relname = ")
       << st.bind(sql->model().table);
    auto stats = m_database->query(st);
    if (!stats)
        return stats.error();
    const qint64 tableRows = stats->isEmpty() ? -1 : stats->value(0, 0).toLongLong();
    if (tableRows >= 0 && tableRows < kCountExactlyBelow) {
        // reltuples is 0 or -1 until the first VACUUM/ANALYZE: only trust a small value after
        // counting, which is cheap exactly when the table is small.
        auto exact = count(query);
        if (!exact)
            return exact.error();
        return RowCount{*exact, RowCount::Kind::Exact};
    }
    if (!sql->hasFilters() && tableRows > 0)
        return RowCount{tableRows, RowCount::Kind::Estimate};

    // The planner's own estimate for the filtered query (it reads the table size when the
    // statistics are missing).
    SqlStatement explain(m_database->dialect());
    explain << QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1 FROM ") << sql->table();
    explain << RecordSql::whereClause(sql->filterConditions(explain));
    auto plan = m_database->query(explain);
    if (!plan)
        return plan.error();
    const QJsonDocument document = QJsonDocument::fromJson(plan->value(0, 0).toString().toUtf8());
    const double rows = document.array()
                            .at(0)
                            .toObject()
                            .value(QStringLiteral("Plan"))
                            .toObject()
                            .value(QStringLiteral("Plan Rows"))
                            .toDouble(-1);
    if (rows < 0)
        return Error(Error::Code::QueryFailed, QStringLiteral("PostgreSQL gave no row estimate"));
    if (tableRows < 0 && rows < kCountExactlyBelow) {
        // Never analysed (reltuples -1): the planner guesses from the table's pages on disk, so
        // a two-row table reads "~220". Small by its pages means cheap to count.
        auto exact = count(query);
        if (!exact)
            return exact.error();
        return RowCount{*exact, RowCount::Kind::Exact};
    }
    return RowCount{qint64(rows), RowCount::Kind::Estimate};
}

Result<qint64> AuthQueries::count(const RecordQuery &query, const CancellationToken &cancel) const
{
    auto sql = makeSql(query);
    if (!sql)
        return sql.error();
    if (m_database->dialect() == SqlDialect::PostgreSQL) {
        auto result = run(sql->countStatement(), cancel);
        if (!result)
            return result.error();
        return result->value(0, 0).toLongLong();
    }

    // SQLite cannot be interrupted from here: count in rowid ranges and check between them.
    SqlStatement range(m_database->dialect());
    range << QStringLiteral("SELECT min(rowid), max(rowid) FROM ") << sql->table();
    auto bounds = m_database->query(range);
    if (!bounds)
        return bounds.error();
    if (bounds->value(0, 0).isNull())
        return qint64(0);
    const qint64 low = bounds->value(0, 0).toLongLong();
    const qint64 high = bounds->value(0, 1).toLongLong();
    qint64 total = 0;
    for (qint64 from = low; from <= high; from += kSqliteCountStep) {
        if (cancel.isCancelled())
            return cancelled();
        SqlStatement st(m_database->dialect());
        st << QStringLiteral("SELECT count(*) FROM ") << sql->table();
        QStringList conditions = sql->filterConditions(st);
        conditions << QStringLiteral("rowid >= ") + st.bind(from);
        conditions << QStringLiteral("rowid < ") + st.bind(from + kSqliteCountStep);
        st << RecordSql::whereClause(conditions);
        auto part = m_database->query(st);
        if (!part)
            return part.error();
        total += part->value(0, 0).toLongLong();
    }
    return total;
}

Result<qint64> AuthQueries::count(AuthModelKind kind) const
{
    RecordQuery query;
    query.model = kind;
    return count(query);
}

// --- One user ---------------------------------------------------------------------------------

Result<RecordPage> AuthQueries::findUser(const QString &idOrEmail) const
{
    // The id first (the primary key), then the email (its unique index): two index lookups.
    for (const QString &field : {QStringLiteral("id"), QStringLiteral("email")}) {
        RecordQuery query;
        query.model = AuthModelKind::User;
        auto sql = makeSql(query);
        if (!sql)
            return sql.error();
        sql->addEquality(field, idOrEmail);
        auto result = m_database->queryRaw(sql->pageStatement(RecordPosition(), false, 2));
        if (!result)
            return result.error();
        if ((*result)->rowCount() > 0) {
            RecordPage page = toPage(*sql, std::move(result.value()), 1, false);
            page.atStart = page.atEnd = true;
            return page;
        }
    }
    RecordPage none;
    none.fields = m_schema.user().fields;
    none.keyFields = m_schema.user().keyFields;
    none.atStart = none.atEnd = true;
    return none;
}

Result<UserPicture> AuthQueries::userPicture(const QString &idOrEmail, int limitPerModel) const
{
    auto user = findUser(idOrEmail);
    if (!user)
        return user.error();
    if (user->isEmpty())
        return Error(Error::Code::NotFound,
                     QStringLiteral("No user has the id or email \"%1\"").arg(idOrEmail));
    UserPicture picture;
    picture.user = *user;
    const QString id = picture.userId();

    // Each related list is the first page of its own query (RecordQuery::ofUser pages on).
    auto fill = [&](RecordPage *into, const RecordQuery &query) -> Status {
        auto related = page(query, limitPerModel);
        if (!related)
            return related.error();
        *into = std::move(related.value());
        return success();
    };
    RecordQuery sessions = RecordQuery::ofUser(AuthModelKind::Session, id);
    sessions.sortField = QStringLiteral("expires");
    sessions.sortOrder = Qt::DescendingOrder;
    RecordQuery tokens;
    tokens.model = AuthModelKind::VerificationToken;
    tokens.identifier = picture.email();
    tokens.sortField = QStringLiteral("expires");
    tokens.sortOrder = Qt::DescendingOrder;
    const AuthModel &tokenModel = m_schema.model(AuthModelKind::VerificationToken);
    picture.verificationTokens.fields = tokenModel.fields;
    picture.verificationTokens.keyFields = tokenModel.keyFields;
    picture.verificationTokens.atStart = picture.verificationTokens.atEnd = true;
    picture.hasAuthenticatorModel = m_schema.model(AuthModelKind::Authenticator).present;

    Status filled = fill(&picture.accounts, RecordQuery::ofUser(AuthModelKind::Account, id));
    if (filled)
        filled = fill(&picture.sessions, sessions);
    if (filled && picture.hasAuthenticatorModel)
        filled =
            fill(&picture.authenticators, RecordQuery::ofUser(AuthModelKind::Authenticator, id));
    if (filled && !tokens.identifier.isEmpty()) // tokens belong to an email address
        filled = fill(&picture.verificationTokens, tokens);
    if (!filled)
        return filled.error();
    return picture;
}

Result<QString> AuthQueries::explain(const RecordQuery &query, int limit) const
{
    auto sql = makeSql(query);
    if (!sql)
        return sql.error();
    const SqlStatement page = sql->pageStatement(RecordPosition(), false, limit + 1);
    const bool sqlite = m_database->dialect() == SqlDialect::SQLite;
    SqlStatement st(m_database->dialect(),
                    (sqlite ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN ")) +
                        page.sql(),
                    page.values());
    auto plan = m_database->query(st);
    if (!plan)
        return plan.error();
    QStringList lines;
    for (const QVariantList &row : plan->rows())
        lines << row.value(sqlite ? 3 : 0).toString();
    return lines.join(QLatin1Char('\n'));
}

Result<QStringList> AuthQueries::distinctValues(AuthModelKind kind, const QString &fieldName,
                                                int limit, const CancellationToken &cancel) const
{
    const AuthModel &model = m_schema.model(kind);
    const AuthField *field = model.present ? model.field(fieldName) : nullptr;
    if (!field)
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("%1 has no field %2").arg(model.name, fieldName));
    const SqlDialect dialect = m_database->dialect();
    const QString table = model.tableIn(*m_database);

    // Does an index (not partial, not on an expression) lead with the column?
    SqlStatement probe(dialect);
    if (dialect == SqlDialect::PostgreSQL) {
        probe << QStringLiteral("SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_attribute a"
                                " ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                                " WHERE i.indrelid = ")
              << probe.bind(table)
              << QStringLiteral("::regclass AND i.indpred IS NULL AND a.attname = ")
              << probe.bind(field->column) << QStringLiteral(" LIMIT 1");
    } else {
        probe << QStringLiteral("SELECT 1 FROM pragma_index_list(") << probe.bind(model.table)
              << QStringLiteral(") l JOIN pragma_index_info(l.name) i"
                                " WHERE l.partial = 0 AND i.seqno = 0 AND i.name = ")
              << probe.bind(field->column) << QStringLiteral(" LIMIT 1");
    }
    auto indexed = run(probe, cancel);
    if (!indexed)
        return indexed.error();

    const QString column = quoteIdentifier(dialect, field->column);
    SqlStatement st(dialect);
    if (!indexed->isEmpty()) {
        // The first value, then each next one is the smallest greater than the last: one index
        // probe per distinct value (PostgreSQL has no skip scan of its own; SQLite's needs
        // ANALYZE statistics). Both dialects accept this form.
        st << QStringLiteral("WITH RECURSIVE skip(v) AS (SELECT (SELECT ") << column
           << QStringLiteral(" FROM ") << table << QStringLiteral(" WHERE ") << column
           << QStringLiteral(" IS NOT NULL ORDER BY ") << column
           << QStringLiteral(" LIMIT 1) UNION ALL SELECT (SELECT ") << column
           << QStringLiteral(" FROM ") << table << QStringLiteral(" WHERE ") << column
           << QStringLiteral(" > skip.v ORDER BY ") << column
           << QStringLiteral(" LIMIT 1) FROM skip WHERE skip.v IS NOT NULL)"
                             " SELECT v FROM skip WHERE v IS NOT NULL LIMIT ");
    } else {
        st << QStringLiteral("SELECT DISTINCT ") << column << QStringLiteral(" FROM ") << table
           << QStringLiteral(" WHERE ") << column << QStringLiteral(" IS NOT NULL ORDER BY ")
           << column << QStringLiteral(" LIMIT ");
    }
    st << st.bind(qMax(0, limit));
    auto result = run(st, cancel);
    if (!result)
        return result.error();
    QStringList values;
    values.reserve(result->rowCount());
    for (const QVariantList &row : result->rows())
        values << row.value(0).toString();
    return values;
}

// --- Values -----------------------------------------------------------------------------------

QVariant AuthQueries::fromDatabase(const QVariant &value, FieldType type)
{
    if (value.isNull())
        return QVariant();
    switch (type) {
    case FieldType::DateTime: {
        if (value.typeId() == QMetaType::QDateTime) {
            const QDateTime dt = value.toDateTime();
            return dt.timeSpec() == Qt::UTC ? value : QVariant(dt.toUTC());
        }
        if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QByteArray) {
            bool isNumber = false;
            const qlonglong ms = value.toLongLong(&isNumber);
            if (isNumber)
                return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        }
        // ISO text: "2024-06-11T10:00:00.123+00:00" (Prisma 7's driver adapters),
        // "2024-06-11 10:00:00" (CURRENT_TIMESTAMP, UTC), or digits stored as text.
        QString text = value.toString().trimmed();
        bool isNumber = false;
        const qlonglong ms = text.toLongLong(&isNumber);
        if (isNumber)
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        if (text.size() > 10 && text.at(10) == QLatin1Char(' '))
            text[10] = QLatin1Char('T');
        QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
            dt.setTimeSpec(Qt::UTC);
        return dt.isValid() ? QVariant(dt.toUTC()) : value;
    }
    case FieldType::Boolean:
        return value.typeId() == QMetaType::Bool ? value : QVariant(value.toLongLong() != 0);
    case FieldType::Int:
        return QVariant(value.toLongLong());
    case FieldType::String:
        return value.typeId() == QMetaType::QString ? value : QVariant(value.toString());
    }
    return value;
}

} // namespace gh
