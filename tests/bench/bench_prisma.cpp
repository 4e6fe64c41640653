// bench_prisma: the Prisma schema language on a generated schema of N models (default 2,000,
// about 30,000 lines). Prints, for lexing, parsing, parse + validate and formatting, the median
// time next to a raw baseline measured in the same run — decoding the file's bytes to a QString
// (QString::fromUtf8), the floor any tool that reads text pays — plus the file size and the
// process's peak RSS. Beside each wall-clock median, the median CPU time of the thread: on a
// shared machine the wall clock includes waiting for a core, the CPU time does not.
//
// Two more rows split the goals' figures: validation and formatting of a schema parsed
// beforehand, i.e. the work after the parse. One more gives the first parse + validate of the
// process, before the parser's recycled pools and the allocator's free lists are warm (what a
// CLI run pays); it is one run, not a median. `--only PHASE` (lex, parse, validate, validated,
// format, formatted) runs just that figure, for a profiler.
//
//   bench_prisma [--models N] [--runs R] [--only PHASE]

#include "core/prisma/Formatter.h"
#include "core/prisma/Lexer.h"
#include "core/prisma/Parser.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/Validator.h"
#include "tests/bench/BenchReport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <time.h>
#include <vector>

namespace {

using namespace gh::prisma;

// A realistic schema: every model has an id, scalars of each kind, @map/@@map names, an enum,
// a relation to the previous model with its back-relation, a unique, an index and comments.
QByteArray generateSchema(int models)
{
    QByteArray s;
    s += "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
         "generator client {\n  provider = \"prisma-client-js\"\n}\n\n"
         "enum Status {\n  ACTIVE\n  SUSPENDED @map(\"suspended\")\n  DELETED\n}\n";
    for (int i = 0; i < models; ++i) {
        const QByteArray name = "Model" + QByteArray::number(i);
        s += "\n/// Documentation of " + name + ".\nmodel " + name + " {\n";
        s += "  id          String    @id @default(cuid())\n";
        s += "  email       String    @unique @db.VarChar(320)\n";
        s += "  displayName String?   @map(\"display_name\")\n";
        s += "  counter     Int       @default(0)\n";
        s += "  score       Float?\n";
        s += "  active      Boolean   @default(true)\n";
        s += "  status      Status    @default(ACTIVE)\n";
        s += "  createdAt   DateTime  @default(now()) @map(\"created_at\")\n";
        s += "  updatedAt   DateTime  @updatedAt @map(\"updated_at\") // touched by Prisma\n";
        if (i > 0) {
            const QByteArray parent = "Model" + QByteArray::number(i - 1);
            s += "  parentId    String    @map(\"parent_id\")\n";
            s += "  parent      " + parent +
                 " @relation(fields: [parentId], references: [id], onDelete: Cascade)\n";
        }
        if (i + 1 < models)
            s += "  children    Model" + QByteArray::number(i + 1) + "[]\n";
        s += "\n  @@index([createdAt(sort: Desc), status])\n";
        s += "  @@map(\"model_" + QByteArray::number(i) + "\")\n}\n";
    }
    return s;
}

struct Timing
{
    double wall; // median wall-clock time, ms
    double cpu;  // median CPU time of this thread, ms
};

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

Timing medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times, cpuTimes;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        work();
        times.push_back(timer.nsecsElapsed() / 1e6);
        cpuTimes.push_back(threadCpuMs() - cpuStart);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    return {times[times.size() / 2], cpuTimes[cpuTimes.size() / 2]};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("models"), QStringLiteral("Models in the schema."),
                      QStringLiteral("N"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per figure (median)."),
                      QStringLiteral("R"), QStringLiteral("15")});
    parser.addOption(
        {QStringLiteral("only"),
         QStringLiteral(
             "Run one figure only (lex, parse, validate, validated, format, formatted)."),
         QStringLiteral("PHASE")});
    parser.addHelpOption();
    parser.process(app);
    const int models = parser.value(QStringLiteral("models")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString only = parser.value(QStringLiteral("only"));

    const QByteArray text = generateSchema(models);
    const int lines = int(text.count('\n'));
    const SourceFile file(QStringLiteral("schema.prisma"), text);

    // The first parse + validate in the process, timed as it is also the sanity check: the
    // generated schema must be valid, or the figures measure error paths.
    QList<Diagnostic> diagnostics;
    const Timing cold =
        medianMs(1, [&] { diagnostics = validate(SchemaSource::fromFiles({file})); });
    if (!diagnostics.isEmpty()) {
        std::fprintf(stderr, "generated schema is invalid: %s\n",
                     qPrintable(diagnostics.first().toString()));
        return 1;
    }

    volatile qsizetype sink = 0;
    const SchemaSource parsed = SchemaSource::fromFiles({file});
    const std::vector<std::pair<QString, std::function<void()>>> phases = {
        {QStringLiteral("lex"),
         [&] {
             Lexer lexer(QByteArrayView(text), Lexer::MultiLineTokens::Whole);
             qsizetype tokens = 0;
             while (!lexer.atEnd()) {
                 lexer.next();
                 ++tokens;
             }
             sink = sink + tokens;
         }},
        {QStringLiteral("parse"), [&] { sink = sink + Parser::parse(file).diagnostics.size(); }},
        {QStringLiteral("validate"),
         [&] { sink = sink + validate(SchemaSource::fromFiles({file})).size(); }},
        {QStringLiteral("validated"), [&] { sink = sink + validate(parsed).size(); }},
        {QStringLiteral("format"), [&] { sink = sink + Formatter::format(file).size(); }},
        {QStringLiteral("formatted"), [&] { sink = sink + Formatter::format(parsed).size(); }},
    };
    if (!only.isEmpty()) {
        for (const auto &[name, work] : phases) {
            if (name == only) {
                const Timing t = medianMs(runs, work);
                std::printf("%s: median %.2f ms, cpu %.2f ms\n", qPrintable(name), t.wall, t.cpu);
                return 0;
            }
        }
        std::fprintf(stderr, "unknown phase %s\n", qPrintable(only));
        return 2;
    }

    const Timing baseline = medianMs(runs, [&] { sink = sink + QString::fromUtf8(text).size(); });
    std::vector<Timing> timings;
    for (const auto &phase : phases)
        timings.push_back(medianMs(runs, phase.second));
    const Timing &lex = timings[0], &parse = timings[1], &parseValidate = timings[2],
                 &validateParsed = timings[3], &format = timings[4], &formatParsed = timings[5];

    std::printf("bench_prisma: %d models, %d lines, %.2f MB, median of %d runs\n", models, lines,
                text.size() / 1048576.0, runs);
    std::printf("  %-26s %9.2f ms  (raw baseline)               cpu %8.2f ms\n",
                "QString::fromUtf8 (baseline)", baseline.wall, baseline.cpu);
    auto row = [&](const char *what, const Timing &t, const char *goal) {
        std::printf("  %-26s %9.2f ms  %6.1fx baseline  %-15s cpu %8.2f ms\n", what, t.wall,
                    t.wall / baseline.wall, goal, t.cpu);
    };
    row("lex", lex, "");
    row("parse", parse, "");
    row("parse + validate", parseValidate, "(goal < 20 ms)");
    row("  first in process (cold)", cold, "(1 run)");
    row("  validate (parsed before)", validateParsed, "");
    row("format", format, "(goal < 20 ms)");
    row("  format (parsed before)", formatParsed, "");
    std::printf("  peak RSS %.1f MB\n", gh::bench::peakRssKb() / 1024.0);
    return 0;
}
