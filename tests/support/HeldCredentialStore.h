#pragma once

#include "core/url/CredentialStore.h"

#include <QList>
#include <QPromise>
#include <functional>
#include <memory>

namespace gh::test {

/// Test only: a keyring that takes its time, like one waiting for the user to unlock it.
/// Every call is held until the test releases it; `inner` (which answers at once) then
/// answers it. Destroying the store cancels what it still holds, as KeychainCredentialStore
/// does.
class HeldCredentialStore : public CredentialStore
{
public:
    explicit HeldCredentialStore(CredentialStore *inner)
        : m_inner(inner)
    {}

    QFuture<Status> checkAvailable() override
    {
        return hold<Status>([this] { return m_inner->checkAvailable(); });
    }
    QFuture<Status> write(const QString &key, const QString &secret) override
    {
        return hold<Status>([this, key, secret] { return m_inner->write(key, secret); });
    }
    QFuture<Result<QString>> read(const QString &key) override
    {
        return hold<Result<QString>>([this, key] { return m_inner->read(key); });
    }
    QFuture<Status> remove(const QString &key) override
    {
        return hold<Status>([this, key] { return m_inner->remove(key); });
    }
    QString name() const override { return m_inner->name(); }

    int held() const { return int(m_held.size()); }
    /// Answers the call held longest.
    void releaseOne()
    {
        if (!m_held.isEmpty())
            m_held.takeFirst()();
    }
    /// Answers the call held most recently.
    void releaseLast()
    {
        if (!m_held.isEmpty())
            m_held.takeLast()();
    }

private:
    template <typename T> QFuture<T> hold(std::function<QFuture<T>()> call)
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        m_held.append([promise, call] {
            promise->addResult(call().result());
            promise->finish();
        });
        return promise->future();
    }

    CredentialStore *m_inner;
    QList<std::function<void()>> m_held;
};

} // namespace gh::test
