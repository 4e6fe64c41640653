#pragma once

#include "core/common/Error.h"

#include <utility>
#include <variant>

namespace gh {

/// A value or an Error. Core functions return this instead of throwing, so that errors cross
/// thread boundaries (QtConcurrent, queued signals) as plain values.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }

    const Error &error() const
    {
        static const Error none;
        return ok() ? none : std::get<Error>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

/// For operations that return nothing on success.
struct Done
{
};
using Status = Result<Done>;

inline Status success() { return Done{}; }

} // namespace gh
