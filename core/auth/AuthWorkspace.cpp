#include "core/auth/AuthWorkspace.h"

#include "core/prisma/DataModel.h"
#include "core/prisma/SchemaSource.h"
#include "core/url/ProjectResolver.h"

namespace gh {

AuthWorkspace::AuthWorkspace(DatabaseUrl url, AuthSchema schema)
    : m_url(std::move(url))
    , m_schema(std::move(schema))
{}

namespace {

// The mapping the project's schema file gives (following @@map/@map and @@schema), checked
// against the database; a schema without Auth.js models falls back to the catalog, as without a
// schema.
Result<AuthSchema> schemaOfProject(const ResolvedProject &project, Database &database,
                                   AuthCatalog &catalog)
{
    auto source = prisma::SchemaSource::load(project.schemaPath);
    if (!source)
        return source.error();
    auto schema = AuthSchema::fromDataModel(prisma::DataModel::build(*source));
    if (!schema) {
        if (schema.error().code() == Error::Code::NotAuthJsDatabase) {
            if (auto guessed = AuthSchema::fromCatalog(catalog.tables()))
                return guessed;
        }
        return schema.error();
    }
    if (Status namespaces = catalog.loadNamespacesOf(database, *schema); !namespaces)
        return namespaces.error();
    const Status reconciled = schema->reconcile(catalog);
    if (!reconciled)
        return reconciled.error();
    return schema;
}

} // namespace

Result<AuthWorkspace> AuthWorkspace::open(const ProjectOptions &options)
{
    auto project = ProjectResolver::resolve(options);
    if (!project)
        return project.error();

    AuthWorkspace workspace(project->url, AuthSchema());
    workspace.m_urlSource = project->urlSource;
    workspace.m_projectDirectory = project->rootDirectory;
    workspace.m_schemaFiles = project->schemaFiles;

    auto database = Database::open(workspace.m_url);
    if (!database)
        return database.error();
    auto tables = (*database)->tableColumns();
    if (!tables)
        return tables.error();
    AuthCatalog catalog(std::move(tables.value()), (*database)->schema());
    auto schema = project->hasSchema() ? schemaOfProject(*project, **database, catalog)
                                       : AuthSchema::fromCatalog(catalog.tables());
    if (!schema)
        return schema.error();
    workspace.m_schema = std::move(schema.value());
    if (auto version = (*database)->serverVersion())
        workspace.m_serverVersion = *version;
    return workspace;
}

Result<AuthConnection> AuthWorkspace::connect() const
{
    auto database = Database::open(m_url);
    if (!database)
        return database.error();
    AuthConnection connection;
    connection.database = std::move(database.value());
    if (isReadOnly())
        connection.database->setReadOnly(m_readOnlyReason);
    connection.queries = std::make_unique<AuthQueries>(*connection.database, m_schema);
    return connection;
}

} // namespace gh
