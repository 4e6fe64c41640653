#include "core/migrate/MigrationHistoryTable.h"

#include "core/db/Database.h"

#include <QRegularExpression>
#include <QUuid>

namespace gh {

namespace {

// PostGIS creates these (as tables or views, by version); Prisma does not count them.
bool isPostgisTable(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(spatial_ref_sys|geometry_columns|geography_columns|raster_columns|raster_"
                       "overviews)$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(name).hasMatch();
}

qint64 toMicros(const QVariant &value, SqlDialect dialect)
{
    if (dialect == SqlDialect::PostgreSQL)
        return value.toLongLong();
    // Prisma's SQLite rows hold milliseconds since the epoch; the column default
    // (current_timestamp) writes text.
    bool isNumber = false;
    const qint64 millis = value.toLongLong(&isNumber);
    if (isNumber)
        return millis * 1000;
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(value.toString(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch() * 1000;
}

QDateTime toTime(const QVariant &value, SqlDialect dialect)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(toMicros(value, dialect) / 1000, Qt::UTC);
}

} // namespace

MigrationHistoryTable::MigrationHistoryTable(Database &database)
    : m_database(database)
{}

QString MigrationHistoryTable::createStatement(SqlDialect dialect, const QString &schema)
{
    if (dialect == SqlDialect::SQLite)
        return QStringLiteral(
            "CREATE TABLE \"_prisma_migrations\" (\n"
            "    \"id\"                    TEXT PRIMARY KEY NOT NULL,\n"
            "    \"checksum\"              TEXT NOT NULL,\n"
            "    \"finished_at\"           DATETIME,\n"
            "    \"migration_name\"        TEXT NOT NULL,\n"
            "    \"logs\"                  TEXT,\n"
            "    \"rolled_back_at\"        DATETIME,\n"
            "    \"started_at\"            DATETIME NOT NULL DEFAULT current_timestamp,\n"
            "    \"applied_steps_count\"   INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
            ");\n");
    // Prisma creates it unqualified, in its search_path (= the URL's schema); qualifying gives
    // the same table without depending on the session's search_path.
    return QStringLiteral("CREATE TABLE %1 (\n"
                          "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
                          "    checksum                VARCHAR(64) NOT NULL,\n"
                          "    finished_at             TIMESTAMPTZ,\n"
                          "    migration_name          VARCHAR(255) NOT NULL,\n"
                          "    logs                    TEXT,\n"
                          "    rolled_back_at          TIMESTAMPTZ,\n"
                          "    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
                          "    applied_steps_count     INTEGER NOT NULL DEFAULT 0\n"
                          ");\n")
        .arg(qualifiedName(dialect, schema, tableName()));
}

QString MigrationHistoryTable::qualifiedTable() const
{
    return m_database.table(tableName());
}

QVariant MigrationHistoryTable::timestamp(const QDateTime &time) const
{
    if (m_database.dialect() == SqlDialect::SQLite)
        return QVariant(time.toMSecsSinceEpoch());
    // Text with an explicit zone: a zone-less value would be read in the session's TimeZone.
    return QVariant(time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
}

Result<bool> MigrationHistoryTable::exists()
{
    SqlStatement st = m_database.statement();
    if (m_database.dialect() == SqlDialect::SQLite) {
        st << QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = ") << st.bind(tableName());
    } else {
        st << QStringLiteral("SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                             " ON n.oid = c.relnamespace WHERE n.nspname = ")
           << st.bind(m_database.schema()) << QStringLiteral(" AND c.relname = ")
           << st.bind(tableName());
    }
    auto rows = m_database.query(st);
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

Status MigrationHistoryTable::create()
{
    return m_database.executeScript(createStatement(m_database.dialect(), m_database.schema()));
}

Result<QStringList> MigrationHistoryTable::tables()
{
    SqlStatement st = m_database.statement();
    if (m_database.dialect() == SqlDialect::SQLite) {
        st << QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    } else {
        st << QStringLiteral(
                  "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                  " ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = ")
           << st.bind(m_database.schema()) << QStringLiteral(" ORDER BY c.relname");
    }
    auto rows = m_database.query(st);
    if (!rows)
        return rows.error();
    QStringList names;
    for (const QVariantList &row : rows->rows()) {
        const QString name = row.at(0).toString();
        if (m_database.dialect() == SqlDialect::SQLite || !isPostgisTable(name))
            names << name;
    }
    return names;
}

Result<QVector<MigrationRecord>> MigrationHistoryTable::list()
{
    const SqlDialect dialect = m_database.dialect();
    SqlStatement st = m_database.statement();
    if (dialect == SqlDialect::SQLite) {
        st << QStringLiteral("SELECT id, checksum, started_at, finished_at, migration_name, logs,"
                             " rolled_back_at, applied_steps_count FROM ")
           << qualifiedTable() << QStringLiteral(" ORDER BY started_at ASC");
    } else {
        // Microseconds as integers: exact, and free of the session's TimeZone.
        const auto micros = [](const char *column) {
            return QStringLiteral("(EXTRACT(EPOCH FROM %1) * 1000000)::bigint")
                .arg(QLatin1String(column));
        };
        st << QStringLiteral("SELECT id, checksum, ") << micros("started_at")
           << QStringLiteral(", ") << micros("finished_at")
           << QStringLiteral(", migration_name, logs, ") << micros("rolled_back_at")
           << QStringLiteral(", applied_steps_count FROM ") << qualifiedTable()
           << QStringLiteral(" ORDER BY started_at ASC");
    }
    auto rows = m_database.query(st);
    if (!rows)
        return rows.error();
    QVector<MigrationRecord> records;
    records.reserve(rows->rowCount());
    for (const QVariantList &row : rows->rows()) {
        MigrationRecord record;
        record.id = row.at(0).toString();
        record.checksum = row.at(1).toString();
        record.startedAtMicros = toMicros(row.at(2), dialect);
        record.finishedAt = toTime(row.at(3), dialect);
        record.migrationName = row.at(4).toString();
        record.logs = row.at(5).toString();
        record.rolledBackAt = toTime(row.at(6), dialect);
        record.appliedStepsCount = row.at(7).toInt();
        records << record;
    }
    return records;
}

Result<QString> MigrationHistoryTable::recordStarted(const QString &migrationName,
                                                     const QString &checksum)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SqlStatement st = m_database.statement();
    st << QStringLiteral("INSERT INTO ") << qualifiedTable()
       << QStringLiteral(" (id, checksum, started_at, migration_name) VALUES (") << st.bind(id)
       << QStringLiteral(", ") << st.bind(checksum) << QStringLiteral(", ")
       << st.bind(timestamp(QDateTime::currentDateTimeUtc())) << QStringLiteral(", ")
       << st.bind(migrationName) << QStringLiteral(")");
    auto done = m_database.execute(st);
    if (!done)
        return done.error();
    return id;
}

Status MigrationHistoryTable::update(const QString &id, const QString &assignment,
                                     const QVariant &value)
{
    SqlStatement st = m_database.statement();
    st << QStringLiteral("UPDATE ") << qualifiedTable() << QStringLiteral(" SET ") << assignment;
    if (value.isValid())
        st << st.bind(value);
    st << QStringLiteral(" WHERE id = ") << st.bind(id);
    auto done = m_database.execute(st);
    if (!done)
        return done.error();
    return success();
}

Status MigrationHistoryTable::recordSuccessfulStep(const QString &id)
{
    return update(id, QStringLiteral("applied_steps_count = applied_steps_count + 1"), QVariant());
}

Status MigrationHistoryTable::recordFinished(const QString &id)
{
    return update(id, QStringLiteral("finished_at = "), timestamp(QDateTime::currentDateTimeUtc()));
}

Status MigrationHistoryTable::recordFailed(const QString &id, const QString &logs)
{
    return update(id, QStringLiteral("logs = "), logs);
}

Status MigrationHistoryTable::markRolledBack(const QString &id)
{
    return update(id, QStringLiteral("rolled_back_at = "),
                  timestamp(QDateTime::currentDateTimeUtc()));
}

Result<QString> MigrationHistoryTable::markApplied(const QString &migrationName,
                                                   const QString &checksum)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QVariant now = timestamp(QDateTime::currentDateTimeUtc());
    SqlStatement st = m_database.statement();
    st << QStringLiteral("INSERT INTO ") << qualifiedTable()
       << QStringLiteral(" (id, checksum, logs, started_at, finished_at, migration_name) VALUES (")
       << st.bind(id) << QStringLiteral(", ") << st.bind(checksum) << QStringLiteral(", ")
       << st.bind(QString(QLatin1String(""))) << QStringLiteral(", ") << st.bind(now)
       << QStringLiteral(", ") << st.bind(now) << QStringLiteral(", ") << st.bind(migrationName)
       << QStringLiteral(")");
    auto done = m_database.execute(st);
    if (!done)
        return done.error();
    return id;
}

} // namespace gh
