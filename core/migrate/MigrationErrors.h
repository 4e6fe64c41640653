#pragma once

#include "core/common/Error.h"
#include "core/migrate/MigrationRecord.h"

#include <QVector>

namespace gh {

/// The errors of Migrate, worded as Prisma's schema engine words them (user-facing-errors in
/// prisma-engines), so that people and scripts recognise them. Each Error::Code maps to one
/// Prisma code; the CLI prints them as Prisma does: "Error: P3009\n\n<message>".
class MigrationErrors
{
public:
    /// "P3009" etc., or empty for codes Prisma has no counterpart for.
    static QString prismaCode(Error::Code code);

    static Error providerMismatch(const QString &provider, const QString &lockProvider);
    static Error schemaNotEmpty();
    /// `failed` are the failed rows; their logs go to the detail (Prisma 7 does not print them).
    static Error failedMigrationsFound(const QVector<MigrationRecord> &failed);
    /// `databaseError` is the database's own text; `databaseCode` its SQLSTATE (or "none").
    static Error applyFailed(const QString &migrationName, const QString &databaseCode,
                             const QString &databaseError);
    static Error notFoundLocally(const QString &migrationName);
    static Error alreadyApplied(const QString &migrationName);
    static Error neverApplied(const QString &migrationName);
    static Error notFailed(const QString &migrationName);
    static Error fileMissing(const QString &path);
    static Error nameTooLong();
    /// A database error as Prisma prints it: the SQLSTATE (`none` when unknown) and the
    /// server's message with the severity written `ERROR: x`.
    static void splitDatabaseError(const Error &error, QString *code, QString *text);
    /// P3006: a migration does not apply to a fresh database (the shadow database).
    static Error shadowApplyFailed(const QString &migrationName, const Error &cause);
    /// P3014: no shadow database could be created.
    static Error shadowCreateFailed(const Error &cause);
    /// `holder` names who holds the lock (detail), empty when unknown.
    static Error lockTimeout(int timeoutMs, const QString &holder);
    static Error needsDirectConnection();
};

} // namespace gh
