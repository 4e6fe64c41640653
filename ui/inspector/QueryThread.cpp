#include "ui/inspector/QueryThread.h"

#include <QThread>
#include <QThreadPool>
#include <optional>

namespace gh::ui {

/// Lives in the worker thread and owns the connection there.
class QueryWorker : public QObject
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

private:
    AuthWorkspace m_workspace;
    std::optional<AuthConnection> m_connection;
};

QueryThread::QueryThread(const AuthWorkspace &workspace, const QString &name, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_thread(new QThread(this))
    , m_worker(new QueryWorker(workspace))
{
    m_thread->setObjectName(name);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

QueryThread::~QueryThread()
{
    // Here the cancel must land before the wait below.
    m_token.cancel();
    // The connection is closed in the thread that opened it, after the jobs still queued.
    QueryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->close(); }, Qt::QueuedConnection);
    m_thread->quit();
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
    QMetaObject::invokeMethod(
        worker, [worker] { worker->close(); }, Qt::QueuedConnection);
}

void QueryThread::post(const CancellationToken &token, Job job)
{
    QueryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, token, job = std::move(job)] { worker->execute(token, job); },
        Qt::QueuedConnection);
}

} // namespace gh::ui
