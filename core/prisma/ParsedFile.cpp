#include "core/prisma/ParsedFile.h"

#include "core/prisma/StringLiteral.h"

namespace gh::prisma {

QString ParsedFile::stringValue(const Expression &expression) const
{
    if (expression.is(Expression::Kind::String))
        return StringLiteral::decode(text(expression.range));
    return string(expression.range);
}

const Argument *ParsedFile::argument(const ArgumentList &arguments, QByteArrayView name,
                                     int position) const
{
    int unnamed = 0;
    const Argument *positional = nullptr;
    for (const Argument &argument : arguments.arguments) {
        if (argument.name) {
            if (text(*argument.name) == name)
                return &argument;
        } else if (unnamed++ == position) {
            positional = &argument;
        }
    }
    return positional;
}

} // namespace gh::prisma
