// bench_editor: the schema editor's highlighting on a generated schema of 2,000 models
// (about 30,000 lines, issue 3).
//
// Prints, each next to raw baselines measured in the same run and with the size it concerns:
// a full restyle (beside the core lexer alone, the styler alone, and Scintilla storing ready
// styles), a keystroke's restyle in the middle of the file (beside the same edit in an editor
// without a lexer, with and without the repaint), the worst keystroke (closing a `/*` opened at
// the top), and the peak RSS of a process holding the file in a plain QsciScintilla and in the
// schema editor, fully styled.
//
//   bench_editor [--models N] [--scale F] [--runs N]
//
// Other arguments (run-benchmarks.sh passes the same ones to every benchmark) are ignored.

#include "core/prisma/Lexer.h"
#include "tests/bench/BenchReport.h"
#include "ui/editor/PrismaStyler.h"
#include "ui/editor/SchemaEditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <Qsci/qsciscintilla.h>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace gh;
using namespace gh::ui;
using Base = QsciScintillaBase;

namespace {

struct Options
{
    int models = 2000;
    int runs = 15;
    QString child; // "plain" or "styled": measure the peak RSS of one kind of editor
};

Options parseOptions(const QStringList &arguments)
{
    Options options;
    double scale = 1.0;
    for (int i = 1; i + 1 < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--models"))
            options.models = arguments.at(++i).toInt();
        else if (a == QLatin1String("--scale"))
            scale = arguments.at(++i).toDouble();
        else if (a == QLatin1String("--runs"))
            options.runs = arguments.at(++i).toInt();
        else if (a == QLatin1String("--child"))
            options.child = arguments.at(++i);
    }
    options.models = std::max(10, int(options.models * scale));
    options.runs = std::max(3, options.runs);
    return options;
}

// 15 lines a model: documentation, scalars of every kind, attributes with functions and native
// types, a relation with a referential action, a comment, block attributes.
QByteArray generateSchema(int models)
{
    QByteArray text(
        "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
        "generator client {\n  provider = \"prisma-client-js\"\n}\n\n"
        "enum Status {\n  ACTIVE\n  ARCHIVED\n}\n\n");
    text.reserve(models * 620);
    for (int m = 0; m < models; ++m) {
        const QByteArray name = "Model" + QByteArray::number(m).rightJustified(4, '0');
        const QByteArray parent =
            "Model" + QByteArray::number(std::max(0, m - 1)).rightJustified(4, '0');
        text += "/// " + name + " keeps the records of part " + QByteArray::number(m) + ".\n";
        text += "model " + name + " {\n";
        text += "  id        String    @id @default(cuid())\n";
        text += "  title     String    @db.VarChar(255)\n";
        text += "  email     String    @unique\n";
        text += "  count     Int       @default(0)\n";
        text += "  status    Status    @default(ACTIVE)\n";
        text += "  createdAt DateTime  @default(now()) @db.Timestamptz(3)\n";
        text += "  parentId  String?\n";
        text += "  parent    " + parent +
                "? @relation(fields: [parentId], references: [id], onDelete: Cascade)\n";
        text += "  // the owner may be empty while importing\n";
        text += "  @@index([email, createdAt(sort: Desc)])\n";
        text += "  @@map(\"" + name.toLower() + "\")\n";
        text += "}\n\n";
    }
    return text;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

// Milliseconds of each of `runs` calls of `measured`, after `prepare` (not timed) each time.
std::vector<double> timeRuns(int runs, const std::function<void()> &prepare,
                             const std::function<void()> &measured)
{
    std::vector<double> samples;
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        prepare();
        timer.start();
        measured();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return samples;
}

QString kib(qint64 bytes)
{
    return QStringLiteral("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
}

void printRow(const char *what, const std::vector<double> &samples, qint64 bytes)
{
    const auto [low, high] = std::minmax_element(samples.begin(), samples.end());
    std::printf("  %-58s %9.3f ms  (min %.3f, max %.3f, %zu runs)  %s\n", what, median(samples),
                *low, *high, samples.size(), qPrintable(kib(bytes)));
}

void styleEverything(QsciScintilla &editor)
{
    editor.SendScintilla(Base::SCI_COLOURISE, 0L, -1L);
}

// The end of the last line on screen: what Scintilla asks the lexer to style before a paint.
long visibleEnd(QsciScintilla &editor)
{
    const long first = editor.SendScintilla(Base::SCI_GETFIRSTVISIBLELINE);
    const long onScreen = editor.SendScintilla(Base::SCI_LINESONSCREEN);
    const long last = editor.SendScintilla(Base::SCI_DOCLINEFROMVISIBLE, first + onScreen);
    return editor.SendScintilla(Base::SCI_GETLINEENDPOSITION, last);
}

void placeCaretMidFile(QsciScintilla &editor, const QByteArray &text)
{
    const long line = editor.lines() / 2;
    editor.setCursorPosition(int(line), 0);
    // Inside a field line, after the name: where people type.
    const long start = editor.SendScintilla(Base::SCI_POSITIONFROMLINE, line);
    const long at = text.indexOf("  title", start);
    editor.SendScintilla(Base::SCI_GOTOPOS, at + 7);
    editor.SendScintilla(Base::SCI_VERTICALCENTRECARET);
}

// One keystroke and its undo, timed as Scintilla would do them before the next paint.
struct Keystroke
{
    std::vector<double> edit;        // the text change alone
    std::vector<double> restyle;     // styling what the paint needs
    std::vector<double> withRepaint; // edit + restyle + a synchronous repaint
    qint64 styledBytes = 0;
};

// Types `key` (even steps) or deletes it again (odd steps).
void keystroke(QsciScintilla &editor, int step, const char *key)
{
    if (step % 2 == 0)
        editor.SendScintilla(Base::SCI_ADDTEXT, 1UL, key);
    else
        editor.SendScintilla(Base::SCI_DELETEBACK);
}

Keystroke typeKeys(QsciScintilla &editor, int runs, const char *key)
{
    Keystroke k;
    QElapsedTimer timer;
    for (int step = 0; step < 2 * runs; ++step) {
        timer.start();
        keystroke(editor, step, key);
        k.edit.push_back(double(timer.nsecsElapsed()) / 1e6);
        const long from = editor.SendScintilla(Base::SCI_GETENDSTYLED);
        const long to = visibleEnd(editor);
        timer.start();
        editor.SendScintilla(Base::SCI_COLOURISE, from, to);
        k.restyle.push_back(double(timer.nsecsElapsed()) / 1e6);
        k.styledBytes = std::max<qint64>(k.styledBytes, to - from);
    }
    for (int step = 0; step < 2 * runs; ++step) {
        timer.start();
        keystroke(editor, step, key);
        editor.viewport()->repaint();
        k.withRepaint.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return k;
}

int runChild(const Options &options)
{
    const QByteArray text = generateSchema(options.models);
    if (options.child == QLatin1String("plain")) {
        QsciScintilla editor;
        editor.setUtf8(true);
        editor.resize(1000, 800);
        editor.show();
        editor.SendScintilla(Base::SCI_APPENDTEXT, static_cast<unsigned long>(text.size()),
                             text.constData());
        editor.viewport()->repaint();
        std::printf("%lld\n", static_cast<long long>(bench::peakRssKb()));
    } else {
        SchemaEditor editor;
        editor.resize(1000, 800);
        editor.show();
        editor.loadText(text);
        styleEverything(editor);
        editor.viewport()->repaint();
        std::printf("%lld\n", static_cast<long long>(bench::peakRssKb()));
    }
    return 0;
}

long childPeakRss(const QString &kind, const Options &options)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--child"), kind, QStringLiteral("--models"),
                 QString::number(options.models)});
    if (!child.waitForFinished(300000) || child.exitCode() != 0)
        return -1;
    return child.readAllStandardOutput().trimmed().toLong();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parseOptions(app.arguments());
    if (!options.child.isEmpty())
        return runChild(options);

    const QByteArray text = generateSchema(options.models);
    const qint64 size = text.size();
    const int lines = int(text.count('\n'));
    std::printf("bench_editor: %d models, %d lines, %lld bytes (%s); median of %d runs\n\n",
                options.models, lines, static_cast<long long>(size), qPrintable(kib(size)),
                options.runs);

    // ---- Full restyle
    std::printf("Full restyle of the file\n");
    printRow("baseline: core lexer alone (every token)",
             timeRuns(
                 options.runs, [] {},
                 [&] {
                     prisma::Lexer lexer(text);
                     int tokens = 0;
                     for (prisma::Token t = lexer.next(); !t.is(prisma::TokenKind::EndOfFile);
                          t = lexer.next())
                         ++tokens;
                     if (tokens == 0)
                         std::abort();
                 }),
             size);
    QByteArray styles;
    std::vector<PrismaStyler::Line> styledLines;
    printRow("baseline: PrismaStyler alone (styles + line states, no editor)",
             timeRuns(
                 options.runs, [&] { styledLines.clear(); },
                 [&] {
                     PrismaStyler styler;
                     styler.style(text, 0, int(size), {}, &styles, &styledLines);
                 }),
             size);

    QsciScintilla plain;
    plain.setUtf8(true);
    plain.resize(1000, 800);
    plain.show();
    printRow("baseline: QsciScintilla::setText, no lexer",
             timeRuns(
                 options.runs, [&] { plain.clear(); },
                 [&] { plain.SendScintilla(Base::SCI_SETTEXT, text.constData()); }),
             size);
    printRow("baseline: Scintilla storing ready styles (SCI_SETSTYLINGEX)",
             timeRuns(
                 options.runs, [] {},
                 [&] {
                     plain.SendScintilla(Base::SCI_STARTSTYLING, 0L);
                     plain.SendScintilla(Base::SCI_SETSTYLINGEX,
                                         static_cast<unsigned long>(styles.size()),
                                         styles.constData());
                 }),
             size);

    SchemaEditor editor;
    editor.resize(1000, 800);
    editor.show();
    editor.loadText(text);
    printRow("schema editor: full restyle (styles, line states, folds)",
             timeRuns(
                 options.runs, [&] { editor.SendScintilla(Base::SCI_CLEARDOCUMENTSTYLE); },
                 [&] { styleEverything(editor); }),
             size);

    // ---- Keystrokes in the middle of the file
    std::printf("\nA keystroke in the middle of the file (insert a letter, then delete it)\n");
    plain.SendScintilla(Base::SCI_SETTEXT, text.constData());
    placeCaretMidFile(plain, text);
    placeCaretMidFile(editor, text);
    styleEverything(editor);
    editor.viewport()->repaint();
    plain.viewport()->repaint();
    const Keystroke raw = typeKeys(plain, options.runs * 10, "x");
    const Keystroke lexed = typeKeys(editor, options.runs * 10, "x");
    printRow("baseline: the edit, no lexer", raw.edit, size);
    printRow("schema editor: the edit", lexed.edit, size);
    printRow(qPrintable(QStringLiteral("schema editor: restyle for the next paint (%1 bytes)")
                            .arg(lexed.styledBytes)),
             lexed.restyle, size);
    printRow("baseline: edit + repaint, no lexer", raw.withRepaint, size);
    printRow("schema editor: edit + restyle + repaint", lexed.withRepaint, size);
    const Keystroke brace = typeKeys(editor, options.runs * 10, "{");
    printRow("schema editor: restyle after `{` (changes later lines' state)", brace.restyle, size);

    // ---- The worst keystroke: a `*/` that closes a `/*` at the top of the file
    std::printf(
        "\nThe worst keystroke: `/` completing a `*/` that closes a `/*` opened at line 2\n");
    QByteArray opened = text;
    opened.insert(opened.indexOf('\n') + 1, "/* an unclosed comment\n");
    editor.loadText(opened);
    placeCaretMidFile(editor, opened);
    editor.SendScintilla(Base::SCI_ADDTEXT, 1UL, "*");
    styleEverything(editor);
    std::vector<double> closing;
    qint64 closingBytes = 0;
    for (int i = 0; i < options.runs; ++i) {
        editor.SendScintilla(Base::SCI_ADDTEXT, 1UL, "/");
        const long from = editor.SendScintilla(Base::SCI_GETENDSTYLED);
        QElapsedTimer timer;
        timer.start();
        editor.SendScintilla(Base::SCI_COLOURISE, from, visibleEnd(editor));
        closing.push_back(double(timer.nsecsElapsed()) / 1e6);
        closingBytes = editor.SendScintilla(Base::SCI_GETCURRENTPOS);
        editor.SendScintilla(Base::SCI_DELETEBACK);
        styleEverything(editor);
    }
    printRow(qPrintable(
                 QStringLiteral("schema editor: restyle from line 2 (%1 bytes)").arg(closingBytes)),
             closing, opened.size());

    // ---- Memory
    std::printf("\nPeak RSS of a process that loads, styles and paints the file\n");
    const long plainRss = childPeakRss(QStringLiteral("plain"), options);
    const long styledRss = childPeakRss(QStringLiteral("styled"), options);
    std::printf("  %-58s %9.1f MiB  %s\n", "baseline: QsciScintilla, no lexer", plainRss / 1024.0,
                qPrintable(kib(size)));
    std::printf("  %-58s %9.1f MiB  %s\n", "schema editor, fully styled", styledRss / 1024.0,
                qPrintable(kib(size)));
    std::printf("  %-58s %9.1f MiB\n", "this benchmark process", bench::peakRssKb() / 1024.0);
    return 0;
}
