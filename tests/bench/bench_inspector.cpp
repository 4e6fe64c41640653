// bench_inspector: the Auth.js inspector on a large PostgreSQL database (issue 4).
//
// Loads users, accounts and sessions (half expired) through COPY, then prints, each next to a
// raw baseline measured in the same run: the first page of sessions through the query API (and
// through the GUI's table model when it is built), jumping to the end and to 90 % (beside the
// OFFSET query a naive tool would run), finding a user by email prefix, and the peak RSS of a
// process that scrolls through 200,000 session rows; then the provider filter's list (the
// distinct providers of the accounts) beside a raw SELECT DISTINCT.
//
// What the first-page figures count: the query API's, page() alone (it converts no value) and
// then page() with every one of its 1,000 values read; the table model's, from setQuery() to
// the first screen's data, i.e. every role a view's delegate reads for the first 30 rows'
// cells (readFirstScreen()), the model told that 30 rows are shown as a view tells it
// (setViewport()). The raw baseline receives the rows and touches every field.
//
//   bench_inspector [--url URL] [--users N] [--accounts N] [--sessions N] [--scale F]
//                   [--runs N] [--reuse] [--keep] [--first-page]
//
// URL is a server (its database part is replaced); default GATEHOUSE_BENCH_PG_URL, which
// tests/bench/run-benchmarks.sh sets. --scale multiplies the default sizes (200,000 users,
// 300,000 accounts, 1,000,000 sessions), e.g. --scale 0.01 for a quick run. --reuse keeps a
// database loaded by an earlier run of the same size; --keep leaves it behind.
//
// The database is created with an ICU en-US collation, as production databases usually have a
// linguistic (non-C) collation: that is the case where LIKE 'prefix%' cannot use an index.

#include "core/auth/AuthWorkspace.h"
#include "core/url/DatabaseUrl.h"
#include "core/url/ProjectResolver.h"
#include "tests/bench/BenchAuthData.h"
#include "tests/bench/BenchReport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#ifdef GATEHOUSE_BENCH_TABLE_MODEL
#include "ui/inspector/PagedRecordModel.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>
#endif

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <pqxx/pqxx>
#include <sys/resource.h>
#include <time.h>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define GATEHOUSE_BENCH_CALLGRIND 1
#endif

using namespace gh;

namespace {

constexpr int kPage = 200;
constexpr int kScrollRows = 200000;
constexpr int kScanScrollRows = 3000; // rows scrolled in an order no index serves
constexpr int kScreenRows = 30;       // rows a table view shows at once

using Sizes = bench::AuthDataSizes;
using bench::databaseUrl;
using bench::ms;
using bench::peakRssKb;
using bench::ratio;
using bench::row;
using bench::say;
using bench::userEmail;

// --- Output ---------------------------------------------------------------------------------

/// Median of `runs` timings after one warm-up, in milliseconds.
double timeMedian(int runs, const std::function<void()> &work)
{
    work();
    QVector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        samples << timer.nsecsElapsed() / 1e6;
    }
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

/// Wall-clock time and the process's CPU time (every thread: the GUI's and the workers', not
/// the server's) of one run, in milliseconds.
struct Sample
{
    double wall = 0;
    double cpu = 0;
};

class Stopwatch
{
public:
    Stopwatch()
        : m_cpu(processCpuNs())
    {
        m_timer.start();
    }
    Sample elapsed() const
    {
        return {m_timer.nsecsElapsed() / 1e6, (processCpuNs() - m_cpu) / 1e6};
    }

private:
    static qint64 processCpuNs()
    {
        timespec now{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    }
    QElapsedTimer m_timer;
    qint64 m_cpu;
};

/// Medians of ours and the baseline: wall-clock and client CPU.
struct Timings
{
    double ours = 0;
    double baseline = 0;
    double oursCpu = 0;
    double baselineCpu = 0;
};

/// Medians of two pieces of work timed in alternation, so that drift in the machine's load
/// (other processes, caches warming) falls on both alike. Each times itself (Stopwatch): what
/// it does after the moment measured (closing a connection, a view's background work once its
/// first page is in) stays outside the figure and never overlaps the other side's run.
Timings timePairSelf(int runs, const std::function<Sample()> &ours,
                     const std::function<Sample()> &baseline)
{
    ours();
    baseline();
    QVector<double> a, b, aCpu, bCpu;
    for (int i = 0; i < runs; ++i) {
        const Sample x = ours();
        const Sample y = baseline();
        a << x.wall;
        aCpu << x.cpu;
        b << y.wall;
        bCpu << y.cpu;
    }
    auto median = [](QVector<double> &v) {
        std::sort(v.begin(), v.end());
        return v.at(v.size() / 2);
    };
    return {median(a), median(b), median(aCpu), median(bCpu)};
}

/// timePairSelf() for work that is all measured: wall-clock medians.
QPair<double, double> timePair(int runs, const std::function<void()> &ours,
                               const std::function<void()> &baseline)
{
    auto timed = [](const std::function<void()> &work) {
        return [&work] {
            const Stopwatch watch;
            work();
            return watch.elapsed();
        };
    };
    const Timings t = timePairSelf(runs, timed(ours), timed(baseline));
    return {t.ours, t.baseline};
}

/// The CPU line printed under a first-page figure.
void cpuRow(const Timings &t)
{
    row(QStringLiteral("  client CPU (process, all threads)"), ms(t.oursCpu),
        QStringLiteral("raw client CPU"), ms(t.baselineCpu), ratio(t.oursCpu, t.baselineCpu));
}

/// Under callgrind (`valgrind --tool=callgrind`), a figure's timed window alone: its cost so far
/// is zeroed as it starts, and dumped, every thread's together, as it ends (one dump per run,
/// named after the figure). Instruction counts do not swing with the machine's load as the
/// wall clock does. Outside valgrind these are a few no-op instructions.
void callgrindWindowStart()
{
#ifdef GATEHOUSE_BENCH_CALLGRIND
    CALLGRIND_ZERO_STATS;
#endif
}

void callgrindWindowEnd(const char *figure)
{
#ifdef GATEHOUSE_BENCH_CALLGRIND
    CALLGRIND_DUMP_STATS_AT(figure);
#else
    Q_UNUSED(figure)
#endif
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_inspector: %s\n", qPrintable(message));
    std::exit(1);
}

// --- URLs and connections --------------------------------------------------------------------

std::string conninfo(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        die(parsed.error().fullText());
    return parsed->libpqConnectionString().toStdString();
}

AuthConnection openAuth(const QString &url, std::optional<AuthWorkspace> *workspaceOut = nullptr)
{
    ProjectOptions options;
    options.urlOverride = url;
    options.workingDirectory = QDir::tempPath();
    options.environment = QProcessEnvironment();
    auto workspace = AuthWorkspace::open(options);
    if (!workspace)
        die(workspace.error().fullText());
    auto connection = workspace->connect();
    if (!connection)
        die(connection.error().fullText());
    if (workspaceOut)
        *workspaceOut = *workspace;
    return std::move(connection.value());
}

/// The raw baseline: libpq through libpqxx, every field touched, nothing converted. Through
/// the iterators' operator-> (as PostgresDatabase reads results): range-for would copy a
/// pqxx::field, and with it the result's shared pointers, per cell.
size_t rawQuery(pqxx::connection &connection, const std::string &sql)
{
    pqxx::nontransaction tx(connection);
    const pqxx::result result = tx.exec(sql);
    size_t bytes = 0;
    for (auto row = result.begin(), lastRow = result.end(); row != lastRow; ++row) {
        for (auto field = row->begin(), lastField = row->end(); field != lastField; ++field)
            bytes += field->is_null() ? 0 : std::strlen(field->c_str());
    }
    return bytes;
}

// --- Peak memory, each in a process of its own -------------------------------------------------

/// Child: scrolls `rows` session rows through the query API, page after page, as a table view
/// scrolled to the bottom would have them read; prints the process's peak RSS in kB.
int childScrollApi(const QString &url, int rows)
{
    AuthConnection connection = openAuth(url);
    RecordQuery query;
    query.model = AuthModelKind::Session;
    RecordPosition after;
    int seen = 0;
    do {
        auto page = connection.queries->page(query, kPage, PageDirection::Forward, after);
        if (!page)
            die(page.error().fullText());
        seen += page->rows.size();
        if (page->atEnd)
            break;
        after = page->lastPosition();
    } while (seen < rows);
    std::printf("%lld %d\n", static_cast<long long>(peakRssKb()), seen);
    return 0;
}

#ifdef GATEHOUSE_BENCH_TABLE_MODEL
/// Runs the GUI thread's event loop until `done` (or 30 s), asleep between events as a window's
/// loop is. Not processEvents(flags, ms): that overload drops WaitForMoreEvents and spins,
/// which kept a core busy beside the worker thread and the server it waited for.
void waitUntil(const std::function<bool()> &done)
{
    QElapsedTimer timer;
    timer.start();
    QTimer tick; // wakes the loop now and then to look at the clock
    tick.start(1000);
    while (!done() && timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

/// What a table view asks of its model to paint its first screen: for each cell of the first
/// kScreenRows rows, the roles Qt 6's QStyledItemDelegate::initStyleOption() reads, in one
/// multiData() call as it does. Cells convert from the query's result when first read, so a
/// first-page figure without this would leave the conversion of what is shown out of the timer.
/// Returns the characters displayed.
int readFirstScreen(const QAbstractItemModel &model)
{
    int shown = 0;
    const int rows = qMin(kScreenRows, model.rowCount());
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            QModelRoleData roles[] = {
                QModelRoleData(Qt::FontRole),       QModelRoleData(Qt::TextAlignmentRole),
                QModelRoleData(Qt::ForegroundRole), QModelRoleData(Qt::CheckStateRole),
                QModelRoleData(Qt::DecorationRole), QModelRoleData(Qt::DisplayRole),
                QModelRoleData(Qt::BackgroundRole)};
            model.multiData(model.index(r, c), roles);
            shown += int(roles[5].data().toString().size());
        }
    }
    return shown;
}

/// Waits until the model has no page request in flight (or 30 s).
void settle(ui::PagedRecordModel &model)
{
    waitUntil([&model] { return !model.isLoading() && model.hasLoaded(); });
}

/// Waits (untimed) for the row estimate a view reads after its first page, so that this
/// background query does not run beside the next measurement.
void settleEstimate(ui::PagedRecordModel &model)
{
    waitUntil([&model] { return model.isTotalKnown() || model.error().isError(); });
}

/// Child: scrolls the GUI's table model (offscreen) over `rows` rows, 40 visible at a time.
int childScrollModel(const QString &url, int rows)
{
    std::optional<AuthWorkspace> workspace;
    openAuth(url, &workspace);
    ui::PagedRecordModel model(*workspace, AuthModelKind::Session);
    model.activate();
    settle(model);
    int first = 0;
    for (; first < rows && first + 40 <= model.rowCount(); first += 40) {
        model.setViewport(first, first + 39);
        for (int r = first; r < first + 40; ++r)
            model.data(model.index(r, 0));
        settle(model);
    }
    std::printf("%lld %d\n", static_cast<long long>(peakRssKb()), first);
    return 0;
}
#endif

/// Child: connects and reads one page; the memory every run starts from.
int childBaseline(const QString &url)
{
    AuthConnection connection = openAuth(url);
    RecordQuery query;
    query.model = AuthModelKind::Session;
    if (!connection.queries->page(query, kPage))
        die(QStringLiteral("first page failed"));
    std::printf("%lld 0\n", static_cast<long long>(peakRssKb()));
    return 0;
}

QPair<qint64, int> runChild(const QStringList &arguments)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForFinished(600000) || child.exitCode() != 0)
        die(QStringLiteral("child %1 failed").arg(arguments.join(QLatin1Char(' '))));
    const QStringList out =
        QString::fromLatin1(child.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
    return {out.value(0).toLongLong(), out.value(1).toInt()};
}

// --- The measurements ------------------------------------------------------------------------

void measure(const QString &url, const Sizes &sizes, int runs, bool firstPageOnly)
{
    AuthConnection auth = openAuth(url);
    const AuthQueries &q = *auth.queries;
    pqxx::connection raw(conninfo(url));
    const std::string sessionColumns =
        "\"sessionToken\", \"userId\", expires, \"createdAt\", \"updatedAt\"";

    RecordQuery sessions;
    sessions.model = AuthModelKind::Session;

    say(QString());
    row(QStringLiteral("measure (median of %1 runs)").arg(runs), QStringLiteral("gatehouse"),
        QStringLiteral("baseline"), QStringLiteral("time"), QStringLiteral("ratio"),
        QStringLiteral("goal"));
    row(QString(44, QLatin1Char('-')), QString(11, QLatin1Char('-')), QString(34, QLatin1Char('-')),
        QString(11, QLatin1Char('-')), QString(9, QLatin1Char('-')));

    // The baseline of both query-API rows: the same page through libpq, no Gatehouse in between.
    const auto rawFirstPage = [&] {
        const Stopwatch watch;
        rawQuery(raw, "SELECT " + sessionColumns +
                          " FROM \"Session\" ORDER BY \"sessionToken\" LIMIT 200");
        return watch.elapsed();
    };
    // First page. page() converts no cell (RecordRows converts one when it is read): this
    // figure is the query and the page around its result; the next reads every cell too.
    const Timings first = timePairSelf(
        runs,
        [&] {
            const Stopwatch watch;
            if (!q.page(sessions, kPage))
                die(QStringLiteral("page failed"));
            return watch.elapsed();
        },
        rawFirstPage);
    row(QStringLiteral("first page of sessions, query API"), ms(first.ours),
        QStringLiteral("raw libpq ORDER BY key LIMIT 200"), ms(first.baseline),
        ratio(first.ours, first.baseline), QStringLiteral("≤ 1.5x"));
    cpuRow(first);
    const Timings everyCell = timePairSelf(
        runs,
        [&] {
            const Stopwatch watch;
            auto page = q.page(sessions, kPage);
            if (!page)
                die(QStringLiteral("page failed"));
            int valid = 0;
            for (int r = 0; r < page->rowCount(); ++r) {
                for (int c = 0; c < page->fields.size(); ++c)
                    valid += page->value(r, c).isValid();
            }
            if (valid == 0)
                die(QStringLiteral("the page has no values"));
            return watch.elapsed();
        },
        rawFirstPage);
    row(QStringLiteral("  the same, every cell read (1,000 values)"), ms(everyCell.ours),
        QStringLiteral("raw libpq ORDER BY key LIMIT 200"), ms(everyCell.baseline),
        ratio(everyCell.ours, everyCell.baseline));
    cpuRow(everyCell);

#ifdef GATEHOUSE_BENCH_TABLE_MODEL
    {
        std::optional<AuthWorkspace> workspace;
        openAuth(url, &workspace);
        // Opening a view: a new model, its worker threads and connection, up to the first page
        // on screen. The view's later work (the row estimate) and closing either side's
        // connection are not part of opening: both wait outside the timer.
        const Timings opened = timePairSelf(
            runs, // a connection costs milliseconds: as many runs as the rest, for a steady median
            [&] {
                const Stopwatch watch;
                ui::PagedRecordModel model(*workspace, AuthModelKind::Session);
                model.setViewport(0, kScreenRows - 1); // as a view reports what it shows
                model.activate();
                settle(model);
                if (model.rowCount() == 0 || !model.isRowLoaded(0))
                    die(QStringLiteral("the table model loaded nothing"));
                readFirstScreen(model);
                const Sample elapsed = watch.elapsed();
                settleEstimate(model);
                return elapsed;
            },
            [&] {
                const Stopwatch watch;
                pqxx::connection fresh(conninfo(url));
                rawQuery(fresh, "SELECT " + sessionColumns +
                                    " FROM \"Session\" ORDER BY \"sessionToken\" LIMIT 200");
                return watch.elapsed();
            });
        row(QStringLiteral("open the sessions view, table model"), ms(opened.ours),
            QStringLiteral("raw connect + LIMIT 200"), ms(opened.baseline),
            ratio(opened.ours, opened.baseline));
        // A new order or filter in an open view: the first page of the new query. Both sides
        // alternate between ascending and descending order.
        ui::PagedRecordModel model(*workspace, AuthModelKind::Session);
        model.setViewport(0, kScreenRows - 1);
        model.activate();
        settle(model);
        settleEstimate(model);
        bool descending = false;
        bool rawDescending = false;
        const Timings requery = timePairSelf(
            runs,
            [&] {
                RecordQuery query = sessions;
                descending = !descending;
                query.sortOrder = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
                callgrindWindowStart();
                const Stopwatch watch;
                model.setQuery(query);
                settle(model);
                if (!model.isRowLoaded(kScreenRows - 1))
                    die(QStringLiteral("the table model loaded nothing"));
                readFirstScreen(model);
                const Sample elapsed = watch.elapsed();
                callgrindWindowEnd("first page of sessions, table model");
                settleEstimate(model);
                return elapsed;
            },
            [&] {
                rawDescending = !rawDescending;
                const Stopwatch watch;
                rawQuery(raw, "SELECT " + sessionColumns +
                                  " FROM \"Session\" ORDER BY \"sessionToken\"" +
                                  (rawDescending ? " DESC" : "") + " LIMIT 200");
                return watch.elapsed();
            });
        row(QStringLiteral("first page of sessions, table model"), ms(requery.ours),
            QStringLiteral("raw libpq ORDER BY key LIMIT 200"), ms(requery.baseline),
            ratio(requery.ours, requery.baseline), QStringLiteral("≤ 1.5x"));
        cpuRow(requery);
        if (firstPageOnly)
            return;

        // Scrolling an order no index serves (active sessions by expires): each page the model
        // reads is a scan of the table, beside raw keyset pages of 200 over the same rows.
        RecordQuery byExpiry = sessions;
        byExpiry.sortField = QStringLiteral("expires");
        byExpiry.expiry = ExpiryFilter::Active;
        QElapsedTimer scrollTimer;
        scrollTimer.start();
        model.setQuery(byExpiry);
        settle(model);
        int scrolled = 0;
        for (; scrolled < kScanScrollRows && scrolled + 40 <= model.rowCount(); scrolled += 40) {
            model.setViewport(scrolled, scrolled + 39);
            for (int r = scrolled; r < scrolled + 40; ++r)
                model.data(model.index(r, 0));
            settle(model);
        }
        const double scrollModel = scrollTimer.nsecsElapsed() / 1e6;
        scrollTimer.restart();
        std::string after;
        for (int read = 0; read < scrolled; read += kPage) {
            pqxx::nontransaction tx(raw);
            const pqxx::result page = tx.exec(
                "SELECT " + sessionColumns +
                " FROM \"Session\" WHERE expires >= now() AT TIME ZONE 'UTC'" + after +
                " ORDER BY expires, \"sessionToken\" LIMIT " + std::to_string(kPage));
            if (page.empty())
                break;
            const auto last = page[page.size() - 1];
            after = " AND (expires, \"sessionToken\") > (" + tx.quote(last[2].c_str()) +
                    "::timestamp, " + tx.quote(last[0].c_str()) + ")";
        }
        const double scrollRaw = scrollTimer.nsecsElapsed() / 1e6;
        row(QStringLiteral("scroll %1 active sessions by expires, table model").arg(scrolled),
            ms(scrollModel), QStringLiteral("raw keyset pages of 200 (1 run each)"), ms(scrollRaw),
            ratio(scrollModel, scrollRaw));
    }
#else
    row(QStringLiteral("first page of sessions, table model"), QStringLiteral("n/a"),
        QStringLiteral("(gatehouse_ui's PagedRecordModel not built)"), QString(), QString());
    if (firstPageOnly)
        return;
#endif

    // Jump to the end and to 90 %.
    const qint64 total = sizes.sessions;
    const auto [endApi, endKeyset] = timePair(
        runs,
        [&] {
            if (!q.lastPage(sessions, kPage))
                die(QStringLiteral("last page failed"));
        },
        [&] {
            rawQuery(raw, "SELECT " + sessionColumns +
                              " FROM \"Session\" ORDER BY \"sessionToken\" DESC LIMIT 200");
        });
    const double endOffset = timeMedian(qMin(runs, 5), [&] {
        rawQuery(raw, "SELECT " + sessionColumns +
                          " FROM \"Session\" ORDER BY \"sessionToken\" LIMIT 200 OFFSET " +
                          std::to_string(total - kPage));
    });
    row(QStringLiteral("jump to the end, query API"), ms(endApi),
        QStringLiteral("raw OFFSET %1").arg(total - kPage), ms(endOffset), ratio(endApi, endOffset),
        QStringLiteral("< 50 ms"));
    row(QString(), QString(), QStringLiteral("raw ORDER BY key DESC LIMIT 200"), ms(endKeyset),
        ratio(endApi, endKeyset));

    const qint64 ninety = total * 9 / 10;
    double landed = 0;
    const double seekApi = timeMedian(runs, [&] {
        auto page = q.seek(sessions, 0.9, kPage);
        if (!page)
            die(page.error().fullText());
        landed = page->startFraction;
    });
    const double seekOffset = timeMedian(qMin(runs, 5), [&] {
        rawQuery(raw, "SELECT " + sessionColumns +
                          " FROM \"Session\" ORDER BY \"sessionToken\" LIMIT 200 OFFSET " +
                          std::to_string(ninety));
    });
    row(QStringLiteral("jump to 90 %, query API (landed %1 %)").arg(landed * 100, 0, 'f', 1),
        ms(seekApi), QStringLiteral("raw OFFSET %1").arg(ninety), ms(seekOffset),
        ratio(seekApi, seekOffset), QStringLiteral("< 50 ms"));

    // The same jumps in a filtered, non-key order (active sessions by expiry: no index on it).
    RecordQuery active = sessions;
    active.sortField = QStringLiteral("expires");
    active.expiry = ExpiryFilter::Active;
    const std::string activeSql = "SELECT " + sessionColumns +
                                  " FROM \"Session\" WHERE expires >= now() AT TIME ZONE 'UTC'"
                                  " ORDER BY expires, \"sessionToken\" LIMIT 200";
    const auto [activeApi, activeRaw] = timePair(
        runs,
        [&] {
            if (!q.page(active, kPage))
                die(QStringLiteral("active page failed"));
        },
        [&] { rawQuery(raw, activeSql); });
    row(QStringLiteral("active sessions by expires (no index), page 1"), ms(activeApi),
        QStringLiteral("raw same query"), ms(activeRaw), ratio(activeApi, activeRaw));
    const double activeSeek = timeMedian(qMin(runs, 5), [&] {
        if (!q.seek(active, 0.9, kPage))
            die(QStringLiteral("active seek failed"));
    });
    row(QStringLiteral("  same, jump to 90 % (TABLESAMPLE)"), ms(activeSeek),
        QStringLiteral("raw same query (page 1)"), ms(activeRaw), ratio(activeSeek, activeRaw));

    // Email prefix.
    for (const QString &prefix :
         {QStringLiteral("user12345"), QStringLiteral("First.Last1234"), QStringLiteral("user1")}) {
        RecordQuery users;
        users.model = AuthModelKind::User;
        users.search = prefix;
        users.searchField = QStringLiteral("email");
        int found = 0;
        const double api = timeMedian(runs, [&] {
            auto page = q.page(users, kPage);
            if (!page)
                die(page.error().fullText());
            found = page->rows.size();
        });
        const std::string quoted = raw.quote(prefix.toStdString() + "%");
        const double like = timeMedian(qMin(runs, 5), [&] {
            rawQuery(raw, "SELECT * FROM \"User\" WHERE email LIKE " + quoted +
                              " ORDER BY id LIMIT 200");
        });
        row(QStringLiteral("user by email prefix \"%1\" (%2 rows)").arg(prefix).arg(found), ms(api),
            QStringLiteral("raw LIKE 'prefix%' (ICU: no index)"), ms(like), ratio(api, like),
            QStringLiteral("< 20 ms"));
    }
    const std::string pictureEmail = userEmail(sizes.users * 3 / 4 / 11 * 11 + 1);
    std::string pictureId;
    {
        pqxx::nontransaction tx(raw);
        pictureId =
            tx.exec("SELECT id FROM \"User\" WHERE email = " + raw.quote(pictureEmail))[0][0]
                .as<std::string>();
    }
    // Prisma's Auth.js schema has no index on Account.userId or Session.userId: both are scans.
    const auto [picture, pictureRaw] = timePair(
        qMin(runs, 5),
        [&] {
            if (!q.userPicture(QString::fromStdString(pictureEmail)))
                die(QStringLiteral("user picture failed"));
        },
        [&] {
            const std::string id = raw.quote(pictureId);
            const std::string email = raw.quote(pictureEmail);
            rawQuery(raw, "SELECT * FROM \"User\" WHERE id = " + email);
            rawQuery(raw, "SELECT * FROM \"User\" WHERE email = " + email);
            rawQuery(raw, "SELECT * FROM \"Account\" WHERE \"userId\" = " + id +
                              " ORDER BY provider, \"providerAccountId\" LIMIT 201");
            rawQuery(raw, "SELECT * FROM \"Session\" WHERE \"userId\" = " + id +
                              " ORDER BY expires DESC, \"sessionToken\" DESC LIMIT 201");
            rawQuery(raw,
                     "SELECT * FROM \"Authenticator\" WHERE \"userID\" = " + id + " LIMIT 201");
            rawQuery(raw, "SELECT * FROM \"VerificationToken\" WHERE identifier = " + email +
                              " ORDER BY expires DESC LIMIT 201");
        });
    row(QStringLiteral("a user's whole picture (6 queries)"), ms(picture),
        QStringLiteral("raw same 6 queries (no userId index)"), ms(pictureRaw),
        ratio(picture, pictureRaw));

    // Counts.
    const double estimate = timeMedian(runs, [&] {
        if (!q.estimateCount(sessions))
            die(QStringLiteral("estimate failed"));
    });
    const double exactCount =
        timeMedian(qMin(runs, 3), [&] { rawQuery(raw, "SELECT count(*) FROM \"Session\""); });
    row(QStringLiteral("row count shown on open (estimate)"), ms(estimate),
        QStringLiteral("raw count(*)"), ms(exactCount), ratio(estimate, exactCount));

    // Memory, each in a fresh process.
    const auto base = runChild({QStringLiteral("--child-baseline"), url});
    const auto scrolled =
        runChild({QStringLiteral("--child-scroll-api"), url, QString::number(kScrollRows)});
    row(QStringLiteral("peak RSS after %1 session rows, query API").arg(scrolled.second),
        QStringLiteral("%1 MB").arg(scrolled.first / 1024.0, 0, 'f', 1),
        QStringLiteral("connect + first page"),
        QStringLiteral("%1 MB").arg(base.first / 1024.0, 0, 'f', 1),
        ratio(scrolled.first, base.first), QStringLiteral("< 150 MB"));
#ifdef GATEHOUSE_BENCH_TABLE_MODEL
    const auto model =
        runChild({QStringLiteral("--child-scroll-model"), url, QString::number(kScrollRows)});
    row(QStringLiteral("peak RSS after %1 session rows, table model").arg(model.second),
        QStringLiteral("%1 MB").arg(model.first / 1024.0, 0, 'f', 1),
        QStringLiteral("connect + first page"),
        QStringLiteral("%1 MB").arg(base.first / 1024.0, 0, 'f', 1), ratio(model.first, base.first),
        QStringLiteral("< 150 MB"));
#endif
}

// --- The provider filter's list -----------------------------------------------------------------

/// The distinct providers of the accounts, as the accounts view's provider box loads them: the
/// loose index scan of AuthQueries::distinctValues() beside a raw SELECT DISTINCT (which reads
/// every account) and the same loose scan sent raw through libpq.
void measureProviders(const QString &url, int runs)
{
    AuthConnection auth = openAuth(url);
    const AuthQueries &q = *auth.queries;
    pqxx::connection raw(conninfo(url));
    QStringList providers;
    const auto [ours, distinct] = timePair(
        runs,
        [&] {
            auto values = q.distinctValues(AuthModelKind::Account, QStringLiteral("provider"));
            if (!values)
                die(values.error().fullText());
            providers = *values;
        },
        [&] { rawQuery(raw, "SELECT DISTINCT provider FROM \"Account\" ORDER BY provider"); });
    const double rawSkip = timeMedian(runs, [&] {
        rawQuery(raw, "WITH RECURSIVE skip(v) AS (SELECT (SELECT provider FROM \"Account\" WHERE "
                      "provider IS NOT NULL ORDER BY provider LIMIT 1) UNION ALL SELECT (SELECT "
                      "provider FROM \"Account\" WHERE provider > skip.v ORDER BY provider LIMIT "
                      "1) FROM skip WHERE skip.v IS NOT NULL) SELECT v FROM skip WHERE v IS NOT "
                      "NULL LIMIT 1000");
    });
    row(QStringLiteral("providers list (%1), loose index scan").arg(providers.size()), ms(ours),
        QStringLiteral("raw SELECT DISTINCT provider"), ms(distinct), ratio(ours, distinct));
    row(QStringLiteral("providers list, loose index scan"), ms(ours),
        QStringLiteral("raw libpq, same recursive query"), ms(rawSkip), ratio(ours, rawSkip));
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef GATEHOUSE_BENCH_TABLE_MODEL
    // The table model lives in the GUI library: run it offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = QDir::tempPath() + QStringLiteral("/gatehouse-bench-runtime");
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
    }
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    const QStringList arguments = app.arguments();
    if (arguments.value(1) == QLatin1String("--child-baseline"))
        return childBaseline(arguments.value(2));
    if (arguments.value(1) == QLatin1String("--child-scroll-api"))
        return childScrollApi(arguments.value(2), arguments.value(3).toInt());
#ifdef GATEHOUSE_BENCH_TABLE_MODEL
    if (arguments.value(1) == QLatin1String("--child-scroll-model"))
        return childScrollModel(arguments.value(2), arguments.value(3).toInt());
#endif

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The Auth.js inspector on a large PostgreSQL database."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("PostgreSQL server URL (default $GATEHOUSE_BENCH_PG_URL)."),
                      QStringLiteral("URL")});
    parser.addOption(
        {QStringLiteral("users"), QStringLiteral("Users (default 200000)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("accounts"), QStringLiteral("Accounts (default 300000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("sessions"), QStringLiteral("Sessions (default 1000000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("scale"),
                      QStringLiteral("Multiply the default sizes, e.g. 0.01."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Timed runs per figure (default 15)."),
                      QStringLiteral("N"), QStringLiteral("15")});
    parser.addOption({QStringLiteral("reuse"),
                      QStringLiteral("Reuse a database loaded earlier with the same sizes.")});
    parser.addOption(
        {QStringLiteral("keep"), QStringLiteral("Do not drop the database afterwards.")});
    parser.addOption({QStringLiteral("first-page"),
                      QStringLiteral("Only the first-page figures (query API, table model).")});
    parser.process(app);

    const QString server = parser.isSet(QStringLiteral("url"))
                               ? parser.value(QStringLiteral("url"))
                               : qEnvironmentVariable("GATEHOUSE_BENCH_PG_URL");
    if (server.isEmpty())
        die(QStringLiteral("no server: pass --url or run tests/bench/run-benchmarks.sh"));
    Sizes sizes;
    const double scale = parser.isSet(QStringLiteral("scale"))
                             ? parser.value(QStringLiteral("scale")).toDouble()
                             : 1.0;
    sizes.users = qMax<qint64>(100, qint64(sizes.users * scale));
    sizes.accounts = qMax<qint64>(100, qint64(sizes.accounts * scale));
    sizes.sessions = qMax<qint64>(1000, qint64(sizes.sessions * scale));
    if (parser.isSet(QStringLiteral("users")))
        sizes.users = parser.value(QStringLiteral("users")).toLongLong();
    if (parser.isSet(QStringLiteral("accounts")))
        sizes.accounts = parser.value(QStringLiteral("accounts")).toLongLong();
    if (parser.isSet(QStringLiteral("sessions")))
        sizes.sessions = parser.value(QStringLiteral("sessions")).toLongLong();
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());

    const QString name = QStringLiteral("gh_bench_inspector_%1_%2_%3")
                             .arg(sizes.users)
                             .arg(sizes.accounts)
                             .arg(sizes.sessions);
    const QString url = databaseUrl(server, name);
    try {
        pqxx::connection admin(conninfo(server));
        say(QStringLiteral(
                "== bench_inspector: %1 users, %2 accounts, %3 sessions (half expired) on %4 ==")
                .arg(sizes.users)
                .arg(sizes.accounts)
                .arg(sizes.sessions)
                .arg(QString::fromStdString(pqxx::nontransaction(admin)
                                                .exec("SELECT version()")[0][0]
                                                .as<std::string>())
                         .section(QLatin1Char(' '), 0, 1)));
        if (parser.isSet(QStringLiteral("reuse")) && bench::authDataLoaded(url, sizes)) {
            say(QStringLiteral("reusing database %1").arg(name));
        } else {
            pqxx::nontransaction tx(admin);
            tx.exec("DROP DATABASE IF EXISTS " + name.toStdString() + " WITH (FORCE)");
            tx.exec("CREATE DATABASE " + name.toStdString() +
                    " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
            bench::loadAuthData(url, sizes, QDateTime::currentMSecsSinceEpoch());
        }
    } catch (const std::exception &e) {
        die(QString::fromUtf8(e.what()));
    }

    measure(url, sizes, runs, parser.isSet(QStringLiteral("first-page")));
    measureProviders(url, runs);

    if (!parser.isSet(QStringLiteral("keep")) && !parser.isSet(QStringLiteral("reuse"))) {
        try {
            pqxx::connection admin(conninfo(server));
            pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name.toStdString() +
                                             " WITH (FORCE)");
        } catch (const std::exception &) {
        }
    }
    return 0;
}
