#include "core/sql/IndexPredicate.h"

#include "core/db/SqlDialect.h"
#include "core/prisma/DataModel.h"

namespace gh::sql {

namespace {

QString literal(const prisma::IndexWhere::Condition &condition)
{
    using Value = prisma::IndexWhere::Condition::Value;
    switch (condition.valueKind) {
    case Value::Null:
        return QStringLiteral("NULL");
    case Value::String:
        return QLatin1Char('\'') +
               QString(condition.value).replace(QLatin1Char('\''), QLatin1String("''")) +
               QLatin1Char('\'');
    case Value::Boolean:
    case Value::Number:
        return condition.value;
    }
    return condition.value;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') ||
           c == QLatin1Char('.');
}

bool isOperatorChar(QChar c)
{
    return QStringView(u"+-*/<>=~!@#%^&|`?,;").contains(c);
}

// Words that continue a multi-word type name after `::` (`character varying`,
// `timestamp without time zone`, `double precision`).
bool continuesTypeName(QStringView word)
{
    static const QStringList words = {QStringLiteral("varying"), QStringLiteral("without"),
                                      QStringLiteral("with"),    QStringLiteral("time"),
                                      QStringLiteral("zone"),    QStringLiteral("precision")};
    return words.contains(word.toString(), Qt::CaseInsensitive);
}

} // namespace

QString IndexPredicate::fromWhere(const prisma::IndexWhere &where, const prisma::Model &model,
                                  SqlDialect dialect)
{
    if (where.kind == prisma::IndexWhere::Kind::Raw)
        return where.raw;
    QStringList terms;
    for (const prisma::IndexWhere::Condition &condition : where.conditions) {
        const QString column =
            condition.fieldIndex >= 0 && condition.fieldIndex < model.fields.size()
                ? model.fields.at(condition.fieldIndex).databaseName()
                : condition.field;
        const QString quoted = quoteIdentifier(dialect, column);
        using Value = prisma::IndexWhere::Condition::Value;
        if (condition.valueKind == Value::Null)
            terms << quoted + (condition.negated ? QLatin1String(" IS NOT NULL")
                                                 : QLatin1String(" IS NULL"));
        else
            terms << quoted + (condition.negated ? QLatin1String(" != ") : QLatin1String(" = ")) +
                         literal(condition);
    }
    return terms.join(QLatin1String(" AND "));
}

QStringList IndexPredicate::normalizedTokens(const QString &predicate)
{
    QStringList tokens;
    const qsizetype n = predicate.size();
    bool lastIsLiteral = false;
    qsizetype i = 0;
    auto skipSpaces = [&] {
        while (i < n && predicate.at(i).isSpace())
            ++i;
    };
    while (i < n) {
        const QChar c = predicate.at(i);
        if (c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('\'')) {
            // A string literal, '' escapes included, kept as written: its spaces count.
            qsizetype j = i + 1;
            while (j < n) {
                if (predicate.at(j) == QLatin1Char('\'')) {
                    if (j + 1 < n && predicate.at(j + 1) == QLatin1Char('\'')) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            tokens << predicate.mid(i, qMin(j + 1, n) - i);
            i = j + 1;
            lastIsLiteral = true;
            continue;
        }
        if (c == QLatin1Char('"')) {
            // A quoted identifier is the identifier.
            qsizetype j = i + 1;
            QString name;
            while (j < n) {
                if (predicate.at(j) == QLatin1Char('"')) {
                    if (j + 1 < n && predicate.at(j + 1) == QLatin1Char('"')) {
                        name += QLatin1Char('"');
                        j += 2;
                        continue;
                    }
                    break;
                }
                name += predicate.at(j++);
            }
            tokens << name;
            i = j + 1;
            lastIsLiteral = false;
            continue;
        }
        if (c == QLatin1Char(':') && i + 1 < n && predicate.at(i + 1) == QLatin1Char(':') &&
            lastIsLiteral) {
            // A literal's cast, as PostgreSQL adds it ('admin'::text): not part of the meaning.
            i += 2;
            skipSpaces();
            for (bool first = true;; first = false) {
                const qsizetype start = i;
                while (i < n && isWordChar(predicate.at(i)))
                    ++i;
                if (i == start ||
                    (!first && !continuesTypeName(QStringView(predicate).mid(start, i - start)))) {
                    i = start;
                    break;
                }
                const qsizetype afterWord = i;
                skipSpaces();
                if (i >= n || !predicate.at(i).isLetter()) {
                    i = afterWord;
                    break;
                }
            }
            skipSpaces();
            if (i < n && predicate.at(i) == QLatin1Char('(')) { // varchar(10)
                while (i < n && predicate.at(i) != QLatin1Char(')'))
                    ++i;
                ++i;
            }
            if (i + 1 < n && predicate.at(i) == QLatin1Char('[') &&
                predicate.at(i + 1) == QLatin1Char(']'))
                i += 2;
            continue;
        }
        qsizetype j = i + 1;
        if (isWordChar(c)) {
            while (j < n && isWordChar(predicate.at(j)))
                ++j;
            lastIsLiteral = c.isDigit();
        } else if (isOperatorChar(c) || c == QLatin1Char(':')) {
            while (j < n &&
                   (isOperatorChar(predicate.at(j)) || predicate.at(j) == QLatin1Char(':')))
                ++j;
            lastIsLiteral = false;
        } else {
            lastIsLiteral = false;
        }
        QString token = predicate.mid(i, j - i);
        if (token == QLatin1String("!="))
            token = QStringLiteral("<>"); // PostgreSQL stores `!=` as `<>`
        tokens << token;
        i = j;
    }
    return tokens;
}

bool IndexPredicate::equivalent(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() == b.isEmpty();
    return a == b || normalizedTokens(a) == normalizedTokens(b);
}

} // namespace gh::sql
