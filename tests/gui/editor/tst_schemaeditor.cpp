// One SchemaEditor offscreen: typing styles the text (and restyling only what changed gives
// the same styles as styling everything), diagnostics become squiggles, markers and tooltips,
// completion opens in context and inserts, Ctrl+click asks for a definition, comments toggle,
// and find/replace works in one undo step.

#include "core/prisma/SourceFile.h"
#include "tests/gui/editor/TypeText.h"
#include "ui/editor/PrismaLexer.h"
#include "ui/editor/SchemaEditor.h"

#include <QHelpEvent>
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>

using namespace gh;
using namespace gh::ui;
using gh::test::typeText;
using Base = QsciScintillaBase;

Q_DECLARE_METATYPE(gh::ui::PrismaStyle)

namespace {

QByteArray readFixture(const QString &name)
{
    QFile file(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma/fixtures/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

PrismaStyle styleAt(SchemaEditor &editor, qsizetype position)
{
    return PrismaStyle(
        editor.SendScintilla(Base::SCI_GETSTYLEAT, static_cast<unsigned long>(position)) & 0x1F);
}

// Styles whatever is not styled yet, as painting would: from the first unstyled byte. (For a
// container lexer SCI_COLOURISE(start, ...) first marks everything from `start` unstyled.)
void styleRest(SchemaEditor &editor)
{
    editor.SendScintilla(Base::SCI_COLOURISE, editor.SendScintilla(Base::SCI_GETENDSTYLED), -1L);
}

QByteArray allStyles(SchemaEditor &editor)
{
    styleRest(editor);
    const int length = int(editor.SendScintilla(Base::SCI_GETLENGTH));
    QByteArray styles(length, '\0');
    for (int i = 0; i < length; ++i)
        styles[i] =
            char(editor.SendScintilla(Base::SCI_GETSTYLEAT, static_cast<unsigned long>(i)) & 0x1F);
    return styles;
}

prisma::Diagnostic diagnostic(const QByteArray &text, const QByteArray &what, bool error,
                              const QString &message)
{
    prisma::SourceFile file(QStringLiteral("schema.prisma"), text);
    const int start = int(text.indexOf(what));
    const prisma::SourceRange range{start, start + int(what.size())};
    return error ? prisma::Diagnostic::error(file, range, message)
                 : prisma::Diagnostic::warning(file, range, message);
}

bool showOnScreen(SchemaEditor &editor)
{
    editor.resize(800, 400);
    editor.show();
    return QTest::qWaitForWindowExposed(&editor);
}

QPoint pointOf(SchemaEditor &editor, int position)
{
    const int x = int(editor.SendScintilla(Base::SCI_POINTXFROMPOSITION, 0UL, long(position)));
    const int y = int(editor.SendScintilla(Base::SCI_POINTYFROMPOSITION, 0UL, long(position)));
    return QPoint(x + 2, y + 4);
}

} // namespace

class TestSchemaEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingStylesTheText_data()
    {
        QTest::addColumn<QByteArray>("word");
        QTest::addColumn<PrismaStyle>("style");
        QTest::newRow("keyword") << QByteArray("model") << PrismaStyle::Keyword;
        QTest::newRow("block name") << QByteArray("User") << PrismaStyle::BlockName;
        QTest::newRow("field name") << QByteArray("email") << PrismaStyle::FieldName;
        QTest::newRow("scalar type") << QByteArray("String") << PrismaStyle::ScalarType;
        QTest::newRow("model type") << QByteArray("Post[]") << PrismaStyle::ModelType;
        QTest::newRow("attribute") << QByteArray("@unique") << PrismaStyle::Attribute;
        QTest::newRow("function") << QByteArray("now()") << PrismaStyle::Function;
        QTest::newRow("string") << QByteArray("\"users\"") << PrismaStyle::String;
        QTest::newRow("comment") << QByteArray("// who") << PrismaStyle::Comment;
        QTest::newRow("doc comment") << QByteArray("/// A person") << PrismaStyle::DocComment;
        QTest::newRow("number") << QByteArray("42") << PrismaStyle::Number;
        QTest::newRow("error") << QByteArray("#") << PrismaStyle::Error;
    }

    void typingStylesTheText()
    {
        QFETCH(QByteArray, word);
        QFETCH(PrismaStyle, style);

        SchemaEditor editor;
        editor.setCompletionAutoPopup(false);
        editor.resize(800, 500);
        editor.show();
        // Typed line by line; automatic indentation supplies the leading spaces.
        typeText(&editor, QStringLiteral("/// A person\nmodel User {\n"
                                         "email String @unique // who\n"
                                         "at DateTime @default(now())\n"
                                         "n Int @default(42) #\n"
                                         "posts Post[]\n"
                                         "@@map(\"users\")\n}\n"));
        const QByteArray text = editor.utf8Text();
        QVERIFY2(text.contains("\n  email String"), text.constData());
        QVERIFY2(text.contains("\n}\n"), text.constData());
        styleRest(editor);
        QCOMPARE(styleAt(editor, text.indexOf(word)), style);
    }

    void restylingOnlyWhatChangedMatchesAFullRestyle()
    {
        const QByteArray original = readFixture(QStringLiteral("relations.prisma"));
        SchemaEditor editor;
        editor.loadText(original);
        styleRest(editor);

        // Edits that change the state carried to later lines: braces, comments, strings.
        const struct
        {
            const char *after;
            const char *insert;
        } edits[] = {
            {"model Profile {", "\n  /* open"}, {"model Post {", " }"},
            {"model User {", "\n  bad \"str"},  {"/// One-to-one.", "\n/*"},
            {"id     Int    @id", " */"},       {"model Post {", "{"},
        };
        for (const auto &edit : edits) {
            const qsizetype at = editor.utf8Text().indexOf(edit.after);
            QVERIFY(at >= 0);
            editor.SendScintilla(Base::SCI_INSERTTEXT,
                                 static_cast<unsigned long>(at + qstrlen(edit.after)), edit.insert);
            const QByteArray incremental = allStyles(editor);

            SchemaEditor fresh;
            fresh.loadText(editor.utf8Text());
            QVERIFY2(incremental == allStyles(fresh), edit.insert);
        }
    }

    void closingABlockCommentRestylesTheLinesAboveTheEdit()
    {
        const QByteArray text("/* notes\nmodel A {\n  id Int @id\n}\n");
        SchemaEditor editor;
        editor.setCompletionAutoPopup(false);
        editor.loadText(text);
        styleRest(editor);
        const int model = int(text.indexOf("model"));
        QCOMPARE(styleAt(editor, 0), PrismaStyle::Error); // unclosed: not a comment in Prisma
        QCOMPARE(styleAt(editor, model), PrismaStyle::Keyword);

        editor.SendScintilla(Base::SCI_DOCUMENTEND);
        typeText(&editor, QStringLiteral("*/"));
        styleRest(editor);
        QCOMPARE(styleAt(editor, 0), PrismaStyle::Comment);
        QCOMPARE(styleAt(editor, model), PrismaStyle::Comment);

        QTest::keyClick(&editor, Qt::Key_Backspace);
        styleRest(editor);
        QCOMPARE(styleAt(editor, model), PrismaStyle::Keyword);
    }

    void foldsBlocks()
    {
        SchemaEditor editor;
        editor.loadText(readFixture(QStringLiteral("authjs-postgres.prisma")));
        styleRest(editor);
        const long level = editor.SendScintilla(Base::SCI_GETFOLDLEVEL, 0UL);
        QVERIFY(level & Base::SC_FOLDLEVELHEADERFLAG); // `datasource db {`
        QCOMPARE(editor.SendScintilla(Base::SCI_GETFOLDPARENT, 2UL), 0L);
        editor.foldAll();
        QVERIFY(!editor.SendScintilla(Base::SCI_GETLINEVISIBLE, 1UL));
    }

    void diagnosticsShowAsSquigglesMarkersAndTooltips()
    {
        const QByteArray text("model A {\n  id Int @id\n  name Strin\n}\n");
        SchemaEditor editor;
        QVERIFY(showOnScreen(editor));
        editor.loadText(text);
        editor.setDiagnostics(
            {diagnostic(text, "Strin", true,
                        QStringLiteral("Type \"Strin\" is neither a built-in type, nor refers to "
                                       "another model, composite type, or enum.")),
             diagnostic(text, "id Int", false, QStringLiteral("A warning"))});

        const int typo = int(text.indexOf("Strin"));
        QVERIFY(editor.diagnosticMessagesAt(typo + 2).first().startsWith(
            QLatin1String("Type \"Strin\"")));
        QVERIFY(editor.diagnosticMessagesAt(int(text.indexOf("model"))).isEmpty());
        QCOMPARE(editor.diagnosticMessagesOnLine(2).size(), 1);
        QCOMPARE(editor.diagnosticMessagesOnLine(1), QStringList{QStringLiteral("A warning")});
        QVERIFY(editor.markersAtLine(2) != 0);
        QCOMPARE(editor.markersAtLine(0), 0u);

        // Squiggles move with the text.
        editor.SendScintilla(Base::SCI_INSERTTEXT, 0UL, "// moved\n");
        QCOMPARE(editor.diagnosticPosition(0), typo + 9);
        QCOMPARE(editor.diagnosticMessagesOnLine(3).size(), 1);

        // Hovering the squiggle shows the message.
        const QPoint at = pointOf(editor, typo + 9 + 1);
        QHelpEvent help(QEvent::ToolTip, at, editor.viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(editor.viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QLatin1String("neither a built-in type")),
                 qPrintable(QToolTip::text()));

        editor.setDiagnostics({});
        QVERIFY(editor.diagnosticMessagesAt(typo + 10).isEmpty());
        QCOMPARE(editor.markersAtLine(3), 0u);
    }

    void completionOpensInContextAndInserts()
    {
        SchemaEditor editor;
        QVERIFY(showOnScreen(editor));
        SchemaSymbols symbols;
        symbols.provider = QStringLiteral("postgresql");
        SchemaSymbols::Block user;
        user.name = QStringLiteral("User");
        user.fields = QStringList{QStringLiteral("id")};
        user.fieldTypes = QStringList{QStringLiteral("String")};
        symbols.blocks << user;
        editor.setSymbols(symbols);
        editor.loadText("model Post {\n  id String @id\n  authorId String\n  \n}\n");
        editor.setCursorPosition(3, 2);

        // A type: the first letter opens the list, typing narrows it, Enter inserts.
        typeText(&editor, QStringLiteral("author U"));
        QTRY_VERIFY(editor.isListActive());
        typeText(&editor, QStringLiteral("s"));
        char current[64] = {};
        editor.SendScintilla(Base::SCI_AUTOCGETCURRENTTEXT, 0UL, current);
        QCOMPARE(QByteArray(current), QByteArray("User"));
        QTest::keyClick(&editor, Qt::Key_Return);
        QVERIFY(!editor.isListActive());

        // `@` opens the attributes; `relation()` leaves the caret inside its parentheses
        // and the arguments follow.
        typeText(&editor, QStringLiteral(" @"));
        QTRY_VERIFY(editor.isListActive());
        typeText(&editor, QStringLiteral("rel"));
        QTest::keyClick(&editor, Qt::Key_Return);
        QTRY_VERIFY(editor.isListActive());
        QVERIFY(editor.utf8Text().contains("author User @relation()"));
        QTest::keyClick(&editor, Qt::Key_Escape);

        typeText(&editor, QStringLiteral("fields: [authorId], references: [id], onDelete: "));
        QTRY_VERIFY2(editor.isListActive(), editor.utf8Text().constData());
        typeText(&editor, QStringLiteral("Ca"));
        std::fill(std::begin(current), std::end(current), '\0');
        editor.SendScintilla(Base::SCI_AUTOCGETCURRENTTEXT, 0UL, current);
        QCOMPARE(QByteArray(current), QByteArray("Cascade"));
        QTest::keyClick(&editor, Qt::Key_Tab);
        QVERIFY2(
            editor.utf8Text().contains(
                "author User @relation(fields: [authorId], references: [id], onDelete: Cascade)"),
            editor.utf8Text().constData());

        // What the list held, by API.
        const PrismaCompletion::Result atTypes =
            editor.completionsAt(int(editor.utf8Text().indexOf("User @")));
        QCOMPARE(atTypes.context, PrismaCompletion::Context::FieldType);
    }

    void ctrlClickAsksForTheDefinition()
    {
        const QByteArray text("model Post {\n  author User\n}\n\nmodel User {\n  id Int @id\n}\n");
        SchemaEditor editor;
        QVERIFY(showOnScreen(editor));
        editor.loadText(text);
        styleRest(editor);
        QSignalSpy requested(&editor, &SchemaEditor::definitionRequested);
        QTest::mouseClick(editor.viewport(), Qt::LeftButton, Qt::ControlModifier,
                          pointOf(editor, int(text.indexOf("User")) + 1));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), QStringLiteral("User"));
        QCOMPARE(editor.definitionOffset(QStringLiteral("User")), int(text.indexOf("User {")));
        QCOMPARE(editor.definitionOffset(QStringLiteral("author")), -1);

        // A plain click only moves the caret.
        QTest::mouseClick(editor.viewport(), Qt::LeftButton, {},
                          pointOf(editor, int(text.indexOf("User")) + 1));
        QCOMPARE(requested.size(), 1);
    }

    void togglesLineComments()
    {
        SchemaEditor editor;
        editor.loadText("model A {\n  id Int @id\n\n  name String\n}\n");
        editor.setSelection(1, 0, 3, 5);
        editor.toggleLineComment();
        QCOMPARE(editor.utf8Text(),
                 QByteArray("model A {\n  // id Int @id\n\n  // name String\n}\n"));
        editor.toggleLineComment();
        QCOMPARE(editor.utf8Text(), QByteArray("model A {\n  id Int @id\n\n  name String\n}\n"));
        editor.undo();
        QCOMPARE(editor.utf8Text(),
                 QByteArray("model A {\n  // id Int @id\n\n  // name String\n}\n"));
    }

    void findsAndReplaces()
    {
        SchemaEditor editor;
        editor.loadText("model A {\n  userId Int\n  userName String\n  other Int\n}\n");
        CodeEditor::FindOptions options;
        options.text = QStringLiteral("user");
        QVERIFY(editor.find(options, true));
        QCOMPARE(editor.selectedText(), QStringLiteral("user"));
        options.caseSensitive = true;
        options.text = QStringLiteral("User");
        QVERIFY(!editor.find(options, true));

        options = {};
        options.text = QStringLiteral("user(\\w+)");
        options.regularExpression = true;
        QCOMPARE(editor.highlightMatches(options), 2);
        QCOMPARE(editor.replaceAll(options, QStringLiteral("owner\\1")), 2);
        QCOMPARE(editor.utf8Text(),
                 QByteArray("model A {\n  ownerId Int\n  ownerName String\n  other Int\n}\n"));
        editor.undo();
        QVERIFY(editor.utf8Text().contains("userId Int\n  userName"));
    }

    void minimalReplacementIsOneUndoStepAndKeepsTheCaretLine()
    {
        SchemaEditor editor;
        editor.loadText("model A {\nid Int @id\n  name    String\n}\n");
        editor.setCursorPosition(2, 4);
        editor.replaceTextMinimally("model A {\n  id   Int    @id\n  name String\n}\n");
        QCOMPARE(editor.utf8Text(), QByteArray("model A {\n  id   Int    @id\n  name String\n}\n"));
        int line = 0, index = 0;
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, 2);
        editor.undo();
        QCOMPARE(editor.utf8Text(), QByteArray("model A {\nid Int @id\n  name    String\n}\n"));
    }

    void positionsAreUtf8Bytes()
    {
        const QByteArray text("model Ünïcode {\n  名前 String @map(\"😀\")\n}\n");
        SchemaEditor editor;
        editor.loadText(text);
        styleRest(editor);
        QCOMPARE(styleAt(editor, text.indexOf("String")), PrismaStyle::ScalarType);
        QCOMPARE(styleAt(editor, text.indexOf("名前")), PrismaStyle::FieldName);
        QCOMPARE(editor.positionAt(2, 6), int(text.indexOf("String"))); // columns count code points
        QCOMPARE(editor.utf8Text(), text);
    }
};

QTEST_MAIN(TestSchemaEditor)
#include "tst_schemaeditor.moc"
