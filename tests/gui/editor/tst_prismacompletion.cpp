// PrismaCompletion: what is offered at a caret (marked `|` in each schema), by context.

#include "ui/editor/PrismaCompletion.h"
#include "ui/editor/PrismaStyler.h"

#include <QRegularExpression>
#include <QtTest>

using namespace gh::ui;
using Context = PrismaCompletion::Context;

Q_DECLARE_METATYPE(gh::ui::PrismaCompletion::Context)

namespace {

SchemaSymbols symbols(const QString &provider)
{
    SchemaSymbols s;
    s.provider = provider;
    SchemaSymbols::Block user;
    user.name = QStringLiteral("User");
    user.fields = QStringList{QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("role"),
                              QStringLiteral("posts")};
    user.fieldTypes = QStringList{QStringLiteral("String"), QStringLiteral("String"),
                                  QStringLiteral("Role"), QStringLiteral("Post")};
    SchemaSymbols::Block post;
    post.name = QStringLiteral("Post");
    post.fields =
        QStringList{QStringLiteral("id"), QStringLiteral("authorId"), QStringLiteral("author")};
    post.fieldTypes =
        QStringList{QStringLiteral("Int"), QStringLiteral("String"), QStringLiteral("User")};
    SchemaSymbols::Block role;
    role.kind = SchemaSymbols::Kind::Enum;
    role.name = QStringLiteral("Role");
    role.values = QStringList{QStringLiteral("USER"), QStringLiteral("ADMIN")};
    SchemaSymbols::Block address;
    address.kind = SchemaSymbols::Kind::CompositeType;
    address.name = QStringLiteral("Address");
    s.blocks = {user, post, role, address};
    return s;
}

// Builds the request an editor would: the caret's line, the state that line starts in (by
// styling everything above it) and the enclosing block's name.
PrismaCompletion::Result completeAt(const QByteArray &marked, const QString &provider)
{
    const qsizetype caret = marked.indexOf('|');
    const QByteArray text = marked.left(caret) + marked.mid(caret + 1);
    const qsizetype lineStart = text.lastIndexOf('\n', caret - 1) + 1;

    PrismaStyler::LineState state;
    if (lineStart > 0) {
        PrismaStyler styler;
        QByteArray styles;
        std::vector<PrismaStyler::Line> lines;
        styler.style(text, 0, int(lineStart), {}, &styles, &lines);
        state = PrismaStyler::LineState::fromInt(lines.back().endState);
    }
    PrismaCompletion::Request request;
    request.line = QByteArrayView(text).sliced(lineStart, caret - lineStart);
    request.state = state;
    const QRegularExpression header(QStringLiteral("^\\w+\\s+(\\w+)\\s*\\{"),
                                    QRegularExpression::MultilineOption);
    QRegularExpressionMatchIterator it =
        header.globalMatch(QString::fromUtf8(text.left(lineStart)));
    while (it.hasNext())
        request.blockName = it.next().captured(1);
    return PrismaCompletion::complete(request, symbols(provider));
}

QStringList texts(const PrismaCompletion::Result &result)
{
    QStringList list;
    for (const auto &item : result.items)
        list << item.text;
    return list;
}

const char *kModel = "model Post {\n  id Int @id\n  authorId String\n";

} // namespace

class TestPrismaCompletion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offersWhatFitsTheContext_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<Context>("context");
        QTest::addColumn<QStringList>("included");
        QTest::addColumn<QStringList>("excluded");

        const QByteArray model(kModel);
        QTest::newRow("block keyword")
            << QByteArray("mo|") << "postgresql" << Context::BlockKeyword
            << QStringList{"model", "enum", "datasource", "generator", "view", "type"}
            << QStringList{"String"};
        QTest::newRow("type position")
            << model + "  title |"
            << "postgresql" << Context::FieldType
            << QStringList{"String", "DateTime", "Json",   "Bytes", "Unsupported(\"\")",
                           "User",   "Role",     "Address"}
            << QStringList{"model"};
        QTest::newRow("type being typed")
            << model + "  title Str|"
            << "postgresql" << Context::FieldType << QStringList{"String"} << QStringList{};
        QTest::newRow("no completion for the field name")
            << model + "  tit|"
            << "postgresql" << Context::None << QStringList{} << QStringList{};
        QTest::newRow("field attribute")
            << model + "  title String @|"
            << "postgresql" << Context::FieldAttribute
            << QStringList{"id",        "default()", "unique", "relation()",
                           "map(\"\")", "updatedAt", "ignore", "db."}
            << QStringList{"index([])"};
        QTest::newRow("no db. on sqlite")
            << model + "  title String @|"
            << "sqlite" << Context::FieldAttribute << QStringList{"id"} << QStringList{"db."};
        QTest::newRow("block attribute") << model + "  @@|"
                                         << "postgresql" << Context::BlockAttribute
                                         << QStringList{"id([])",    "unique([])", "index([])",
                                                        "map(\"\")", "ignore",     "schema(\"\")"}
                                         << QStringList{"default()", "fulltext([])"};
        QTest::newRow("fulltext on mysql")
            << model + "  @@|"
            << "mysql" << Context::BlockAttribute << QStringList{"fulltext([])"} << QStringList{};
        QTest::newRow("native types for the provider and scalar")
            << model + "  title String @db.|"
            << "postgresql" << Context::NativeType
            << QStringList{"Text", "VarChar", "Char", "Uuid", "Citext"}
            << QStringList{"Integer", "Timestamptz", "NVarChar"};
        QTest::newRow("native types for mysql ints")
            << model + "  n Int @db.|"
            << "mysql" << Context::NativeType
            << QStringList{"Int", "UnsignedInt", "TinyInt", "Year"}
            << QStringList{"VarChar", "Integer"};
        QTest::newRow("relation arguments")
            << model + "  author User @relation(|"
            << "postgresql" << Context::AttributeArgument
            << QStringList{"fields: []", "references: []", "onDelete: ",
                           "onUpdate: ", "name: \"\"",     "map: \"\""}
            << QStringList{};
        QTest::newRow("referential actions after onDelete")
            << model + "  author User @relation(fields: [authorId], references: [id], onDelete: |"
            << "postgresql" << Context::ArgumentValue
            << QStringList{"Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"}
            << QStringList{"BTree"};
        QTest::newRow("referential actions being typed")
            << model + "  author User @relation(fields: [authorId], references: [id], onUpdate: Ca|"
            << "postgresql" << Context::ArgumentValue << QStringList{"Cascade"} << QStringList{};
        QTest::newRow("fields of this model")
            << model + "  author User @relation(fields: [|"
            << "postgresql" << Context::FieldReference << QStringList{"id", "authorId"}
            << QStringList{"author"};
        QTest::newRow("referenced fields of the related model")
            << model + "  author User @relation(fields: [authorId], references: [|"
            << "postgresql" << Context::FieldReference << QStringList{"id", "email", "role"}
            << QStringList{"posts", "authorId"};
        QTest::newRow("index fields") << model + "  @@index([|"
                                      << "postgresql" << Context::FieldReference
                                      << QStringList{"id", "authorId"} << QStringList{};
        QTest::newRow("index arguments")
            << model + "  @@index([id], |"
            << "postgresql" << Context::AttributeArgument << QStringList{"type: ", "map: \"\""}
            << QStringList{"onDelete: "};
        QTest::newRow("index types")
            << model + "  @@index([id], type: |"
            << "postgresql" << Context::ArgumentValue
            << QStringList{"BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"}
            << QStringList{"Cascade"};
        QTest::newRow("sort order in a field list") << model + "  @@index([id(sort: |"
                                                    << "postgresql" << Context::ArgumentValue
                                                    << QStringList{"Asc", "Desc"} << QStringList{};
        QTest::newRow("enum values as default")
            << model + "  role Role @default(|"
            << "postgresql" << Context::AttributeArgument
            << QStringList{"USER", "ADMIN", "dbgenerated(\"\")"} << QStringList{"now()", "cuid()"};
        QTest::newRow("now for a DateTime")
            << model + "  at DateTime @default(|"
            << "postgresql" << Context::AttributeArgument << QStringList{"now()"}
            << QStringList{"cuid()", "autoincrement()"};
        QTest::newRow("ids for a String")
            << model + "  key String @default(|"
            << "postgresql" << Context::AttributeArgument
            << QStringList{"cuid()", "uuid()", "uuid(7)", "nanoid()", "ulid()"}
            << QStringList{"now()"};
        QTest::newRow("datasource properties")
            << QByteArray("datasource db {\n  |") << "" << Context::PropertyName
            << QStringList{"provider", "url", "relationMode"} << QStringList{"output"};
        QTest::newRow("generator properties")
            << QByteArray("generator client {\n  |") << "" << Context::PropertyName
            << QStringList{"provider", "output"} << QStringList{"url"};
        QTest::newRow("datasource providers")
            << QByteArray("datasource db {\n  provider = |") << "" << Context::PropertyValue
            << QStringList{"\"postgresql\"", "\"sqlite\"", "\"mysql\""}
            << QStringList{"\"prisma-client-js\""};
        QTest::newRow("enum value attribute")
            << QByteArray("enum Role {\n  USER @|") << "postgresql" << Context::FieldAttribute
            << QStringList{"map(\"\")"} << QStringList{"id"};
        QTest::newRow("nothing in a comment")
            << model + "  // @|"
            << "postgresql" << Context::None << QStringList{} << QStringList{};
        QTest::newRow("nothing in a string")
            << model + "  n String @map(\"a @|"
            << "postgresql" << Context::None << QStringList{} << QStringList{};
        QTest::newRow("nothing after a block name")
            << QByteArray("model |") << "postgresql" << Context::None << QStringList{}
            << QStringList{};
    }

    void offersWhatFitsTheContext()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QString, provider);
        QFETCH(Context, context);
        QFETCH(QStringList, included);
        QFETCH(QStringList, excluded);

        const PrismaCompletion::Result result = completeAt(schema, provider);
        const QStringList offered = texts(result);
        QCOMPARE(result.context, context);
        for (const QString &item : included)
            QVERIFY2(offered.contains(item),
                     qPrintable(item + QLatin1String(" not in ") + offered.join(QLatin1Char('|'))));
        for (const QString &item : excluded)
            QVERIFY2(!offered.contains(item), qPrintable(item + QLatin1String(" offered")));
        if (context == Context::None)
            QVERIFY(offered.isEmpty());
    }

    void theWordBeingTypedIsReplaced()
    {
        const PrismaCompletion::Result result =
            completeAt(QByteArray(kModel) + "  title Str|", "postgresql");
        QCOMPARE(result.prefixLength, 3);
    }

    void referentialActionsFollowTheProvider()
    {
        const QStringList all{"Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"};
        QCOMPARE(PrismaCompletion::referentialActions(QStringLiteral("postgresql")), all);
        QCOMPARE(PrismaCompletion::referentialActions(QString()), all);
        // Emulated by Prisma: no SetDefault.
        QCOMPARE(PrismaCompletion::referentialActions(QStringLiteral("postgresql"),
                                                      QStringLiteral("prisma")),
                 (QStringList{"Cascade", "Restrict", "SetNull"}));
        QVERIFY(!PrismaCompletion::referentialActions(QStringLiteral("mongodb"))
                     .contains(QStringLiteral("SetDefault")));
        QVERIFY(!PrismaCompletion::referentialActions(QStringLiteral("sqlserver"))
                     .contains(QStringLiteral("Restrict")));
    }

    void nativeTypesFollowTheProvider()
    {
        QVERIFY(PrismaCompletion::nativeTypes(QStringLiteral("sqlite")).isEmpty());
        QVERIFY(PrismaCompletion::nativeTypes(QStringLiteral("postgres"))
                    .contains(QStringLiteral("JsonB")));
        QVERIFY(PrismaCompletion::nativeTypes(QStringLiteral("sqlserver"), QStringLiteral("Float"))
                    .contains(QStringLiteral("Money")));
        QVERIFY(PrismaCompletion::nativeTypes(QStringLiteral("mongodb"), QStringLiteral("String"))
                    .contains(QStringLiteral("ObjectId")));
    }
};

QTEST_APPLESS_MAIN(TestPrismaCompletion)
#include "tst_prismacompletion.moc"
