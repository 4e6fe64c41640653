#include "core/prisma/Token.h"

namespace gh::prisma {

const char *tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Identifier:
        return "Identifier";
    case TokenKind::Keyword:
        return "Keyword";
    case TokenKind::Number:
        return "Number";
    case TokenKind::String:
        return "String";
    case TokenKind::At:
        return "At";
    case TokenKind::AtAt:
        return "AtAt";
    case TokenKind::LeftBrace:
        return "LeftBrace";
    case TokenKind::RightBrace:
        return "RightBrace";
    case TokenKind::LeftParen:
        return "LeftParen";
    case TokenKind::RightParen:
        return "RightParen";
    case TokenKind::LeftBracket:
        return "LeftBracket";
    case TokenKind::RightBracket:
        return "RightBracket";
    case TokenKind::Comma:
        return "Comma";
    case TokenKind::Colon:
        return "Colon";
    case TokenKind::Equals:
        return "Equals";
    case TokenKind::Question:
        return "Question";
    case TokenKind::Bang:
        return "Bang";
    case TokenKind::Dot:
        return "Dot";
    case TokenKind::Comment:
        return "Comment";
    case TokenKind::DocComment:
        return "DocComment";
    case TokenKind::BlockComment:
        return "BlockComment";
    case TokenKind::Whitespace:
        return "Whitespace";
    case TokenKind::Newline:
        return "Newline";
    case TokenKind::Error:
        return "Error";
    case TokenKind::EndOfFile:
        return "EndOfFile";
    }
    return "?";
}

} // namespace gh::prisma
