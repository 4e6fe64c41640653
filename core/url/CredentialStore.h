#pragma once

#include "core/common/Result.h"

#include <QString>

namespace gh {

/// Where saved passwords live, behind a small interface so that tests can run the connection
/// store against the real keyring when there is one, or against a stand-in of their own.
/// Keys are opaque (a saved connection's id); values are secrets and never logged.
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;

    /// Whether passwords can be saved at all. Errors: KeyringUnavailable (the message says
    /// why, in words for people: no Secret Service on the session bus, no session bus...).
    virtual Status checkAvailable() = 0;
    /// Errors: KeyringUnavailable, KeyringFailed.
    virtual Status write(const QString &key, const QString &secret) = 0;
    /// Errors: NotFound (nothing saved under the key), KeyringUnavailable, KeyringFailed.
    virtual Result<QString> read(const QString &key) = 0;
    /// Removing what is not there succeeds. Errors: KeyringUnavailable, KeyringFailed.
    virtual Status remove(const QString &key) = 0;
    /// "System keyring (Secret Service)", for the dialog.
    virtual QString name() const = 0;
};

} // namespace gh
