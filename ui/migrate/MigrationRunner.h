#pragma once

#include "core/migrate/Migrator.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>

namespace gh::ui {

/// Runs the Migrations view's blocking work (core/migrate) on the thread pool, one job at a
/// time, and brings its log lines, progress and result back to the GUI thread. A job outlives
/// a runner that is deleted meanwhile: its result is then dropped, its cancel flag set.
class MigrationRunner : public QObject
{
    Q_OBJECT

public:
    /// What a job may call from its worker thread.
    struct Context
    {
        std::function<bool()> isCancelled;
        std::function<void(const QString &)> log;
        Migrator::ProgressCallback progress;
    };

    explicit MigrationRunner(QObject *parent = nullptr);
    ~MigrationRunner() override;

    bool isBusy() const { return m_busy; }
    /// Asks the running job to stop where it safely can (between migrations, while waiting
    /// for the lock).
    void cancel();
    bool isCancelling() const { return m_cancel && m_cancel->load(); }

    /// Starts `work` on a pool thread; `done` runs on the GUI thread with its result (unless
    /// the runner is gone). Callers check isBusy() first.
    template <typename T>
    void run(std::function<T(const Context &)> work, std::function<void(const T &)> done)
    {
        Q_ASSERT(!m_busy);
        auto cancelled = std::make_shared<std::atomic_bool>(false);
        m_cancel = cancelled;
        setBusy(true);
        const QPointer<MigrationRunner> self(this);
        // Posted to the application object, which outlives every runner; `self` is only
        // dereferenced there, on the GUI thread.
        auto post = [self](std::function<void(MigrationRunner &)> call) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, call] {
                    if (self)
                        call(*self);
                },
                Qt::QueuedConnection);
        };
        Context context;
        context.isCancelled = [cancelled] { return cancelled->load(); };
        context.log = [post](const QString &line) {
            post([line](MigrationRunner &runner) { Q_EMIT runner.logLine(line); });
        };
        context.progress = [post](const DeployProgress &progress) {
            post([progress](MigrationRunner &runner) { Q_EMIT runner.progressed(progress); });
        };
        QThreadPool::globalInstance()->start([work, done, context, post] {
            const T result = work(context);
            post([result, done](MigrationRunner &runner) {
                runner.setBusy(false);
                done(result);
            });
        });
    }

Q_SIGNALS:
    void busyChanged(bool busy);
    void logLine(const QString &line);
    void progressed(const gh::DeployProgress &progress);

private:
    void setBusy(bool busy);

    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_busy = false;
};

} // namespace gh::ui
