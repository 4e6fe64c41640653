#include "PrismaTestData.h"
#include "core/prisma/Formatter.h"
#include "core/prisma/Parser.h"
#include "core/prisma/SchemaSource.h"

#include <QDir>
#include <QtTest>

using namespace gh::prisma;

namespace {

QString formatCasesRoot()
{
    return PrismaTestData::root() + QStringLiteral("/format");
}

// The first line where two texts differ, shown with its neighbours, for a readable failure.
QString firstDifference(const QByteArray &actual, const QByteArray &expected)
{
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        if (a.value(i) != e.value(i)) {
            return QStringLiteral("line %1:\n  actual:   %2\n  expected: %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(a.value(i).toPercentEncoding(" \t@()[]{}:,=\"/*?!.<>")),
                     QString::fromUtf8(e.value(i).toPercentEncoding(" \t@()[]{}:,=\"/*?!.<>")));
        }
    }
    return QStringLiteral("same lines, different bytes");
}

#define COMPARE_TEXT(actual, expected)                                                             \
    do {                                                                                           \
        const QByteArray actualText = (actual);                                                    \
        const QByteArray expectedText = (expected);                                                \
        if (actualText != expectedText)                                                            \
            QFAIL(qPrintable(firstDifference(actualText, expectedText)));                          \
    } while (false)

QByteArray formatted(const QByteArray &text, const Formatter::Options &options = {})
{
    return Formatter::format(SourceFile(QStringLiteral("schema.prisma"), text), options);
}

// Every `.prisma` file of a multi-file case folder formatted, each after a `// path` line (the
// form of the goldens oracle-tool.mjs writes), paths relative to the folder.
QByteArray formattedFolder(const QString &folder)
{
    auto schema = SchemaSource::load(folder);
    if (!schema)
        qFatal("cannot load %s", qPrintable(folder));
    const QList<QByteArray> texts = Formatter::format(*schema);
    QByteArray out;
    for (std::size_t i = 0; i < schema->files().size(); ++i) {
        out += "// " + QDir(folder).relativeFilePath(schema->files()[i].path()).toUtf8() + '\n';
        out += texts.value(qsizetype(i));
    }
    return out;
}

// Single-file inputs with the oracle's `prisma format` output beside them.
void addGoldenRows()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("golden");
    const QString root = PrismaTestData::root();
    for (const QString &folder :
         {QStringLiteral("fixtures"), QStringLiteral("errors"), QStringLiteral("preview")}) {
        for (const QString &path : PrismaTestData::files(folder)) {
            const QString name = QFileInfo(path).completeBaseName();
            QTest::newRow(qPrintable(folder + QLatin1Char('/') + name))
                << path
                << PrismaTestData::goldenPath(folder, name, QStringLiteral(".format.prisma"));
        }
    }
    // differential-check.sh passes a folder of random cases with Prisma's outputs beside them.
    const QString extra = qEnvironmentVariable("GATEHOUSE_FORMAT_EXTRA_CASES");
    if (!extra.isEmpty()) {
        const QDir dir(extra);
        for (const QString &file :
             dir.entryList({QStringLiteral("*.prisma")}, QDir::Files, QDir::Name)) {
            QTest::newRow(qPrintable(QStringLiteral("extra/") + file))
                << dir.filePath(file)
                << dir.filePath(file.chopped(7) + QStringLiteral(".expected"));
        }
    }
    const QDir cases(formatCasesRoot() + QStringLiteral("/cases"));
    for (const QString &file :
         cases.entryList({QStringLiteral("*.prisma")}, QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(QStringLiteral("format/") + file))
            << cases.filePath(file) << formatCasesRoot() + QStringLiteral("/expected/") + file;
    }
}

void addMultiFileRows()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("golden");
    const QString root = PrismaTestData::root();
    for (const QString &base :
         {root + QStringLiteral("/multi"), formatCasesRoot() + QStringLiteral("/multi")}) {
        const QString goldenFolder = base.endsWith(QLatin1String("/format/multi"))
                                         ? formatCasesRoot() + QStringLiteral("/expected/multi")
                                         : root + QStringLiteral("/golden/multi");
        const QDir dir(base);
        for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            QTest::newRow(qPrintable(QDir(root).relativeFilePath(dir.filePath(name))))
                << dir.filePath(name)
                << goldenFolder + QLatin1Char('/') + name + QStringLiteral(".format.txt");
        }
    }
}

} // namespace

class TestPrismaFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The fixtures formatted equal what `prisma format` (Prisma 7.10.1) writes, byte for byte.
    void matchesPrismaFormat_data() { addGoldenRows(); }
    void matchesPrismaFormat()
    {
        QFETCH(QString, input);
        QFETCH(QString, golden);
        COMPARE_TEXT(formatted(PrismaTestData::read(input)), PrismaTestData::read(golden));
    }

    // Multi-file schemas: each file formatted on its own, additions going to the right file.
    void matchesPrismaFormatForFolders_data() { addMultiFileRows(); }
    void matchesPrismaFormatForFolders()
    {
        QFETCH(QString, folder);
        QFETCH(QString, golden);
        COMPARE_TEXT(formattedFolder(folder), PrismaTestData::read(golden));
    }

    // Formatting what the formatter wrote changes nothing, except where Prisma itself is not
    // idempotent (a stray line right after a `}` gets an empty line on the second pass): there
    // the second pass gives what Prisma's second pass gives.
    void isIdempotent_data() { addGoldenRows(); }
    void isIdempotent()
    {
        QFETCH(QString, golden);
        const QByteArray once = PrismaTestData::read(golden);
        const QString secondPass = formatCasesRoot() + QStringLiteral("/expected/second-pass/") +
                                   QFileInfo(golden).dir().dirName() + QLatin1Char('/') +
                                   QFileInfo(golden).fileName();
        COMPARE_TEXT(formatted(once),
                     QFileInfo::exists(secondPass) ? PrismaTestData::read(secondPass) : once);
    }

    // The layout alone never adds anything: the non-whitespace text is what went in, less the
    // bits Prisma drops (legacy `!`, `:`) and the block comments it rewrites.
    void layoutAddsNothing()
    {
        const QByteArray text = "model A {\n  id Int @id\n  b B\n}\nmodel B {\n  id Int @id\n}\n";
        const ParsedFile file = Parser::parse(SourceFile(QStringLiteral("a.prisma"), text));
        QCOMPARE(Formatter::layout(file), QByteArray("model A {\n  id Int @id\n  b  B\n}\n\n"
                                                     "model B {\n  id Int @id\n}\n"));
        Formatter::Options options;
        options.completeRelations = false;
        QCOMPARE(formatted(text, options), Formatter::layout(file));
    }

    void indentWidthIsAnOption()
    {
        Formatter::Options options;
        options.indentWidth = 4;
        QCOMPARE(formatted("model A {\nid Int @id\n}\n", options),
                 QByteArray("model A {\n    id Int @id\n}\n"));
    }

    void stringOverloadKeepsUnicode()
    {
        QCOMPARE(format(QStringLiteral("model A {\n  id Int @id // ünïcode ✓\n  name String\n}")),
                 QStringLiteral("model A {\n  id   Int    @id // ünïcode ✓\n  name String\n}\n"));
    }
};

QTEST_GUILESS_MAIN(TestPrismaFormatter)
#include "tst_prismaformatter.moc"
