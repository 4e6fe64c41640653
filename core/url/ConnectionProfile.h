#pragma once

#include "core/url/EnvironmentTag.h"
#include "core/url/ProjectOptions.h"

#include <QString>

namespace gh {

/// A saved connection: either a database URL (kept without its password: that lives in the
/// keyring under `id`) or a project folder whose `.env` and schema name the database.
struct ConnectionProfile
{
    /// Stable and opaque; the key of the password in the keyring.
    QString id;
    QString name;
    EnvironmentTag tag = EnvironmentTag::Development;
    /// The URL without a password. Empty for a project folder.
    QString url;
    /// A folder resolved like the Prisma CLI run there. Empty for a URL.
    QString projectFolder;
    /// The keyring holds this connection's password.
    bool passwordInKeyring = false;
    /// The keyring holds the password of the URL's PKCS#12 client identity (`sslpassword`),
    /// under identityPasswordKey().
    bool identityPasswordInKeyring = false;

    bool isProjectFolder() const { return !projectFolder.isEmpty(); }
    QString identityPasswordKey() const { return id + QStringLiteral("/sslpassword"); }

    /// What MainWindow opens: the URL with `password` put back, or the folder as the working
    /// directory. Sensitive: urlOverride holds the password.
    ProjectOptions projectOptions(const QString &password = QString()) const;
};

} // namespace gh
