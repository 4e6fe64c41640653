#include "core/prisma/Parser.h"

#include "core/prisma/Lexer.h"
#include "core/prisma/StringLiteral.h"
#include "core/prisma/SyntaxTreeStorage.h"

#include <array>
#include <climits>
#include <cstring>
#include <mutex>
#include <type_traits>
#include <unordered_set>

// The grammar mirrored here is prisma-engines' psl/schema-ast/src/parser/datamodel.pest (a
// PEG). Each parse* function below matches one rule and names it. Functions that return an
// optional leave the position unchanged when they fail, which gives the PEG's ordered choice
// and its `?` and `*` their meaning. pest skips WHITESPACE (spaces, tabs, Zs) between the
// parts of a rule but never line breaks, so Whitespace tokens are skipped and Newline tokens
// are significant; atomic rules (paths, `[]`, `Unsupported(`) check adjacency instead.

namespace gh::prisma {

namespace {

// Arrays and argument lists nested deeper than this do not parse: it bounds the recursion on
// adversarial input. Real schemas nest two or three levels.
constexpr int maxNesting = 100;

// The three kinds of block body in the grammar.
enum class Body : quint8 {
    Fields,     // model_contents: model, view, type
    EnumValues, // enum_contents
    Config,     // config_contents: datasource, generator
};

struct BlockKeyword
{
    QByteArrayView text;
    Block::Kind kind;
};

constexpr std::array<BlockKeyword, 6> blockKeywords = {{
    {"model", Block::Kind::Model},
    {"type", Block::Kind::CompositeType},
    {"view", Block::Kind::View},
    {"enum", Block::Kind::Enum},
    {"datasource", Block::Kind::Datasource},
    {"generator", Block::Kind::Generator},
}};

Body bodyOf(Block::Kind kind)
{
    switch (kind) {
    case Block::Kind::Enum:
        return Body::EnumValues;
    case Block::Kind::Datasource:
    case Block::Kind::Generator:
        return Body::Config;
    default:
        return Body::Fields;
    }
}

QString containerName(Block::Kind kind)
{
    return QString::fromLatin1(blockKeyword(kind));
}

QString invalidLineMessage(Block::Kind kind)
{
    switch (bodyOf(kind)) {
    case Body::Fields:
        return QStringLiteral("This line is not a valid field or attribute definition.");
    case Body::EnumValues:
        return QStringLiteral("This line is not an enum value definition.");
    case Body::Config:
        return QStringLiteral("This line is not a valid definition within a %1.")
            .arg(containerName(kind));
    }
    return {};
}

bool isWellFormedString(const Token &token)
{
    return token.is(TokenKind::String) && !token.has(Token::Unterminated) &&
           !token.has(Token::ControlCharacter);
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

QString trimmedStart(QString text)
{
    qsizetype start = 0;
    while (start < text.size() && text.at(start).isSpace())
        ++start;
    return start == 0 ? text : text.mid(start);
}

// What QChar::isSpace() accepts below 0x80.
bool isAsciiSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

std::optional<QString> joinedDocumentation(std::optional<QString> first,
                                           std::optional<QString> second)
{
    if (!first)
        return second;
    if (!second)
        return first;
    return *first + QLatin1Char('\n') + *second;
}

// The pools of the last syntax tree that died, emptied, for the next parse to fill again.
//
// A large schema fills megabytes of pools, and memory the C library has given back to the
// system costs a page fault per 4 KB when it is touched again: for a 38,000-line schema that
// was half of the parse time. Reparsing is the common case (the editor after each change,
// validate and then format), so the next parse reuses memory that is still mapped. One
// spare is kept, at most maxSpareBytes of it; a first parse pays the page faults as before.
class StorageRecycler
{
public:
    static std::shared_ptr<SyntaxTreeStorage> acquire()
    {
        std::unique_ptr<SyntaxTreeStorage> storage;
        {
            const std::lock_guard<std::mutex> lock(instance().m_mutex);
            storage = std::move(instance().m_spare);
        }
        if (!storage)
            storage = std::make_unique<SyntaxTreeStorage>();
        return std::shared_ptr<SyntaxTreeStorage>(storage.release(), &release);
    }

private:
    static constexpr std::size_t maxSpareBytes = std::size_t(64) << 20;

    static StorageRecycler &instance()
    {
        // Never destroyed: a tree may die after static destructors have run.
        static StorageRecycler *const recycler = new StorageRecycler;
        return *recycler;
    }

    static void release(SyntaxTreeStorage *storage)
    {
        std::unique_ptr<SyntaxTreeStorage> owned(storage);
        clear(*owned);
        if (capacityBytes(*owned) > maxSpareBytes)
            return;
        const std::lock_guard<std::mutex> lock(instance().m_mutex);
        if (!instance().m_spare ||
            capacityBytes(*instance().m_spare) < capacityBytes(*owned)) // keep the larger
            instance().m_spare = std::move(owned);
    }

    template <typename F> static void forEachPool(SyntaxTreeStorage &s, F f)
    {
        f(s.blocks), f(s.items), f(s.commentGroups), f(s.comments), f(s.members), f(s.fields);
        f(s.values), f(s.properties), f(s.attributes);
        for (auto &pool : s.arguments)
            f(pool);
        for (auto &pool : s.expressions)
            f(pool);
    }

    static void clear(SyntaxTreeStorage &storage)
    {
        // Constant time for the pools of nodes without destructors, fields above all.
        static_assert(std::is_trivially_destructible_v<Field>);
        forEachPool(storage, [](auto &pool) { pool.clear(); });
        storage.fieldDocumentation.clear();
    }

    static std::size_t capacityBytes(SyntaxTreeStorage &storage)
    {
        std::size_t bytes = 0;
        forEachPool(storage, [&](auto &pool) {
            bytes += pool.capacity() * sizeof(typename std::decay_t<decltype(pool)>::value_type);
        });
        return bytes;
    }

    std::mutex m_mutex;
    std::unique_ptr<SyntaxTreeStorage> m_spare;
};

class SchemaParser
{
public:
    explicit SchemaParser(SourceFile source)
        : m_source(std::move(source))
        , m_data(m_source.content().constData())
        , m_size(m_source.size())
        , m_hasBackslash(m_size > 0 && std::memchr(m_data, '\\', std::size_t(m_size)))
        , m_lexer(m_source.content(), Lexer::MultiLineTokens::Whole)
        , m_peekLexer(m_lexer)
        , m_storage(StorageRecycler::acquire())
        , m_pool(*m_storage)
    {
        // A recycled storage has its pools already.
        m_pool.arguments.resize(std::size_t(maxNesting) + 2);
        m_pool.expressions.resize(std::size_t(maxNesting) + 1);
    }

    ParsedFile run()
    {
        reservePools();
        advance();
        parseSchema();
        SyntaxTree tree;
        tree.blocks = since(m_pool.blocks, 0);
        tree.items = since(m_pool.items, 0);
        tree.commentGroups = commit(m_pool.commentGroups, m_topCommentGroups, 0);
        tree.storage = std::move(m_storage);
        return ParsedFile{std::move(m_source), std::move(tree), std::move(m_diagnostics)};
    }

private:
    struct Mark
    {
        SourcePosition at;
        int previousEnd;
        qsizetype diagnostics;
    };

    // Room for a schema's usual node counts, so that pools of large files are not copied as
    // they grow. Reserved pages cost nothing until they are used.
    void reservePools()
    {
        const std::size_t lines = std::size_t(m_source.lineCount());
        m_pool.items.reserve(lines / 8);
        m_pool.blocks.reserve(lines / 8);
        m_pool.members.reserve(lines);
        m_pool.fields.reserve(lines);
        m_pool.commentGroups.reserve(lines / 4);
        m_pool.attributes.reserve(lines);
        m_pool.arguments[0].reserve(lines);
        m_pool.expressions[0].reserve(lines / 2);
        m_pool.comments.reserve(lines / 4);
    }

    // ---- tokens ---------------------------------------------------------------------------

    void advance()
    {
        if (m_hasPeek) {
            m_hasPeek = false;
            m_token = m_peekToken;
            m_lexer = m_peekLexer;
            return;
        }
        m_lexer.nextSignificant(m_token);
    }

    Token take()
    {
        const Token token = m_token;
        m_previousEnd = token.end;
        advance();
        return token;
    }

    // The token after the current one; lexed once, advance() takes it from here.
    const Token &peekNext()
    {
        if (!m_hasPeek) {
            m_peekLexer = m_lexer;
            m_peekLexer.nextSignificant(m_peekToken);
            m_hasPeek = true;
        }
        return m_peekToken;
    }

    // Whether the token after the current one is a `:`. Read from the bytes after the current
    // token when they are ASCII: only a Unicode space separator needs the lexer to tell.
    bool nextIsColon()
    {
        int offset = m_token.end;
        while (offset < m_size && (m_data[offset] == ' ' || m_data[offset] == '\t'))
            ++offset;
        if (offset < m_size && static_cast<unsigned char>(m_data[offset]) >= 0x80)
            return peekNext().is(TokenKind::Colon);
        return byteAt(offset) == ':';
    }

    bool at(TokenKind kind) const { return m_token.is(kind); }
    bool adjacent() const { return m_token.start == m_previousEnd; }
    // Ranges in the parser all come from tokens, so they lie inside the file.
    QByteArrayView text(SourceRange range) const
    {
        return QByteArrayView(m_data + range.start, range.end - range.start);
    }
    // The byte at `offset`, or 0 at the end of the file.
    char byteAt(int offset) const { return offset < m_size ? m_data[offset] : '\0'; }
    QByteArrayView text(const Token &token) const { return text(token.range()); }

    static SourcePosition startOf(const Token &token)
    {
        return {token.start, token.utf16Start, token.line, token.column};
    }

    Mark mark() const { return {startOf(m_token), m_previousEnd, m_diagnostics.size()}; }

    void reset(const Mark &mark)
    {
        m_hasPeek = false;
        m_lexer.restart(mark.at);
        advance();
        m_previousEnd = mark.previousEnd;
        m_diagnostics.resize(mark.diagnostics);
    }

    // Skips raw text from the start of `from` to `offset`, where the grammar reads characters
    // instead of tokens.
    void skipFrom(const Token &from, int offset)
    {
        m_hasPeek = false;
        m_lexer.restart(startOf(from));
        m_lexer.skipTo(offset);
        m_previousEnd = offset;
        advance();
    }

    // A comment Prisma accepts: an unclosed `/*` is not one.
    bool atComment() const { return m_token.isComment() && !m_token.has(Token::Unterminated); }

    // pest's `identifier`: a word; a run of digits alone lexes as a Number but is one too.
    bool atName() const
    {
        if (m_token.isWord())
            return true;
        if (!m_token.is(TokenKind::Number))
            return false;
        const QByteArrayView digits = text(m_token);
        return std::all_of(digits.begin(), digits.end(), isAsciiDigit);
    }

    // A segment of pest's atomic `path`: `1.5` lexes as one Number but is `1`, `.`, `5` there.
    bool atPathSegment() const
    {
        return atName() || (m_token.is(TokenKind::Number) && text(m_token).front() != '-');
    }

    int lineBreakFrom(int offset) const
    {
        const QByteArray &content = m_source.content();
        while (offset < content.size() && content.at(offset) != '\n' && content.at(offset) != '\r')
            ++offset;
        return offset;
    }

    // The first `}` at or after `offset`, or -1, remembering the answer so that repeated
    // searches stay linear (see Lexer::commentCloseFrom).
    int closeBraceFrom(int offset)
    {
        const bool cached = m_braceSearchFrom >= 0 && offset >= m_braceSearchFrom &&
                            (m_braceSearchFound < 0 || offset <= m_braceSearchFound);
        if (!cached) {
            m_braceSearchFrom = offset;
            m_braceSearchFound = int(m_source.content().indexOf('}', offset));
        }
        return m_braceSearchFound;
    }

    // Moves the nodes a list collected in `scratch` (from `start` on) to the end of `pool`, so
    // that they are consecutive there, and returns them: for the lists whose nodes would
    // interleave in their pool with other lists' nodes (top comment groups, block attributes).
    // Argument lists and arrays need none: they have a pool per nesting depth.
    template <typename T>
    static NodeList<T> commit(std::vector<T> &pool, std::vector<T> &scratch, std::size_t start)
    {
        const std::size_t first = pool.size();
        pool.insert(pool.end(), std::make_move_iterator(scratch.begin() + start),
                    std::make_move_iterator(scratch.end()));
        scratch.resize(start);
        return NodeList<T>(&pool, first, pool.size() - first);
    }

    // The nodes appended to `pool` since `first`, where a list is built in place.
    template <typename T> static NodeList<T> since(const std::vector<T> &pool, std::size_t first)
    {
        return NodeList<T>(&pool, first, pool.size() - first);
    }

    // ---- diagnostics ----------------------------------------------------------------------

    void report(SourceRange range, QString message)
    {
        m_diagnostics.append(Diagnostic::error(m_source, range, std::move(message)));
    }

    void reportStrings(const Expression &expression)
    {
        if (!m_hasBackslash)
            return;
        switch (expression.kind) {
        case Expression::Kind::String: {
            std::vector<StringLiteral::Problem> problems;
            StringLiteral::check(text(expression.range), expression.range.start, problems);
            for (const StringLiteral::Problem &problem : problems)
                report(problem.range, QString::fromLatin1(problem.message));
            break;
        }
        case Expression::Kind::Function:
        case Expression::Kind::Object:
            reportStrings(expression.arguments);
            break;
        case Expression::Kind::Array:
            for (const Expression &element : expression.elements)
                reportStrings(element);
            break;
        default:
            break;
        }
    }

    void reportStrings(const ArgumentList &arguments)
    {
        for (const Argument &argument : arguments.arguments) {
            if (argument.value)
                reportStrings(*argument.value);
        }
    }

    void reportStrings(const Attribute &attribute)
    {
        if (m_hasBackslash && attribute.arguments)
            reportStrings(*attribute.arguments);
    }

    void reportStrings(const NodeList<Attribute> &attributes)
    {
        if (!m_hasBackslash)
            return;
        for (const Attribute &attribute : attributes)
            reportStrings(attribute);
    }

    // What psl's parse_field reports, in its order: it stops at the first legacy syntax.
    void reportField(Field &field, const Block &block)
    {
        if (field.legacyColon) {
            report(*field.legacyColon, QStringLiteral("Field declarations don't require a `:`."));
            field.isValid = false;
            return;
        }
        if (field.type && field.type->legacy != FieldType::Legacy::None) {
            report(field.type->range, legacyTypeMessage(field.type->legacy));
            field.isValid = false;
            return;
        }
        if (field.type && field.type->unsupportedValue) {
            Expression literal;
            literal.kind = Expression::Kind::String;
            literal.range = *field.type->unsupportedValue;
            reportStrings(literal);
        }
        reportStrings(field.attributes);
        if (!field.type) {
            report(field.range,
                   QStringLiteral("Error validating %1 \"%2\": This field declaration "
                                  "is invalid. It is either missing a name or a type.")
                       .arg(containerName(block.kind), m_source.string(block.name.range)));
            field.isValid = false;
            return;
        }
        if (block.is(Block::Kind::CompositeType)) {
            for (const Attribute &attribute : field.attributes) {
                const QByteArrayView name = text(attribute.name.range);
                if (name == "relation" || name == "unique" || name == "id")
                    report(field.range, QStringLiteral("Defining `@%1` attribute for a field in a "
                                                       "composite type is not allowed.")
                                            .arg(QString::fromUtf8(name)));
            }
        }
    }

    static QString legacyTypeMessage(FieldType::Legacy legacy)
    {
        switch (legacy) {
        case FieldType::Legacy::RequiredBang:
            return QStringLiteral("Fields are required by default, `!` is no longer required.");
        case FieldType::Legacy::BracketList:
            return QStringLiteral("To specify a list, please use `Type[]` instead of `[Type]`.");
        case FieldType::Legacy::OptionalList:
            return QStringLiteral(
                "Optional lists are not supported. Use either `Type[]` or `Type?`.");
        case FieldType::Legacy::None:
            break;
        }
        return {};
    }

    // A block attribute's line: pest's block_attribute takes the comment after it.
    static SourceRange withTrailingComment(const Attribute &attribute)
    {
        SourceRange range = attribute.range;
        if (attribute.trailingComment)
            range.end = attribute.trailingComment->range.end;
        return range;
    }

    // psl's parse_composite_type rejects block attributes while parsing.
    void reportCompositeTypeAttribute(const Attribute &attribute)
    {
        const QByteArrayView name = text(attribute.name.range);
        const char *message = "A composite type cannot have block-level attributes.";
        if (name == "map")
            message = "The name of a composite type is not persisted in the database, therefore "
                      "it does not need a mapped database name.";
        else if (name == "unique")
            message = "A unique constraint should be defined in the model containing the embed.";
        else if (name == "index")
            message = "An index should be defined in the model containing the embed.";
        else if (name == "fulltext")
            message = "A fulltext index should be defined in the model containing the embed.";
        else if (name == "id")
            message = "A composite type cannot define an id.";
        report(withTrailingComment(attribute), QString::fromLatin1(message));
    }

    // ---- documentation --------------------------------------------------------------------

    std::optional<QString> documentation(const Comment &comment) const
    {
        switch (comment.kind) {
        case Comment::Kind::Line:
            return std::nullopt;
        case Comment::Kind::Doc: {
            // ASCII blanks are dropped before decoding; a Unicode space is left to trimmedStart.
            SourceRange content = comment.content();
            while (content.start < content.end && isAsciiSpace(m_data[content.start]))
                ++content.start;
            return trimmedStart(m_source.string(content));
        }
        case Comment::Kind::Block:
            return m_source.string(comment.content()).trimmed();
        }
        return std::nullopt;
    }

    // The lines of the group's comments that document, joined by line breaks.
    std::optional<QString> documentation(const CommentGroup &group) const
    {
        std::optional<QString> joined;
        for (const Comment &comment : group.comments) {
            std::optional<QString> line = documentation(comment);
            if (!line)
                continue;
            if (joined)
                *joined += QLatin1Char('\n') + *line;
            else
                joined = std::move(line);
        }
        return joined;
    }

    std::optional<QString> documentation(const std::optional<Comment> &comment) const
    {
        return comment ? documentation(*comment) : std::nullopt;
    }

    // ---- top level: schema ----------------------------------------------------------------

    // schema = (model_declaration | enum_declaration | config_block | type_alias
    //           | arbitrary_block | comment_block | empty_lines | CATCH_ALL)*
    void parseSchema()
    {
        while (!at(TokenKind::EndOfFile)) {
            if (at(TokenKind::Newline)) {
                m_pool.items.push_back({TopItem::Kind::EmptyLines, -1, parseEmptyLines()});
            } else if (atComment()) {
                const int index = int(m_topCommentGroups.size());
                m_topCommentGroups.push_back(parseCommentGroup());
                m_pool.items.push_back(
                    {TopItem::Kind::Comments, index, m_topCommentGroups.back().range});
            } else if (!(atName() && (parseBlock() || parseTypeAlias() || parseArbitraryBlock()))) {
                parseInvalidTopLine();
            }
        }
    }

    // CATCH_ALL = (!NEWLINE ~ ANY)+ ~ NEWLINE?
    void parseInvalidTopLine()
    {
        const SourceRange line = skipLine();
        m_pool.items.push_back({TopItem::Kind::Invalid, -1, line});
        report(line, QStringLiteral("This line is invalid. It does not start with any known Prisma "
                                    "schema keyword."));
    }

    // From the current token to the end of its line, raw, then the line break.
    SourceRange skipLine()
    {
        const SourceRange line{m_token.start, lineBreakFrom(m_token.start)};
        skipFrom(m_token, line.end);
        if (at(TokenKind::Newline))
            take();
        return line;
    }

    // The block keyword the current word starts with. pest matches keywords as literals, so
    // `modelUser {` is `model User {` to Prisma, and to us.
    const BlockKeyword *keywordPrefix() const
    {
        const QByteArrayView word = text(m_token);
        for (const BlockKeyword &keyword : blockKeywords) {
            if (word.startsWith(keyword.text))
                return &keyword;
        }
        return nullptr;
    }

    // KEYWORD ~ identifier: the name after the keyword, or glued to it. On success the
    // keyword and the name have been taken.
    std::optional<SourceRange> parseKeywordAndName(const BlockKeyword &keyword)
    {
        const Token word = m_token;
        if (word.length() == keyword.text.size()) {
            take();
            if (!atName())
                return std::nullopt;
            return take().range();
        }
        const char first = text(word).at(keyword.text.size());
        if (first == '_' || first == '-') // not an identifier's first character
            return std::nullopt;
        take();
        return SourceRange{word.start + int(keyword.text.size()), word.end};
    }

    // model_declaration / enum_declaration / config_block =
    //     KEYWORD ~ identifier ~ BLOCK_OPEN ~ *_contents ~ BLOCK_CLOSE
    bool parseBlock()
    {
        const BlockKeyword *keyword = keywordPrefix();
        if (!keyword)
            return false;
        const Mark begin = mark();
        Block block;
        block.kind = keyword->kind;
        block.keyword = {m_token.start, m_token.start + int(keyword->text.size())};
        const std::optional<SourceRange> name = parseKeywordAndName(*keyword);
        if (name)
            block.name.range = *name;
        if (!name || !at(TokenKind::LeftBrace) || !parseBlockOpen(block) || !parseBody(block)) {
            reset(begin);
            return false;
        }
        const Token close = take();
        block.closeBrace = close.range();
        block.body.end = close.start;
        block.range = {block.keyword.start, close.end};
        if (!m_pool.items.empty() && m_pool.items.back().kind == TopItem::Kind::Comments) {
            block.leadingComments = m_pool.items.back().index;
            block.documentation = documentation(m_topCommentGroups.at(block.leadingComments));
        }
        m_pool.items.push_back({TopItem::Kind::Block, int(m_pool.blocks.size()), block.range});
        m_pool.blocks.push_back(std::move(block));
        return true;
    }

    // BLOCK_OPEN = "{" ~ (!NEWLINE ~ ANY)* ~ NEWLINE: whatever follows `{` on its line is
    // skipped, as Prisma does (`model A { // comment` is fine).
    bool parseBlockOpen(Block &block)
    {
        const Token brace = m_token;
        const int lineEnd = lineBreakFrom(brace.end);
        if (lineEnd >= m_source.size())
            return false;
        block.openBrace = brace.range();
        skipFrom(brace, lineEnd);
        block.body.start = take().end; // the line break
        return true;
    }

    // type_alias = TYPE_KEYWORD ~ identifier ~ "=" ~ base_type ~ field_attribute*, an error.
    bool parseTypeAlias()
    {
        const BlockKeyword *keyword = keywordPrefix();
        if (!keyword || keyword->kind != Block::Kind::CompositeType)
            return false;
        const Mark begin = mark();
        const int start = m_token.start;
        FieldType type;
        if (!parseKeywordAndName(*keyword) || !at(TokenKind::Equals)) {
            reset(begin);
            return false;
        }
        take();
        if (!parseBaseType(type)) {
            reset(begin);
            return false;
        }
        parseFieldAttributes();
        const SourceRange range{start, m_previousEnd};
        m_pool.items.push_back({TopItem::Kind::TypeAlias, -1, range});
        report(range, QStringLiteral("Invalid type definition. Please check the documentation in "
                                     "https://pris.ly/d/composite-types"));
        return true;
    }

    // arbitrary_block = identifier ~ BLOCK_OPEN ~ ((!BLOCK_CLOSE ~ ANY) | NEWLINE)* ~ BLOCK_CLOSE
    // Everything up to the first `}` character, wherever it is.
    bool parseArbitraryBlock()
    {
        const Mark begin = mark();
        const Token name = take();
        if (!at(TokenKind::LeftBrace)) {
            reset(begin);
            return false;
        }
        const Token brace = m_token;
        const int lineEnd = lineBreakFrom(brace.end);
        const int close = lineEnd < m_source.size() ? closeBraceFrom(lineEnd) : -1;
        if (close < 0) {
            reset(begin);
            return false;
        }
        skipFrom(brace, close + 1);
        const SourceRange range{name.start, close + 1};
        m_pool.items.push_back({TopItem::Kind::InvalidBlock, -1, range});
        report(range, QStringLiteral("This block is invalid. It does not start with any known "
                                     "Prisma schema keyword. Valid keywords include 'model', "
                                     "'enum', 'type', 'datasource' and 'generator'."));
        return true;
    }

    // ---- block bodies ---------------------------------------------------------------------

    // *_contents = (line item | comment_block | empty_lines | BLOCK_LEVEL_CATCH_ALL)*, up to
    // the `}` that closes the block. False when the file ends first: then the block is no
    // block at all for Prisma.
    //
    // From a given item start, the body rule always reads the same way, so the item starts of
    // a body that ran into the end of the file are remembered: a later attempt that reaches
    // one fails at once. This keeps files full of unclosed blocks linear.
    // Where a block's lists begin in the pools. Blocks do not nest, so a block's fields, values,
    // properties, comment groups and members are appended to the pools one after the other;
    // only its `@@` attributes are collected aside, as field attributes go to the same pool.
    struct BodyStart
    {
        std::size_t members;
        std::size_t fields;
        std::size_t values;
        std::size_t properties;
        std::size_t commentGroups;
    };

    bool parseBody(Block &block)
    {
        const Body body = bodyOf(block.kind);
        std::unordered_set<int> &unclosed = m_unclosedFrom[int(body)];
        m_visited.clear();
        m_blockAttributes.clear();
        const BodyStart start{m_pool.members.size(), m_pool.fields.size(), m_pool.values.size(),
                              m_pool.properties.size(), m_pool.commentGroups.size()};
        int pendingComments = -1; // the comment group (in the pool) the next field documents

        while (!at(TokenKind::RightBrace)) {
            const int itemStart = m_token.start;
            if (at(TokenKind::EndOfFile) || unclosed.count(itemStart)) {
                unclosed.insert(m_visited.cbegin(), m_visited.cend());
                return false;
            }
            m_visited.push_back(itemStart);

            if (at(TokenKind::Newline)) {
                m_pool.members.push_back({BlockMember::Kind::EmptyLines, -1, parseEmptyLines()});
            } else if (atComment()) {
                pendingComments = int(m_pool.commentGroups.size());
                m_pool.commentGroups.push_back(parseCommentGroup());
                m_pool.members.push_back({BlockMember::Kind::Comments,
                                          int(pendingComments - start.commentGroups),
                                          m_pool.commentGroups.back().range});
            } else if (!parseBodyLine(block, body, start, pendingComments)) {
                const SourceRange line = skipLine();
                m_pool.members.push_back({BlockMember::Kind::Invalid, -1, line});
                report(line, invalidLineMessage(block.kind));
            }
        }

        block.members = since(m_pool.members, start.members);
        block.fields = since(m_pool.fields, start.fields);
        block.values = since(m_pool.values, start.values);
        block.properties = since(m_pool.properties, start.properties);
        block.commentGroups = since(m_pool.commentGroups, start.commentGroups);
        block.attributes = commit(m_pool.attributes, m_blockAttributes, 0);
        return true;
    }

    std::optional<QString> takeDocumentation(int &pendingComments,
                                             const std::optional<Comment> &trailing) const
    {
        std::optional<QString> above;
        if (pendingComments >= 0)
            above = documentation(m_pool.commentGroups.at(pendingComments));
        pendingComments = -1;
        return joinedDocumentation(std::move(above), documentation(trailing));
    }

    bool parseBodyLine(const Block &block, Body body, const BodyStart &start, int &pendingComments)
    {
        if (body != Body::Config && at(TokenKind::AtAt)) {
            if (!parseBlockAttributeLine())
                return false;
            const Attribute &attribute = m_blockAttributes.back();
            reportStrings(attribute);
            if (block.is(Block::Kind::CompositeType))
                reportCompositeTypeAttribute(attribute);
            m_pool.members.push_back({BlockMember::Kind::Attribute,
                                      int(m_blockAttributes.size() - 1),
                                      withTrailingComment(attribute)});
            return true;
        }
        if (!atName())
            return false;

        switch (body) {
        case Body::Fields: {
            if (!parseFieldLine())
                return false;
            Field &field = m_pool.fields.back();
            if (std::optional<QString> text =
                    takeDocumentation(pendingComments, field.trailingComment))
                field.documentation = &m_pool.fieldDocumentation.emplace_back(std::move(*text));
            reportField(field, block);
            m_pool.members.push_back({BlockMember::Kind::Field,
                                      int(m_pool.fields.size() - 1 - start.fields), field.range});
            return true;
        }
        case Body::EnumValues: {
            std::optional<EnumValue> value = parseEnumValueLine();
            if (!value)
                return false;
            value->documentation = takeDocumentation(pendingComments, value->trailingComment);
            reportStrings(value->attributes);
            m_pool.members.push_back({BlockMember::Kind::EnumValue,
                                      int(m_pool.values.size() - start.values), value->range});
            m_pool.values.push_back(std::move(*value));
            return true;
        }
        case Body::Config: {
            std::optional<ConfigProperty> property = parsePropertyLine();
            if (!property)
                return false;
            if (property->value)
                reportStrings(*property->value);
            m_pool.members.push_back({BlockMember::Kind::Property,
                                      int(m_pool.properties.size() - start.properties),
                                      property->range});
            m_pool.properties.push_back(*property);
            return true;
        }
        }
        return false;
    }

    // comment_block = ((doc_comment | comment | multi_line_comment) ~ NEWLINE?)+
    CommentGroup parseCommentGroup()
    {
        CommentGroup group;
        group.range = {m_token.start, m_token.end};
        const std::size_t first = m_pool.comments.size();
        while (atComment()) {
            m_pool.comments.push_back(parseComment());
            group.range.end = m_previousEnd;
            if (at(TokenKind::Newline))
                take();
        }
        group.comments = since(m_pool.comments, first);
        return group;
    }

    Comment parseComment()
    {
        const Token token = take();
        Comment comment;
        comment.range = token.range();
        comment.kind = token.is(TokenKind::Comment)      ? Comment::Kind::Line
                       : token.is(TokenKind::DocComment) ? Comment::Kind::Doc
                                                         : Comment::Kind::Block;
        return comment;
    }

    // trailing_comment = doc_comment | comment | multi_line_comment
    std::optional<Comment> parseTrailingComment()
    {
        if (!atComment())
            return std::nullopt;
        return parseComment();
    }

    // empty_lines = (WHITESPACE* ~ NEWLINE)+
    SourceRange parseEmptyLines()
    {
        SourceRange range{m_token.start, m_token.end};
        while (at(TokenKind::Newline))
            range.end = take().end;
        return range;
    }

    // ---- lines ----------------------------------------------------------------------------

    // The NEWLINE that ends a line item; on success the item's end is m_previousEnd before it.
    bool takeNewline(SourceRange &itemRange)
    {
        if (!at(TokenKind::Newline))
            return false;
        itemRange.end = m_previousEnd;
        take();
        return true;
    }

    // field_declaration = identifier ~ LEGACY_COLON? ~ field_type? ~ field_attribute*
    //                     ~ trailing_comment? ~ NEWLINE
    // Fields are the bulk of a schema: each is built in place at the end of its pool.
    bool parseFieldLine()
    {
        const Mark begin = mark();
        Field &field = m_pool.fields.emplace_back();
        field.name.range = take().range();
        field.range = field.name.range;
        if (at(TokenKind::Colon))
            field.legacyColon = take().range();
        if (!parseFieldType(field.type.emplace()))
            field.type.reset();
        field.attributes = parseFieldAttributes();
        field.trailingComment = parseTrailingComment();
        if (!takeNewline(field.range)) {
            m_pool.fields.pop_back();
            reset(begin);
            return false;
        }
        return true;
    }

    // enum_value_declaration = identifier ~ field_attribute* ~ trailing_comment? ~ NEWLINE
    std::optional<EnumValue> parseEnumValueLine()
    {
        const Mark begin = mark();
        EnumValue value;
        value.name.range = take().range();
        value.range = value.name.range;
        value.attributes = parseFieldAttributes();
        value.trailingComment = parseTrailingComment();
        if (!takeNewline(value.range)) {
            reset(begin);
            return std::nullopt;
        }
        return value;
    }

    // key_value ~ NEWLINE, key_value = identifier ~ "=" ~ expression? ~ trailing_comment?
    std::optional<ConfigProperty> parsePropertyLine()
    {
        const Mark begin = mark();
        ConfigProperty property;
        property.name.range = take().range();
        property.range = property.name.range;
        if (!at(TokenKind::Equals)) {
            reset(begin);
            return std::nullopt;
        }
        take();
        if (!parseExpression(0, property.value.emplace()))
            property.value.reset();
        property.trailingComment = parseTrailingComment();
        if (!takeNewline(property.range)) {
            reset(begin);
            return std::nullopt;
        }
        return property;
    }

    // block_attribute ~ NEWLINE, block_attribute = "@@" ~ path ~ arguments_list?
    //                                               ~ trailing_comment?
    // On success the attribute is m_blockAttributes.back().
    bool parseBlockAttributeLine()
    {
        const Mark begin = mark();
        Attribute &attribute = m_blockAttributes.emplace_back();
        if (parseAttribute(attribute)) {
            attribute.trailingComment = parseTrailingComment();
            SourceRange range = attribute.range;
            if (takeNewline(range))
                return true;
        }
        m_blockAttributes.pop_back();
        reset(begin);
        return false;
    }

    // field_attribute*, appended to the pool in place: nothing else adds attributes meanwhile.
    NodeList<Attribute> parseFieldAttributes()
    {
        const std::size_t first = m_pool.attributes.size();
        while (at(TokenKind::At)) {
            if (!parseAttribute(m_pool.attributes.emplace_back())) {
                m_pool.attributes.pop_back();
                break;
            }
        }
        return since(m_pool.attributes, first);
    }

    // field_attribute = "@" ~ path ~ arguments_list?, and the same after "@@", parsed into a
    // fresh `attribute`; on failure the position is unchanged and `attribute` is to be dropped.
    bool parseAttribute(Attribute &attribute)
    {
        const Mark begin = mark();
        attribute.isBlockAttribute = at(TokenKind::AtAt);
        const Token sigil = take();
        const std::optional<SourceRange> name = parsePath();
        if (!name) {
            reset(begin);
            return false;
        }
        attribute.name.range = *name;
        attribute.range = {sigil.start, name->end};
        if (at(TokenKind::LeftParen)) {
            if (parseArguments(0, attribute.arguments.emplace()))
                attribute.range.end = attribute.arguments->range.end;
            else
                attribute.arguments.reset();
        }
        return true;
    }

    // field_type = unsupported_optional_list_type | list_type | optional_type
    //            | legacy_required_type | legacy_list_type | base_type
    bool parseFieldType(FieldType &type)
    {
        type.range.start = m_token.start;
        if (at(TokenKind::LeftBracket)) { // legacy_list_type = "[" ~ base_type ~ "]"
            const Mark begin = mark();
            take();
            if (!parseBaseType(type) || !at(TokenKind::RightBracket)) {
                reset(begin);
                return false;
            }
            type.range.end = take().end;
            type.arity = FieldType::Arity::List;
            type.legacy = FieldType::Legacy::BracketList;
            return true;
        }
        if (!parseBaseType(type))
            return false;
        type.range.end = type.base.end;
        if (at(TokenKind::LeftBracket)) { // the literal "[]", no space inside
            if (byteAt(m_token.end) == ']') {
                take();
                type.range.end = take().end;
                type.arity = FieldType::Arity::List;
                if (at(TokenKind::Question)) {
                    type.range.end = take().end;
                    type.legacy = FieldType::Legacy::OptionalList;
                }
            }
        } else if (at(TokenKind::Question)) {
            type.range.end = take().end;
            type.arity = FieldType::Arity::Optional;
        } else if (at(TokenKind::Bang)) {
            type.range.end = take().end;
            type.legacy = FieldType::Legacy::RequiredBang;
        }
        return true;
    }

    // base_type = unsupported_type | identifier, unsupported_type = "Unsupported(" ~
    // string_literal ~ ")"
    bool parseBaseType(FieldType &type)
    {
        if (!atName())
            return false;
        if (text(m_token) == "Unsupported") {
            if (byteAt(m_token.end) == '(') { // "Unsupported(" is one atomic literal
                const Mark begin = mark();
                const Token word = take();
                take();
                if (isWellFormedString(m_token)) {
                    const Token literal = take();
                    if (at(TokenKind::RightParen)) {
                        type.name.range = word.range();
                        type.base = {word.start, take().end};
                        type.unsupportedValue = literal.range();
                        return true;
                    }
                }
                reset(begin);
            }
        }
        type.name.range = take().range();
        type.base = type.name.range;
        return true;
    }

    // path = identifier ~ ("." ~ path?)*, atomic: no spaces inside
    std::optional<SourceRange> parsePath()
    {
        if (!atPathSegment())
            return std::nullopt;
        SourceRange path = take().range();
        while (at(TokenKind::Dot) && adjacent()) {
            path.end = take().end;
            if (atPathSegment() && adjacent())
                path.end = take().end;
        }
        return path;
    }

    // (item ~ ("," ~ item)*)? onto `list`; a comma not followed by an item is left unread.
    template <typename T, typename ParseItem>
    void parseCommaSeparated(std::vector<T> &list, ParseItem parseItem)
    {
        if (!parseOnto(list, parseItem))
            return;
        while (at(TokenKind::Comma)) {
            const Mark beforeComma = mark();
            take();
            if (!parseOnto(list, parseItem)) {
                reset(beforeComma);
                return;
            }
        }
    }

    // One item parsed in place at the end of `list`, dropped again when it does not parse.
    template <typename T, typename ParseItem>
    static bool parseOnto(std::vector<T> &list, ParseItem parseItem)
    {
        if (parseItem(list.emplace_back()))
            return true;
        list.pop_back();
        return false;
    }

    // arguments_list = "(" ~ (argument ~ ("," ~ argument)*)? ~ trailing_comma? ~ ")", into a
    // fresh `list` (the same contract as parseAttribute)
    bool parseArguments(int depth, ArgumentList &list)
    {
        if (depth > maxNesting)
            return false;
        const Mark begin = mark();
        std::vector<Argument> &pool = m_pool.arguments[std::size_t(depth)];
        const std::size_t start = pool.size();
        list.range.start = take().start;
        parseCommaSeparated(pool,
                            [&](Argument &argument) { return parseArgument(depth, argument); });
        if (at(TokenKind::Comma))
            list.trailingComma = take().range();
        if (!at(TokenKind::RightParen)) {
            pool.resize(start);
            reset(begin);
            return false;
        }
        list.range.end = take().end;
        list.arguments = since(pool, start);
        return true;
    }

    // argument = named_argument | empty_argument | expression
    bool parseArgument(int depth, Argument &argument)
    {
        if (atName() && nextIsColon()) {
            const Token name = take();
            take();
            argument.name = Identifier{name.range()};
            argument.range = {name.start, m_previousEnd};
            if (parseExpression(depth, argument.value.emplace()))
                argument.range.end = argument.value->range.end;
            else
                argument.value.reset();
            return true;
        }
        if (!parseExpression(depth, argument.value.emplace())) {
            argument.value.reset();
            return false;
        }
        argument.range = argument.value->range;
        return true;
    }

    // expression = function_call | array_expression | numeric_literal | string_literal | path,
    // into a fresh `expression` (the same contract as parseAttribute)
    bool parseExpression(int depth, Expression &expression)
    {
        if (depth > maxNesting)
            return false;
        if (at(TokenKind::LeftBracket))
            return parseArray(depth, expression);
        if (at(TokenKind::LeftBrace))
            return parseObject(depth, expression);
        if (at(TokenKind::String)) {
            if (!isWellFormedString(m_token))
                return false;
            expression.kind = Expression::Kind::String;
            expression.range = take().range();
            return true;
        }
        if (at(TokenKind::Number) && text(m_token).front() == '-') {
            expression.kind = Expression::Kind::Number;
            expression.range = take().range();
            return true;
        }
        if (!atPathSegment())
            return false;

        const Mark begin = mark();
        const Token first = m_token;
        const SourceRange path = *parsePath();
        if (at(TokenKind::LeftParen)) { // function_call = path ~ arguments_list
            if (!parseArguments(depth + 1, expression.arguments)) {
                reset(begin);
                return false;
            }
            expression.kind = Expression::Kind::Function;
            expression.name.range = path;
            expression.range = {path.start, expression.arguments.range.end};
            return true;
        }
        // numeric_literal comes before path: `123abc` is the number 123 and then garbage.
        if (isAsciiDigit(text(first).front())) {
            if (!first.is(TokenKind::Number) || path != first.range()) {
                reset(begin);
                return false;
            }
            expression.kind = Expression::Kind::Number;
        } else {
            const QByteArrayView name = text(path);
            expression.kind = (name == "true" || name == "false") ? Expression::Kind::Boolean
                                                                  : Expression::Kind::Constant;
        }
        expression.range = path;
        return true;
    }

    // array_expression = "[" ~ (expression ~ ("," ~ expression)*)? ~ "]"
    bool parseArray(int depth, Expression &array)
    {
        const Mark begin = mark();
        std::vector<Expression> &pool = m_pool.expressions[std::size_t(depth)];
        const std::size_t start = pool.size();
        array.kind = Expression::Kind::Array;
        array.range.start = take().start;
        parseCommaSeparated(
            pool, [&](Expression &element) { return parseExpression(depth + 1, element); });
        if (!at(TokenKind::RightBracket)) {
            pool.resize(start);
            reset(begin);
            return false;
        }
        array.range.end = take().end;
        array.elements = since(pool, start);
        return true;
    }

    // object_expression = "{" ~ (object_member ~ ("," ~ object_member)*)? ~ "}", into a fresh
    // `object` (the same contract as parseAttribute). As in Prisma 7, there is no trailing
    // comma, and the braces and members sit on one line (no NEWLINE in the rule).
    bool parseObject(int depth, Expression &object)
    {
        const Mark begin = mark();
        // depth + 1: the argument list this object may be an argument of builds at `depth`.
        std::vector<Argument> &pool = m_pool.arguments[std::size_t(depth) + 1];
        const std::size_t start = pool.size();
        object.kind = Expression::Kind::Object;
        object.arguments.range.start = take().start;
        parseCommaSeparated(pool,
                            [&](Argument &member) { return parseObjectMember(depth, member); });
        if (!at(TokenKind::RightBrace)) {
            pool.resize(start);
            reset(begin);
            return false;
        }
        object.arguments.range.end = take().end;
        object.arguments.arguments = since(pool, start);
        object.range = object.arguments.range;
        return true;
    }

    // object_member = identifier ~ ":" ~ expression: a key that is a plain name (not a path,
    // not a string) and a value that is any expression.
    bool parseObjectMember(int depth, Argument &member)
    {
        if (!atName() || !nextIsColon())
            return false;
        const Mark begin = mark();
        const Token key = take();
        take();
        if (!parseExpression(depth + 1, member.value.emplace())) {
            member.value.reset();
            reset(begin);
            return false;
        }
        member.name = Identifier{key.range()};
        member.range = {key.start, member.value->range.end};
        return true;
    }

    SourceFile m_source;
    const char *m_data;
    int m_size;
    // Only an escape can make a string literal wrong: a file without a backslash has none to
    // report, and its attributes need no second walk.
    bool m_hasBackslash;
    Lexer m_lexer;
    Token m_token;
    int m_previousEnd = 0;
    bool m_hasPeek = false; // m_peekToken and m_peekLexer hold the token after m_token
    Token m_peekToken;
    Lexer m_peekLexer;
    QList<Diagnostic> m_diagnostics;

    std::shared_ptr<SyntaxTreeStorage> m_storage;
    SyntaxTreeStorage &m_pool;
    // Lists being built whose nodes would interleave in their pool with other lists' nodes.
    std::vector<CommentGroup> m_topCommentGroups;
    std::vector<Attribute> m_blockAttributes;

    std::unordered_set<int> m_unclosedFrom[3]; // per Body: item starts that run into the end
    std::vector<int> m_visited;                // item starts of the body being parsed
    int m_braceSearchFrom = -1;
    int m_braceSearchFound = -1;
};

} // namespace

ParsedFile Parser::parse(SourceFile source)
{
    return SchemaParser(std::move(source)).run();
}

} // namespace gh::prisma
