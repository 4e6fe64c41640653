#include "../PrismaTestData.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/Validator.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent>
#include <QtTest>

using namespace gh::prisma;

namespace {

// One diagnostic as the goldens and the comparisons spell it: `file:line:col: severity: text`.
QString line(const QString &file, int lineNumber, int column, const QString &severity,
             const QString &message)
{
    return QStringLiteral("%1:%2:%3: %4: %5")
        .arg(file)
        .arg(lineNumber)
        .arg(column)
        .arg(severity, message);
}

// Where Gatehouse deliberately words a message differently from Prisma, both sides are cut
// to the part they share (see the `DIFFERS:` comments in core/prisma):
// - the reason in parentheses after a @default parse error comes from Rust crates
//   (serde_json, chrono) in Prisma and from Qt here, for JSON and DateTime literals;
// - "No such argument." is followed here by the arguments the attribute takes.
QString normalized(QString text)
{
    static const QRegularExpression signature(QStringLiteral(R"((No such argument\.) .*$)"));
    text.replace(signature, QStringLiteral("\\1"));
    static const QRegularExpression parseReason(
        QStringLiteral(R"((is not a valid (JSON string|rfc3339 datetime string)\.) \(.*\)$)"),
        QRegularExpression::DotMatchesEverythingOption);
    text.replace(parseReason, QStringLiteral("\\1 (...)"));
    return text;
}

// Prisma 7 rejects connection URLs in schema files; Gatehouse accepts them (Prisma 5/6).
bool isUrlRejection(const QString &message)
{
    return message.contains(QLatin1String("is no longer supported in schema files"));
}

QStringList sorted(QStringList lines)
{
    lines.sort();
    return lines;
}

// What one list has that the other lacks, for a readable failure.
QString difference(const QStringList &actual, const QStringList &expected)
{
    QStringList report;
    QStringList rest = expected;
    for (const QString &line : actual) {
        if (!rest.removeOne(line))
            report.append(QStringLiteral("unexpected: ") + line);
    }
    for (const QString &line : std::as_const(rest))
        report.append(QStringLiteral("missing:    ") + line);
    return report.join(QLatin1Char('\n'));
}

#define COMPARE_LINES(actual, expected)                                                            \
    QVERIFY2(sorted(actual) == sorted(expected), qPrintable(difference(actual, expected)))

QStringList ours(const SchemaSource &schema)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : validate(schema))
        lines.append(normalized(line(
            QFileInfo(diagnostic.file).fileName(), diagnostic.start.line, diagnostic.start.column,
            diagnostic.isError() ? QStringLiteral("error") : QStringLiteral("warning"),
            diagnostic.message)));
    return lines;
}

SchemaSource load(const QString &path)
{
    auto schema = SchemaSource::load(path);
    if (!schema)
        qFatal("cannot load %s", qPrintable(path));
    return std::move(schema).value();
}

QString validateDir()
{
    return PrismaTestData::root() + QStringLiteral("/validate");
}

// A line of oracle-tool's diagnostics.txt: `NAME:LINE:COL: severity: message` (one line each;
// the fixtures of tests/data/prisma have no multi-line messages).
QStringList goldenLines(const QString &path)
{
    QStringList lines;
    for (const QString &text :
         QString::fromUtf8(PrismaTestData::read(path)).split(QLatin1Char('\n'))) {
        if (text.isEmpty())
            continue;
        if (isUrlRejection(text))
            continue;
        lines.append(normalized(text));
    }
    return lines;
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private slots:
    void matchesPrismaOnBrokenSchemas_data();
    void matchesPrismaOnBrokenSchemas();
    void matchesPrismaOnParserFixtures_data();
    void matchesPrismaOnParserFixtures();
    void multiFileDiagnosticsNameTheirFile_data();
    void multiFileDiagnosticsNameTheirFile();
    void acceptsUrlsAndTheirAbsence();
    void reportsTheUrlWhenItIsMalformed();
    void parseErrorsComeFirstAndStopTheModelRules();
    void runsConcurrentlyOnWorkerThreads();
    void unknownArgumentsNameTheAttributesSignature();
};

// tests/data/prisma/validate: broken schemas written for the validator, each against what
// Prisma 7 reports for it (golden/NAME.json, from oracle-diagnostics.mjs). Exact line, column
// and message; the order is not compared (Prisma's comes from hash maps in places).
void TestValidator::matchesPrismaOnBrokenSchemas_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names =
        QDir(validateDir()).entryList({QStringLiteral("*.prisma")}, QDir::Files, QDir::Name);
    QVERIFY(names.size() >= 30);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name.chopped(7);
}

void TestValidator::matchesPrismaOnBrokenSchemas()
{
    QFETCH(QString, name);
    const QJsonArray golden =
        QJsonDocument::fromJson(PrismaTestData::read(validateDir() + "/golden/" + name + ".json"))
            .array();
    QStringList expected;
    for (const QJsonValue &value : golden) {
        const QJsonObject d = value.toObject();
        if (isUrlRejection(d.value(QStringLiteral("message")).toString()))
            continue;
        expected.append(normalized(line(d.value(QStringLiteral("file")).toString(),
                                        d.value(QStringLiteral("line")).toInt(),
                                        d.value(QStringLiteral("column")).toInt(),
                                        d.value(QStringLiteral("severity")).toString(),
                                        d.value(QStringLiteral("message")).toString())));
    }
    const QStringList actual = ours(load(validateDir() + "/" + name + ".prisma"));
    COMPARE_LINES(actual, expected);
}

// The fixtures of the parser and the formatter, valid and broken: the oracle's lint output
// (golden/*/NAME.diagnostics.txt; for schemas with a url, the golden of the schema without
// it, since Prisma 7's url error stops its validation).
void TestValidator::matchesPrismaOnParserFixtures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("golden");
    for (const QString &folder :
         {QStringLiteral("fixtures"), QStringLiteral("errors"), QStringLiteral("preview")}) {
        for (const QString &path : PrismaTestData::files(folder)) {
            const QString name = QFileInfo(path).completeBaseName();
            QString golden = PrismaTestData::goldenPath(folder, name, ".no-url.diagnostics.txt");
            if (!QFileInfo::exists(golden))
                golden = PrismaTestData::goldenPath(folder, name, ".diagnostics.txt");
            QTest::newRow(qPrintable(folder + "/" + name)) << path << golden;
        }
    }
}

void TestValidator::matchesPrismaOnParserFixtures()
{
    QFETCH(QString, path);
    QFETCH(QString, golden);
    QByteArray text = PrismaTestData::read(path);
    if (golden.endsWith(QLatin1String(".no-url.diagnostics.txt"))) {
        // The same schema without its url lines, as regen-golden.sh strips them.
        static const QRegularExpression urlLine(
            QStringLiteral(R"(^[ \t]*(url|directUrl|shadowDatabaseUrl)[ \t]*=.*(\r\n|\n|\r))"),
            QRegularExpression::MultilineOption);
        text = QString::fromUtf8(text).remove(urlLine).toUtf8();
    }
    const SchemaSource schema =
        SchemaSource::fromFiles({SourceFile(QFileInfo(path).fileName(), text)});
    COMPARE_LINES(ours(schema), goldenLines(golden));
}

void TestValidator::multiFileDiagnosticsNameTheirFile_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("valid") << QStringLiteral("valid");
    QTest::newRow("broken") << QStringLiteral("broken");
}

void TestValidator::multiFileDiagnosticsNameTheirFile()
{
    QFETCH(QString, folder);
    const QString root = PrismaTestData::root() + QStringLiteral("/multi/") + folder;
    QStringList actual;
    for (const Diagnostic &diagnostic : validate(load(root))) {
        actual.append(
            line(QDir(root).relativeFilePath(diagnostic.file), diagnostic.start.line,
                 diagnostic.start.column,
                 diagnostic.isError() ? QStringLiteral("error") : QStringLiteral("warning"),
                 diagnostic.message));
    }
    COMPARE_LINES(actual,
                  goldenLines(PrismaTestData::goldenPath("multi", folder, ".diagnostics.txt")));
}

void TestValidator::acceptsUrlsAndTheirAbsence()
{
    const QByteArray prisma6 = "datasource db {\n  provider = \"postgresql\"\n  url = "
                               "env(\"DATABASE_URL\")\n  directUrl = \"postgresql://x/y\"\n}\n"
                               "model A {\n  id Int @id\n}\n";
    const QByteArray prisma7 = "datasource db {\n  provider = \"postgresql\"\n}\n"
                               "model A {\n  id Int @id\n}\n";
    for (const QByteArray &text : {prisma6, prisma7}) {
        const QList<Diagnostic> diagnostics =
            validate(SchemaSource::fromFiles({SourceFile(QStringLiteral("s.prisma"), text)}));
        QVERIFY2(diagnostics.isEmpty(), text.constData());
    }
}

// Prisma 5/6 check the url's form; so does Gatehouse (Prisma 7 rejects any url).
void TestValidator::reportsTheUrlWhenItIsMalformed()
{
    const QByteArray text = "datasource db {\n  provider = \"postgresql\"\n  url = 5\n"
                            "  shadowDatabaseUrl = env(\"A\", \"B\")\n}\n";
    QStringList messages;
    for (const Diagnostic &d :
         validate(SchemaSource::fromFiles({SourceFile(QStringLiteral("s.prisma"), text)})))
        messages.append(d.toString());
    QCOMPARE(messages,
             (QStringList{QStringLiteral("s.prisma:3:9: error: Expected a String value, but "
                                         "received numeric value `5`."),
                          QStringLiteral("s.prisma:4:23: error: The env function expects a "
                                         "singular, unnamed, string argument.")}));
}

void TestValidator::parseErrorsComeFirstAndStopTheModelRules()
{
    // A model without id would be reported, but not when the file does not parse.
    const QByteArray text = "model NoId {\n  name String\n  ???\n}\n";
    const QList<Diagnostic> diagnostics =
        validate(SchemaSource::fromFiles({SourceFile(QStringLiteral("s.prisma"), text)}));
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().message,
             QStringLiteral("This line is not a valid field or attribute definition."));
    const QByteArray clean = "model NoId {\n  name String\n}\n";
    QCOMPARE(
        validate(SchemaSource::fromFiles({SourceFile(QStringLiteral("s.prisma"), clean)})).size(),
        1);
}

// The editor validates on a worker thread while the CLI may validate another schema: runs
// share nothing.
void TestValidator::runsConcurrentlyOnWorkerThreads()
{
    const QStringList paths = QDir(validateDir()).entryList({QStringLiteral("*.prisma")});
    QList<SchemaSource> schemas;
    QList<QStringList> expected;
    for (const QString &path : paths) {
        schemas.append(load(validateDir() + "/" + path));
        expected.append(ours(schemas.last()));
    }
    QList<int> indexes;
    for (int round = 0; round < 8; ++round) {
        for (int i = 0; i < schemas.size(); ++i)
            indexes.append(i);
    }
    const QList<bool> same = QtConcurrent::blockingMapped(
        indexes, [&](int i) { return ours(schemas.at(i)) == expected.at(i); });
    QVERIFY(!same.contains(false));
}

void TestValidator::unknownArgumentsNameTheAttributesSignature()
{
    const QByteArray text = "model A {\n  id Int @id(foo: 1)\n  b Int @updatedAt(x: 1)\n"
                            "  @@index([b], unique: true)\n}\n";
    QStringList messages;
    for (const Diagnostic &d :
         validate(SchemaSource::fromFiles({SourceFile(QStringLiteral("s.prisma"), text)})))
        messages.append(d.toString());
    QCOMPARE(
        messages,
        (QStringList{QStringLiteral("s.prisma:2:14: error: No such argument. `@id` takes: map:, "
                                    "length:, sort:, clustered:."),
                     QStringLiteral("s.prisma:3:9: error: Error parsing attribute \"@updatedAt\": "
                                    "Fields that are marked with @updatedAt must be of type "
                                    "DateTime."),
                     QStringLiteral("s.prisma:3:20: error: No such argument. `@updatedAt` takes no "
                                    "arguments."),
                     QStringLiteral("s.prisma:4:16: error: No such argument. `@@index` takes: "
                                    "fields, name:, map:, type:, clustered:, where:.")}));
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
