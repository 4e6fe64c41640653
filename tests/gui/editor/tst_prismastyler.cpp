// PrismaStyler without an editor: what style each kind of word gets from where it stands, and
// that restarting at any line from its saved state styles exactly like styling from the top
// (what the editor relies on to restyle only what changed).

#include "ui/editor/PrismaStyler.h"

#include <QtTest>

using namespace gh::ui;

Q_DECLARE_METATYPE(gh::ui::PrismaStyle)

namespace {

struct Styled
{
    QByteArray styles;
    std::vector<PrismaStyler::Line> lines;
};

Styled styleAll(const QByteArray &text)
{
    Styled out;
    PrismaStyler styler;
    styler.style(text, 0, int(text.size()), {}, &out.styles, &out.lines);
    return out;
}

const char *kSchema = R"(// A comment
/// Documentation
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id        String   @id @default(cuid())
  email     String   @unique @db.VarChar(255)
  type      String
  role      Role     @default(USER)
  posts     Post[]
  area      Unsupported("circle")?
  score     Float    @default(-1.5)
  stray     Int      # oops
  @@index([email, role(sort: Desc)], type: Hash)
}

/* block
   comment */
enum Role {
  USER
  ADMIN @map("admin")
}

type Address {
  city String
}
)";

} // namespace

class TestPrismaStyler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stylesWordsByPosition_data()
    {
        QTest::addColumn<QByteArray>("needle");
        QTest::addColumn<int>("occurrence");
        QTest::addColumn<PrismaStyle>("style");

        QTest::newRow("line comment") << QByteArray("// A") << 0 << PrismaStyle::Comment;
        QTest::newRow("doc comment") << QByteArray("/// Doc") << 0 << PrismaStyle::DocComment;
        QTest::newRow("block comment") << QByteArray("comment */") << 0 << PrismaStyle::Comment;
        QTest::newRow("datasource keyword")
            << QByteArray("datasource") << 0 << PrismaStyle::Keyword;
        QTest::newRow("datasource name") << QByteArray("db {") << 0 << PrismaStyle::BlockName;
        QTest::newRow("property name") << QByteArray("provider") << 0 << PrismaStyle::FieldName;
        QTest::newRow("property string")
            << QByteArray("\"postgresql\"") << 0 << PrismaStyle::String;
        QTest::newRow("env function") << QByteArray("env(") << 0 << PrismaStyle::Function;
        QTest::newRow("model keyword") << QByteArray("model") << 0 << PrismaStyle::Keyword;
        QTest::newRow("model name") << QByteArray("User {") << 0 << PrismaStyle::BlockName;
        QTest::newRow("field name") << QByteArray("email ") << 0 << PrismaStyle::FieldName;
        QTest::newRow("scalar type") << QByteArray("String   @id") << 0 << PrismaStyle::ScalarType;
        QTest::newRow("enum type")
            << QByteArray("Role     @default") << 0 << PrismaStyle::ModelType;
        QTest::newRow("model type in list") << QByteArray("Post[]") << 0 << PrismaStyle::ModelType;
        QTest::newRow("list brackets") << QByteArray("[]") << 0 << PrismaStyle::Operator;
        QTest::newRow("Unsupported") << QByteArray("Unsupported") << 0 << PrismaStyle::ScalarType;
        QTest::newRow("at sign") << QByteArray("@id") << 0 << PrismaStyle::Attribute;
        QTest::newRow("attribute name") << QByteArray("id @default") << 0 << PrismaStyle::Attribute;
        QTest::newRow("attribute after at")
            << QByteArray("default(cuid") << 0 << PrismaStyle::Attribute;
        QTest::newRow("function") << QByteArray("cuid()") << 0 << PrismaStyle::Function;
        QTest::newRow("native type namespace")
            << QByteArray("db.VarChar") << 0 << PrismaStyle::Attribute;
        QTest::newRow("native type dot") << QByteArray(".VarChar") << 0 << PrismaStyle::Attribute;
        QTest::newRow("native type") << QByteArray("VarChar") << 0 << PrismaStyle::Attribute;
        QTest::newRow("number") << QByteArray("255") << 0 << PrismaStyle::Number;
        QTest::newRow("negative number") << QByteArray("-1.5") << 0 << PrismaStyle::Number;
        QTest::newRow("type as field name")
            << QByteArray("type      String") << 0 << PrismaStyle::FieldName;
        QTest::newRow("type keyword") << QByteArray("type Address") << 0 << PrismaStyle::Keyword;
        QTest::newRow("composite type name")
            << QByteArray("Address") << 0 << PrismaStyle::BlockName;
        QTest::newRow("enum value default") << QByteArray("USER)") << 0 << PrismaStyle::Constant;
        QTest::newRow("stray character") << QByteArray("# oops") << 0 << PrismaStyle::Error;
        QTest::newRow("block attribute") << QByteArray("@@index") << 0 << PrismaStyle::Attribute;
        QTest::newRow("block attribute name")
            << QByteArray("index(") << 0 << PrismaStyle::Attribute;
        QTest::newRow("field reference") << QByteArray("email, role") << 0 << PrismaStyle::Constant;
        QTest::newRow("field reference with arguments")
            << QByteArray("role(sort") << 0 << PrismaStyle::Constant;
        QTest::newRow("argument name") << QByteArray("sort:") << 0 << PrismaStyle::ArgumentName;
        QTest::newRow("argument value") << QByteArray("Desc") << 0 << PrismaStyle::Constant;
        QTest::newRow("index type") << QByteArray("Hash") << 0 << PrismaStyle::Constant;
        QTest::newRow("enum keyword") << QByteArray("enum") << 0 << PrismaStyle::Keyword;
        QTest::newRow("enum value") << QByteArray("USER\n") << 0 << PrismaStyle::Constant;
        QTest::newRow("enum value map") << QByteArray("map(") << 0 << PrismaStyle::Attribute;
        QTest::newRow("brace") << QByteArray("{") << 0 << PrismaStyle::Operator;
        QTest::newRow("whitespace") << QByteArray("  id") << 0 << PrismaStyle::Default;
    }

    void stylesWordsByPosition()
    {
        QFETCH(QByteArray, needle);
        QFETCH(int, occurrence);
        QFETCH(PrismaStyle, style);

        const QByteArray text(kSchema);
        qsizetype at = -1;
        for (int i = 0; i <= occurrence; ++i)
            at = text.indexOf(needle, at + 1);
        QVERIFY2(at >= 0, needle.constData());
        const Styled styled = styleAll(text);
        QCOMPARE(styled.styles.size(), text.size());
        QCOMPARE(PrismaStyle(styled.styles.at(at)), style);
    }

    void anUnclosedBlockCommentIsAnErrorAndTheNextLineIsCode()
    {
        const QByteArray text("/* never closed\nmodel A {\n  id Int @id\n}\n");
        const Styled styled = styleAll(text);
        QCOMPARE(PrismaStyle(styled.styles.at(0)), PrismaStyle::Error);
        QCOMPARE(PrismaStyle(styled.styles.at(text.indexOf("model"))), PrismaStyle::Keyword);
    }

    void foldLevelsFollowBraces()
    {
        const Styled styled = styleAll(QByteArray(kSchema));
        const QList<QByteArray> lines = QByteArray(kSchema).split('\n');
        const int modelLine = int(lines.indexOf("model User {"));
        QCOMPARE(styled.lines.at(modelLine).depthStart, quint8(0));
        QCOMPARE(styled.lines.at(modelLine).depthEnd, quint8(1));
        QCOMPARE(styled.lines.at(modelLine + 1).depthStart, quint8(1));
        QCOMPARE(styled.lines.at(modelLine + 1).depthEnd, quint8(1));
    }

    void restartingAtAnyLineStylesLikeFromTheTop()
    {
        const QByteArray text(kSchema);
        const Styled whole = styleAll(text);
        PrismaStyler styler;
        int lineStart = 0;
        for (size_t line = 0; line < whole.lines.size(); ++line) {
            const PrismaStyler::LineState state =
                line == 0 ? PrismaStyler::LineState()
                          : PrismaStyler::LineState::fromInt(whole.lines[line - 1].endState);
            QByteArray styles;
            std::vector<PrismaStyler::Line> lines;
            const int stop =
                styler.style(text, lineStart, int(text.size()), state, &styles, &lines);
            QCOMPARE(stop, int(text.size()));
            QVERIFY2(styles == whole.styles.mid(lineStart),
                     qPrintable(QStringLiteral("restart at line %1").arg(line + 1)));
            lineStart = int(text.indexOf('\n', lineStart)) + 1;
            if (lineStart <= 0)
                break;
        }
    }

    void stylesWholeLinesOnly()
    {
        const QByteArray text("model A {\n  id Int @id\n}\n");
        PrismaStyler styler;
        QByteArray styles;
        std::vector<PrismaStyler::Line> lines;
        // Asked for 3 bytes of the first line: gets the whole line, line break included.
        const int stop = styler.style(text, 0, 3, {}, &styles, &lines);
        QCOMPARE(stop, int(text.indexOf('\n')) + 1);
        QCOMPARE(lines.size(), size_t(1));
    }

    void crlfAndLoneCarriageReturnEndLines()
    {
        const QByteArray text("model A {\r\n  id Int\r  name String\r\n}");
        const Styled styled = styleAll(text);
        QCOMPARE(styled.lines.size(), size_t(4));
        QCOMPARE(PrismaStyle(styled.styles.at(text.indexOf("name"))), PrismaStyle::FieldName);
        QCOMPARE(PrismaStyle(styled.styles.at(text.indexOf("String"))), PrismaStyle::ScalarType);
    }
};

QTEST_APPLESS_MAIN(TestPrismaStyler)
#include "tst_prismastyler.moc"
