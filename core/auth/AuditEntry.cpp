#include "core/auth/AuditEntry.h"

#include "core/url/UrlRedaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace gh {

namespace {

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString AuditEntry::filterText() const
{
    QStringList parts;
    for (auto it = filter.begin(); it != filter.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toVariant().toString();
    return parts.join(QLatin1Char(' '));
}

QString AuditEntry::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed:
        return QStringLiteral("completed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

QString AuditEntry::hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString AuditEntry::currentOsUser()
{
#ifdef Q_OS_UNIX
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? qEnvironmentVariable("USERNAME") : user;
}

QJsonObject AuditEntry::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("time"), isoUtc(time));
    o.insert(QStringLiteral("user"), osUser);
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("application"), application);
    // Redacted again here: whatever a caller passed, no password reaches the file.
    o.insert(QStringLiteral("database"), redactDatabaseUrl(database));
    o.insert(QStringLiteral("action"), action);
    o.insert(QStringLiteral("filter"), filter);
    o.insert(QStringLiteral("outcome"), outcomeName(outcome));
    o.insert(QStringLiteral("rows"), rows);
    o.insert(QStringLiteral("counts"), counts);
    o.insert(QStringLiteral("sessionTokenSha256"), QJsonArray::fromStringList(tokenHashes));
    if (tokensNotListed > 0)
        o.insert(QStringLiteral("sessionTokensNotListed"), tokensNotListed);
    o.insert(QStringLiteral("durationMs"), durationMs);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), redactDatabaseUrl(error));
    return o;
}

QByteArray AuditEntry::toLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact) + '\n';
}

Result<AuditEntry> AuditEntry::fromJson(const QJsonObject &o)
{
    AuditEntry e;
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    e.action = o.value(QStringLiteral("action")).toString();
    if (!e.time.isValid() || e.action.isEmpty())
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("Not an audit entry (no time or action)"));
    e.time = e.time.toUTC();
    e.osUser = o.value(QStringLiteral("user")).toString();
    e.host = o.value(QStringLiteral("host")).toString();
    e.application = o.value(QStringLiteral("application")).toString();
    e.database = o.value(QStringLiteral("database")).toString();
    e.filter = o.value(QStringLiteral("filter")).toObject();
    const QString outcome = o.value(QStringLiteral("outcome")).toString();
    e.outcome = outcome == QLatin1String("failed")      ? Outcome::Failed
                : outcome == QLatin1String("cancelled") ? Outcome::Cancelled
                                                        : Outcome::Completed;
    e.rows = qint64(o.value(QStringLiteral("rows")).toDouble());
    e.counts = o.value(QStringLiteral("counts")).toObject();
    for (const QJsonValue &hash : o.value(QStringLiteral("sessionTokenSha256")).toArray())
        e.tokenHashes << hash.toString();
    e.tokensNotListed = qint64(o.value(QStringLiteral("sessionTokensNotListed")).toDouble());
    e.durationMs = qint64(o.value(QStringLiteral("durationMs")).toDouble());
    e.error = o.value(QStringLiteral("error")).toString();
    return e;
}

} // namespace gh
