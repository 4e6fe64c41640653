#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace gh {

/// One line of the audit log: who removed what, from which database, when, and how it ended.
/// Session tokens appear only as SHA-256 hashes (hex of the UTF-8 token: `sha256sum` of the
/// cookie value finds it); the database URL only redacted.
struct AuditEntry
{
    enum class Outcome { Completed, Cancelled, Failed };

    QDateTime time;      ///< UTC, when the action ended
    QString osUser;      ///< the operating-system account that ran it
    QString host;        ///< the machine it ran on
    QString application; ///< "gatehouse-cli 0.1.0"
    QString database;    ///< the redacted database URL
    QString action;      ///< revocationActionName()
    /// What was asked for: {"userId": ..., "email": ...}, {"expiresBefore": ISO}, ...
    QJsonObject filter;
    Outcome outcome = Outcome::Completed;
    qint64 rows = 0;            ///< rows removed from the main table (committed)
    QJsonObject counts;         ///< rows removed per model: {"Session": 3, "Account": 2}
    QStringList tokenHashes;    ///< SHA-256 of each removed session token (capped)
    qint64 tokensNotListed = 0; ///< removed sessions beyond the cap, counted only
    qint64 durationMs = 0;
    QString error; ///< Failed / Cancelled: the message

    /// The filter as `key=value` pairs separated by spaces, for tables.
    QString filterText() const;

    QJsonObject toJson() const;
    /// The compact JSON of toJson() with a final '\n': exactly one line.
    QByteArray toLine() const;
    /// InvalidArgument when the object is not an audit entry (no time or action).
    static Result<AuditEntry> fromJson(const QJsonObject &object);

    static QString outcomeName(Outcome outcome); ///< "completed", "cancelled", "failed"
    /// The lowercase hex SHA-256 of the token's UTF-8 bytes.
    static QString hashToken(const QString &token);
    /// The current operating-system user name (the passwd entry, else $USER / $USERNAME).
    static QString currentOsUser();
};

} // namespace gh
