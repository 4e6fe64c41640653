#include "core/sql/PostgresDefaultParser.h"

#include <QVector>

namespace gh::sql {

namespace {

enum class Token : quint8 {
    Identifier,
    QuotedIdentifier, // "name"
    String,           // 'text'
    CString,          // E'text'
    Digits,
    Minus,
    Dot,
    Comma,
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    Cast, // ::
    Other,
};

struct Lexeme
{
    Token token;
    QString text;
};

QVector<Lexeme> tokenize(const QString &input)
{
    QVector<Lexeme> tokens;
    int i = 0;
    const int n = int(input.size());
    while (i < n) {
        const QChar c = input.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const int start = i;
        if ((c == QLatin1Char('E') || c == QLatin1Char('e')) && i + 1 < n &&
            input.at(i + 1) == QLatin1Char('\'')) {
            i += 2;
            while (i < n && input.at(i) != QLatin1Char('\'')) {
                if (input.at(i) == QLatin1Char('\\'))
                    ++i;
                ++i;
            }
            ++i;
            tokens.append({Token::CString, input.mid(start, i - start)});
        } else if (c.isLetter() || c == QLatin1Char('_')) {
            while (i < n && (input.at(i).isLetterOrNumber() || input.at(i) == QLatin1Char('_') ||
                             input.at(i) == QLatin1Char('$')))
                ++i;
            tokens.append({Token::Identifier, input.mid(start, i - start)});
        } else if (c.isDigit()) {
            while (i < n && input.at(i).isDigit())
                ++i;
            tokens.append({Token::Digits, input.mid(start, i - start)});
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            ++i;
            while (i < n) {
                if (input.at(i) == c) {
                    if (i + 1 < n && input.at(i + 1) == c) { // doubled quote
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i;
            tokens.append({c == QLatin1Char('"') ? Token::QuotedIdentifier : Token::String,
                           input.mid(start, i - start)});
        } else if (c == QLatin1Char(':') && i + 1 < n && input.at(i + 1) == QLatin1Char(':')) {
            i += 2;
            tokens.append({Token::Cast, QStringLiteral("::")});
        } else {
            ++i;
            Token token = Token::Other;
            switch (c.unicode()) {
            case '-':
                token = Token::Minus;
                break;
            case '.':
                token = Token::Dot;
                break;
            case ',':
                token = Token::Comma;
                break;
            case '(':
                token = Token::Open;
                break;
            case ')':
                token = Token::Close;
                break;
            case '[':
                token = Token::OpenBracket;
                break;
            case ']':
                token = Token::CloseBracket;
                break;
            default:
                break;
            }
            tokens.append({token, QString(c)});
        }
    }
    return tokens;
}

class Parser
{
public:
    explicit Parser(QVector<Lexeme> tokens)
        : m_tokens(std::move(tokens))
    {}

    bool atEnd() const { return m_position >= m_tokens.size(); }
    std::optional<Token> peek(int ahead = 0) const
    {
        if (m_position + ahead >= m_tokens.size())
            return std::nullopt;
        return m_tokens.at(m_position + ahead).token;
    }
    std::optional<QString> expect(Token token)
    {
        if (peek() != token)
            return std::nullopt;
        return m_tokens.at(m_position++).text;
    }

    // `::type`, `::"Enum"`, `::character varying`, `::timestamp(3) without time zone`, `[]`.
    bool eatCasts()
    {
        while (peek() == Token::Cast) {
            ++m_position;
            if (!expect(Token::Identifier) && !expect(Token::QuotedIdentifier))
                return false;
            if (peek() == Token::Dot) { // schema-qualified type
                ++m_position;
                if (!expect(Token::Identifier) && !expect(Token::QuotedIdentifier))
                    return false;
            }
            while (peek() == Token::Identifier) // `varying`, `without time zone`
                ++m_position;
            if (peek() == Token::Open) {
                while (!atEnd() && peek() != Token::Close)
                    ++m_position;
                if (!expect(Token::Close))
                    return false;
                while (peek() == Token::Identifier)
                    ++m_position;
            }
            while (peek() == Token::OpenBracket && peek(1) == Token::CloseBracket)
                m_position += 2;
        }
        return true;
    }

    std::optional<QString> stringValue()
    {
        if (const auto text = expect(Token::String)) {
            QString value = text->mid(1, text->size() - 2);
            value.replace(QLatin1String("''"), QLatin1String("'"));
            if (!eatCasts())
                return std::nullopt;
            return value;
        }
        if (const auto text = expect(Token::CString)) {
            const QString body = text->mid(2, text->size() - 3);
            QString value;
            for (int i = 0; i < body.size(); ++i) {
                QChar c = body.at(i);
                if (c == QLatin1Char('\\') && i + 1 < body.size()) {
                    const QChar next = body.at(++i);
                    switch (next.unicode()) {
                    case 'n':
                        c = QLatin1Char('\n');
                        break;
                    case 'r':
                        c = QLatin1Char('\r');
                        break;
                    case 't':
                        c = QLatin1Char('\t');
                        break;
                    case 'b':
                        c = QChar(8);
                        break;
                    case 'f':
                        c = QChar(12);
                        break;
                    default:
                        c = next;
                        break;
                    }
                } else if (c == QLatin1Char('\'') && i + 1 < body.size() &&
                           body.at(i + 1) == QLatin1Char('\'')) {
                    ++i;
                }
                value += c;
            }
            if (!eatCasts())
                return std::nullopt;
            return value;
        }
        return std::nullopt;
    }

private:
    QVector<Lexeme> m_tokens;
    int m_position = 0;
};

ScalarValue scalar(ScalarValue::Kind kind, const QString &text)
{
    ScalarValue value;
    value.kind = kind;
    value.text = text;
    return value;
}

std::optional<QString> number(Parser &parser, bool allowFraction)
{
    QString sign;
    if (parser.expect(Token::Minus))
        sign = QStringLiteral("-");
    const auto integer = parser.expect(Token::Digits);
    if (!integer)
        return std::nullopt;
    QString text = sign + *integer;
    if (allowFraction && parser.peek() == Token::Dot) {
        parser.expect(Token::Dot);
        const auto fraction = parser.expect(Token::Digits);
        if (!fraction)
            return std::nullopt;
        text += QLatin1Char('.') + *fraction;
    }
    return text;
}

std::optional<QString> numberInString(const QString &text, bool allowFraction)
{
    Parser inner(tokenize(text));
    const auto value = number(inner, allowFraction);
    return value && inner.atEnd() ? value : std::nullopt;
}

// One value of a family, as Prisma's parse_*_default functions read it.
std::optional<ScalarValue> parseValue(Parser &parser, ColumnTypeFamily family)
{
    switch (family) {
    case ColumnTypeFamily::String:
    case ColumnTypeFamily::Json: {
        const auto text = parser.stringValue();
        if (!text)
            return std::nullopt;
        return scalar(ScalarValue::Kind::String, *text);
    }
    case ColumnTypeFamily::Enum: {
        if (const auto name = parser.expect(Token::Identifier)) {
            if (!parser.eatCasts())
                return std::nullopt;
            return scalar(ScalarValue::Kind::Enum, *name);
        }
        const auto text = parser.stringValue();
        if (!text)
            return std::nullopt;
        return scalar(ScalarValue::Kind::Enum, *text);
    }
    case ColumnTypeFamily::Int:
    case ColumnTypeFamily::BigInt: {
        const ScalarValue::Kind kind =
            family == ColumnTypeFamily::Int ? ScalarValue::Kind::Int : ScalarValue::Kind::BigInt;
        if (parser.peek() == Token::String) {
            const auto text = parser.stringValue();
            const auto value = text ? numberInString(*text, false) : std::nullopt;
            if (!value)
                return std::nullopt;
            return scalar(kind, *value);
        }
        const auto value = number(parser, false);
        if (!value)
            return std::nullopt;
        return scalar(kind, *value);
    }
    case ColumnTypeFamily::Float:
    case ColumnTypeFamily::Decimal: {
        if (parser.peek() == Token::String || parser.peek() == Token::CString) {
            const auto text = parser.stringValue();
            const auto value = text ? numberInString(*text, true) : std::nullopt;
            if (!value)
                return std::nullopt;
            return scalar(ScalarValue::Kind::Float, *value);
        }
        const bool parenthesised = parser.expect(Token::Open).has_value();
        const auto value = number(parser, true);
        if (!value || (parenthesised && !parser.expect(Token::Close)) || !parser.eatCasts())
            return std::nullopt;
        return scalar(ScalarValue::Kind::Float, *value);
    }
    case ColumnTypeFamily::Boolean: {
        const auto word = parser.expect(Token::Identifier);
        if (!word)
            return std::nullopt;
        const QString lower = word->toLower();
        if (lower == QLatin1String("t") || lower == QLatin1String("true"))
            return scalar(ScalarValue::Kind::Boolean, QStringLiteral("true"));
        if (lower == QLatin1String("f") || lower == QLatin1String("false"))
            return scalar(ScalarValue::Kind::Boolean, QStringLiteral("false"));
        return std::nullopt;
    }
    case ColumnTypeFamily::Binary: {
        const auto text = parser.stringValue();
        if (!text || !text->startsWith(QLatin1String("\\x")) || text->size() % 2 != 0)
            return std::nullopt;
        ScalarValue value;
        value.kind = ScalarValue::Kind::Bytes;
        value.bytes = QByteArray::fromHex(text->mid(2).toLatin1());
        return value;
    }
    default:
        return std::nullopt;
    }
}

std::optional<DefaultValue> parseScalarDefault(Parser &parser, const ColumnType &type)
{
    if (type.family == ColumnTypeFamily::DateTime) {
        const auto name = parser.expect(Token::Identifier);
        if (!name)
            return std::nullopt;
        if (parser.peek() == Token::Open) {
            parser.expect(Token::Open);
            if (!parser.expect(Token::Close))
                return std::nullopt;
        }
        if (!parser.eatCasts())
            return std::nullopt;
        if (name->compare(QLatin1String("now"), Qt::CaseInsensitive) == 0 ||
            name->compare(QLatin1String("current_timestamp"), Qt::CaseInsensitive) == 0)
            return DefaultValue::now();
        return std::nullopt;
    }
    if ((type.family == ColumnTypeFamily::Int || type.family == ColumnTypeFamily::BigInt) &&
        parser.peek() == Token::Identifier) {
        const QString function = parser.expect(Token::Identifier)->toLower();
        if (function == QLatin1String("unique_rowid")) {
            if (!parser.expect(Token::Open) || !parser.expect(Token::Close))
                return std::nullopt;
            DefaultValue value;
            value.kind = DefaultValue::Kind::UniqueRowid;
            return value;
        }
        if (function != QLatin1String("nextval") || !parser.expect(Token::Open))
            return std::nullopt;
        const bool nested = parser.expect(Token::Open).has_value();
        const auto sequence = parser.stringValue();
        if (!sequence)
            return std::nullopt;
        if (nested && (!parser.expect(Token::Close) || !parser.eatCasts()))
            return std::nullopt;
        if (!parser.expect(Token::Close) || !parser.eatCasts())
            return std::nullopt;
        // `"public"."Post_id_seq"` or `Post_id_seq`: the name without its schema.
        Parser name(tokenize(*sequence));
        QString last;
        do {
            if (const auto quoted = name.expect(Token::QuotedIdentifier)) {
                last = quoted->mid(1, quoted->size() - 2)
                           .replace(QLatin1String("\"\""), QLatin1String("\""));
            } else if (const auto plain = name.expect(Token::Identifier)) {
                last = *plain;
            } else {
                return std::nullopt;
            }
        } while (name.expect(Token::Dot));
        return DefaultValue::sequence(last);
    }
    const auto value = parseValue(parser, type.family);
    if (!value)
        return std::nullopt;
    return DefaultValue::constant(*value);
}

// `ARRAY[1, 2]` or `'{a,b}'::text[]` (Prisma renders the first; PostgreSQL keeps it).
std::optional<DefaultValue> parseListDefault(Parser &parser, const ColumnType &type)
{
    const auto keyword = parser.expect(Token::Identifier);
    if (!keyword || keyword->compare(QLatin1String("ARRAY"), Qt::CaseInsensitive) != 0 ||
        !parser.expect(Token::OpenBracket))
        return std::nullopt;
    ScalarValue list;
    list.kind = ScalarValue::Kind::List;
    if (!parser.expect(Token::CloseBracket)) {
        do {
            const auto value = parseValue(parser, type.family);
            if (!value)
                return std::nullopt;
            list.list.push_back(*value);
        } while (parser.expect(Token::Comma));
        if (!parser.expect(Token::CloseBracket))
            return std::nullopt;
    }
    if (!parser.eatCasts())
        return std::nullopt;
    return DefaultValue::constant(std::move(list));
}

} // namespace

std::optional<DefaultValue> PostgresDefaultParser::parse(const QString &expression,
                                                         const ColumnType &type)
{
    if (expression.trimmed().startsWith(QLatin1String("NULL")))
        return std::nullopt;
    Parser parser(tokenize(expression));
    std::optional<DefaultValue> value =
        type.isList() ? parseListDefault(parser, type) : parseScalarDefault(parser, type);
    if (value && parser.atEnd())
        return value;
    return DefaultValue::dbGenerated(expression);
}

} // namespace gh::sql
