#pragma once

#include "core/common/Result.h"
#include "core/url/DatabaseUrl.h"

#include <QString>

namespace gh {

/// "Test connection": opens the database the URL names, asks its version and, for PostgreSQL,
/// whether the connection is encrypted. Blocking: run it off the GUI thread.
class ConnectionCheck
{
public:
    struct Report
    {
        /// "PostgreSQL 15.18" / "SQLite 3.40.1".
        QString serverVersion;
        /// PostgreSQL: the server sees this connection encrypted (pg_stat_ssl).
        bool ssl = false;
        /// "TLSv1.3" when ssl.
        QString sslProtocol;
        /// One line for people: "Connected: PostgreSQL 15.18, SSL (TLSv1.3)".
        QString summary() const;
    };

    /// Errors: ConnectionFailed (when the cause is SSL, the message starts "SSL:" and says what
    /// to check; libpq's own words are the detail, redacted), FileNotFound (SQLite), QueryFailed.
    static Result<Report> run(const DatabaseUrl &url);
};

} // namespace gh
