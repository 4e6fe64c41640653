#pragma once

#include <QString>

namespace gh {

/// What support staff can remove. Deleting a Session row signs that browser out on its next
/// request (Auth.js's database strategy); see Revoker.
enum class RevocationAction {
    Session,                   ///< one session, by its token ("sign this device out")
    UserSessions,              ///< every session of one user ("sign out everywhere")
    ExpiredSessions,           ///< cleanup: sessions that expired before the action started
    AllSessions,               ///< emergency: every session that existed when the action started
    ExpiredVerificationTokens, ///< purge magic-link tokens that expired (Auth.js never does)
    DeleteUser,                ///< the user with their accounts, sessions and authenticators
};

/// The action's stable name in the audit log and the CLI: "revoke-session",
/// "revoke-user-sessions", "revoke-expired-sessions", "revoke-all-sessions",
/// "purge-expired-verification-tokens", "delete-user".
QString revocationActionName(RevocationAction action);
/// The reverse of revocationActionName(); false for an unknown name.
bool parseRevocationAction(const QString &name, RevocationAction *action);

/// One request, as the GUI or CLI builds it before asking Revoker::preview() what it would do.
/// A plain value: build it on the GUI thread, hand it to the worker.
struct RevocationRequest
{
    RevocationAction action = RevocationAction::ExpiredSessions;
    /// Session: the raw session token (the cookie's value). Never logged: the audit log keeps
    /// its SHA-256.
    QString sessionToken;
    /// UserSessions, DeleteUser: the user's id or email (exact).
    QString user;

    static RevocationRequest session(const QString &token)
    {
        return {RevocationAction::Session, token, QString()};
    }
    static RevocationRequest userSessions(const QString &idOrEmail)
    {
        return {RevocationAction::UserSessions, QString(), idOrEmail};
    }
    static RevocationRequest expiredSessions()
    {
        return {RevocationAction::ExpiredSessions, {}, {}};
    }
    static RevocationRequest allSessions() { return {RevocationAction::AllSessions, {}, {}}; }
    static RevocationRequest expiredVerificationTokens()
    {
        return {RevocationAction::ExpiredVerificationTokens, {}, {}};
    }
    static RevocationRequest deleteUser(const QString &idOrEmail)
    {
        return {RevocationAction::DeleteUser, QString(), idOrEmail};
    }
};

} // namespace gh
