#include "ui/editor/PrismaStyler.h"

#include "core/prisma/DataModel.h"

#include <algorithm>
#include <cstring>

namespace gh::ui {

using prisma::Lexer;
using prisma::Token;
using prisma::TokenKind;

namespace {

bool equals(QByteArrayView word, const char *literal)
{
    const auto length = qsizetype(std::strlen(literal));
    return word.size() == length && std::memcmp(word.data(), literal, size_t(length)) == 0;
}

PrismaStyler::BlockKind blockKindOf(QByteArrayView keyword)
{
    using Kind = PrismaStyler::BlockKind;
    if (equals(keyword, "model") || equals(keyword, "view") || equals(keyword, "type"))
        return Kind::Model;
    if (equals(keyword, "enum"))
        return Kind::Enum;
    if (equals(keyword, "datasource"))
        return Kind::Datasource;
    if (equals(keyword, "generator"))
        return Kind::Generator;
    return Kind::Other;
}

// Most tokens are a few bytes long: a loop beats a call to memset.
void fill(char *to, PrismaStyle style, int length)
{
    if (length > 16) {
        std::memset(to, int(style), size_t(length));
        return;
    }
    for (int i = 0; i < length; ++i)
        to[i] = char(style);
}

// The end of the line holding `offset`, past its line break.
int lineEndAfter(QByteArrayView text, int offset)
{
    const int size = int(text.size());
    const char *data = text.data();
    const void *found =
        offset < size ? std::memchr(data + offset, '\n', size_t(size - offset)) : nullptr;
    int end = found ? int(static_cast<const char *>(found) - data) + 1 : size;
    // A lone `\r` also ends a line (as in Prisma); rare enough for a second, bounded scan.
    const void *cr =
        offset < end ? std::memchr(data + offset, '\r', size_t(end - offset)) : nullptr;
    if (cr) {
        const int at = int(static_cast<const char *>(cr) - data);
        end = (at + 1 < size && data[at + 1] == '\n') ? at + 2 : at + 1;
    }
    return end;
}

} // namespace

bool PrismaStyler::isScalarType(QByteArrayView word)
{
    // Asked for the type word of nearly every field line: the first byte rules out most words.
    if (word.isEmpty())
        return false;
    switch (word.front()) {
    case 'S':
        return equals(word, "String");
    case 'B':
        return equals(word, "Boolean") || equals(word, "BigInt") || equals(word, "Bytes");
    case 'I':
        return equals(word, "Int");
    case 'F':
        return equals(word, "Float");
    case 'D':
        return equals(word, "Decimal") || equals(word, "DateTime");
    case 'J':
        return equals(word, "Json");
    case 'U':
        return equals(word, "Unsupported");
    default:
        return false;
    }
}

int PrismaStyler::style(QByteArrayView text, int start, int end, LineState state,
                        QByteArray *styles, std::vector<Line> *lines)
{
    const int size = int(text.size());
    start = std::clamp(start, 0, size);
    end = std::clamp(end, start, size);
    const int stop = end > start ? lineEndAfter(text, end - 1) : start;
    styles->resize(stop - start);
    if (stop == start)
        return start;

    Lexer lexer(text, Lexer::MultiLineTokens::Split);
    lexer.restart({start, 0, 1, 1}, state.lexer);
    m_tokens.clear();
    while (true) {
        const quint8 depth = lexer.state().braceDepth;
        const Token token = lexer.next();
        if (token.is(TokenKind::EndOfFile) || token.start >= stop) {
            if (!m_tokens.empty()) {
                const quint8 depthStart = m_tokens.front().depth;
                styleLine(text, state, styles->data(), start);
                state.lexer = lexer.state();
                lines->push_back({state.toInt(), depthStart, state.lexer.braceDepth});
            }
            break;
        }
        m_tokens.push_back({token, depth});
        if (token.is(TokenKind::Newline)) {
            const quint8 depthStart = m_tokens.front().depth;
            styleLine(text, state, styles->data(), start);
            state.lexer = lexer.state();
            lines->push_back({state.toInt(), depthStart, state.lexer.braceDepth});
            m_tokens.clear();
            if (token.end >= stop)
                break;
        }
    }
    return stop;
}

// Styles the tokens of one line (m_tokens) into `styles` (whose byte 0 is text offset
// `base`) and moves `state.block` across the braces of the line.
void PrismaStyler::styleLine(QByteArrayView text, LineState &state, char *styles, int base)
{
    enum class AttributeName : quint8 { None, Expected, Seen };

    const size_t count = m_tokens.size();
    auto wordOf = [&](const Token &t) { return QByteArrayView(text.data() + t.start, t.length()); };
    auto nextSignificant = [&](size_t i) -> const Token * {
        for (size_t j = i + 1; j < count; ++j) {
            const Token &t = m_tokens[j].token;
            if (!t.isWhitespace() && !t.isComment() && !t.is(TokenKind::Newline))
                return &t;
        }
        return nullptr;
    };

    BlockKind pending = BlockKind::Other; // the block a `{` on this line opens
    bool expectBlockName = false;
    AttributeName attribute = AttributeName::None;
    int argumentDepth = 0; // `(` and `[` opened on this line
    int bracketDepth = 0;  // `[` alone: `b(sort: Desc)` in `[a, b(sort: Desc)]` names a field
    int memberWords = 0;   // words that name or type the member this line declares
    bool afterEquals = false;

    for (size_t i = 0; i < count; ++i) {
        const Token &t = m_tokens[i].token;
        const quint8 depth = m_tokens[i].depth;
        PrismaStyle style = PrismaStyle::Operator;
        bool keepsAttribute = false;

        switch (t.kind) {
        case TokenKind::Whitespace:
        case TokenKind::Newline:
        case TokenKind::EndOfFile:
            style = PrismaStyle::Default;
            keepsAttribute = true;
            break;
        case TokenKind::Comment:
            style = PrismaStyle::Comment;
            break;
        case TokenKind::DocComment:
            style = PrismaStyle::DocComment;
            break;
        case TokenKind::BlockComment:
            // Prisma reads an unclosed `/*` as stray text, not as a comment.
            style = t.has(Token::Unterminated) ? PrismaStyle::Error : PrismaStyle::Comment;
            break;
        case TokenKind::String:
            style = PrismaStyle::String;
            break;
        case TokenKind::Number:
            style = PrismaStyle::Number;
            break;
        case TokenKind::Error:
            style = PrismaStyle::Error;
            break;
        case TokenKind::Keyword:
            style = PrismaStyle::Keyword;
            pending = blockKindOf(wordOf(t));
            expectBlockName = true;
            break;
        case TokenKind::At:
        case TokenKind::AtAt:
            style = PrismaStyle::Attribute;
            attribute = AttributeName::Expected;
            keepsAttribute = true;
            break;
        case TokenKind::Dot:
            if (attribute == AttributeName::Seen) {
                style = PrismaStyle::Attribute;
                attribute = AttributeName::Expected;
                keepsAttribute = true;
            }
            break;
        case TokenKind::LeftBrace:
            if (depth == 0)
                state.block = pending;
            expectBlockName = false;
            break;
        case TokenKind::RightBrace:
            if (depth <= 1)
                state.block = BlockKind::None;
            break;
        case TokenKind::LeftBracket:
            ++bracketDepth;
            ++argumentDepth;
            break;
        case TokenKind::RightBracket:
            bracketDepth = std::max(0, bracketDepth - 1);
            argumentDepth = std::max(0, argumentDepth - 1);
            break;
        case TokenKind::LeftParen:
            ++argumentDepth;
            break;
        case TokenKind::RightParen:
            argumentDepth = std::max(0, argumentDepth - 1);
            break;
        case TokenKind::Equals:
            afterEquals = true;
            break;
        case TokenKind::Identifier: {
            if (attribute == AttributeName::Expected) {
                style = PrismaStyle::Attribute;
                attribute = AttributeName::Seen;
                keepsAttribute = true;
            } else if (depth == 0) {
                style = expectBlockName ? PrismaStyle::BlockName : PrismaStyle::Default;
                expectBlockName = false;
            } else if (argumentDepth > 0 || afterEquals) {
                const Token *next = nextSignificant(i);
                if (next && next->is(TokenKind::LeftParen) && bracketDepth == 0)
                    style = PrismaStyle::Function;
                else if (next && next->is(TokenKind::Colon) && argumentDepth > 0)
                    style = PrismaStyle::ArgumentName;
                else
                    style = PrismaStyle::Constant;
            } else {
                ++memberWords;
                switch (state.block) {
                case BlockKind::Enum:
                    style = memberWords == 1 ? PrismaStyle::Constant : PrismaStyle::Default;
                    break;
                case BlockKind::Datasource:
                case BlockKind::Generator:
                    style = memberWords == 1 ? PrismaStyle::FieldName : PrismaStyle::Constant;
                    break;
                default:
                    if (memberWords == 1)
                        style = PrismaStyle::FieldName;
                    else if (memberWords == 2)
                        style = isScalarType(wordOf(t)) ? PrismaStyle::ScalarType
                                                        : PrismaStyle::ModelType;
                    else
                        style = PrismaStyle::Default;
                    break;
                }
            }
            break;
        }
        default:
            break;
        }
        if (!keepsAttribute)
            attribute = AttributeName::None;
        fill(styles + (t.start - base), style, t.length());
    }
}

} // namespace gh::ui
