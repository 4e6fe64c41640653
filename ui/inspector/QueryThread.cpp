#include "ui/inspector/QueryThread.h"

#include <QThread>
#include <QThreadPool>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace gh::ui {

/// Owns the connection and the job queue of the worker thread; everything but push() and stop()
/// runs in that thread.
///
/// A plain queue under a mutex rather than the thread's Qt event loop: a job posted to an event
/// loop wakes GLib's dispatcher (eventfd, poll, prepare/check/dispatch under its context mutex),
/// which showed as the larger part of a page's client CPU; a condition variable wakes the
/// thread with one futex call. Results still reach the GUI thread as queued calls.
class QueryWorker
{
public:
    explicit QueryWorker(AuthWorkspace workspace)
        : m_workspace(std::move(workspace))
    {}

    /// Runs a job with the connection, opening it first if needed.
    void execute(const CancellationToken &token, const QueryThread::Job &job)
    {
        if (token.isCancelled()) {
            job(nullptr, Error(Error::Code::Cancelled, QStringLiteral("Cancelled")));
            return;
        }
        if (!m_connection) {
            auto connection = m_workspace.connect();
            if (!connection) {
                job(nullptr, connection.error());
                return;
            }
            m_connection = std::move(connection.value());
        }
        job(m_connection->queries.get(), Error());
    }

    void close() { m_connection.reset(); }

    /// Any thread: queues `task` after the tasks queued so far.
    void push(std::function<void()> task)
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_tasks.push_back(std::move(task));
        }
        m_wake.notify_one();
    }

    /// Any thread: tasks wait while held.
    void setHeld(bool held)
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_held = held;
        }
        m_wake.notify_one();
    }

    /// Any thread: loop() returns once the tasks queued so far have run.
    void stop()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
    }

    /// The worker thread's body.
    void loop()
    {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || (!m_held && !m_tasks.empty()); });
                if (m_tasks.empty())
                    return;
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
            }
            task();
        }
    }

private:
    AuthWorkspace m_workspace;
    std::optional<AuthConnection> m_connection;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    bool m_held = false;
};

QueryThread::QueryThread(const AuthWorkspace &workspace, const QString &name, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_worker(new QueryWorker(workspace))
{
    QueryWorker *worker = m_worker;
    m_thread = QThread::create([worker] { worker->loop(); });
    m_thread->setParent(this);
    m_thread->setObjectName(name);
    setObjectName(name);
    m_thread->start();
}

QueryThread::~QueryThread()
{
    // Here the cancel must land before the wait below.
    m_token.cancel();
    // The connection is closed in the thread that opened it, after the jobs still queued.
    QueryWorker *worker = m_worker;
    worker->push([worker] { worker->close(); });
    worker->stop();
    m_thread->wait();
    delete m_worker;
}

void QueryThread::cancelAll()
{
    const CancellationToken cancelled = m_token;
    m_token = CancellationToken();
    // Only a query in flight needs the round trip; otherwise the flag is all (and a new
    // query, the common case, then costs no thread-pool wake-up competing with its page).
    if (cancelled.cancelWithoutInterrupt())
        QThreadPool::globalInstance()->start([cancelled] { cancelled.cancel(); });
}

void QueryThread::reconnect()
{
    QueryWorker *worker = m_worker;
    worker->push([worker] { worker->close(); });
}

void QueryThread::hold()
{
    m_worker->setHeld(true);
}

void QueryThread::release()
{
    m_worker->setHeld(false);
}

void QueryThread::post(const CancellationToken &token, Job job)
{
    QueryWorker *worker = m_worker;
    worker->push([worker, token, job = std::move(job)] { worker->execute(token, job); });
}

} // namespace gh::ui
