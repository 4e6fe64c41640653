#include "core/sql/PostgresTypeCasts.h"

namespace gh::sql {

namespace {

using TypeChange = ColumnChanges::TypeChange;
constexpr TypeChange Safe = TypeChange::SafeCast;
constexpr TypeChange Risky = TypeChange::RiskyCast;
constexpr TypeChange NotCastable = TypeChange::NotCastable;

bool is(const NativeType &type, const char *name)
{
    return type.name == QLatin1String(name);
}

bool isAnyOf(const NativeType &type, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (is(type, name))
            return true;
    }
    return false;
}

// Numbers to text: a length below `digits` may truncate; CHAR without a length is CHAR(1).
TypeChange toCharacters(const NativeType &next, int digits)
{
    const std::optional<int> length = next.argument();
    if (length)
        return *length < digits ? Risky : Safe;
    return is(next, "Char") ? Risky : Safe;
}

TypeChange fromInteger(const NativeType &next, int digits, int width)
{
    // width: 0 SmallInt, 1 Integer, 2 BigInt
    if (is(next, "SmallInt"))
        return width > 0 ? Risky : Safe;
    if (is(next, "Integer"))
        return width > 1 ? Risky : Safe;
    if (is(next, "BigInt"))
        return Safe;
    if (is(next, "Decimal")) {
        if (next.arguments.size() == 2)
            return next.arguments.at(0) - next.arguments.at(1) < digits ? Risky : Safe;
        return Safe;
    }
    if (isAnyOf(next, {"Real", "DoublePrecision", "Text"}))
        return Safe;
    if (isAnyOf(next, {"VarChar", "Char"}))
        return toCharacters(next, width == 0 ? 4 : width == 1 ? 11 : 20);
    return NotCastable;
}

TypeChange fromDecimal(const NativeType &previous, const NativeType &next)
{
    const bool hasParams = previous.arguments.size() == 2;
    const int p = hasParams ? previous.arguments.at(0) : 0;
    const int s = hasParams ? previous.arguments.at(1) : 0;
    const auto toInteger = [&](int maxPrecision) {
        if (!hasParams || s > 0 || p > maxPrecision)
            return Risky;
        return Safe;
    };
    if (is(next, "SmallInt"))
        return toInteger(2);
    if (is(next, "Integer"))
        return toInteger(9);
    if (is(next, "BigInt"))
        return toInteger(18);
    if (is(next, "Decimal")) {
        const bool nextHasParams = next.arguments.size() == 2;
        if (hasParams && !nextHasParams)
            return Safe;
        if (!hasParams && nextHasParams) {
            if (next.arguments.at(0) < 131072 || next.arguments.at(1) < 16383)
                return Risky;
            return Safe;
        }
        if (hasParams && nextHasParams) {
            const int pNew = next.arguments.at(0);
            const int sNew = next.arguments.at(1);
            if (p - s > pNew - sNew || s > sNew)
                return Risky;
        }
        return Safe;
    }
    if (isAnyOf(next, {"Real", "DoublePrecision"}))
        return Risky;
    if (isAnyOf(next, {"VarChar", "Char"})) {
        const std::optional<int> length = next.argument();
        if (length && hasParams && s == 0 && p + 1 > *length)
            return Risky;
        if (length && hasParams && s > 0 && p + 2 > *length)
            return Risky;
        if (length && !hasParams && *length < 131073)
            return Risky;
        if (!length && is(next, "Char"))
            return Risky;
        return Safe;
    }
    if (is(next, "Text"))
        return Safe;
    return NotCastable;
}

TypeChange fromFloat(const NativeType &next, bool isDouble)
{
    if (isAnyOf(next, {"SmallInt", "Integer", "BigInt", "Decimal"}))
        return Risky;
    if (is(next, "Real"))
        return isDouble ? Risky : Safe;
    if (is(next, "DoublePrecision") || is(next, "Text"))
        return Safe;
    if (isAnyOf(next, {"VarChar", "Char"}))
        return toCharacters(next, isDouble ? 317 : 47);
    return NotCastable;
}

TypeChange fromCharacters(const NativeType &previous, const NativeType &next, bool fromChar)
{
    if (is(next, "Text"))
        return Safe;
    if (!isAnyOf(next, {"VarChar", "Char"}))
        return NotCastable;
    const std::optional<int> oldLength = previous.argument();
    const std::optional<int> newLength = next.argument();
    const bool nextIsChar = is(next, "Char");
    if (!oldLength) {
        if (fromChar)
            return Safe;
        if (!newLength)
            return nextIsChar ? Risky : Safe;
        return Risky;
    }
    if (!newLength) {
        if (*oldLength == 1)
            return Safe;
        return nextIsChar ? Risky : Safe;
    }
    return *oldLength > *newLength ? Risky : Safe;
}

// Timestamp(None) and Timestamp(p) are the same type when p is the default precision.
std::optional<TypeChange> fromTemporal(const NativeType &previous, const NativeType &next,
                                       int minLength, std::initializer_list<const char *> safe)
{
    if (isAnyOf(next, {"Text"}) || (is(next, "VarChar") && next.arguments.isEmpty()))
        return Safe;
    if (isAnyOf(next, {"Char", "VarChar"}) && next.argument() && *next.argument() > minLength)
        return Safe;
    if (next.name == previous.name) {
        if (next.arguments.isEmpty())
            return std::nullopt;
        if (previous.arguments.isEmpty() || previous.arguments == next.arguments)
            return std::nullopt;
    }
    if (isAnyOf(next, safe))
        return Safe;
    return NotCastable;
}

} // namespace

std::optional<ColumnChanges::TypeChange> PostgresTypeCasts::change(const NativeType &previous,
                                                                   const NativeType &next)
{
    if (previous == next)
        return std::nullopt;

    const bool nextIsText = is(next, "Text");
    const bool nextIsVarChar = is(next, "VarChar");
    const bool nextIsUnboundedVarChar = nextIsVarChar && next.arguments.isEmpty();
    const std::optional<int> nextLength = next.argument();

    if (is(previous, "Inet"))
        return isAnyOf(next, {"Citext", "Text", "VarChar"}) ? Safe : NotCastable;
    if (is(previous, "Money"))
        return isAnyOf(next, {"Citext", "Text", "VarChar"}) ? Safe : Risky;
    if (is(previous, "Citext"))
        return isAnyOf(next, {"Text", "VarChar"}) ? Safe : Risky;
    if (is(previous, "Oid"))
        return isAnyOf(next, {"Text", "VarChar", "BigInt", "Integer"}) ? Safe : NotCastable;
    if (is(previous, "SmallInt"))
        return fromInteger(next, 3, 0);
    if (is(previous, "Integer"))
        return fromInteger(next, 10, 1);
    if (is(previous, "BigInt"))
        return fromInteger(next, 19, 2);
    if (is(previous, "Decimal"))
        return fromDecimal(previous, next);
    if (is(previous, "Real"))
        return fromFloat(next, false);
    if (is(previous, "DoublePrecision"))
        return fromFloat(next, true);
    if (is(previous, "VarChar"))
        return fromCharacters(previous, next, false);
    if (is(previous, "Char"))
        return fromCharacters(previous, next, true);
    if (is(previous, "Text")) {
        if (nextIsText || nextIsUnboundedVarChar || is(next, "Citext"))
            return Safe;
        return isAnyOf(next, {"VarChar", "Char"}) ? Risky : NotCastable;
    }
    if (is(previous, "ByteA")) {
        if (nextIsText || nextIsUnboundedVarChar)
            return Safe;
        if (isAnyOf(next, {"VarChar", "Char"}) && nextLength && *nextLength > 2)
            return Risky;
        return NotCastable;
    }
    if (is(previous, "Timestamp") || is(previous, "Timestamptz"))
        return fromTemporal(previous, next, is(previous, "Timestamp") ? 22 : 27,
                            {"Timestamp", "Timestamptz", "Date", "Time", "Timetz"});
    if (is(previous, "Date")) {
        if (nextIsText || nextIsUnboundedVarChar)
            return Safe;
        if (isAnyOf(next, {"Char", "VarChar"}) && nextLength && *nextLength > 27)
            return Safe;
        return isAnyOf(next, {"Timestamp", "Timestamptz"}) ? Safe : NotCastable;
    }
    if (is(previous, "Time"))
        return fromTemporal(previous, next, 13, {"Timetz"});
    if (is(previous, "Timetz"))
        return fromTemporal(previous, next, 18, {"Timetz", "Time"});
    if (is(previous, "Boolean")) {
        if (nextIsText || nextIsVarChar)
            return Safe;
        if (is(next, "Char") && nextLength && *nextLength > 4)
            return Safe;
        if (is(next, "Char") && nextLength && *nextLength > 3)
            return Risky;
        return NotCastable;
    }
    if (is(previous, "Bit")) {
        const std::optional<int> length = previous.argument();
        if (!length)
            return isAnyOf(next, {"Text", "VarChar", "Char", "VarBit"}) ? Safe : NotCastable;
        if (nextIsText || nextIsUnboundedVarChar || (is(next, "VarBit") && !nextLength))
            return Safe;
        if (isAnyOf(next, {"VarChar", "VarBit", "Char"}) && nextLength && *nextLength >= *length)
            return Safe;
        return NotCastable;
    }
    if (is(previous, "VarBit")) {
        const std::optional<int> length = previous.argument();
        if (!length) {
            if (nextIsText || nextIsUnboundedVarChar)
                return Safe;
            return isAnyOf(next, {"VarChar", "Char", "Bit"}) ? Risky : NotCastable;
        }
        if (nextIsText || nextIsUnboundedVarChar || (is(next, "VarBit") && !nextLength))
            return Safe;
        if (is(next, "VarBit") && nextLength && *nextLength > *length)
            return Safe;
        if (isAnyOf(next, {"VarChar", "Char"}) && nextLength && *nextLength >= *length)
            return Safe;
        if (is(next, "Bit") && (!nextLength || *nextLength <= *length))
            return Risky;
        return isAnyOf(next, {"Char", "VarChar"}) ? Risky : NotCastable;
    }
    if (is(previous, "Uuid")) {
        if (nextIsText || nextIsUnboundedVarChar)
            return Safe;
        if (isAnyOf(next, {"VarChar", "Char"}) && nextLength && *nextLength > 31)
            return Safe;
        return NotCastable;
    }
    if (is(previous, "Xml") || is(previous, "Json") || is(previous, "JsonB")) {
        const char *sibling = is(previous, "Json") ? "JsonB" : is(previous, "JsonB") ? "Json" : "";
        if (nextIsText || nextIsUnboundedVarChar || is(next, sibling))
            return Safe;
        return isAnyOf(next, {"VarChar", "Char"}) ? Risky : NotCastable;
    }
    return NotCastable;
}

} // namespace gh::sql
