#pragma once

#include <QString>

namespace gh {

/// An error with a stable code that tests and callers can switch on, and a human message
/// that says what went wrong and where. `detail` carries the lower-level cause (a driver
/// message, a file path) shown one click away in the GUI.
class Error
{
public:
    enum class Code {
        None,
        Cancelled,
        InvalidArgument,
        // DATABASE_URL and project resolution
        UrlMalformed,
        UrlUnsupportedScheme,
        UrlMissing,
        SchemaNotFound,
        // Files
        FileNotFound,
        FileUnreadable,
        FileUnwritable,
        // Database
        ConnectionFailed,
        QueryFailed,
        NotAuthJsDatabase,
        NotFound, // a record asked for by id, key or email does not exist
        ReadOnly,
        // Saved passwords (the system keyring)
        KeyringUnavailable, // no keyring service: passwords are not saved
        KeyringFailed,      // the keyring refused or failed
        // Schema language
        SchemaInvalid,
        // Migrations (MigrationErrors maps each to Prisma's P-code and wording)
        MigrationNeedsDirectConnection,
        MigrationLockTimeout,           // P1002
        MigrationProviderMismatch,      // P3019
        MigrationSchemaNotEmpty,        // P3005
        MigrationFailedMigrationsFound, // P3009
        MigrationApplyFailed,           // P3018
        MigrationNotFound,              // P3017
        MigrationAlreadyApplied,        // P3008
        MigrationNeverApplied,          // P3011
        MigrationNotFailed,             // P3012
        MigrationFileMissing,           // P3015
        MigrationNameTooLong,           // P3010
        MigrationShadowApplyFailed,     // P3006
        MigrationShadowCreateFailed,    // P3014
        MigrationDriftDetected,         // migrate dev: the database differs from the history
        MigrationUnexecutable,          // migrate dev: a step cannot run on this data
    };

    Error() = default;
    Error(Code code, QString message, QString detail = {})
        : m_code(code)
        , m_message(std::move(message))
        , m_detail(std::move(detail))
    {
    }

    Code code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &detail() const { return m_detail; }
    bool isError() const { return m_code != Code::None; }

    /// Prefixes the message with context, e.g. "Opening the demo project: <message>".
    Error wrapped(const QString &context) const
    {
        return Error(m_code, context + QStringLiteral(": ") + m_message, m_detail);
    }

    /// The message followed by the detail on its own line, when there is one.
    QString fullText() const
    {
        return m_detail.isEmpty() ? m_message : m_message + QLatin1Char('\n') + m_detail;
    }

    static QString codeName(Code code);

private:
    Code m_code = Code::None;
    QString m_message;
    QString m_detail;
};

} // namespace gh
