#pragma once

#include <QDateTime>
#include <QString>

namespace gh {

/// One row of `_prisma_migrations`. Several rows may share a name (a failed attempt later
/// rolled back, then a retry); only rows that are not rolled back count for the history.
struct MigrationRecord
{
    QString id;
    QString checksum;
    QString migrationName;
    /// NULL reads as an empty string; Prisma writes '' for resolve --applied.
    QString logs;
    /// Microseconds since the epoch, UTC: the exact value, for Prisma's rendering of it.
    qint64 startedAtMicros = 0;
    QDateTime finishedAt;   // invalid when NULL
    QDateTime rolledBackAt; // invalid when NULL
    int appliedStepsCount = 0;

    QDateTime startedAt() const
    {
        return QDateTime::fromMSecsSinceEpoch(startedAtMicros / 1000, Qt::UTC);
    }
    bool isFinished() const { return finishedAt.isValid(); }
    bool isRolledBack() const { return rolledBackAt.isValid(); }
    /// Started, neither finished nor rolled back. A migration being applied right now by
    /// another process looks the same; the advisory lock tells them apart.
    bool isFailed() const { return !isFinished() && !isRolledBack(); }

    /// started_at as Prisma prints it in P3009 (chrono's Display for DateTime<Utc>):
    /// "2025-01-01 12:00:00.123 UTC", the fraction in 0, 3, 6 digits as precision needs.
    QString startedAtText() const;
};

} // namespace gh
