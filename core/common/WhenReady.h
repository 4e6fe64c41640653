#pragma once

#include <QFutureWatcher>

namespace gh {

/// Runs `done` with the result of `future` on `context`'s thread (the GUI thread, for a
/// widget) once it finishes, unless `context` is destroyed by then or the future is
/// cancelled. Unlike QFuture::then(context, ...), a context that dies first is simply never
/// called: Qt 6.4 asserts on that case.
template <typename T, typename Done>
void whenReady(QObject *context, const QFuture<T> &future, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        watcher->deleteLater();
        if (!watcher->isCanceled())
            done(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace gh
