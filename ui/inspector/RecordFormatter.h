#pragma once

#include "core/auth/AuthModel.h"

#include <QAbstractItemModel>
#include <QByteArray>
#include <QDateTime>
#include <QLocale>
#include <QVariant>

namespace gh::ui {

/// How a value of an Auth.js record looks in a table cell: timestamps in local time with the UTC
/// value in the tooltip, Account.expires_at (epoch seconds) as a date, secrets masked unless
/// revealed, NULL greyed. One place, so every table and the detail pane agree.
class RecordFormatter
{
public:
    /// What a cell's display text depends on besides the cell and whether it is revealed: the
    /// time zone named by TZ (unset: the system's) and the default locale. Read once for texts
    /// made beforehand (ScreenTexts) and compared before one is shown.
    struct TextContext
    {
        bool hasTz = false;
        QByteArray tz;
        QLocale locale;

        static TextContext current();
        bool operator==(const TextContext &other) const
        {
            return hasTz == other.hasTz && tz == other.tz && locale == other.locale;
        }
        bool operator!=(const TextContext &other) const { return !(*this == other); }
    };

    /// The data of a cell for `role` (display, tooltip, font, colour, alignment and the
    /// RecordRole values that depend only on the cell).
    static QVariant cellData(const AuthField &field, const QVariant &value, bool revealed,
                             int role);

    /// Every role of `roles` for one cell, each as cellData() answers it: what a view's delegate
    /// asks in one multiData() call, with the value looked at once and no QVariant made for the
    /// roles a cell leaves empty.
    /// `display`, if given, is the cell's Qt::DisplayRole text, made beforehand.
    static void cellRoles(const AuthField &field, const QVariant &value, bool revealed,
                          QModelRoleDataSpan roles, QString *display = nullptr);

    /// cellData()'s Qt::DisplayRole text, in `context` rather than the current one. `masked`:
    /// a secret shown masked.
    static QString displayText(const AuthField &field, const QVariant &value, bool masked,
                               const TextContext &context);

    /// The data of the relative "expires in …" column, judged against `now`, which only the
    /// roles isClockRole() names read.
    static QVariant expiryData(const QVariant &expires, const QDateTime &now, int role);
    /// The expiry column's roles that depend on the clock.
    static bool isClockRole(int role)
    {
        return role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::ForegroundRole;
    }
    /// Every role of `roles` of the expiry column, each as expiryData() answers it; the clock is
    /// read once, and only if a role depends on it.
    static void expiryRoles(const QVariant &expires, QModelRoleDataSpan roles);

    /// "expires in 3 days", "expired 2 hours ago", "expires in less than a minute".
    static QString relativeExpiry(const QDateTime &expires, const QDateTime &now);
    /// "3 days", "1 hour", "less than a minute": the larger unit that fits.
    static QString duration(qint64 seconds);
    /// Local time, "yyyy-MM-dd HH:mm:ss".
    static QString localTime(const QDateTime &utc);
    /// The same in `context`'s zone and locale (TZ as read then, not read again).
    static QString localTime(const QDateTime &utc, const TextContext &context);

    /// Account.expires_at: the OAuth token expiry, in seconds since the epoch.
    static bool isEpochSeconds(const AuthField &field);
    /// The instant a timestamp-like value stands for (DateTime or epoch-seconds field), or an
    /// invalid QDateTime.
    static QDateTime instant(const AuthField &field, const QVariant &value);
};

} // namespace gh::ui
