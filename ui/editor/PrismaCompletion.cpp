#include "ui/editor/PrismaCompletion.h"

#include "core/prisma/Connector.h"
#include "core/prisma/Lexer.h"

#include <vector>

namespace gh::ui {

using prisma::Lexer;
using prisma::Token;
using prisma::TokenKind;
using Item = PrismaCompletion::Item;
using Kind = PrismaCompletion::ItemKind;
using Context = PrismaCompletion::Context;

namespace {

QString textOf(QByteArrayView line, const Token &token)
{
    return QString::fromUtf8(line.sliced(token.start, token.length()));
}

void add(QList<Item> &items, Kind kind, std::initializer_list<const char *> texts)
{
    for (const char *text : texts) {
        const QString s = QString::fromUtf8(text);
        // `()`, `[]` and `""` endings leave the caret inside them.
        int back = 0;
        if (s.endsWith(QLatin1String("(\"\")")) || s.endsWith(QLatin1String("([])")))
            back = 2;
        else if (s.endsWith(QLatin1String("()")) || s.endsWith(QLatin1String("[]")) ||
                 s.endsWith(QLatin1String("\"\"")))
            back = 1;
        items << Item{s, kind, back};
    }
}

void addNames(QList<Item> &items, Kind kind, const QStringList &names)
{
    for (const QString &name : names)
        items << Item{name, kind, 0};
}

// The tokens of the caret's line that matter: no whitespace, no line break.
struct LineTokens
{
    std::vector<Token> significant;
    Token last; // the last token of any kind, EndOfFile when the line is empty
    quint8 depth = 0;
    PrismaStyler::BlockKind block = PrismaStyler::BlockKind::None;
};

LineTokens lex(QByteArrayView line, const PrismaStyler::LineState &state)
{
    LineTokens result;
    result.depth = state.lexer.braceDepth;
    result.block = state.block;
    Lexer lexer(line);
    lexer.restart({0, 0, 1, 1}, state.lexer);
    for (Token t = lexer.next(); !t.is(TokenKind::EndOfFile); t = lexer.next()) {
        result.last = t;
        if (t.is(TokenKind::LeftBrace) && result.depth++ == 0)
            result.block = PrismaStyler::BlockKind::Other;
        else if (t.is(TokenKind::RightBrace) && result.depth > 0 && --result.depth == 0)
            result.block = PrismaStyler::BlockKind::None;
        if (!t.isWhitespace() && !t.is(TokenKind::Newline))
            result.significant.push_back(t);
    }
    return result;
}

// `type:` of @@index: what the provider supports (all of them when it is unknown).
QStringList indexAlgorithms(const prisma::Connector *connector)
{
    QStringList names;
    for (int a = 0; a <= int(prisma::IndexAlgorithm::Brin); ++a) {
        const auto algorithm = prisma::IndexAlgorithm(a);
        if (!connector || connector->supportsIndexAlgorithm(algorithm))
            names << QString::fromLatin1(prisma::indexAlgorithmName(algorithm));
    }
    return names;
}

bool isWord(const Token &t)
{
    return t.isWord();
}

} // namespace

QStringList PrismaCompletion::referentialActions(const QString &provider,
                                                 const QString &relationMode)
{
    using prisma::ReferentialAction;
    const prisma::Connector *connector = prisma::Connector::forProvider(provider);
    // MongoDB has no foreign keys: Prisma always emulates relations there.
    const bool emulated = relationMode == QLatin1String("prisma") ||
                          (connector && QByteArrayView(connector->provider()) == "mongodb");
    const QList<ReferentialAction> actions =
        connector
            ? (emulated ? connector->emulatedActions() : connector->foreignKeyActions())
            : QList<ReferentialAction>{ReferentialAction::Cascade, ReferentialAction::Restrict,
                                       ReferentialAction::NoAction, ReferentialAction::SetNull,
                                       ReferentialAction::SetDefault};
    QStringList names;
    for (ReferentialAction action : actions)
        names << QString::fromLatin1(prisma::referentialActionName(action));
    return names;
}

QStringList PrismaCompletion::nativeTypes(const QString &provider, const QString &scalarType)
{
    const prisma::Connector *connector = prisma::Connector::forProvider(provider);
    if (!connector)
        return {};
    const std::optional<prisma::ScalarType> scalar =
        prisma::scalarTypeFromName(scalarType.toUtf8());
    QStringList names;
    for (const prisma::Connector::NativeType &type : connector->nativeTypes()) {
        if (scalarType.isEmpty() || (scalar && type.fits(*scalar)))
            names << QString::fromLatin1(type.name);
    }
    return names;
}

PrismaCompletion::Result PrismaCompletion::complete(const Request &request,
                                                    const SchemaSymbols &symbols)
{
    Result result;
    LineTokens tokens = lex(request.line, request.state);
    const Token &last = tokens.last;
    const int caret = int(request.line.size());

    // Nothing to offer inside comments and strings.
    if (last.isComment() || last.is(TokenKind::Error) ||
        (last.is(TokenKind::String) && (last.has(Token::Unterminated) || last.end > caret)))
        return result;

    std::vector<Token> &sig = tokens.significant;
    if (!sig.empty() && isWord(sig.back()) && sig.back().end == caret) {
        result.prefixLength = sig.back().length();
        sig.pop_back();
    }
    // The line as the parser would see it so far, without the word being typed.
    auto wordAt = [&](size_t i) {
        return i < sig.size() && isWord(sig[i]) ? textOf(request.line, sig[i]) : QString();
    };
    auto kindAt = [&](size_t i) { return i < sig.size() ? sig[i].kind : TokenKind::EndOfFile; };
    const size_t n = sig.size();
    QList<Item> &items = result.items;

    if (tokens.depth == 0) {
        if (n == 0) {
            result.context = Context::BlockKeyword;
            add(items, Kind::Keyword, {"datasource", "generator", "model", "enum", "view", "type"});
        }
        return result;
    }

    const PrismaStyler::BlockKind block = tokens.block;
    if (block == PrismaStyler::BlockKind::Datasource ||
        block == PrismaStyler::BlockKind::Generator) {
        const bool datasource = block == PrismaStyler::BlockKind::Datasource;
        if (n == 0) {
            result.context = Context::PropertyName;
            if (datasource)
                add(items, Kind::Property,
                    {"provider", "url", "directUrl", "shadowDatabaseUrl", "relationMode",
                     "extensions", "schemas"});
            else
                add(items, Kind::Property,
                    {"provider", "output", "previewFeatures", "binaryTargets", "engineType",
                     "moduleFormat", "runtime", "generatedFileExtension", "importFileExtension"});
        } else if (n == 2 && kindAt(1) == TokenKind::Equals && result.prefixLength == 0) {
            const QString key = wordAt(0);
            result.context = Context::PropertyValue;
            if (key == QLatin1String("provider") && datasource)
                add(items, Kind::Value,
                    {"\"postgresql\"", "\"mysql\"", "\"sqlite\"", "\"sqlserver\"",
                     "\"cockroachdb\"", "\"mongodb\""});
            else if (key == QLatin1String("provider"))
                add(items, Kind::Value, {"\"prisma-client-js\"", "\"prisma-client\""});
            else if (key == QLatin1String("relationMode"))
                add(items, Kind::Value, {"\"foreignKeys\"", "\"prisma\""});
            else if (key.endsWith(QLatin1String("rl")))
                add(items, Kind::Function, {"env(\"DATABASE_URL\")"});
        }
        return result;
    }

    if (block == PrismaStyler::BlockKind::Enum) {
        if (n > 0 && kindAt(n - 1) == TokenKind::At) {
            result.context = Context::FieldAttribute;
            add(items, Kind::Attribute, {"map(\"\")"});
        } else if (n > 0 && kindAt(n - 1) == TokenKind::AtAt) {
            result.context = Context::BlockAttribute;
            add(items, Kind::Attribute, {"map(\"\")", "schema(\"\")"});
        }
        return result;
    }

    // Models, views, composite types (and unknown blocks, treated alike).
    const QString fieldType = n >= 2 && isWord(sig[0]) && isWord(sig[1]) ? wordAt(1) : QString();
    const QString &provider = symbols.provider;
    const prisma::Connector *connector = prisma::Connector::forProvider(provider);

    // The innermost `(` or `[` still open before the caret.
    std::vector<size_t> open;
    for (size_t i = 0; i < n; ++i) {
        if (sig[i].is(TokenKind::LeftParen) || sig[i].is(TokenKind::LeftBracket))
            open.push_back(i);
        else if ((sig[i].is(TokenKind::RightParen) || sig[i].is(TokenKind::RightBracket)) &&
                 !open.empty())
            open.pop_back();
    }

    if (open.empty()) {
        if (n >= 1 && kindAt(n - 1) == TokenKind::At) {
            result.context = Context::FieldAttribute;
            add(items, Kind::Attribute,
                {"id", "default()", "unique", "relation()", "map(\"\")", "updatedAt", "ignore"});
            if (!nativeTypes(provider).isEmpty())
                add(items, Kind::Attribute, {"db."});
        } else if (n >= 1 && kindAt(n - 1) == TokenKind::AtAt) {
            result.context = Context::BlockAttribute;
            add(items, Kind::Attribute,
                {"id([])", "unique([])", "index([])", "map(\"\")", "ignore", "schema(\"\")"});
            if (connector && connector->has(prisma::Connector::FullTextIndex))
                add(items, Kind::Attribute, {"fulltext([])"});
        } else if (n >= 3 && kindAt(n - 1) == TokenKind::Dot &&
                   wordAt(n - 2) == QLatin1String("db") && kindAt(n - 3) == TokenKind::At) {
            result.context = Context::NativeType;
            addNames(items, Kind::NativeType, nativeTypes(provider, fieldType));
        } else if (n == 1 && isWord(sig[0]) && (result.prefixLength > 0 || last.isWhitespace())) {
            result.context = Context::FieldType;
            for (int scalar = 0; scalar <= int(prisma::ScalarType::Bytes); ++scalar)
                items << Item{
                    QString::fromLatin1(prisma::scalarTypeName(prisma::ScalarType(scalar))),
                    Kind::ScalarType, 0};
            items << Item{QStringLiteral("Unsupported(\"\")"), Kind::ScalarType, 2};
            addNames(items, Kind::Model, symbols.names(SchemaSymbols::Kind::Model));
            addNames(items, Kind::Model, symbols.names(SchemaSymbols::Kind::View));
            addNames(items, Kind::Enum, symbols.names(SchemaSymbols::Kind::Enum));
            addNames(items, Kind::CompositeType, symbols.names(SchemaSymbols::Kind::CompositeType));
        }
        return result;
    }

    // Inside arguments: which argument of what.
    const size_t opener = open.back();
    size_t segment = opener + 1; // first token of the current argument
    for (size_t i = segment; i < n; ++i) {
        if (sig[i].is(TokenKind::Comma))
            segment = i + 1;
    }
    const size_t segmentLength = n - segment;

    if (sig[opener].is(TokenKind::LeftBracket)) {
        // A field list: `fields: [`, `references: [`, or the first argument of @@id/@@index.
        if (segmentLength != 0)
            return result;
        const QString argument =
            opener >= 2 && kindAt(opener - 1) == TokenKind::Colon ? wordAt(opener - 2) : QString();
        const SchemaSymbols::Block *target =
            symbols.find(argument == QLatin1String("references") ? fieldType : request.blockName);
        result.context = Context::FieldReference;
        if (target) {
            for (int i = 0; i < target->fields.size(); ++i) {
                // Relation fields are not columns: leave them out of field lists.
                const QString &type = target->fieldTypes.value(i);
                const SchemaSymbols::Block *typeBlock = symbols.find(type);
                if (!typeBlock || typeBlock->kind == SchemaSymbols::Kind::Enum ||
                    typeBlock->kind == SchemaSymbols::Kind::CompositeType)
                    items << Item{target->fields.at(i), Kind::Field, 0};
            }
        }
        return result;
    }

    // `(`: the attribute (or function) it belongs to.
    QString owner;
    bool blockAttribute = false;
    if (opener >= 2 && isWord(sig[opener - 1])) {
        size_t i = opener - 1;
        owner = wordAt(i);
        while (i >= 2 && kindAt(i - 1) == TokenKind::Dot && isWord(sig[i - 2])) {
            owner = wordAt(i - 2) + QLatin1Char('.') + owner;
            i -= 2;
        }
        if (i >= 1 && kindAt(i - 1) == TokenKind::At) {
            blockAttribute = false;
        } else if (i >= 1 && kindAt(i - 1) == TokenKind::AtAt) {
            blockAttribute = true;
        } else {
            // A function or a field reference with arguments: `b(sort: Desc)` in a list.
            const bool inList =
                open.size() >= 2 && sig[open[open.size() - 2]].is(TokenKind::LeftBracket);
            if (!inList)
                return result;
            owner = QStringLiteral("(field)");
        }
    } else if (opener >= 1 && isWord(sig[opener - 1])) {
        return result;
    }

    if (segmentLength == 2 && isWord(sig[segment]) && kindAt(segment + 1) == TokenKind::Colon) {
        const QString argument = wordAt(segment);
        result.context = Context::ArgumentValue;
        if (argument == QLatin1String("onDelete") || argument == QLatin1String("onUpdate"))
            addNames(items, Kind::Value, referentialActions(provider, symbols.relationMode));
        else if (argument == QLatin1String("type"))
            addNames(items, Kind::Value, indexAlgorithms(connector));
        else if (argument == QLatin1String("sort"))
            add(items, Kind::Value, {"Asc", "Desc"});
        else if (argument == QLatin1String("clustered"))
            add(items, Kind::Value, {"true", "false"});
        else if (argument == QLatin1String("fields") || argument == QLatin1String("references"))
            add(items, Kind::Value, {"[]"});
        else
            result.context = Context::None;
        return result;
    }
    if (segmentLength != 0)
        return result;

    result.context = Context::AttributeArgument;
    if (owner == QLatin1String("(field)")) {
        add(items, Kind::Argument, {"sort: ", "length: ", "ops: "});
    } else if (!blockAttribute && owner == QLatin1String("relation")) {
        add(items, Kind::Argument,
            {"fields: []", "references: []", "onDelete: ", "onUpdate: ", "name: \"\"",
             "map: \"\""});
    } else if (!blockAttribute && owner == QLatin1String("default")) {
        result.context = Context::AttributeArgument;
        const SchemaSymbols::Block *typeBlock = symbols.find(fieldType);
        if (typeBlock && typeBlock->kind == SchemaSymbols::Kind::Enum) {
            addNames(items, Kind::Value, typeBlock->values);
        } else if (fieldType == QLatin1String("DateTime")) {
            add(items, Kind::Function, {"now()"});
        } else if (fieldType == QLatin1String("Int") || fieldType == QLatin1String("BigInt")) {
            add(items, Kind::Function, {"autoincrement()"});
            if (provider == QLatin1String("cockroachdb"))
                add(items, Kind::Function, {"sequence()"});
        } else if (fieldType == QLatin1String("Boolean")) {
            add(items, Kind::Value, {"true", "false"});
        } else if (fieldType == QLatin1String("String")) {
            add(items, Kind::Function,
                {"cuid()", "cuid(2)", "uuid()", "uuid(7)", "ulid()", "nanoid()"});
            if (provider == QLatin1String("mongodb"))
                add(items, Kind::Function, {"auto()"});
        } else if (fieldType.isEmpty()) {
            add(items, Kind::Function,
                {"now()", "cuid()", "uuid()", "ulid()", "nanoid()", "autoincrement()"});
        }
        add(items, Kind::Function, {"dbgenerated(\"\")"});
    } else if (!blockAttribute &&
               (owner == QLatin1String("id") || owner == QLatin1String("unique"))) {
        add(items, Kind::Argument, {"map: \"\"", "length: ", "sort: ", "clustered: "});
    } else if (blockAttribute &&
               (owner == QLatin1String("id") || owner == QLatin1String("unique"))) {
        add(items, Kind::Argument,
            {"fields: []", "name: \"\"", "map: \"\"", "length: ", "sort: ", "clustered: "});
    } else if (blockAttribute && owner == QLatin1String("index")) {
        add(items, Kind::Argument,
            {"fields: []", "name: \"\"", "map: \"\"", "type: ", "clustered: ", "sort: "});
    } else if (blockAttribute && owner == QLatin1String("fulltext")) {
        add(items, Kind::Argument, {"fields: []", "map: \"\""});
    } else {
        result.context = Context::None;
    }
    return result;
}

} // namespace gh::ui
