#include "core/prisma/ConfigValidator.h"

#include "core/prisma/AstDump.h"
#include "core/prisma/Connector.h"
#include "core/prisma/ForEachElement.h"

#include <QStringList>
#include <algorithm>
#include <array>

namespace gh::prisma {

namespace {

// Preview features Prisma 7.10 knows (its message lists them sorted); fullTextSearchPostgres
// only with a PostgreSQL datasource.
constexpr std::array<const char *, 9> previewFeatures = {"nativeDistinct",
                                                         "partialIndexes",
                                                         "postgresqlExtensions",
                                                         "relationJoins",
                                                         "schemaEngineDriverAdapters",
                                                         "shardKeys",
                                                         "strictUndefinedChecks",
                                                         "typedSql",
                                                         "views"};

// Features that became generally available: accepted with a warning.
const char *const deprecatedPreviewFeatures[] = {"aggregateApi",
                                                 "atomicNumberOperations",
                                                 "clientExtensions",
                                                 "cockroachdb",
                                                 "connectOrCreate",
                                                 "createMany",
                                                 "dataProxy",
                                                 "deno",
                                                 "distinct",
                                                 "driverAdapters",
                                                 "extendedIndexes",
                                                 "extendedWhereUnique",
                                                 "fieldReference",
                                                 "filteredRelationCount",
                                                 "fullTextIndex",
                                                 "fullTextSearch",
                                                 "groupBy",
                                                 "improvedQueryRaw",
                                                 "interactiveTransactions",
                                                 "jsonProtocol",
                                                 "microsoftSqlServer",
                                                 "mongoDb",
                                                 "multiSchema",
                                                 "nApi",
                                                 "namedConstraints",
                                                 "nativeTypes",
                                                 "omitApi",
                                                 "orderByAggregateGroup",
                                                 "orderByNulls",
                                                 "orderByRelation",
                                                 "prismaSchemaFolder",
                                                 "queryCompiler",
                                                 "referentialIntegrity",
                                                 "selectRelationCount",
                                                 "tracing",
                                                 "transactionApi",
                                                 "uncheckedScalarInputs"};

bool contains(const char *const *begin, const char *const *end, QByteArrayView name)
{
    return std::any_of(begin, end, [&](const char *known) { return known && name == known; });
}

const char *valueTypeName(const Expression &expression)
{
    switch (expression.kind) {
    case Expression::Kind::String:
        return "string";
    case Expression::Kind::Number:
        return "numeric";
    case Expression::Kind::Function:
        return "functional";
    case Expression::Kind::Array:
        return "array";
    case Expression::Kind::Object:
        return "object";
    default:
        return "literal";
    }
}

class Checker
{
public:
    Checker(const SchemaSource &schema, QList<Diagnostic> &out)
        : m_schema(schema)
        , m_out(out)
    {}

    void run()
    {
        QString provider;
        for (const ParsedFile &file : m_schema.files()) {
            for (const Block &block : file.tree.blocks) {
                if (block.is(Block::Kind::Datasource) && provider.isEmpty())
                    provider = datasourceProvider(file, block);
            }
        }
        for (const ParsedFile &file : m_schema.files()) {
            for (const Block &block : file.tree.blocks) {
                if (block.is(Block::Kind::Generator))
                    generator(file, block, provider);
            }
        }
        int loaded = 0;
        for (const ParsedFile &file : m_schema.files()) {
            for (const Block &block : file.tree.blocks) {
                if (block.is(Block::Kind::Datasource) && datasource(file, block))
                    ++loaded;
            }
        }
        if (loaded > 1) {
            for (const ParsedFile &file : m_schema.files()) {
                for (const Block &block : file.tree.blocks) {
                    if (block.is(Block::Kind::Datasource))
                        sourceError(file, block.name, block.range,
                                    QStringLiteral("You defined more than one datasource. This "
                                                   "is not allowed yet because support for "
                                                   "multiple databases has not been implemented "
                                                   "yet."));
                }
            }
        }
    }

private:
    void error(const ParsedFile &file, SourceRange range, const QString &message)
    {
        m_out.append(Diagnostic::error(file.source, range, message));
    }

    void warning(const ParsedFile &file, SourceRange range, const QString &message)
    {
        m_out.append(Diagnostic::warning(file.source, range, message));
    }

    void sourceError(const ParsedFile &file, const Identifier &source, SourceRange range,
                     const QString &message)
    {
        sourceError(file, file.string(source), range, message);
    }

    void sourceError(const ParsedFile &file, const QString &source, SourceRange range,
                     const QString &message)
    {
        error(file, range,
              QStringLiteral("Error validating datasource `%1`: %2").arg(source, message));
    }

    void typeMismatch(const ParsedFile &file, const Expression &value, const char *expected)
    {
        error(file, value.range,
              QStringLiteral("Expected a %1 value, but received %2 value `%3`.")
                  .arg(QLatin1String(expected), QLatin1String(valueTypeName(value)),
                       renderExpression(file, value)));
    }

    static QString datasourceProvider(const ParsedFile &file, const Block &block)
    {
        for (const ConfigProperty &property : block.properties) {
            if (file.text(property.name) == "provider" && property.value &&
                property.value->is(Expression::Kind::String))
                return file.stringValue(*property.value);
        }
        return {};
    }

    // A property that must be missing a value reports it, as Prisma does, on the block.
    bool allPropertiesHaveValues(const ParsedFile &file, const Block &block, const char *kind)
    {
        bool complete = true;
        for (const ConfigProperty &property : block.properties) {
            if (!property.value) {
                error(file, block.range,
                      QStringLiteral("Property %1 in %2 %3 needs to be assigned a value")
                          .arg(file.string(property.name), QLatin1String(kind),
                               file.string(block.name)));
                complete = false;
            }
        }
        return complete;
    }

    // StringFromEnvVar::coerce: a string, or env("NAME").
    bool stringOrEnv(const ParsedFile &file, const Expression &value)
    {
        if (value.is(Expression::Kind::String))
            return true;
        if (value.is(Expression::Kind::Function) && file.text(value.name) == "env") {
            const auto &arguments = value.arguments.arguments;
            if (arguments.size() == 1 && !arguments.front().isNamed() && arguments.front().value &&
                arguments.front().value->is(Expression::Kind::String))
                return true;
            error(file, value.range,
                  QStringLiteral("The env function expects a singular, unnamed, string "
                                 "argument."));
            return false;
        }
        typeMismatch(file, value, "String");
        return false;
    }

    QString urlText(const ParsedFile &file, const Expression &value)
    {
        return value.is(Expression::Kind::String) ? file.stringValue(value)
                                                  : renderExpression(file, value);
    }

    bool datasource(const ParsedFile &file, const Block &block)
    {
        if (!allPropertiesHaveValues(file, block, "datasource"))
            return false;
        const QString sourceName = file.string(block.name);

        // Prisma keeps one value a property name (the last); duplicates are reported earlier.
        QList<const ConfigProperty *> properties;
        for (const ConfigProperty &property : block.properties) {
            const auto same = std::find_if(
                properties.begin(), properties.end(), [&](const ConfigProperty *other) {
                    return file.text(other->name) == file.text(property.name);
                });
            if (same != properties.end())
                *same = &property;
            else
                properties.append(&property);
        }
        const auto take = [&](QByteArrayView name) -> const ConfigProperty * {
            for (qsizetype i = 0; i < properties.size(); ++i) {
                if (file.text(properties.at(i)->name) == name)
                    return properties.takeAt(i);
            }
            return nullptr;
        };

        const ConfigProperty *provider = take("provider");
        if (!provider) {
            error(file, block.range,
                  QStringLiteral("Argument \"provider\" is missing in data source block \"%1\".")
                      .arg(sourceName));
            return false;
        }
        const Expression &providerValue = *provider->value;
        if (providerValue.is(Expression::Kind::Function) &&
            file.text(providerValue.name) == "env") {
            error(file, block.range,
                  QStringLiteral("A datasource must not use the env() function in the provider "
                                 "argument."));
            return false;
        }
        if (!providerValue.is(Expression::Kind::String)) {
            sourceError(file, sourceName, providerValue.range,
                        QStringLiteral("The provider argument in a datasource must be a string "
                                       "literal"));
            return false;
        }
        const QString providerName = file.stringValue(providerValue);
        if (providerName.isEmpty()) {
            sourceError(file, sourceName, providerValue.range,
                        QStringLiteral("The provider argument in a datasource must not be "
                                       "empty"));
            return false;
        }
        const Connector *connector = Connector::forProvider(providerName);
        if (!connector) {
            error(file, providerValue.range,
                  QStringLiteral("Datasource provider not known: \"%1\".").arg(providerName));
            return false;
        }

        relationMode(file, block, take("relationMode"), take("referentialIntegrity"), *connector);

        // Connector-specific properties: PostgreSQL's extensions.
        if (qstrcmp(connector->provider(), "postgresql") == 0)
            take("extensions");

        const ConfigProperty *url = take("url");
        const ConfigProperty *shadow = take("shadowDatabaseUrl");
        const ConfigProperty *direct = take("directUrl");
        const bool urlValid = url && stringOrEnv(file, *url->value);
        const bool shadowValid = shadow && stringOrEnv(file, *shadow->value);
        const bool directValid = direct && stringOrEnv(file, *direct->value);
        if (shadowValid && !urlText(file, *shadow->value).isEmpty()) {
            const QString shadowUrl = urlText(file, *shadow->value);
            if (directValid && urlText(file, *direct->value) == shadowUrl)
                error(file, direct->value->range,
                      QStringLiteral("shadowDatabaseUrl is the same as directUrl for datasource "
                                     "\"%1\". Please specify a different database as shadow "
                                     "database to avoid data loss.")
                          .arg(sourceName));
            if (urlValid && urlText(file, *url->value) == shadowUrl)
                error(file, url->value->range,
                      QStringLiteral("shadowDatabaseUrl is the same as url for datasource "
                                     "\"%1\". Please specify a different database as shadow "
                                     "database to avoid data loss.")
                          .arg(sourceName));
        }

        if (const ConfigProperty *preview = take("previewFeatures"))
            error(file, preview->range,
                  QStringLiteral("Preview features are only supported in the generator block. "
                                 "Please move this field to the generator block."));

        if (const ConfigProperty *schemas = take("schemas"))
            this->schemas(file, *schemas->value, *connector);

        for (const ConfigProperty *property : std::as_const(properties))
            error(file, property->range,
                  QStringLiteral("Property not known: \"%1\".").arg(file.string(property->name)));
        return true;
    }

    void relationMode(const ParsedFile &file, const Block &block, const ConfigProperty *mode,
                      const ConfigProperty *legacy, const Connector &connector)
    {
        if (legacy)
            warning(file, legacy->range,
                    QStringLiteral("The `referentialIntegrity` attribute is deprecated. Please use "
                                   "`relationMode` instead. Learn more at "
                                   "https://pris.ly/d/relation-mode"));
        if (mode && legacy) {
            error(file, legacy->range,
                  QStringLiteral("The `referentialIntegrity` and `relationMode` attributes cannot "
                                 "be used together. Please use only `relationMode` instead."));
            return;
        }
        const ConfigProperty *property = mode ? mode : legacy;
        if (!property)
            return;
        const Expression &value = *property->value;
        if (!value.is(Expression::Kind::String)) {
            typeMismatch(file, value, "string");
            return;
        }
        const QString setting = file.stringValue(value);
        if (setting != QLatin1String("prisma") && setting != QLatin1String("foreignKeys")) {
            sourceError(file, QStringLiteral("relationMode"), block.range,
                        QStringLiteral("Invalid relation mode setting: \"%1\". Supported values: "
                                       "\"prisma\", \"foreignKeys\"")
                            .arg(setting));
            return;
        }
        if (setting == QLatin1String("foreignKeys") &&
            qstrcmp(connector.provider(), "mongodb") == 0)
            sourceError(file, QStringLiteral("relationMode"), value.range,
                        QStringLiteral("Invalid relation mode setting: \"foreignKeys\". "
                                       "Supported values: \"prisma\""));
    }

    void schemas(const ParsedFile &file, const Expression &value, const Connector &connector)
    {
        QList<std::pair<QString, SourceRange>> names;
        bool valid = true;
        const auto take = [&](const Expression &element) {
            if (element.is(Expression::Kind::String))
                names.append({file.stringValue(element), element.range});
            else {
                typeMismatch(file, element, "string");
                valid = false;
            }
        };
        forEachElement(value, take);
        if (!valid)
            return;
        if (!connector.has(Connector::MultiSchema)) {
            error(file, value.range,
                  QStringLiteral("The `schemas` property is not supported on the current "
                                 "connector."));
            return;
        }
        if (names.isEmpty()) {
            error(file, value.range,
                  QStringLiteral("If provided, the schemas array can not be empty."));
            return;
        }
        std::stable_sort(names.begin(), names.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (qsizetype i = 1; i < names.size(); ++i) {
            if (names.at(i - 1).first == names.at(i).first)
                error(file, names.at(i - 1).second,
                      QStringLiteral("Duplicated schema names are not allowed"));
        }
    }

    void generator(const ParsedFile &file, const Block &block, const QString &sourceProvider)
    {
        if (!allPropertiesHaveValues(file, block, "generator"))
            return;
        const auto provider = std::find_if(
            block.properties.begin(), block.properties.end(),
            [&](const ConfigProperty &property) { return file.text(property.name) == "provider"; });
        if (provider == block.properties.end()) {
            error(file, block.range,
                  QStringLiteral("Argument \"provider\" is missing in generator block \"%1\".")
                      .arg(file.string(block.name)));
            return;
        }
        for (const ConfigProperty &property : block.properties) {
            const QByteArrayView name = file.text(property.name);
            const Expression &value = *property.value;
            if (name == "provider") {
                stringOrEnv(file, value);
            } else if (name == "output") {
                stringOrEnv(file, value);
            } else if (name == "previewFeatures") {
                features(file, value, sourceProvider);
            }
        }
    }

    void features(const ParsedFile &file, const Expression &value, const QString &provider)
    {
        const bool postgres =
            provider == QLatin1String("postgresql") || provider == QLatin1String("postgres");
        QStringList known;
        for (const char *feature : previewFeatures)
            known.append(QLatin1String(feature));
        if (postgres)
            known.append(QStringLiteral("fullTextSearchPostgres"));
        known.sort();

        const auto check = [&](const Expression &element) {
            if (!element.is(Expression::Kind::String)) {
                typeMismatch(file, element, "string");
                return;
            }
            const QString feature = file.stringValue(element);
            const QByteArray utf8 = feature.toUtf8();
            if (known.contains(feature))
                return;
            if (contains(std::begin(deprecatedPreviewFeatures), std::end(deprecatedPreviewFeatures),
                         utf8)) {
                warning(file, value.range,
                        QStringLiteral("Preview feature \"%1\" is deprecated. The functionality "
                                       "can be used without specifying it as a preview feature.")
                            .arg(feature));
                return;
            }
            error(file, value.range,
                  QStringLiteral("The preview feature \"%1\" is not known. Expected one of: %2")
                      .arg(feature, known.join(QLatin1String(", "))));
        };
        forEachElement(value, check);
    }

    const SchemaSource &m_schema;
    QList<Diagnostic> &m_out;
};

} // namespace

void ConfigValidator::validate(const SchemaSource &schema, QList<Diagnostic> &diagnostics)
{
    Checker(schema, diagnostics).run();
}

} // namespace gh::prisma
