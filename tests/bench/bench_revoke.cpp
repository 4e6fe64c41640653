// bench_revoke: revoking sessions on the inspector benchmark's 1,000,000-session database (issue
// 5).
//
// The database is loaded once through COPY (BenchAuthData, the generator bench_inspector uses)
// into a template; every measurement runs on a fresh copy of it (CREATE DATABASE ... TEMPLATE,
// then CHECKPOINT), in a child process of its own that first reads the table once, so each
// starts from the same rows, the same pages and a warm cache. Printed, each beside a baseline
// measured in the same run:
// - revoking the ~500,000 expired sessions with Revoker (adaptive ctid-range batches) beside one
//   `DELETE ... WHERE expires < now` on the same data (goal: at most 1.5x), and the longest single
//   batch, i.e. the longest any transaction held its row locks (goal: under 250 ms);
// - the preview (exact count, warnings) beside a raw SELECT count(*);
// - revoking every session (createdAt cut-off, then a sweep for moved rows) beside one DELETE;
// - the key-order strategy Revoker falls back to before PostgreSQL 14, on the same expired revoke;
// - the peak RSS of the process that revoked, beside the one that ran the raw DELETE.
//
//   bench_revoke [--url URL] [--scale F] [--sessions N] [--runs N] [--reuse] [--keep]
//                [--no-key-order]
//
// URL is a server (its database part is replaced); default GATEHOUSE_BENCH_PG_URL, which
// tests/bench/run-benchmarks.sh sets. --scale multiplies the default sizes (200,000 users,
// 300,000 accounts, 1,000,000 sessions). --runs: copies measured per figure of the main
// comparison (median; default 3). --reuse keeps a template loaded by an earlier run of the same
// size; --keep leaves the template behind.

#include "core/auth/AuthWorkspace.h"
#include "core/auth/Revoker.h"
#include "core/db/Database.h"
#include "core/url/ProjectOptions.h"
#include "tests/bench/BenchAuthData.h"
#include "tests/bench/BenchReport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <pqxx/pqxx>
#include <unistd.h>

using namespace gh;

namespace {

const char *const kExpiredCutoff = "(statement_timestamp() AT TIME ZONE 'UTC')";

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_revoke: %s\n", qPrintable(message));
    std::exit(1);
}

using bench::ms;
using bench::peakRssKb;
using bench::ratio;
using bench::row;
using bench::say;

double median(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// --- Children: one measurement each, in a process of its own ----------------------------------

/// What a child measured, printed as one line of key=value pairs.
struct Measurement
{
    double ms = 0;
    qint64 rows = 0;
    int batches = 0;
    qint64 longestMs = 0;
    double previewMs = 0;
    qint64 rssKb = 0;
    QString method;

    QString toLine() const
    {
        return QStringLiteral("ms=%1 rows=%2 batches=%3 longest=%4 preview=%5 rss=%6 method=%7")
            .arg(ms, 0, 'f', 3)
            .arg(rows)
            .arg(batches)
            .arg(longestMs)
            .arg(previewMs, 0, 'f', 3)
            .arg(rssKb)
            .arg(QString(method).replace(QLatin1Char(' '), QLatin1Char('_')));
    }
    static Measurement fromLine(const QString &line)
    {
        QHash<QString, QString> v;
        for (const QString &pair : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            v.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        Measurement m;
        m.ms = v.value(QStringLiteral("ms")).toDouble();
        m.rows = v.value(QStringLiteral("rows")).toLongLong();
        m.batches = v.value(QStringLiteral("batches")).toInt();
        m.longestMs = v.value(QStringLiteral("longest")).toLongLong();
        m.previewMs = v.value(QStringLiteral("preview")).toDouble();
        m.rssKb = v.value(QStringLiteral("rss")).toLongLong();
        m.method = v.value(QStringLiteral("method")).replace(QLatin1Char('_'), QLatin1Char(' '));
        return m;
    }
};

/// Reads the Session table once, so that every measurement starts with it in shared buffers.
void warm(pqxx::connection &connection)
{
    pqxx::nontransaction tx(connection);
    tx.exec("SELECT count(*) FROM \"Session\"");
}

/// Child: the raw baseline, one statement through libpqxx.
int childRaw(const QString &url, const QString &what)
{
    pqxx::connection connection(bench::libpqConninfo(url));
    warm(connection);
    Measurement m;
    m.method = QStringLiteral("one DELETE");
    QElapsedTimer timer;
    timer.start();
    pqxx::nontransaction tx(connection);
    if (what == QLatin1String("count")) {
        m.rows = tx.exec(std::string("SELECT count(*) FROM \"Session\" WHERE expires < ") +
                         kExpiredCutoff)[0][0]
                     .as<qint64>();
    } else {
        const std::string where = what == QLatin1String("all")
                                      ? std::string("\"createdAt\" <= ") + kExpiredCutoff
                                      : std::string("expires < ") + kExpiredCutoff;
        m.rows = tx.exec("DELETE FROM \"Session\" WHERE " + where).affected_rows();
    }
    m.ms = timer.nsecsElapsed() / 1e6;
    m.batches = 1;
    m.longestMs = qint64(m.ms);
    m.rssKb = peakRssKb();
    std::printf("%s\n", qPrintable(m.toLine()));
    return 0;
}

/// Child: Gatehouse's revoke, preview then execute, exactly as the GUI and CLI run it.
int childRevoke(const QString &url, const QString &what)
{
    {
        pqxx::connection connection(bench::libpqConninfo(url));
        warm(connection);
    }
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
    const QString auditPath =
        QDir::temp().filePath(QStringLiteral("bench_revoke_audit_%1.jsonl").arg(getpid()));
    Revoker revoker(*connection->database, workspace->schema(), AuditLog(auditPath));

    Measurement m;
    QElapsedTimer timer;
    timer.start();
    auto plan =
        revoker.preview(what == QLatin1String("all") ? RevocationRequest::allSessions()
                                                     : RevocationRequest::expiredSessions());
    if (!plan)
        die(plan.error().fullText());
    m.previewMs = timer.nsecsElapsed() / 1e6;
    RevocationOptions revocation;
    if (what == QLatin1String("keys"))
        revocation.strategy = RevocationOptions::Strategy::KeyOrder;
    timer.restart();
    const RevocationResult result = revoker.execute(*plan, revocation);
    m.ms = timer.nsecsElapsed() / 1e6;
    QFile::remove(auditPath);
    QFile::remove(auditPath + QStringLiteral(".lock"));
    if (!result.completed())
        die(result.error.fullText());
    m.rows = result.rows;
    m.batches = result.batches;
    m.longestMs = result.longestBatchMs;
    m.method = result.method;
    m.rssKb = peakRssKb();
    std::printf("%s\n", qPrintable(m.toLine()));
    return 0;
}

// --- The parent: databases and children ---------------------------------------------------------

class Bench
{
public:
    Bench(QString server, QString templateName)
        : m_server(std::move(server))
        , m_template(std::move(templateName))
    {}

    /// A fresh copy of the template, checkpointed so that the copy's writes do not land in the
    /// measurement; returns its URL.
    QString freshCopy()
    {
        pqxx::connection admin(bench::libpqConninfo(m_server));
        pqxx::nontransaction tx(admin);
        tx.exec("DROP DATABASE IF EXISTS " + copyName() + " WITH (FORCE)");
        tx.exec("CREATE DATABASE " + copyName() + " TEMPLATE " + m_template.toStdString());
        tx.exec("CHECKPOINT");
        return bench::databaseUrl(m_server, QString::fromStdString(copyName()));
    }
    void dropCopy()
    {
        pqxx::connection admin(bench::libpqConninfo(m_server));
        pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + copyName() + " WITH (FORCE)");
    }

    /// One measurement on a fresh copy, in a child process.
    Measurement measure(const QString &mode, const QString &what)
    {
        const QString url = freshCopy();
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {mode, url, what});
        if (!child.waitForFinished(1800000) || child.exitStatus() != QProcess::NormalExit ||
            child.exitCode() != 0)
            die(QStringLiteral("child %1 %2 failed").arg(mode, what));
        dropCopy();
        return Measurement::fromLine(QString::fromLatin1(child.readAllStandardOutput()).trimmed());
    }

private:
    std::string copyName() const { return m_template.toStdString() + "_run"; }

    QString m_server;
    QString m_template;
};

void compare(Bench &bench, int runs, bool keyOrder)
{
    // Revoking the expired half: ours and the raw DELETE alternate, so drift hurts neither.
    QVector<double> ours, raw, previews, counts;
    qint64 longest = 0, oursRows = 0, rawRows = 0, oursRss = 0, rawRss = 0;
    int batches = 0;
    QString method;
    for (int run = 0; run < runs; ++run) {
        for (int i = 0; i < 2; ++i) {
            if ((i == 0) == (run % 2 == 0)) {
                const Measurement m =
                    bench.measure(QStringLiteral("--child-revoke"), QStringLiteral("expired"));
                ours << m.ms;
                previews << m.previewMs;
                longest = std::max(longest, m.longestMs);
                batches = m.batches;
                oursRows = m.rows;
                oursRss = std::max(oursRss, m.rssKb);
                method = m.method;
            } else {
                const Measurement m =
                    bench.measure(QStringLiteral("--child-raw"), QStringLiteral("expired"));
                raw << m.ms;
                rawRows = m.rows;
                rawRss = std::max(rawRss, m.rssKb);
            }
        }
        say(QStringLiteral("  run %1: revoke %2 (%3 batches, longest %4 ms), one DELETE %5")
                .arg(run + 1)
                .arg(ms(ours.constLast()))
                .arg(batches)
                .arg(longest)
                .arg(ms(raw.constLast())));
    }
    const Measurement count = bench.measure(QStringLiteral("--child-raw"), QStringLiteral("count"));
    counts << count.ms;

    say(QString());
    row(QStringLiteral("what"), QStringLiteral("ours"), QStringLiteral("baseline"), QString(),
        QStringLiteral("ratio"), QStringLiteral("goal"));
    row(QStringLiteral("revoke %1 expired sessions").arg(oursRows), ms(median(ours)),
        QStringLiteral("one DELETE (%1 rows)").arg(rawRows), ms(median(raw)),
        ratio(median(ours), median(raw)), QStringLiteral("<= 1.5x"));
    row(QStringLiteral("  longest batch (%1 batches, %2)").arg(batches).arg(method),
        QStringLiteral("%1 ms").arg(longest), QStringLiteral("the one DELETE's transaction"),
        ms(median(raw)), ratio(double(longest), median(raw)), QStringLiteral("< 250 ms"));
    row(QStringLiteral("preview (exact count, warnings)"), ms(median(previews)),
        QStringLiteral("SELECT count(*) WHERE expired"), ms(median(counts)),
        ratio(median(previews), median(counts)));
    row(QStringLiteral("peak RSS of the revoking process"),
        QStringLiteral("%1 MB").arg(oursRss / 1024), QStringLiteral("process running the DELETE"),
        QStringLiteral("%1 MB").arg(rawRss / 1024), ratio(double(oursRss), double(rawRss)));

    const Measurement all = bench.measure(QStringLiteral("--child-revoke"), QStringLiteral("all"));
    const Measurement allRaw = bench.measure(QStringLiteral("--child-raw"), QStringLiteral("all"));
    row(QStringLiteral("revoke all %1 sessions (+ sweep)").arg(all.rows), ms(all.ms),
        QStringLiteral("one DELETE (%1 rows)").arg(allRaw.rows), ms(allRaw.ms),
        ratio(all.ms, allRaw.ms), QStringLiteral("longest batch %1 ms").arg(all.longestMs));

    if (keyOrder) {
        const Measurement keys =
            bench.measure(QStringLiteral("--child-revoke"), QStringLiteral("keys"));
        row(QStringLiteral("expired, key order (PostgreSQL < 14)"), ms(keys.ms),
            QStringLiteral("one DELETE"), ms(median(raw)), ratio(keys.ms, median(raw)),
            QStringLiteral("longest batch %1 ms, %2 batches")
                .arg(keys.longestMs)
                .arg(keys.batches));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    try {
        if (arguments.value(1) == QLatin1String("--child-raw"))
            return childRaw(arguments.value(2), arguments.value(3));
        if (arguments.value(1) == QLatin1String("--child-revoke"))
            return childRevoke(arguments.value(2), arguments.value(3));
    } catch (const std::exception &e) {
        die(QString::fromUtf8(e.what()));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Revoking sessions in batches on a large PostgreSQL database."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("PostgreSQL server URL (default $GATEHOUSE_BENCH_PG_URL)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("scale"),
                      QStringLiteral("Multiply the default sizes, e.g. 0.01."),
                      QStringLiteral("F")});
    parser.addOption({QStringLiteral("sessions"), QStringLiteral("Sessions (default 1000000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("runs"),
                      QStringLiteral("Copies measured for the main comparison (default 3)."),
                      QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("reuse"),
                      QStringLiteral("Reuse a template loaded earlier with the same sizes.")});
    parser.addOption(
        {QStringLiteral("keep"), QStringLiteral("Do not drop the template afterwards.")});
    parser.addOption(
        {QStringLiteral("no-key-order"), QStringLiteral("Skip the (slow) key-order measurement.")});
    parser.process(app);

    const QString server = parser.isSet(QStringLiteral("url"))
                               ? parser.value(QStringLiteral("url"))
                               : qEnvironmentVariable("GATEHOUSE_BENCH_PG_URL");
    if (server.isEmpty())
        die(QStringLiteral("no server: pass --url or run tests/bench/run-benchmarks.sh"));
    bench::AuthDataSizes sizes;
    const double scale = parser.isSet(QStringLiteral("scale"))
                             ? parser.value(QStringLiteral("scale")).toDouble()
                             : 1.0;
    sizes.users = qMax<qint64>(100, qint64(sizes.users * scale));
    sizes.accounts = qMax<qint64>(100, qint64(sizes.accounts * scale));
    sizes.sessions = qMax<qint64>(1000, qint64(sizes.sessions * scale));
    if (parser.isSet(QStringLiteral("sessions")))
        sizes.sessions = parser.value(QStringLiteral("sessions")).toLongLong();
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());

    const QString name = QStringLiteral("gh_bench_revoke_%1_%2_%3")
                             .arg(sizes.users)
                             .arg(sizes.accounts)
                             .arg(sizes.sessions);
    const QString url = bench::databaseUrl(server, name);
    try {
        pqxx::connection admin(bench::libpqConninfo(server));
        pqxx::nontransaction tx(admin);
        const auto settings = tx.exec("SELECT version(), current_setting('shared_buffers')");
        say(QStringLiteral("== bench_revoke: %1 users, %2 accounts, %3 sessions (half expired) on "
                           "%4, shared_buffers %5 ==")
                .arg(sizes.users)
                .arg(sizes.accounts)
                .arg(sizes.sessions)
                .arg(QString::fromStdString(settings[0][0].as<std::string>())
                         .section(QLatin1Char(' '), 0, 1),
                     QString::fromStdString(settings[0][1].as<std::string>())));
        if (parser.isSet(QStringLiteral("reuse")) && bench::authDataLoaded(url, sizes)) {
            say(QStringLiteral("reusing template %1").arg(name));
        } else {
            tx.exec("DROP DATABASE IF EXISTS " + name.toStdString() + " WITH (FORCE)");
            // As bench_inspector creates it: a linguistic collation, as production has.
            tx.exec("CREATE DATABASE " + name.toStdString() +
                    " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
            bench::loadAuthData(url, sizes, QDateTime::currentMSecsSinceEpoch());
            pqxx::connection loaded(bench::libpqConninfo(url));
            pqxx::nontransaction(loaded).exec("VACUUM ANALYZE");
        }
        Bench bench(server, name);
        compare(bench, runs, !parser.isSet(QStringLiteral("no-key-order")));
    } catch (const std::exception &e) {
        die(QString::fromUtf8(e.what()));
    }

    if (!parser.isSet(QStringLiteral("keep")) && !parser.isSet(QStringLiteral("reuse"))) {
        try {
            pqxx::connection admin(bench::libpqConninfo(server));
            pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name.toStdString() +
                                             " WITH (FORCE)");
        } catch (const std::exception &) {
        }
    }
    return 0;
}
