#pragma once

#include "core/prisma/SourceRange.h"

#include <QtGlobal>

namespace gh::prisma {

/// The kinds of token the Lexer produces. Together the tokens of a file cover every byte of
/// it exactly once, in order, so a highlighter can style the whole text from them.
enum class TokenKind : quint8 {
    Identifier,   ///< `User`, `db`, `2fa`, `ñame`: a Unicode letter or digit, then letters,
                  ///< digits, `_` and `-` (Prisma's identifier rule)
    Keyword,      ///< `datasource generator model enum view type` outside braces, when
                  ///< highlighting (see Lexer)
    Number,       ///< `42`, `-1`, `0.5`: an optional `-`, ASCII digits, an optional fraction
    String,       ///< `"..."` with JSON escapes, quotes included
    At,           ///< `@`
    AtAt,         ///< `@@`
    LeftBrace,    ///< `{`
    RightBrace,   ///< `}`
    LeftParen,    ///< `(`
    RightParen,   ///< `)`
    LeftBracket,  ///< `[`
    RightBracket, ///< `]`
    Comma,        ///< `,`
    Colon,        ///< `:`
    Equals,       ///< `=`
    Question,     ///< `?`
    Bang,         ///< `!` (only in the legacy `Type!`)
    Dot,          ///< `.`
    Comment,      ///< `// ...` up to the line break
    DocComment,   ///< `/// ...` up to the line break
    BlockComment, ///< `/* ... */`
    Whitespace,   ///< spaces, tabs and Unicode space separators (Zs), never line breaks
    Newline,      ///< `\n`, `\r\n` or a lone `\r`
    Error,        ///< bytes no token can start with: `#`, `_x`'s `_`, invalid UTF-8, ...
    EndOfFile,    ///< empty, at the end of the text
};

/// A stable name for a TokenKind, for tests and debugging ("Identifier", "AtAt", ...).
const char *tokenKindName(TokenKind kind);

/// One token: its kind, where it is, and a few facts the parser and highlighter need.
/// Its text is SourceFile::text(token.range()) (or the lexed buffer sliced the same way).
struct Token
{
    enum Flag : quint8 {
        /// A String without its closing quote on its line, or a BlockComment whose `*/` never
        /// comes. Prisma does not accept either as a string or a comment.
        Unterminated = 0x01,
        /// A String holding a raw control character (a tab, say): valid only when escaped.
        ControlCharacter = 0x02,
        /// Lexer::MultiLineTokens::Split only: the token goes on after the line break, and
        /// the next line starts in the state Lexer::state() reports.
        ContinuesOnNextLine = 0x04,
        /// Lexer::MultiLineTokens::Split only: the token began on an earlier line.
        ContinuedFromPreviousLine = 0x08,
    };

    TokenKind kind = TokenKind::EndOfFile;
    quint8 flags = 0;
    int start = 0;      ///< UTF-8 byte offset of the first byte
    int end = 0;        ///< UTF-8 byte offset just past the last byte
    int utf16Start = 0; ///< the same two offsets in UTF-16 units (QString indexes)
    int utf16End = 0;
    int line = 1;   ///< 1-based line of `start`
    int column = 1; ///< 1-based column of `start`, in code points (see SourcePosition)

    SourceRange range() const { return {start, end}; }
    int length() const { return end - start; }
    bool is(TokenKind k) const { return kind == k; }
    bool has(Flag flag) const { return (flags & flag) != 0; }
    /// Identifier or Keyword: the Lexer's keyword choice is a highlighting guess, the parser
    /// treats both as words and decides by position.
    bool isWord() const { return kind == TokenKind::Identifier || kind == TokenKind::Keyword; }
    bool isComment() const
    {
        return kind == TokenKind::Comment || kind == TokenKind::DocComment ||
               kind == TokenKind::BlockComment;
    }
    /// True for the tokens Prisma skips between the parts of a line.
    bool isWhitespace() const { return kind == TokenKind::Whitespace; }
};

} // namespace gh::prisma
