#pragma once

#include "core/auth/RecordPage.h"

namespace gh {

/// Everything Gatehouse knows about one user: the detail pane and `gatehouse-cli users show`.
/// Each related list is one page in its model's key order, at most the limit asked for
/// (`atEnd == false` means there are more; page on with RecordQuery::ofUser()).
struct UserPicture
{
    RecordPage user;     ///< exactly one row
    RecordPage accounts; ///< provider, type, token expiry (expires_at), scopes, tokens (secrets)
    RecordPage sessions; ///< newest expiry first
    RecordPage authenticators;     ///< empty, with no fields, when the schema has no Authenticator
    RecordPage verificationTokens; ///< rows whose identifier is the user's email
    bool hasAuthenticatorModel = false;

    QString userId() const { return user.value(0, QStringLiteral("id")).toString(); }
    QString email() const { return user.value(0, QStringLiteral("email")).toString(); }

    /// True when the user has accounts and every one is `type = "credentials"`: Auth.js always
    /// issues JWT cookies for the Credentials provider, so no Session row controls them.
    bool credentialsOnly() const
    {
        const int type = accounts.fieldIndex(QStringLiteral("type"));
        if (accounts.rows.isEmpty() || type < 0)
            return false;
        for (const QVariantList &row : accounts.rows) {
            if (row.value(type).toString() != QLatin1String("credentials"))
                return false;
        }
        return true;
    }
};

} // namespace gh
