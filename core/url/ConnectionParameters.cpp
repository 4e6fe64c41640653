#include "core/url/ConnectionParameters.h"

#include "core/url/UrlRedaction.h"

#include <QRegularExpression>
#include <QUrl>

namespace gh {

namespace {

// Query values are read like Prisma reads them: '+' is a space.
QString formDecode(QString text)
{
    return QUrl::fromPercentEncoding(text.replace(QLatin1Char('+'), QLatin1Char(' ')).toUtf8());
}

QString encodePart(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// Paths stay readable: '/' and ':' need no escaping in a query value.
QString encodeQueryValue(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, "/:"));
}

bool isPasswordParameter(const QString &key)
{
    return key.compare(QLatin1String("password"), Qt::CaseInsensitive) == 0 ||
           key.compare(QLatin1String("sslpassword"), Qt::CaseInsensitive) == 0;
}

} // namespace

Result<ConnectionParameters> ConnectionParameters::fromUrl(const QString &text)
{
    auto parsed = DatabaseUrl::parse(text);
    if (!parsed)
        return parsed.error();

    ConnectionParameters parameters;
    parameters.provider = parsed->provider();
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    QString rest = trimmed.mid(colon + 1);

    QString query;
    if (parsed->provider() == DatabaseUrl::Provider::SQLite) {
        parameters.scheme = QStringLiteral("file");
        const qsizetype queryStart = rest.indexOf(QLatin1Char('?'));
        parameters.sqliteFile = rest.left(queryStart >= 0 ? queryStart : rest.size());
        query = queryStart >= 0 ? rest.mid(queryStart + 1) : QString();
    } else {
        parameters.scheme = parsed->scheme();
        // The authority's host, not `?host=` (that stays a query parameter).
        rest = rest.mid(2);
        qsizetype authorityEnd = rest.indexOf(QRegularExpression(QStringLiteral("[/?#]")));
        if (authorityEnd < 0)
            authorityEnd = rest.size();
        const QString authority = rest.left(authorityEnd);
        QString hostPort = authority.mid(authority.lastIndexOf(QLatin1Char('@')) + 1);
        if (hostPort.startsWith(QLatin1Char('['))) {
            const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
            parameters.host = hostPort.mid(1, close - 1);
            hostPort = hostPort.mid(close + 1);
        } else {
            const qsizetype portColon = hostPort.indexOf(QLatin1Char(':'));
            parameters.host = portColon < 0 ? hostPort : hostPort.left(portColon);
            hostPort = portColon < 0 ? QString() : hostPort.mid(portColon);
        }
        if (hostPort.startsWith(QLatin1Char(':')) && hostPort.size() > 1)
            parameters.port = parsed->port();
        parameters.user = parsed->user();
        parameters.password = parsed->password();
        QString path = rest.mid(authorityEnd);
        const qsizetype fragment = path.indexOf(QLatin1Char('#'));
        if (fragment >= 0)
            path.truncate(fragment);
        const qsizetype queryStart = path.indexOf(QLatin1Char('?'));
        query = queryStart >= 0 ? path.mid(queryStart + 1) : QString();
        path = queryStart >= 0 ? path.left(queryStart) : path;
        if (path.size() > 1)
            parameters.database = parsed->database();
    }

    const QStringList pieces = query.split(QLatin1Char('&'), Qt::SkipEmptyParts);
    for (const QString &piece : pieces) {
        const qsizetype eq = piece.indexOf(QLatin1Char('='));
        const QString key = formDecode(eq < 0 ? piece : piece.left(eq));
        const QString value = eq < 0 ? QString() : formDecode(piece.mid(eq + 1));
        if (parameters.provider == DatabaseUrl::Provider::SQLite)
            parameters.otherParameters.append({key, value});
        else if (key == QLatin1String("schema"))
            parameters.schema = value;
        else if (key == QLatin1String("sslmode"))
            parameters.sslMode = value;
        else if (key == QLatin1String("sslcert"))
            parameters.sslRootCert = value;
        else if (key == QLatin1String("sslclientcert"))
            parameters.sslClientCert = value;
        else if (key == QLatin1String("sslclientkey"))
            parameters.sslClientKey = value;
        else if (key == QLatin1String("sslidentity"))
            parameters.sslIdentity = value;
        else if (key == QLatin1String("sslpassword"))
            parameters.sslIdentityPassword = value;
        else
            parameters.otherParameters.append({key, value});
    }
    return parameters;
}

QString ConnectionParameters::toUrl() const
{
    QList<QPair<QString, QString>> query;
    QString url;
    if (provider == DatabaseUrl::Provider::SQLite) {
        url = QStringLiteral("file:") + sqliteFile;
    } else {
        url = (scheme.isEmpty() || scheme == QLatin1String("file") ? QStringLiteral("postgresql")
                                                                   : scheme) +
              QStringLiteral("://");
        if (!user.isEmpty() || !password.isEmpty()) {
            url += encodePart(user);
            if (!password.isEmpty())
                url += QLatin1Char(':') + encodePart(password);
            url += QLatin1Char('@');
        }
        const QString hostText =
            host.trimmed().isEmpty() ? QStringLiteral("localhost") : host.trimmed();
        url += hostText.contains(QLatin1Char(':')) ? QLatin1Char('[') + hostText + QLatin1Char(']')
                                                   : hostText;
        if (port > 0)
            url += QLatin1Char(':') + QString::number(port);
        url += QLatin1Char('/') + encodePart(database);
        const QList<QPair<QString, QString>> named{
            {QStringLiteral("schema"), schema},
            {QStringLiteral("sslmode"), sslMode},
            {QStringLiteral("sslcert"), sslRootCert},
            {QStringLiteral("sslclientcert"), sslClientCert},
            {QStringLiteral("sslclientkey"), sslClientKey},
            {QStringLiteral("sslidentity"), sslIdentity},
            {QStringLiteral("sslpassword"), sslIdentityPassword},
        };
        for (const auto &pair : named) {
            if (!pair.second.isEmpty())
                query.append(pair);
        }
    }
    query += otherParameters;
    QStringList pieces;
    for (const auto &pair : query)
        pieces << encodeQueryValue(pair.first) + QLatin1Char('=') + encodeQueryValue(pair.second);
    if (!pieces.isEmpty())
        url += QLatin1Char('?') + pieces.join(QLatin1Char('&'));
    return url;
}

QString ConnectionParameters::toDisplayUrl() const
{
    return redactDatabaseUrl(toUrl());
}

QString ConnectionParameters::toUrlWithoutPassword() const
{
    ConnectionParameters safe = *this;
    safe.password.clear();
    safe.sslIdentityPassword.clear();
    safe.otherParameters.clear();
    for (const auto &pair : otherParameters) {
        if (!isPasswordParameter(pair.first))
            safe.otherParameters.append(pair);
    }
    return safe.toUrl();
}

} // namespace gh
