#include "ui/inspector/RecordFormatter.h"

#include "core/auth/RecordWriter.h"
#include "ui/inspector/RecordRoles.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLocale>
#include <QPalette>

namespace gh::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gh::ui::RecordFormatter", text);
}

QString units(qint64 n, const char *one, const char *many)
{
    return (n == 1 ? tr(one) : tr(many)).arg(n);
}

QColor mutedColor()
{
    return QPalette().color(QPalette::Disabled, QPalette::Text);
}

QColor expiredColor()
{
    return QColor(0xb0, 0x3a, 0x2e);
}

} // namespace

QString RecordFormatter::duration(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 60)
        return tr("less than a minute");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return units(minutes, "%1 minute", "%1 minutes");
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return units(hours, "%1 hour", "%1 hours");
    const qint64 days = hours / 24;
    if (days < 60)
        return units(days, "%1 day", "%1 days");
    const qint64 months = days / 30;
    if (months < 24)
        return units(months, "%1 month", "%1 months");
    return units(days / 365, "%1 year", "%1 years");
}

QString RecordFormatter::relativeExpiry(const QDateTime &expires, const QDateTime &now)
{
    const qint64 seconds = now.secsTo(expires);
    // Auth.js treats a session as expired when expires < now.
    if (expires < now)
        return tr("expired %1 ago").arg(duration(seconds));
    return tr("expires in %1").arg(duration(seconds));
}

QString RecordFormatter::localTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

bool RecordFormatter::isEpochSeconds(const AuthField &field)
{
    return field.type == FieldType::Int && field.logicalName() == QLatin1String("expires_at");
}

QDateTime RecordFormatter::instant(const AuthField &field, const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    if (field.type == FieldType::DateTime)
        return value.toDateTime();
    if (isEpochSeconds(field))
        return QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
    return QDateTime();
}

QVariant RecordFormatter::cellData(const AuthField &field, const QVariant &value, bool revealed,
                                   int role)
{
    const bool masked = field.secret && !revealed;
    switch (role) {
    case Qt::DisplayRole:
        if (value.isNull())
            return QStringLiteral("NULL");
        if (field.type == FieldType::DateTime || isEpochSeconds(field))
            return localTime(instant(field, value));
        return RecordWriter::displayText(
            value, field, masked ? RecordWriter::Secrets::Masked : RecordWriter::Secrets::Revealed);
    case Qt::ToolTipRole:
        if (value.isNull())
            return tr("NULL: no value");
        if (field.type == FieldType::DateTime)
            return tr("%1 UTC").arg(value.toDateTime().toUTC().toString(Qt::ISODateWithMs));
        if (isEpochSeconds(field))
            return tr("%1 UTC (%2 seconds since the epoch)")
                .arg(instant(field, value).toString(Qt::ISODate), value.toString());
        if (masked)
            return tr("Secret, masked. Reveal it with Ctrl+Shift+R or the context menu.");
        if (field.secret)
            return tr("Secret, revealed");
        return QVariant();
    case Qt::ForegroundRole:
        if (value.isNull() || masked)
            return QBrush(mutedColor());
        return QVariant();
    case Qt::FontRole:
        if (value.isNull()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (field.secret)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return QVariant();
    case Qt::TextAlignmentRole:
        if (field.type == FieldType::Int && !isEpochSeconds(field))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (field.type == FieldType::Boolean)
            return QVariant(Qt::AlignCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case RawValueRole:
        return value;
    case SecretRole:
        return field.secret && !value.isNull();
    case RevealedRole:
        return field.secret && revealed;
    default:
        return QVariant();
    }
}

QVariant RecordFormatter::expiryData(const QVariant &expires, const QDateTime &now, int role)
{
    if (expires.isNull())
        return role == Qt::DisplayRole ? tr("never") : QVariant();
    const QDateTime at = expires.toDateTime();
    switch (role) {
    case Qt::DisplayRole:
        return relativeExpiry(at, now);
    case Qt::ToolTipRole:
        return tr("%1 local, %2 UTC").arg(localTime(at), at.toUTC().toString(Qt::ISODateWithMs));
    case Qt::ForegroundRole:
        return at < now ? QVariant(QBrush(expiredColor())) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case RawValueRole:
        return at;
    default:
        return QVariant();
    }
}

} // namespace gh::ui
