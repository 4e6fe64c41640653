#include "core/migrate/Migrator.h"

#include "core/db/Database.h"
#include "core/migrate/MigrationErrors.h"
#include "core/migrate/MigrationHistoryTable.h"
#include "core/migrate/MigrationLockFile.h"
#include "core/migrate/ShadowDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace gh {

namespace {

Status runStatement(Database &database, const QString &sql)
{
    auto done = database.execute(SqlStatement(database.dialect(), sql));
    if (!done)
        return done.error();
    return success();
}

QVector<MigrationRecord> recordsNamed(const QVector<MigrationRecord> &records, const QString &name)
{
    QVector<MigrationRecord> named;
    for (const MigrationRecord &record : records) {
        if (record.migrationName == name)
            named << record;
    }
    return named;
}

// libpq reports a missing database only in its message (SQLSTATE 3D000 does not reach us).
bool isMissingDatabase(const Error &error, const DatabaseUrl &url)
{
    return error.code() == Error::Code::ConnectionFailed &&
           error.detail().contains(
               QStringLiteral("database \"%1\" does not exist").arg(url.database()));
}

// CREATE DATABASE on the same server, connected to `postgres` (else `template1`), as Prisma's
// PostgreSQL connector does.
Status createPostgresDatabase(const DatabaseUrl &url)
{
    Error lastError;
    for (const QString &maintenance : {QStringLiteral("postgres"), QStringLiteral("template1")}) {
        auto adminUrl = ShadowDatabase::serverUrl(url, maintenance, QString());
        if (!adminUrl)
            return adminUrl.error();
        auto admin = Database::open(*adminUrl);
        if (!admin) {
            lastError = admin.error();
            continue;
        }
        return runStatement(**admin, QStringLiteral("CREATE DATABASE ") +
                                         quoteIdentifier(SqlDialect::PostgreSQL, url.database()));
    }
    return lastError;
}

} // namespace

Result<std::unique_ptr<Migrator>> Migrator::connect(const MigrationTarget &target,
                                                    const Options &options, Connect mode)
{
    bool created = false;
    Database::OpenMode openMode = Database::OpenMode::ExistingOnly;
    if (mode != Connect::ExistingDatabase &&
        target.url.provider() == DatabaseUrl::Provider::SQLite) {
        const QFileInfo file(target.url.sqliteFilePath());
        if (!file.exists()) {
            if (!QDir().mkpath(file.absolutePath()))
                return Error(Error::Code::FileUnwritable,
                             QStringLiteral("Could not create %1")
                                 .arg(QDir::toNativeSeparators(file.absolutePath())));
            created = true;
        }
        openMode = Database::OpenMode::CreateIfMissing;
    }
    auto database = Database::open(target.url, openMode);
    if (!database && mode == Connect::CreateDatabaseIfMissing &&
        target.url.provider() == DatabaseUrl::Provider::PostgreSQL &&
        isMissingDatabase(database.error(), target.url)) {
        const Status createdDatabase = createPostgresDatabase(target.url);
        if (!createdDatabase)
            return Error(Error::Code::ConnectionFailed,
                         QStringLiteral("Database `%1` does not exist on the database server at "
                                        "`%2:%3`, and it could not be created.")
                             .arg(target.url.database(), target.url.host())
                             .arg(target.url.port()),
                         createdDatabase.error().fullText());
        created = true;
        database = Database::open(target.url, openMode);
    }
    if (!database)
        return database.error();
    auto migrator = std::make_unique<Migrator>(std::move(database.value()), target, options);
    migrator->m_createdDatabase = created;
    return migrator;
}

Migrator::Migrator(std::unique_ptr<Database> database, MigrationTarget target, Options options)
    : m_database(std::move(database))
    , m_target(std::move(target))
    , m_options(std::move(options))
{}

Migrator::~Migrator() = default;

Result<MigrationsFolder> Migrator::readFolder() const
{
    return MigrationsFolder::read(m_target.migrationsPath);
}

bool Migrator::cancelled() const
{
    return m_options.lock.isCancelled && m_options.lock.isCancelled();
}

Status Migrator::prepareForWriting()
{
    if (m_preparedForWriting)
        return success();
    Database &db = *m_database;
    if (db.dialect() == SqlDialect::PostgreSQL) {
        // The advisory lock is session state: through PgBouncer in transaction mode it would
        // be taken on one server connection and the migration run on another.
        if (m_target.url.pgbouncer())
            return MigrationErrors::needsDirectConnection();
        SqlStatement exists = db.statement();
        exists << QStringLiteral(
                      "SELECT EXISTS(SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ")
               << exists.bind(db.schema()) << QStringLiteral(")");
        auto found = db.query(exists);
        if (!found)
            return found.error();
        if (!found->value(0, 0).toBool()) {
            const Status created = runStatement(db, QStringLiteral("CREATE SCHEMA ") +
                                                        quoteIdentifier(db.dialect(), db.schema()));
            if (!created)
                return created;
        }
        // Migration scripts name tables unqualified: like Prisma, make the URL's schema the
        // whole search_path of this (direct, dedicated) connection.
        const Status path = runStatement(db, QStringLiteral("SET search_path TO ") +
                                                 quoteIdentifier(db.dialect(), db.schema()));
        if (!path)
            return path;
    }
    m_preparedForWriting = true;
    return success();
}

Result<MigrationsFolder> Migrator::folderForProvider() const
{
    auto folder = readFolder();
    if (!folder)
        return folder.error();
    const Status provider = MigrationLockFile::checkProvider(folder->lockFile(), m_target.provider);
    if (!provider)
        return provider.error();
    return folder;
}

Result<MigrationLock> Migrator::lockForWriting()
{
    const Status prepared = prepareForWriting();
    if (!prepared)
        return prepared.error();
    return MigrationLock::acquire(*m_database, m_options.lock);
}

Result<QVector<MigrationRecord>> Migrator::records(bool *hasTable)
{
    MigrationHistoryTable table(*m_database);
    auto exists = table.exists();
    if (!exists)
        return exists.error();
    *hasTable = *exists;
    if (!*exists)
        return QVector<MigrationRecord>();
    return table.list();
}

Status Migrator::initializeTable()
{
    MigrationHistoryTable table(*m_database);
    auto tables = table.tables();
    if (!tables)
        return tables.error();
    if (tables->contains(MigrationHistoryTable::tableName()))
        return success();
    if (!tables->isEmpty())
        return MigrationErrors::schemaNotEmpty();
    return table.create();
}

Status Migrator::runScript(const QByteArray &script)
{
    Database &db = *m_database;
    const QString sql = QString::fromUtf8(script);
    if (db.dialect() != SqlDialect::SQLite)
        return db.executeScript(sql);
    // The SQLite backend runs a script inside one transaction, where PRAGMA foreign_keys is a
    // no-op. Prisma's table redefinitions switch foreign keys off around DROP TABLE; with them
    // on, the drop would cascade into child rows. Switch them off around the whole script.
    const Status off = runStatement(db, QStringLiteral("PRAGMA foreign_keys = OFF"));
    if (!off)
        return off;
    const Status ran = db.executeScript(sql);
    const Status on = runStatement(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!ran)
        return ran;
    return on;
}

Result<MigrationStatus> Migrator::status(const DriftCheck &driftCheck)
{
    auto folder = folderForProvider();
    if (!folder)
        return folder.error();
    bool hasTable = false;
    auto rows = records(&hasTable);
    if (!rows)
        return rows.error();
    MigrationStatus status = MigrationStatus::compute(folder->migrations(), *rows, hasTable);

    if (!status.failedMigrationNames.isEmpty()) {
        // A row that looks failed may belong to a deploy that is running right now.
        auto holder = MigrationLock::holder(*m_database);
        if (holder && *holder)
            status.lockHolder = **holder;
    }
    if (driftCheck) {
        QVector<MigrationDirectory> applied;
        for (const MigrationDirectory &migration : folder->migrations()) {
            const bool isApplied =
                std::any_of(rows->begin(), rows->end(), [&](const MigrationRecord &r) {
                    return r.migrationName == migration.name && r.isFinished() && !r.isRolledBack();
                });
            if (isApplied)
                applied << migration;
        }
        auto drift = driftCheck(*m_database, applied);
        if (!drift)
            return drift.error();
        status.drift = *drift;
    }
    return status;
}

Result<DeployResult> Migrator::deploy(const ProgressCallback &progress)
{
    auto folder = folderForProvider();
    if (!folder)
        return folder.error();
    DeployResult result;
    result.localMigrationCount = int(folder->migrations().size());
    auto held = lockForWriting();
    if (!held)
        return held.error();
    const Status initialized = initializeTable();
    if (!initialized)
        return initialized.error();

    MigrationHistoryTable table(*m_database);
    auto rows = table.list();
    if (!rows)
        return rows.error();
    QVector<MigrationRecord> failed;
    for (const MigrationRecord &record : *rows) {
        if (record.isFailed())
            failed << record;
    }
    if (!failed.isEmpty())
        return MigrationErrors::failedMigrationsFound(failed);

    // No checksum check here, as in Prisma: deploy only looks for rows that count.
    QVector<const MigrationDirectory *> pending;
    for (const MigrationDirectory &migration : folder->migrations()) {
        const bool applied = std::any_of(rows->begin(), rows->end(), [&](const MigrationRecord &r) {
            return r.migrationName == migration.name && !r.isRolledBack();
        });
        if (!applied)
            pending << &migration;
    }

    for (int i = 0; i < pending.size(); ++i) {
        const MigrationDirectory &migration = *pending.at(i);
        if (cancelled())
            return Error(
                Error::Code::Cancelled,
                QStringLiteral("Deploy cancelled before migration `%1`").arg(migration.name),
                result.appliedMigrationNames.isEmpty()
                    ? QStringLiteral("No migration was applied.")
                    : QStringLiteral("Applied: %1")
                          .arg(result.appliedMigrationNames.join(QStringLiteral(", "))));
        if (!migration.hasScript)
            return MigrationErrors::fileMissing(
                QDir(folder->path()).relativeFilePath(migration.scriptPath()));
        if (progress)
            progress({DeployProgress::Stage::Applying, i + 1, int(pending.size()), migration.name});

        auto id = table.recordStarted(migration.name, migration.checksum());
        if (!id)
            return id.error();
        const Status ran = runScript(migration.script);
        if (!ran) {
            QString code;
            QString text;
            MigrationErrors::splitDatabaseError(ran.error(), &code, &text);
            Error error = MigrationErrors::applyFailed(migration.name, code, text);
            const Status logged = table.recordFailed(*id, error.message());
            if (!logged)
                error = Error(
                    error.code(), error.message(),
                    QStringLiteral("The failure could not be recorded in _prisma_migrations: %1")
                        .arg(logged.error().fullText()));
            return error;
        }
        Status recorded = table.recordSuccessfulStep(*id);
        if (recorded)
            recorded = table.recordFinished(*id);
        if (!recorded)
            return recorded.error();
        result.appliedMigrationNames << migration.name;
        if (progress)
            progress({DeployProgress::Stage::Applied, i + 1, int(pending.size()), migration.name});
    }
    const Status released = held->release();
    if (!released)
        return released.error();
    return result;
}

Status Migrator::resolveApplied(const QString &migrationName)
{
    auto folder = folderForProvider();
    if (!folder)
        return folder.error();
    auto held = lockForWriting();
    if (!held)
        return held.error();

    const MigrationDirectory *migration = folder->find(migrationName);
    if (!migration || !migration->hasScript)
        return MigrationErrors::notFoundLocally(migrationName);

    MigrationHistoryTable table(*m_database);
    bool hasTable = false;
    auto rows = records(&hasTable);
    if (!rows)
        return rows.error();
    if (!hasTable) {
        // Baselining: the table is created even in a schema full of tables.
        const Status created = table.create();
        if (!created)
            return created;
    }
    const QVector<MigrationRecord> relevant = recordsNamed(*rows, migrationName);
    for (const MigrationRecord &record : relevant) {
        if (record.isFinished())
            return MigrationErrors::alreadyApplied(migrationName);
    }
    for (const MigrationRecord &record : relevant) {
        if (record.isFailed()) {
            const Status rolledBack = table.markRolledBack(record.id);
            if (!rolledBack)
                return rolledBack;
        }
    }
    auto id = table.markApplied(migrationName, migration->checksum());
    if (!id)
        return id.error();
    return held->release();
}

Status Migrator::resolveRolledBack(const QString &migrationName)
{
    // Prisma checks neither the lock file nor the folder here.
    auto held = lockForWriting();
    if (!held)
        return held.error();

    bool hasTable = false;
    auto rows = records(&hasTable);
    if (!rows)
        return rows.error();
    const QVector<MigrationRecord> relevant = recordsNamed(*rows, migrationName);
    if (relevant.isEmpty())
        return MigrationErrors::neverApplied(migrationName);
    const bool allFinished = std::all_of(relevant.begin(), relevant.end(),
                                         [](const MigrationRecord &r) { return r.isFinished(); });
    if (allFinished)
        return MigrationErrors::notFailed(migrationName);
    MigrationHistoryTable table(*m_database);
    for (const MigrationRecord &record : relevant) {
        if (record.isFailed()) {
            const Status rolledBack = table.markRolledBack(record.id);
            if (!rolledBack)
                return rolledBack;
        }
    }
    return held->release();
}

} // namespace gh
