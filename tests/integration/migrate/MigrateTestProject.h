#pragma once

// A throwaway Prisma project for migrate tests: a schema with a datasource block and a
// migrations folder next to it, plus small helpers to read the database back.

#include "core/db/Database.h"
#include "core/migrate/Migrator.h"
#include "core/url/DatabaseUrl.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace gh::test {

class MigrateTestProject
{
public:
    explicit MigrateTestProject(const QString &provider = QStringLiteral("postgresql"))
        : m_provider(provider)
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("prisma/migrations"));
        writeFile(
            QStringLiteral("prisma/schema.prisma"),
            QStringLiteral("datasource db {\n  provider = \"%1\"\n}\n").arg(provider).toUtf8());
    }

    QString root() const { return m_dir.path(); }
    QString schemaPath() const { return m_dir.filePath(QStringLiteral("prisma/schema.prisma")); }
    QString migrationsPath() const { return m_dir.filePath(QStringLiteral("prisma/migrations")); }

    bool writeFile(const QString &relativePath, const QByteArray &bytes) const
    {
        const QString path = m_dir.filePath(relativePath);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    /// prisma/migrations/<name>/migration.sql
    bool addMigration(const QString &name, const QByteArray &sql) const
    {
        return writeFile(QStringLiteral("prisma/migrations/%1/migration.sql").arg(name), sql);
    }

    bool removeMigration(const QString &name) const
    {
        return QDir(QDir(migrationsPath()).filePath(name)).removeRecursively();
    }

    /// Copies tests/data/migrate/<fixture> (a folder `prisma migrate dev` wrote) as the
    /// migrations folder.
    bool copyFixture(const QString &fixture) const
    {
        const QDir source(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/") + fixture);
        const QFileInfoList entries = source.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot);
        for (const QFileInfo &entry : entries) {
            if (entry.isDir()) {
                QFile script(QDir(entry.filePath()).filePath(QStringLiteral("migration.sql")));
                if (!script.open(QIODevice::ReadOnly) ||
                    !addMigration(entry.fileName(), script.readAll()))
                    return false;
            } else {
                QFile file(entry.filePath());
                if (!file.open(QIODevice::ReadOnly) ||
                    !writeFile(QStringLiteral("prisma/migrations/") + entry.fileName(),
                               file.readAll()))
                    return false;
            }
        }
        return true;
    }

    MigrationTarget target(const QString &url) const
    {
        MigrationTarget target;
        target.url = *DatabaseUrl::parse(url, m_dir.filePath(QStringLiteral("prisma")));
        target.urlText = url;
        target.provider = m_provider;
        target.migrationsPath = migrationsPath();
        target.schemaPath = schemaPath();
        return target;
    }

private:
    QTemporaryDir m_dir;
    QString m_provider;
};

/// Opens `url` and runs one query; the rows as lists of strings (NULL as "NULL").
inline QList<QStringList> queryRows(const QString &url, const QString &sql)
{
    QList<QStringList> out;
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return out;
    auto db = Database::open(*parsed);
    if (!db)
        return out;
    auto result = (*db)->query(SqlStatement((*db)->dialect(), sql));
    if (!result)
        qWarning("query failed: %s", qPrintable(result.error().fullText()));
    else
        for (const QVariantList &row : result->rows()) {
            QStringList cells;
            for (const QVariant &value : row)
                cells << (value.isNull() ? QStringLiteral("NULL") : value.toString());
            out << cells;
        }
    return out;
}

inline Migrator::Options quickLock(int timeoutMs = 10000)
{
    Migrator::Options options;
    options.lock.timeoutMs = timeoutMs;
    options.lock.pollIntervalMs = 20;
    return options;
}

} // namespace gh::test
