#pragma once

#include "core/auth/CancellationToken.h"
#include "core/auth/RevocationPlan.h"
#include "core/common/Result.h"

#include <functional>

namespace gh {

/// Reported after every committed batch, on the thread that runs Revoker::execute().
struct RevocationProgress
{
    qint64 done = 0;  ///< rows removed so far (committed)
    qint64 total = 0; ///< the plan's count, raised to `done` if more matched meanwhile
    int batches = 0;  ///< batches committed so far
    qint64 lastBatchMs = 0;
};

/// How Revoker::execute() runs. Defaults suit production; tests and the benchmark tune them.
struct RevocationOptions
{
    /// How a large delete is cut into short transactions.
    enum class Strategy {
        /// PhysicalRanges where the database can (PostgreSQL 14+, SQLite), else KeyOrder.
        Auto,
        /// PostgreSQL: ranges of heap pages (ctid, a TID Range Scan); SQLite: rowid ranges. Each
        /// batch reads its pages once, in order: as fast as one big DELETE.
        PhysicalRanges,
        /// Ranges of the table's key, found by walking its index: any PostgreSQL version, but
        /// every row costs a random heap access (many times slower on large tables).
        KeyOrder,
    };

    /// Called after each batch (worker thread; marshal to the GUI yourself).
    std::function<void(const RevocationProgress &)> progress;
    /// Checked between batches: a cancel stops after the batch in flight commits, so what was
    /// done stays done and consistent, and the audit line says "cancelled".
    CancellationToken cancel;
    Strategy strategy = Strategy::Auto;
    /// The batch size adapts so that one batch (one transaction) takes about this long.
    int targetBatchMs = 100;
    /// Rows the first batch aims at; later batches adapt. 0 = default (1,000).
    qint64 firstBatchRows = 0;
    /// A batch never aims at more rows than this, whatever the timing says (bounds the locks one
    /// transaction holds when matching rows cluster). 0 = default (50,000).
    qint64 maxBatchRows = 0;
    /// Session token hashes kept in the audit line; beyond this only the count is logged.
    int maxAuditedTokens = 1000;
};

/// What Revoker::execute() did. Never an exception, never a half-known state: `rows` counts
/// only committed batches.
struct RevocationResult
{
    enum class Outcome { Completed, Cancelled, Failed };

    Outcome outcome = Outcome::Failed;
    /// Failed: why (nothing or only the committed batches were removed); Cancelled: Cancelled.
    Error error;
    /// Rows removed from the main table, and from every table touched.
    qint64 rows = 0;
    QVector<RevocationCount> counts;
    /// The instant the action judged by (database clock, fixed when it started).
    QDateTime cutoff;
    qint64 elapsedMs = 0;
    int batches = 0;
    qint64 longestBatchMs = 0;
    /// "ctid ranges", "rowid ranges", "key order" or "one statement".
    QString method;
    /// The audit line: success, or why it could not be written (the rows are gone regardless).
    Status audit = success();

    bool completed() const { return outcome == Outcome::Completed; }
};

} // namespace gh
