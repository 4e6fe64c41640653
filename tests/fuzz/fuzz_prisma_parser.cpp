// libFuzzer target for the Prisma lexer and parser: any bytes must parse without crashing,
// hanging or breaking the invariants the editor and the formatter rely on.
//
//   fuzz_prisma_parser -dict=prisma.dict -max_total_time=120 CORPUS_DIR tests/data/prisma/fixtures

#include "core/prisma/AstDump.h"
#include "core/prisma/Lexer.h"
#include "core/prisma/Parser.h"

#include <QByteArray>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace gh::prisma;

namespace {

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

// Tokens cover the text exactly, with positions that agree with SourceFile. Positions are
// counted incrementally, so checking every 16th token (SourceFile::position scans its line)
// still catches any drift.
std::vector<Token> checkedTokens(const SourceFile &file, Lexer::MultiLineTokens mode)
{
    std::vector<Token> tokens;
    Lexer lexer(file.content(), mode);
    int expected = 0;
    for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile); token = lexer.next()) {
        require(token.start == expected && token.end > token.start, "tokens are contiguous");
        if (tokens.size() % 16 == 0) {
            const SourcePosition position = file.position(token.start);
            require(token.line == position.line && token.column == position.column &&
                        token.utf16Start == position.utf16Offset,
                    "token positions agree with SourceFile");
        }
        expected = token.end;
        tokens.push_back(token);
    }
    require(expected == file.size(), "tokens cover the file");
    if (!tokens.empty()) {
        const SourcePosition end = file.position(file.size());
        require(lexer.position() == end, "the lexer ends where the file ends");
    }
    return tokens;
}

// A highlighter restarting any line from its saved state sees the tokens of a full pass.
void checkRestartableLines(const SourceFile &file, const std::vector<Token> &full)
{
    std::vector<int> lineStates{Lexer::State().toInt()};
    Lexer pass(file.content());
    for (Token token = pass.next(); !token.is(TokenKind::EndOfFile); token = pass.next()) {
        if (token.is(TokenKind::Newline))
            lineStates.push_back(pass.state().toInt());
    }
    require(int(lineStates.size()) == file.lineCount(), "one state per line");

    size_t index = 0;
    for (int line = 1; line <= file.lineCount(); ++line) {
        Lexer lexer(file.content());
        const int start = file.lineStart(line);
        lexer.restart({start, file.position(start).utf16Offset, line, 1},
                      Lexer::State::fromInt(lineStates.at(size_t(line - 1))));
        for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile); token = lexer.next()) {
            require(index < full.size(), "no extra tokens after a restart");
            const Token &expected = full.at(index++);
            require(token.kind == expected.kind && token.start == expected.start &&
                        token.end == expected.end && token.flags == expected.flags,
                    "a restarted line lexes as in the full pass");
            if (token.is(TokenKind::Newline))
                break;
        }
    }
    require(index == full.size(), "restarted lines cover the file");
}

void checkInOrder(const std::vector<SourceRange> &ranges, SourceRange outer)
{
    int position = outer.start;
    for (const SourceRange &range : ranges) {
        require(range.start >= position && range.end >= range.start && range.end <= outer.end,
                "items lie in order inside their parent");
        position = range.end;
    }
}

void checkTree(const ParsedFile &parsed)
{
    std::vector<SourceRange> top;
    for (const TopItem &item : parsed.tree.items)
        top.push_back(item.range);
    checkInOrder(top, {0, parsed.source.size()});
    for (const Block &block : parsed.tree.blocks) {
        std::vector<SourceRange> members;
        for (const BlockMember &member : block.members)
            members.push_back(member.range);
        checkInOrder(members, block.body);
    }
    for (const Diagnostic &diagnostic : parsed.diagnostics)
        require(diagnostic.range.start >= 0 && diagnostic.range.end <= parsed.source.size() &&
                    diagnostic.range.start <= diagnostic.range.end,
                "diagnostics lie in the file");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    const SourceFile file(QStringLiteral("fuzz.prisma"),
                          QByteArray(reinterpret_cast<const char *>(data), int(size)));
    checkedTokens(file, Lexer::MultiLineTokens::Whole);
    checkRestartableLines(file, checkedTokens(file, Lexer::MultiLineTokens::Split));

    const ParsedFile parsed = Parser::parse(file);
    checkTree(parsed);
    dumpSyntaxTree(parsed);
    return 0;
}
