#pragma once

#include <QtGlobal>
#include <deque>
#include <vector>

namespace gh::ui {

/// A bounded window of consecutive rows [first(), end()) out of a table far larger than memory.
///
/// The table model keeps the rows around the viewport here: scrolling down appends a page and
/// evicts from the top, scrolling up prepends and evicts from the bottom, a jump (seek, Ctrl+End)
/// resets the window somewhere else. Memory is bounded by `capacity` whatever the table's size.
/// Row numbers are the model's row indexes; the window can be re-anchored with shift() when an
/// estimated position turns out to be off (a seek lands on an estimated quantile).
template <typename T> class RowCache
{
public:
    explicit RowCache(int capacity)
        : m_capacity(qMax(1, capacity))
    {}

    int capacity() const { return m_capacity; }
    /// A smaller capacity evicts from the end of the window.
    void setCapacity(int capacity)
    {
        m_capacity = qMax(1, capacity);
        while (int(m_rows.size()) > m_capacity)
            m_rows.pop_back();
    }

    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    /// The row number of the first cached row (meaningless when empty).
    int first() const { return m_first; }
    /// One past the row number of the last cached row.
    int end() const { return m_first + size(); }
    bool contains(int row) const { return row >= m_first && row < end(); }

    /// The cached row `row`; contains(row) must hold.
    const T &at(int row) const { return m_rows[std::size_t(row - m_first)]; }
    T &at(int row) { return m_rows[std::size_t(row - m_first)]; }
    /// The cached row `row`, or nullptr.
    const T *find(int row) const { return contains(row) ? &at(row) : nullptr; }
    const T &front() const { return m_rows.front(); }
    const T &back() const { return m_rows.back(); }

    /// Replaces the window with `rows` starting at row `first`. Keeps the first `capacity` rows.
    void reset(int first, std::vector<T> rows)
    {
        reset(first, int(rows.size()), [&rows](int i) { return std::move(rows[std::size_t(i)]); });
    }

    /// The same with the rows made in place, `make(i)` for i in [0, count): no vector of them
    /// made, moved from and destroyed first.
    template <typename Make> void reset(int first, int count, const Make &make)
    {
        m_rows.clear();
        m_first = first;
        for (int i = 0; i < count && size() < m_capacity; ++i)
            m_rows.push_back(make(i));
    }

    /// Adds `rows` right after end() (at first() when empty), evicting from the front to stay
    /// within capacity. Returns the number of rows evicted.
    int append(std::vector<T> rows)
    {
        int evicted = 0;
        for (T &row : rows) {
            m_rows.push_back(std::move(row));
            if (size() > m_capacity) {
                m_rows.pop_front();
                ++m_first;
                ++evicted;
            }
        }
        return evicted;
    }

    /// Adds `rows` (in table order) right before first(), evicting from the back to stay within
    /// capacity. Returns the number of rows evicted.
    int prepend(std::vector<T> rows)
    {
        int evicted = 0;
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
            m_rows.push_front(std::move(*it));
            --m_first;
            if (size() > m_capacity) {
                m_rows.pop_back();
                ++evicted;
            }
        }
        return evicted;
    }

    /// Moves the window by `delta` rows without touching its contents.
    void shift(int delta) { m_first += delta; }

    /// Drops the cached rows outside [from, to).
    void trim(int from, int to)
    {
        while (!m_rows.empty() && m_first < from) {
            m_rows.pop_front();
            ++m_first;
        }
        while (!m_rows.empty() && end() > to)
            m_rows.pop_back();
        if (m_rows.empty())
            m_first = 0;
    }

    void clear()
    {
        m_rows.clear();
        m_first = 0;
    }

    /// Empties the window and hands its rows to the caller, who may free them later (a table
    /// model frees the old rows once the new query is on its way, not before sending it).
    std::deque<T> take()
    {
        std::deque<T> rows;
        rows.swap(m_rows);
        m_first = 0;
        return rows;
    }

private:
    std::deque<T> m_rows;
    int m_first = 0;
    int m_capacity;
};

} // namespace gh::ui
