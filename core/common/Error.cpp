#include "core/common/Error.h"

namespace gh {

QString Error::codeName(Code code)
{
    switch (code) {
    case Code::None: return QStringLiteral("none");
    case Code::Cancelled: return QStringLiteral("cancelled");
    case Code::InvalidArgument: return QStringLiteral("invalid-argument");
    case Code::UrlMalformed: return QStringLiteral("url-malformed");
    case Code::UrlUnsupportedScheme: return QStringLiteral("url-unsupported-scheme");
    case Code::UrlMissing: return QStringLiteral("url-missing");
    case Code::SchemaNotFound: return QStringLiteral("schema-not-found");
    case Code::FileNotFound: return QStringLiteral("file-not-found");
    case Code::FileUnreadable: return QStringLiteral("file-unreadable");
    case Code::FileUnwritable: return QStringLiteral("file-unwritable");
    case Code::ConnectionFailed: return QStringLiteral("connection-failed");
    case Code::QueryFailed: return QStringLiteral("query-failed");
    case Code::NotAuthJsDatabase: return QStringLiteral("not-authjs-database");
    case Code::NotFound: return QStringLiteral("not-found");
    case Code::ReadOnly: return QStringLiteral("read-only");
    case Code::KeyringUnavailable: return QStringLiteral("keyring-unavailable");
    case Code::KeyringFailed: return QStringLiteral("keyring-failed");
    case Code::SchemaInvalid: return QStringLiteral("schema-invalid");
    case Code::MigrationNeedsDirectConnection: return QStringLiteral("migration-needs-direct-connection");
    case Code::MigrationLockTimeout: return QStringLiteral("migration-lock-timeout");
    case Code::MigrationProviderMismatch: return QStringLiteral("migration-provider-mismatch");
    case Code::MigrationSchemaNotEmpty: return QStringLiteral("migration-schema-not-empty");
    case Code::MigrationFailedMigrationsFound: return QStringLiteral("migration-failed-migrations-found");
    case Code::MigrationApplyFailed: return QStringLiteral("migration-apply-failed");
    case Code::MigrationNotFound: return QStringLiteral("migration-not-found");
    case Code::MigrationAlreadyApplied: return QStringLiteral("migration-already-applied");
    case Code::MigrationNeverApplied: return QStringLiteral("migration-never-applied");
    case Code::MigrationNotFailed: return QStringLiteral("migration-not-failed");
    case Code::MigrationFileMissing: return QStringLiteral("migration-file-missing");
    case Code::MigrationNameTooLong: return QStringLiteral("migration-name-too-long");
    case Code::MigrationShadowApplyFailed: return QStringLiteral("migration-shadow-apply-failed");
    case Code::MigrationShadowCreateFailed: return QStringLiteral("migration-shadow-create-failed");
    case Code::MigrationDriftDetected: return QStringLiteral("migration-drift-detected");
    case Code::MigrationUnexecutable: return QStringLiteral("migration-unexecutable");
    }
    return QStringLiteral("unknown");
}

} // namespace gh
