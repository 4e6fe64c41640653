#pragma once

#include <QtGlobal>
#include <functional>
#include <memory>

namespace gh {

/// Cancels a long operation (exact count, export, seek sampling, a slow page) from another
/// thread. Copies share one state: hand a copy to the worker, keep one in the GUI, call
/// `cancel()` there. Operations poll `isCancelled()` between steps and return
/// Error::Code::Cancelled; while a PostgreSQL query is in flight, `cancel()` also interrupts it
/// (libpq's cancel request, which PgBouncer forwards) through the hook the operation registered.
///
/// A default-constructed token is a real, uncancelled token; use one token per operation (a
/// cancelled token stays cancelled).
class CancellationToken
{
public:
    CancellationToken();

    /// Thread-safe. Sets the flag and runs the registered interrupt, if any, in this thread.
    void cancel() const;
    /// Thread-safe. Sets the flag without running the interrupt; true when an interrupt is
    /// registered (an operation is in flight and may wait on the server), which the caller then
    /// runs with cancel() from a thread where blocking on the network is fine. Work that starts
    /// later sees the flag (see onCancel()), so a false return means nothing is left to do.
    bool cancelWithoutInterrupt() const;
    bool isCancelled() const;

    /// While the returned guard lives, `cancel()` also calls `interrupt` (from the thread that
    /// cancels). One interrupt at a time: a new registration replaces the previous one. If the
    /// token is already cancelled, `interrupt` is not called; the caller checks
    /// `isCancelled()` after registering and before starting the work.
    class Hook
    {
    public:
        Hook() = default;
        ~Hook();
        Hook(Hook &&other) noexcept;
        Hook &operator=(Hook &&other) noexcept;
        Hook(const Hook &) = delete;
        Hook &operator=(const Hook &) = delete;

    private:
        friend class CancellationToken;
        struct State;
        std::shared_ptr<State> m_state;
        quint64 m_id = 0;
    };
    [[nodiscard]] Hook onCancel(std::function<void()> interrupt) const;

private:
    std::shared_ptr<Hook::State> m_state;
};

} // namespace gh
