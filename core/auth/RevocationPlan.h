#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RevocationConfirmation.h"
#include "core/auth/RevocationRequest.h"

#include <QDateTime>
#include <QVector>

namespace gh {

/// Something the user should know before confirming. Blocking warnings stop Revoker::execute().
struct RevocationWarning
{
    enum class Kind {
        /// The user's accounts are all `credentials`: Auth.js signs them in with JWT cookies that
        /// no Session row controls, so deleting rows does not sign them out.
        CredentialsOnly,
        /// "Revoke every session": this many users sign in with Credentials only (same reason).
        CredentialsUsers,
        /// No Session rows although there are users: the app probably uses the JWT strategy.
        NoSessionRows,
        /// Expired sessions already sign nobody in (Auth.js refuses and deletes them when read):
        /// removing them is housekeeping.
        ExpiredIsHousekeeping,
        /// Auth.js deletes a verification token when it is used, but never purges expired ones.
        TokensNeverPurged,
        /// The Session model has no createdAt: sessions created while the revoke runs cannot be
        /// told apart and may be revoked too.
        NoCreatedAt,
        /// Delete user: another table references the user (its rows are deleted with the user,
        /// set to NULL, or block the delete, as its foreign key says).
        ReferencedByTable,
        /// Delete user: SQLite's foreign_keys pragma is off, so other tables' ON DELETE rules
        /// will not run (Gatehouse deletes the Auth.js rows itself).
        ForeignKeysOff,
        /// Delete user: verification tokens (pending magic links) for the email stay; using one
        /// signs the address up again.
        PendingVerificationTokens,
        /// The connection is read-only: nothing can be changed.
        ReadOnly,
    };
    enum class Severity { Info, Warning, Blocking };

    Kind kind = Kind::CredentialsOnly;
    Severity severity = Severity::Warning;
    QString message;
};

/// Rows one table loses.
struct RevocationCount
{
    AuthModelKind model = AuthModelKind::Session;
    QString table; ///< for people: the table after @@map, "auth.Session" under @@schema
    qint64 rows = 0;
};

/// "1 session", "1,204 sessions", "2 verification tokens": a count of rows of one model, for
/// summaries and result messages (the GUI's and the CLI's).
QString revocationRowsText(AuthModelKind model, qint64 rows);
/// Adds `counts` to `into`, model by model (a model not yet in `into` goes at its end): the
/// total of several plans or results.
void addRevocationCounts(QVector<RevocationCount> &into, const QVector<RevocationCount> &counts);
/// "1 user, 3 sessions, 2 accounts": every table touched, in order.
QString revocationCountsText(const QVector<RevocationCount> &counts);

/// What an action would do, computed from the database by Revoker::preview(): the exact number
/// of rows it removes (as of `cutoff`), the user it concerns, warnings, and the confirmation it
/// needs. A plain value: the GUI shows it, then hands it back to Revoker::execute().
struct RevocationPlan
{
    RevocationRequest request;
    /// One sentence for a dialog or the terminal: "Revoke 3 sessions of ada@example.com".
    QString summary;
    /// The database's clock when the preview ran: expired = expires < cutoff; "every session" =
    /// createdAt <= cutoff. execute() fixes its own cutoff when it starts.
    QDateTime cutoff;
    /// Rows the action removes from its main table (sessions; verification tokens; 1 user).
    qint64 rows = 0;
    /// Every table touched, main table first (delete user: User, Session, Account, Authenticator).
    QVector<RevocationCount> counts;
    /// UserSessions, DeleteUser (and Session: the session's owner).
    QString userId;
    QString userEmail;
    QVector<RevocationWarning> warnings;
    /// What a TypeText confirmation of a bulk action asks for: the PostgreSQL database name or
    /// the SQLite file name.
    QString databaseName;

    qint64 rowsIn(AuthModelKind model) const
    {
        for (const RevocationCount &c : counts) {
            if (c.model == model)
                return c.rows;
        }
        return 0;
    }
    bool hasWarning(RevocationWarning::Kind kind) const
    {
        for (const RevocationWarning &w : warnings) {
            if (w.kind == kind)
                return true;
        }
        return false;
    }
    /// True when a Blocking warning forbids running it (read-only, a foreign key that refuses).
    bool isBlocked() const
    {
        for (const RevocationWarning &w : warnings) {
            if (w.severity == RevocationWarning::Severity::Blocking)
                return true;
        }
        return false;
    }

    /// What the user must do to confirm. Revoking every session types the database name;
    /// deleting a user types the user's email (their id when they have none). With `production`
    /// (a connection marked production) every action types the database name, or the email for
    /// deleting a user.
    RevocationConfirmation confirmation(bool production = false) const;
};

} // namespace gh
