#pragma once

#include "core/common/Result.h"
#include "core/url/ConnectionProfile.h"
#include "core/url/DatabaseUrl.h"

#include <QList>
#include <QStringList>
#include <optional>

class QSettings;

namespace gh {

class CredentialStore;

/// Saved connections and recent project folders in QSettings, passwords in a CredentialStore.
/// No password is ever written to the settings: URLs are stored without one, and when the
/// credential store is unavailable the password is dropped and save() says so.
class ConnectionStore
{
public:
    static constexpr int MaxRecentProjects = 10;

    /// Neither is owned; both must outlive the store. `credentials` may be null for a store
    /// that only looks connections up (connections(), findByUrl(), ...): saving, removing and
    /// reading passwords then need one.
    ConnectionStore(QSettings *settings, CredentialStore *credentials);

    /// Sorted by name.
    QList<ConnectionProfile> connections() const;
    std::optional<ConnectionProfile> connection(const QString &id) const;

    struct Saved
    {
        ConnectionProfile profile;
        /// Why the password was not saved (KeyringUnavailable, KeyringFailed); None when it
        /// was, or when there was none to save.
        Error passwordError;
    };
    /// Adds (empty id: a new one is made) or replaces a connection. The URL may hold a password:
    /// it is taken out; `password` (or else the URL's) goes to the credential store when
    /// `savePassword`, and any saved one is removed otherwise. Errors: InvalidArgument (no
    /// name, neither URL nor folder), the URL's parse errors.
    Result<Saved> save(ConnectionProfile profile, const QString &password, bool savePassword);
    /// The saved password. Errors: NotFound, KeyringUnavailable, KeyringFailed.
    Result<QString> password(const QString &id);
    /// Removes the connection and its password. Succeeds when the keyring cannot be reached
    /// (the entry is then left in it, and the error says so).
    Status remove(const QString &id);

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
    QSettings *m_settings;
    CredentialStore *m_credentials;
};

} // namespace gh
