#pragma once

#include "core/common/Result.h"

#include <QFuture>
#include <QTest>

namespace gh::test {

/// The result of `future`, waited for while this thread's event loop runs: the keyring and
/// the other asynchronous parts answer through it, so QFuture::result() alone would wait
/// forever. A future that is cancelled, or not finished within `timeoutMs`, gives Cancelled.
template <typename T> Result<T> await(const QFuture<Result<T>> &future, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        return Error(Error::Code::Cancelled, QStringLiteral("The future did not finish in time"));
    if (future.isCanceled())
        return Error(Error::Code::Cancelled, QStringLiteral("The future was cancelled"));
    return future.result();
}

} // namespace gh::test
