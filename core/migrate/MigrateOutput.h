#pragma once

#include "core/common/Error.h"
#include "core/migrate/MigrationStatus.h"
#include "core/migrate/MigrationTarget.h"
#include "core/migrate/Migrator.h"

#include <QString>

namespace gh {

/// The texts `prisma migrate status|deploy|resolve` print (Prisma 7's CLI), so that people and
/// scripts read Gatehouse's output as they read Prisma's: same lines, same stream (stdout or
/// stderr), same exit codes. Gatehouse's own additions go to stderr, after Prisma's text.
class MigrateOutput
{
public:
    struct Text
    {
        QString out;
        QString err;
        int exitCode = 0;
    };

    /// `command` replaces "prisma" in the hints ("prisma migrate deploy").
    explicit MigrateOutput(QString command = QStringLiteral("gatehouse-cli"));

    /// `Datasource "db": PostgreSQL database "app", schema "public" at "localhost:5432"` + LF.
    static QString datasourceLine(const MigrationTarget &target);
    /// "2 migrations found in prisma/migrations" / "No migration found in prisma/migrations" + LF.
    static QString migrationsFound(int count);
    /// "SQLite database dev.db created at file:./dev.db" (deploy creating the file).
    static QString databaseCreated(const MigrationTarget &target);
    /// The tree Prisma prints under "The following migration(s) have been applied:".
    static QString appliedTree(const QStringList &names);
    /// An error as Prisma's CLI prints it: "Error: P3009\n\n<message>\n\n", then the detail.
    static QString error(const Error &error);

    /// Everything `migrate status` prints after the datasource line.
    Text status(const MigrationStatus &status) const;
    /// What `migrate deploy` prints to stdout after "N migrations found" and its blank line.
    static QString deployed(const DeployResult &result);
    /// `migrate resolve`'s confirmation, after the datasource line.
    static QString resolved(const QString &migrationName, bool applied);

private:
    QString m_command;
};

} // namespace gh
