#include "ui/inspector/RecordFormatter.h"

#include "core/auth/RecordWriter.h"
#include "ui/inspector/RecordRoles.h"

#include <QBrush>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFont>
#include <QFontDatabase>
#include <QHash>
#include <QLocale>
#include <QPalette>
#include <QThread>
#include <QTimeZone>
#include <atomic>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

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

/// Solid brushes of a colour as QVariants: the last one made is kept, as a screen paints the
/// same colour for every masked (or expired) cell and QBrush(QColor) allocates. One per colour
/// role and thread.
class BrushCache
{
public:
    const QVariant &of(const QColor &color)
    {
        if (!m_brush.isValid() || color != m_color) {
            m_color = color;
            m_brush = QBrush(color);
        }
        return m_brush;
    }

private:
    QColor m_color;
    QVariant m_brush;
};

QVariant mutedBrush()
{
    thread_local BrushCache brushes;
    return brushes.of(mutedColor());
}

QVariant expiredBrush()
{
    thread_local BrushCache brushes;
    return brushes.of(expiredColor());
}

/// The system zone's offset from UTC at an instant, in seconds. QDateTime::toLocalTime() asks
/// libc, whose tzset() stats /etc/localtime on every call: a third of what painting a screen of
/// sessions cost. The offset holds between two transitions of the zone, so the stretch around
/// the last instants asked about is kept (per thread; for a minute or until TZ changes, so that
/// a change of the system's zone still shows) and used when libc and QTimeZone agree on it.
class LocalOffsets
{
public:
    /// `tz`: TZ as read by the caller (nullptr when unset).
    std::optional<int> at(qint64 msecs, const char *tz)
    {
        // The clock only every 64th call: read per timestamp, it cost more than the lookup.
        const bool old = !m_age.isValid() || ((++m_calls & 63) == 0 && m_age.hasExpired(60000));
        if (old || (tz != nullptr) != m_hasTz || (tz && m_tz != tz)) {
            m_count = 0;
            m_next = 0;
            m_age.start();
            m_hasTz = tz != nullptr;
            m_tz = tz ? tz : "";
        }
        for (int i = 0; i < m_count; ++i) {
            if (msecs >= m_spans[i].from && msecs < m_spans[i].to)
                return m_spans[i].offset;
        }
        // libc reads TZ itself: a stretch is kept under the TZ it was found with, or not at all.
        const char *now = std::getenv("TZ");
        if ((now != nullptr) != m_hasTz || (now && m_tz != now))
            return std::nullopt;
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
        const int offset = utc.toLocalTime().offsetFromUtc();
        const QTimeZone zone = QTimeZone::systemTimeZone();
        if (!zone.isValid() || zone.offsetFromUtc(utc) != offset)
            return std::nullopt; // libc and Qt's zone data disagree: ask libc each time
        Span span{std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), offset};
        if (zone.hasTransitions()) {
            const QTimeZone::OffsetData before = zone.previousTransition(utc.addMSecs(1));
            const QTimeZone::OffsetData after = zone.nextTransition(utc);
            if (before.atUtc.isValid())
                span.from = before.atUtc.toMSecsSinceEpoch();
            if (after.atUtc.isValid())
                span.to = after.atUtc.toMSecsSinceEpoch();
        }
        m_spans[m_next] = span;
        m_next = (m_next + 1) % kSpans;
        m_count = qMin(m_count + 1, kSpans);
        return offset;
    }

private:
    struct Span
    {
        qint64 from; // the stretch [from, to) in milliseconds since the epoch
        qint64 to;
        int offset;
    };
    static constexpr int kSpans = 4; // a page of sessions spans a DST change or two
    Span m_spans[kSpans];
    int m_count = 0;
    int m_next = 0;
    QElapsedTimer m_age;
    unsigned m_calls = 0;
    bool m_hasTz = false;
    std::string m_tz;
};

void appendDigits(char16_t *&out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i, value /= 10)
        out[i] = char16_t(u'0' + value % 10);
    out += width;
}

} // namespace

namespace {

/// A duration as duration() names it: the larger unit that fits and how many of it.
struct Span
{
    enum Unit { Moment, Minute, Hour, Day, Month, Year } unit = Moment;
    qint64 count = 0;
};

Span spanOf(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 60)
        return {Span::Moment, 0};
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return {Span::Minute, minutes};
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return {Span::Hour, hours};
    const qint64 days = hours / 24;
    if (days < 60)
        return {Span::Day, days};
    const qint64 months = days / 30;
    if (months < 24)
        return {Span::Month, months};
    return {Span::Year, days / 365};
}

QString spanText(const Span &span)
{
    switch (span.unit) {
    case Span::Moment:
        break;
    case Span::Minute:
        return units(span.count, "%1 minute", "%1 minutes");
    case Span::Hour:
        return units(span.count, "%1 hour", "%1 hours");
    case Span::Day:
        return units(span.count, "%1 day", "%1 days");
    case Span::Month:
        return units(span.count, "%1 month", "%1 months");
    case Span::Year:
        return units(span.count, "%1 year", "%1 years");
    }
    return tr("less than a minute");
}

QString relativeText(bool expired, const Span &span)
{
    // Auth.js treats a session as expired when expires < now.
    return (expired ? tr("expired %1 ago") : tr("expires in %1")).arg(spanText(span));
}

/// Bumped whenever the application's translations change (QEvent::LanguageChange, which
/// QCoreApplication::installTranslator() and removeTranslator() send to the application).
std::atomic<int> g_translations{0};
std::atomic<bool> g_watchingTranslations{false};

class TranslationWatch : public QObject
{
public:
    ~TranslationWatch() override { g_watchingTranslations.store(false); }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            g_translations.fetch_add(1);
        return QObject::eventFilter(watched, event);
    }
};

/// True once translation changes are watched; starts watching from the application's thread.
bool watchingTranslations()
{
    if (g_watchingTranslations.load(std::memory_order_acquire))
        return true;
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread())
        return false;
    auto *watch = new TranslationWatch;
    watch->setParent(app);
    app->installEventFilter(watch);
    g_watchingTranslations.store(true, std::memory_order_release);
    return true;
}

/// The texts of the expiry column made so far: a screen of sessions shows a handful of distinct
/// ones ("expires in 29 days"), and making one (two translations and two arg() calls) cost as
/// much as the rest of the row. Per thread; dropped when the translations change, and when full.
class RelativeTexts
{
public:
    QString text(bool expired, const Span &span)
    {
        if (!watchingTranslations())
            return relativeText(expired, span);
        const int translations = g_translations.load(std::memory_order_relaxed);
        if (translations != m_translations || m_texts.size() >= kMost) {
            m_texts.clear();
            m_translations = translations;
        }
        const quint64 key = (quint64(expired) << 63) | (quint64(span.unit) << 56) |
                            (quint64(span.count) & ((quint64(1) << 56) - 1));
        auto it = m_texts.constFind(key);
        if (it == m_texts.constEnd())
            it = m_texts.insert(key, relativeText(expired, span));
        return it.value();
    }

private:
    static constexpr int kMost = 512;
    QHash<quint64, QString> m_texts;
    int m_translations = -1;
};

} // namespace

QString RecordFormatter::duration(qint64 seconds)
{
    return spanText(spanOf(seconds));
}

QString RecordFormatter::relativeExpiry(const QDateTime &expires, const QDateTime &now)
{
    thread_local RelativeTexts texts;
    return texts.text(expires < now, spanOf(now.secsTo(expires)));
}

namespace {

/// RecordFormatter::localTime() with TZ (nullptr: unset) and the locale as the caller read them.
QString localTimeIn(const QDateTime &utc, const char *tz, const QLocale &locale)
{
    static const QString kFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    // Whether the locale writes ASCII digits, asked again only when the default locale changes.
    thread_local QLocale digitsOf(QLocale::c());
    thread_local bool asciiDigits = true;
    if (locale != digitsOf) {
        digitsOf = locale;
        asciiDigits = locale.zeroDigit() == QLatin1String("0");
    }
    if (!utc.isValid() || !asciiDigits)
        return locale.toString(utc.toLocalTime(), kFormat);
    thread_local LocalOffsets offsets;
    const qint64 msecs = utc.toMSecsSinceEpoch();
    const std::optional<int> offset = offsets.at(msecs, tz);
    if (!offset)
        return locale.toString(utc.toLocalTime(), kFormat);
    // The wall-clock fields of the local instant, written as the format would with ASCII digits.
    const qint64 localMs = msecs + qint64(*offset) * 1000;
    const qint64 seconds = localMs >= 0 ? localMs / 1000 : -((999 - localMs) / 1000);
    const qint64 days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const int secondOfDay = int(seconds - days * 86400);
    int year = 0;
    int month = 0;
    int day = 0;
    // One calendar conversion for the three (year(), month() and day() each do their own).
    QDate::fromJulianDay(days + 2440588).getDate(&year, &month, &day); // 2440588: 1970-01-01
    if (year < 1000 || year > 9999)
        return locale.toString(utc.toLocalTime(), kFormat);
    QString text(19, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    appendDigits(out, year, 4);
    *out++ = u'-';
    appendDigits(out, month, 2);
    *out++ = u'-';
    appendDigits(out, day, 2);
    *out++ = u' ';
    appendDigits(out, secondOfDay / 3600, 2);
    *out++ = u':';
    appendDigits(out, secondOfDay / 60 % 60, 2);
    *out++ = u':';
    appendDigits(out, secondOfDay % 60, 2);
    return text;
}

} // namespace

RecordFormatter::TextContext RecordFormatter::TextContext::current()
{
    TextContext context;
    const char *tz = std::getenv("TZ");
    context.hasTz = tz != nullptr;
    if (tz)
        context.tz = QByteArray(tz);
    return context; // locale: the default one
}

QString RecordFormatter::localTime(const QDateTime &utc)
{
    return localTimeIn(utc, std::getenv("TZ"), QLocale());
}

QString RecordFormatter::localTime(const QDateTime &utc, const TextContext &context)
{
    return localTimeIn(utc, context.hasTz ? context.tz.constData() : nullptr, context.locale);
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

namespace {

// The answers of cellData() that cellRoles() gives too, in one place so that both agree.

template <typename LocalTime>
QString displayString(const AuthField &field, const QVariant &value, bool masked,
                      const LocalTime &localTime)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (field.type == FieldType::DateTime || RecordFormatter::isEpochSeconds(field))
        return localTime(RecordFormatter::instant(field, value));
    return RecordWriter::displayText(
        value, field, masked ? RecordWriter::Secrets::Masked : RecordWriter::Secrets::Revealed);
}

QVariant displayData(const AuthField &field, const QVariant &value, bool masked)
{
    return displayString(field, value, masked,
                         [](const QDateTime &utc) { return RecordFormatter::localTime(utc); });
}

QVariant foregroundData(bool null, bool masked)
{
    if (null || masked)
        return mutedBrush();
    return QVariant();
}

QVariant fontData(const AuthField &field, bool null)
{
    if (null) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (field.secret)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return QVariant();
}

QVariant alignmentData(const AuthField &field)
{
    if (field.type == FieldType::Int && !RecordFormatter::isEpochSeconds(field))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (field.type == FieldType::Boolean)
        return QVariant(Qt::AlignCenter);
    return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
}

/// Sets `roleData` to `value`, or clears it for an invalid one (as setData(QVariant()) would,
/// without making and destroying an empty QVariant).
void clearRole(QModelRoleData &roleData)
{
    if (roleData.data().isValid()) // a delegate's are empty: QVariant::clear() is a call
        roleData.clearData();
}

void answer(QModelRoleData &roleData, QVariant &&value)
{
    if (value.isValid())
        roleData.setData(std::move(value));
    else
        clearRole(roleData);
}

} // namespace

QString RecordFormatter::displayText(const AuthField &field, const QVariant &value, bool masked,
                                     const TextContext &context)
{
    return displayString(field, value, masked, [&context](const QDateTime &utc) {
        return RecordFormatter::localTime(utc, context);
    });
}

QVariant RecordFormatter::cellData(const AuthField &field, const QVariant &value, bool revealed,
                                   int role)
{
    const bool masked = field.secret && !revealed;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(field, value, masked);
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
        return foregroundData(value.isNull(), masked);
    case Qt::FontRole:
        return fontData(field, value.isNull());
    case Qt::TextAlignmentRole:
        return alignmentData(field);
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

void RecordFormatter::cellRoles(const AuthField &field, const QVariant &value, bool revealed,
                                QModelRoleDataSpan roles, QString *display)
{
    const bool masked = field.secret && !revealed;
    const bool null = value.isNull();
    for (QModelRoleData &roleData : roles) {
        switch (roleData.role()) {
        case Qt::DisplayRole:
            if (display) // QVariant(QString): setData(QString) would go through fromValue()
                roleData.setData(QVariant(*display));
            else
                answer(roleData, displayData(field, value, masked));
            break;
        case Qt::ForegroundRole:
            answer(roleData, foregroundData(null, masked));
            break;
        case Qt::FontRole:
            answer(roleData, fontData(field, null));
            break;
        case Qt::TextAlignmentRole:
            answer(roleData, alignmentData(field));
            break;
        case Qt::DecorationRole:
        case Qt::CheckStateRole:
        case Qt::BackgroundRole:
            clearRole(roleData); // what cellData() answers: nothing
            break;
        default:
            answer(roleData, cellData(field, value, revealed, roleData.role()));
            break;
        }
    }
}

namespace {

/// expiryData()'s answer, the expiry read already: `at` is invalid for NULL.
QVariant expiryAnswer(const QDateTime &at, const QDateTime &now, int role)
{
    if (!at.isValid())
        return role == Qt::DisplayRole ? tr("never") : QVariant();
    switch (role) {
    case Qt::DisplayRole:
        return RecordFormatter::relativeExpiry(at, now);
    case Qt::ToolTipRole:
        return tr("%1 local, %2 UTC")
            .arg(RecordFormatter::localTime(at), at.toUTC().toString(Qt::ISODateWithMs));
    case Qt::ForegroundRole:
        return at < now ? expiredBrush() : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case RawValueRole:
        return at;
    default:
        return QVariant();
    }
}

QDateTime expiryOf(const QVariant &expires)
{
    return expires.isNull() ? QDateTime() : expires.toDateTime();
}

} // namespace

QVariant RecordFormatter::expiryData(const QVariant &expires, const QDateTime &now, int role)
{
    return expiryAnswer(expiryOf(expires), now, role);
}

void RecordFormatter::expiryRoles(const QVariant &expires, QModelRoleDataSpan roles)
{
    const QDateTime at = expiryOf(expires); // read once for every role
    QDateTime now;                          // likewise, and only for a role that needs it
    for (QModelRoleData &roleData : roles) {
        const int role = roleData.role();
        if (!now.isValid() && at.isValid() && isClockRole(role))
            now = QDateTime::currentDateTimeUtc();
        if (role == Qt::DecorationRole || role == Qt::CheckStateRole ||
            role == Qt::BackgroundRole || role == Qt::FontRole)
            clearRole(roleData); // what expiryData() answers: nothing
        else
            answer(roleData, expiryAnswer(at, now, role));
    }
}

} // namespace gh::ui
