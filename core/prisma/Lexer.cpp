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

// What an ASCII byte can be, looked up once per byte in the hot loops.
enum AsciiClass : unsigned char {
    WordByte = 0x01,  // continues an identifier: letters, digits, `_`, `-`
    BlankByte = 0x02, // space or tab
    StrayByte = 0x04, // starts no token, so always lexes as Error
};

const std::array<unsigned char, 128> &asciiClasses()
{
    static const std::array<unsigned char, 128> classes = [] {
        std::array<unsigned char, 128> table{};
        for (int c = 0; c < 128; ++c) {
            if (isAsciiLetter(c) || isAsciiDigit(c) || c == '_' || c == '-')
                table[c] |= WordByte;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                table[c] |= StrayByte;
        }
        table[' '] = table['\t'] = BlankByte;
        for (unsigned char c : {'#', '$', '%', '&', '\'', '*', '+', ';', '<', '>', '\\', '^', '_',
                                '`', '|', '~', char(0x7F)})
            table[c] |= StrayByte;
        return table;
    }();
    return classes;
}

bool hasClass(unsigned char c, AsciiClass asciiClass)
{
    return c < 0x80 && (asciiClasses()[c] & asciiClass) != 0;
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
    int end = m_offset;
    while (end < m_size && (byteAt(end) == ' ' || byteAt(end) == '\t'))
        ++end;
    advanceAscii(end);
}

void Lexer::skipTo(int offset)
{
    advanceTo(std::min(offset, m_size));
    m_state.context = State::Context::Code;
}

Token Lexer::next()
{
    Token token;
    token.start = m_offset;
    token.utf16Start = m_utf16;
    token.line = m_line;
    token.column = m_column;

    if (m_offset >= m_size) {
        token.kind = TokenKind::EndOfFile;
    } else if (isLineBreak(byteAt(m_offset))) {
        lexNewline(token);
    } else if (m_state.context == State::Context::BlockComment) {
        lexBlockComment(token, m_offset);
        token.flags |= Token::ContinuedFromPreviousLine;
    } else if (m_state.context == State::Context::String) {
        lexString(token, m_offset);
        token.flags |= Token::ContinuedFromPreviousLine;
    } else {
        lexCode(token);
    }

    token.end = m_offset;
    token.utf16End = m_utf16;
    return token;
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

// The fast path for runs known to be ASCII without line breaks.
void Lexer::advanceAscii(int offset)
{
    const int count = offset - m_offset;
    m_offset = offset;
    m_utf16 += count;
    m_column += count;
}

int Lexer::lineBreakFrom(int offset) const
{
    while (offset < m_size && !isLineBreak(byteAt(offset)))
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

void Lexer::lexNewline(Token &token)
{
    token.kind = TokenKind::Newline;
    const int length =
        (byteAt(m_offset) == '\r' && m_offset + 1 < m_size && byteAt(m_offset + 1) == '\n') ? 2 : 1;
    m_offset += length;
    m_utf16 += length;
    ++m_line;
    m_column = 1;
}

void Lexer::lexCode(Token &token)
{
    const unsigned char c = byteAt(m_offset);
    const unsigned char following = m_offset + 1 < m_size ? byteAt(m_offset + 1) : 0;
    auto single = [&](TokenKind kind) {
        token.kind = kind;
        advanceAscii(m_offset + 1);
    };

    switch (c) {
    case ' ':
    case '\t':
        lexWhitespace(token);
        return;
    case '"':
        lexString(token, m_offset + 1);
        return;
    case '/':
        if (following == '/')
            lexLineComment(token);
        else if (following == '*')
            lexBlockComment(token, m_offset + 2);
        else
            lexError(token);
        return;
    case '@':
        token.kind = following == '@' ? TokenKind::AtAt : TokenKind::At;
        advanceAscii(m_offset + (following == '@' ? 2 : 1));
        return;
    case '{':
        if (m_state.braceDepth < 255)
            ++m_state.braceDepth;
        single(TokenKind::LeftBrace);
        return;
    case '}':
        if (m_state.braceDepth > 0)
            --m_state.braceDepth;
        single(TokenKind::RightBrace);
        return;
    case '(':
        single(TokenKind::LeftParen);
        return;
    case ')':
        single(TokenKind::RightParen);
        return;
    case '[':
        single(TokenKind::LeftBracket);
        return;
    case ']':
        single(TokenKind::RightBracket);
        return;
    case ',':
        single(TokenKind::Comma);
        return;
    case ':':
        single(TokenKind::Colon);
        return;
    case '=':
        single(TokenKind::Equals);
        return;
    case '?':
        single(TokenKind::Question);
        return;
    case '!':
        single(TokenKind::Bang);
        return;
    case '.':
        single(TokenKind::Dot);
        return;
    case '-':
        if (isAsciiDigit(following))
            lexNumber(token);
        else
            lexError(token);
        return;
    default:
        break;
    }

    if (isAsciiDigit(c)) {
        lexNumber(token);
    } else if (isAsciiLetter(c)) {
        lexWord(token);
    } else if (c >= 0x80) {
        const utf8::Step step = utf8::decode(m_data + m_offset, m_data + m_size);
        if (step.valid && isWordCodePoint(step.codePoint))
            lexWord(token);
        else if (step.valid && isSpaceSeparator(step.codePoint))
            lexWhitespace(token);
        else
            lexError(token);
    } else {
        lexError(token);
    }
}

void Lexer::lexWhitespace(Token &token)
{
    token.kind = TokenKind::Whitespace;
    int end = m_offset;
    bool ascii = true;
    while (end < m_size) {
        const unsigned char c = byteAt(end);
        if (c == ' ' || c == '\t') {
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
void Lexer::lexWord(Token &token)
{
    int end = m_offset;
    bool ascii = true;
    const auto &classes = asciiClasses();
    while (end < m_size) {
        const unsigned char c = byteAt(end);
        if (c < 0x80) {
            if (!(classes[c] & WordByte))
                break;
            ++end;
            continue;
        }
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
    advanceTo(lineBreakFrom(m_offset));
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
            p += 1 + utf8::decode(m_data + p + 1, m_data + m_size).bytes;
            continue;
        }
        if (isLineBreak(c)) {
            token.flags |= Token::Unterminated;
            break;
        }
        if (c < 0x20)
            token.flags |= Token::ControlCharacter;
        p += c < 0x80 ? 1 : utf8::decode(m_data + p, m_data + m_size).bytes;
    }
    advanceTo(p);
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

} // namespace gh::prisma
