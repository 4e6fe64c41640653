#pragma once

#include "core/auth/DemoDataGenerator.h"
#include "core/common/Result.h"

#include <QDateTime>
#include <QString>

namespace gh {

/// The demo project Gatehouse opens with `--demo`: an Auth.js + Prisma project on SQLite.
///
///     DIR/.env                    DATABASE_URL="file:./dev.db"
///     DIR/prisma/schema.prisma    the Auth.js models, as `prisma format` prints them
///     DIR/prisma/dev.db           created by Prisma's own SQL for that schema, then seeded
///     DIR/.gatehouse-demo.json    the marker: says the folder is a demo, and whether it is
///     complete
///
/// Created on first use and reused untouched afterwards, so that a user's edits survive.
/// The marker is written before anything else and marked complete last; a folder whose marker
/// says otherwise (a crash half-way) is recreated from scratch, never mixed. The database is
/// built under a temporary name and renamed into place, so dev.db is never half-seeded.
class DemoProject
{
public:
    /// Makes sure `directory` holds a complete demo project and returns it. `now` anchors the
    /// seeded times (sessions expire relative to it). Refuses, with InvalidArgument, a folder that
    /// already has a schema, .env or dev.db but no demo marker: that is someone's project.
    static Result<DemoProject> ensure(const QString &directory,
                                      const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// The generic data folder + "/gatehouse/demo" (~/.local/share/gatehouse/demo).
    static QString defaultDirectory();

    /// The DATABASE_URL the demo's .env sets, relative to the schema's folder.
    static QString databaseUrl() { return QStringLiteral("file:./dev.db"); }

    QString directory() const { return m_directory; }
    QString schemaPath() const;
    QString envPath() const;
    QString databasePath() const;
    QString markerPath() const;

    /// True when this call created the project, false when an existing one was reused.
    bool wasCreated() const { return m_created; }
    /// What was seeded; all zero when the project was reused.
    const DemoDataGenerator::Counts &counts() const { return m_counts; }

private:
    explicit DemoProject(QString directory);

    Status create(const QDateTime &now);

    QString m_directory;
    bool m_created = false;
    DemoDataGenerator::Counts m_counts;
};

} // namespace gh
