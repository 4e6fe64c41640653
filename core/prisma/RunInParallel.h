#pragma once

#include <QSemaphore>
#include <QThreadPool>
#include <QtGlobal>
#include <atomic>
#include <memory>

namespace gh::prisma {

/// From how many fields, enum values and block attributes on a schema's per-block passes
/// (DataModelBuilder's attribute pass, the validator's model checks) run in two halves at
/// once; set with DataModelBuilder::setMinimumParallelSize(). Below it, handing half of the
/// work to another thread costs more than it saves (tens of microseconds).
inline std::atomic<qsizetype> minimumParallelSize{2000};

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
