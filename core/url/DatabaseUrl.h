#pragma once

#include "core/common/Result.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace gh {

/// A database URL as Prisma reads it: `postgresql://` / `postgres://` (Prisma's superset of
/// libpq's URI) or `file:` (SQLite). parse() checks every part and names the wrong one;
/// libpqParameters() translates Prisma's parameters into what libpq understands.
///
/// Nothing here returns the password in display text: use redacted() for that. Only
/// password(), libpqParameters(), libpqConnectionString() and toString() hold it.
class DatabaseUrl
{
public:
    enum class Provider { PostgreSQL, SQLite };

    static constexpr int DefaultPort = 5432;
    static constexpr int DefaultConnectTimeout = 5;

    /// An empty URL (isNull()); use parse() to make a real one.
    DatabaseUrl() = default;

    /// Parses `url`. Relative paths (`file:./dev.db`, `?sslcert=`) are resolved against
    /// `baseDirectory`, the folder of the schema file (the current directory when empty).
    /// Errors: UrlMalformed (the message names the wrong part, never the password),
    /// UrlUnsupportedScheme (mysql, mongodb, sqlserver, prisma...).
    static Result<DatabaseUrl> parse(const QString &url, const QString &baseDirectory = QString());

    bool isNull() const { return m_text.isEmpty(); }
    Provider provider() const { return m_provider; }
    /// The scheme as written, lower-cased: "postgresql", "postgres" or "file".
    QString scheme() const { return m_scheme; }

    // PostgreSQL; every part percent-decoded.
    /// The `?host=` query parameter when present (a Unix socket directory), else the URL's host
    /// without IPv6 brackets, else "localhost".
    QString host() const { return m_host; }
    /// True when host() is a Unix socket directory (it starts with '/').
    bool isUnixSocket() const { return m_host.startsWith(QLatin1Char('/')); }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    /// Sensitive.
    QString password() const { return m_password; }
    bool hasPassword() const { return m_hasPassword; }
    /// "postgres" when the URL names none (Prisma's default; libpq would use the user name).
    QString database() const { return m_database; }
    /// `?schema=`, "public" by default. Prisma sets search_path to exactly this schema.
    QString schema() const { return m_schema; }
    /// `?pgbouncer=true`: no named prepared statements and no session state.
    bool pgbouncer() const { return m_pgbouncer; }
    /// Seconds; 0 means no timeout.
    int connectTimeout() const { return m_connectTimeout; }
    /// libpq's sslmode after translating Prisma's `sslmode` and `sslaccept`.
    QString sslMode() const { return m_sslMode; }
    /// True for `sslaccept=strict` (the certificate must be valid).
    bool sslAcceptStrict() const { return m_sslAcceptStrict; }
    /// Prisma's `sslcert` (the server's CA certificate), absolute; libpq's `sslrootcert`.
    QString sslRootCert() const { return m_sslRootCert; }
    /// `?sslclientcert=` / `?sslclientkey=`: a PEM client certificate and its key, absolute;
    /// libpq's `sslcert` / `sslkey`. Gatehouse's own parameters: Prisma has no PEM client
    /// certificate (its `sslcert` is the CA, its `sslidentity` a PKCS#12 file) and ignores
    /// parameters it does not know.
    QString sslClientCert() const { return m_sslClientCert; }
    QString sslClientKey() const { return m_sslClientKey; }
    /// Prisma's `?sslidentity=`: a PKCS#12 client identity, absolute. libpq cannot read one:
    /// the PostgreSQL backend converts it (ClientIdentity) and connects through
    /// withClientCertificate().
    QString sslIdentity() const { return m_sslIdentity; }
    /// Prisma's `?sslpassword=`: the PKCS#12 identity's password. Sensitive.
    QString sslIdentityPassword() const { return m_sslIdentityPassword; }
    /// A copy that logs in with a PEM certificate and key instead of the PKCS#12 identity;
    /// `keyPassphrase` (sensitive) decrypts the key and reaches libpq as its `sslpassword`.
    DatabaseUrl withClientCertificate(const QString &certificateFile, const QString &keyFile,
                                      const QString &keyPassphrase) const;
    QString applicationName() const { return m_applicationName; }
    QString options() const { return m_options; }
    QString channelBinding() const { return m_channelBinding; }

    /// libpq keyword → value: host, port, dbname, user, password (when given), sslmode,
    /// connect_timeout (always, libpq's own default waits forever), sslrootcert, sslcert,
    /// sslkey, sslpassword (only after withClientCertificate()), application_name, options,
    /// channel_binding. Never `schema`, `pgbouncer` or `sslidentity`.
    /// Sensitive.
    QMap<QString, QString> libpqParameters() const;
    /// libpqParameters() as a conninfo string, every value single-quoted. Sensitive.
    QString libpqConnectionString() const;
    /// One conninfo value in libpq's quoting: 'value' with ' and \ escaped by a backslash.
    static QString quoteLibpqValue(const QString &value);

    // SQLite
    /// The database file, absolute and cleaned.
    QString sqliteFilePath() const { return m_sqliteFilePath; }

    /// Parameters that were ignored or adjusted (unknown names, unsupported values); names and
    /// values only, never the password.
    QStringList warnings() const { return m_warnings; }

    /// The URL for display: the password replaced by `****`, the user kept.
    QString redacted() const;
    /// The URL exactly as given. Sensitive: it holds the password. Never display or log it.
    QString toString() const { return m_text; }

private:
    /// `restOffset`: where `rest` starts in the URL's text.
    static Status parsePostgres(DatabaseUrl &url, const QString &rest, qsizetype restOffset,
                                const QString &baseDirectory);
    static Status parseSqlite(DatabaseUrl &url, const QString &rest, const QString &baseDirectory);
    Status applyParameter(const QString &key, const QString &value, const QString &baseDirectory);

    QString m_text;
    QString m_scheme;
    Provider m_provider = Provider::PostgreSQL;
    QString m_host = QStringLiteral("localhost");
    int m_port = DefaultPort;
    QString m_user;
    QString m_password;
    bool m_hasPassword = false;
    /// The password as written in m_text, for redacted(): masked where the parser found it,
    /// whatever surrounds it.
    qsizetype m_passwordStart = 0;
    qsizetype m_passwordLength = 0;
    QString m_database = QStringLiteral("postgres");
    QString m_schema = QStringLiteral("public");
    bool m_pgbouncer = false;
    int m_connectTimeout = DefaultConnectTimeout;
    QString m_sslMode = QStringLiteral("prefer");
    bool m_sslAcceptStrict = false;
    QString m_sslRootCert;
    QString m_sslClientCert;
    QString m_sslClientKey;
    QString m_sslIdentity;
    QString m_sslIdentityPassword;
    QString m_sslKeyPassphrase; // decrypts m_sslClientKey; set by withClientCertificate()
    QString m_applicationName;
    QString m_options;
    QString m_channelBinding;
    QString m_prismaSslMode = QStringLiteral("prefer");
    QString m_queryHost;
    QString m_sqliteFilePath;
    QStringList m_warnings;
};

} // namespace gh
