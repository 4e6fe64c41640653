#include "PrismaTestData.h"
#include "core/prisma/Lexer.h"
#include "core/prisma/SourceFile.h"

#include <QtTest>

using namespace gh::prisma;

namespace {

QByteArrayView textOf(const QByteArray &source, const Token &token)
{
    return QByteArrayView(source).sliced(token.start, token.length());
}

// The text, or its bytes in hex when it has bytes that are not printable ASCII (a stray byte
// order mark, invalid UTF-8) and that would not survive decoding.
QString printable(QByteArrayView text)
{
    const bool ascii =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
    if (ascii || (!text.startsWith("\xef\xbb\xbf") && QUtf8StringView(text).isValidUtf8()))
        return QString::fromUtf8(text);
    return QString::fromLatin1(text.toByteArray().toHex(' ').toUpper());
}

// "Kind(text)" for every token but whitespace, newlines shown as Newline.
QString describe(const QByteArray &source,
                 Lexer::MultiLineTokens mode = Lexer::MultiLineTokens::Split)
{
    Lexer lexer(source, mode);
    QStringList parts;
    for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile); token = lexer.next()) {
        if (token.is(TokenKind::Whitespace))
            continue;
        QString part = QLatin1String(tokenKindName(token.kind));
        if (!token.is(TokenKind::Newline))
            part += QLatin1Char('(') + printable(textOf(source, token)) + QLatin1Char(')');
        if (token.has(Token::Unterminated))
            part += QLatin1String("!unterminated");
        if (token.has(Token::ControlCharacter))
            part += QLatin1String("!control");
        parts.append(part);
    }
    return parts.join(QLatin1Char(' '));
}

std::vector<Token> lexAll(const QByteArray &source, Lexer::MultiLineTokens mode)
{
    Lexer lexer(source, mode);
    std::vector<Token> tokens;
    for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile); token = lexer.next())
        tokens.push_back(token);
    return tokens;
}

bool sameToken(const Token &a, const Token &b)
{
    return a.kind == b.kind && a.flags == b.flags && a.start == b.start && a.end == b.end &&
           a.line == b.line && a.column == b.column;
}

} // namespace

class TestPrismaLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void producesPrismaTokens_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("tokens");

        QTest::newRow("block header")
            << QByteArray("model User {") << "Keyword(model) Identifier(User) LeftBrace({)";
        QTest::newRow("every keyword at top level")
            << QByteArray("datasource generator model enum view type")
            << "Keyword(datasource) Keyword(generator) Keyword(model) Keyword(enum) Keyword(view) "
               "Keyword(type)";
        QTest::newRow("keywords inside braces are names")
            << QByteArray("model A {\n  type String\n}\ntype")
            << "Keyword(model) Identifier(A) LeftBrace({) Newline Identifier(type) "
               "Identifier(String) Newline RightBrace(}) Newline Keyword(type)";
        QTest::newRow("keyword prefix is one word")
            << QByteArray("modelUser types") << "Identifier(modelUser) Identifier(types)";
        QTest::newRow("field attributes")
            << QByteArray("id String @id @default(cuid(2))")
            << "Identifier(id) Identifier(String) At(@) Identifier(id) At(@) Identifier(default) "
               "LeftParen(() Identifier(cuid) LeftParen(() Number(2) RightParen()) RightParen())";
        QTest::newRow("block attribute and dotted name")
            << QByteArray("@@index([a(sort: Desc)]) @db.VarChar(255)")
            << "AtAt(@@) Identifier(index) LeftParen(() LeftBracket([) Identifier(a) LeftParen(() "
               "Identifier(sort) Colon(:) Identifier(Desc) RightParen()) RightBracket(]) "
               "RightParen()) At(@) Identifier(db) Dot(.) Identifier(VarChar) LeftParen(() "
               "Number(255) RightParen())";
        QTest::newRow("punctuation")
            << QByteArray("{}()[],:=?.!")
            << "LeftBrace({) RightBrace(}) LeftParen(() RightParen()) LeftBracket([) "
               "RightBracket(]) Comma(,) Colon(:) Equals(=) Question(?) Dot(.) Bang(!)";
        QTest::newRow("numbers") << QByteArray("0 42 -1 3.25 -0.5")
                                 << "Number(0) Number(42) Number(-1) Number(3.25) Number(-0.5)";
        QTest::newRow("digits running into a word are a name")
            << QByteArray("2fa 123abc 1-2") << "Identifier(2fa) Identifier(123abc) Identifier(1-2)";
        QTest::newRow("not numbers in Prisma")
            << QByteArray("1e5 .5 1.x")
            << "Identifier(1e5) Dot(.) Number(5) Number(1) Dot(.) Identifier(x)";
        QTest::newRow("names with dashes and underscores")
            << QByteArray("snake_case kebab-case")
            << "Identifier(snake_case) Identifier(kebab-case)";
        QTest::newRow("a name cannot start with an underscore")
            << QByteArray("_id") << "Error(_) Identifier(id)";
        QTest::newRow("lone minus") << QByteArray("- x") << "Error(-) Identifier(x)";
        QTest::newRow("unicode names")
            << QByteArray("straße 名前 ñ1") << "Identifier(straße) Identifier(名前) Identifier(ñ1)";
        QTest::newRow("strings with escapes")
            << QByteArray("\"a\" \"q\\\"uote\" \"back\\\\slash\" \"\\u00e9\"")
            << "String(\"a\") String(\"q\\\"uote\") String(\"back\\\\slash\") "
               "String(\"\\u00e9\")";
        QTest::newRow("unterminated string stops at the line break")
            << QByteArray("\"open\nx") << "String(\"open)!unterminated Newline Identifier(x)";
        QTest::newRow("raw tab makes a string invalid")
            << QByteArray("\"a\tb\"") << "String(\"a\tb\")!control";
        QTest::newRow("comments")
            << QByteArray("// plain\n/// doc\n//// four\nx // end")
            << "Comment(// plain) Newline DocComment(/// doc) Newline DocComment(//// four) "
               "Newline Identifier(x) Comment(// end)";
        QTest::newRow("block comment")
            << QByteArray("/* a */ x /**/ /***/")
            << "BlockComment(/* a */) Identifier(x) BlockComment(/**/) BlockComment(/***/)";
        QTest::newRow("block comment over lines")
            << QByteArray("/* a\n b */x")
            << "BlockComment(/* a) Newline BlockComment( b */) Identifier(x)";
        QTest::newRow("unclosed block comment is one line")
            << QByteArray("/* open\nmodel")
            << "BlockComment(/* open)!unterminated Newline Keyword(model)";
        QTest::newRow("slash alone")
            << QByteArray("a / b") << "Identifier(a) Error(/) Identifier(b)";
        QTest::newRow("stray characters are grouped")
            << QByteArray("#$% x") << "Error(#$%) Identifier(x)";
        QTest::newRow("invalid UTF-8 is an error")
            << QByteArray("a\xff\xfe b") << "Identifier(a) Error(FF FE) Identifier(b)";
        QTest::newRow("line breaks")
            << QByteArray("a\r\nb\rc\nd")
            << "Identifier(a) Newline Identifier(b) Newline Identifier(c) Newline Identifier(d)";
        QTest::newRow("unicode spaces are whitespace")
            << QByteArray("a\xc2\xa0"
                          "b\xe3\x80\x80"
                          "c")
            << "Identifier(a) Identifier(b) Identifier(c)";
        QTest::newRow("byte order mark is not whitespace")
            << QByteArray("a \xef\xbb\xbfmodel") << "Identifier(a) Error(EF BB BF) Keyword(model)";
    }
    void producesPrismaTokens()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, tokens);
        QCOMPARE(describe(source), tokens);
        // The parser's mode differs only in keeping multi-line tokens whole and leaving the
        // keyword guess out.
        if (!source.contains('\n'))
            QCOMPARE(
                describe(source, Lexer::MultiLineTokens::Whole),
                QString(tokens).replace(QLatin1String("Keyword("), QLatin1String("Identifier(")));
    }

    void reportsByteAndUtf16RangesWithLineAndColumn()
    {
        // é is 2 bytes / 1 UTF-16 unit, 😀 is 4 bytes / 2 units, 名 is 3 bytes / 1 unit.
        const QByteArray source("// é😀\nname \"ü😀\" 名\n\tx");
        const std::vector<Token> tokens = lexAll(source, Lexer::MultiLineTokens::Whole);
        struct Expected
        {
            TokenKind kind;
            int start, end, utf16Start, utf16End, line, column;
        };
        const std::vector<Expected> expected = {
            {TokenKind::Comment, 0, 9, 0, 6, 1, 1},
            {TokenKind::Newline, 9, 10, 6, 7, 1, 6},
            {TokenKind::Identifier, 10, 14, 7, 11, 2, 1},
            {TokenKind::Whitespace, 14, 15, 11, 12, 2, 5},
            {TokenKind::String, 15, 23, 12, 17, 2, 6},
            {TokenKind::Whitespace, 23, 24, 17, 18, 2, 10},
            {TokenKind::Identifier, 24, 27, 18, 19, 2, 11},
            {TokenKind::Newline, 27, 28, 19, 20, 2, 12},
            {TokenKind::Whitespace, 28, 29, 20, 21, 3, 1},
            {TokenKind::Identifier, 29, 30, 21, 22, 3, 2},
        };
        QCOMPARE(tokens.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            const Token &t = tokens.at(i);
            const Expected &e = expected.at(i);
            QVERIFY2(t.kind == e.kind, tokenKindName(t.kind));
            QCOMPARE(t.start, e.start);
            QCOMPARE(t.end, e.end);
            QCOMPARE(t.utf16Start, e.utf16Start);
            QCOMPARE(t.utf16End, e.utf16End);
            QCOMPARE(t.line, e.line);
            QCOMPARE(t.column, e.column);
        }
        // The UTF-16 offsets index the decoded text.
        const QString decoded = QString::fromUtf8(source);
        QCOMPARE(
            decoded.mid(tokens.at(4).utf16Start, tokens.at(4).utf16End - tokens.at(4).utf16Start),
            QString::fromUtf8("\"ü😀\""));
    }

    void tokensCoverEveryFileExactly_data() { PrismaTestData::addSchemaFiles(); }
    void tokensCoverEveryFileExactly()
    {
        QFETCH(QString, path);
        const QByteArray source = PrismaTestData::read(path);
        const SourceFile file(path, source);
        for (const auto mode : {Lexer::MultiLineTokens::Whole, Lexer::MultiLineTokens::Split}) {
            int expectedStart = 0;
            for (const Token &token : lexAll(source, mode)) {
                QCOMPARE(token.start, expectedStart);
                QVERIFY(token.end > token.start);
                const SourcePosition position = file.position(token.start);
                QCOMPARE(token.line, position.line);
                QCOMPARE(token.column, position.column);
                QCOMPARE(token.utf16Start, position.utf16Offset);
                QCOMPARE(token.utf16End, file.position(token.end).utf16Offset);
                expectedStart = token.end;
            }
            QCOMPARE(expectedStart, int(source.size()));
        }
    }

    void splitModeKeepsEveryTokenOnOneLine()
    {
        const QByteArray source("a /* one\ntwo\nthree */ b \"x\\\ny\" c\n");
        const std::vector<Token> tokens = lexAll(source, Lexer::MultiLineTokens::Split);
        QStringList pieces;
        for (const Token &token : tokens) {
            if (token.is(TokenKind::Newline) || token.is(TokenKind::Whitespace))
                continue;
            const QByteArrayView text = textOf(source, token);
            QVERIFY(!text.contains('\n'));
            QString piece = QString::fromUtf8(text);
            if (token.has(Token::ContinuedFromPreviousLine))
                piece.prepend(QLatin1Char('<'));
            if (token.has(Token::ContinuesOnNextLine))
                piece.append(QLatin1Char('>'));
            pieces.append(piece);
        }
        QCOMPARE(pieces,
                 QStringList({"a", "/* one>", "<two>", "<three */", "b", "\"x\\>", "<y\"", "c"}));
    }

    void wholeModeKeepsMultiLineTokensWhole()
    {
        QCOMPARE(describe("/* a\n b */x \"p\\\nq\"", Lexer::MultiLineTokens::Whole),
                 QStringLiteral("BlockComment(/* a\n b */) Identifier(x) String(\"p\\\nq\")"));
        const std::vector<Token> tokens = lexAll("/* a\n b */x", Lexer::MultiLineTokens::Whole);
        QCOMPARE(tokens.at(1).line, 2);
        QCOMPARE(tokens.at(1).column, 6);
    }

    void reportsTheStateEachLineStartsIn()
    {
        const QByteArray source(
            "model A {\n  x Int /* a\n  b */\n  s String @default(\"p\\\nq\")\n}\n");
        Lexer lexer(source);
        QList<Lexer::State> lineStates;
        for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile); token = lexer.next()) {
            if (token.is(TokenKind::Newline))
                lineStates.append(lexer.state());
        }
        using Context = Lexer::State::Context;
        QCOMPARE(lineStates.size(), 6);
        QCOMPARE(lineStates.at(0).context, Context::Code);
        QCOMPARE(lineStates.at(0).braceDepth, quint8(1));
        QCOMPARE(lineStates.at(1).context, Context::BlockComment);
        QCOMPARE(lineStates.at(2).context, Context::Code);
        QCOMPARE(lineStates.at(3).context, Context::String);
        QCOMPARE(lineStates.at(4).context, Context::Code);
        QCOMPARE(lineStates.at(5).braceDepth, quint8(0));
    }

    void restartingAtASavedLineStateGivesTheSameTokens_data() { PrismaTestData::addSchemaFiles(); }
    void restartingAtASavedLineStateGivesTheSameTokens()
    {
        QFETCH(QString, path);
        const QByteArray source = PrismaTestData::read(path);
        const SourceFile file(path, source);

        // The highlighter's way: one pass keeping the state at each line start...
        std::vector<Token> full = lexAll(source, Lexer::MultiLineTokens::Split);
        QList<int> stateAtLine{Lexer::State().toInt()};
        {
            Lexer lexer(source);
            for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile);
                 token = lexer.next()) {
                if (token.is(TokenKind::Newline))
                    stateAtLine.append(lexer.state().toInt());
            }
        }
        QCOMPARE(stateAtLine.size(), file.lineCount());

        // ...then any line relexed alone from its saved state.
        size_t index = 0;
        for (int line = 1; line <= file.lineCount(); ++line) {
            Lexer lexer(source);
            lexer.restart(
                {file.lineStart(line), file.position(file.lineStart(line)).utf16Offset, line, 1},
                Lexer::State::fromInt(stateAtLine.at(line - 1)));
            for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile);
                 token = lexer.next()) {
                QVERIFY(index < full.size());
                QVERIFY2(sameToken(token, full.at(index)),
                         qPrintable(QStringLiteral("line %1 token %2").arg(line).arg(index)));
                ++index;
                if (token.is(TokenKind::Newline))
                    break;
            }
        }
        QCOMPARE(index, full.size());
    }

    void unclosedBlockCommentLeavesTheNextLineCode()
    {
        const QByteArray source("/* never closed\nmodel A {\n");
        Lexer lexer(source);
        const Token comment = lexer.next();
        QCOMPARE(comment.kind, TokenKind::BlockComment);
        QVERIFY(comment.has(Token::Unterminated));
        QCOMPARE(lexer.next().kind, TokenKind::Newline);
        QCOMPARE(lexer.state().context, Lexer::State::Context::Code);
        QCOMPARE(lexer.next().kind, TokenKind::Keyword);
    }

    void manyUnclosedBlockCommentsLexInOnePass()
    {
        // Each `/*` looks ahead for `*/`; the lexer remembers that there is none.
        QByteArray source;
        for (int i = 0; i < 20000; ++i)
            source += "/* x\n";
        int comments = 0;
        Lexer lexer(source);
        for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile); token = lexer.next())
            comments += token.is(TokenKind::BlockComment) ? 1 : 0;
        QCOMPARE(comments, 20000);
    }

    void stateSurvivesItsIntegerForm()
    {
        Lexer::State state;
        state.context = Lexer::State::Context::String;
        state.braceDepth = 200;
        QCOMPARE(Lexer::State::fromInt(state.toInt()), state);
        QCOMPARE(Lexer::State::fromInt(0), Lexer::State());
    }

    void skipToCountsLinesAndColumns()
    {
        const QByteArray source("ab\ncd😀ef\ngh");
        Lexer lexer(source);
        lexer.skipTo(9); // after the emoji
        QCOMPARE(lexer.position().line, 2);
        QCOMPARE(lexer.position().column, 4);
        QCOMPARE(lexer.position().utf16Offset, 7);
        QCOMPARE(describe(source.sliced(9)),
                 QStringLiteral("Identifier(ef) Newline Identifier(gh)"));
        QCOMPARE(lexer.next().kind, TokenKind::Identifier);
    }

    void endOfFileRepeats()
    {
        Lexer lexer(QByteArrayView("x"));
        lexer.next();
        QCOMPARE(lexer.next().kind, TokenKind::EndOfFile);
        const Token again = lexer.next();
        QCOMPARE(again.kind, TokenKind::EndOfFile);
        QCOMPARE(again.start, 1);
        QCOMPARE(again.end, 1);
    }
};

QTEST_GUILESS_MAIN(TestPrismaLexer)
#include "tst_prismalexer.moc"
