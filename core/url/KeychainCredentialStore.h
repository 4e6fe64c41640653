#pragma once

#include "core/url/CredentialStore.h"

namespace gh {

/// The system keyring through QtKeychain (the Secret Service on Linux: GNOME Keyring,
/// KWallet). Never QtKeychain's "insecure fallback", which writes passwords to a plain file.
///
/// Calls block until the keyring answers (it may ask the user to unlock it) while running a
/// local event loop. Use it from the GUI thread only: QtKeychain queues every job on an
/// object that lives in the thread that used it first.
class KeychainCredentialStore : public CredentialStore
{
public:
    /// `service` groups the entries ("gatehouse"); tests pass a name of their own.
    explicit KeychainCredentialStore(QString service = QStringLiteral("gatehouse"),
                                     int timeoutMs = 60000);

    Status checkAvailable() override;
    Status write(const QString &key, const QString &secret) override;
    Result<QString> read(const QString &key) override;
    Status remove(const QString &key) override;
    QString name() const override;

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace gh
