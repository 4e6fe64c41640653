#include "core/prisma/Formatter.h"

#include "core/prisma/FormatterOutput.h"
#include "core/prisma/FormatterRelations.h"
#include "core/prisma/FormatterTable.h"
#include "core/prisma/Lexer.h"
#include "core/prisma/Parser.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/Utf8.h"

#include <QChar>
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

// A port of prisma-engines' psl/schema-ast/src/reformat.rs to the syntax tree of Ast.h. The
// tree keeps pest's items in order (TopItem, BlockMember), so the walk below follows the pairs
// reformat.rs walks, rule by rule; where the tree stores less than the pair would give (a line
// break after an invalid line, the blanks after a type alias) the source text is read.

namespace gh::prisma {

namespace {

// Prisma's attribute order (get_sort_index_of_attribute); every other name sorts after these,
// keeping its place among the others.
int attributeRank(QByteArrayView name)
{
    static constexpr std::array<std::string_view, 9> order = {
        "id", "unique", "default", "updatedAt", "index", "fulltext", "map", "relation", "ignore"};
    const std::string_view text(name.data(), std::size_t(name.size()));
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (text == order[i])
            return int(i);
    }
    return int(order.size());
}

// Rust's char::is_whitespace, which str::trim uses.
bool isUnicodeWhitespace(char32_t codePoint)
{
    return QChar::isSpace(codePoint);
}

// The code points of `text` with Rust's str::trim applied.
QByteArrayView trimmed(QByteArrayView text)
{
    const char *begin = text.data();
    const char *end = begin + text.size();
    const char *firstKept = end;
    const char *lastKeptEnd = begin;
    for (const char *p = begin; p < end;) {
        const utf8::Step step = utf8::decode(p, end);
        if (!isUnicodeWhitespace(step.codePoint) || !step.valid) {
            if (firstKept == end)
                firstKept = p;
            lastKeptEnd = p + step.bytes;
        }
        p += step.bytes;
    }
    if (firstKept == end)
        return {};
    return QByteArrayView(firstKept, lastKeptEnd - firstKept);
}

// One item of a file or block as pest's pairs come, which the tree does not always say: a
// `/* */` comment followed by blanks and a line break ends its comment_block there (the
// compound-atomic rule cannot take the blanks), and pest then sees empty_lines. So a comment
// group is cut after such a comment and an empty-lines entry follows it.
template <typename Kind> struct Entry
{
    Kind kind;
    int index = -1;       ///< as in TopItem / BlockMember
    int firstComment = 0; ///< Comments: the comments [firstComment, endComment) of the group
    int endComment = 0;
    SourceRange range;
};

class LayoutWriter
{
public:
    LayoutWriter(const ParsedFile &file, int indentWidth)
        : m_file(file)
        , m_content(file.source.content())
        , m_output(indentWidth)
    {}

    QByteArray run()
    {
        m_output.reserve(m_file.source.size() + m_file.source.size() / 4 + 16);
        const std::vector<Entry<TopItem::Kind>> &items =
            normalized(m_file.tree.items, m_file.tree.commentGroups, m_topEntries);
        std::size_t i = 0;
        if (i < items.size() && items[i].kind == TopItem::Kind::EmptyLines)
            ++i; // reformat away the empty lines at the start of the file
        for (; i < items.size(); ++i) {
            const Entry<TopItem::Kind> &item = items[i];
            switch (item.kind) {
            case TopItem::Kind::Block:
                block(m_file.tree.blocks[std::size_t(item.index)]);
                break;
            case TopItem::Kind::Comments:
                commentGroup(m_file.tree.commentGroups[std::size_t(item.index)], item);
                m_table.render(m_output);
                break;
            case TopItem::Kind::EmptyLines:
                // Any number of empty lines is one; those at the end of the file go.
                if (i + 1 < items.size())
                    m_output.endLine();
                break;
            case TopItem::Kind::Invalid:
                // pest's CATCH_ALL takes its line break along, whatever it is.
                m_output.write(text({item.range.start, lineBreakEnd(item.range.end)}));
                break;
            case TopItem::Kind::InvalidBlock:
                m_output.write(text(item.range));
                break;
            case TopItem::Kind::TypeAlias:
                m_output.write(text({item.range.start, typeAliasEnd(item.range)}));
                break;
            }
        }
        if (!m_output.endsWithLineBreak())
            m_output.endLine();
        return m_output.take();
    }

private:
    // SourceFile::text() without the call: this runs for every token written.
    QByteArrayView text(SourceRange range) const
    {
        const qsizetype size = m_content.size();
        const qsizetype start = std::clamp<qsizetype>(range.start, 0, size);
        const qsizetype end = std::clamp<qsizetype>(range.end, start, size);
        return QByteArrayView(m_content.data() + start, end - start);
    }
    QByteArrayView text(const Identifier &identifier) const { return text(identifier.range); }

    char byteAt(int offset) const
    {
        const QByteArray &content = m_file.source.content();
        return offset < content.size() ? content.at(offset) : '\0';
    }

    // The end of the line break at `offset`, or `offset` when there is none.
    int lineBreakEnd(int offset) const
    {
        if (byteAt(offset) == '\r')
            return byteAt(offset + 1) == '\n' ? offset + 2 : offset + 1;
        return byteAt(offset) == '\n' ? offset + 1 : offset;
    }

    // Past the spaces, tabs and Unicode space separators from `offset` (pest's WHITESPACE).
    int blanksEnd(int offset) const
    {
        const QByteArray &content = m_file.source.content();
        const char *const end = content.constData() + content.size();
        while (offset < content.size()) {
            const char byte = content.at(offset);
            if (byte == ' ' || byte == '\t') {
                ++offset;
                continue;
            }
            if (static_cast<unsigned char>(byte) < 0x80)
                break;
            const utf8::Step step = utf8::decode(content.constData() + offset, end);
            if (!step.valid || QChar::category(step.codePoint) != QChar::Separator_Space)
                break;
            offset += step.bytes;
        }
        return offset;
    }

    // Where pest's type_alias pair ends. Its last part is `field_attribute*` (after the type)
    // or an attribute's `arguments_list?` (after its name): when that matches nothing, the
    // implicit whitespace before it is part of the pair and is written back.
    int typeAliasEnd(SourceRange range) const
    {
        Lexer lexer(text(range), Lexer::MultiLineTokens::Whole);
        bool hasAttribute = false;
        TokenKind last = TokenKind::EndOfFile;
        for (Token token = lexer.next(); !token.is(TokenKind::EndOfFile); token = lexer.next()) {
            if (token.is(TokenKind::At))
                hasAttribute = true;
            if (!token.isWhitespace())
                last = token.kind;
        }
        if (hasAttribute && last == TokenKind::RightParen)
            return range.end;
        return blanksEnd(range.end);
    }

    // A `/* */` comment followed by blanks, then a line break (see Entry).
    bool endsCommentBlock(const Comment &comment) const
    {
        if (comment.kind != Comment::Kind::Block)
            return false;
        const int end = blanksEnd(comment.range.end);
        return end > comment.range.end && (byteAt(end) == '\n' || byteAt(end) == '\r');
    }

    template <typename Item>
    const std::vector<Entry<typename Item::Kind>> &
    normalized(const NodeList<Item> &items, const NodeList<CommentGroup> &groups,
               std::vector<Entry<typename Item::Kind>> &entries) const
    {
        using Kind = typename Item::Kind;
        entries.clear();
        auto pushEmptyLines = [&entries](SourceRange range) {
            if (entries.empty() || entries.back().kind != Kind::EmptyLines)
                entries.push_back({Kind::EmptyLines, -1, 0, 0, range});
        };
        for (const Item &item : items) {
            if (item.kind == Kind::EmptyLines) {
                pushEmptyLines(item.range);
            } else if (item.kind == Kind::Comments) {
                const CommentGroup &group = groups[std::size_t(item.index)];
                const int count = int(group.comments.size());
                int first = 0;
                for (int c = 0; c < count; ++c) {
                    if (!endsCommentBlock(group.comments[std::size_t(c)]))
                        continue;
                    entries.push_back({Kind::Comments, item.index, first, c + 1, item.range});
                    pushEmptyLines(group.comments[std::size_t(c)].range);
                    first = c + 1;
                }
                if (first < count)
                    entries.push_back({Kind::Comments, item.index, first, count, item.range});
            } else {
                entries.push_back({item.kind, item.index, 0, 0, item.range});
            }
        }
        return entries;
    }

    // ---- blocks -------------------------------------------------------------------------

    void block(const Block &block)
    {
        m_output.write(text(block.keyword));
        m_output.write(" ");
        m_output.write(text(block.name));
        m_output.write(" {");
        m_output.endLine();
        m_output.indentUp();
        blockContents(block);
    }

    void blockContents(const Block &block)
    {
        using Kind = BlockMember::Kind;
        const std::vector<Entry<Kind>> &members =
            normalized(block.members, block.commentGroups, m_blockEntries);
        const std::size_t count = members.size();
        auto kindAt = [&](std::size_t i) { return members[i].kind; };

        m_blockAttributes.clear();
        int pendingComments = -1; // comments directly above a `@@` attribute move with it
        std::size_t i = 0;
        if (i < count && kindAt(i) == Kind::EmptyLines)
            ++i;
        for (;;) {
            bool ateEmptyLines = false;
            if (i < count && kindAt(i) == Kind::EmptyLines) {
                ++i;
                ateEmptyLines = true;
                // Empty lines at the end and before attributes go (they come back later);
                // before anything else they end the alignment group.
                if (i < count && kindAt(i) != Kind::Attribute && kindAt(i) != Kind::Comments)
                    startGroupAfterEmptyLine();
            }
            if (i >= count)
                break;
            const Entry<Kind> &member = members[i++];
            switch (member.kind) {
            case Kind::Comments:
                if (i < count && kindAt(i) == Kind::Attribute) {
                    pendingComments = int(i - 1); // this entry
                } else {
                    if (ateEmptyLines)
                        startGroupAfterEmptyLine();
                    commentGroup(block.commentGroups[std::size_t(member.index)], member);
                }
                break;
            case Kind::Field:
                field(block.fields[std::size_t(member.index)]);
                break;
            case Kind::EnumValue:
                enumValue(block.values[std::size_t(member.index)]);
                break;
            case Kind::Property:
                property(block.properties[std::size_t(member.index)]);
                break;
            case Kind::Attribute:
                m_blockAttributes.push_back({pendingComments, member.index});
                pendingComments = -1;
                break;
            case Kind::Invalid:
                // BLOCK_LEVEL_CATCH_ALL without its `\n` (a `\r` stays).
                m_table.interleave(text({member.range.start, byteAt(member.range.end) == '\r'
                                                                 ? member.range.end + 1
                                                                 : member.range.end}));
                break;
            case Kind::EmptyLines:
                break;
            }
        }

        m_table.render(m_output);
        if (!m_blockAttributes.empty()) {
            m_table.startRow(); // the empty line before the block attributes
            // A stable insertion sort: a block has a few `@@` attributes, and std::stable_sort
            // allocates a buffer on every call.
            const auto rankOf = [&](const std::pair<int, int> &entry) {
                return rank(block.attributes[std::size_t(entry.second)]);
            };
            for (std::size_t i = 1; i < m_blockAttributes.size(); ++i) {
                const std::pair<int, int> moving = m_blockAttributes[i];
                const int movingRank = rankOf(moving);
                std::size_t j = i;
                while (j > 0 && rankOf(m_blockAttributes[j - 1]) > movingRank) {
                    m_blockAttributes[j] = m_blockAttributes[j - 1];
                    --j;
                }
                m_blockAttributes[j] = moving;
            }
            for (const auto &[comments, attribute] : m_blockAttributes) {
                if (comments >= 0) {
                    const Entry<Kind> &entry = members[std::size_t(comments)];
                    commentGroup(block.commentGroups[std::size_t(entry.index)], entry);
                }
                blockAttribute(block.attributes[std::size_t(attribute)]);
            }
            m_table.render(m_output);
        }
        m_output.indentDown();
        m_output.write("}");
        m_output.endLine();
    }

    void startGroupAfterEmptyLine()
    {
        m_table.render(m_output);
        m_table.startRow();
    }

    int rank(const Attribute &attribute) const { return attributeRank(text(attribute.name)); }

    // ---- lines --------------------------------------------------------------------------

    void field(const Field &field)
    {
        m_table.startRow();
        m_table.beginCell(0);
        m_table.append(text(field.name));
        if (field.type) {
            m_table.beginCell(1);
            fieldType(*field.type);
        }
        trailingComment(field.trailingComment);
        if (field.attributes.empty())
            return;

        m_order.clear();
        for (std::size_t i = 0; i < field.attributes.size(); ++i)
            m_order.push_back(int(i));
        // A stable insertion sort: fields have a handful of attributes.
        for (std::size_t i = 1; i < m_order.size(); ++i) {
            const int moving = m_order[i];
            const int movingRank = rank(field.attributes[std::size_t(moving)]);
            std::size_t j = i;
            while (j > 0 && rank(field.attributes[std::size_t(m_order[j - 1])]) > movingRank) {
                m_order[j] = m_order[j - 1];
                --j;
            }
            m_order[j] = moving;
        }
        m_table.beginCell(2);
        for (std::size_t i = 0; i < m_order.size(); ++i) {
            if (i > 0)
                m_table.append(" ");
            m_table.append("@");
            call(field.attributes[std::size_t(m_order[i])]);
        }
    }

    void fieldType(const FieldType &type)
    {
        m_table.append(text(type.base));
        switch (type.legacy) {
        case FieldType::Legacy::OptionalList:
            m_table.append("[]?");
            return;
        case FieldType::Legacy::RequiredBang:
            return;
        case FieldType::Legacy::BracketList:
        case FieldType::Legacy::None:
            break;
        }
        if (type.arity == FieldType::Arity::Optional)
            m_table.append("?");
        else if (type.arity == FieldType::Arity::List)
            m_table.append("[]");
    }

    void enumValue(const EnumValue &value)
    {
        m_table.startRow();
        m_table.beginCell(0);
        m_table.append(text(value.name));
        if (!value.attributes.empty()) {
            // Each attribute is appended to the same cell with no separator (reformat.rs).
            m_table.beginCell(1);
            for (const Attribute &attribute : value.attributes) {
                m_table.append("@");
                call(attribute);
            }
        }
        trailingComment(value.trailingComment);
    }

    void property(const ConfigProperty &property)
    {
        m_table.startRow();
        m_table.beginCell(0);
        m_table.append(text(property.name));
        if (property.value) { // `url =` without a value loses its `=`
            m_table.beginCell(1);
            m_table.append("= ");
            expression(*property.value);
        }
        trailingComment(property.trailingComment);
    }

    void blockAttribute(const Attribute &attribute)
    {
        m_table.startRow();
        m_table.beginCell(0);
        m_table.append("@@");
        call(attribute);
        trailingComment(attribute.trailingComment);
    }

    void trailingComment(const std::optional<Comment> &comment)
    {
        if (!comment)
            return;
        m_table.beginSuffix();
        m_table.append(text(comment->range)); // as written, even a `/* */` over several lines
    }

    template <typename Kind> void commentGroup(const CommentGroup &group, const Entry<Kind> &entry)
    {
        for (int c = entry.firstComment; c < entry.endComment; ++c) {
            const Comment &comment = group.comments[std::size_t(c)];
            if (comment.kind == Comment::Kind::Block) {
                blockComment(group, c, entry.firstComment);
            } else {
                m_table.startRow();
                m_table.beginSuffix();
                m_table.append(text(comment.range));
            }
        }
    }

    // The canonical `/** ... */` form: one ` * ` line per non-empty line of the comment, with a
    // leading `*` and the blanks around it removed.
    //
    // Prisma takes the text between `/*` and `*/` as the pair's text less two bytes at each
    // end. After the first comment of a group, that pair starts with the blanks before `/*`
    // (the comment rule's own `WHITESPACE*`), so with two blanks or more the `/*` stays in.
    void blockComment(const CommentGroup &group, int index, int first)
    {
        const Comment &comment = group.comments[std::size_t(index)];
        int pairStart = comment.range.start;
        if (index > first) {
            pairStart = lineBreakEnd(group.comments[std::size_t(index - 1)].range.end);
            pairStart = std::min(pairStart, comment.range.start);
        }
        suffixRow("/**");
        const QByteArrayView content = text({pairStart + 2, comment.range.end - 2});
        qsizetype start = 0;
        while (start <= content.size()) {
            qsizetype end = content.indexOf('\n', start);
            if (end < 0)
                end = content.size();
            QByteArrayView line = trimmed(content.sliced(start, end - start));
            if (line.startsWith('*'))
                line = trimmed(line.sliced(1)); // the end is trimmed already
            if (!line.isEmpty()) {
                m_table.startRow();
                m_table.beginSuffix();
                m_table.append(" * ");
                m_table.append(line);
            }
            start = end + 1;
        }
        suffixRow(" */");
    }

    void suffixRow(QByteArrayView text)
    {
        m_table.startRow();
        m_table.beginSuffix();
        m_table.append(text);
    }

    // ---- expressions --------------------------------------------------------------------

    // `name` or `name(arguments)`, for attributes (after `@`/`@@`).
    void call(const Attribute &attribute)
    {
        m_table.append(text(attribute.name));
        if (attribute.arguments)
            arguments(*attribute.arguments);
    }

    void arguments(const ArgumentList &list)
    {
        m_table.append("(");
        bool first = true;
        for (const Argument &argument : list.arguments) {
            if (!first)
                m_table.append(", ");
            first = false;
            if (argument.name) {
                m_table.append(text(*argument.name));
                m_table.append(": ");
            }
            if (argument.value)
                expression(*argument.value);
        }
        m_table.append(")"); // a trailing comma is dropped
    }

    void expression(const Expression &expression)
    {
        switch (expression.kind) {
        case Expression::Kind::Function:
            m_table.append(text(expression.name));
            arguments(expression.arguments);
            return;
        case Expression::Kind::Array: {
            m_table.append("[");
            bool first = true;
            for (const Expression &element : expression.elements) {
                if (!first)
                    m_table.append(", ");
                first = false;
                this->expression(element);
            }
            m_table.append("]");
            return;
        }
        case Expression::Kind::Object: {
            // `{ key: value, key: value }`; an empty one is `{  }`, as Prisma writes it.
            m_table.append("{ ");
            bool first = true;
            for (const ObjectMember &member : expression.members()) {
                if (!first)
                    m_table.append(", ");
                first = false;
                if (member.name) {
                    m_table.append(text(*member.name));
                    m_table.append(": ");
                }
                if (member.value)
                    this->expression(*member.value);
            }
            m_table.append(" }");
            return;
        }
        case Expression::Kind::String:
        case Expression::Kind::Number:
        case Expression::Kind::Boolean:
        case Expression::Kind::Constant:
            m_table.append(text(expression.range));
            return;
        }
    }

    const ParsedFile &m_file;
    QByteArrayView m_content;
    FormatterOutput m_output;
    FormatterTable m_table;
    std::vector<Entry<TopItem::Kind>> m_topEntries;
    std::vector<Entry<BlockMember::Kind>> m_blockEntries;
    std::vector<int> m_order;                           // field attributes, sorted
    std::vector<std::pair<int, int>> m_blockAttributes; // (comment group or -1, attribute)
};

} // namespace

QByteArray Formatter::layout(const ParsedFile &file, int indentWidth)
{
    return LayoutWriter(file, indentWidth).run();
}

QList<QByteArray> Formatter::format(const SchemaSource &schema, const Options &options)
{
    const std::vector<ParsedFile> &files = schema.files();
    std::vector<QByteArray> completed;
    if (options.completeRelations)
        completed = FormatterRelations::complete(schema);

    QList<QByteArray> formatted;
    formatted.reserve(qsizetype(files.size()));
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (i < completed.size() && !completed[i].isNull()) {
            const ParsedFile enriched = Parser::parse(SourceFile(files[i].path(), completed[i]));
            formatted.append(layout(enriched, options.indentWidth));
        } else {
            formatted.append(layout(files[i], options.indentWidth));
        }
    }
    return formatted;
}

QByteArray Formatter::format(const SourceFile &file, const Options &options)
{
    return format(SchemaSource::fromFiles({file}), options).value(0);
}

QString format(const QString &text, const Formatter::Options &options)
{
    return QString::fromUtf8(
        Formatter::format(SourceFile(QStringLiteral("schema.prisma"), text.toUtf8()), options));
}

} // namespace gh::prisma
