// bench_introspect: reading a live PostgreSQL schema of 500 tables and diffing it against the
// Prisma schema that made it (issue 6), beside `pg_dump --schema-only` of the same database.
//
// The database is generated from a Prisma schema of N models (default 500), each with a serial
// primary key, a VARCHAR, a unique TEXT, timestamps, a Float, a Json, an enum with a default, a
// foreign key to the previous model and an index: Gatehouse's own SQL for it (MigrationScript) is
// run once on a fresh database. Then, in a child process of its own (so its peak RSS is its own),
// each run measures:
// - the data model: validate the schema text and compute its SQL schema (SchemaCalculator);
// - introspection: open the database and read its schema from pg_catalog (SchemaIntrospector);
// - the diff of the introspected schema against the computed one (SchemaDiffer), which must be
//   empty: the run fails otherwise;
// beside a plain `pg_dump --schema-only` of the same database to /dev/null, run by the parent in
// the same process run. Peak RSS is VmHWM from /proc: the child's own at its end, pg_dump's
// sampled every 2 ms while it runs.
//
//   bench_introspect [--url URL] [--tables N] [--runs N] [--keep]
//
// URL is a server (its database part is replaced); default GATEHOUSE_BENCH_PG_URL, which
// tests/bench/run-benchmarks.sh sets. --runs: measurements per figure (median; default 3).
// --keep leaves the generated database behind.

#include "core/db/Database.h"
#include "core/migrate/MigrationDiff.h"
#include "core/prisma/SchemaSource.h"
#include "core/sql/MigrationScript.h"
#include "core/sql/SchemaDiffer.h"
#include "core/sql/SchemaIntrospector.h"
#include "core/sql/SqlFlavour.h"
#include "core/url/DatabaseUrl.h"
#include "tests/bench/BenchAuthData.h"
#include "tests/bench/BenchReport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <algorithm>
#include <cstdio>
#include <pqxx/pqxx>

using namespace gh;
using bench::ms;
using bench::ratio;
using bench::row;
using bench::say;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_introspect: %s\n", qPrintable(message));
    std::exit(1);
}

double median(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QString modelName(int index)
{
    return QStringLiteral("Entity%1").arg(index, 4, 10, QLatin1Char('0'));
}

/// A Prisma schema of `tables` models chained by optional relations.
QByteArray generateSchema(int tables)
{
    QString text = QStringLiteral("datasource db {\n  provider = \"postgresql\"\n}\n\n"
                                  "enum Status {\n  ACTIVE\n  INACTIVE\n  BANNED\n}\n");
    for (int i = 0; i < tables; ++i) {
        text += QStringLiteral("\nmodel %1 {\n"
                               "  id        Int      @id @default(autoincrement())\n"
                               "  name      String   @db.VarChar(120)\n"
                               "  email     String   @unique\n"
                               "  createdAt DateTime @default(now())\n"
                               "  updatedAt DateTime @updatedAt\n"
                               "  score     Float?\n"
                               "  payload   Json?\n"
                               "  status    Status   @default(ACTIVE)\n")
                    .arg(modelName(i));
        if (i > 0)
            text += QStringLiteral("  parentId  Int?\n"
                                   "  parent    %1? @relation(fields: [parentId], references: "
                                   "[id], onDelete: Cascade)\n")
                        .arg(modelName(i - 1));
        if (i + 1 < tables)
            text += QStringLiteral("  children  %1[]\n").arg(modelName(i + 1));
        text += QStringLiteral("\n  @@index([createdAt])\n}\n");
    }
    return text.toUtf8();
}

Result<MigrationDiff::Side> computedSchema(const QByteArray &text)
{
    const prisma::SchemaSource source = prisma::SchemaSource::fromFiles(
        {prisma::SourceFile(QStringLiteral("schema.prisma"), text)});
    return MigrationDiff::loadSchema(source, QStringLiteral("public"),
                                     QStringLiteral("schema.prisma"));
}

/// VmHWM of a process, in kB: the peak RSS of its current program only. (getrusage's maxrss
/// also counts the pages a forked child shared with its parent before exec.)
qint64 vmHwmKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

/// Child: the measured runs, printed as "model=.. introspect=.. diff=.. tables=.. rss=..".
int child(const QString &url, int tables, int runs)
{
    const QByteArray text = generateSchema(tables);
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        die(parsed.error().fullText());
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto computed = computedSchema(text);
        if (!computed)
            die(computed.error().fullText());
        const double modelMs = timer.nsecsElapsed() / 1e6;

        timer.restart();
        auto database = Database::open(*parsed);
        if (!database)
            die(database.error().fullText());
        auto live = sql::SchemaIntrospector::introspect(**database);
        if (!live)
            die(live.error().fullText());
        const double introspectMs = timer.nsecsElapsed() / 1e6;
        const int liveTables = int(live->tables().size());

        timer.restart();
        const sql::Migration drift =
            sql::SchemaDiffer::diff(std::move(live.value()), std::move(computed->schema),
                                    *sql::SqlFlavour::forProvider(QStringLiteral("postgresql")));
        const double diffMs = timer.nsecsElapsed() / 1e6;
        if (!drift.isEmpty())
            die(QStringLiteral("the database differs from its schema (%1 steps):\n%2")
                    .arg(drift.steps.size())
                    .arg(sql::MigrationScript::render(drift).left(2000)));
        std::printf("model=%.3f introspect=%.3f diff=%.3f tables=%d rss=%lld\n", modelMs,
                    introspectMs, diffMs, liveTables,
                    static_cast<long long>(vmHwmKb(QCoreApplication::applicationPid())));
        std::fflush(stdout);
    }
    return 0;
}

QString pgDumpProgram()
{
    const QString fromPath = QStandardPaths::findExecutable(QStringLiteral("pg_dump"));
    if (!fromPath.isEmpty())
        return fromPath;
    for (const char *version : {"17", "16", "15"}) {
        const QString path = QStringLiteral("/usr/lib/postgresql/%1/bin/pg_dump").arg(version);
        if (QFileInfo(path).isExecutable())
            return path;
    }
    return QString();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("url"), QStringLiteral("PostgreSQL server URL."), QStringLiteral("URL")});
    parser.addOption(
        {QStringLiteral("tables"), QStringLiteral("Tables (default 500)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per figure (default 3)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("keep"), QStringLiteral("Keep the generated database.")});
    parser.addOption(
        {QStringLiteral("child"), QStringLiteral("(internal)"), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("scale"),
                      QStringLiteral("Accepted for run-benchmarks.sh; "
                                     "multiplies --tables."),
                      QStringLiteral("F")});
    parser.process(app);
    double scale = parser.isSet(QStringLiteral("scale"))
                       ? parser.value(QStringLiteral("scale")).toDouble()
                       : 1.0;
    if (scale <= 0)
        scale = 1.0;
    const int tables = std::max(2, int((parser.isSet(QStringLiteral("tables"))
                                            ? parser.value(QStringLiteral("tables")).toInt()
                                            : 500) *
                                       scale));
    const int runs = std::max(
        1, parser.isSet(QStringLiteral("runs")) ? parser.value(QStringLiteral("runs")).toInt() : 3);
    if (parser.isSet(QStringLiteral("child")))
        return child(parser.value(QStringLiteral("child")), tables, runs);

    const QString server = parser.isSet(QStringLiteral("url"))
                               ? parser.value(QStringLiteral("url"))
                               : qEnvironmentVariable("GATEHOUSE_BENCH_PG_URL");
    if (server.isEmpty())
        die(QStringLiteral("no server: pass --url or set GATEHOUSE_BENCH_PG_URL "
                           "(tests/bench/run-benchmarks.sh does)"));
    const QString pgDump = pgDumpProgram();
    if (pgDump.isEmpty())
        die(QStringLiteral("pg_dump not found"));

    const QString name = QStringLiteral("gh_bench_introspect_%1").arg(tables);
    const QString url = bench::databaseUrl(server, name);
    say(QStringLiteral("== bench_introspect: %1 tables (%2 foreign keys, %3 indexes, 1 enum), %4 "
                       "run(s)")
            .arg(tables)
            .arg(tables - 1)
            .arg(tables * 3)
            .arg(runs));
    try {
        pqxx::connection admin(bench::libpqConninfo(server));
        pqxx::nontransaction tx(admin);
        tx.exec("DROP DATABASE IF EXISTS " + name.toStdString() + " WITH (FORCE)");
        tx.exec("CREATE DATABASE " + name.toStdString());
    } catch (const std::exception &e) {
        die(QString::fromUtf8(e.what()));
    }
    {
        QElapsedTimer timer;
        timer.start();
        auto computed = computedSchema(generateSchema(tables));
        if (!computed)
            die(computed.error().fullText());
        const sql::Migration create =
            sql::SchemaDiffer::diff(sql::SqlSchema(), std::move(computed->schema),
                                    *sql::SqlFlavour::forProvider(QStringLiteral("postgresql")));
        auto database = Database::open(*DatabaseUrl::parse(url));
        if (!database)
            die(database.error().fullText());
        const Status created = (*database)->executeScript(sql::MigrationScript::render(create));
        if (!created)
            die(created.error().fullText());
        say(QStringLiteral("generated the database in %1").arg(ms(timer.nsecsElapsed() / 1e6)));
    }

    QVector<double> dumps;
    qint64 dumpRss = 0;
    for (int run = 0; run < runs; ++run) {
        QProcess dump;
        dump.setStandardOutputFile(QProcess::nullDevice());
        dump.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        dump.start(pgDump,
                   {QStringLiteral("--schema-only"), QStringLiteral("--no-owner"),
                    QStringLiteral("--dbname"), QString::fromStdString(bench::libpqConninfo(url))});
        // Its peak RSS, sampled every 2 ms until it exits (the last sample is near its end).
        if (!dump.waitForStarted())
            die(QStringLiteral("pg_dump did not start"));
        const qint64 pid = dump.processId();
        while (!dump.waitForFinished(2))
            dumpRss = std::max(dumpRss, vmHwmKb(pid));
        dumps << timer.nsecsElapsed() / 1e6;
        if (dump.exitStatus() != QProcess::NormalExit || dump.exitCode() != 0)
            die(QStringLiteral("pg_dump failed"));
    }

    QProcess ours;
    ours.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    ours.start(QCoreApplication::applicationFilePath(),
               {QStringLiteral("--child"), url, QStringLiteral("--tables"), QString::number(tables),
                QStringLiteral("--runs"), QString::number(runs)});
    if (!ours.waitForFinished(1800000) || ours.exitStatus() != QProcess::NormalExit ||
        ours.exitCode() != 0)
        die(QStringLiteral("the measuring child failed"));
    QVector<double> models, introspections, diffs;
    qint64 oursRss = 0;
    int liveTables = 0;
    for (const QByteArray &line : ours.readAllStandardOutput().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QHash<QString, QString> values;
        for (const QByteArray &pair : line.split(' '))
            values.insert(QString::fromLatin1(pair.left(pair.indexOf('='))),
                          QString::fromLatin1(pair.mid(pair.indexOf('=') + 1)));
        models << values.value(QStringLiteral("model")).toDouble();
        introspections << values.value(QStringLiteral("introspect")).toDouble();
        diffs << values.value(QStringLiteral("diff")).toDouble();
        liveTables = values.value(QStringLiteral("tables")).toInt();
        oursRss = std::max(oursRss, values.value(QStringLiteral("rss")).toLongLong());
    }
    if (introspections.isEmpty())
        die(QStringLiteral("no measurement"));

    const double introspect = median(introspections);
    const double diff = median(diffs);
    const double dump = median(dumps);
    const auto perSecond = [&](double milliseconds) {
        return QStringLiteral("%1/s").arg(liveTables / (milliseconds / 1000.0), 0, 'f', 0);
    };
    say(QString());
    row(QStringLiteral("what"), QStringLiteral("ours"), QStringLiteral("baseline"), QString(),
        QStringLiteral("ratio"));
    row(QStringLiteral("introspect %1 tables (connect + pg_catalog)").arg(liveTables),
        ms(introspect), QStringLiteral("pg_dump --schema-only"), ms(dump), ratio(introspect, dump));
    row(QStringLiteral("  tables per second"), perSecond(introspect),
        QStringLiteral("pg_dump --schema-only"), perSecond(dump), QString());
    row(QStringLiteral("introspect + diff against the schema"), ms(introspect + diff),
        QStringLiteral("pg_dump --schema-only"), ms(dump), ratio(introspect + diff, dump));
    row(QStringLiteral("  diff alone (empty, as it must be)"), ms(diff), QString(), QString(),
        QString());
    row(QStringLiteral("  validate + compute the schema's SQL model"), ms(median(models)),
        QString(), QString(), QString());
    row(QStringLiteral("peak RSS (VmHWM: measuring child / pg_dump)"),
        QStringLiteral("%1 MB").arg(oursRss / 1024.0, 0, 'f', 1), QStringLiteral("pg_dump"),
        QStringLiteral("%1 MB").arg(dumpRss / 1024.0, 0, 'f', 1), ratio(oursRss, dumpRss));

    if (!parser.isSet(QStringLiteral("keep"))) {
        try {
            pqxx::connection admin(bench::libpqConninfo(server));
            pqxx::nontransaction tx(admin);
            tx.exec("DROP DATABASE IF EXISTS " + name.toStdString() + " WITH (FORCE)");
        } catch (const std::exception &e) {
            die(QString::fromUtf8(e.what()));
        }
    }
    return 0;
}
