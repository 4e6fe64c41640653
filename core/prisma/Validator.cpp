#include "core/prisma/Validator.h"

#include "core/prisma/ConfigValidator.h"
#include "core/prisma/Connector.h"
#include "core/prisma/ConstraintNames.h"
#include "core/prisma/ConstraintNamespace.h"
#include "core/prisma/DataModelBuilder.h"
#include "core/prisma/FieldValidator.h"
#include "core/prisma/RelationValidator.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/ValidationContext.h"

#include <QHash>
#include <QVarLengthArray>
#include <vector>

// The model part of Prisma's validation pipeline (psl-core validations.rs, models.rs,
// indexes.rs, constraint_namespace.rs, names.rs, enums.rs), in its order: models first, then
// views, each with its id, fields, relation fields and indexes; then enums; then relations.

namespace gh::prisma {

namespace {

QString pkAttributeName(const PrimaryKey &key)
{
    return key.isDefinedOnField ? QStringLiteral("@id") : QStringLiteral("@@id");
}

QString indexAttributeName(const Index &index)
{
    if (index.isDefinedOnField)
        return QStringLiteral("@unique");
    switch (index.type) {
    case Index::Type::Normal:
        return QStringLiteral("@@index");
    case Index::Type::Unique:
        return QStringLiteral("@@unique");
    case Index::Type::Fulltext:
        return QStringLiteral("@@fulltext");
    }
    return {};
}

QStringList fieldNames(const QList<IndexField> &fields)
{
    QStringList names;
    for (const IndexField &field : fields)
        names.append(field.name);
    return names;
}

class Pipeline
{
public:
    explicit Pipeline(ValidationContext &context)
        : m_context(context)
        , m_dm(context.dataModel())
        , m_connector(context.connector())
    {}

    void run()
    {
        compositeTypes();
        if (m_connector)
            m_names = ConstraintNamespace::build(m_dm, *m_connector);
        databaseNameClashes();

        RelationValidator relations(m_context, m_names);
        for (const bool views : {false, true}) {
            for (int m = 0; m < m_dm.models().size(); ++m) {
                const Model &model = m_dm.models().at(m);
                if (model.isView != views)
                    continue;
                if (!validateModel(m, relations))
                    return; // an ambiguous relation stops everything, as in Prisma
            }
        }
        enums();
        relations.validateRelations();
    }

private:
    bool has(Connector::Capability capability) const { return m_context.has(capability); }

    // ---- composite types ------------------------------------------------------------------

    void compositeTypes()
    {
        for (const CompositeType &type : m_dm.compositeTypes()) {
            if (m_connector && !has(Connector::CompositeTypes))
                m_context.error(type.span,
                                QStringLiteral("Composite types are not supported on %1.")
                                    .arg(QLatin1String(m_connector->name())));
        }
    }

    // ---- names ----------------------------------------------------------------------------

    void databaseNameClashes()
    {
        // schema + database name -> the model seen last with them (open addressing over model
        // indexes: no key to build per model).
        const QList<Model> &models = m_dm.models();
        std::size_t capacity = 16;
        while (capacity < std::size_t(models.size()) * 2)
            capacity *= 2;
        std::vector<int> seen(capacity, -1);
        const auto hashOf = [](const Model &model) {
            return qHash(model.databaseName()) ^ (qHash(model.schema) * 31u);
        };
        for (int m = 0; m < models.size(); ++m) {
            const Model &model = models.at(m);
            std::size_t slot = hashOf(model) & (capacity - 1);
            for (; seen[slot] >= 0; slot = (slot + 1) & (capacity - 1)) {
                const Model &candidate = models.at(seen[slot]);
                if (candidate.databaseName() == model.databaseName() &&
                    candidate.schema == model.schema)
                    break;
            }
            if (seen[slot] < 0) {
                seen[slot] = m;
                continue;
            }
            const int existing = seen[slot];
            const Model &other = m_dm.models().at(existing);
            // The error goes on the @@map attribute, of whichever model has it.
            const Model &mapped = model.mappedName.isEmpty() ? other : model;
            const Attribute *map = m_context.blockAttribute(mapped, "map");
            if (!map)
                continue;
            m_context.error(
                mapped.span.file, map->range,
                QStringLiteral("The model with database name \"%1\" could not be "
                               "defined because another model or view with this name "
                               "exists: \"%2\"")
                    .arg(model.databaseName(), &mapped == &model ? other.name : model.name));
            seen[slot] = m;
        }
    }

    // ---- models ---------------------------------------------------------------------------

    bool validateModel(int m, RelationValidator &relations)
    {
        const Model &model = m_dm.models().at(m);
        if (model.isView && !m_context.hasPreviewFeature(QStringLiteral("views")))
            m_context.error(model.span,
                            QStringLiteral("View definitions are only available with the "
                                           "`views` preview feature."));
        strictUniqueCriteria(model);
        primaryKey(m);
        fulltextCount(model);
        schemaAttribute(model);
        FieldValidator fields(m_context);
        fields.autoincrement(model);
        if (model.primaryKey)
            primaryKeyFields(model);
        // A field's name can clash only with the client name of an id, unique or index.
        bool namedCriteria = model.primaryKey && !model.primaryKey->name.isEmpty();
        for (const Index &index : model.indexes)
            namedCriteria = namedCriteria || !index.name.isEmpty();
        for (const ModelField &field : model.fields) {
            if (field.isRelation() || field.type.is(ResolvedType::Kind::Unknown))
                continue;
            fields.connectorSpecific(model, field);
            if (namedCriteria || field.name.isEmpty())
                clientName(model, field);
            defaultConstraintName(m, field);
            fields.nativeType(field);
            fields.defaultValue(model, field);
        }
        for (int f = 0; f < model.fields.size(); ++f) {
            const ModelField &field = model.fields.at(f);
            if (!field.isRelation())
                continue;
            if (!relations.ambiguity(m, f))
                return false;
            if (namedCriteria || field.name.isEmpty())
                clientName(model, field);
            relations.validateField(m, f);
            if (field.relationAttribute && !field.relationAttribute->mappedName.isEmpty())
                m_context.databaseNameLength(model, field.relationAttribute->span,
                                             field.relationAttribute->mappedName,
                                             QStringLiteral("@relation"));
        }
        for (const Index &index : model.indexes)
            this->index(m, index);
        connectorSpecific(m);
        return true;
    }

    void strictUniqueCriteria(const Model &model)
    {
        if (model.isIgnored || model.isView) // views need no unique criterion in Prisma 7
            return;
        QVarLengthArray<const QList<IndexField> *, 8> criteria; // no allocation per model
        if (model.primaryKey)
            criteria.append(&model.primaryKey->fields);
        for (const Index &index : model.indexes) {
            if (index.isUnique())
                criteria.append(&index.fields);
        }
        QStringList loose;
        for (const QList<IndexField> *fields : std::as_const(criteria)) {
            bool strict = !fields->isEmpty();
            for (const IndexField &field : *fields) {
                if (field.field < 0)
                    continue;
                const ModelField &target = model.fields.at(field.field);
                if (!target.isRequired() || target.isUnsupported())
                    strict = false;
            }
            if (strict)
                return;
            loose.append(QStringLiteral("- ") + fieldNames(*fields).join(QLatin1String(", ")));
        }
        const QString container = ValidationContext::containerName(model);
        QString message = QStringLiteral("Each %1 must have at least one unique criteria that has "
                                         "only required fields. Either mark a single field with "
                                         "`@id`, `@unique` or add a multi field criterion with "
                                         "`@@id([])` or `@@unique([])` to the %1.")
                              .arg(container);
        if (!loose.isEmpty())
            message += QStringLiteral(" The following unique criterias were not considered as "
                                      "they contain fields that are not required:\n") +
                       loose.join(QLatin1Char('\n'));
        m_context.modelError(model, model.span.range, message);
    }

    void primaryKey(int m)
    {
        const Model &model = m_dm.models().at(m);
        if (!model.primaryKey)
            return;
        const PrimaryKey &key = *model.primaryKey;
        const QString attribute = pkAttributeName(key);
        const SourceSpan &span = key.span;

        // A default name is cut to the provider's limit, so only a `map:` name can be too
        // long; and a name is only needed again when names clash somewhere.
        if (m_connector &&
            (!key.mappedName.isEmpty() || m_names.counts(ConstraintNamespace::Kind::PrimaryKey))) {
            const QString name = ConstraintNames::primaryKey(model, *m_connector);
            if (!name.isEmpty()) {
                m_context.databaseNameLength(model, span, name, attribute);
                m_names.reportClashes(m_context, ConstraintNamespace::Kind::PrimaryKey, m, name,
                                      span, attribute);
            }
        }
        if (!key.name.isEmpty() && m_names.customNameViolation(m, key.name))
            m_context.attributeError(
                span.file, m_context.argumentRange(span.file, span.range, "name"), attribute,
                QStringLiteral("The given custom name `%1` has to be unique on the model. Please "
                               "provide a different name for the `name` argument.")
                    .arg(key.name));
        if (key.fields.isEmpty())
            m_context.attributeError(span.file, span.range, attribute,
                                     QStringLiteral("The list of fields in an `%1()` attribute "
                                                    "cannot be empty. Please specify at least "
                                                    "one field.")
                                         .arg(attribute));
        if (key.fields.size() > 1) {
            const QString clientName = fieldNames(key.fields).join(QLatin1Char('_'));
            const ModelField *clash = model.field(clientName);
            if (clash && !clash->isRelation())
                m_context.modelError(model, span.range,
                                     QStringLiteral("The field `%1` clashes with the `@@id` "
                                                    "attribute's name. Please resolve the "
                                                    "conflict by providing a custom id name: "
                                                    "`@@id([...], name: \"custom_name\")`")
                                         .arg(clientName));
        }
        if (!m_connector)
            return;
        if (!key.mappedName.isEmpty() && !has(Connector::NamedPrimaryKeys))
            m_context.modelError(model, model.span.range,
                                 QStringLiteral("You defined a database name for the primary key "
                                                "on the model. This is not supported by the "
                                                "provider."));
        if (key.fields.size() > 1 && !has(Connector::CompoundIds))
            m_context.modelError(model, span.range,
                                 QStringLiteral("The current connector does not support compound "
                                                "ids."));
        const bool anyLength =
            std::any_of(key.fields.cbegin(), key.fields.cend(),
                        [](const IndexField &f) { return f.length.has_value(); });
        const bool anySort = std::any_of(key.fields.cbegin(), key.fields.cend(),
                                         [](const IndexField &f) { return f.sort.has_value(); });
        if (anyLength && !has(Connector::IndexColumnLengthPrefixing))
            m_context.attributeError(span.file, span.range, attribute,
                                     QStringLiteral("The length argument is not supported in the "
                                                    "primary key with the current connector"));
        if (anySort && !has(Connector::PrimaryKeySortOrderDefinition))
            m_context.attributeError(span.file, span.range, attribute,
                                     QStringLiteral("The sort argument is not supported in the "
                                                    "primary key with the current connector"));
    }

    void fulltextCount(const Model &model)
    {
        if (!has(Connector::FullTextIndex) || has(Connector::MultipleFullTextAttributesPerModel))
            return;
        const auto count =
            std::count_if(model.indexes.cbegin(), model.indexes.cend(),
                          [](const Index &i) { return i.type == Index::Type::Fulltext; });
        if (count < 2)
            return;
        for (const Index &index : model.indexes) {
            if (index.type == Index::Type::Fulltext)
                m_context.attributeError(index.span.file, index.span.range,
                                         QStringLiteral("@@fulltext"),
                                         QStringLiteral("The current connector only allows one "
                                                        "fulltext attribute per model"));
        }
    }

    SourceRange schemaArgumentRange(int file, const NodeList<Attribute> &attributes) const
    {
        for (const Attribute &attribute : attributes) {
            if (m_context.file(file).text(attribute.name) == "schema" && attribute.arguments &&
                !attribute.arguments->arguments.empty() &&
                attribute.arguments->arguments.front().value)
                return attribute.arguments->arguments.front().value->range;
        }
        return {};
    }

    // @@schema on models and enums (models.rs and enums.rs: schema_*).
    void schemaChecks(int file, SourceRange blockRange, const NodeList<Attribute> &attributes,
                      const QString &schema, const QString &container, const QString &name,
                      bool isEnum)
    {
        const Datasource *source = m_dm.datasource();
        const SourceRange argument = schemaArgumentRange(file, attributes);
        if (!schema.isEmpty() && m_connector && !has(Connector::MultiSchema)) {
            m_context.error(file, argument,
                            QStringLiteral("@@schema is not supported on the current datasource "
                                           "provider"));
            return;
        }
        if (!has(Connector::MultiSchema) || !source)
            return;
        if (!schema.isEmpty() && !source->schemas.contains(schema))
            m_context.error(file, argument,
                            QStringLiteral("This schema is not defined in the datasource. Read "
                                           "more on `@@schema` at https://pris.ly/d/multi-schema"));
        if (schema.isEmpty() && !source->schemas.isEmpty() &&
            qstrcmp(m_connector->provider(), "mysql") != 0) {
            const QString message =
                QStringLiteral("This %1 is missing an `@@schema` attribute.").arg(container);
            if (isEnum)
                m_context.error(file, blockRange, message);
            else
                m_context.error(
                    file, blockRange,
                    QStringLiteral("Error validating %1 \"%2\": %3").arg(container, name, message));
        }
    }

    void schemaAttribute(const Model &model)
    {
        schemaChecks(model.span.file, model.span.range, m_context.block(model).attributes,
                     model.schema, ValidationContext::containerName(model), model.name, false);
    }

    void primaryKeyFields(const Model &model)
    {
        const PrimaryKey &key = *model.primaryKey;
        const QString attribute = pkAttributeName(key);
        lengthTypes(model, key.fields, key.span, attribute);
        if (key.clustered && !has(Connector::ClusteringSetting))
            m_context.attributeError(key.span.file, key.span.range, attribute,
                                     QStringLiteral("Defining clustering is not supported in the "
                                                    "current connector."));
        if (has(Connector::ClusteringSetting) && key.clustered != std::optional<bool>(false)) {
            for (const Index &index : model.indexes) {
                if (index.clustered == std::optional<bool>(true)) {
                    m_context.attributeError(key.span.file, key.span.range, attribute,
                                             QStringLiteral("A model can only hold one clustered "
                                                            "index or id."));
                    break;
                }
            }
        }
    }

    // fields::validate_length_used_with_correct_types.
    void lengthTypes(const Model &model, const QList<IndexField> &fields, const SourceSpan &span,
                     const QString &attribute)
    {
        if (!has(Connector::IndexColumnLengthPrefixing))
            return;
        for (const IndexField &field : fields) {
            if (!field.length || field.field < 0)
                continue;
            const ResolvedType &type = model.fields.at(field.field).type;
            if (type.is(ResolvedType::Kind::Unsupported) || type.isScalar(ScalarType::String) ||
                type.isScalar(ScalarType::Bytes))
                continue;
            m_context.attributeError(span.file, span.range, attribute,
                                     QStringLiteral("The length argument is only allowed with "
                                                    "field types `String` or `Bytes`."));
        }
    }

    // names.rs: a unique or id `name:` that is also a field's name.
    void clientName(const Model &model, const ModelField &field)
    {
        const auto taken = [&](const QString &attribute) {
            m_context.modelError(model, model.span.range,
                                 QStringLiteral("The custom name `%1` specified for the `%2` "
                                                "attribute is already used as a name for a field. "
                                                "Please choose a different name.")
                                     .arg(field.name, attribute));
        };
        for (const Index &index : model.indexes) {
            if (index.name == field.name)
                taken(index.isUnique() ? QStringLiteral("@@unique") : QStringLiteral("@@index"));
        }
        if (model.primaryKey && model.primaryKey->name == field.name)
            taken(QStringLiteral("@@id"));
    }

    void defaultConstraintName(int m, const ModelField &field)
    {
        if (!m_connector || !field.defaultValue ||
            !m_names.counts(ConstraintNamespace::Kind::Default))
            return;
        const Model &model = m_dm.models().at(m);
        const QString name = ConstraintNames::defaultValue(model, field, *m_connector);
        const SourceSpan &span = field.defaultValue->span;
        m_names.reportClashes(m_context, ConstraintNamespace::Kind::Default, m, name, span,
                              QStringLiteral("@default"), field.span.range);
    }

    // ---- indexes --------------------------------------------------------------------------

    void index(int m, const Index &index)
    {
        const Model &model = m_dm.models().at(m);
        const QString attribute = indexAttributeName(index);
        const SourceSpan &span = index.span;
        const auto error = [&](const QString &message, SourceRange range = {}) {
            m_context.attributeError(span.file, range.isEmpty() ? span.range : range, attribute,
                                     message);
        };

        if (index.fields.isEmpty())
            error(QStringLiteral("The list of fields in an index cannot be empty. Please specify "
                                 "at least one field."));
        if (m_connector && m_names.counts(ConstraintNamespace::Kind::Index)) {
            const QString name = ConstraintNames::index(model, index, *m_connector);
            m_names.reportClashes(m_context, ConstraintNamespace::Kind::Index, m, name, span,
                                  attribute, std::nullopt, "name");
        }
        if (index.isUnique() && index.fields.size() > 1) {
            const QString clientName = fieldNames(index.fields).join(QLatin1Char('_'));
            const ModelField *clash = model.field(clientName);
            if (clash && !clash->isRelation())
                m_context.modelError(model, span.range,
                                     QStringLiteral("The field `%1` clashes with the `%2` name. "
                                                    "Please resolve the conflict by providing a "
                                                    "custom id name: `%2([...], name: "
                                                    "\"custom_name\")`")
                                         .arg(clientName, attribute));
        }
        if (!index.name.isEmpty() && m_names.customNameViolation(m, index.name))
            error(QStringLiteral("The given custom name `%1` has to be unique on the model. Please "
                                 "provide a different name for the `name` argument.")
                      .arg(index.name),
                  m_context.argumentRange(span.file, span.range, "name"));
        if (!m_connector)
            return;
        const bool anyLength =
            std::any_of(index.fields.cbegin(), index.fields.cend(),
                        [](const IndexField &f) { return f.length.has_value(); });
        const bool anySort = std::any_of(index.fields.cbegin(), index.fields.cend(),
                                         [](const IndexField &f) { return f.sort.has_value(); });
        if (anyLength && !has(Connector::IndexColumnLengthPrefixing))
            error(QStringLiteral("The length argument is not supported in an index definition "
                                 "with the current connector"));
        if (index.algorithm && !m_connector->supportsIndexAlgorithm(*index.algorithm))
            error(QStringLiteral("The given index type is not supported with the current "
                                 "connector"),
                  m_context.argumentRange(span.file, span.range, "type"));
        if (index.algorithm == IndexAlgorithm::Hash &&
            m_connector->supportsIndexAlgorithm(IndexAlgorithm::Hash) && anySort)
            error(QStringLiteral("Hash type does not support sort option."));
        if (index.type == Index::Type::Fulltext) {
            if (!has(Connector::FullTextIndex))
                error(QStringLiteral("Defining fulltext indexes is not supported with the current "
                                     "connector."));
            else if (anyLength)
                error(QStringLiteral("The length argument is not supported in a @@fulltext "
                                     "attribute."));
            else if (anySort && qstrcmp(m_connector->provider(), "mongodb") != 0)
                error(QStringLiteral("The sort argument is not supported in a @@fulltext "
                                     "attribute in the current connector."));
        }
        if (!index.mappedName.isEmpty())
            m_context.databaseNameLength(model, span, index.mappedName, attribute);
        if (index.clustered && !has(Connector::ClusteringSetting))
            error(QStringLiteral("Defining clustering is not supported in the current "
                                 "connector."));
        if (has(Connector::ClusteringSetting) && index.clustered == std::optional<bool>(true)) {
            if (model.primaryKey && model.primaryKey->clustered != std::optional<bool>(false))
                error(QStringLiteral("A model can only hold one clustered index or key."));
            for (const Index &other : model.indexes) {
                if (&other != &index && other.clustered == std::optional<bool>(true)) {
                    error(QStringLiteral("A model can only hold one clustered index."));
                    break;
                }
            }
        }
        if (index.type != Index::Type::Normal &&
            std::any_of(index.fields.cbegin(), index.fields.cend(),
                        [](const IndexField &f) { return !f.operatorClass.isEmpty(); }))
            error(QStringLiteral("Operator classes can only be defined to fields in an @@index "
                                 "attribute."));
        lengthTypes(model, index.fields, span, attribute);
        partialIndex(index, attribute);
    }

    // `where:` (DataModelBuilder read it): a preview feature, and not every connector has it.
    void partialIndex(const Index &index, const QString &attribute)
    {
        if (!index.where)
            return;
        const SourceSpan &span = index.span;
        const SourceRange at = m_context.argumentRange(span.file, span.range, "where");
        if (!m_context.hasPreviewFeature(QStringLiteral("partialIndexes")))
            m_context.attributeError(span.file, at, attribute,
                                     QStringLiteral("Partial indexes are a preview feature. Add "
                                                    "\"partialIndexes\" to previewFeatures in "
                                                    "your generator block."));
        else if (m_connector && !has(Connector::PartialIndex))
            m_context.attributeError(span.file, at, attribute,
                                     QStringLiteral("Partial indexes (with a `where` clause) are "
                                                    "not supported by the current connector."));
    }

    // ---- connector-specific model rules ---------------------------------------------------

    void connectorSpecific(int m)
    {
        if (!m_connector)
            return;
        const Model &model = m_dm.models().at(m);
        const QByteArrayView provider(m_connector->provider());
        if (provider == "postgresql")
            postgresOperatorClasses(model);
        if (provider == "mysql" || provider == "sqlserver")
            textColumnsInIndexes(model, provider == "mysql");
        if (provider == "mysql" && !m_context.emulatesRelations()) {
            for (const ModelField &field : model.fields) {
                if (!field.relationAttribute ||
                    field.relationAttribute->onDelete != ReferentialAction::SetDefault)
                    continue;
                const SourceSpan &span = field.relationAttribute->span;
                m_context.warning(span.file,
                                  m_context.argumentRange(span.file, span.range, "onDelete"),
                                  QStringLiteral("MySQL does not actually support the "
                                                 "`SetDefault` referential action, so using it "
                                                 "may result in unexpected errors. Read more at "
                                                 "https://pris.ly/d/mysql-set-default "));
            }
        }
    }

    // postgres validations.rs (in part): an operator class needs the index type it belongs to,
    // and the JSON classes a Json field. DIFFERS: Prisma checks every class against the
    // field's type and native type; only these two rules are checked here.
    void postgresOperatorClasses(const Model &model)
    {
        for (const Index &index : model.indexes) {
            const IndexAlgorithm algorithm = index.algorithm.value_or(IndexAlgorithm::BTree);
            for (const IndexField &field : index.fields) {
                if (field.operatorClass.isEmpty() || field.operatorClassIsRaw)
                    continue;
                const QString &ops = field.operatorClass;
                IndexAlgorithm wanted = IndexAlgorithm::Brin;
                if (ops == QLatin1String("InetOps"))
                    wanted = IndexAlgorithm::Gist;
                else if (ops == QLatin1String("JsonbOps") || ops == QLatin1String("JsonbPathOps") ||
                         ops == QLatin1String("ArrayOps"))
                    wanted = IndexAlgorithm::Gin;
                else if (ops == QLatin1String("TextOps"))
                    wanted = IndexAlgorithm::SpGist;
                const auto error = [&](const QString &message) {
                    m_context.attributeError(index.span.file, index.span.range,
                                             indexAttributeName(index), message);
                };
                if (wanted != algorithm) {
                    error(QStringLiteral("The given operator class `%1` is not supported with the "
                                         "`%2` index type.")
                              .arg(ops, QLatin1String(indexAlgorithmName(algorithm))));
                    continue;
                }
                const bool json =
                    ops == QLatin1String("JsonbOps") || ops == QLatin1String("JsonbPathOps");
                if (json && field.field >= 0 &&
                    !model.fields.at(field.field).type.isScalar(ScalarType::Json))
                    error(QStringLiteral("The given operator class `%1` points to the field `%2` "
                                         "that is not of Json type.")
                              .arg(ops, field.name));
            }
        }
    }

    // MySQL and SQL Server cannot index text and blob columns (MySQL: without `length`).
    void textColumnsInIndexes(const Model &model, bool mysql)
    {
        static const QStringList mysqlTypes = {
            QStringLiteral("Text"),       QStringLiteral("LongText"), QStringLiteral("MediumText"),
            QStringLiteral("TinyText"),   QStringLiteral("Blob"),     QStringLiteral("LongBlob"),
            QStringLiteral("MediumBlob"), QStringLiteral("TinyBlob")};
        static const QStringList sqlServerTypes = {QStringLiteral("Text"), QStringLiteral("NText"),
                                                   QStringLiteral("Image")};
        const auto check = [&](const QList<IndexField> &fields, const SourceSpan &span, bool unique,
                               bool id) {
            for (const IndexField &field : fields) {
                if (field.field < 0 || field.length)
                    continue;
                const ModelField &target = model.fields.at(field.field);
                if (!target.nativeType)
                    continue;
                const NativeType &native = *target.nativeType;
                const bool max = !mysql && native.arguments.size() == 1 &&
                                 native.arguments.first().compare(QLatin1String("max"),
                                                                  Qt::CaseInsensitive) == 0;
                if (!(mysql ? mysqlTypes : sqlServerTypes).contains(native.name) && !max)
                    continue;
                const QString type = max ? native.name + QLatin1Char('(') +
                                               native.arguments.first() + QLatin1Char(')')
                                         : native.name;
                const QString database =
                    mysql ? QStringLiteral("MySQL") : QStringLiteral("SQL Server");
                const QString hint = mysql ? QStringLiteral(" Please use the `length` argument "
                                                            "to the field in the index definition "
                                                            "to allow this.")
                                           : QString();
                QString message;
                if (id)
                    message = QStringLiteral("Native type `%1` of %2 cannot be used on a field "
                                             "that is `@id` or `@@id`.%3")
                                  .arg(type, database, hint);
                else if (unique)
                    message = QStringLiteral("Native type `%1` cannot be unique in %2.%3")
                                  .arg(type, database, hint);
                else
                    message = QStringLiteral("You cannot define an index on fields with native "
                                             "type `%1` of %2.%3")
                                  .arg(type, database, hint);
                m_context.error(span.file, span.range, message);
                return;
            }
        };
        for (const Index &index : model.indexes) {
            if (index.type != Index::Type::Fulltext)
                check(index.fields, index.span, index.isUnique(), false);
        }
        if (model.primaryKey)
            check(model.primaryKey->fields, model.primaryKey->span, false, true);
    }

    // ---- enums ----------------------------------------------------------------------------

    void enums()
    {
        if (has(Connector::Enums)) {
            QHash<QString, int> seen;
            for (int e = 0; e < m_dm.enums().size(); ++e) {
                const Enum &enumType = m_dm.enums().at(e);
                const QString key = enumType.schema + QChar(0x1f) + enumType.databaseName();
                if (seen.contains(key))
                    m_context.error(enumType.span,
                                    QStringLiteral("An enum with the same database name is "
                                                   "already defined."));
                else
                    seen.insert(key, e);
            }
        }
        for (const Enum &enumType : m_dm.enums()) {
            if (m_connector && !has(Connector::Enums))
                m_context.error(enumType.span,
                                QStringLiteral("You defined the enum `%1`. But the current "
                                               "connector does not support enums.")
                                    .arg(enumType.name));
            schemaChecks(enumType.span.file, enumType.span.range,
                         m_context.block(enumType).attributes, enumType.schema,
                         QStringLiteral("enum"), enumType.name, true);
        }
    }

    ValidationContext &m_context;
    const DataModel &m_dm;
    const Connector *m_connector;
    ConstraintNamespace m_names;
};

} // namespace

QList<Diagnostic> Validator::validate(const SchemaSource &schema)
{
    QList<Diagnostic> diagnostics = schema.diagnostics();
    const DataModel dataModel = DataModelBuilder::build(schema, &diagnostics);
    ConfigValidator::validate(schema, diagnostics);
    // Prisma validates the models only when everything before is clean.
    if (hasErrors(diagnostics))
        return diagnostics;
    ValidationContext context(schema, dataModel, diagnostics);
    Pipeline(context).run();
    return diagnostics;
}

QList<Diagnostic> validate(const SchemaSource &schema)
{
    return Validator::validate(schema);
}

} // namespace gh::prisma
