#include "core/prisma/ValidationContext.h"

#include "core/prisma/Connector.h"

#include <algorithm>

namespace gh::prisma {

ValidationContext::ValidationContext(const SchemaSource &schema, const DataModel &dataModel,
                                     QList<Diagnostic> &diagnostics)
    : m_schema(schema)
    , m_dataModel(dataModel)
    , m_diagnostics(diagnostics)
{
    if (const Datasource *source = dataModel.datasource()) {
        m_connector = Connector::forProvider(source->provider);
        m_emulatesRelations = source->effectiveRelationMode() == QLatin1String("prisma");
    }
    for (const Generator &generator : dataModel.generators())
        m_previewFeatures.append(generator.previewFeatures);
}

bool ValidationContext::has(quint32 capability) const
{
    return m_connector && m_connector->has(Connector::Capability(capability));
}

bool ValidationContext::hasPreviewFeature(const QString &feature) const
{
    return m_previewFeatures.contains(feature, Qt::CaseInsensitive);
}

const Block &ValidationContext::block(const Model &model) const
{
    return file(model.span.file).tree.blocks[size_t(model.astIndex)];
}

const Block &ValidationContext::block(const Enum &enumType) const
{
    return file(enumType.span.file).tree.blocks[size_t(enumType.astIndex)];
}

const Field &ValidationContext::astField(const Model &model, const ModelField &field) const
{
    return block(model).fields[size_t(field.astIndex)];
}

const Attribute *ValidationContext::attributeIn(const NodeList<Attribute> &attributes, int file,
                                                QByteArrayView name) const
{
    const ParsedFile &parsed = this->file(file);
    for (const Attribute &attribute : attributes) {
        if (parsed.text(attribute.name) == name)
            return &attribute;
    }
    return nullptr;
}

const Attribute *ValidationContext::fieldAttribute(const Model &model, const ModelField &field,
                                                   QByteArrayView name) const
{
    return attributeIn(astField(model, field).attributes, model.span.file, name);
}

const Attribute *ValidationContext::blockAttribute(const Model &model, QByteArrayView name) const
{
    return attributeIn(block(model).attributes, model.span.file, name);
}

const Argument *ValidationContext::argument(int file, SourceRange attribute,
                                            QByteArrayView name) const
{
    // The attribute node that starts at `attribute`, among those of the block around it.
    const ParsedFile &parsed = this->file(file);
    for (const Block &block : parsed.tree.blocks) {
        if (!block.range.contains(attribute))
            continue;
        const auto search = [&](const NodeList<Attribute> &attributes) -> const Attribute * {
            for (const Attribute &candidate : attributes) {
                if (candidate.range == attribute)
                    return &candidate;
            }
            return nullptr;
        };
        const Attribute *found = search(block.attributes);
        for (size_t i = 0; !found && i < block.fields.size(); ++i)
            found = search(block.fields[i].attributes);
        if (!found || !found->arguments)
            return nullptr;
        for (const Argument &argument : found->arguments->arguments) {
            if (argument.name && parsed.text(*argument.name) == name)
                return &argument;
        }
        return nullptr;
    }
    return nullptr;
}

SourceRange ValidationContext::argumentRange(int file, SourceRange attribute,
                                             QByteArrayView name) const
{
    const Argument *found = argument(file, attribute, name);
    return found ? found->range : attribute;
}

SourceRange ValidationContext::argumentValueRange(int file, SourceRange attribute,
                                                  QByteArrayView name) const
{
    const Argument *found = argument(file, attribute, name);
    return found && found->value ? found->value->range : attribute;
}

void ValidationContext::error(const SourceSpan &span, const QString &message)
{
    error(span.file, span.range, message);
}

void ValidationContext::error(int file, SourceRange range, const QString &message)
{
    m_diagnostics.append(Diagnostic::error(this->file(file).source, range, message));
}

void ValidationContext::warning(int file, SourceRange range, const QString &message)
{
    m_diagnostics.append(Diagnostic::warning(this->file(file).source, range, message));
}

bool ValidationContext::hasErrors() const
{
    return prisma::hasErrors(m_diagnostics);
}

void ValidationContext::attributeError(int file, SourceRange range, const QString &attribute,
                                       const QString &message)
{
    error(file, range,
          QStringLiteral("Error parsing attribute \"%1\": %2").arg(attribute, message));
}

void ValidationContext::modelError(const Model &model, SourceRange range, const QString &message)
{
    error(model.span.file, range,
          QStringLiteral("Error validating %1 \"%2\": %3")
              .arg(containerName(model), model.name, message));
}

void ValidationContext::fieldError(const Model &model, const ModelField &field,
                                   const QString &message)
{
    error(model.span.file, field.span.range,
          QStringLiteral("Error validating field `%1` in %2 `%3`: %4")
              .arg(field.name, containerName(model), model.name, message));
}

void ValidationContext::databaseNameLength(const Model &model, const SourceSpan &attribute,
                                           const QString &name, const QString &attributeName)
{
    if (!m_connector || name.toUtf8().size() <= m_connector->maxIdentifierLength())
        return;
    error(attribute.file, attribute.range,
          QStringLiteral("Error validating model \"%1\": The constraint name '%2' specified in "
                         "the `map` argument for the `%3` constraint is too long for your chosen "
                         "provider. The maximum allowed length is %4 bytes.")
              .arg(model.name, name, attributeName)
              .arg(m_connector->maxIdentifierLength()));
}

QString ValidationContext::containerName(const Model &model)
{
    return model.isView ? QStringLiteral("view") : QStringLiteral("model");
}

} // namespace gh::prisma
