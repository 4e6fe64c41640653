#pragma once

#include "core/common/Result.h"

#include <QFuture>
#include <QString>

namespace gh {

/// Where saved passwords live, behind a small interface so that tests can run the connection
/// store against the real keyring when there is one, or against a stand-in of their own.
/// Keys are opaque (a saved connection's id); values are secrets and never logged.
///
/// Every call returns at once. A keyring may take its time (it can ask the user to unlock
/// it), and a GUI must neither freeze nor run a nested event loop meanwhile. The future
/// finishes on the thread that made the call, from its event loop; a future still pending
/// when the store is destroyed is cancelled.
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;

    /// Whether passwords can be saved at all. Errors: KeyringUnavailable (the message says
    /// why, in words for people: no Secret Service on the session bus, no session bus...).
    virtual QFuture<Status> checkAvailable() = 0;
    /// Errors: KeyringUnavailable, KeyringFailed.
    virtual QFuture<Status> write(const QString &key, const QString &secret) = 0;
    /// Errors: NotFound (nothing saved under the key), KeyringUnavailable, KeyringFailed.
    virtual QFuture<Result<QString>> read(const QString &key) = 0;
    /// Removing what is not there succeeds. Errors: KeyringUnavailable, KeyringFailed.
    virtual QFuture<Status> remove(const QString &key) = 0;
    /// "System keyring (Secret Service)", for the dialog.
    virtual QString name() const = 0;
};

} // namespace gh
