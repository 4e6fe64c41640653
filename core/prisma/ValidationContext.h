#pragma once

#include "core/prisma/DataModel.h"
#include "core/prisma/Diagnostic.h"
#include "core/prisma/SchemaSource.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace gh::prisma {

class Connector;

/// What the validation passes share: the schema (syntax trees), its data model, the provider's
/// connector and relation mode, and the diagnostics found so far. Helpers report at the
/// places Prisma reports (an attribute, one of its arguments, a field, a block).
///
/// One context per validation run: no global state, so runs on several threads do not meet.
class ValidationContext
{
public:
    ValidationContext(const SchemaSource &schema, const DataModel &dataModel,
                      QList<Diagnostic> &diagnostics);

    const SchemaSource &schema() const { return m_schema; }
    const DataModel &dataModel() const { return m_dataModel; }
    /// The datasource's connector, or nullptr (no datasource, or an unknown provider).
    const Connector *connector() const { return m_connector; }
    bool has(quint32 capability) const;
    /// relationMode = "prisma" (always for MongoDB).
    bool emulatesRelations() const { return m_emulatesRelations; }
    bool hasPreviewFeature(const QString &feature) const;

    const ParsedFile &file(int index) const { return m_schema.files()[size_t(index)]; }
    const Block &block(const Model &model) const;
    const Block &block(const Enum &enumType) const;
    const Field &astField(const Model &model, const ModelField &field) const;
    /// The attribute of a field called `name` (`relation`, `default`, ...), or nullptr.
    const Attribute *fieldAttribute(const Model &model, const ModelField &field,
                                    QByteArrayView name) const;
    /// The `@@` attribute of a block called `name`, or nullptr.
    const Attribute *blockAttribute(const Model &model, QByteArrayView name) const;
    /// The range of an attribute's argument called `name` (name and value), or the whole
    /// attribute when it has no such argument (Prisma's span_for_argument).
    SourceRange argumentRange(int file, SourceRange attribute, QByteArrayView name) const;
    /// The same for the argument's value only.
    SourceRange argumentValueRange(int file, SourceRange attribute, QByteArrayView name) const;

    void error(const SourceSpan &span, const QString &message);
    void error(int file, SourceRange range, const QString &message);
    void warning(int file, SourceRange range, const QString &message);
    bool hasErrors() const;

    /// `Error parsing attribute "@x": message`.
    void attributeError(int file, SourceRange range, const QString &attribute,
                        const QString &message);
    /// `Error validating model "M": message` (or view).
    void modelError(const Model &model, SourceRange range, const QString &message);
    /// `Error validating field `f` in model `M`: message`.
    void fieldError(const Model &model, const ModelField &field, const QString &message);

    /// A `map:` name longer than the provider's identifier limit (Prisma's
    /// ConstraintNames::is_db_name_too_long); `attribute` as in `@@index`.
    void databaseNameLength(const Model &model, const SourceSpan &attribute, const QString &name,
                            const QString &attributeName);

    static QString containerName(const Model &model);

private:
    const Argument *argument(int file, SourceRange attribute, QByteArrayView name) const;
    const Attribute *attributeIn(const NodeList<Attribute> &attributes, int file,
                                 QByteArrayView name) const;

    const SchemaSource &m_schema;
    const DataModel &m_dataModel;
    QList<Diagnostic> &m_diagnostics;
    const Connector *m_connector = nullptr;
    bool m_emulatesRelations = false;
    QStringList m_previewFeatures;
};

} // namespace gh::prisma
