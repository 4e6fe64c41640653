#pragma once

#include "core/url/CredentialStore.h"

#include <memory>

class QObject;

namespace gh {

/// The system keyring through QtKeychain (the Secret Service on Linux: GNOME Keyring,
/// KWallet). Never QtKeychain's "insecure fallback", which writes passwords to a plain file.
///
/// Jobs run asynchronously and answer through the calling thread's event loop; a keyring
/// that has not answered after `timeoutMs` (say, an unlock prompt left open) fails the call
/// with KeyringFailed. Use it from one thread with an event loop, the GUI thread: QtKeychain
/// queues every job on an object that lives in the thread that used it first.
class KeychainCredentialStore : public CredentialStore
{
public:
    /// `service` groups the entries ("gatehouse"); tests pass a name of their own.
    explicit KeychainCredentialStore(QString service = QStringLiteral("gatehouse"),
                                     int timeoutMs = 60000);
    ~KeychainCredentialStore() override;

    QFuture<Status> checkAvailable() override;
    QFuture<Status> write(const QString &key, const QString &secret) override;
    QFuture<Result<QString>> read(const QString &key) override;
    QFuture<Status> remove(const QString &key) override;
    QString name() const override;

private:
    QString m_service;
    int m_timeoutMs;
    /// Receives the jobs' answers and timeouts: destroying it with the store drops them, which
    /// cancels the futures still pending.
    std::unique_ptr<QObject> m_receiver;
};

} // namespace gh
