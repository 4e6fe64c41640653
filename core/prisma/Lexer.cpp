#include "core/prisma/Lexer.h"

#include "core/prisma/Utf8.h"

#include <QChar>
#include <algorithm>
#include <array>

namespace gh::prisma {

namespace {

bool isAsciiDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
bool isAsciiLetter(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
bool isLineBreak(unsigned char c)
{
    return c == '\n' || c == '\r';
}

// pest's ALPHANUMERIC, approximated with Qt's Unicode tables.
bool isWordCodePoint(char32_t cp)
{
    return QChar::isLetterOrNumber(cp);
}
// pest's SPACE_SEPARATOR (Unicode Zs), which Prisma skips like a space.
bool isSpaceSeparator(char32_t cp)
{
    return QChar::category(cp) == QChar::Separator_Space;
}

// What a byte can be, looked up once per byte in the hot loops. Bytes from 0x80 up have no
// class: what they continue depends on the code point they decode to.
enum ByteClass : unsigned char {
    WordByte = 0x01,  // continues an identifier: letters, digits, `_`, `-`
    BlankByte = 0x02, // space or tab
    StrayByte = 0x04, // starts no token, so always lexes as Error
    LineBreakByte = 0x08,
};

// How a token starting with a given byte is lexed (in code context).
enum class Start : unsigned char {
    Error,
    Blank,
    LineBreak,
    Quote,
    Slash,
    At,
    Punctuation, // one byte, kind in punctuationKinds
    LeftBrace,
    RightBrace,
    Minus,
    Digit,
    Letter,
    NonAscii,
};

struct ByteTables
{
    unsigned char classes[256] = {};
    Start starts[256] = {};
    TokenKind punctuationKinds[256] = {};
};

constexpr ByteTables makeByteTables()
{
    ByteTables t{};
    for (int c = 0; c < 256; ++c) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (letter || digit || c == '_' || c == '-')
            t.classes[c] |= WordByte;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            t.classes[c] |= StrayByte;
        t.starts[c] = c >= 0x80 ? Start::NonAscii
                      : letter  ? Start::Letter
                      : digit   ? Start::Digit
                                : Start::Error;
        t.punctuationKinds[c] = TokenKind::Error;
    }
    t.classes[int(' ')] = t.classes[int('\t')] = BlankByte;
    t.classes[int('\n')] = t.classes[int('\r')] = LineBreakByte;
    for (unsigned char c : {'#', '$', '%', '&', '\'', '*', '+', ';', '<', '>', '\\', '^', '_', '`',
                            '|', '~', char(0x7F)})
        t.classes[c] |= StrayByte;

    t.starts[int(' ')] = t.starts[int('\t')] = Start::Blank;
    t.starts[int('\n')] = t.starts[int('\r')] = Start::LineBreak;
    t.starts[int('"')] = Start::Quote;
    t.starts[int('/')] = Start::Slash;
    t.starts[int('@')] = Start::At;
    t.starts[int('{')] = Start::LeftBrace;
    t.starts[int('}')] = Start::RightBrace;
    t.starts[int('-')] = Start::Minus;
    const struct
    {
        char c;
        TokenKind kind;
    } punctuation[] = {{'(', TokenKind::LeftParen},   {')', TokenKind::RightParen},
                       {'[', TokenKind::LeftBracket}, {']', TokenKind::RightBracket},
                       {',', TokenKind::Comma},       {':', TokenKind::Colon},
                       {'=', TokenKind::Equals},      {'?', TokenKind::Question},
                       {'!', TokenKind::Bang},        {'.', TokenKind::Dot}};
    for (const auto &p : punctuation) {
        t.starts[int(p.c)] = Start::Punctuation;
        t.punctuationKinds[int(p.c)] = p.kind;
    }
    return t;
}

constexpr ByteTables byteTables = makeByteTables();

bool hasClass(unsigned char c, ByteClass byteClass)
{
    return (byteTables.classes[c] & byteClass) != 0;
}

bool isKeyword(const char *text, int length)
{
    static constexpr std::array<QByteArrayView, 6> keywords = {
        QByteArrayView("datasource"), QByteArrayView("generator"), QByteArrayView("model"),
        QByteArrayView("enum"),       QByteArrayView("view"),      QByteArrayView("type")};
    const QByteArrayView word(text, length);
    return std::find(keywords.begin(), keywords.end(), word) != keywords.end();
}

} // namespace

Lexer::Lexer(QByteArrayView text, MultiLineTokens mode)
    : m_data(text.data())
    , m_size(int(text.size()))
    , m_mode(mode)
{}

void Lexer::restart(const SourcePosition &position, State state)
{
    m_offset = std::min(std::max(position.offset, 0), m_size);
    m_utf16 = position.utf16Offset;
    m_line = position.line;
    m_column = position.column;
    m_state = state;
}

void Lexer::skipBlanks()
{
    const unsigned char *const data = reinterpret_cast<const unsigned char *>(m_data);
    int end = m_offset;
    while (end < m_size && (data[end] == ' ' || data[end] == '\t'))
        ++end;
    advanceAscii(end);
}

void Lexer::skipTo(int offset)
{
    advanceTo(std::min(offset, m_size));
    m_state.context = State::Context::Code;
}

// Counts lines, columns and UTF-16 units up to `offset`, through any text.
void Lexer::advanceTo(int offset)
{
    while (m_offset < offset) {
        const unsigned char c = byteAt(m_offset);
        if (c < 0x80) {
            ++m_offset;
            ++m_utf16;
            if (c == '\n' || (c == '\r' && (m_offset >= m_size || byteAt(m_offset) != '\n'))) {
                ++m_line;
                m_column = 1;
            } else {
                ++m_column;
            }
        } else {
            const utf8::Step step = utf8::decode(m_data + m_offset, m_data + m_size);
            m_offset += step.bytes;
            m_utf16 += step.utf16Units;
            ++m_column;
        }
    }
}

int Lexer::lineBreakFrom(int offset) const
{
    while (offset < m_size && !hasClass(byteAt(offset), LineBreakByte))
        ++offset;
    return offset;
}

int Lexer::commentCloseFrom(int offset) const
{
    const bool cached = m_closeSearchFrom >= 0 && offset >= m_closeSearchFrom &&
                        (m_closeSearchFound < 0 || offset <= m_closeSearchFound);
    if (!cached) {
        m_closeSearchFrom = offset;
        m_closeSearchFound = int(text().indexOf(QByteArrayView("*/", 2), offset));
    }
    return m_closeSearchFound;
}

Q_ALWAYS_INLINE void Lexer::lexNewline(Token &token)
{
    token.kind = TokenKind::Newline;
    const int length =
        (byteAt(m_offset) == '\r' && m_offset + 1 < m_size && byteAt(m_offset + 1) == '\n') ? 2 : 1;
    m_offset += length;
    m_utf16 += length;
    ++m_line;
    m_column = 1;
}

// Dispatches on the first byte through one table lookup; the common tokens (words, blanks,
// punctuation, line breaks) are lexed right here.
Q_ALWAYS_INLINE void Lexer::lexCode(Token &token)
{
    const unsigned char c = byteAt(m_offset);
    switch (byteTables.starts[c]) {
    case Start::Blank:
        lexWhitespace(token);
        return;
    case Start::LineBreak:
        lexNewline(token);
        return;
    case Start::Letter:
        lexWord(token);
        return;
    case Start::Punctuation:
        token.kind = byteTables.punctuationKinds[c];
        advanceAscii(m_offset + 1);
        return;
    case Start::Digit:
        lexNumber(token);
        return;
    case Start::Quote:
        lexString(token, m_offset + 1);
        return;
    case Start::At: {
        const bool atAt = m_offset + 1 < m_size && byteAt(m_offset + 1) == '@';
        token.kind = atAt ? TokenKind::AtAt : TokenKind::At;
        advanceAscii(m_offset + (atAt ? 2 : 1));
        return;
    }
    case Start::LeftBrace:
        if (m_state.braceDepth < 255)
            ++m_state.braceDepth;
        token.kind = TokenKind::LeftBrace;
        advanceAscii(m_offset + 1);
        return;
    case Start::RightBrace:
        if (m_state.braceDepth > 0)
            --m_state.braceDepth;
        token.kind = TokenKind::RightBrace;
        advanceAscii(m_offset + 1);
        return;
    case Start::Slash: {
        const unsigned char following = m_offset + 1 < m_size ? byteAt(m_offset + 1) : 0;
        if (following == '/')
            lexLineComment(token);
        else if (following == '*')
            lexBlockComment(token, m_offset + 2);
        else
            lexError(token);
        return;
    }
    case Start::Minus:
        if (m_offset + 1 < m_size && isAsciiDigit(byteAt(m_offset + 1)))
            lexNumber(token);
        else
            lexError(token);
        return;
    case Start::NonAscii: {
        const utf8::Step step = utf8::decode(m_data + m_offset, m_data + m_size);
        if (step.valid && isWordCodePoint(step.codePoint))
            lexWord(token);
        else if (step.valid && isSpaceSeparator(step.codePoint))
            lexWhitespace(token);
        else
            lexError(token);
        return;
    }
    case Start::Error:
        lexError(token);
        return;
    }
}

Q_ALWAYS_INLINE void Lexer::lexWhitespace(Token &token)
{
    token.kind = TokenKind::Whitespace;
    int end = m_offset;
    bool ascii = true;
    while (end < m_size) {
        const unsigned char c = byteAt(end);
        if (hasClass(c, BlankByte)) {
            ++end;
            continue;
        }
        if (c < 0x80)
            break;
        const utf8::Step step = utf8::decode(m_data + end, m_data + m_size);
        if (!step.valid || !isSpaceSeparator(step.codePoint))
            break;
        end += step.bytes;
        ascii = false;
    }
    ascii ? advanceAscii(end) : advanceTo(end);
}

// Scans an identifier run: letters, digits, `_` and `-`.
Q_ALWAYS_INLINE void Lexer::lexWord(Token &token)
{
    int end = m_offset;
    bool ascii = true;
    while (end < m_size) {
        const unsigned char c = byteAt(end);
        if (hasClass(c, WordByte)) {
            ++end;
            continue;
        }
        if (c < 0x80)
            break;
        const utf8::Step step = utf8::decode(m_data + end, m_data + m_size);
        if (!step.valid || !isWordCodePoint(step.codePoint))
            break;
        end += step.bytes;
        ascii = false;
    }
    const bool guessKeyword = m_mode == MultiLineTokens::Split && m_state.braceDepth == 0;
    token.kind = guessKeyword && isKeyword(m_data + m_offset, end - m_offset)
                     ? TokenKind::Keyword
                     : TokenKind::Identifier;
    ascii ? advanceAscii(end) : advanceTo(end);
}

// `-?[0-9]+(\.[0-9]+)?`, unless the digits run on into a word (`2fa`, `123abc`), which
// Prisma's identifier rule accepts as a name.
void Lexer::lexNumber(Token &token)
{
    int end = m_offset + (byteAt(m_offset) == '-' ? 1 : 0);
    while (end < m_size && isAsciiDigit(byteAt(end)))
        ++end;

    const bool negative = byteAt(m_offset) == '-';
    if (!negative && end < m_size) {
        const unsigned char c = byteAt(end);
        bool wordContinues = isAsciiLetter(c) || c == '_' || c == '-';
        if (!wordContinues && c >= 0x80) {
            const utf8::Step step = utf8::decode(m_data + end, m_data + m_size);
            wordContinues = step.valid && isWordCodePoint(step.codePoint);
        }
        if (wordContinues) {
            lexWord(token);
            return;
        }
    }

    if (end + 1 < m_size && byteAt(end) == '.' && isAsciiDigit(byteAt(end + 1))) {
        end += 2;
        while (end < m_size && isAsciiDigit(byteAt(end)))
            ++end;
    }
    token.kind = TokenKind::Number;
    advanceAscii(end);
}

void Lexer::lexLineComment(Token &token)
{
    const bool doc = m_offset + 2 < m_size && byteAt(m_offset + 2) == '/';
    token.kind = doc ? TokenKind::DocComment : TokenKind::Comment;
    int end = m_offset;
    unsigned char bytes = 0; // all bytes or'ed: bit 7 set when any is not ASCII
    while (end < m_size && !hasClass(byteAt(end), LineBreakByte))
        bytes |= byteAt(end++);
    bytes < 0x80 ? advanceAscii(end) : advanceTo(end);
}

// From `contentStart` (after `/*`, or the start of a continued line) to `*/`.
void Lexer::lexBlockComment(Token &token, int contentStart)
{
    token.kind = TokenKind::BlockComment;
    const int close = commentCloseFrom(contentStart);
    const int lineEnd = lineBreakFrom(contentStart);
    if (close < 0) {
        // Prisma takes an unclosed `/*` as plain text, so the next line is code again.
        token.flags |= Token::Unterminated;
        m_state.context = State::Context::Code;
        advanceTo(lineEnd);
    } else if (m_mode == MultiLineTokens::Whole || close + 2 <= lineEnd) {
        m_state.context = State::Context::Code;
        advanceTo(close + 2);
    } else {
        token.flags |= Token::ContinuesOnNextLine;
        m_state.context = State::Context::BlockComment;
        advanceTo(lineEnd);
    }
}

// From `contentStart` (after the opening quote, or the start of a continued line) to the
// closing quote. pest's string_escape is `\` and ANY character, so an escaped `\n` (or lone
// `\r`) continues the string on the next line, while in `\` + `\r\n` the `\n` is a raw control
// character that ends it.
void Lexer::lexString(Token &token, int contentStart)
{
    token.kind = TokenKind::String;
    m_state.context = State::Context::Code;
    int p = contentStart;
    bool plain = true; // ASCII without line breaks: columns and UTF-16 units count bytes
    while (true) {
        if (p >= m_size) {
            token.flags |= Token::Unterminated;
            break;
        }
        const unsigned char c = byteAt(p);
        if (c == '"') {
            ++p;
            break;
        }
        if (c == '\\') {
            if (p + 1 >= m_size) {
                ++p;
                token.flags |= Token::Unterminated;
                break;
            }
            const unsigned char escaped = byteAt(p + 1);
            const bool crlf = escaped == '\r' && p + 2 < m_size && byteAt(p + 2) == '\n';
            if (crlf) {
                ++p;
                token.flags |= Token::Unterminated;
                break;
            }
            if (isLineBreak(escaped) && m_mode == MultiLineTokens::Split) {
                ++p;
                token.flags |= Token::ContinuesOnNextLine;
                m_state.context = State::Context::String;
                break;
            }
            if (escaped >= 0x80 || isLineBreak(escaped))
                plain = false;
            p += 1 + utf8::decode(m_data + p + 1, m_data + m_size).bytes;
            continue;
        }
        if (isLineBreak(c)) {
            token.flags |= Token::Unterminated;
            break;
        }
        if (c < 0x20)
            token.flags |= Token::ControlCharacter;
        if (c < 0x80) {
            ++p;
        } else {
            plain = false;
            p += utf8::decode(m_data + p, m_data + m_size).bytes;
        }
    }
    plain ? advanceAscii(p) : advanceTo(p);
}

// One stray character, and any that directly follow it.
void Lexer::lexError(Token &token)
{
    token.kind = TokenKind::Error;
    int end = m_offset;
    do {
        end += byteAt(end) < 0x80 ? 1 : utf8::decode(m_data + end, m_data + m_size).bytes;
        if (end >= m_size)
            break;
        const unsigned char c = byteAt(end);
        if (c < 0x80) {
            if (!hasClass(c, StrayByte))
                break;
        } else {
            const utf8::Step step = utf8::decode(m_data + end, m_data + m_size);
            if (step.valid && (isWordCodePoint(step.codePoint) || isSpaceSeparator(step.codePoint)))
                break;
        }
    } while (true);
    advanceTo(end);
}

// Lexes the token at the current position into `token`, field by field: callers that keep
// a token in place (the parser) read it back without copying a freshly stored struct.
Q_ALWAYS_INLINE void Lexer::lexInto(Token &token)
{
    token.kind = TokenKind::EndOfFile;
    token.flags = 0;
    token.start = m_offset;
    token.utf16Start = m_utf16;
    token.line = m_line;
    token.column = m_column;

    if (m_offset >= m_size) {
        token.kind = TokenKind::EndOfFile;
    } else if (m_state.context == State::Context::Code) {
        lexCode(token);
    } else if (isLineBreak(byteAt(m_offset))) {
        lexNewline(token);
    } else if (m_state.context == State::Context::BlockComment) {
        lexBlockComment(token, m_offset);
        token.flags |= Token::ContinuedFromPreviousLine;
    } else {
        lexString(token, m_offset);
        token.flags |= Token::ContinuedFromPreviousLine;
    }

    token.end = m_offset;
    token.utf16End = m_utf16;
}

Token Lexer::next()
{
    Token token;
    lexInto(token);
    return token;
}

// GCC's SLP vectorizer packs the counters and the token's fields into vector registers before
// storing them: about twenty shuffles per token where plain stores need none.
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-tree-slp-vectorize")))
#endif
void Lexer::nextSignificant(Token &token)
{
    // The parser's usual tokens (ASCII words, punctuation, `@`, braces, line breaks, plain
    // strings, comments and numbers, after blanks) are lexed here with the position in locals
    // and stored once: the general path below writes the token through a reference that might
    // alias the counters, so they are reloaded after every store. Anything else, or a word that
    // runs on into non-ASCII bytes, goes the general way from the start.
    if (m_state.context == State::Context::Code && m_mode == MultiLineTokens::Whole) {
        const unsigned char *const data = reinterpret_cast<const unsigned char *>(m_data);
        // Blanks are skipped with the table that dispatches on the first byte: one lookup per
        // byte. Words, the most common tokens, are tested for before the jump table.
        int start = m_offset;
        unsigned char c = 0;
        Start first = Start::Error;
        while (start < m_size) {
            c = data[start];
            first = byteTables.starts[c];
            if (first != Start::Blank)
                break;
            ++start;
        }
        if (start < m_size) {
            TokenKind kind = TokenKind::EndOfFile;
            int end = start + 1;
            bool lineBreak = false;
            if (first == Start::Letter) {
                while (end < m_size && hasClass(data[end], WordByte))
                    ++end;
                kind = end < m_size && data[end] >= 0x80 ? TokenKind::EndOfFile
                                                         : TokenKind::Identifier;
            } else {
                switch (first) {
                case Start::Punctuation:
                    kind = byteTables.punctuationKinds[c];
                    break;
                case Start::At:
                    kind = TokenKind::At;
                    if (end < m_size && data[end] == '@') {
                        kind = TokenKind::AtAt;
                        ++end;
                    }
                    break;
                case Start::LeftBrace:
                    kind = TokenKind::LeftBrace;
                    if (m_state.braceDepth < 255)
                        ++m_state.braceDepth;
                    break;
                case Start::RightBrace:
                    kind = TokenKind::RightBrace;
                    if (m_state.braceDepth > 0)
                        --m_state.braceDepth;
                    break;
                case Start::LineBreak:
                    kind = TokenKind::Newline;
                    lineBreak = true;
                    if (c == '\r' && end < m_size && data[end] == '\n')
                        ++end;
                    break;
                case Start::Quote:
                    // A string of printable ASCII without escapes, closed on its line.
                    while (end < m_size && data[end] >= 0x20 && data[end] < 0x80 &&
                           data[end] != '"' && data[end] != '\\')
                        ++end;
                    if (end < m_size && data[end] == '"') {
                        kind = TokenKind::String;
                        ++end;
                    }
                    break;
                case Start::Slash:
                    // A `//` or `///` comment of ASCII text.
                    if (end < m_size && data[end] == '/') {
                        const bool doc = end + 1 < m_size && data[end + 1] == '/';
                        unsigned char bytes = 0; // all bytes or'ed: bit 7 set when any is not ASCII
                        while (end < m_size && !hasClass(data[end], LineBreakByte))
                            bytes |= data[end++];
                        if (bytes < 0x80)
                            kind = doc ? TokenKind::DocComment : TokenKind::Comment;
                    }
                    break;
                case Start::Digit:
                    // `[0-9]+(\.[0-9]+)?`, unless the digits run on into a word (`2fa`).
                    while (end < m_size && isAsciiDigit(data[end]))
                        ++end;
                    if (end < m_size && (hasClass(data[end], WordByte) || data[end] >= 0x80))
                        break;
                    if (end + 1 < m_size && data[end] == '.' && isAsciiDigit(data[end + 1])) {
                        end += 2;
                        while (end < m_size && isAsciiDigit(data[end]))
                            ++end;
                    }
                    kind = TokenKind::Number;
                    break;
                default:
                    break;
                }
            }
            if (kind != TokenKind::EndOfFile) {
                // ASCII throughout: columns and UTF-16 units count bytes.
                const int skipped = start - m_offset;
                const int length = end - start;
                const int utf16Start = m_utf16 + skipped;
                const int column = m_column + skipped;
                const int line = m_line;
                m_offset = end;
                m_utf16 = utf16Start + length;
                m_column = lineBreak ? 1 : column + length;
                m_line = lineBreak ? line + 1 : line;
                token.kind = kind;
                token.flags = 0;
                token.start = start;
                token.end = end;
                token.utf16Start = utf16Start;
                token.utf16End = utf16Start + length;
                token.line = line;
                token.column = column;
                return;
            }
        }
    }
    nextSignificantSlowly(token);
}

// Out of line, so that the fast path above saves no registers for all that is inlined here.
Q_NEVER_INLINE void Lexer::nextSignificantSlowly(Token &token)
{
    do {
        int end = m_offset;
        while (end < m_size && hasClass(byteAt(end), BlankByte))
            ++end;
        advanceAscii(end);
        lexInto(token);
    } while (token.kind == TokenKind::Whitespace);
}

} // namespace gh::prisma
