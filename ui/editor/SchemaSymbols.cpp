#include "ui/editor/SchemaSymbols.h"

#include "core/prisma/SchemaSource.h"

namespace gh::ui {

const SchemaSymbols::Block *SchemaSymbols::find(const QString &name) const
{
    for (const SchemaSymbols::Block &block : blocks) {
        if (block.name == name)
            return &block;
    }
    return nullptr;
}

QStringList SchemaSymbols::names(Kind kind) const
{
    QStringList result;
    for (const SchemaSymbols::Block &block : blocks) {
        if (block.kind == kind)
            result << block.name;
    }
    return result;
}

SchemaSymbols SchemaSymbols::collect(const prisma::SchemaSource &schema)
{
    SchemaSymbols symbols;
    for (const prisma::ParsedFile &file : schema.files()) {
        for (const prisma::Block &block : file.tree.blocks) {
            if (block.is(prisma::Block::Kind::Datasource)) {
                for (const prisma::ConfigProperty &property : block.properties) {
                    if (!property.value)
                        continue;
                    const QByteArrayView key = file.text(property.name);
                    if (key == "provider" && symbols.provider.isEmpty())
                        symbols.provider = file.stringValue(*property.value);
                    else if (key == "relationMode" && symbols.relationMode.isEmpty())
                        symbols.relationMode = file.stringValue(*property.value);
                }
                continue;
            }
            if (block.is(prisma::Block::Kind::Generator))
                continue;

            SchemaSymbols::Block entry;
            entry.name = file.string(block.name);
            entry.file = file.path();
            switch (block.kind) {
            case prisma::Block::Kind::View:
                entry.kind = Kind::View;
                break;
            case prisma::Block::Kind::CompositeType:
                entry.kind = Kind::CompositeType;
                break;
            case prisma::Block::Kind::Enum:
                entry.kind = Kind::Enum;
                break;
            default:
                entry.kind = Kind::Model;
                break;
            }
            for (const prisma::Field &field : block.fields) {
                entry.fields << file.string(field.name);
                entry.fieldTypes << (field.type ? file.string(field.type->name) : QString());
            }
            for (const prisma::EnumValue &value : block.values)
                entry.values << file.string(value.name);
            symbols.blocks << entry;
        }
    }
    return symbols;
}

} // namespace gh::ui
