#pragma once

#include "core/auth/AuthQueries.h"
#include "core/auth/AuthWorkspace.h"
#include "core/auth/CancellationToken.h"
#include "core/common/Result.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QThread;

namespace gh::ui {

class QueryWorker;

/// A worker thread with a database connection of its own, opened there on first use.
///
/// PostgreSQL connections serve one query at a time and Qt's SQLite connections belong to the
/// thread that opened them, so each view that reads the database owns one of these and never
/// shares its connection. Jobs run one after another in the order posted; each result comes
/// back on the GUI thread, and is dropped if its receiver was destroyed meanwhile.
class QueryThread : public QObject
{
    Q_OBJECT

public:
    QueryThread(const AuthWorkspace &workspace, const QString &name, QObject *parent = nullptr);
    /// Cancels what is queued or running and waits for the thread (a PostgreSQL query in flight
    /// is interrupted by its cancellation token).
    ~QueryThread() override;

    /// Runs `work` on the worker thread with its connection and hands the result to `done` on
    /// the GUI thread, unless `receiver` is gone by then. `work` gets the token that cancelAll()
    /// fires; a connection failure reaches `done` as the error. `afterwards`, if given, runs on
    /// the worker thread with a successful result once it is on its way to `done` (so beside
    /// it, not before it), unless cancelled by then: work the GUI thread would otherwise do.
    template <typename R>
    void run(QObject *receiver,
             std::function<Result<R>(const AuthQueries &, const CancellationToken &)> work,
             std::function<void(const Result<R> &)> done,
             std::function<void(const R &, const CancellationToken &)> afterwards = nullptr)
    {
        const CancellationToken token = m_token;
        QPointer<QObject> guard(receiver);
        post(token,
             [this, token, guard, work = std::move(work), done = std::move(done),
              afterwards = std::move(afterwards)](const AuthQueries *queries, const Error &error) {
                 Result<R> result = token.isCancelled()
                                        ? Result<R>(Error(Error::Code::Cancelled, tr("Cancelled")))
                                    : queries ? work(*queries, token)
                                              : Result<R>(error);
                 std::optional<R> kept;
                 if (afterwards && result)
                     kept = *result; // a shallow copy: what it shares is read from both threads
                 QMetaObject::invokeMethod(
                     this,
                     [guard, done, result = std::move(result)] {
                         if (guard)
                             done(result);
                     },
                     Qt::QueuedConnection);
                 if (kept && !token.isCancelled())
                     afterwards(*kept, token);
             });
    }

    /// Cancels every job posted so far, queued or running; later jobs run normally. Cancelling a
    /// PostgreSQL query in flight is a round trip to the server (libpq's cancel request), so it
    /// is sent from the thread pool, never from the GUI thread.
    void cancelAll();
    /// Closes the connection; the next job opens a new one (after a lost connection).
    void reconnect();
    /// Jobs wait (queued, in order) until release(): lets a test decide which of two threads'
    /// results comes first. Cancelling and destroying still work while held.
    void hold();
    void release();

    const AuthWorkspace &workspace() const { return m_workspace; }

private:
    friend class QueryWorker;
    using Job = std::function<void(const AuthQueries *, const Error &)>;
    void post(const CancellationToken &token, Job job);

    AuthWorkspace m_workspace;
    QThread *m_thread = nullptr;
    QueryWorker *m_worker = nullptr;
    CancellationToken m_token;
};

} // namespace gh::ui
