#include "core/url/DatabaseUrl.h"

#include "core/url/UrlRedaction.h"

#include <QDir>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>
#include <limits>
#include <optional>

namespace gh {

namespace {

Error malformed(const QString &message)
{
    return Error(Error::Code::UrlMalformed, message);
}

enum class DecodeProblem { None, BadEscape, BadUtf8 };

// Strict percent-decoding for the user, password and database: "%zz" and bytes that are not
// UTF-8 are errors, because Prisma would send something else than what the user meant.
DecodeProblem percentDecode(const QString &in, QString &out, QString *badEscape = nullptr)
{
    static const QRegularExpression invalidEscape(QStringLiteral("%(?![0-9A-Fa-f]{2}).{0,2}"));
    if (const auto match = invalidEscape.match(in); match.hasMatch()) {
        if (badEscape)
            *badEscape = match.captured();
        return DecodeProblem::BadEscape;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    out = decoder.decode(QByteArray::fromPercentEncoding(in.toUtf8()));
    return decoder.hasError() ? DecodeProblem::BadUtf8 : DecodeProblem::None;
}

// Query parameters are decoded like Prisma's (application/x-www-form-urlencoded): '+' is a
// space and a stray '%' stays as it is.
QString formDecode(QString text)
{
    return QUrl::fromPercentEncoding(text.replace(QLatin1Char('+'), QLatin1Char(' ')).toUtf8());
}

// `part` names the part in messages; secret parts are never quoted back.
Result<QString> decodeComponent(const QString &raw, const QString &part, bool secret)
{
    QString decoded;
    QString badEscape;
    switch (percentDecode(raw, decoded, &badEscape)) {
    case DecodeProblem::None:
        return decoded;
    case DecodeProblem::BadEscape:
        return malformed(
            QStringLiteral(
                "the %1 has an invalid percent-encoding%2: a '%' must be followed by two "
                "hexadecimal digits (write %25 for a literal '%')")
                .arg(part, secret ? QString() : QStringLiteral(" ('%1')").arg(badEscape)));
    case DecodeProblem::BadUtf8:
        return malformed(
            QStringLiteral("the %1 is not valid UTF-8 once percent-decoded").arg(part));
    }
    return decoded;
}

std::optional<int> parseWholeNumber(const QString &text, qint64 maximum)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
    if (!digits.match(text).hasMatch() || text.toLongLong() > maximum)
        return std::nullopt;
    return int(text.toLongLong());
}

bool isValidIpv6(const QString &address)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9._~-]+)?$"));
    return pattern.match(address).hasMatch();
}

Status checkHostCharacters(const QString &host)
{
    for (const QChar c : host) {
        if (c.isSpace() || QStringView(u"<>\"\\^`{|}%[]@").contains(c))
            return malformed(
                QStringLiteral("the host '%1' contains '%2', which is not allowed in a host name")
                    .arg(host, c));
    }
    return success();
}

const QStringList &unsupportedSchemes()
{
    static const QStringList schemes{
        QStringLiteral("mysql"),     QStringLiteral("mariadb"),
        QStringLiteral("mongodb"),   QStringLiteral("mongodb+srv"),
        QStringLiteral("sqlserver"), QStringLiteral("cockroachdb"),
        QStringLiteral("prisma"),    QStringLiteral("prisma+postgres"),
    };
    return schemes;
}

// Prisma's client and pool settings: checked like Prisma checks them, then dropped.
const QStringList &poolParameters()
{
    static const QStringList names{
        QStringLiteral("socket_timeout"),          QStringLiteral("pool_timeout"),
        QStringLiteral("connection_limit"),        QStringLiteral("statement_cache_size"),
        QStringLiteral("max_connection_lifetime"), QStringLiteral("max_idle_connection_lifetime"),
    };
    return names;
}

QString resolvePath(const QString &path, const QString &baseDirectory)
{
    const QDir base(baseDirectory.isEmpty() ? QDir::currentPath()
                                            : QDir(baseDirectory).absolutePath());
    return QDir::cleanPath(base.absoluteFilePath(path));
}

struct QueryPair
{
    QString key;
    QString value;
};

QList<QueryPair> splitQuery(const QString &query)
{
    QList<QueryPair> pairs;
    const QStringList pieces = query.split(QLatin1Char('&'), Qt::SkipEmptyParts);
    for (const QString &piece : pieces) {
        const qsizetype eq = piece.indexOf(QLatin1Char('='));
        pairs.append({formDecode(eq < 0 ? piece : piece.left(eq)),
                      eq < 0 ? QString() : formDecode(piece.mid(eq + 1))});
    }
    return pairs;
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text, const QString &baseDirectory)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return malformed(QStringLiteral("the database URL is empty"));

    static const QRegularExpression schemePattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*):"));
    const auto schemeMatch = schemePattern.match(trimmed);
    if (!schemeMatch.hasMatch())
        return malformed(QStringLiteral("the database URL has no scheme: expected postgresql://, "
                                        "postgres:// or file:"));
    const QString scheme = schemeMatch.captured(1).toLower();
    const QString rest = trimmed.mid(schemeMatch.capturedLength());

    DatabaseUrl url;
    url.m_text = text;
    url.m_scheme = scheme;
    Status parsed = success();
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        url.m_provider = Provider::PostgreSQL;
        const qsizetype leading = text.indexOf(trimmed.front());
        parsed = parsePostgres(url, rest, leading + schemeMatch.capturedLength(), baseDirectory);
    } else if (scheme == QLatin1String("file")) {
        url.m_provider = Provider::SQLite;
        parsed = parseSqlite(url, rest, baseDirectory);
    } else if (unsupportedSchemes().contains(scheme)) {
        const QString hint = scheme.startsWith(QLatin1String("prisma"))
                                 ? QStringLiteral(" (Prisma Accelerate): use the direct "
                                                  "postgresql:// URL of the database")
                                 : QStringLiteral(": Gatehouse opens PostgreSQL (postgresql://, "
                                                  "postgres://) and SQLite (file:) databases");
        return Error(Error::Code::UrlUnsupportedScheme,
                     QStringLiteral("%1:// URLs are not supported yet%2").arg(scheme, hint));
    } else {
        return malformed(QStringLiteral("the scheme '%1' is not a database URL scheme: expected "
                                        "postgresql://, postgres:// or file:")
                             .arg(scheme));
    }
    if (!parsed)
        return parsed.error();
    return url;
}

Status DatabaseUrl::parsePostgres(DatabaseUrl &url, const QString &rest, qsizetype restOffset,
                                  const QString &baseDirectory)
{
    if (!rest.startsWith(QLatin1String("//")))
        return malformed(QStringLiteral("expected '//' after the scheme '%1:' (like "
                                        "%1://user:password@host:5432/database)")
                             .arg(url.m_scheme));
    const QString afterSlashes = rest.mid(2);
    static const QRegularExpression authorityEndPattern(QStringLiteral("[/?#]"));
    qsizetype authorityEnd = afterSlashes.indexOf(authorityEndPattern);
    if (authorityEnd < 0)
        authorityEnd = afterSlashes.size();
    const QString authority = afterSlashes.left(authorityEnd);
    QString remainder = afterSlashes.mid(authorityEnd);
    const qsizetype fragment = remainder.indexOf(QLatin1Char('#'));
    const qsizetype queryStart = remainder.indexOf(QLatin1Char('?'));
    const QString path = remainder.left(queryStart >= 0 ? queryStart
                                        : fragment >= 0 ? fragment
                                                        : remainder.size());

    // An '@' after the host means the user or password holds an unencoded '/', '?' or '#'
    // that cut the authority short. Say so before anything quotes a piece of the password.
    static const QRegularExpression portLike(QStringLiteral("^[^:]*(:[0-9]*)?$"));
    const bool authorityHasUser = authority.contains(QLatin1Char('@'));
    if (path.contains(QLatin1Char('@')) ||
        (!authorityHasUser && remainder.contains(QLatin1Char('@')) &&
         !authority.startsWith(QLatin1Char('[')) && !portLike.match(authority).hasMatch()))
        return malformed(QStringLiteral(
            "the URL has an '@' after the host: a '/', '?' or '#' in the user or password must be "
            "percent-encoded (%2F, %3F, %23), and an '@' in the database name written %40"));
    if (fragment >= 0)
        remainder.truncate(fragment);

    // user:password@host:port
    QString hostPort = authority;
    if (authorityHasUser) {
        const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
        const QString userinfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        const qsizetype colon = userinfo.indexOf(QLatin1Char(':'));
        auto user = decodeComponent(colon < 0 ? userinfo : userinfo.left(colon),
                                    QStringLiteral("user name"), false);
        if (!user)
            return user.error();
        url.m_user = *user;
        if (colon >= 0) {
            auto password =
                decodeComponent(userinfo.mid(colon + 1), QStringLiteral("password"), true);
            if (!password)
                return password.error();
            url.m_password = *password;
            url.m_hasPassword = true;
            url.m_passwordStart = restOffset + 2 + colon + 1; // after "//" and "user:"
            url.m_passwordLength = userinfo.size() - colon - 1;
        }
    }

    QString host;
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return malformed(QStringLiteral("the IPv6 host '%1' has no closing ']'").arg(hostPort));
        host = hostPort.mid(1, close - 1).replace(QLatin1String("%25"), QLatin1String("%"));
        if (!isValidIpv6(host))
            return malformed(QStringLiteral("the host '%1' is not an IPv6 address")
                                 .arg(hostPort.left(close + 1)));
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(':')))
            return malformed(QStringLiteral("unexpected '%1' after the IPv6 host '%2'")
                                 .arg(after, hostPort.left(close + 1)));
        portText = after.mid(1);
    } else {
        if (hostPort.contains(QLatin1Char(',')))
            return malformed(
                QStringLiteral(
                    "several hosts ('%1') are not supported: Prisma connects to one host")
                    .arg(hostPort));
        if (hostPort.count(QLatin1Char(':')) > 1)
            return malformed(QStringLiteral("the host '%1' looks like an IPv6 address: write it "
                                            "in brackets, like [::1]:5432")
                                 .arg(hostPort));
        const qsizetype colon = hostPort.indexOf(QLatin1Char(':'));
        host = colon < 0 ? hostPort : hostPort.left(colon);
        portText = colon < 0 ? QString() : hostPort.mid(colon + 1);
        const Status characters = checkHostCharacters(host);
        if (!characters)
            return characters;
    }
    if (host.isEmpty() && !authority.isEmpty())
        return malformed(QStringLiteral("the host is empty: write localhost (for a Unix socket: "
                                        "localhost and ?host=/var/run/postgresql)"));
    url.m_host = host.isEmpty() ? QStringLiteral("localhost") : host;
    if (!portText.isEmpty()) {
        const auto port = parseWholeNumber(portText, 65535);
        if (!port || *port == 0)
            return malformed(
                QStringLiteral("port '%1' is not a number between 1 and 65535").arg(portText));
        url.m_port = *port;
    }

    // /database: the first path segment, like Prisma; "postgres" when there is none.
    const QStringList segments = path.mid(1).split(QLatin1Char('/'));
    auto database = decodeComponent(segments.value(0), QStringLiteral("database name"), false);
    if (!database)
        return database.error();
    if (!database->isEmpty())
        url.m_database = *database;
    if (segments.size() > 1 && !segments.mid(1).join(QString()).isEmpty())
        url.m_warnings << QStringLiteral("the path after the database name ('/%1') is ignored")
                              .arg(segments.mid(1).join(QLatin1Char('/')));

    if (queryStart >= 0) {
        for (const QueryPair &pair : splitQuery(remainder.mid(queryStart + 1))) {
            const Status applied = url.applyParameter(pair.key, pair.value, baseDirectory);
            if (!applied)
                return applied;
        }
    }
    if (!url.m_queryHost.isEmpty())
        url.m_host = url.m_queryHost;
    if (!url.m_sslIdentity.isEmpty() &&
        !(url.m_sslClientCert.isEmpty() && url.m_sslClientKey.isEmpty()))
        return malformed(QStringLiteral("sslidentity (a PKCS#12 file) and sslclientcert/"
                                        "sslclientkey (PEM files) both name a client "
                                        "certificate: give one of them"));
    if (url.m_sslIdentity.isEmpty() && !url.m_sslIdentityPassword.isEmpty())
        url.m_warnings << QStringLiteral("sslpassword is ignored without sslidentity");

    // sslaccept=strict asks for a verified certificate: libpq's verify-full.
    url.m_sslMode = url.m_prismaSslMode;
    if (url.m_sslAcceptStrict &&
        (url.m_sslMode == QLatin1String("prefer") || url.m_sslMode == QLatin1String("require")))
        url.m_sslMode = QStringLiteral("verify-full");
    return success();
}

Status DatabaseUrl::applyParameter(const QString &key, const QString &value,
                                   const QString &baseDirectory)
{
    if (key == QLatin1String("schema")) {
        if (value.isEmpty())
            m_warnings << QStringLiteral("the schema parameter is empty; using 'public'");
        m_schema = value.isEmpty() ? QStringLiteral("public") : value;
    } else if (key == QLatin1String("sslmode")) {
        static const QStringList modes{QStringLiteral("disable"), QStringLiteral("prefer"),
                                       QStringLiteral("require"), QStringLiteral("verify-ca"),
                                       QStringLiteral("verify-full")};
        if (modes.contains(value)) {
            m_prismaSslMode = value;
        } else {
            m_prismaSslMode = QStringLiteral("prefer");
            m_warnings << QStringLiteral("sslmode '%1' is not one of %2; using 'prefer' as Prisma "
                                         "does")
                              .arg(value, modes.join(QLatin1String(", ")));
        }
    } else if (key == QLatin1String("sslaccept")) {
        if (value == QLatin1String("strict") || value == QLatin1String("accept_invalid_certs"))
            m_sslAcceptStrict = value == QLatin1String("strict");
        else
            m_warnings << QStringLiteral("sslaccept '%1' is not 'strict' or "
                                         "'accept_invalid_certs'; it is ignored")
                              .arg(value);
    } else if (key == QLatin1String("sslcert")) {
        m_sslRootCert = value.isEmpty() ? QString() : resolvePath(value, baseDirectory);
    } else if (key == QLatin1String("sslclientcert")) {
        m_sslClientCert = value.isEmpty() ? QString() : resolvePath(value, baseDirectory);
    } else if (key == QLatin1String("sslclientkey")) {
        m_sslClientKey = value.isEmpty() ? QString() : resolvePath(value, baseDirectory);
    } else if (key == QLatin1String("sslidentity")) {
        m_sslIdentity = value.isEmpty() ? QString() : resolvePath(value, baseDirectory);
    } else if (key == QLatin1String("sslpassword")) {
        m_sslIdentityPassword = value;
    } else if (key == QLatin1String("connect_timeout")) {
        const auto seconds = parseWholeNumber(value, std::numeric_limits<int>::max());
        if (!seconds)
            return malformed(QStringLiteral("connect_timeout '%1' is not a whole number of seconds "
                                            "(0 means no timeout)")
                                 .arg(value));
        m_connectTimeout = *seconds;
    } else if (poolParameters().contains(key)) {
        if (!parseWholeNumber(value, std::numeric_limits<int>::max()))
            return malformed(QStringLiteral("%1 '%2' is not a whole number").arg(key, value));
    } else if (key == QLatin1String("pgbouncer")) {
        if (value != QLatin1String("true") && value != QLatin1String("false"))
            return malformed(QStringLiteral("pgbouncer '%1' must be true or false").arg(value));
        m_pgbouncer = value == QLatin1String("true");
    } else if (key == QLatin1String("host")) {
        m_queryHost = value;
    } else if (key == QLatin1String("application_name")) {
        m_applicationName = value;
    } else if (key == QLatin1String("options")) {
        m_options = value;
    } else if (key == QLatin1String("channel_binding")) {
        static const QStringList modes{QStringLiteral("disable"), QStringLiteral("prefer"),
                                       QStringLiteral("require")};
        m_channelBinding = modes.contains(value) ? value : QStringLiteral("prefer");
        if (!modes.contains(value))
            m_warnings << QStringLiteral("channel_binding '%1' is not one of %2; using 'prefer'")
                              .arg(value, modes.join(QLatin1String(", ")));
    } else {
        m_warnings << QStringLiteral("the unknown parameter '%1' is ignored").arg(key);
    }
    return success();
}

Status DatabaseUrl::parseSqlite(DatabaseUrl &url, const QString &rest, const QString &baseDirectory)
{
    // Prisma reads `file:PATH[?params]`; the parameters only tune its pool.
    const qsizetype queryStart = rest.indexOf(QLatin1Char('?'));
    QString path = rest.left(queryStart >= 0 ? queryStart : rest.size());
    if (queryStart >= 0) {
        for (const QueryPair &pair : splitQuery(rest.mid(queryStart + 1))) {
            if (!poolParameters().contains(pair.key))
                url.m_warnings
                    << QStringLiteral("the unknown parameter '%1' is ignored").arg(pair.key);
        }
    }
    if (path.startsWith(QLatin1String("//")))
        path = path.mid(2); // file:///abs/dev.db
    if (path.isEmpty())
        return malformed(
            QStringLiteral("the SQLite file path after 'file:' is empty (like file:./dev.db)"));
    url.m_sqliteFilePath = resolvePath(path, baseDirectory);
    return success();
}

QMap<QString, QString> DatabaseUrl::libpqParameters() const
{
    QMap<QString, QString> parameters;
    if (m_provider != Provider::PostgreSQL || isNull())
        return parameters;
    parameters.insert(QStringLiteral("host"), m_host);
    parameters.insert(QStringLiteral("port"), QString::number(m_port));
    parameters.insert(QStringLiteral("dbname"), m_database);
    if (!m_user.isEmpty())
        parameters.insert(QStringLiteral("user"), m_user);
    if (!m_password.isEmpty())
        parameters.insert(QStringLiteral("password"), m_password);
    parameters.insert(QStringLiteral("sslmode"), m_sslMode);
    parameters.insert(QStringLiteral("connect_timeout"), QString::number(m_connectTimeout));
    if (!m_sslRootCert.isEmpty())
        parameters.insert(QStringLiteral("sslrootcert"), m_sslRootCert);
    if (!m_sslClientCert.isEmpty())
        parameters.insert(QStringLiteral("sslcert"), m_sslClientCert);
    if (!m_sslClientKey.isEmpty())
        parameters.insert(QStringLiteral("sslkey"), m_sslClientKey);
    if (!m_sslKeyPassphrase.isEmpty())
        parameters.insert(QStringLiteral("sslpassword"), m_sslKeyPassphrase);
    if (!m_applicationName.isEmpty())
        parameters.insert(QStringLiteral("application_name"), m_applicationName);
    if (!m_options.isEmpty())
        parameters.insert(QStringLiteral("options"), m_options);
    if (!m_channelBinding.isEmpty())
        parameters.insert(QStringLiteral("channel_binding"), m_channelBinding);
    return parameters;
}

QString DatabaseUrl::libpqConnectionString() const
{
    // A fixed, readable order; the map holds nothing else.
    static const QStringList order{
        QStringLiteral("host"),
        QStringLiteral("port"),
        QStringLiteral("dbname"),
        QStringLiteral("user"),
        QStringLiteral("password"),
        QStringLiteral("sslmode"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslpassword"),
        QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"),
        QStringLiteral("options"),
        QStringLiteral("channel_binding"),
    };
    const QMap<QString, QString> parameters = libpqParameters();
    QStringList pairs;
    for (const QString &key : order) {
        if (parameters.contains(key))
            pairs << key + QLatin1Char('=') + quoteLibpqValue(parameters.value(key));
    }
    return pairs.join(QLatin1Char(' '));
}

DatabaseUrl DatabaseUrl::withClientCertificate(const QString &certificateFile,
                                               const QString &keyFile,
                                               const QString &keyPassphrase) const
{
    DatabaseUrl url = *this;
    url.m_sslIdentity.clear();
    url.m_sslIdentityPassword.clear();
    url.m_sslClientCert = certificateFile;
    url.m_sslClientKey = keyFile;
    url.m_sslKeyPassphrase = keyPassphrase;
    return url;
}

QString DatabaseUrl::quoteLibpqValue(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString DatabaseUrl::redacted() const
{
    // The generic scan reads URLs out of free text, line by line, so a line break in the user
    // name ends its URL; the parser knows exactly where the password is.
    QString text = m_text;
    if (m_passwordLength > 0)
        text.replace(m_passwordStart, m_passwordLength, QStringLiteral("****"));
    return redactDatabaseUrl(text);
}

} // namespace gh
