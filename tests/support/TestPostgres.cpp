#include "tests/support/TestPostgres.h"

#include "core/db/Database.h"
#include "core/url/DatabaseUrl.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QUuid>

namespace gh::test {

namespace {

QString withDatabase(const QString &serverUrl, const QString &database, const QString &query)
{
    // Server URLs look like postgresql://user@127.0.0.1:port/postgres[?...]
    QString base = serverUrl.section(QLatin1Char('?'), 0, 0);
    base = base.left(base.lastIndexOf(QLatin1Char('/')) + 1) + database;
    QStringList parameters;
    const QString existing = serverUrl.section(QLatin1Char('?'), 1);
    if (!existing.isEmpty())
        parameters << existing;
    if (!query.isEmpty())
        parameters << query;
    return parameters.isEmpty() ? base : base + QLatin1Char('?') + parameters.join(QLatin1Char('&'));
}

bool runOn(const QString &url, const QString &sql, QString *error)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed) {
        *error = parsed.error().message();
        return false;
    }
    auto db = Database::open(*parsed);
    if (!db) {
        *error = db.error().fullText();
        return false;
    }
    const Status done = (*db)->executeScript(sql);
    if (!done) {
        *error = done.error().fullText();
        return false;
    }
    return true;
}

} // namespace

QString ScratchPostgres::serverUrl()
{
    return qEnvironmentVariable("GATEHOUSE_TEST_PG_URL");
}

QString ScratchPostgres::bouncerUrl()
{
    return qEnvironmentVariable("GATEHOUSE_TEST_PGBOUNCER_URL");
}

ScratchPostgres::ScratchPostgres()
{
    if (serverUrl().isEmpty()) {
        m_error = QStringLiteral("GATEHOUSE_TEST_PG_URL is not set (run tests/run-tests.sh)");
        return;
    }
    const QString name = QStringLiteral("gh_%1_%2")
                             .arg(QCoreApplication::applicationName().left(20),
                                  QUuid::createUuid().toString(QUuid::Id128).left(12))
                             .toLower()
                             .replace(QLatin1Char('-'), QLatin1Char('_'));
    if (runOn(serverUrl(), QStringLiteral("CREATE DATABASE \"%1\"").arg(name), &m_error))
        m_name = name;
}

ScratchPostgres::~ScratchPostgres()
{
    if (m_name.isEmpty())
        return;
    QString ignored;
    runOn(serverUrl(), QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_name), &ignored);
}

QString ScratchPostgres::url(const QString &query) const
{
    return withDatabase(serverUrl(), m_name, query);
}

QString ScratchPostgres::bouncedUrl(const QString &query) const
{
    return bouncerUrl().isEmpty() ? QString() : withDatabase(bouncerUrl(), m_name, query);
}

bool ScratchPostgres::run(const QString &sql)
{
    return runOn(url(), sql, &m_error);
}

bool ScratchPostgres::runSqlFile(const QString &fileName, const QString &schema)
{
    QFile file(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/sql/") + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1").arg(file.fileName());
        return false;
    }
    QString sql = QString::fromUtf8(file.readAll());
    if (!schema.isEmpty()) {
        // Setup only: one simple-query script, so the search_path applies to the statements after it.
        sql.replace(QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"public\";"), QString());
        sql = QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"%1\"; SET search_path TO \"%1\";\n").arg(schema) + sql;
    }
    return run(sql);
}

} // namespace gh::test
