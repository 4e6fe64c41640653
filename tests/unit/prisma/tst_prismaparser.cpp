#include "core/prisma/AstDump.h"
#include "core/prisma/DatasourceUrl.h"
#include "core/prisma/Parser.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/StringLiteral.h"

#include <QtTest>

using namespace gh::prisma;

namespace {

ParsedFile parse(const QByteArray &text)
{
    return Parser::parse(SourceFile(QStringLiteral("schema.prisma"), text));
}

QStringList diagnosticLines(const ParsedFile &file)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : file.diagnostics)
        lines.append(diagnostic.toString());
    return lines;
}

const Block &onlyBlock(const ParsedFile &file)
{
    if (file.tree.blocks.size() != 1)
        qFatal("expected one block, got %zu", file.tree.blocks.size());
    return file.tree.blocks.front();
}

} // namespace

class TestPrismaParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheSyntaxTree_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("tree");

        QTest::newRow("datasource with env() and a list")
            << QByteArray(
                   "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n"
                   "  schemas = [\"auth\", \"public\"]\n}\n")
            << "datasource db\n"
               "  property provider = \"postgresql\"\n"
               "  property url = env(\"DATABASE_URL\")\n"
               "  property schemas = [\"auth\", \"public\"]\n"
               "empty 1\n";
        QTest::newRow("generator with trailing comment and empty value")
            << QByteArray("generator client {\n  provider = \"prisma-client\" // the new one\n  "
                          "output =\n}")
            << "generator client\n"
               "  property provider = \"prisma-client\"\n"
               "    trailing \"// the new one\"\n"
               "  property output =\n";
        QTest::newRow("model fields, arity and attributes")
            << QByteArray("model User {\n  id String @id @default(cuid(2))\n  name String?\n"
                          "  posts Post[]\n  bio String @db.VarChar(255)\n  loc "
                          "Unsupported(\"point\")?\n}\n")
            << "model User\n"
               "  field id String\n    @id\n    @default(cuid(2))\n"
               "  field name String?\n"
               "  field posts Post[]\n"
               "  field bio String\n    @db.VarChar(255)\n"
               "  field loc Unsupported(\"point\")?\n"
               "empty 1\n";
        QTest::newRow("block attributes with named, positional and nested arguments")
            << QByteArray("model A {\n  a Int\n  @@index([a, b(sort: Desc), c(ops: "
                          "raw(\"gin_trgm_ops\"))], "
                          "name: \"x\", type: Hash)\n  @@unique(fields: [a], map: \"a_key\",)\n"
                          "  @@id([a.b])\n}\n")
            << "model A\n"
               "  field a Int\n"
               "  @@index([a, b(sort: Desc), c(ops: raw(\"gin_trgm_ops\"))], name: \"x\", type: "
               "Hash)\n"
               "  @@unique(fields: [a], map: \"a_key\",)\n"
               "  @@id([a.b])\n"
               "empty 1\n";
        QTest::newRow("relation with referential actions")
            << QByteArray("model Post {\n  author User @relation(\"authored\", fields: [authorId], "
                          "references: [id], onDelete: Cascade, onUpdate: SetNull)\n}\n")
            << "model Post\n"
               "  field author User\n"
               "    @relation(\"authored\", fields: [authorId], references: [id], onDelete: "
               "Cascade, "
               "onUpdate: SetNull)\n"
               "empty 1\n";
        QTest::newRow("default values")
            << QByteArray("model D {\n  a Int @default(-1)\n  b Float @default(0.5)\n  c Boolean "
                          "@default(true)\n  d Role @default(ADMIN)\n  e String "
                          "@default(dbgenerated(\"gen()\"))\n"
                          "  f Int[] @default([])\n  g DateTime @default(now())\n}\n")
            << "model D\n"
               "  field a Int\n    @default(-1)\n"
               "  field b Float\n    @default(0.5)\n"
               "  field c Boolean\n    @default(true)\n"
               "  field d Role\n    @default(ADMIN)\n"
               "  field e String\n    @default(dbgenerated(\"gen()\"))\n"
               "  field f Int[]\n    @default([])\n"
               "  field g DateTime\n    @default(now())\n"
               "empty 1\n";
        QTest::newRow("empty argument kept for completion")
            << QByteArray("model A {\n  b B @relation(fields: , references: [id])\n}")
            << "model A\n"
               "  field b B\n    @relation(fields:, references: [id])\n";
        QTest::newRow("enum with mapped values and block attribute")
            << QByteArray("enum Role {\n  ADMIN @map(\"admin\")\n  USER // plain\n\n  "
                          "@@map(\"role\")\n}\n")
            << "enum Role\n"
               "  value ADMIN\n    @map(\"admin\")\n"
               "  value USER\n    trailing \"// plain\"\n"
               "  empty 1\n"
               "  @@map(\"role\")\n"
               "empty 1\n";
        QTest::newRow("view and composite type")
            << QByteArray("view V {\n  id Int @unique\n}\ntype Address {\n  city String\n}\n")
            << "view V\n  field id Int\n    @unique\nempty 1\n"
               "type Address\n  field city String\nempty 1\n";
        QTest::newRow("comments in every position")
            << QByteArray("// top\n\n/// doc\nmodel A {\n  // own line\n  id Int @id // trailing\n"
                          "  /* before */ name String\n  @@map(\"a\") /* after */\n}\n")
            << "comments\n  \"// top\"\n"
               "empty 1\n"
               "comments\n  \"/// doc\"\n"
               "model A\n"
               "  doc \"doc\"\n"
               "  comments\n    \"// own line\"\n"
               "  field id Int\n    @id\n    trailing \"// trailing\"\n"
               "  comments\n    \"/* before */\"\n"
               "  field name String\n    doc \"before\"\n"
               "  @@map(\"a\")\n    trailing \"/* after */\"\n"
               "empty 1\n";
        QTest::newRow("blank lines are kept with their count")
            << QByteArray("\n\nmodel A {\n\n  a Int\n\n\n  b Int\n}\n\n\n")
            << "empty 2\nmodel A\n  empty 1\n  field a Int\n  empty 2\n  field b Int\nempty 3\n";
        QTest::newRow("text after the opening brace is skipped")
            << QByteArray("model A { // why not\n  id Int\n} model B {\n  id Int\n}")
            << "model A\n  field id Int\nmodel B\n  field id Int\n";
        QTest::newRow("keyword glued to the name, as pest reads it")
            << QByteArray("modelUser {\n  id Int\n}\n") << "model User\n  field id Int\nempty 1\n";
        QTest::newRow("whitespace inside types and attributes")
            << QByteArray("model A {\n  a Int ?\n  b Int []\n  c Int @ default (1)\n}")
            << "model A\n  field a Int?\n  field b Int[]\n  field c Int\n    @default(1)\n";
        QTest::newRow("lines that do not parse are kept")
            << QByteArray("model A {\n  foo bar baz\n  ok Int\n}\nstray\n")
            << "model A\n  invalid \"foo bar baz\"\n  field ok Int\nempty 1\ninvalid \"stray\"\n";
        QTest::newRow("legacy syntax is parsed and marked")
            << QByteArray("model A {\n  a: Int\n  b Int!\n  c [Int]\n  d Int[]?\n  e\n}")
            << "model A\n"
               "  field a: Int (invalid)\n"
               "  field b Int legacy=RequiredBang (invalid)\n"
               "  field c Int[] legacy=BracketList (invalid)\n"
               "  field d Int[]? legacy=OptionalList (invalid)\n"
               "  field e (invalid)\n";
        QTest::newRow("invalid blocks and type aliases")
            << QByteArray("table A {\n}\nfoo {\n x\n}\ntype T = String @id\n")
            << "invalid \"table A {\"\n"
               "invalid \"}\"\n"
               "invalid-block \"foo {\\n x\\n}\"\n"
               "empty 1\n"
               "type-alias \"type T = String @id\"\n"
               "empty 1\n";
        QTest::newRow("empty file") << QByteArray() << "\n";
    }
    void buildsTheSyntaxTree()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, tree);
        QCOMPARE(dumpSyntaxTree(parse(source)), tree);
    }

    void classifiesExpressions_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("kind");
        QTest::newRow("string") << QByteArray("\"x\"") << int(Expression::Kind::String);
        QTest::newRow("integer") << QByteArray("42") << int(Expression::Kind::Number);
        QTest::newRow("negative decimal") << QByteArray("-0.25") << int(Expression::Kind::Number);
        QTest::newRow("true") << QByteArray("true") << int(Expression::Kind::Boolean);
        QTest::newRow("false") << QByteArray("false") << int(Expression::Kind::Boolean);
        QTest::newRow("constant") << QByteArray("Cascade") << int(Expression::Kind::Constant);
        QTest::newRow("path") << QByteArray("address.city") << int(Expression::Kind::Constant);
        QTest::newRow("function") << QByteArray("cuid(2)") << int(Expression::Kind::Function);
        QTest::newRow("dotted function")
            << QByteArray("db.fn()") << int(Expression::Kind::Function);
        QTest::newRow("array") << QByteArray("[1, \"a\"]") << int(Expression::Kind::Array);
        QTest::newRow("object") << QByteArray("{ a: 1, b: { c: null } }")
                                << int(Expression::Kind::Object);
        QTest::newRow("empty object") << QByteArray("{}") << int(Expression::Kind::Object);
    }
    void classifiesExpressions()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, kind);
        const ParsedFile file = parse("generator g {\n  x = " + value + "\n}\n");
        QVERIFY2(file.diagnostics.isEmpty(), qPrintable(diagnosticLines(file).join('\n')));
        const ConfigProperty &property = onlyBlock(file).properties.at(0);
        QVERIFY(property.value);
        QCOMPARE(int(property.value->kind), kind);
        QCOMPARE(file.text(property.value->range), QByteArrayView(value));
    }

    void rangesPointAtTheirText()
    {
        const ParsedFile file =
            parse("model Über {\n  näme String? @map(\"n\") @db.VarChar(10) // x\n"
                  "  @@index([näme(sort: Desc)], map: \"i\")\n}\n");
        QVERIFY(file.diagnostics.isEmpty());
        const Block &block = onlyBlock(file);
        QCOMPARE(file.text(block.keyword), "model");
        QCOMPARE(file.text(block.name), "Über");
        QCOMPARE(file.text(block.openBrace), "{");
        QCOMPARE(file.text(block.closeBrace), "}");
        QVERIFY(file.text(block.range).startsWith("model Über {"));
        QVERIFY(file.text(block.range).endsWith("}"));
        QVERIFY(file.text(block.body).startsWith("  näme"));

        const Field &field = block.fields.at(0);
        QCOMPARE(file.text(field.range), "näme String? @map(\"n\") @db.VarChar(10) // x");
        QCOMPARE(file.text(field.name), "näme");
        QCOMPARE(file.text(field.type->range), "String?");
        QCOMPARE(file.text(field.type->base), "String");
        QCOMPARE(file.text(field.attributes.at(0).range), "@map(\"n\")");
        QCOMPARE(file.text(field.attributes.at(1).name), "db.VarChar");
        QCOMPARE(file.text(field.attributes.at(1).arguments->range), "(10)");
        QCOMPARE(file.text(field.trailingComment->range), "// x");
        QCOMPARE(file.text(field.trailingComment->content()), " x");

        const Attribute &index = block.attributes.at(0);
        QVERIFY(index.isBlockAttribute);
        QCOMPARE(file.text(index.range), "@@index([näme(sort: Desc)], map: \"i\")");
        const Argument &fields = index.arguments->arguments.at(0);
        QVERIFY(!fields.isNamed());
        const Expression &element = fields.value->elements.at(0);
        QCOMPARE(element.kind, Expression::Kind::Function);
        QCOMPARE(file.text(element.name), "näme");
        QCOMPARE(file.text(element.range), "näme(sort: Desc)");
        const Argument *map = file.argument(*index.arguments, "map");
        QVERIFY(map);
        QCOMPARE(file.text(map->range), "map: \"i\"");
        QCOMPARE(file.stringValue(*map->value), QStringLiteral("i"));
        QCOMPARE(file.argument(*index.arguments, "name", 0), &fields);
        QCOMPARE(file.argument(*index.arguments, "name"), nullptr);

        // Diagnostics carry line and column in code points.
        const SourcePosition position = file.source.position(field.attributes.at(1).range.start);
        QCOMPARE(position.line, 2);
        QCOMPARE(position.column, 26);
    }

    void parsesObjectExpressions_data()
    {
        QTest::addColumn<QByteArray>("attribute");
        QTest::addColumn<QString>("rendered");
        QTest::newRow("partial unique index")
            << QByteArray("@@unique([email], where: { active: true })")
            << "@@unique([email], where: { active: true })";
        QTest::newRow("raw where stays a function")
            << QByteArray("@@index([email], where: raw(\"active = true\"))")
            << "@@index([email], where: raw(\"active = true\"))";
        QTest::newRow("every kind of value, normalised spacing")
            << QByteArray(
                   "@@index([a],where:{a:\"x\" ,b : -1.5,c:null,d:{ not: null },e:[1],f:g()})")
            << "@@index([a], where: { a: \"x\", b: -1.5, c: null, d: { not: null }, e: [1], f: "
               "g() })";
        QTest::newRow("empty object, as prisma format writes it")
            << QByteArray("@@index([a], where: {})") << "@@index([a], where: {  })";
        QTest::newRow("keys are names: digits, dashes, keywords")
            << QByteArray("@@index([a], where: { 1: 1, a-b: 2, model: 3 })")
            << "@@index([a], where: { 1: 1, a-b: 2, model: 3 })";
        QTest::newRow("objects in arrays and function arguments")
            << QByteArray("@@index([{ a: 1 }], where: raw({ b: [{}] }))")
            << "@@index([{ a: 1 }], where: raw({ b: [{  }] }))";
    }
    void parsesObjectExpressions()
    {
        QFETCH(QByteArray, attribute);
        QFETCH(QString, rendered);
        const ParsedFile file = parse("model A {\n  a Int @id\n  " + attribute + "\n}\n");
        QVERIFY2(file.diagnostics.isEmpty(), qPrintable(diagnosticLines(file).join('\n')));
        QCOMPARE(onlyBlock(file).attributes.size(), std::size_t(1));
        QCOMPARE(renderAttribute(file, onlyBlock(file).attributes.at(0)), rendered);
    }

    void objectMembersHaveRanges()
    {
        const ParsedFile file =
            parse("model A {\n  a Int @id\n  @@index([a], where: { äctive : true, n: { not: "
                  "\"x\" } })\n}\n");
        QVERIFY(file.diagnostics.isEmpty());
        const Attribute &index = onlyBlock(file).attributes.at(0);
        const Argument *where = file.argument(*index.arguments, "where");
        QVERIFY(where && where->value);
        const Expression &object = *where->value;
        QCOMPARE(object.kind, Expression::Kind::Object);
        QCOMPARE(file.text(object.range), "{ äctive : true, n: { not: \"x\" } }");
        QCOMPARE(object.arguments.range, object.range);
        QVERIFY(!object.arguments.trailingComma);
        QCOMPARE(object.members().size(), std::size_t(2));

        const ObjectMember &active = object.members()[0];
        QVERIFY(active.isNamed() && !active.isEmpty());
        QCOMPARE(file.text(*active.name), "äctive");
        QCOMPARE(file.text(active.range), "äctive : true");
        QCOMPARE(active.value->kind, Expression::Kind::Boolean);

        const ObjectMember *n = file.argument(object.arguments, "n");
        QVERIFY(n);
        QCOMPARE(n->value->kind, Expression::Kind::Object);
        QCOMPARE(file.text(n->range), "n: { not: \"x\" }");
        const ObjectMember &notMember = n->value->members().at(0);
        QCOMPARE(file.text(notMember.range), "not: \"x\"");
        QCOMPARE(file.stringValue(*notMember.value), QStringLiteral("x"));

        // Other kinds have no members, even a function whose arguments are named.
        QVERIFY(index.arguments->arguments.at(0).value->members().empty());
    }

    void documentsLikePrisma_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("docs"); // "name=doc" for documented blocks, fields, values

        QTest::newRow("doc comments and block comments, not plain ones")
            << QByteArray("/// one\n// plain\n/// two\nmodel A {\n  id Int\n}\n")
            << QStringList{"A=one\ntwo"};
        QTest::newRow("a blank line detaches a comment from a block")
            << QByteArray("/// lost\n\nmodel A {\n  id Int\n}\n") << QStringList{};
        QTest::newRow("doc text keeps its inner spacing")
            << QByteArray("///   spaced  \nmodel A {\n  id Int\n}\n") << QStringList{"A=spaced  "};
        QTest::newRow("field docs cross blank lines")
            << QByteArray("model A {\n  /// above\n\n  id Int\n}\n") << QStringList{"id=above"};
        QTest::newRow("a trailing doc is appended")
            << QByteArray("model A {\n  /// above\n  id Int /// after\n  b Int // plain\n}\n")
            << QStringList{"id=above\nafter"};
        QTest::newRow("comments above a block attribute document the next field")
            << QByteArray("model A {\n  id Int\n  /// leaked\n  @@map(\"a\")\n  b Int\n}\n")
            << QStringList{"b=leaked"};
        QTest::newRow("block comments are trimmed")
            << QByteArray("/**\n * star\n */\nmodel A {\n  id Int /* t */\n  /**/ b Int\n}\n")
            << QStringList{"A=*\n * star", "id=t", "b="};
        QTest::newRow("enum values")
            << QByteArray("/// E\nenum E {\n  /// first\n  A\n  B /// second\n}\n")
            << QStringList{"E=E", "A=first", "B=second"};
    }
    void documentsLikePrisma()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, docs);
        const ParsedFile file = parse(source);
        QStringList actual;
        for (const Block &block : file.tree.blocks) {
            if (block.documentation)
                actual.append(file.string(block.name) + QLatin1Char('=') + *block.documentation);
            for (const Field &field : block.fields) {
                if (field.documentation)
                    actual.append(file.string(field.name) + QLatin1Char('=') +
                                  *field.documentation);
            }
            for (const EnumValue &value : block.values) {
                if (value.documentation)
                    actual.append(file.string(value.name) + QLatin1Char('=') +
                                  *value.documentation);
            }
        }
        QCOMPARE(actual, docs);
    }

    // Exact messages and positions; each row was checked against `prisma validate` (the
    // oracle's lint), which reports the same lines among its other findings.
    void recoversFromErrors_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("diagnostics");

        QTest::newRow("bad field line, parsing goes on")
            << QByteArray("model A {\n  id Int @id\n  foo bar baz\n  ok Int\n}\n")
            << QStringList{"schema.prisma:3:3: error: This line is not a valid field or attribute "
                           "definition."};
        QTest::newRow("unclosed block: its lines are top-level lines")
            << QByteArray("model A {\n  id Int\n  x String\n")
            << QStringList{
                   "schema.prisma:1:1: error: This line is invalid. It does not start with any "
                   "known Prisma schema keyword.",
                   "schema.prisma:2:3: error: This line is invalid. It does not start with any "
                   "known Prisma schema keyword.",
                   "schema.prisma:3:3: error: This line is invalid. It does not start with any "
                   "known Prisma schema keyword."};
        QTest::newRow("block missing its brace swallows the next header")
            << QByteArray("model A {\n  id Int\nmodel B {\n  id Int\n}\n")
            << QStringList{"schema.prisma:3:1: error: This line is not a valid field or attribute "
                           "definition."};
        QTest::newRow("a closing brace after a field is part of the field line")
            << QByteArray("enum E {\n  A }\nmodel B {\n  id Int\n}\n")
            << QStringList{"schema.prisma:2:3: error: This line is not an enum value definition.",
                           "schema.prisma:3:1: error: This line is not an enum value definition.",
                           "schema.prisma:4:3: error: This line is not an enum value definition."};
        QTest::newRow("invalid lines in config blocks name the block kind")
            << QByteArray("datasource db {\n  nope\n}\ngenerator g {\n  @@x\n}\n")
            << QStringList{"schema.prisma:2:3: error: This line is not a valid definition within a "
                           "datasource.",
                           "schema.prisma:5:3: error: This line is not a valid definition within a "
                           "generator."};
        QTest::newRow("arguments never span lines")
            << QByteArray("model A {\n  a Int\n  @@index([a,\n  b])\n}\n")
            << QStringList{"schema.prisma:3:3: error: This line is not a valid field or attribute "
                           "definition.",
                           "schema.prisma:4:3: error: This line is not a valid field or attribute "
                           "definition."};
        QTest::newRow("missing type names the container")
            << QByteArray("view V {\n  lonely\n}\n")
            << QStringList{"schema.prisma:2:3: error: Error validating view \"V\": This field "
                           "declaration is invalid. It is either missing a name or a type."};
        QTest::newRow("legacy syntax stops at the first problem")
            << QByteArray("model A {\n  a: Int! @default(\"\\q\")\n  b Int! @default(\"\\q\")\n}\n")
            << QStringList{"schema.prisma:2:4: error: Field declarations don't require a `:`.",
                           "schema.prisma:3:5: error: Fields are required by default, `!` is no "
                           "longer required."};
        QTest::newRow("escape problems point at the escape, in code points")
            << QByteArray("model A {\n  é String @default(\"😀\\x\")\n}\n")
            << QStringList{"schema.prisma:2:23: error: Unknown escape sequence. If the value is a "
                           "windows-style path, `\\` must be escaped as `\\\\`."};
        QTest::newRow("unknown block keyword")
            << QByteArray("table {\n  id Int\n}\n")
            << QStringList{"schema.prisma:1:1: error: This block is invalid. It does not start "
                           "with any known Prisma schema keyword. Valid keywords include 'model', "
                           "'enum', 'type', 'datasource' and 'generator'."};
        QTest::newRow("unclosed block comment is text")
            << QByteArray("model A {\n  id Int @id /* open\n}\n")
            << QStringList{"schema.prisma:2:3: error: This line is not a valid field or attribute "
                           "definition."};
        QTest::newRow("composite types reject ids and block attributes")
            << QByteArray("type T {\n  a Int @id\n  @@map(\"t\")\n}\n")
            << QStringList{"schema.prisma:2:3: error: Defining `@id` attribute for a field in a "
                           "composite type is not allowed.",
                           "schema.prisma:3:3: error: The name of a composite type is not "
                           "persisted in the database, therefore it does not need a mapped "
                           "database name."};
        // Objects (Prisma 7, checked with the oracle): no trailing comma, keys are plain names,
        // a value is required, everything on one line; a bad object makes its line invalid.
        const QByteArray model = "model A {\n  a Int @id\n  @@index([a], where: ";
        const QString invalidLine = QStringLiteral(
            "schema.prisma:3:3: error: This line is not a valid field or attribute definition.");
        QTest::newRow("object with a trailing comma") << model + "{ a: 1, })\n}\n"
                                                      << QStringList{invalidLine};
        QTest::newRow("object key that is a string") << model + "{ \"a\": 1 })\n}\n"
                                                     << QStringList{invalidLine};
        QTest::newRow("object key that is a path") << model + "{ a.b: 1 })\n}\n"
                                                   << QStringList{invalidLine};
        QTest::newRow("object member without a value") << model + "{ a: })\n}\n"
                                                       << QStringList{invalidLine};
        QTest::newRow("object member without a key") << model + "{ : 1 })\n}\n"
                                                     << QStringList{invalidLine};
        QTest::newRow("object members without a comma") << model + "{ a: 1 b: 2 })\n}\n"
                                                        << QStringList{invalidLine};
        QTest::newRow("unclosed object") << model + "{ a: 1\n}\n" << QStringList{invalidLine};
        QTest::newRow("object over two lines")
            << model + "{\n    a: true })\n}\n"
            << QStringList{invalidLine, "schema.prisma:4:5: error: This line is not a valid "
                                        "field or attribute definition."};
        QTest::newRow("escape problems inside objects")
            << model + "{ a: { not: \"\\q\" } })\n}\n"
            << QStringList{"schema.prisma:3:36: error: Unknown escape sequence. If the value is a "
                           "windows-style path, `\\` must be escaped as `\\\\`."};
    }
    void recoversFromErrors()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, diagnostics);
        QCOMPARE(diagnosticLines(parse(source)), diagnostics);
    }

    void diagnosticRangesExcludeTheLineBreak()
    {
        const ParsedFile file = parse("model A {\n  foo bar baz\r\n}\n");
        QCOMPARE(file.diagnostics.size(), 1);
        const Diagnostic &d = file.diagnostics.at(0);
        QCOMPARE(file.text(d.range), "foo bar baz");
        QCOMPARE(d.start.line, 2);
        QCOMPARE(d.start.column, 3);
        QCOMPARE(d.end.column, 14);
        QCOMPARE(d.file, QStringLiteral("schema.prisma"));
        QVERIFY(d.isError());
    }

    void deepNestingIsAnInvalidLineNotACrash()
    {
        QByteArray deep("model A {\n  a Int @default(");
        deep += QByteArray(100000, '[');
        deep += "\n  b Int\n}\n";
        const ParsedFile file = parse(deep);
        QCOMPARE(file.diagnostics.size(), 1);
        QCOMPARE(onlyBlock(file).fields.size(), size_t(1));
    }

    void nestingWithinTheLimitParses()
    {
        const QByteArray value = QByteArray(50, '[') + QByteArray(50, ']');
        const ParsedFile file = parse("generator g {\n  x = " + value + "\n}\n");
        QVERIFY(file.diagnostics.isEmpty());
    }

    // The parser reuses the node pools of trees that died; a tree still alive keeps its own.
    void aLiveTreeIsUntouchedByLaterParses()
    {
        const QByteArray first = "model A {\n  id Int @id @default(autoincrement())\n}\n";
        const ParsedFile kept = parse(first);
        const QString keptDump = dumpSyntaxTree(kept);
        const ParsedFile copy = kept; // shares the pools
        for (int i = 0; i < 3; ++i) {
            const ParsedFile other = parse("model B {\n  name String @map(\"n\")\n  /// doc\n  "
                                           "x Int[]\n  @@index([name(sort: Desc)])\n}\n");
            QCOMPARE(other.tree.blocks.front().fields.size(), std::size_t(2));
        }
        QCOMPARE(dumpSyntaxTree(kept), keptDump);
        QCOMPARE(dumpSyntaxTree(copy), keptDump);
        QCOMPARE(dumpSyntaxTree(parse(first)), keptDump);
    }

    void manyUnclosedBlocksParseInLinearTime()
    {
        // Each header would rescan the rest of the file without the parser's memory of bodies
        // that run into the end: 20,000 headers would take minutes.
        QByteArray source;
        for (int i = 0; i < 20000; ++i)
            source += "model M" + QByteArray::number(i) + " {\n  id Int\n";
        const ParsedFile file = parse(source);
        QCOMPARE(file.diagnostics.size(), 40000);
        QVERIFY(file.tree.blocks.empty());
    }

    void manyArbitraryBlockHeadersParseInLinearTime()
    {
        QByteArray source;
        for (int i = 0; i < 20000; ++i)
            source += "x {\n";
        const ParsedFile file = parse(source);
        QCOMPARE(file.diagnostics.size(), 20000);
    }

    void decodesStringLiteralsLikePrisma_data()
    {
        QTest::addColumn<QByteArray>("literal");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("problems"); // "start-end message"

        const QString unknown = QString::fromLatin1(StringLiteral::unknownEscapeMessage);
        const QString unicode = QString::fromLatin1(StringLiteral::invalidUnicodeMessage);
        QTest::newRow("plain") << QByteArray("\"abc\"") << "abc" << QStringList{};
        QTest::newRow("JSON escapes")
            << QByteArray("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"")
            << QString::fromUtf8("\" \\ / \b \f \n \r \t") << QStringList{};
        QTest::newRow("unicode escape")
            << QByteArray("\"\\u00e9\"") << QString::fromUtf8("é") << QStringList{};
        QTest::newRow("surrogate pair")
            << QByteArray("\"\\ud83d\\ude00\"") << QString::fromUtf8("😀") << QStringList{};
        QTest::newRow("unknown escape is dropped")
            << QByteArray("\"a\\qb\"") << "ab" << QStringList{"2-4 " + unknown};
        QTest::newRow("bad hex digit")
            << QByteArray("\"\\u12zz\"") << "zz" << QStringList{"1-5 " + unicode};
        QTest::newRow("too short")
            << QByteArray("\"\\u1\"") << "1" << QStringList{"1-3 " + unicode};
        QTest::newRow("lone high surrogate")
            << QByteArray("\"\\ud83dx\"") << "x" << QStringList{"1-7 " + unicode};
        QTest::newRow("unpaired surrogates swallow both")
            << QByteArray("\"\\ude00\\u0041!\"") << "!" << QStringList{"1-13 " + unicode};
    }
    void decodesStringLiteralsLikePrisma()
    {
        QFETCH(QByteArray, literal);
        QFETCH(QString, value);
        QFETCH(QStringList, problems);
        std::vector<StringLiteral::Problem> found;
        QCOMPARE(StringLiteral::decode(literal, 0, &found), value);
        QStringList actual;
        for (const StringLiteral::Problem &problem : found)
            actual.append(QStringLiteral("%1-%2 %3")
                              .arg(problem.range.start)
                              .arg(problem.range.end)
                              .arg(QString::fromLatin1(problem.message)));
        QCOMPARE(actual, problems);

        std::vector<StringLiteral::Problem> checked;
        StringLiteral::check(literal, 0, checked);
        QCOMPARE(checked.size(), found.size());
    }

    void findsTheDatasourceUrl_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("value");
        using Kind = DatasourceUrl::Kind;
        QTest::newRow("env") << QByteArray("datasource db {\n  url = env(\"DATABASE_URL\")\n}\n")
                             << int(Kind::EnvironmentVariable) << "DATABASE_URL";
        QTest::newRow("literal")
            << QByteArray(
                   "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\n")
            << int(Kind::Literal) << "file:./dev.db";
        QTest::newRow("escaped literal") << QByteArray("datasource db {\n  url = \"a\\\"b\"\n}\n")
                                         << int(Kind::Literal) << "a\"b";
        QTest::newRow("prisma 7: no url")
            << QByteArray("datasource db {\n  provider = \"postgresql\"\n}\n") << int(Kind::Absent)
            << "";
        QTest::newRow("no datasource")
            << QByteArray("model A {\n  id Int\n}\n") << int(Kind::Absent) << "";
        QTest::newRow("env without a name")
            << QByteArray("datasource db {\n  url = env()\n}\n") << int(Kind::Invalid) << "";
        QTest::newRow("number") << QByteArray("datasource db {\n  url = 5\n}\n")
                                << int(Kind::Invalid) << "";
        QTest::newRow("no value") << QByteArray("datasource db {\n  url =\n}\n")
                                  << int(Kind::Invalid) << "";
    }
    void findsTheDatasourceUrl()
    {
        QFETCH(QByteArray, source);
        QFETCH(int, kind);
        QFETCH(QString, value);
        const SchemaSource schema =
            SchemaSource::fromFiles({SourceFile(QStringLiteral("schema.prisma"), source)});
        const DatasourceUrl url = datasourceUrl(schema);
        QCOMPARE(int(url.kind), kind);
        QCOMPARE(url.value, value);
        if (url.kind != DatasourceUrl::Kind::Absent) {
            QCOMPARE(url.datasource, QStringLiteral("db"));
            QCOMPARE(url.file, QStringLiteral("schema.prisma"));
        }
    }

    void takesTheUrlFromTheFirstDatasourceOfAMultiFileSchema()
    {
        const SchemaSource schema = SchemaSource::fromFiles(
            {SourceFile(QStringLiteral("models.prisma"), "model A {\n  id Int @id\n}\n"),
             SourceFile(QStringLiteral("db.prisma"),
                        "datasource main {\n  url = env(\"MAIN_URL\")\n}\n"),
             SourceFile(QStringLiteral("other.prisma"),
                        "datasource other {\n  url = env(\"OTHER_URL\")\n}\n")});
        const DatasourceUrl url = datasourceUrl(schema);
        QCOMPARE(url.kind, DatasourceUrl::Kind::EnvironmentVariable);
        QCOMPARE(url.value, QStringLiteral("MAIN_URL"));
        QCOMPARE(url.datasource, QStringLiteral("main"));
        QCOMPARE(url.file, QStringLiteral("db.prisma"));
        QCOMPARE(schema.files().at(1).text(url.range), "env(\"MAIN_URL\")");
    }
};

QTEST_GUILESS_MAIN(TestPrismaParser)
#include "tst_prismaparser.moc"
