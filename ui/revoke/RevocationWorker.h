#pragma once

#include "core/auth/AuditLog.h"
#include "core/auth/AuthWorkspace.h"
#include "core/auth/RevocationPlan.h"
#include "core/auth/RevocationResult.h"

#include <QFuture>
#include <atomic>
#include <memory>

namespace gh::ui {

/// Rows done and to do of a running revocation: the worker stores them after each batch, a
/// timer on the GUI thread reads them. Nothing on the worker refers to a widget, so a window
/// closed mid-way leaves no dangling signal.
struct RevocationProgressState
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
};

/// What the confirmation dialog shows: one plan per request whose rows still exist.
struct RevocationPreview
{
    QVector<RevocationPlan> plans;
    /// Requests whose session or user no longer exists (revoked elsewhere meanwhile).
    int missing = 0;

    bool isEmpty() const { return plans.isEmpty(); }
    /// Rows the plans remove from their main tables.
    qint64 rows() const;
    /// Rows per table over every plan, main table first.
    QVector<RevocationCount> counts() const;
    /// The warnings of every plan, each message once.
    QVector<RevocationWarning> warnings() const;
    bool isBlocked() const;
};

/// Runs the core Revoker off the GUI thread (QtConcurrent), each call on a connection of its
/// own: the counts for the confirmation, then the confirmed plans. Copies everything it needs.
class RevocationWorker
{
public:
    /// Revoker::preview() of every request. A request whose session or user is gone counts in
    /// `missing`; any other error fails the whole preview.
    static QFuture<Result<RevocationPreview>> preview(const AuthWorkspace &workspace,
                                                      const QVector<RevocationRequest> &requests,
                                                      const CancellationToken &cancel);

    /// Revoker::execute() of each plan in turn (each appends its audit line), stopping at the
    /// first that does not complete; `options.cancel` stops between batches and between plans.
    /// `progress` sums the plans' rows. A connection that cannot be made gives one Failed
    /// result (nothing attempted, nothing logged).
    static QFuture<QVector<RevocationResult>>
    execute(const AuthWorkspace &workspace, const QVector<RevocationPlan> &plans,
            const AuditLog &auditLog, const RevocationOptions &options,
            std::shared_ptr<RevocationProgressState> progress);
};

} // namespace gh::ui
