#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RecordSql.h"
#include "core/common/Result.h"
#include "core/db/SqlStatement.h"

#include <QDateTime>
#include <optional>

namespace gh {

/// The SQL of one revocation on one table (internal to core/auth): which rows match, counted,
/// deleted at once, by physical range, or by key range. Filters reuse RecordSql's, so "expired"
/// means exactly what the inspector shows as expired. Every value is bound; every name comes
/// from the AuthModel.
class RevocationSql
{
public:
    /// Unset members do not filter.
    struct Filter
    {
        QString userId;       ///< rows of this user (Session, Account, Authenticator)
        QString sessionToken; ///< this one session
        /// Auth.js's "expired" judged at this instant: expires < expiredAt.
        QDateTime expiredAt;
        /// Rows that existed at this instant: createdAt <= it (or a createdAt SQLite cannot
        /// read, so that an unreadable value never shields a session). Needs a createdAt field.
        QDateTime createdAtOrBefore;
    };

    static Result<RevocationSql> make(const AuthModel &model, SqlDialect dialect,
                                      const QString &qualifiedTable, const Filter &filter);

    const AuthModel &model() const { return m_model; }
    /// The column whose values the audit log hashes (the session token), or empty.
    QString tokenColumn() const;

    SqlStatement count() const;
    /// Every matching row in one statement.
    SqlStatement deleteAll(bool returnTokens) const;
    /// PostgreSQL: the rows in heap pages [from, to) (a TID Range Scan, PostgreSQL 14+);
    /// SQLite: rowids [from, to). `to` < 0: to the end of the table.
    SqlStatement deleteRange(qint64 from, qint64 to, bool returnTokens) const;
    /// Key order: the key of the `n`th matching row after `after` (empty: from the first).
    SqlStatement keyBoundary(const QVariantList &after, int n) const;
    /// Key order: matching rows with a key in (after, through]; empty `through` = to the end.
    SqlStatement deleteKeyRange(const QVariantList &after, const QVariantList &through,
                                bool returnTokens) const;

private:
    RevocationSql() = default;

    QString keyList() const;
    QString keyTuple() const;
    QString boundTuple(SqlStatement &st, const QVariantList &values) const;
    /// " WHERE leading AND filters"; `leading` conditions were bound before the filters.
    QString where(SqlStatement &st, QStringList leading = {}) const;
    QString returning(bool returnTokens) const;

    AuthModel m_model;
    SqlDialect m_dialect = SqlDialect::PostgreSQL;
    QString m_table;
    Filter m_filter;
    std::optional<RecordSql> m_recordSql;
};

} // namespace gh
