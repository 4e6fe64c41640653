// The parser against Prisma 7 itself: the golden files under tests/data/prisma/golden were
// written by the real Prisma tools (see the README there); these tests only read them.

#include "PrismaTestData.h"
#include "core/prisma/Parser.h"
#include "core/prisma/SchemaSource.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh::prisma;

namespace {

// The messages Prisma reports while parsing, as opposed to validating; the parser must report
// exactly these and the validator the rest.
bool isParserMessage(const QString &message)
{
    static const QStringList exact = {
        QStringLiteral(
            "This line is invalid. It does not start with any known Prisma schema keyword."),
        QStringLiteral("This line is not a valid field or attribute definition."),
        QStringLiteral("This line is not an enum value definition."),
        QStringLiteral("This block is invalid. It does not start with any known Prisma schema "
                       "keyword. Valid keywords include 'model', 'enum', 'type', 'datasource' and "
                       "'generator'."),
        QStringLiteral("Invalid type definition. Please check the documentation in "
                       "https://pris.ly/d/composite-types"),
        QStringLiteral("Field declarations don't require a `:`."),
        QStringLiteral("Fields are required by default, `!` is no longer required."),
        QStringLiteral("To specify a list, please use `Type[]` instead of `[Type]`."),
        QStringLiteral("Optional lists are not supported. Use either `Type[]` or `Type?`."),
        QStringLiteral(
            "Unknown escape sequence. If the value is a windows-style path, `\\` must be "
            "escaped as `\\\\`."),
        QStringLiteral("Invalid unicode escape sequence."),
        QStringLiteral("The name of a composite type is not persisted in the database, therefore "
                       "it does not need a mapped database name."),
        QStringLiteral("A unique constraint should be defined in the model containing the embed."),
        QStringLiteral("An index should be defined in the model containing the embed."),
        QStringLiteral("A fulltext index should be defined in the model containing the embed."),
        QStringLiteral("A composite type cannot define an id."),
        QStringLiteral("A composite type cannot have block-level attributes."),
    };
    static const QRegularExpression patterns(QStringLiteral(
        "^(This line is not a valid definition within a (datasource|generator)\\."
        "|Error validating (model|view|type) \".*\": This field declaration is invalid\\. It is "
        "either missing a name or a type\\."
        "|Defining `@\\w+` attribute for a field in a composite type is not allowed\\.)$"));
    return exact.contains(message) || patterns.match(message).hasMatch();
}

// The parser-level lines of an oracle diagnostics file.
QStringList oracleParserDiagnostics(const QString &goldenPath)
{
    QStringList lines;
    static const QRegularExpression line(
        QStringLiteral("^[^:]+:\\d+:\\d+: (error|warning): (.*)$"));
    for (const QString &text : QString::fromUtf8(PrismaTestData::read(goldenPath)).split('\n')) {
        const QRegularExpressionMatch match = line.match(text);
        if (match.hasMatch() && isParserMessage(match.captured(2)))
            lines.append(text);
    }
    return lines;
}

QStringList toStrings(const QList<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.toString());
    return lines;
}

ParsedFile parseAs(const QString &path, const QString &name)
{
    return Parser::parse(SourceFile(name, PrismaTestData::read(path)));
}

QString baseName(const QString &path)
{
    return QFileInfo(path).completeBaseName();
}

bool isBlank(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Checks that `ranges` lie inside `outer`, in order, without overlapping, and that only blank
// text lies between them: nothing of the file is lost.
void verifyCovers(const ParsedFile &file, SourceRange outer, const std::vector<SourceRange> &ranges)
{
    int position = outer.start;
    for (const SourceRange &range : ranges) {
        QVERIFY2(range.start >= position && range.end >= range.start && range.end <= outer.end,
                 qPrintable(QStringLiteral("range %1-%2 after %3")
                                .arg(range.start)
                                .arg(range.end)
                                .arg(position)));
        QVERIFY2(isBlank(file.text({position, range.start})),
                 qPrintable(QStringLiteral("text lost before %1: %2")
                                .arg(range.start)
                                .arg(file.string({position, range.start}))));
        position = range.end;
    }
    QVERIFY2(
        isBlank(file.text({position, outer.end})),
        qPrintable(QStringLiteral("text lost at the end: ") + file.string({position, outer.end})));
}

} // namespace

class TestPrismaGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsWhatPrismaReportsWhileParsing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("golden");
        for (const QString &folder :
             {QStringLiteral("fixtures"), QStringLiteral("errors"), QStringLiteral("preview")}) {
            for (const QString &path : PrismaTestData::files(folder)) {
                QTest::newRow(qPrintable(folder + QLatin1Char('/') + baseName(path)))
                    << path
                    << PrismaTestData::goldenPath(folder, baseName(path), ".diagnostics.txt");
            }
        }
    }
    void reportsWhatPrismaReportsWhileParsing()
    {
        QFETCH(QString, path);
        QFETCH(QString, golden);
        const ParsedFile file = parseAs(path, QFileInfo(path).fileName());
        QCOMPARE(toStrings(file.diagnostics), oracleParserDiagnostics(golden));
    }

    void validFixturesHaveNoParseErrors_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : PrismaTestData::files("fixtures"))
            QTest::newRow(qPrintable(baseName(path))) << path;
    }
    void validFixturesHaveNoParseErrors()
    {
        QFETCH(QString, path);
        QVERIFY(parseAs(path, path).diagnostics.isEmpty());
    }

    // Names, types, arity and documentation of every model, view, composite type and enum in
    // the DMMF, which Prisma builds from its own parse. (The DMMF leaves out Unsupported and
    // ignored fields and ignored models, so the tree may hold more.)
    void syntaxTreeAgreesWithTheDmmf_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("golden");
        for (const QString &path : PrismaTestData::files("fixtures")) {
            const QString golden =
                PrismaTestData::goldenPath("fixtures", baseName(path), ".dmmf.json");
            if (QFileInfo::exists(golden))
                QTest::newRow(qPrintable(baseName(path))) << path << golden;
        }
    }
    void syntaxTreeAgreesWithTheDmmf()
    {
        QFETCH(QString, path);
        QFETCH(QString, golden);
        const ParsedFile file = parseAs(path, path);
        const QJsonObject dmmf = QJsonDocument::fromJson(PrismaTestData::read(golden)).object();

        auto findBlock = [&file](const QString &name, const std::vector<Block::Kind> &kinds) {
            for (const Block &block : file.tree.blocks) {
                if (file.string(block.name) == name &&
                    std::find(kinds.begin(), kinds.end(), block.kind) != kinds.end())
                    return &block;
            }
            return static_cast<const Block *>(nullptr);
        };
        auto documentation = [](const QJsonObject &object) {
            return object.contains("documentation")
                       ? std::optional<QString>(object.value("documentation").toString())
                       : std::nullopt;
        };

        int checkedFields = 0;
        const std::vector<std::pair<const char *, std::vector<Block::Kind>>> groups = {
            {"models", {Block::Kind::Model, Block::Kind::View}},
            {"types", {Block::Kind::CompositeType}},
        };
        for (const auto &[key, kinds] : groups) {
            for (const QJsonValue &value : dmmf.value(key).toArray()) {
                const QJsonObject model = value.toObject();
                const QString name = model.value("name").toString();
                const Block *block = findBlock(name, kinds);
                QVERIFY2(block, qPrintable(name));
                QCOMPARE(block->documentation, documentation(model));

                size_t next = 0; // DMMF fields appear in the tree in the same order
                for (const QJsonValue &fieldValue : model.value("fields").toArray()) {
                    const QJsonObject expected = fieldValue.toObject();
                    const QString fieldName = expected.value("name").toString();
                    while (next < block->fields.size() &&
                           file.string(block->fields.at(next).name) != fieldName)
                        ++next;
                    QVERIFY2(next < block->fields.size(), qPrintable(name + '.' + fieldName));
                    const Field &field = block->fields.at(next++);
                    QVERIFY(field.isValid);
                    QCOMPARE(file.string(field.type->name), expected.value("type").toString());
                    QCOMPARE(field.type->isList(), expected.value("isList").toBool());
                    QCOMPARE(!field.type->isOptional(), expected.value("isRequired").toBool());
                    QCOMPARE(field.documentation ? std::optional<QString>(*field.documentation)
                                                 : std::nullopt,
                             documentation(expected));
                    ++checkedFields;
                }
            }
        }
        for (const QJsonValue &value : dmmf.value("enums").toArray()) {
            const QJsonObject expectedEnum = value.toObject();
            const Block *block =
                findBlock(expectedEnum.value("name").toString(), {Block::Kind::Enum});
            QVERIFY(block);
            QCOMPARE(block->documentation, documentation(expectedEnum));
            const QJsonArray values = expectedEnum.value("values").toArray();
            QCOMPARE(block->values.size(), size_t(values.size()));
            for (qsizetype i = 0; i < values.size(); ++i) {
                const QJsonObject expected = values.at(i).toObject();
                QCOMPARE(file.string(block->values.at(i).name), expected.value("name").toString());
                QCOMPARE(block->values.at(i).documentation, documentation(expected));
            }
        }
        const bool hasModels = !dmmf.value("models").toArray().isEmpty();
        QVERIFY(checkedFields > 0 || !hasModels);
    }

    void syntaxTreeKeepsEveryByte_data() { PrismaTestData::addSchemaFiles(); }
    void syntaxTreeKeepsEveryByte()
    {
        QFETCH(QString, path);
        const ParsedFile file = parseAs(path, path);

        std::vector<SourceRange> top;
        for (const TopItem &item : file.tree.items)
            top.push_back(item.range);
        verifyCovers(file, {0, file.source.size()}, top);

        for (const Block &block : file.tree.blocks) {
            std::vector<SourceRange> members;
            for (const BlockMember &member : block.members)
                members.push_back(member.range);
            verifyCovers(file, block.body, members);

            for (const Field &field : block.fields) {
                QVERIFY(field.range.contains(field.name.range));
                if (field.type)
                    QVERIFY(field.range.contains(field.type->range));
                for (const Attribute &attribute : field.attributes)
                    QVERIFY(field.range.contains(attribute.range));
            }
        }
    }

    void loadsAMultiFileSchemaInPrismasOrder()
    {
        const QString folder = PrismaTestData::root() + QStringLiteral("/multi/valid");
        const gh::Result<SchemaSource> schema = SchemaSource::load(folder);
        QVERIFY(schema.ok());
        QStringList paths;
        for (const ParsedFile &file : schema->files())
            paths.append(QDir(folder).relativeFilePath(file.path()));
        QCOMPARE(paths, QStringList({"auth/session.prisma", "auth/user.prisma", "billing.prisma",
                                     "main.prisma"}));
        QVERIFY(schema->isMultiFile());
        QVERIFY(!schema->hasErrors());
        QVERIFY(schema->file(folder + QStringLiteral("/billing.prisma")));
        QCOMPARE(schema->file(folder + QStringLiteral("/billing.prisma"))->tree.blocks.size(),
                 size_t(2));
    }

    void namesTheRightFileInMultiFileDiagnostics()
    {
        const QString folder = PrismaTestData::root() + QStringLiteral("/multi/broken");
        const gh::Result<SchemaSource> schema = SchemaSource::load(folder);
        QVERIFY(schema.ok());
        QStringList lines;
        for (const Diagnostic &diagnostic : schema->diagnostics())
            lines.append(QDir(folder).relativeFilePath(diagnostic.file) +
                         diagnostic.toString().mid(diagnostic.file.size()));
        QCOMPARE(lines, oracleParserDiagnostics(
                            PrismaTestData::goldenPath("multi", "broken", ".diagnostics.txt")));
        QCOMPARE(lines.size(), 2);
    }

    void loadingReportsMissingSchemas()
    {
        QCOMPARE(SchemaSource::load(PrismaTestData::root() + "/no-such-file.prisma").error().code(),
                 gh::Error::Code::FileNotFound);
        QTemporaryDir empty;
        QCOMPARE(SchemaSource::load(empty.path()).error().code(), gh::Error::Code::SchemaNotFound);
        const gh::Result<SchemaSource> single =
            SchemaSource::load(PrismaTestData::root() + "/fixtures/enums.prisma");
        QVERIFY(single.ok());
        QVERIFY(!single->isMultiFile());
    }
};

QTEST_GUILESS_MAIN(TestPrismaGolden)
#include "tst_prismagolden.moc"
