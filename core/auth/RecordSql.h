#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RecordQuery.h"
#include "core/common/Result.h"
#include "core/db/SqlStatement.h"

#include <functional>

namespace gh {

/// How a text column orders strings, which decides how a prefix search can use its index.
enum class TextOrder {
    Bytes,      ///< byte / code point order (SQLite BINARY, PostgreSQL "C", "POSIX", "C.UTF-8")
    Icu,        ///< an ICU collation: CLDR gives U+FFFF the highest primary weight
    Linguistic, ///< a libc locale such as en_US.UTF-8
};

/// The SQL of one RecordQuery on one model (internal to core/auth): the select list, filters,
/// keyset conditions and order, with every name from the AuthModel and every value bound.
///
/// Rows are ordered by (sort expression, key...), NULL sort values counting as greater than
/// any other value (NULLS LAST ascending, NULLS FIRST descending: PostgreSQL's defaults, so one
/// btree index serves both directions). The select list is the model's fields followed by the
/// "position columns" — the raw sort value (unless the sort is the key) and the key — from which
/// RecordPositions are made.
class RecordSql
{
public:
    /// The text order of a column, asked lazily (PostgreSQL needs a catalog query).
    using TextOrderLookup = std::function<TextOrder(const AuthField &field)>;

    /// Checks the query against the model (fields exist, filters apply) and prepares it.
    static Result<RecordSql> make(const AuthModel &model, const RecordQuery &query,
                                  SqlDialect dialect, QString table, TextOrderLookup textOrder);

    const AuthModel &model() const { return m_model; }
    SqlDialect dialect() const { return m_dialect; }
    const QString &table() const { return m_table; }
    bool sortIsKey() const { return m_sortIsKey; }
    const AuthField &sortField() const { return m_sortField; }
    int positionColumnCount() const
    {
        return int(m_model.keyFields.size()) + (m_sortIsKey ? 0 : 1);
    }

    /// An extra `field = value` condition (exact lookups: a user by email, a row by key).
    void addEquality(const QString &fieldName, const QVariant &value)
    {
        m_equalities.append({fieldName, value});
    }

    /// The fields, then the position columns that are not plain field columns.
    QString selectList() const;
    /// For each position column, the index in a selectList() row that holds its value.
    QVector<int> positionSources() const;
    /// Only the position columns.
    QString positionList() const;
    /// The query's filters as conditions, values bound to `st` in text order (SQLite's `?`
    /// placeholders are positional: bind nothing else before these conditions are placed).
    QStringList filterConditions(SqlStatement &st) const;
    /// " WHERE a AND b" or "" when there are no conditions.
    static QString whereClause(QStringList conditions);
    bool hasFilters() const;
    /// "ORDER BY ..." in the query's order, or reversed.
    QString orderBy(bool reversed) const;

    /// Rows after (or at, when inclusive) `position` when reading in the query's order
    /// (`reversed` false) or against it. A one-value position on a non-key sort bounds the sort
    /// value only: every row whose sort value is at or beyond it.
    QString keysetCondition(SqlStatement &st, const RecordPosition &position, bool reversed) const;

    /// The statement for one page: up to `limit` rows on one side of `position`.
    SqlStatement pageStatement(const RecordPosition &position, bool reversed, int limit) const;
    /// SELECT count(*) with the filters.
    SqlStatement countStatement() const;

    /// The expression a DateTime field compares and sorts by: the column on PostgreSQL, epoch
    /// milliseconds on SQLite whichever way the value is stored (see sqliteMillis()).
    QString dateTimeExpression(const AuthField &field) const;
    /// A bound DateTime value comparable with dateTimeExpression().
    QString bindDateTime(SqlStatement &st, const QDateTime &value) const;

    /// SQLite DateTime values as epoch milliseconds: INTEGER as Prisma's Rust driver writes it,
    /// ISO-8601 text as Prisma 7's driver adapters ("2024-06-11T10:00:00.123+00:00") and
    /// CURRENT_TIMESTAMP ("2024-06-11 10:00:00") write it. SQLite sorts any TEXT above any
    /// INTEGER, so comparing raw values would be wrong as soon as both encodings meet.
    static QString sqliteMillis(const QString &quotedColumn);

    /// The smallest string greater than every string that starts with `prefix` in byte order:
    /// the last code point incremented ("ab" -> "ac"). Empty when there is none.
    static QString prefixUpperBound(const QString &prefix);
    /// `text` with LIKE's wildcards and the escape character escaped by a backslash.
    static QString escapeLike(const QString &text);

private:
    RecordSql() = default;

    QString column(const AuthField &field) const;
    QString sortExpression() const;
    QStringList keyColumns() const;
    QStringList positionExpressions() const;
    QString searchCondition(SqlStatement &st) const;
    QString prefixCondition(SqlStatement &st, const AuthField &field, const QString &prefix) const;
    QString substringCondition(SqlStatement &st, const AuthField &field, const QString &text) const;
    QString expiryField() const;

    AuthModel m_model;
    RecordQuery m_query;
    SqlDialect m_dialect = SqlDialect::PostgreSQL;
    QString m_table;
    TextOrderLookup m_textOrder;
    AuthField m_sortField;
    bool m_sortIsKey = true;
    QVector<QPair<QString, QVariant>> m_equalities;
};

} // namespace gh
