#include "core/auth/CancellationToken.h"

#include <atomic>
#include <mutex>

namespace gh {

struct CancellationToken::Hook::State
{
    std::atomic<bool> cancelled{false};
    std::mutex mutex; // guards the interrupt slot, so a hook never runs after its guard died
    std::function<void()> interrupt;
    quint64 interruptId = 0;
    quint64 nextId = 1;
};

CancellationToken::CancellationToken()
    : m_state(std::make_shared<Hook::State>())
{}

void CancellationToken::cancel() const
{
    m_state->cancelled.store(true);
    std::lock_guard<std::mutex> lock(m_state->mutex);
    if (m_state->interrupt)
        m_state->interrupt();
}

bool CancellationToken::cancelWithoutInterrupt() const
{
    m_state->cancelled.store(true);
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return bool(m_state->interrupt);
}

bool CancellationToken::isCancelled() const
{
    return m_state->cancelled.load();
}

CancellationToken::Hook CancellationToken::onCancel(std::function<void()> interrupt) const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    Hook hook;
    hook.m_state = m_state;
    hook.m_id = m_state->nextId++;
    m_state->interrupt = std::move(interrupt);
    m_state->interruptId = hook.m_id;
    return hook;
}

CancellationToken::Hook::~Hook()
{
    if (!m_state)
        return;
    std::lock_guard<std::mutex> lock(m_state->mutex);
    if (m_state->interruptId == m_id) {
        m_state->interrupt = nullptr;
        m_state->interruptId = 0;
    }
}

CancellationToken::Hook::Hook(Hook &&other) noexcept
    : m_state(std::move(other.m_state))
    , m_id(other.m_id)
{
    other.m_id = 0;
}

CancellationToken::Hook &CancellationToken::Hook::operator=(Hook &&other) noexcept
{
    if (this != &other) {
        Hook old(std::move(*this));
        m_state = std::move(other.m_state);
        m_id = other.m_id;
        other.m_id = 0;
    }
    return *this;
}

} // namespace gh
