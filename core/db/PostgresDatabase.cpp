#include "core/db/PostgresDatabase.h"

#include "core/db/ClientIdentity.h"
#include "core/url/DatabaseUrl.h"
#include "core/url/UrlRedaction.h"

#include <QDateTime>
#include <QTimeZone>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/pqxx>
#include <vector>

namespace gh {

namespace {

// Type OIDs from pg_type.h; the rest arrive as text.
constexpr pqxx::oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
                    kFloat8 = 701, kTimestamp = 1114, kTimestampTz = 1184, kDate = 1082;

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool isDigit(char c)
{
    return unsigned(c - '0') <= 9u;
}

// Two digits at `at`, which isDigit() accepted.
int twoDigits(const char *text, int at)
{
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

// The common case without QDateTime::fromString (about 40 times faster, and a page of sessions
// holds hundreds of timestamps): "YYYY-MM-DD HH:MM:SS[.ffffff]" with no zone. Milliseconds are
// kept (Prisma's timestamp(3)); finer digits are cut. Anything else returns an invalid value.
// The instant is computed directly rather than through QDate/QTime (the same value, and what
// QDate and QTime would reject is rejected here: year 0, February 30, hour 24). Straight-line
// checks, no loops over the fixed part: this runs for every timestamp cell of every page.
QDateTime parseUtcTimestamp(const char *text, size_t length)
{
    if (length < 19 || length > 26 || text[4] != '-' || text[7] != '-' || text[10] != ' ' ||
        text[13] != ':' || text[16] != ':')
        return QDateTime();
    if (!(isDigit(text[0]) && isDigit(text[1]) && isDigit(text[2]) && isDigit(text[3]) &&
          isDigit(text[5]) && isDigit(text[6]) && isDigit(text[8]) && isDigit(text[9]) &&
          isDigit(text[11]) && isDigit(text[12]) && isDigit(text[14]) && isDigit(text[15]) &&
          isDigit(text[17]) && isDigit(text[18])))
        return QDateTime();
    int ms = 0;
    if (length > 19) {
        if (text[19] != '.')
            return QDateTime();
        int scale = 100;
        for (size_t i = 20; i < length; ++i, scale /= 10) {
            if (!isDigit(text[i]))
                return QDateTime();
            ms += (text[i] - '0') * scale;
        }
    }
    const int year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
    const int month = twoDigits(text, 5), day = twoDigits(text, 8);
    const int hour = twoDigits(text, 11), minute = twoDigits(text, 14);
    const int second = twoDigits(text, 17);
    static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year == 0 || month < 1 || month > 12 || day < 1 ||
        day > kMonthDays[month - 1] + (month == 2 && isLeapYear(year)) || hour > 23 ||
        minute > 59 || second > 59)
        return QDateTime();
    const qint64 seconds =
        daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + ms, Qt::UTC);
}

QDateTime parseTimestamp(const char *text, size_t length, bool withZone)
{
    if (!withZone) {
        const QDateTime fast = parseUtcTimestamp(text, length);
        if (fast.isValid())
            return fast;
    }
    // PostgreSQL's ISO output: "2024-01-02 03:04:05.123" or "...+00" with a zone. Prisma stores
    // `timestamp(3)` without zone holding UTC, so zone-less values are read as UTC.
    QString s = QString::fromLatin1(text);
    if (!withZone)
        s += QLatin1Char('Z');
    else if (s.size() > 3 &&
             (s.at(s.size() - 3) == QLatin1Char('+') || s.at(s.size() - 3) == QLatin1Char('-')))
        s += QLatin1String(":00");
    s.replace(10, 1, QLatin1Char('T'));
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

/// One value in libpq's text format, by its column's type.
QVariant toVariant(const char *text, size_t size, pqxx::oid type)
{
    switch (type) {
    case kBool:
        return QVariant(text[0] == 't');
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid:
        // fromRawData: the digits are read in place, with no copy.
        return QVariant(QByteArray::fromRawData(text, qsizetype(size)).toLongLong());
    case kFloat4:
    case kFloat8:
        return QVariant(QByteArray::fromRawData(text, qsizetype(size)).toDouble());
    case kTimestamp:
        return QVariant(parseTimestamp(text, size, false));
    case kTimestampTz:
        return QVariant(parseTimestamp(text, size, true));
    case kDate:
        return QVariant(QDate::fromString(QString::fromLatin1(text, qsizetype(size)), Qt::ISODate));
    default:
        return QVariant(QString::fromUtf8(text, qsizetype(size)));
    }
}

/// Bound values as libpq text parameters; a null QVariant is SQL NULL.
std::vector<std::optional<std::string>> toParameters(const QVariantList &values)
{
    std::vector<std::optional<std::string>> out;
    out.reserve(size_t(values.size()));
    for (const QVariant &v : values) {
        if (v.isNull()) {
            out.emplace_back(std::nullopt);
            continue;
        }
        switch (v.typeId()) {
        case QMetaType::Bool:
            out.emplace_back(v.toBool() ? "true" : "false");
            break;
        case QMetaType::QDateTime:
            // Timestamps go over the wire in UTC, as Prisma stores them. The explicit zone is
            // ignored by `timestamp` and keeps `timestamptz` right whatever the session TimeZone.
            out.emplace_back(v.toDateTime()
                                 .toUTC()
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz+00"))
                                 .toStdString());
            break;
        default:
            out.emplace_back(v.toString().toStdString());
        }
    }
    return out;
}

pqxx::result execParams(pqxx::transaction_base &tx, const SqlStatement &statement)
{
    const auto owned = toParameters(statement.values());
    std::vector<const char *> pointers;
    pointers.reserve(owned.size());
    for (const auto &p : owned)
        pointers.push_back(p ? p->c_str() : nullptr);
    // exec_params sends an unnamed statement: nothing outlives the call, as PgBouncer requires.
    return tx.exec_params(statement.sql().toStdString(),
                          pqxx::prepare::make_dynamic_params(pointers));
}

QueryResult toQueryResult(const pqxx::result &result)
{
    const int columnCount = int(result.columns());
    QStringList columns;
    std::vector<pqxx::oid> types;
    columns.reserve(columnCount);
    types.reserve(size_t(columnCount));
    for (pqxx::row::size_type c = 0; c < pqxx::row::size_type(columnCount); ++c) {
        columns << QString::fromUtf8(result.column_name(c));
        types.push_back(result.column_type(c));
    }
    QVector<QVariantList> rows;
    rows.reserve(int(result.size()));
    // Through the iterators' operator->: their operator* and range-for hand out a pqxx::field
    // copy per cell, and each copy shares the result (two reference counts up and down).
    for (auto row = result.begin(), lastRow = result.end(); row != lastRow; ++row) {
        QVariantList values;
        values.reserve(columnCount);
        int c = 0;
        for (auto field = row->begin(), lastField = row->end(); field != lastField; ++field, ++c) {
            // libpq gives NULL as "": only an empty value needs the null flag looked up.
            const char *text = field->c_str();
            if (text[0] == '\0' && field->is_null())
                values.append(QVariant());
            else
                values.append(toVariant(text, field->size(), types[size_t(c)]));
        }
        rows.append(std::move(values));
    }
    return QueryResult(std::move(columns), std::move(rows));
}

// libpq's result kept whole: a cell becomes a QVariant when read, by the same toVariant() as
// toQueryResult(). Where each cell's text lies is noted once, walking the result as the raw
// baseline does (pqxx's result[row][column] copies two shared pointers per cell, which cost
// more than converting the cell). A PGresult is independent of its connection and only read
// here, so the rows may be read on any thread and outlive the query.
class PostgresRawResult final : public RawResult
{
public:
    explicit PostgresRawResult(pqxx::result result)
        : m_result(std::move(result))
        , m_rows(int(m_result.size()))
        , m_columns(int(m_result.columns()))
        , m_rowNoted(new std::atomic<bool>[size_t(m_rows)]())
        , m_cells(size_t(m_rows) * size_t(m_columns))
    {
        m_types.reserve(size_t(m_columns));
        for (int c = 0; c < m_columns; ++c)
            m_types.push_back(m_result.column_type(pqxx::row::size_type(c)));
    }

    int rowCount() const override { return m_rows; }
    int columnCount() const override { return m_columns; }
    QVariant value(int row, int column) const override
    {
        const Cell &cell = m_cells[size_t(row) * size_t(m_columns) + size_t(column)];
        if (!m_rowNoted[size_t(row)].load(std::memory_order_acquire))
            noteRow(row);
        if (!cell.text)
            return QVariant();
        return toVariant(cell.text, size_t(cell.size), m_types[size_t(column)]);
    }

private:
    struct Cell
    {
        const char *text = nullptr; // into m_result; nullptr for NULL
        int size = 0;
    };

    /// Notes where the row's cells lie, the first time one of them is read: a view reads some
    /// 30 of a page's 200 rows, and walking them all on the page's worker thread was a fifth
    /// of its client CPU, on the way to the first screen. Published like RecordRows' cells:
    /// under a lock, then a flag with release order.
    void noteRow(int row) const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_rowNoted[size_t(row)].load(std::memory_order_relaxed))
            return;
        const pqxx::row fields = m_result[pqxx::result::size_type(row)];
        Cell *cell = &m_cells[size_t(row) * size_t(m_columns)];
        // Through the iterators' operator->, as toQueryResult(): no pqxx::field copy per cell.
        for (auto field = fields.begin(), last = fields.end(); field != last; ++field, ++cell) {
            const char *text = field->c_str();
            // libpq gives NULL as "": only an empty value needs the null flag looked up.
            const bool null = text[0] == '\0' && field->is_null();
            *cell = {null ? nullptr : text, int(field->size())};
        }
        m_rowNoted[size_t(row)].store(true, std::memory_order_release);
    }

    const pqxx::result m_result;
    const int m_rows;
    const int m_columns;
    std::vector<pqxx::oid> m_types;
    // Filled a row at a time by noteRow() (hence mutable: value() is const and thread-safe).
    const std::unique_ptr<std::atomic<bool>[]> m_rowNoted;
    mutable std::vector<Cell> m_cells; // row by row
    mutable std::mutex m_mutex;
};

} // namespace

struct PostgresDatabase::Handle
{
    explicit Handle(const std::string &conninfo)
        : connection(conninfo)
    {}

    pqxx::connection connection;
    std::unique_ptr<pqxx::work> transaction; // open inside transaction() only
};

PostgresDatabase::PostgresDatabase(std::unique_ptr<Handle> handle, QString schema,
                                   QString displayName)
    : m_handle(std::move(handle))
    , m_schema(std::move(schema))
    , m_displayName(std::move(displayName))
{}

PostgresDatabase::~PostgresDatabase() = default;

Result<std::unique_ptr<Database>> PostgresDatabase::connect(const DatabaseUrl &url)
{
    // libpq reads PEM files only: Prisma's PKCS#12 identity is converted first.
    DatabaseUrl connectable = url;
    if (!url.sslIdentity().isEmpty()) {
        auto identity = ClientIdentity::fromPkcs12(url.sslIdentity(), url.sslIdentityPassword());
        if (!identity)
            return identity.error();
        connectable = url.withClientCertificate(identity->certificateFile, identity->keyFile,
                                                identity->keyPassphrase);
    }
    try {
        auto handle = std::make_unique<Handle>(connectable.libpqConnectionString().toStdString());
        return std::unique_ptr<Database>(
            new PostgresDatabase(std::move(handle), url.schema(), url.redacted()));
    } catch (const std::exception &e) {
        // libpq's messages can echo connection parameters: redact before anything shows them.
        const QString detail = redactDatabaseUrl(QString::fromUtf8(e.what()).trimmed());
        return Error(Error::Code::ConnectionFailed,
                     QStringLiteral("Could not connect to %1").arg(url.redacted()), detail);
    }
}

Error PostgresDatabase::queryError(const std::exception &e) const
{
    QString detail = QString::fromUtf8(e.what()).trimmed();
    if (const auto *sqlError = dynamic_cast<const pqxx::sql_error *>(&e)) {
        if (!sqlError->sqlstate().empty())
            detail = QStringLiteral("SQLSTATE %1: %2")
                         .arg(QString::fromStdString(sqlError->sqlstate()), detail);
    }
    if (const auto *sqlError = dynamic_cast<const pqxx::sql_error *>(&e);
        sqlError && sqlError->sqlstate() == "25006" && isReadOnly())
        return readOnlyError();
    if (dynamic_cast<const pqxx::broken_connection *>(&e))
        return Error(Error::Code::ConnectionFailed,
                     QStringLiteral("The connection to %1 was lost").arg(m_displayName),
                     redactDatabaseUrl(detail));
    return Error(Error::Code::QueryFailed, QStringLiteral("The query failed"),
                 redactDatabaseUrl(detail));
}

template <typename Fn> auto PostgresDatabase::withTransaction(Fn &&fn)
{
    if (m_handle->transaction)
        return fn(static_cast<pqxx::transaction_base &>(*m_handle->transaction));
    if (isReadOnly()) {
        // BEGIN READ ONLY per statement: the server refuses any write (SQLSTATE 25006) and no
        // session state outlives the statement, so PgBouncer's transaction mode still works.
        pqxx::read_transaction readOnly(m_handle->connection);
        auto result = fn(readOnly);
        readOnly.commit();
        return result;
    }
    pqxx::nontransaction autocommit(m_handle->connection);
    return fn(autocommit);
}

Result<QueryResult> PostgresDatabase::query(const SqlStatement &statement)
{
    try {
        return withTransaction(
            [&](pqxx::transaction_base &tx) { return toQueryResult(execParams(tx, statement)); });
    } catch (const std::exception &e) {
        return queryError(e);
    }
}

Result<std::shared_ptr<const RawResult>> PostgresDatabase::queryRaw(const SqlStatement &statement)
{
    try {
        return withTransaction([&](pqxx::transaction_base &tx) {
            return std::shared_ptr<const RawResult>(
                std::make_shared<PostgresRawResult>(execParams(tx, statement)));
        });
    } catch (const std::exception &e) {
        return queryError(e);
    }
}

Result<qint64> PostgresDatabase::execute(const SqlStatement &statement)
{
    if (isReadOnly())
        return readOnlyError();
    try {
        return withTransaction([&](pqxx::transaction_base &tx) {
            return qint64(execParams(tx, statement).affected_rows());
        });
    } catch (const std::exception &e) {
        return queryError(e);
    }
}

Status PostgresDatabase::transaction(const std::function<Status()> &work)
{
    if (isReadOnly())
        return readOnlyError();
    if (m_handle->transaction)
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("Nested transactions are not supported"));
    try {
        m_handle->transaction = std::make_unique<pqxx::work>(m_handle->connection);
        Status status = work();
        if (status.ok())
            m_handle->transaction->commit();
        else
            m_handle->transaction->abort();
        m_handle->transaction.reset();
        return status;
    } catch (const std::exception &e) {
        m_handle->transaction.reset();
        return queryError(e);
    }
}

Status PostgresDatabase::executeScript(const QString &sql)
{
    if (isReadOnly())
        return readOnlyError();
    try {
        // One simple-query message: PostgreSQL runs it as one implicit transaction.
        withTransaction([&](pqxx::transaction_base &tx) { return tx.exec(sql.toStdString()); });
        return success();
    } catch (const std::exception &e) {
        return queryError(e);
    }
}

bool PostgresDatabase::cancelRunningQuery()
{
    // libpq's cancel request travels on a connection of its own (PgBouncer forwards it to the
    // server connection running our statement); it only reads the connection's immutable
    // backend key, so it may run while the owning thread waits inside query().
    try {
        m_handle->connection.cancel_query();
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

Result<QHash<QString, QStringList>> PostgresDatabase::tableColumnsIn(const QString &schema)
{
    SqlStatement st(dialect());
    st << QStringLiteral("SELECT c.relname, a.attname FROM pg_catalog.pg_class c"
                         " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                         " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
                         " WHERE n.nspname = ")
       << st.bind(schema)
       << QStringLiteral(" AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0"
                         " AND NOT a.attisdropped ORDER BY c.relname, a.attnum");
    auto result = query(st);
    if (!result)
        return result.error();
    QHash<QString, QStringList> tables;
    for (const auto &row : result->rows())
        tables[row.at(0).toString()] << row.at(1).toString();
    return tables;
}

Result<QString> PostgresDatabase::serverVersion()
{
    auto result = query(SqlStatement(dialect(), QStringLiteral("SHOW server_version")));
    if (!result)
        return result.error();
    return QStringLiteral("PostgreSQL ") +
           result->value(0, 0).toString().section(QLatin1Char(' '), 0, 0);
}

} // namespace gh
