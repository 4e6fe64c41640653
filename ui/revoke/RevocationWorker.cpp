#include "ui/revoke/RevocationWorker.h"

#include "core/auth/Revoker.h"

#include <QtConcurrent>

namespace gh::ui {

qint64 RevocationPreview::rows() const
{
    qint64 rows = 0;
    for (const RevocationPlan &plan : plans)
        rows += plan.rows;
    return rows;
}

QVector<RevocationCount> RevocationPreview::counts() const
{
    QVector<RevocationCount> counts;
    for (const RevocationPlan &plan : plans)
        addRevocationCounts(counts, plan.counts);
    return counts;
}

QVector<RevocationWarning> RevocationPreview::warnings() const
{
    QVector<RevocationWarning> warnings;
    for (const RevocationPlan &plan : plans) {
        for (const RevocationWarning &w : plan.warnings) {
            const bool seen =
                std::any_of(warnings.cbegin(), warnings.cend(),
                            [&w](const RevocationWarning &k) { return k.message == w.message; });
            if (!seen)
                warnings << w;
        }
    }
    return warnings;
}

bool RevocationPreview::isBlocked() const
{
    return std::any_of(plans.cbegin(), plans.cend(),
                       [](const RevocationPlan &plan) { return plan.isBlocked(); });
}

QFuture<Result<RevocationPreview>>
RevocationWorker::preview(const AuthWorkspace &workspace,
                          const QVector<RevocationRequest> &requests,
                          const CancellationToken &cancel)
{
    return QtConcurrent::run([workspace, requests, cancel]() -> Result<RevocationPreview> {
        auto connection = workspace.connect();
        if (!connection)
            return connection.error();
        const Revoker revoker(*connection->database, workspace.schema());
        RevocationPreview preview;
        for (const RevocationRequest &request : requests) {
            if (cancel.isCancelled())
                return Error(Error::Code::Cancelled, QStringLiteral("Cancelled"));
            auto plan = revoker.preview(request, cancel);
            if (!plan && plan.error().code() == Error::Code::NotFound) {
                ++preview.missing;
                continue;
            }
            if (!plan)
                return plan.error();
            preview.plans << std::move(plan.value());
        }
        return preview;
    });
}

QFuture<QVector<RevocationResult>>
RevocationWorker::execute(const AuthWorkspace &workspace, const QVector<RevocationPlan> &plans,
                          const AuditLog &auditLog, const RevocationOptions &options,
                          std::shared_ptr<RevocationProgressState> progress)
{
    return QtConcurrent::run([workspace, plans, auditLog, options, progress] {
        QVector<RevocationResult> results;
        auto connection = workspace.connect();
        if (!connection) {
            RevocationResult failed;
            failed.error = connection.error();
            results << failed;
            return results;
        }
        Revoker revoker(*connection->database, workspace.schema(), auditLog);
        qint64 planned = 0;
        for (const RevocationPlan &plan : plans)
            planned += plan.rows;
        progress->total = planned;
        qint64 before = 0; // rows removed by the plans already run
        for (const RevocationPlan &plan : plans) {
            if (options.cancel.isCancelled() && !results.isEmpty()) {
                // The plans not started stay untouched, and unlogged: nothing was attempted.
                RevocationResult skipped;
                skipped.outcome = RevocationResult::Outcome::Cancelled;
                skipped.error = Error(Error::Code::Cancelled, QStringLiteral("Cancelled"));
                results << skipped;
                break;
            }
            RevocationOptions own = options;
            planned -= plan.rows;
            own.progress = [&, before, planned](const RevocationProgress &p) {
                progress->done = before + p.done;
                progress->total = std::max(before + p.total + planned, before + p.done);
                if (options.progress)
                    options.progress(RevocationProgress{before + p.done, progress->total, p.batches,
                                                        p.lastBatchMs});
            };
            RevocationResult result = revoker.execute(plan, own);
            before += result.rows;
            progress->done = before;
            const bool completed = result.completed();
            results << std::move(result);
            if (!completed)
                break;
        }
        return results;
    });
}

} // namespace gh::ui
