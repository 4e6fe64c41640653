#pragma once

#include "core/prisma/SourceRange.h"
#include "core/prisma/Token.h"

#include <QByteArrayView>

namespace gh::prisma {

/// Splits Prisma schema text (UTF-8) into tokens, one at a time, without allocating.
///
/// The same lexer drives the parser and the editor's highlighter. For the editor it can start
/// at any line whose State it saved and lex only the lines it restyles:
///
/// ```
/// Lexer lexer(documentBytes); // the whole buffer (SCI_GETCHARACTERPOINTER), not a copy
/// lexer.restart({lineStartByte, 0, line, 1}, Lexer::State::fromInt(stateAtStartOf(line)));
/// for (Token t = lexer.next(); t.start < endByte && !t.is(TokenKind::EndOfFile); t = lexer.next())
/// {
///     style(t);
///     if (t.is(TokenKind::Newline))
///         setStateAtStartOf(t.line + 1, lexer.state().toInt()); // SCI_SETLINESTATE
/// }
/// ```
///
/// The tokens cover the text without gaps. Rules follow Prisma's grammar (`datamodel.pest`):
/// - identifiers start with a Unicode letter or digit and go on with letters, digits, `_` and
///   `-` (letters and digits as QChar classifies them, close to Rust's `is_alphanumeric`);
///   a run of ASCII digits alone is a Number, so a name like `123` arrives as a Number;
/// - numbers are `-?[0-9]+(\.[0-9]+)?`; `1e5` and `.5` are not numbers in Prisma;
/// - strings follow JSON: `\` escapes any one character, a raw control character makes the
///   string invalid (flag ControlCharacter), a raw line break ends it (flag Unterminated);
/// - `/* */` is a comment only when it is closed somewhere later, as in Prisma: an unclosed
///   `/*` is a BlockComment token to the end of its line flagged Unterminated, and the next
///   line is code. Inserting or deleting `*/` can therefore change how lines *above* the edit
///   lex: a highlighter should restyle from the line where the `/*` before the edit opens.
/// - Keyword is a highlighting guess, made in the Split mode only: one of `datasource generator
///   model enum view type` at brace depth 0. Inside a block `type` is an ordinary field name
///   (Account.type in Auth.js). The parser (Whole mode) gets Identifier and decides from the
///   position of the word.
class Lexer
{
public:
    /// How block comments and strings that run over a line break come out.
    enum class MultiLineTokens : quint8 {
        /// Cut at each line break, so every token lies on one line: the pieces carry the flags
        /// ContinuesOnNextLine / ContinuedFromPreviousLine, and state() after the Newline says
        /// how the next line starts. For highlighters, which store a state per line.
        Split,
        /// Each token whole, even across lines, and no Keyword guess. For the parser.
        Whole,
    };

    /// What lexing carries from one line to the next.
    struct State
    {
        enum class Context : quint8 {
            Code,
            BlockComment, ///< inside a `/* */` that began on an earlier line
            String,       ///< inside a string whose line ended in an escaped line break
        };

        Context context = Context::Code;
        quint8 braceDepth = 0; ///< `{` minus `}` so far, saturating at 255; only for Keyword

        /// A compact form for per-line storage (e.g. QScintilla's SCI_SETLINESTATE).
        int toInt() const { return int(context) | int(braceDepth) << 8; }
        static State fromInt(int value)
        {
            State state;
            state.context = Context(value & 0x3);
            state.braceDepth = quint8((value >> 8) & 0xFF);
            return state;
        }
        friend bool operator==(State a, State b)
        {
            return a.context == b.context && a.braceDepth == b.braceDepth;
        }
        friend bool operator!=(State a, State b) { return !(a == b); }
    };

    /// `text` must outlive the lexer; it is never copied.
    explicit Lexer(QByteArrayView text, MultiLineTokens mode = MultiLineTokens::Split);

    /// Continues from `position`, a token boundary (normally a line start), in `state`. The
    /// position's line, column and UTF-16 offset are what the following tokens count from; a
    /// highlighter that needs only bytes can pass {offset, 0, line, 1}.
    void restart(const SourcePosition &position, State state);
    void restart(const SourcePosition &position) { restart(position, State()); }

    /// The next token; at the end an empty EndOfFile token, as often as asked.
    Token next();
    /// The next token that is not Whitespace, written into `token` (after skipBlanks()): how
    /// the parser reads, since its grammar skips whitespace between the parts of a line.
    void nextSignificant(Token &token);

    /// The state at the current position: after a Newline token, the state its next line
    /// starts in.
    State state() const { return m_state; }
    SourcePosition position() const { return {m_offset, m_utf16, m_line, m_column}; }
    bool atEnd() const { return m_offset >= m_size; }
    QByteArrayView text() const { return QByteArrayView(m_data, m_size); }

    /// Moves past spaces and tabs without producing a Whitespace token: the parser skips
    /// whitespace between the parts of a line this way.
    void skipBlanks();

    /// Moves forward to byte `offset` without producing tokens, counting lines and columns,
    /// and goes on in code context. This is how the parser skips what Prisma's grammar takes
    /// as raw text (the rest of a line after `{`, a line that does not parse).
    void skipTo(int offset);

private:
    unsigned char byteAt(int offset) const { return static_cast<unsigned char>(m_data[offset]); }
    void advanceTo(int offset);
    void lexInto(Token &token);
    void nextSignificantSlowly(Token &token);
    // The fast path for runs known to be ASCII without line breaks.
    void advanceAscii(int offset)
    {
        const int count = offset - m_offset;
        m_offset = offset;
        m_utf16 += count;
        m_column += count;
    }
    int lineBreakFrom(int offset) const;
    int commentCloseFrom(int offset) const;

    void lexNewline(Token &token);
    void lexCode(Token &token);
    void lexWhitespace(Token &token);
    void lexWord(Token &token);
    void lexNumber(Token &token);
    void lexLineComment(Token &token);
    void lexBlockComment(Token &token, int contentStart);
    void lexString(Token &token, int contentStart);
    void lexError(Token &token);

    const char *m_data = nullptr;
    int m_size = 0;
    // Not in Token's order: advanceAscii() updates the counters one by one, and next() must
    // not read two of them back as one wide load (a store-forwarding stall per token).
    int m_offset = 0;
    int m_line = 1;
    int m_utf16 = 0;
    int m_column = 1;
    State m_state;
    MultiLineTokens m_mode = MultiLineTokens::Split;

    // The last search for `*/`: searching again from any offset in [from, found] gives the
    // same answer, which keeps lexing linear even with many unclosed `/*`.
    mutable int m_closeSearchFrom = -1;
    mutable int m_closeSearchFound = -1;
};

} // namespace gh::prisma
