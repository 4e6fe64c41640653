#pragma once

#include "core/db/SqlDialect.h"

#include <QString>
#include <QVariant>
#include <QVariantList>

namespace gh {

/// A query text with its bound values. Values never enter the text: `bind()` appends a value and
/// returns the dialect's placeholder for it, so building a statement cannot inject SQL.
class SqlStatement
{
public:
    explicit SqlStatement(SqlDialect dialect) : m_dialect(dialect) {}
    SqlStatement(SqlDialect dialect, QString sql, QVariantList values = {})
        : m_dialect(dialect)
        , m_sql(std::move(sql))
        , m_values(std::move(values))
    {
    }

    SqlDialect dialect() const { return m_dialect; }
    const QString &sql() const { return m_sql; }
    const QVariantList &values() const { return m_values; }

    /// Appends a value and returns its placeholder (`$n` or `?`).
    QString bind(const QVariant &value)
    {
        m_values.append(value);
        return placeholder(m_dialect, int(m_values.size()));
    }

    /// Quotes an identifier with the dialect's one quoting function.
    QString id(const QString &identifier) const { return quoteIdentifier(m_dialect, identifier); }

    SqlStatement &operator<<(const QString &text)
    {
        m_sql += text;
        return *this;
    }
    SqlStatement &operator<<(QLatin1String text)
    {
        m_sql += text;
        return *this;
    }

private:
    SqlDialect m_dialect;
    QString m_sql;
    QVariantList m_values;
};

} // namespace gh
