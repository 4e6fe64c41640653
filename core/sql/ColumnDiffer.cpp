#include "core/sql/ColumnDiffer.h"

#include "core/sql/SqlFlavour.h"

#include <QJsonDocument>

namespace gh::sql {

namespace {

using Kind = DefaultValue::Kind;
using ValueKind = ScalarValue::Kind;

// `+1.50` -> `1.5`, `-0` -> `0`: numbers as values.
QString normalizedNumber(QString text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('+')))
        text.remove(0, 1);
    bool negative = text.startsWith(QLatin1Char('-'));
    if (negative)
        text.remove(0, 1);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    while (text.size() > 1 && text.startsWith(QLatin1Char('0')) && text.at(1) != QLatin1Char('.'))
        text.remove(0, 1);
    if (text.isEmpty() || text == QLatin1String("0"))
        return QStringLiteral("0");
    return negative ? QLatin1Char('-') + text : text;
}

bool isNumber(ValueKind kind)
{
    return kind == ValueKind::Int || kind == ValueKind::BigInt || kind == ValueKind::Float;
}

// Unparsable JSON on either side counts as a match, as with Prisma.
bool jsonMatches(const QString &previous, const QString &next)
{
    QJsonParseError error;
    const QJsonDocument a = QJsonDocument::fromJson("[" + previous.toUtf8() + "]", &error);
    if (error.error != QJsonParseError::NoError)
        return true;
    const QJsonDocument b = QJsonDocument::fromJson("[" + next.toUtf8() + "]", &error);
    if (error.error != QJsonParseError::NoError)
        return true;
    return a == b;
}

// PostgreSQL's bytea text `\x0102` against bytes.
bool stringMatchesBytes(const QString &text, const QByteArray &bytes)
{
    if (!text.startsWith(QLatin1String("\\x")))
        return text.toUtf8() == bytes;
    return QByteArray::fromHex(text.mid(2).toLatin1()) == bytes &&
           text.size() - 2 == bytes.size() * 2;
}

bool listsMatch(const std::vector<ScalarValue> &previous, const std::vector<ScalarValue> &next)
{
    if (previous.size() != next.size())
        return false;
    for (size_t i = 0; i < previous.size(); ++i) {
        const ScalarValue &a = previous.at(i);
        const ScalarValue &b = next.at(i);
        if ((a.kind == ValueKind::String && b.kind == ValueKind::Json) ||
            (a.kind == ValueKind::Json && b.kind == ValueKind::String)) {
            if (!jsonMatches(a.text, b.text))
                return false;
        } else if (a.kind == ValueKind::DateTime || b.kind == ValueKind::DateTime) {
            continue;
        } else if (a.kind == ValueKind::Enum && b.kind == ValueKind::Bytes) {
            if (!stringMatchesBytes(a.text, b.bytes))
                return false;
        } else if (a.kind == ValueKind::Bytes && b.kind == ValueKind::Enum) {
            if (!stringMatchesBytes(b.text, a.bytes))
                return false;
        } else if (!ColumnDiffer::valuesEqual(a, b)) {
            return false;
        }
    }
    return true;
}

} // namespace

bool ColumnDiffer::valuesEqual(const ScalarValue &previous, const ScalarValue &next)
{
    if (isNumber(previous.kind) && isNumber(next.kind))
        return (previous.kind == ValueKind::Float) == (next.kind == ValueKind::Float) &&
               normalizedNumber(previous.text) == normalizedNumber(next.text);
    if (previous.kind != next.kind)
        return false;
    if (previous.kind == ValueKind::List) {
        if (previous.list.size() != next.list.size())
            return false;
        for (size_t i = 0; i < previous.list.size(); ++i) {
            if (!valuesEqual(previous.list.at(i), next.list.at(i)))
                return false;
        }
        return true;
    }
    return previous.text == next.text && previous.bytes == next.bytes;
}

bool ColumnDiffer::defaultsMatch(const Column &previousColumn, const Column &nextColumn)
{
    const std::optional<DefaultValue> &prev = previousColumn.defaultValue;
    const std::optional<DefaultValue> &next = nextColumn.defaultValue;
    const bool namesMatch =
        (prev ? prev->constraintName : QString()) == (next ? next->constraintName : QString());
    const auto is = [](const std::optional<DefaultValue> &d, Kind kind) {
        return d && d->kind == kind;
    };
    const auto isValue = [&](const std::optional<DefaultValue> &d, ValueKind kind) {
        return is(d, Kind::Value) && d->value.kind == kind;
    };
    const bool dateTime = previousColumn.type.family == ColumnTypeFamily::DateTime ||
                          nextColumn.type.family == ColumnTypeFamily::DateTime;

    // The arms of Prisma's match, in its order.
    if (dateTime && ((is(prev, Kind::DbGenerated) && isValue(next, ValueKind::List)) ||
                     (isValue(prev, ValueKind::List) && is(next, Kind::DbGenerated))))
        return true;
    if (isValue(prev, ValueKind::List) && isValue(next, ValueKind::List))
        return listsMatch(prev->value.list, next->value.list);
    if ((isValue(prev, ValueKind::Json) || isValue(prev, ValueKind::String)) &&
        (isValue(next, ValueKind::Json) || isValue(next, ValueKind::String)) &&
        (isValue(prev, ValueKind::Json) || isValue(next, ValueKind::Json)))
        return jsonMatches(prev->value.text, next->value.text) && namesMatch;
    if ((isValue(prev, ValueKind::DateTime) && next) ||
        (prev && isValue(next, ValueKind::DateTime)))
        return true;
    if ((isValue(prev, ValueKind::Int) && isValue(next, ValueKind::BigInt)) ||
        (isValue(prev, ValueKind::BigInt) && isValue(next, ValueKind::Int)))
        return normalizedNumber(prev->value.text) == normalizedNumber(next->value.text);
    if ((isValue(prev, ValueKind::Enum) || isValue(prev, ValueKind::String)) &&
        (isValue(next, ValueKind::Enum) || isValue(next, ValueKind::String)))
        return prev->value.text == next->value.text && namesMatch;
    if (is(prev, Kind::Value) && is(next, Kind::Value))
        return valuesEqual(prev->value, next->value) && namesMatch;
    const auto nowValueOrNone = [&](const std::optional<DefaultValue> &d) {
        return !d || d->kind == Kind::Value || d->kind == Kind::Now;
    };
    if (is(prev, Kind::Value) && (!next || is(next, Kind::Now)))
        return false;
    if (is(prev, Kind::Now) && is(next, Kind::Now))
        return true;
    if (is(prev, Kind::Now) && (!next || is(next, Kind::Value)))
        return false;
    if (is(prev, Kind::DbGenerated) && nowValueOrNone(next))
        return false;
    if (is(next, Kind::DbGenerated) && !next->expression)
        return true;
    if (is(prev, Kind::Sequence) && nowValueOrNone(next))
        return !next;
    if (is(prev, Kind::UniqueRowid) || is(next, Kind::UniqueRowid))
        return is(prev, Kind::UniqueRowid) && is(next, Kind::UniqueRowid);
    if (!prev && !next)
        return true;
    if (!prev && nowValueOrNone(next))
        return false;
    if (is(prev, Kind::DbGenerated) && prev->expression && is(next, Kind::DbGenerated))
        return prev->expression->compare(*next->expression, Qt::CaseInsensitive) == 0 && namesMatch;
    if (is(next, Kind::DbGenerated))
        return false;
    return true; // (_, Sequence)
}

ColumnChanges ColumnDiffer::changes(const Column &previous, const Column &next,
                                    const SqlFlavour &flavour)
{
    ColumnChanges changes;
    changes.typeChange = flavour.columnTypeChange(previous, next);
    if (previous.type.arity != next.type.arity)
        changes.changes |= ColumnChanges::Arity;
    if (changes.typeChange)
        changes.changes |= ColumnChanges::TypeChanged;
    if (!defaultsMatch(previous, next))
        changes.changes |= ColumnChanges::Default;
    if (flavour.columnAutoincrementChanged(previous, next))
        changes.changes |= ColumnChanges::Autoincrement;
    return changes;
}

} // namespace gh::sql
