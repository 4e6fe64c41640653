#pragma once

#include "core/common/Result.h"
#include "core/url/ConnectionProfile.h"
#include "core/url/DatabaseUrl.h"

#include <QFuture>
#include <QList>
#include <QStringList>
#include <memory>
#include <optional>

class QSettings;

namespace gh {

class CredentialStore;

/// Saved connections and recent project folders in QSettings, passwords in a CredentialStore.
/// No password is ever written to the settings: URLs are stored without one, and when the
/// credential store is unavailable the password is dropped and save() says so.
///
/// The calls that reach the credential store return futures that finish when it answers, on
/// the calling thread (see CredentialStore); the settings are read and written on that thread.
class ConnectionStore
{
public:
    static constexpr int MaxRecentProjects = 10;

    /// Neither is owned; both must outlive the store. `credentials` may be null for a store
    /// that only looks connections up (connections(), findByUrl(), ...): saving, removing and
    /// reading passwords then need one.
    ConnectionStore(QSettings *settings, CredentialStore *credentials);
    ~ConnectionStore();
    ConnectionStore(const ConnectionStore &) = delete;
    ConnectionStore &operator=(const ConnectionStore &) = delete;

    /// Sorted by name.
    QList<ConnectionProfile> connections() const;
    std::optional<ConnectionProfile> connection(const QString &id) const;

    struct Saved
    {
        ConnectionProfile profile;
        /// Why the password (or the identity's password) was not saved (KeyringUnavailable,
        /// KeyringFailed); None when it was, or when there was none to save.
        Error passwordError;
    };
    /// Adds (empty id: a new one is made) or replaces a connection. The URL may hold a password:
    /// it is taken out; `password` (or else the URL's) goes to the credential store when
    /// `savePassword`, and any saved one is removed otherwise. So does the URL's `sslpassword`. The
    /// settings are written once the credential store has answered, so that `passwordInKeyring`
    /// says what happened. Errors: InvalidArgument (no name, neither URL nor folder), the URL's
    /// parse errors (both at once), Cancelled (this store was destroyed before the credential store
    /// answered).
    QFuture<Result<Saved>> save(ConnectionProfile profile, const QString &password,
                                bool savePassword);
    /// The saved password. Errors: NotFound, KeyringUnavailable, KeyringFailed.
    QFuture<Result<QString>> password(const QString &id);
    /// The saved password of the URL's PKCS#12 client identity (`sslpassword`), which save()
    /// keeps like the password. Errors: as password().
    QFuture<Result<QString>> identityPassword(const QString &id);
    /// Removes the connection from the settings at once, then its password from the keyring.
    /// An error says the entry may be left in the keyring; the connection is gone either way.
    QFuture<Status> remove(const QString &id);

    /// The saved connection that names the same database as `url` (same provider, host, port,
    /// database, schema and user; SQLite: the same file; passwords are not compared), so that
    /// a database opened from DATABASE_URL or `.env` still shows its environment tag.
    std::optional<ConnectionProfile> findByUrl(const DatabaseUrl &url) const;
    /// The saved project-folder connection for `folder`.
    std::optional<ConnectionProfile> findByProjectFolder(const QString &folder) const;

    /// Most recent first, at most MaxRecentProjects, each an absolute folder.
    QStringList recentProjects() const;
    void addRecentProject(const QString &folder);

    CredentialStore *credentials() const { return m_credentials; }

private:
    void writeProfile(const ConnectionProfile &profile);

    QSettings *m_settings;
    CredentialStore *m_credentials;
    /// Expires with the store, so that an answer arriving later writes no settings.
    std::shared_ptr<int> m_alive = std::make_shared<int>();
};

} // namespace gh
