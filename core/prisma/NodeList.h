#pragma once

#include <QtGlobal>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gh::prisma {

/// A read-only list of syntax-tree nodes: a view of consecutive nodes in the pools that hold
/// the whole tree of a file (see SyntaxTree). It reads like a const std::vector: range-for,
/// size(), empty(), operator[], at(), front(), back().
///
/// The pools belong to the tree's shared storage, so a NodeList, and pointers and references
/// to its nodes, stay valid as long as any copy of the SyntaxTree (or ParsedFile) lives.
template <typename T> class NodeList
{
public:
    using value_type = T;
    using const_iterator = const T *;
    using iterator = const T *;

    NodeList() = default;
    NodeList(const std::vector<T> *pool, std::size_t first, std::size_t count)
        : m_pool(pool)
        , m_first(std::uint32_t(first))
        , m_count(std::uint32_t(count))
    {}

    const T *begin() const { return m_count ? m_pool->data() + m_first : nullptr; }
    const T *end() const { return m_count ? m_pool->data() + m_first + m_count : nullptr; }
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }

    const T &operator[](std::size_t index) const { return begin()[index]; }
    const T &at(std::size_t index) const
    {
        Q_ASSERT(index < m_count);
        return begin()[index];
    }
    const T &front() const { return at(0); }
    const T &back() const { return at(m_count - 1); }

private:
    const std::vector<T> *m_pool = nullptr;
    std::uint32_t m_first = 0;
    std::uint32_t m_count = 0;
};

} // namespace gh::prisma
