#include "core/migrate/MigrationDiff.h"

#include "core/db/Database.h"
#include "core/migrate/MigrationLockFile.h"
#include "core/migrate/MigrationsFolder.h"
#include "core/prisma/DataModel.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/Validator.h"
#include "core/sql/SchemaCalculator.h"
#include "core/sql/SchemaDiffer.h"
#include "core/sql/SchemaIntrospector.h"
#include "core/sql/SqlFlavour.h"

#include <QFileInfo>

namespace gh {

namespace {

QString providerOf(const DatabaseUrl &url)
{
    return url.provider() == DatabaseUrl::Provider::SQLite ? QStringLiteral("sqlite")
                                                           : QStringLiteral("postgresql");
}

Error unsupportedProvider(const QString &provider)
{
    return Error(Error::Code::InvalidArgument,
                 QStringLiteral("Gatehouse does not migrate `%1` databases (only PostgreSQL and "
                                "SQLite).")
                     .arg(provider));
}

// `postgres` and `postgresql` are one provider.
QString canonicalProvider(const QString &provider)
{
    const sql::SqlFlavour *flavour = sql::SqlFlavour::forProvider(provider);
    return flavour ? flavour->provider() : provider;
}

} // namespace

Result<MigrationDiff::Side> MigrationDiff::loadSchemaFile(const QString &path,
                                                          const QString &defaultNamespace,
                                                          const QString &flag)
{
    if (!QFileInfo::exists(path))
        return Error(Error::Code::FileNotFound,
                     QStringLiteral("Could not load `%1` from provided path `%2`: file or "
                                    "directory not found")
                         .arg(flag, path));
    auto source = prisma::SchemaSource::load(path);
    if (!source)
        return source.error();
    return loadSchema(*source, defaultNamespace, path);
}

Result<MigrationDiff::Side> MigrationDiff::loadSchema(const prisma::SchemaSource &source,
                                                      const QString &defaultNamespace,
                                                      const QString &displayPath)
{
    QStringList errors;
    for (const prisma::Diagnostic &diagnostic : prisma::validate(source)) {
        if (diagnostic.isError())
            errors.append(diagnostic.toString());
    }
    if (!errors.isEmpty())
        return Error(Error::Code::SchemaInvalid,
                     QStringLiteral("Prisma schema validation - %1 error(s) in `%2`")
                         .arg(errors.size())
                         .arg(displayPath),
                     errors.join(QLatin1Char('\n')));
    const prisma::DataModel model = prisma::DataModel::build(source);
    const sql::SqlFlavour *flavour = sql::SqlFlavour::forProvider(model.provider());
    if (!flavour)
        return unsupportedProvider(model.provider());
    return Side{sql::SchemaCalculator::calculate(model, *flavour, defaultNamespace),
                flavour->provider()};
}

Result<MigrationDiff::Side>
MigrationDiff::loadDatabase(const DatabaseUrl &url, const ShadowDatabase::CancelCheck &isCancelled)
{
    auto database = Database::open(url);
    if (!database)
        return database.error();
    auto schema = sql::SchemaIntrospector::introspect(**database, isCancelled);
    if (!schema)
        return schema.error();
    return Side{std::move(schema.value()), providerOf(url)};
}

Result<MigrationDiff::Side> MigrationDiff::loadMigrations(const QString &path,
                                                          const DatabaseUrl &server,
                                                          const QString &defaultNamespace,
                                                          const Options &options)
{
    auto folder = MigrationsFolder::read(path);
    if (!folder)
        return folder.error();
    if (!folder->lockFile())
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("Could not determine the connector from the migrations "
                                    "directory (missing migration_lock.toml)."));
    const QString provider =
        canonicalProvider(MigrationLockFile::providerFrom(*folder->lockFile()));
    if (!sql::SqlFlavour::forProvider(provider))
        return unsupportedProvider(provider);

    DatabaseUrl shadowServer = server;
    if (provider == QLatin1String("sqlite")) {
        // Any SQLite URL will do: the shadow database is a temporary file.
        shadowServer = *DatabaseUrl::parse(QStringLiteral("file:shadow.db"));
    } else if (server.isNull() || providerOf(server) != provider) {
        return Error(Error::Code::UrlMissing,
                     QStringLiteral("Replaying the migrations of `%1` needs a %2 server for the "
                                    "shadow database: set the project's database URL "
                                    "(DATABASE_URL) or pass --shadow-database-url.")
                         .arg(path, provider));
    }
    auto shadow = ShadowDatabase::create(shadowServer);
    if (!shadow)
        return shadow.error();
    if (options.log)
        options.log(QStringLiteral("Applying %1 migration(s) to the %2.")
                        .arg(folder->migrations().size())
                        .arg((*shadow)->description()));
    const Status applied = (*shadow)->apply(folder->migrations(), options.isCancelled);
    if (!applied)
        return applied.error();
    auto schema = (*shadow)->introspect(defaultNamespace);
    if (!schema)
        return schema.error();
    const Status dropped = (*shadow)->drop();
    if (!dropped)
        return dropped.error();
    return Side{std::move(schema.value()), provider};
}

Result<sql::Migration> MigrationDiff::compute(const DiffSource &from, const DiffSource &to,
                                              const Options &options)
{
    // A database side decides the schema the others are read in.
    QString defaultNamespace = options.defaultNamespace;
    for (const DiffSource *source : {&from, &to}) {
        if (source->kind != DiffSource::Kind::Url)
            continue;
        auto url = DatabaseUrl::parse(source->value);
        if (!url)
            return url.error();
        if (url->provider() == DatabaseUrl::Provider::PostgreSQL)
            defaultNamespace = url->schema();
    }

    Side sides[2];
    for (int i = 0; i < 2; ++i) {
        const DiffSource &source = i == 0 ? from : to;
        Result<Side> side = Side();
        switch (source.kind) {
        case DiffSource::Kind::Empty:
            break;
        case DiffSource::Kind::SchemaFile:
            side = loadSchemaFile(source.value, defaultNamespace, source.flag(i == 0));
            break;
        case DiffSource::Kind::Url: {
            auto url = DatabaseUrl::parse(source.value);
            if (!url)
                return url.error();
            side = loadDatabase(*url, options.isCancelled);
            break;
        }
        case DiffSource::Kind::Migrations:
            side = loadMigrations(source.value, options.shadowServer, defaultNamespace, options);
            break;
        }
        if (!side)
            return side.error();
        sides[i] = std::move(side.value());
    }

    const QString provider = sides[0].provider.isEmpty() ? sides[1].provider : sides[0].provider;
    if (provider.isEmpty())
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("Could not determine the connector to use for diffing."));
    if (!sides[0].provider.isEmpty() && !sides[1].provider.isEmpty() &&
        sides[0].provider != sides[1].provider)
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("The two sides of the diff are different databases: `%1` "
                                    "and `%2`.")
                         .arg(sides[0].provider, sides[1].provider));
    const sql::SqlFlavour *flavour = sql::SqlFlavour::forProvider(provider);
    if (!flavour)
        return unsupportedProvider(provider);
    return sql::SchemaDiffer::diff(std::move(sides[0].schema), std::move(sides[1].schema),
                                   *flavour);
}

} // namespace gh
