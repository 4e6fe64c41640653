#include "core/prisma/DatasourceUrl.h"

#include "core/prisma/SchemaSource.h"

namespace gh::prisma {

DatasourceUrl datasourceUrl(const ParsedFile &file, const Block &datasource, QByteArrayView name)
{
    DatasourceUrl url;
    url.datasource = file.string(datasource.name);
    url.file = file.path();
    for (const ConfigProperty &property : datasource.properties) {
        if (file.text(property.name) != name)
            continue;
        url.kind = DatasourceUrl::Kind::Invalid;
        if (!property.value)
            return url;
        const Expression &value = *property.value;
        url.range = value.range;
        if (value.is(Expression::Kind::String)) {
            url.kind = DatasourceUrl::Kind::Literal;
            url.value = file.stringValue(value);
        } else if (value.is(Expression::Kind::Function) && file.text(value.name) == "env") {
            const auto &arguments = value.arguments.arguments;
            if (arguments.size() == 1 && !arguments.front().isNamed() &&
                arguments.front().value->is(Expression::Kind::String)) {
                url.kind = DatasourceUrl::Kind::EnvironmentVariable;
                url.value = file.stringValue(*arguments.front().value);
            }
        }
        return url;
    }
    return url;
}

DatasourceUrl datasourceUrl(const SchemaSource &schema)
{
    for (const ParsedFile &file : schema.files()) {
        for (const Block &block : file.tree.blocks) {
            if (block.is(Block::Kind::Datasource))
                return datasourceUrl(file, block);
        }
    }
    return {};
}

} // namespace gh::prisma
