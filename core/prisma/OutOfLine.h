#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace gh::prisma {

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
        : m_value(std::make_unique<T>(value))
    {}
    OutOfLine(T &&value)
        : m_value(std::make_unique<T>(std::move(value)))
    {}
    OutOfLine(const std::optional<T> &value)
        : m_value(value ? std::make_unique<T>(*value) : nullptr)
    {}
    OutOfLine(std::optional<T> &&value)
        : m_value(value ? std::make_unique<T>(std::move(*value)) : nullptr)
    {}
    OutOfLine(const OutOfLine &other)
        : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr)
    {}
    OutOfLine(OutOfLine &&other) noexcept = default;
    ~OutOfLine() = default;

    OutOfLine &operator=(const OutOfLine &other)
    {
        if (this != &other)
            m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
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
        m_value = std::make_unique<T>(std::forward<Args>(args)...);
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
    std::unique_ptr<T> m_value;
};

} // namespace gh::prisma
