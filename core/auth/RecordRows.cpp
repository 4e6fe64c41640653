#include "core/auth/RecordRows.h"

#include "core/auth/AuthQueries.h"
#include "core/db/RawResult.h"

#include <QDateTime>
#include <atomic>
#include <mutex>
#include <utility>

namespace gh {

namespace {

const QVariant &nullValue()
{
    static const QVariant null;
    return null;
}

// True when AuthQueries::fromDatabase() would return `value` unchanged: the PostgreSQL backend
// already delivers most values in their final type, and skipping the copy matters per cell.
bool isCanonical(const QVariant &value, FieldType type)
{
    if (!value.isValid())
        return true;
    if (value.isNull())
        return false;
    switch (value.typeId()) {
    case QMetaType::QDateTime:
        return type == FieldType::DateTime &&
               static_cast<const QDateTime *>(value.constData())->timeSpec() == Qt::UTC;
    case QMetaType::QString:
        return type == FieldType::String;
    case QMetaType::Bool:
        return type == FieldType::Boolean;
    case QMetaType::LongLong:
        return type == FieldType::Int;
    default:
        return false;
    }
}

} // namespace

/// A query's result and the cells converted from it so far, shared by the rows read from it.
struct RecordRows::Cells
{
    Cells(std::shared_ptr<const RawResult> raw, QVector<FieldType> fieldTypes, QVector<int> sources)
        : result(std::move(raw))
        , types(std::move(fieldTypes))
        , positionSources(std::move(sources))
        , cellCount(std::size_t(result->rowCount()) * std::size_t(types.size()))
        , ready(new std::atomic<bool>[cellCount]())
    {}

    bool isConverted(int row, int column) const
    {
        const std::size_t i = std::size_t(row) * std::size_t(types.size()) + std::size_t(column);
        return ready[i].load(std::memory_order_acquire);
    }

    const QVariant &value(int row, int column)
    {
        const std::size_t i = std::size_t(row) * std::size_t(types.size()) + std::size_t(column);
        // Published with release below: a reader that sees the flag sees the value.
        if (ready[i].load(std::memory_order_acquire))
            return values[i];
        const std::lock_guard<std::mutex> lock(mutex);
        if (!ready[i].load(std::memory_order_relaxed)) {
            if (!values) // the first read: rows only ever paged over convert nothing
                values.reset(new QVariant[cellCount]);
            QVariant raw = result->value(row, column);
            const FieldType type = types.at(column);
            // Moved, not copied: a copy of a string or timestamp is a reference count's round trip.
            values[i] =
                isCanonical(raw, type) ? std::move(raw) : AuthQueries::fromDatabase(raw, type);
            ready[i].store(true, std::memory_order_release);
        }
        return values[i];
    }

    const std::shared_ptr<const RawResult> result;
    const QVector<FieldType> types;
    const QVector<int> positionSources;
    const std::size_t cellCount;
    const std::unique_ptr<std::atomic<bool>[]> ready;
    std::unique_ptr<QVariant[]> values; // set once, under the mutex
    std::mutex mutex;
};

RecordRows RecordRows::fromResult(std::shared_ptr<const RawResult> result, QVector<FieldType> types,
                                  QVector<int> positionSources, int count, bool reversed)
{
    RecordRows rows;
    if (!result)
        return rows;
    rows.m_count = qBound(0, count, result->rowCount());
    rows.m_first = reversed ? rows.m_count - 1 : 0;
    rows.m_step = reversed ? -1 : 1;
    rows.m_lazy =
        std::make_shared<Cells>(std::move(result), std::move(types), std::move(positionSources));
    return rows;
}

const QVariant &RecordRows::value(int row, int column) const
{
    if (row < 0 || row >= size() || column < 0)
        return nullValue();
    if (m_lazy) {
        if (column >= m_lazy->types.size())
            return nullValue();
        return m_lazy->value(source(row), column);
    }
    const QVariantList &values = m_values.at(row);
    return column < values.size() ? values.at(column) : nullValue();
}

bool RecordRows::isConverted(int row, int column) const
{
    if (row < 0 || row >= size() || column < 0)
        return false;
    if (m_lazy)
        return column < m_lazy->types.size() && m_lazy->isConverted(source(row), column);
    return column < m_values.at(row).size();
}

QVariantList RecordRows::at(int row) const
{
    if (!m_lazy)
        return m_values.at(row);
    QVariantList values;
    const int columns = int(m_lazy->types.size());
    values.reserve(columns);
    for (int c = 0; c < columns; ++c)
        values << m_lazy->value(source(row), c);
    return values;
}

QVariantList RecordRows::value(int row) const
{
    return row >= 0 && row < size() ? at(row) : QVariantList();
}

RecordPosition RecordRows::position(int row) const
{
    if (row < 0 || row >= size())
        return RecordPosition();
    if (!m_lazy)
        return m_positions.value(row);
    // Raw as the database holds them (see RecordPosition), so not from the converted cells.
    RecordPosition position;
    position.values.reserve(m_lazy->positionSources.size());
    for (int column : m_lazy->positionSources)
        position.values << m_lazy->result->value(source(row), column);
    return position;
}

RecordRows RecordRows::mid(int first, int length) const
{
    first = qBound(0, first, size());
    length = length < 0 ? size() - first : qMin(length, size() - first);
    RecordRows rows;
    if (m_lazy) {
        rows.m_lazy = m_lazy;
        rows.m_first = source(first);
        rows.m_step = m_step;
        rows.m_count = length;
    } else {
        rows.m_values = m_values.mid(first, length);
        rows.m_positions = m_positions.mid(first, length);
    }
    return rows;
}

void RecordRows::materialize()
{
    if (!m_lazy)
        return;
    QVector<QVariantList> values;
    QVector<RecordPosition> positions;
    values.reserve(m_count);
    positions.reserve(m_count);
    for (int r = 0; r < m_count; ++r) {
        values << at(r);
        positions << position(r);
    }
    m_lazy.reset();
    m_count = 0;
    m_values = std::move(values);
    m_positions = std::move(positions);
}

void RecordRows::append(QVariantList values, RecordPosition position)
{
    materialize();
    m_values << std::move(values);
    m_positions << std::move(position);
}

void RecordRows::reserve(int rows)
{
    if (!m_lazy) {
        m_values.reserve(rows);
        m_positions.reserve(rows);
    }
}

} // namespace gh
