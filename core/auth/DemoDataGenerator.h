#pragma once

#include "core/common/Result.h"

#include <QDateTime>

namespace gh {

class AuthSchema;
class Database;

/// Seeds an Auth.js database with realistic, deterministic demo data: users with several OAuth
/// providers, magic-link and credentials accounts, sessions spread between long expired and
/// active, verification tokens and WebAuthn authenticators.
///
/// Names, e-mails, ids and tokens depend only on the seed; every time is `now` plus a
/// deterministic offset, so the same seed and `now` give identical rows. DateTime values are
/// stored as Prisma's native SQLite connector stores them: integer milliseconds since the
/// Unix epoch, UTC.
class DemoDataGenerator
{
public:
    static constexpr quint32 DefaultSeed = 20240611;

    /// What was inserted; sessions and tokens are split at `now`.
    struct Counts
    {
        int users = 0;
        int credentialsOnlyUsers = 0;
        int accounts = 0;
        int sessions = 0;
        int activeSessions = 0;
        int expiredSessions = 0;
        int verificationTokens = 0;
        int liveVerificationTokens = 0;
        int authenticators = 0;
    };

    explicit DemoDataGenerator(QDateTime now, quint32 seed = DefaultSeed);

    /// Inserts the data into the tables `schema` names (reconcile it with the database first,
    /// so that columns such as Authenticator's `userID` are spelled as the database has them),
    /// in one transaction with bound values.
    Result<Counts> insertInto(Database &database, const AuthSchema &schema) const;

private:
    QDateTime m_now;
    quint32 m_seed;
};

} // namespace gh
