#include "core/prisma/AstDump.h"

#include <QStringList>

namespace gh::prisma {

namespace {

QString quoted(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"))
        .replace(QLatin1Char('\r'), QLatin1String("\\r"))
        .replace(QLatin1Char('\t'), QLatin1String("\\t"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

const char *legacyName(FieldType::Legacy legacy)
{
    switch (legacy) {
    case FieldType::Legacy::None:
        return "";
    case FieldType::Legacy::RequiredBang:
        return " legacy=RequiredBang";
    case FieldType::Legacy::BracketList:
        return " legacy=BracketList";
    case FieldType::Legacy::OptionalList:
        return " legacy=OptionalList";
    }
    return "";
}

class Dumper
{
public:
    explicit Dumper(const ParsedFile &file)
        : m_file(file)
    {}

    QString run()
    {
        const SyntaxTree &tree = m_file.tree;
        for (const TopItem &item : tree.items) {
            switch (item.kind) {
            case TopItem::Kind::Block:
                block(tree.blocks.at(item.index));
                break;
            case TopItem::Kind::Comments:
                comments(tree.commentGroups.at(item.index), 0);
                break;
            case TopItem::Kind::EmptyLines:
                emptyLines(item.range, 0);
                break;
            case TopItem::Kind::Invalid:
                raw("invalid", item.range, 0);
                break;
            case TopItem::Kind::InvalidBlock:
                raw("invalid-block", item.range, 0);
                break;
            case TopItem::Kind::TypeAlias:
                raw("type-alias", item.range, 0);
                break;
            }
        }
        return m_lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }

private:
    void line(int depth, const QString &text)
    {
        m_lines.append(QString(depth * 2, QLatin1Char(' ')) + text);
    }

    void raw(const char *what, SourceRange range, int depth)
    {
        line(depth, QLatin1String(what) + QLatin1Char(' ') + quoted(m_file.string(range)));
    }

    void emptyLines(SourceRange range, int depth)
    {
        const QByteArrayView text = m_file.text(range);
        const qsizetype breaks = text.count('\n') + text.count('\r') - text.count("\r\n");
        line(depth, QStringLiteral("empty %1").arg(breaks));
    }

    void documentation(const std::optional<QString> &doc, int depth)
    {
        if (doc)
            line(depth, QStringLiteral("doc ") + quoted(*doc));
    }

    void trailing(const std::optional<Comment> &comment, int depth)
    {
        if (comment)
            line(depth, QStringLiteral("trailing ") + quoted(m_file.string(comment->range)));
    }

    void comments(const CommentGroup &group, int depth)
    {
        line(depth, QStringLiteral("comments"));
        for (const Comment &comment : group.comments)
            line(depth + 1, quoted(m_file.string(comment.range)));
    }

    void attributes(const NodeList<Attribute> &attributes, int depth)
    {
        for (const Attribute &attribute : attributes)
            line(depth, renderAttribute(m_file, attribute));
    }

    void block(const Block &block)
    {
        line(0, QLatin1String(blockKeyword(block.kind)) + QLatin1Char(' ') +
                    m_file.string(block.name));
        documentation(block.documentation, 1);
        for (const BlockMember &member : block.members) {
            switch (member.kind) {
            case BlockMember::Kind::Field:
                field(block.fields.at(member.index));
                break;
            case BlockMember::Kind::EnumValue:
                value(block.values.at(member.index));
                break;
            case BlockMember::Kind::Property:
                property(block.properties.at(member.index));
                break;
            case BlockMember::Kind::Attribute: {
                const Attribute &attribute = block.attributes.at(member.index);
                line(1, renderAttribute(m_file, attribute));
                trailing(attribute.trailingComment, 2);
                break;
            }
            case BlockMember::Kind::Comments:
                comments(block.commentGroups.at(member.index), 1);
                break;
            case BlockMember::Kind::EmptyLines:
                emptyLines(member.range, 1);
                break;
            case BlockMember::Kind::Invalid:
                raw("invalid", member.range, 1);
                break;
            }
        }
    }

    void field(const Field &field)
    {
        QString text = QStringLiteral("field ") + m_file.string(field.name);
        if (field.legacyColon)
            text += QLatin1Char(':');
        if (field.type) {
            const FieldType &type = *field.type;
            text += QLatin1Char(' ') + m_file.string(type.base);
            if (type.arity == FieldType::Arity::List)
                text += QLatin1String("[]");
            if (type.arity == FieldType::Arity::Optional ||
                type.legacy == FieldType::Legacy::OptionalList)
                text += QLatin1Char('?');
            text += QLatin1String(legacyName(type.legacy));
        }
        if (!field.isValid)
            text += QLatin1String(" (invalid)");
        line(1, text);
        documentation(
            field.documentation ? std::optional<QString>(*field.documentation) : std::nullopt, 2);
        attributes(field.attributes, 2);
        trailing(field.trailingComment, 2);
    }

    void value(const EnumValue &value)
    {
        line(1, QStringLiteral("value ") + m_file.string(value.name));
        documentation(value.documentation, 2);
        attributes(value.attributes, 2);
        trailing(value.trailingComment, 2);
    }

    void property(const ConfigProperty &property)
    {
        QString text =
            QStringLiteral("property ") + m_file.string(property.name) + QLatin1String(" =");
        if (property.value)
            text += QLatin1Char(' ') + renderExpression(m_file, *property.value);
        line(1, text);
        trailing(property.trailingComment, 2);
    }

    const ParsedFile &m_file;
    QStringList m_lines;
};

} // namespace

QString renderExpression(const ParsedFile &file, const Expression &expression)
{
    switch (expression.kind) {
    case Expression::Kind::Function:
        return file.string(expression.name) + renderArguments(file, expression.arguments);
    case Expression::Kind::Array: {
        QStringList elements;
        for (const Expression &element : expression.elements)
            elements.append(renderExpression(file, element));
        return QLatin1Char('[') + elements.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    case Expression::Kind::Object: { // `{ a: 1, b: null }`, and `{  }` when empty
        QStringList members;
        for (const ObjectMember &member : expression.members())
            members.append(file.string(*member.name) + QLatin1String(": ") +
                           renderExpression(file, *member.value));
        return QLatin1String("{ ") + members.join(QLatin1String(", ")) + QLatin1String(" }");
    }
    default:
        return file.string(expression.range);
    }
}

QString renderArguments(const ParsedFile &file, const ArgumentList &arguments)
{
    QStringList parts;
    for (const Argument &argument : arguments.arguments) {
        QString part;
        if (argument.name)
            part = file.string(*argument.name) + QLatin1Char(':');
        if (argument.value)
            part += (argument.name ? QLatin1String(" ") : QLatin1String("")) +
                    renderExpression(file, *argument.value);
        parts.append(part);
    }
    return QLatin1Char('(') + parts.join(QLatin1String(", ")) +
           (arguments.trailingComma ? QLatin1String(",)") : QLatin1String(")"));
}

QString renderAttribute(const ParsedFile &file, const Attribute &attribute)
{
    QString text = (attribute.isBlockAttribute ? QLatin1String("@@") : QLatin1String("@")) +
                   file.string(attribute.name);
    if (attribute.arguments)
        text += renderArguments(file, *attribute.arguments);
    return text;
}

QString dumpSyntaxTree(const ParsedFile &file)
{
    return Dumper(file).run();
}

} // namespace gh::prisma
