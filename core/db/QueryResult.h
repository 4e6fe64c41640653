#pragma once

#include <QStringList>
#include <QVariant>
#include <QVector>

namespace gh {

/// Rows read by a query, fully materialised. Values keep the database's natural type
/// (integers as qlonglong, booleans, text as QString, PostgreSQL timestamps as UTC QDateTime);
/// meaning-aware conversion (Prisma's SQLite DateTime encoding, say) belongs to the caller
/// that knows the field.
class QueryResult
{
public:
    QueryResult() = default;
    QueryResult(QStringList columns, QVector<QVariantList> rows)
        : m_columns(std::move(columns))
        , m_rows(std::move(rows))
    {
    }

    const QStringList &columns() const { return m_columns; }
    const QVector<QVariantList> &rows() const { return m_rows; }
    /// The rows, moved out (to convert them in place without a copy).
    QVector<QVariantList> takeRows() && { return std::move(m_rows); }
    int rowCount() const { return int(m_rows.size()); }
    int columnCount() const { return int(m_columns.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    int columnIndex(const QString &name) const { return int(m_columns.indexOf(name)); }
    QVariant value(int row, int column) const { return m_rows.at(row).at(column); }
    QVariant value(int row, const QString &column) const
    {
        const int c = columnIndex(column);
        return c < 0 ? QVariant() : m_rows.at(row).at(c);
    }

private:
    QStringList m_columns;
    QVector<QVariantList> m_rows;
};

} // namespace gh
