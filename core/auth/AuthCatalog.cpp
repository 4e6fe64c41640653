#include "core/auth/AuthCatalog.h"

#include "core/auth/AuthSchema.h"
#include "core/db/Database.h"

namespace gh {

AuthCatalog::AuthCatalog(QHash<QString, QStringList> tables, QString databaseSchema)
    : m_databaseSchema(std::move(databaseSchema))
    , m_tables(std::move(tables))
{}

Result<AuthCatalog> AuthCatalog::load(Database &database, const AuthSchema &schema)
{
    auto tables = database.tableColumns();
    if (!tables)
        return tables.error();
    AuthCatalog catalog(std::move(tables.value()), database.schema());
    if (Status other = catalog.loadNamespacesOf(database, schema); !other)
        return other.error();
    return catalog;
}

Status AuthCatalog::loadNamespacesOf(Database &database, const AuthSchema &schema)
{
    QStringList wanted;
    for (const AuthModel &model : schema.models()) {
        if (!model.present || model.schema.isEmpty())
            continue;
        if (database.dialect() == SqlDialect::SQLite) {
            return Error(Error::Code::SchemaInvalid,
                         QStringLiteral("The schema file puts model %1 in the database schema "
                                        "\"%2\" (@@schema), but SQLite has no schemas")
                             .arg(model.name, model.schema),
                         QStringLiteral("Prisma refuses this schema too: \"@@schema is not "
                                        "supported on the current datasource provider\". Remove "
                                        "`schemas` and `@@schema` for SQLite."));
        }
        if (!isOwn(model.schema) && !m_namespaces.contains(model.schema) &&
            !wanted.contains(model.schema))
            wanted << model.schema;
    }
    // Usually one more schema ("auth" beside the URL's): a round trip each. A schema that turns
    // out empty or missing is kept, read.
    for (const QString &name : wanted) {
        auto tables = database.tableColumnsIn(name);
        if (!tables)
            return tables.error();
        m_namespaces.insert(name, std::move(tables.value()));
    }
    return success();
}

void AuthCatalog::addNamespace(const QString &schema, QHash<QString, QStringList> tables)
{
    if (isOwn(schema))
        m_tables = std::move(tables);
    else
        m_namespaces.insert(schema, std::move(tables));
}

const QStringList *AuthCatalog::columns(const QString &schema, const QString &table) const
{
    const QHash<QString, QStringList> *tables = &m_tables;
    if (!isOwn(schema)) {
        const auto found = m_namespaces.constFind(schema);
        if (found == m_namespaces.constEnd())
            return nullptr;
        tables = &found.value();
    }
    const auto columns = tables->constFind(table);
    return columns == tables->constEnd() ? nullptr : &columns.value();
}

} // namespace gh
