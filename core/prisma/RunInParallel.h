#pragma once

#include <QSemaphore>
#include <QThreadPool>
#include <QtGlobal>
#include <atomic>
#include <climits>
#include <memory>

namespace gh::prisma {

/// From how many fields, enum values and block attributes on a schema's per-block passes
/// (DataModelBuilder's attribute pass, the validator's model checks) run in two halves at
/// once; set with DataModelBuilder::setMinimumParallelSize().
///
/// Off (INT_MAX) by default: on the 2-vCPU VM these passes were measured on, the two halves
/// were not faster than one pass (bench_prisma --only validated, interleaved with
/// --one-thread: 1 of 14 pairs faster, median 23.3 ms against 21.4 ms; with a second core
/// free, 26.3 ms against 25.0 ms at best and 31 % more CPU time in all). Shared QString
/// reference counts and the second thread's malloc arena are the likely costs; until that is
/// measured away on real hardware, only tests turn the halves on, to keep them correct.
inline std::atomic<qsizetype> minimumParallelSize{INT_MAX};

/// Runs `first` on the calling thread and `second` on a thread of
/// QThreadPool::globalInstance() at the same time, and returns when both are done.
///
/// When no pool thread has started `second` by the time `first` is done (the pool is busy, or
/// this runs on its only thread), the calling thread runs it itself: the caller never waits
/// for a thread that is not coming. So the two may run one after the other, in that order;
/// they must not depend on each other's progress.
template <typename First, typename Second> void runInParallel(First &&first, Second &&second)
{
    struct Shared
    {
        std::atomic<bool> claimed{false}; // by the pool thread or by the caller
        QSemaphore finished;              // released when the pool thread ran `second`
    };
    const auto shared = std::make_shared<Shared>();
    // The task may outlive this call (when the caller claimed `second`); it then touches
    // nothing but `shared`.
    QThreadPool::globalInstance()->start([shared, &second] {
        if (shared->claimed.exchange(true))
            return;
        second();
        shared->finished.release();
    });
    first();
    if (!shared->claimed.exchange(true))
        second();
    else
        shared->finished.acquire();
}

} // namespace gh::prisma
