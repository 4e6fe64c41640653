#include "core/auth/RevocationRequest.h"

namespace gh {

namespace {

struct ActionName
{
    RevocationAction action;
    const char *name;
};

constexpr ActionName kNames[] = {
    {RevocationAction::Session, "revoke-session"},
    {RevocationAction::UserSessions, "revoke-user-sessions"},
    {RevocationAction::ExpiredSessions, "revoke-expired-sessions"},
    {RevocationAction::AllSessions, "revoke-all-sessions"},
    {RevocationAction::ExpiredVerificationTokens, "purge-expired-verification-tokens"},
    {RevocationAction::DeleteUser, "delete-user"},
};

} // namespace

QString revocationActionName(RevocationAction action)
{
    for (const ActionName &entry : kNames) {
        if (entry.action == action)
            return QString::fromLatin1(entry.name);
    }
    return QString();
}

bool parseRevocationAction(const QString &name, RevocationAction *action)
{
    for (const ActionName &entry : kNames) {
        if (name == QLatin1String(entry.name)) {
            *action = entry.action;
            return true;
        }
    }
    return false;
}

} // namespace gh
