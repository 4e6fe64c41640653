#include "core/migrate/ShadowDatabase.h"

#include "core/db/Database.h"
#include "core/migrate/MigrationErrors.h"
#include "core/sql/SchemaIntrospector.h"

#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace gh {

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Result<DatabaseUrl> ShadowDatabase::serverUrl(const DatabaseUrl &url, const QString &database,
                                              const QString &schema)
{
    QUrl parsed(url.toString());
    if (!database.isEmpty())
        parsed.setPath(QLatin1Char('/') + database);
    if (!schema.isEmpty()) {
        QUrlQuery query(parsed);
        query.removeAllQueryItems(QStringLiteral("schema"));
        query.addQueryItem(QStringLiteral("schema"), schema);
        parsed.setQuery(query);
    }
    return DatabaseUrl::parse(parsed.toString(QUrl::FullyEncoded));
}

namespace {

Status run(Database &database, const QString &sql)
{
    auto done = database.execute(SqlStatement(database.dialect(), sql));
    if (!done)
        return done.error();
    return success();
}

bool isMissingPrivilege(const Error &error)
{
    // libpqxx 6 does not always carry the SQLSTATE of a refused CREATE DATABASE: the server's
    // (English) message is the fallback.
    const QString text = error.detail() + error.message();
    return text.contains(QLatin1String("SQLSTATE 42501")) ||
           text.contains(QLatin1String("permission denied to create database"));
}

} // namespace

Result<std::unique_ptr<ShadowDatabase>> ShadowDatabase::create(const DatabaseUrl &url,
                                                               Fallback fallback)
{
    std::unique_ptr<ShadowDatabase> shadow(new ShadowDatabase);
    if (url.provider() == DatabaseUrl::Provider::SQLite) {
        shadow->m_kind = Kind::SqliteFile;
        shadow->m_folder = std::make_unique<QTemporaryDir>();
        if (!shadow->m_folder->isValid())
            return Error(Error::Code::MigrationShadowCreateFailed,
                         QStringLiteral("Could not create a temporary folder for the shadow "
                                        "database."));
        shadow->m_name = shadow->m_folder->filePath(QStringLiteral("shadow.db"));
        auto shadowUrl = DatabaseUrl::parse(QStringLiteral("file:") + shadow->m_name);
        if (!shadowUrl)
            return shadowUrl.error();
        auto database = Database::open(*shadowUrl, Database::OpenMode::CreateIfMissing);
        if (!database)
            return database.error();
        shadow->m_url = *shadowUrl;
        shadow->m_database = std::move(database.value());
        return shadow;
    }

    auto admin = Database::open(url);
    if (!admin)
        return admin.error();
    shadow->m_admin = std::move(admin.value());
    const QString databaseName = QStringLiteral("prisma_migrate_shadow_db_") + uuid();
    const Status created =
        run(*shadow->m_admin, QStringLiteral("CREATE DATABASE ") +
                                  quoteIdentifier(SqlDialect::PostgreSQL, databaseName));
    Result<DatabaseUrl> shadowUrl = Error();
    if (created) {
        shadow->m_kind = Kind::Database;
        shadow->m_name = databaseName;
        shadowUrl = serverUrl(url, databaseName, QString());
    } else if (fallback == Fallback::SchemaInDatabase && isMissingPrivilege(created.error())) {
        // No CREATEDB right: a schema of its own in the same database.
        shadow->m_kind = Kind::Schema;
        shadow->m_name = QStringLiteral("prisma_migrate_shadow_schema_") + uuid();
        const Status schema =
            run(*shadow->m_admin, QStringLiteral("CREATE SCHEMA ") +
                                      quoteIdentifier(SqlDialect::PostgreSQL, shadow->m_name));
        if (!schema)
            return MigrationErrors::shadowCreateFailed(schema.error());
        shadowUrl = serverUrl(url, QString(), shadow->m_name);
    } else {
        return MigrationErrors::shadowCreateFailed(created.error());
    }
    if (!shadowUrl) {
        (void)shadow->drop();
        return shadowUrl.error();
    }
    auto database = Database::open(*shadowUrl);
    if (!database) {
        (void)shadow->drop();
        return database.error();
    }
    shadow->m_url = *shadowUrl;
    shadow->m_database = std::move(database.value());
    if (shadow->m_kind == Kind::Schema) {
        // Migration scripts name tables unqualified, as in the real database.
        const Status path =
            run(*shadow->m_database, QStringLiteral("SET search_path TO ") +
                                         quoteIdentifier(SqlDialect::PostgreSQL, shadow->m_name));
        if (!path) {
            (void)shadow->drop();
            return path.error();
        }
    }
    return shadow;
}

ShadowDatabase::~ShadowDatabase()
{
    (void)drop();
}

QString ShadowDatabase::description() const
{
    switch (m_kind) {
    case Kind::Database:
        return QStringLiteral("shadow database %1 (created and dropped by Gatehouse)").arg(m_name);
    case Kind::Schema:
        return QStringLiteral("shadow schema %1 in the database itself (the user may not create "
                              "databases; created and dropped by Gatehouse)")
            .arg(m_name);
    case Kind::SqliteFile:
        return QStringLiteral("temporary SQLite shadow database");
    }
    return QString();
}

Status ShadowDatabase::apply(const QVector<MigrationDirectory> &migrations,
                             const CancelCheck &isCancelled)
{
    for (const MigrationDirectory &migration : migrations) {
        if (isCancelled && isCancelled())
            return Error(Error::Code::Cancelled, QStringLiteral("Cancelled."));
        if (!migration.hasScript)
            return MigrationErrors::fileMissing(migration.scriptPath());
        const Status done = m_database->executeScript(QString::fromUtf8(migration.script));
        if (!done)
            return MigrationErrors::shadowApplyFailed(migration.name, done.error());
    }
    return success();
}

Result<sql::SqlSchema> ShadowDatabase::introspect(const QString &targetNamespace)
{
    auto schema = sql::SchemaIntrospector::introspect(*m_database);
    if (!schema)
        return schema.error();
    if (m_database->dialect() == SqlDialect::PostgreSQL)
        schema->renameNamespace(m_database->schema(), targetNamespace);
    return schema;
}

Status ShadowDatabase::drop()
{
    if (m_dropped)
        return success();
    m_dropped = true;
    m_database.reset(); // a database in use cannot be dropped
    Status done = success();
    if (m_admin && m_kind == Kind::Database)
        done = run(*m_admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                 .arg(quoteIdentifier(SqlDialect::PostgreSQL, m_name)));
    else if (m_admin && m_kind == Kind::Schema)
        done = run(*m_admin, QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE")
                                 .arg(quoteIdentifier(SqlDialect::PostgreSQL, m_name)));
    m_admin.reset();
    m_folder.reset();
    return done;
}

} // namespace gh
