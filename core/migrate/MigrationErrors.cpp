#include "core/migrate/MigrationErrors.h"

#include <QRegularExpression>

namespace gh {

namespace {

const QLatin1String kResolveDocs("Read more about how to resolve migration issues in a production "
                                 "database: https://pris.ly/d/migrate-resolve");

} // namespace

QString MigrationErrors::prismaCode(Error::Code code)
{
    switch (code) {
    case Error::Code::MigrationLockTimeout:
        return QStringLiteral("P1002");
    case Error::Code::MigrationSchemaNotEmpty:
        return QStringLiteral("P3005");
    case Error::Code::MigrationAlreadyApplied:
        return QStringLiteral("P3008");
    case Error::Code::MigrationFailedMigrationsFound:
        return QStringLiteral("P3009");
    case Error::Code::MigrationNameTooLong:
        return QStringLiteral("P3010");
    case Error::Code::MigrationNeverApplied:
        return QStringLiteral("P3011");
    case Error::Code::MigrationNotFailed:
        return QStringLiteral("P3012");
    case Error::Code::MigrationFileMissing:
        return QStringLiteral("P3015");
    case Error::Code::MigrationNotFound:
        return QStringLiteral("P3017");
    case Error::Code::MigrationApplyFailed:
        return QStringLiteral("P3018");
    case Error::Code::MigrationProviderMismatch:
        return QStringLiteral("P3019");
    case Error::Code::MigrationShadowApplyFailed:
        return QStringLiteral("P3006");
    case Error::Code::MigrationShadowCreateFailed:
        return QStringLiteral("P3014");
    default:
        return QString();
    }
}

Error MigrationErrors::providerMismatch(const QString &provider, const QString &lockProvider)
{
    QString message =
        QStringLiteral("The datasource provider `%1` specified in your schema does not "
                       "match the one specified in the migration_lock.toml, `%2`. ")
            .arg(provider, lockProvider);
    if (provider == QLatin1String("cockroachdb") && lockProvider == QLatin1String("postgresql"))
        message += QStringLiteral("Check out the following documentation for how to resolve this: "
                                  "https://pris.ly/d/cockroachdb-postgresql-provider");
    else
        message += QStringLiteral("Please remove your current migration directory and start a new "
                                  "migration history with prisma migrate dev. Read more: "
                                  "https://pris.ly/d/migrate-provider-switch");
    return Error(Error::Code::MigrationProviderMismatch, message);
}

Error MigrationErrors::schemaNotEmpty()
{
    return Error(
        Error::Code::MigrationSchemaNotEmpty,
        QStringLiteral("The database schema is not empty. Read more about how to baseline "
                       "an existing production database: https://pris.ly/d/migrate-baseline"));
}

Error MigrationErrors::failedMigrationsFound(const QVector<MigrationRecord> &failed)
{
    QString message = QStringLiteral("migrate found failed migrations in the target database, new "
                                     "migrations will not be applied. ") +
                      kResolveDocs + QLatin1Char('\n');
    QStringList logs;
    for (const MigrationRecord &record : failed) {
        message += QStringLiteral("The `%1` migration started at %2 failed\n")
                       .arg(record.migrationName, record.startedAtText());
        if (!record.logs.trimmed().isEmpty())
            logs << QStringLiteral("%1:\n%2").arg(record.migrationName, record.logs.trimmed());
    }
    return Error(Error::Code::MigrationFailedMigrationsFound, message,
                 logs.join(QStringLiteral("\n\n")));
}

Error MigrationErrors::applyFailed(const QString &migrationName, const QString &databaseCode,
                                   const QString &databaseError)
{
    return Error(
        Error::Code::MigrationApplyFailed,
        QStringLiteral("A migration failed to apply. New migrations cannot be applied before "
                       "the error is recovered from. ") +
            kResolveDocs +
            QStringLiteral("\n\nMigration name: %1\n\nDatabase error code: %2\n\nDatabase "
                           "error:\n%3\n")
                .arg(migrationName, databaseCode, databaseError));
}

Error MigrationErrors::notFoundLocally(const QString &migrationName)
{
    return Error(Error::Code::MigrationNotFound,
                 QStringLiteral("The migration %1 could not be found. Please make sure that the "
                                "migration exists, and that you included the whole name of the "
                                "directory. (example: \"20201207184859_initial_migration\")")
                     .arg(migrationName));
}

Error MigrationErrors::alreadyApplied(const QString &migrationName)
{
    return Error(
        Error::Code::MigrationAlreadyApplied,
        QStringLiteral("The migration `%1` is already recorded as applied in the database.")
            .arg(migrationName));
}

Error MigrationErrors::neverApplied(const QString &migrationName)
{
    return Error(Error::Code::MigrationNeverApplied,
                 QStringLiteral("Migration `%1` cannot be rolled back because it was never applied "
                                "to the database. Hint: did you pass in the whole migration name? "
                                "(example: \"20201207184859_initial_migration\")")
                     .arg(migrationName));
}

Error MigrationErrors::notFailed(const QString &migrationName)
{
    return Error(
        Error::Code::MigrationNotFailed,
        QStringLiteral("Migration `%1` cannot be rolled back because it is not in a failed "
                       "state.")
            .arg(migrationName));
}

Error MigrationErrors::fileMissing(const QString &path)
{
    return Error(Error::Code::MigrationFileMissing,
                 QStringLiteral("Could not find the migration file at %1. Please delete the "
                                "directory or restore the migration file.")
                     .arg(path));
}

Error MigrationErrors::nameTooLong()
{
    return Error(Error::Code::MigrationNameTooLong,
                 QStringLiteral("The name of the migration is too long. It must not be longer than "
                                "200 characters (bytes)."));
}

Error MigrationErrors::lockTimeout(int timeoutMs, const QString &holder)
{
    // Prisma 7's wording (P1002 from the advisory lock), one line per sentence.
    return Error(
        Error::Code::MigrationLockTimeout,
        QStringLiteral("The database server was reached but timed out.\n"
                       "Please try again.\n"
                       "Please make sure your database server is running at the configured "
                       "address.\n"
                       "Context: Timed out trying to acquire a postgres advisory lock "
                       "(SELECT pg_advisory_lock(72707369)). Timeout: %1ms. See "
                       "https://pris.ly/d/migrate-advisory-locking for details.")
            .arg(timeoutMs),
        holder);
}

Error MigrationErrors::needsDirectConnection()
{
    return Error(
        Error::Code::MigrationNeedsDirectConnection,
        QStringLiteral("Migrations need a direct connection to PostgreSQL, but this URL has "
                       "pgbouncer=true."),
        QStringLiteral("PgBouncer in transaction mode hands each transaction to any server "
                       "connection, so the session advisory lock that keeps two deploys "
                       "apart means nothing through it. Use a URL that connects to "
                       "PostgreSQL directly (Prisma's directUrl), e.g. with --url."));
}

// The PostgreSQL backend reports "SQLSTATE 42P07: ERROR:  relation ... already exists".
void MigrationErrors::splitDatabaseError(const Error &error, QString *code, QString *text)
{
    static const QRegularExpression sqlState(QStringLiteral("^SQLSTATE ([0-9A-Z]{5}): (.*)$"),
                                             QRegularExpression::DotMatchesEverythingOption);
    const QString detail = error.detail().isEmpty() ? error.message() : error.detail();
    const auto match = sqlState.match(detail);
    if (match.hasMatch()) {
        *code = match.captured(1);
        *text = match.captured(2);
    } else {
        *code = QStringLiteral("none");
        *text = detail;
    }
    // libpq pads the severity ("ERROR:  x"); Prisma's driver prints "ERROR: x".
    static const QRegularExpression severity(QStringLiteral("^(ERROR|FATAL|PANIC):  "));
    text->replace(severity, QStringLiteral("\\1: "));
}

Error MigrationErrors::shadowApplyFailed(const QString &migrationName, const Error &cause)
{
    QString code;
    QString text;
    splitDatabaseError(cause, &code, &text);
    return Error(Error::Code::MigrationShadowApplyFailed,
                 QStringLiteral("Migration `%1` failed to apply cleanly to the shadow database. \n"
                                "Error code: P3018\nError:\n%2")
                     .arg(migrationName, text));
}

Error MigrationErrors::shadowCreateFailed(const Error &cause)
{
    return Error(Error::Code::MigrationShadowCreateFailed,
                 QStringLiteral("Prisma Migrate could not create the shadow database. Please make "
                                "sure the database user has permission to create databases. Read "
                                "more about the shadow database (and workarounds) at "
                                "https://pris.ly/d/migrate-shadow\n\nOriginal error: \n%1")
                     .arg(cause.detail().isEmpty() ? cause.message() : cause.detail()));
}

} // namespace gh
