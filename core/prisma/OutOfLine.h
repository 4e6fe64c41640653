#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <utility>

namespace gh::prisma {

namespace detail {

// The boxes of one size that OutOfLine values on this thread gave back, for the next ones.
// A data model has tens of thousands of boxes and the next one (the editor validates after
// every pause in typing) as many again: the C library's caches keep only a few blocks per size,
// and its other lists cost several hundred instructions per block and per free.
template <std::size_t Size> class BoxCache
{
public:
    static void *take()
    {
        BoxCache &cache = instance();
        if (s_gone || !cache.m_first)
            return ::operator new(Size);
        Node *node = cache.m_first;
        cache.m_first = node->next;
        --cache.m_count;
        return node;
    }

    static void give(void *box) noexcept
    {
        if (s_gone) {
            ::operator delete(box);
            return;
        }
        BoxCache &cache = instance();
        if (cache.m_count >= maxCount) {
            ::operator delete(box);
            return;
        }
        cache.m_first = new (box) Node{cache.m_first};
        ++cache.m_count;
    }

    ~BoxCache()
    {
        s_gone = true;
        while (m_first) {
            Node *next = m_first->next;
            ::operator delete(m_first);
            m_first = next;
        }
    }

private:
    struct Node
    {
        Node *next;
    };
    static_assert(Size >= sizeof(Node));
    // Enough for the boxes of a schema of a few thousand models; more go back to the library.
    static constexpr std::size_t maxCount = std::size_t(1) << 15;

    static BoxCache &instance()
    {
        static thread_local BoxCache cache;
        return cache;
    }

    // Set when this thread's cache is destroyed: boxes that die later go straight back.
    static inline thread_local bool s_gone = false;
    Node *m_first = nullptr;
    std::size_t m_count = 0;
};

// std::unique_ptr's deleter for a box from BoxCache.
template <typename T> struct BoxDeleter
{
    void operator()(T *value) const noexcept
    {
        value->~T();
        BoxCache<sizeof(T)>::give(value);
    }
};

template <typename T, typename... Args> std::unique_ptr<T, BoxDeleter<T>> makeBox(Args &&...args)
{
    void *box = BoxCache<sizeof(T)>::take();
    try {
        return std::unique_ptr<T, BoxDeleter<T>>(new (box) T(std::forward<Args>(args)...));
    } catch (...) {
        BoxCache<sizeof(T)>::give(box);
        throw;
    }
}

} // namespace detail

/// A std::optional<T> that keeps its value on the heap: one pointer inline instead of the whole
/// T. For the data model's rarely present parts (a field's relation attribute, native type,
/// default value, documentation): a large schema has tens of thousands of fields, and inline
/// optionals made each one several hundred bytes, mostly empty, that every pass over the
/// fields dragged through the cache.
///
/// It reads like std::optional (`if (field.nativeType)`, `->`, `*`, has_value(), value_or())
/// and copies deeply, so the data model keeps its value semantics.
template <typename T> class OutOfLine
{
public:
    OutOfLine() = default;
    OutOfLine(std::nullopt_t) {}
    OutOfLine(const T &value)
        : m_value(detail::makeBox<T>(value))
    {}
    OutOfLine(T &&value)
        : m_value(detail::makeBox<T>(std::move(value)))
    {}
    OutOfLine(const std::optional<T> &value)
        : m_value(value ? detail::makeBox<T>(*value) : nullptr)
    {}
    OutOfLine(std::optional<T> &&value)
        : m_value(value ? detail::makeBox<T>(std::move(*value)) : nullptr)
    {}
    OutOfLine(const OutOfLine &other)
        : m_value(other.m_value ? detail::makeBox<T>(*other.m_value) : nullptr)
    {}
    OutOfLine(OutOfLine &&other) noexcept = default;
    ~OutOfLine() = default;

    OutOfLine &operator=(const OutOfLine &other)
    {
        if (this != &other)
            m_value = other.m_value ? detail::makeBox<T>(*other.m_value) : nullptr;
        return *this;
    }
    OutOfLine &operator=(OutOfLine &&other) noexcept = default;
    OutOfLine &operator=(std::nullopt_t)
    {
        m_value.reset();
        return *this;
    }
    OutOfLine &operator=(const T &value) { return *this = OutOfLine(value); }
    OutOfLine &operator=(T &&value) { return *this = OutOfLine(std::move(value)); }
    OutOfLine &operator=(const std::optional<T> &value) { return *this = OutOfLine(value); }
    OutOfLine &operator=(std::optional<T> &&value) { return *this = OutOfLine(std::move(value)); }

    /// A copy as a std::optional, for APIs that take one.
    operator std::optional<T>() const
    {
        return m_value ? std::optional<T>(*m_value) : std::nullopt;
    }

    bool has_value() const { return bool(m_value); }
    explicit operator bool() const { return bool(m_value); }

    T &operator*() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T *operator->() { return m_value.get(); }
    const T *operator->() const { return m_value.get(); }
    const T &value() const
    {
        if (!m_value)
            throw std::bad_optional_access();
        return *m_value;
    }
    template <typename U> T value_or(U &&fallback) const
    {
        return m_value ? *m_value : T(std::forward<U>(fallback));
    }

    template <typename... Args> T &emplace(Args &&...args)
    {
        m_value = detail::makeBox<T>(std::forward<Args>(args)...);
        return *m_value;
    }
    void reset() { m_value.reset(); }

    friend bool operator==(const OutOfLine &a, const OutOfLine &b)
    {
        return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
    }
    friend bool operator!=(const OutOfLine &a, const OutOfLine &b) { return !(a == b); }
    friend bool operator==(const OutOfLine &a, std::nullopt_t) { return !a.has_value(); }
    friend bool operator!=(const OutOfLine &a, std::nullopt_t) { return a.has_value(); }

private:
    std::unique_ptr<T, detail::BoxDeleter<T>> m_value;
};

} // namespace gh::prisma
