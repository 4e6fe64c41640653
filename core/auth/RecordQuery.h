#pragma once

#include "core/auth/AuthModel.h"

#include <QDateTime>
#include <QString>
#include <QVariantList>

namespace gh {

/// Active/expired, judged against RecordQuery::now exactly as Auth.js does: a row is expired
/// when `expires < now` (Auth.js deletes such a session when it reads it) and active otherwise.
/// Applies to Session.expires, VerificationToken.expires and Account.expires_at (epoch seconds;
/// an Account without expires_at never expires, so it counts as active).
enum class ExpiryFilter { Any, Active, Expired };

/// What one view shows: a model, an order, a search and typed filters. A plain value: build it
/// on the GUI thread, copy it to the worker that runs it. Every value it holds reaches the
/// database as a bound parameter; field names are Prisma names, mapped by AuthSchema.
///
/// Unset members do not filter. Filters that do not apply to the model are errors
/// (InvalidArgument), so a typo cannot silently show everything.
struct RecordQuery
{
    AuthModelKind model = AuthModelKind::User;

    /// Prisma field name to order by; empty orders by the model's key. Ties are broken by the
    /// key, so the order is total and keyset pages neither skip nor repeat rows. NULLs come
    /// last in ascending order and first in descending order (PostgreSQL's default, so a
    /// btree index serves both directions).
    QString sortField;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    /// The search box. What it matches depends on the model (AuthQueries::searchFields()):
    ///   User              id prefix, email prefix (case-sensitive; served by the unique email
    ///                     index), name substring (case-insensitive)
    ///   Account           provider prefix, providerAccountId prefix, userId prefix
    ///   Session           sessionToken prefix, userId prefix
    ///   VerificationToken identifier prefix
    ///   Authenticator     credentialID prefix, userId prefix, providerAccountId prefix
    /// Prefix matches on indexed columns use index ranges; substring matches scan the table.
    QString search;
    /// Restricts the search to one of the model's search fields (Prisma name), e.g. "email":
    /// the index-only path for "find a user by email prefix". Empty: all of them (OR).
    QString searchField;

    /// Account, Session, Authenticator: rows owned by this user id. User: that user only.
    QString userId;
    /// Account: this provider exactly ("github").
    QString provider;
    /// VerificationToken: this identifier exactly (usually an email address).
    QString identifier;

    ExpiryFilter expiry = ExpiryFilter::Any;
    /// Session, VerificationToken (expires) and Account (expires_at): expires at or after this
    /// instant (inclusive) / before this instant (exclusive). Invalid = unbounded.
    QDateTime expiresFrom;
    QDateTime expiresBefore;
    /// The instant `expiry` is judged against; invalid = the current time when the query runs.
    QDateTime now;

    /// The field actually ordered by (sortField or the first key field).
    QString effectiveSortField(const AuthModel &model) const
    {
        return sortField.isEmpty() ? model.keyFields.value(0) : sortField;
    }

    friend bool operator==(const RecordQuery &a, const RecordQuery &b)
    {
        return a.model == b.model && a.sortField == b.sortField && a.sortOrder == b.sortOrder &&
               a.search == b.search && a.searchField == b.searchField && a.userId == b.userId &&
               a.provider == b.provider && a.identifier == b.identifier && a.expiry == b.expiry &&
               a.expiresFrom == b.expiresFrom && a.expiresBefore == b.expiresBefore &&
               a.now == b.now;
    }
    friend bool operator!=(const RecordQuery &a, const RecordQuery &b) { return !(a == b); }

    /// Rows of `kind` owned by a user: the "back" navigation from a user to their sessions etc.
    static RecordQuery ofUser(AuthModelKind kind, const QString &userId)
    {
        RecordQuery q;
        q.model = kind;
        q.userId = userId;
        return q;
    }
};

/// Which side of a position a page is read from. Rows always come back in the query's order.
enum class PageDirection {
    Forward, ///< rows after the position (from the start when the position is empty)
    Backward ///< rows before the position (from the end when the position is empty)
};

/// Where a row sits in one query's order: its sort value and key, raw as the database holds them
/// (so SQLite DateTime values stay comparable whatever their encoding). Opaque to callers: valid
/// only with the query (model + sort) it came from. Empty = before the first row (Forward) or
/// after the last (Backward).
struct RecordPosition
{
    QVariantList values;
    /// The row at this position is itself part of the page (locate() and seek() return such
    /// positions); otherwise pages start strictly after (Forward) or before (Backward) it.
    bool inclusive = false;

    bool isEmpty() const { return values.isEmpty(); }
    bool operator==(const RecordPosition &other) const
    {
        return values == other.values && inclusive == other.inclusive;
    }
    bool operator!=(const RecordPosition &other) const { return !(*this == other); }
};

} // namespace gh
