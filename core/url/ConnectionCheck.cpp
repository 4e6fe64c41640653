#include "core/url/ConnectionCheck.h"

#include "core/db/Database.h"

namespace gh {

namespace {

// libpq says what failed in its last line ("SSL error: certificate verify failed", "server
// certificate for "localhost" does not match host name "127.0.0.1""); put it in words that
// name SSL and the setting to look at.
Error explainSsl(const Error &error, const DatabaseUrl &url)
{
    const QString detail = error.detail();
    const bool ssl = detail.contains(QLatin1String("SSL"), Qt::CaseInsensitive) ||
                     detail.contains(QLatin1String("certificate"), Qt::CaseInsensitive);
    if (error.code() != Error::Code::ConnectionFailed || !ssl ||
        error.message().startsWith(QLatin1String("SSL: ")))
        return error;
    QString hint;
    if (detail.contains(QLatin1String("does not match host name")))
        hint = QStringLiteral("the server's certificate is not issued for the host '%1' "
                              "(verify-full checks the name)")
                   .arg(url.host());
    else if (detail.contains(QLatin1String("certificate verify failed")))
        hint = QStringLiteral("the server's certificate is not signed by the CA certificate "
                              "given (sslcert)");
    else if (detail.contains(QLatin1String("does not support SSL")))
        hint = QStringLiteral("the server does not accept SSL connections (sslmode=%1)")
                   .arg(url.sslMode());
    else if (detail.contains(QLatin1String("root certificate file")))
        hint = QStringLiteral("the CA certificate file cannot be read (sslmode=%1 needs one)")
                   .arg(url.sslMode());
    else if (detail.contains(QLatin1String("private key")) ||
             detail.contains(QLatin1String("client certificate")))
        hint = QStringLiteral("the client certificate or its key cannot be used");
    else
        hint = QStringLiteral("the encrypted connection could not be set up (sslmode=%1)")
                   .arg(url.sslMode());
    return Error(Error::Code::ConnectionFailed,
                 QStringLiteral("SSL: %1. %2").arg(hint, error.message()), detail);
}

} // namespace

QString ConnectionCheck::Report::summary() const
{
    QString text = QStringLiteral("Connected: %1").arg(serverVersion);
    if (ssl)
        text += sslProtocol.isEmpty() ? QStringLiteral(", SSL")
                                      : QStringLiteral(", SSL (%1)").arg(sslProtocol);
    return text;
}

Result<ConnectionCheck::Report> ConnectionCheck::run(const DatabaseUrl &url)
{
    auto database = Database::open(url);
    if (!database)
        return explainSsl(database.error(), url);
    Report report;
    auto version = (*database)->serverVersion();
    if (!version)
        return version.error();
    report.serverVersion = *version;
    if ((*database)->dialect() == SqlDialect::PostgreSQL) {
        // Through PgBouncer this is the pooler's own connection to the server.
        auto ssl = (*database)->query(SqlStatement(
            SqlDialect::PostgreSQL,
            QStringLiteral("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")));
        if (ssl && !ssl->isEmpty()) {
            report.ssl = ssl->value(0, 0).toBool();
            report.sslProtocol = ssl->value(0, 1).toString();
        }
    }
    return report;
}

} // namespace gh
