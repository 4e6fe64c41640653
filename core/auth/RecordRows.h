#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RecordQuery.h"

#include <QVariantList>
#include <QVector>
#include <iterator>
#include <memory>

namespace gh {

class RawResult;

/// The rows of a RecordPage, values in the order of the page's fields and in their Prisma types
/// (DateTime as UTC QDateTime, Boolean as bool, Int as qlonglong, String as QString, NULL as an
/// invalid QVariant), each with its RecordPosition.
///
/// Rows read from the database keep the query's result as it came (RawResult) and convert a
/// cell the first time it is read: a table shows some 30 of a page's 200 rows, and converting
/// every cell up front cost more than the query itself. The conversion is kept, shared by every
/// copy of the rows, so a repainted cell is converted once. Reading is thread-safe (a cell is
/// published once, under a lock; reads of converted cells take none), so a page built on a
/// worker thread may be read anywhere, copies included.
///
/// Rows added with append() are held as given. The read API mirrors QVector<QVariantList>
/// (size(), at(), value(), range-for yields each row as a QVariantList), so code that needs a
/// whole row reads it that way; value(row, column) reads one cell without building the row.
class RecordRows
{
public:
    RecordRows() = default;

    /// The first `count` rows of `result` (in reverse when `reversed`): its first columns are
    /// the fields, of `types`; `positionSources` are the result columns of a row's position.
    static RecordRows fromResult(std::shared_ptr<const RawResult> result, QVector<FieldType> types,
                                 QVector<int> positionSources, int count, bool reversed);

    int size() const { return m_lazy ? m_count : int(m_values.size()); }
    int count() const { return size(); }
    bool isEmpty() const { return size() == 0; }

    /// One cell; an invalid QVariant when `row` or `column` is out of range.
    const QVariant &value(int row, int column) const;
    /// The values of a row; `row` must be in range.
    QVariantList at(int row) const;
    /// The values of a row, or an empty list when out of range.
    QVariantList value(int row) const;
    /// Whether a cell holds its converted value already (read before, on any thread, or added
    /// with append()); false when out of range.
    bool isConverted(int row, int column) const;
    /// Where the row sits in its query's order (see RecordPage); empty when out of range.
    RecordPosition position(int row) const;

    /// `length` rows from `first` (to the end when negative), sharing the conversions.
    RecordRows mid(int first, int length = -1) const;

    /// Adds a row of values already in their Prisma types.
    void append(QVariantList values, RecordPosition position = RecordPosition());
    RecordRows &operator<<(QVariantList values)
    {
        append(std::move(values));
        return *this;
    }
    void reserve(int rows);

    /// Yields each row as a QVariantList (by value: bind it to a const reference or a copy).
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = QVariantList;
        using difference_type = int;
        using pointer = void;
        using reference = QVariantList;

        const_iterator(const RecordRows *rows, int row)
            : m_rows(rows)
            , m_row(row)
        {}
        QVariantList operator*() const { return m_rows->at(m_row); }
        const_iterator &operator++()
        {
            ++m_row;
            return *this;
        }
        bool operator==(const const_iterator &other) const { return m_row == other.m_row; }
        bool operator!=(const const_iterator &other) const { return m_row != other.m_row; }

    private:
        const RecordRows *m_rows;
        int m_row;
    };
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }

private:
    struct Cells;

    /// The result row a page row stands for (lazy rows only).
    int source(int row) const { return m_first + row * m_step; }
    /// Turns lazy rows into held ones (before append()).
    void materialize();

    // Lazy: m_count rows of m_lazy, the first at result row m_first, then every m_step.
    std::shared_ptr<Cells> m_lazy;
    int m_first = 0;
    int m_step = 1;
    int m_count = 0;
    // Held: rows given to append().
    QVector<QVariantList> m_values;
    QVector<RecordPosition> m_positions;
};

} // namespace gh
