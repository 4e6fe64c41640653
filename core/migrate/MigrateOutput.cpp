#include "core/migrate/MigrateOutput.h"

#include "core/migrate/MigrationErrors.h"

#include <QFileInfo>

namespace gh {

namespace {

QString plural(int count)
{
    return count > 1 ? QStringLiteral("s") : QString();
}

QString prettyProvider(const QString &provider)
{
    if (provider == QLatin1String("postgresql") || provider == QLatin1String("postgres"))
        return QStringLiteral("PostgreSQL");
    if (provider == QLatin1String("sqlite"))
        return QStringLiteral("SQLite");
    if (provider == QLatin1String("cockroachdb"))
        return QStringLiteral("CockroachDB");
    if (provider == QLatin1String("mysql"))
        return QStringLiteral("MySQL");
    if (provider == QLatin1String("sqlserver"))
        return QStringLiteral("SQL Server");
    return provider;
}

QString sqliteFileName(const MigrationTarget &target)
{
    return QFileInfo(target.url.sqliteFilePath()).fileName();
}

} // namespace

MigrateOutput::MigrateOutput(QString command)
    : m_command(std::move(command))
{}

QString MigrateOutput::datasourceLine(const MigrationTarget &target)
{
    QString line = QStringLiteral("Datasource \"%1\": %2 database")
                       .arg(target.datasourceName, prettyProvider(target.provider));
    if (target.url.provider() == DatabaseUrl::Provider::SQLite) {
        line += QStringLiteral(" \"%1\" at \"%2\"").arg(sqliteFileName(target), target.urlText);
    } else {
        const QString location =
            target.url.isUnixSocket()
                ? QStringLiteral("unix:") + target.url.host()
                : QStringLiteral("%1:%2").arg(target.url.host()).arg(target.url.port());
        line += QStringLiteral(" \"%1\", schema \"%2\" at \"%3\"")
                    .arg(target.url.database(), target.url.schema(), location);
    }
    return line + QLatin1Char('\n');
}

QString MigrateOutput::migrationsFound(int count)
{
    if (count == 0)
        return QStringLiteral("No migration found in prisma/migrations\n");
    return QStringLiteral("%1 migration%2 found in prisma/migrations\n")
        .arg(count)
        .arg(plural(count));
}

QString MigrateOutput::databaseCreated(const MigrationTarget &target)
{
    if (target.url.provider() == DatabaseUrl::Provider::SQLite)
        return QStringLiteral("SQLite database %1 created at %2")
            .arg(sqliteFileName(target), target.urlText);
    const QString location =
        target.url.isUnixSocket()
            ? QStringLiteral("unix:") + target.url.host()
            : QStringLiteral("%1:%2").arg(target.url.host()).arg(target.url.port());
    return QStringLiteral("%1 database %2 created at %3")
        .arg(prettyProvider(target.provider), target.url.database(), location);
}

QString MigrateOutput::appliedTree(const QStringList &names, const QString &root)
{
    QString tree = root + QLatin1Char('/');
    for (const QString &name : names)
        tree += QStringLiteral("\n  └─ %1/\n    └─ migration.sql").arg(name);
    return tree;
}

QString MigrateOutput::error(const Error &error)
{
    const QString code = MigrationErrors::prismaCode(error.code());
    QString text = QStringLiteral("Error: ");
    if (!code.isEmpty())
        text += code + QStringLiteral("\n\n");
    text += error.message() + QStringLiteral("\n\n");
    if (!error.detail().isEmpty())
        text += error.detail() + QLatin1Char('\n');
    return text;
}

MigrateOutput::Text MigrateOutput::status(const MigrationStatus &status) const
{
    Text text;
    if (!status.missingScriptNames.isEmpty()) {
        // Prisma cannot compare checksums then, and gives up before printing anything else.
        text.err = error(MigrationErrors::fileMissing(status.missingScriptNames.first() +
                                                      QStringLiteral("/migration.sql")));
        text.exitCode = 1;
        return text;
    }

    text.out = QStringLiteral("\n") + migrationsFound(status.localMigrationCount);
    const QStringList &unapplied = status.unappliedMigrationNames;
    const QStringList &unpersisted = status.unpersistedMigrationNames;
    if (status.history == MigrationStatus::History::DatabaseIsBehind) {
        text.out +=
            QStringLiteral("Following migration%1 have not yet been applied:\n%2\n\n"
                           "To apply migrations in development run %3 migrate dev.\n"
                           "To apply migrations in production run %3 migrate deploy.\n")
                .arg(plural(int(unapplied.size())), unapplied.join(QLatin1Char('\n')), m_command);
        text.exitCode = 1;
    } else if (status.history == MigrationStatus::History::HistoriesDiverge) {
        text.err +=
            QStringLiteral("Your local migration history and the migrations table from your "
                           "database are different:\n\n"
                           "The last common migration is: %1\n\n"
                           "The migration%2 have not yet been applied:\n%3\n\n"
                           "The migration%4 from the database are not found locally in "
                           "prisma/migrations:\n%5\n")
                .arg(status.lastCommonMigrationName.isEmpty() ? QStringLiteral("null")
                                                              : status.lastCommonMigrationName,
                     plural(int(unapplied.size())), unapplied.join(QLatin1Char('\n')),
                     plural(int(unpersisted.size())), unpersisted.join(QLatin1Char('\n')));
        text.exitCode = 1;
    } else if (status.hasMigrationsTable) {
        const QStringList &failed = status.failedMigrationNames;
        if (!failed.isEmpty()) {
            text.err +=
                QStringLiteral("Following migration%1 have failed:\n%2\n\n"
                               "During development if the failed migration(s) have not been "
                               "deployed to a production database you can then fix the "
                               "migration(s) and run %3 migrate dev.\n\n")
                    .arg(plural(int(failed.size())), failed.join(QLatin1Char('\n')), m_command);
            text.err += QStringLiteral("The failed migration(s) can be marked as rolled back or "
                                       "applied:\n\n"
                                       "- If you rolled back the migration(s) manually:\n"
                                       "%1 migrate resolve --rolled-back \"%2\"\n\n"
                                       "- If you fixed the database manually (hotfix):\n"
                                       "%1 migrate resolve --applied \"%2\"\n\n"
                                       "Read more about how to resolve migration issues in a "
                                       "production database:\nhttps://pris.ly/d/migrate-resolve\n")
                            .arg(m_command, failed.first());
            text.exitCode = 1;
        } else {
            text.out += QStringLiteral("\nDatabase schema is up to date!\n");
        }
    } else {
        text.err += QStringLiteral("The current database is not managed by Prisma Migrate.\n\n");
        if (status.localMigrationCount > 0)
            text.err +=
                QStringLiteral("If you want to keep the current database structure and data "
                               "and create new migrations, baseline this database with the "
                               "migration \"%1\":\n%2 migrate resolve --applied \"%1\"\n\n")
                    .arg(status.entries.first().name, m_command);
        text.err +=
            QStringLiteral("Read more about how to baseline an existing production database:\n"
                           "https://pris.ly/d/migrate-baseline\n");
        text.exitCode = 1;
    }

    // Gatehouse's additions: what Prisma's status knows but does not say.
    if (status.lockHolder)
        text.err +=
            QStringLiteral("\nNote: the migration lock is held by %1; the failed migration(s) "
                           "may still be running.\n")
                .arg(status.lockHolder->describe());
    if (!status.editedMigrationNames.isEmpty())
        text.err += QStringLiteral("\nNote: migration%1 modified after %2 applied (the checksum of "
                                   "migration.sql differs):\n%3\n")
                        .arg(plural(int(status.editedMigrationNames.size())),
                             status.editedMigrationNames.size() > 1 ? QStringLiteral("they were")
                                                                    : QStringLiteral("it was"),
                             status.editedMigrationNames.join(QLatin1Char('\n')));
    if (status.history == MigrationStatus::History::MigrationsDirectoryIsBehind)
        text.err += QStringLiteral("\nNote: migration%1 applied to the database but not found "
                                   "locally in prisma/migrations:\n%2\n")
                        .arg(plural(int(unpersisted.size())), unpersisted.join(QLatin1Char('\n')));
    if (status.drift && !status.drift->error.isEmpty())
        text.err += QStringLiteral("\nThe applied migrations could not be replayed to check for "
                                   "drift:\n%1\n")
                        .arg(status.drift->error);
    else if (status.drift && status.drift->detected)
        text.err +=
            QStringLiteral("\nDrift detected: Your database schema is not in sync with your "
                           "migration history.\n%1")
                .arg(status.drift->summary);
    return text;
}

QString MigrateOutput::deployed(const DeployResult &result)
{
    if (result.appliedMigrationNames.isEmpty())
        return QStringLiteral("\nNo pending migrations to apply.\n");
    return QStringLiteral("\nThe following migration(s) have been applied:\n\n%1\n\n"
                          "All migrations have been successfully applied.\n")
        .arg(appliedTree(result.appliedMigrationNames));
}

QString MigrateOutput::devWarnings(const sql::ChangeDiagnostics &diagnostics)
{
    QString text = QStringLiteral("\n\u26A0\uFE0F  Warnings for the current datasource:\n\n");
    for (const sql::ChangeDiagnostics::Item &warning : diagnostics.warnings)
        text += QStringLiteral("  \u2022 ") + warning.description + QLatin1Char('\n');
    return text + QLatin1Char('\n');
}

QString MigrateOutput::devUnexecutable(const sql::ChangeDiagnostics &diagnostics)
{
    QStringList lines{QStringLiteral("\n\u26A0\uFE0F We found changes that cannot be executed:\n")};
    for (const sql::ChangeDiagnostics::Item &item : diagnostics.unexecutable)
        lines << QStringLiteral("  \u2022 Step %1 %2").arg(item.stepIndex).arg(item.description);
    return lines.join(QLatin1Char('\n'));
}

QString MigrateOutput::devUnexecutableError(const sql::ChangeDiagnostics &diagnostics) const
{
    return devUnexecutable(diagnostics) +
           QStringLiteral("\n\nYou can use %1 migrate dev --create-only to create the migration "
                          "file, and manually modify it to address the underlying issue(s).\n"
                          "Then run %1 migrate dev to apply it and verify it works.\n")
               .arg(m_command);
}

QString MigrateOutput::devResetNeeded(const MigrationTarget &target, const QString &reason)
{
    QString text = reason + QLatin1Char('\n');
    QString location;
    if (target.url.provider() == DatabaseUrl::Provider::SQLite) {
        text += QStringLiteral("We need to reset the SQLite database \"%1\" at \"%2\"\n")
                    .arg(sqliteFileName(target), target.urlText);
    } else {
        location = target.url.isUnixSocket()
                       ? QStringLiteral("unix:") + target.url.host()
                       : QStringLiteral("%1:%2").arg(target.url.host()).arg(target.url.port());
        text += QStringLiteral("We need to reset the \"%1\" schema at \"%2\"\n")
                    .arg(target.url.schema(), location);
    }
    // Gatehouse does not reset databases: Prisma's own command does.
    return text + QStringLiteral("\nYou may use prisma migrate reset to drop the development "
                                 "database.\nAll data will be lost.\n");
}

QString MigrateOutput::devNonInteractive() const
{
    return QStringLiteral("Prisma Migrate has detected that the environment is non-interactive, "
                          "which is not supported.\n\n"
                          "`%1 migrate dev` is an interactive command designed to create new "
                          "migrations and evolve the database in development.\n"
                          "To apply existing migrations in deployments, use %1 migrate deploy.\n"
                          "See https://pris.ly/d/migrate-deploy\n\n"
                          "Pass --yes to accept the warnings without a prompt.\n")
        .arg(m_command);
}

QString MigrateOutput::devCreated(const QString &migrationName) const
{
    return QStringLiteral("Prisma Migrate created the following migration without applying it "
                          "%1\n\nYou can now edit it and apply it by running %2 migrate dev.\n")
        .arg(migrationName, m_command);
}

QString MigrateOutput::devFinished(const QStringList &appliedNow, const QStringList &appliedBefore,
                                   const QString &root)
{
    QString text;
    if (!appliedBefore.isEmpty())
        text += QLatin1Char('\n');
    if (appliedNow.isEmpty()) {
        text += appliedBefore.isEmpty()
                    ? QStringLiteral("Already in sync, no schema change or pending migration was "
                                     "found.\n")
                    : QStringLiteral("Your database is now in sync with your schema.\n");
        return text + QLatin1Char('\n');
    }
    return text + QStringLiteral("\nThe following migration(s) have been created and applied from "
                                 "new schema changes:\n\n%1\n\n"
                                 "Your database is now in sync with your schema.\n\n")
                      .arg(appliedTree(appliedNow, root));
}

QString MigrateOutput::resolved(const QString &migrationName, bool applied)
{
    return QStringLiteral("\nMigration %1 marked as %2.\n\n")
        .arg(migrationName, applied ? QStringLiteral("applied") : QStringLiteral("rolled back"));
}

} // namespace gh
