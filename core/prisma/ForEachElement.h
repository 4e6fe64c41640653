#pragma once

#include "core/prisma/Ast.h"

namespace gh::prisma {

/// Calls `f` on each element of an array expression, or on the expression itself when it is
/// not an array: Prisma accepts `fields: id` for `fields: [id]`, `schemas = "a"` for
/// `schemas = ["a"]` (its coerce_array).
template <typename F> void forEachElement(const Expression &value, F &&f)
{
    if (value.is(Expression::Kind::Array)) {
        for (const Expression &element : value.elements)
            f(element);
    } else {
        f(value);
    }
}

} // namespace gh::prisma
