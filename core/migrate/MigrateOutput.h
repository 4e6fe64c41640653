#pragma once

#include "core/common/Error.h"
#include "core/migrate/MigrationStatus.h"
#include "core/migrate/MigrationTarget.h"
#include "core/migrate/Migrator.h"
#include "core/sql/MigrationScript.h"

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
    /// "SQLite database dev.db created at file:./dev.db", "PostgreSQL database app created at
    /// localhost:5432" (deploy and dev creating the database).
    static QString databaseCreated(const MigrationTarget &target);
    /// The tree Prisma prints under "The following migration(s) have been applied:".
    static QString appliedTree(const QStringList &names,
                               const QString &root = QStringLiteral("migrations"));
    /// An error as Prisma's CLI prints it: "Error: P3009\n\n<message>\n\n", then the detail.
    static QString error(const Error &error);

    /// Everything `migrate status` prints after the datasource line.
    Text status(const MigrationStatus &status) const;
    /// What `migrate deploy` prints to stdout after "N migrations found" and its blank line.
    static QString deployed(const DeployResult &result);
    /// `migrate dev`'s "⚠️  Warnings for the current datasource:" block (stdout).
    static QString devWarnings(const sql::ChangeDiagnostics &diagnostics);
    /// `migrate dev`'s "⚠️ We found changes that cannot be executed:" lines.
    static QString devUnexecutable(const sql::ChangeDiagnostics &diagnostics);
    /// The error `migrate dev` ends with when steps cannot be executed (without --create-only).
    QString devUnexecutableError(const sql::ChangeDiagnostics &diagnostics) const;
    /// Why `migrate dev` stops and would reset (dev_diagnostic's reason), then Prisma's
    /// "We need to reset ..." lines.
    static QString devResetNeeded(const MigrationTarget &target, const QString &reason);
    /// `migrate dev` refusing to prompt off a terminal (Prisma's
    /// MigrateDevEnvNonInteractiveError), with Gatehouse's `--yes` hint.
    QString devNonInteractive() const;
    /// What `migrate dev --create-only` prints once the migration is written.
    QString devCreated(const QString &migrationName) const;
    /// What `migrate dev` prints at the end: `appliedNow` the migrations of this run created and
    /// applied, `appliedBefore` the pending ones applied first, `root` the migrations folder
    /// relative to the working directory.
    static QString devFinished(const QStringList &appliedNow, const QStringList &appliedBefore,
                               const QString &root);

    /// `migrate resolve`'s confirmation, after the datasource line.
    static QString resolved(const QString &migrationName, bool applied);

private:
    QString m_command;
};

} // namespace gh
