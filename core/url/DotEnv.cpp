#include "core/url/DotEnv.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace gh {

namespace {

// Prisma's ${...} may refer to values that refer to others; a cycle stops here.
constexpr int MaximumExpansionDepth = 32;
// Values that each refer to the next one twice double at every level: 32 levels of them take
// 2^32 expansions (a "billion laughs" in a .env file). Every expansion costs its value's
// length plus one from this budget, shared by one parse(); once it is spent, references stay
// as written. Real files use a tiny fraction of it.
constexpr qsizetype kExpansionBudget = qsizetype(1) << 20;

QString lookUp(const QString &name, const QMap<QString, QString> &fileValues,
               const QProcessEnvironment &environment)
{
    if (environment.contains(name))
        return environment.value(name);
    return fileValues.value(name);
}

} // namespace

Result<QMap<QString, QString>> DotEnv::readFile(const QString &path,
                                                const QProcessEnvironment &environment)
{
    QFile file(path);
    if (!file.exists())
        return Error(Error::Code::FileNotFound, QStringLiteral("%1 does not exist").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::FileUnreadable, QStringLiteral("%1 cannot be read").arg(path),
                     file.errorString());
    return parse(QString::fromUtf8(file.readAll()), environment);
}

QList<QPair<QString, QString>> DotEnv::parseUnexpanded(const QString &text)
{
    // dotenv's LINE pattern, unchanged (it is matched over the whole text, so a quoted value
    // may span lines, and lines that do not match are skipped).
    static const QRegularExpression line(
        QStringLiteral(
            R"re((?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$))re"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression surroundingQuotes(QStringLiteral(R"re(^(['"`])([\s\S]*)\1$)re"),
                                                      QRegularExpression::MultilineOption);

    QString source = text;
    if (source.startsWith(QChar(0xFEFF)))
        source.remove(0, 1);
    source.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    source.replace(QLatin1Char('\r'), QLatin1Char('\n'));

    QList<QPair<QString, QString>> pairs;
    auto matches = line.globalMatch(source);
    while (matches.hasNext()) {
        const auto match = matches.next();
        QString value = match.captured(2).trimmed();
        const QChar quote = value.isEmpty() ? QChar() : value.front();
        value.replace(surroundingQuotes, QStringLiteral("\\2"));
        if (quote == QLatin1Char('"')) {
            value.replace(QLatin1String("\\n"), QLatin1String("\n"));
            value.replace(QLatin1String("\\r"), QLatin1String("\r"));
        }
        const QString key = match.captured(1);
        auto existing = std::find_if(pairs.begin(), pairs.end(),
                                     [&key](const auto &pair) { return pair.first == key; });
        if (existing != pairs.end())
            existing->second = value;
        else
            pairs.append({key, value});
    }
    return pairs;
}

QMap<QString, QString> DotEnv::parse(const QString &text, const QProcessEnvironment &environment)
{
    QMap<QString, QString> fileValues;
    const auto pairs = parseUnexpanded(text);
    for (const auto &pair : pairs)
        fileValues.insert(pair.first, pair.second);

    QMap<QString, QString> expanded;
    qsizetype budget = kExpansionBudget;
    for (const auto &pair : pairs)
        expanded.insert(pair.first, expand(lookUp(pair.first, fileValues, environment), fileValues,
                                           environment, 0, budget));
    return expanded;
}

QString DotEnv::expand(const QString &value, const QMap<QString, QString> &fileValues,
                       const QProcessEnvironment &environment, int depth, qsizetype &budget)
{
    static const QRegularExpression reference(QStringLiteral(R"re((\\)?\$\{([A-Za-z0-9_]*)\})re"));
    if (depth > MaximumExpansionDepth || budget <= 0)
        return value;
    budget -= value.size() + 1;
    QString out;
    qsizetype copied = 0;
    auto matches = reference.globalMatch(value);
    while (matches.hasNext()) {
        const auto match = matches.next();
        out += QStringView(value).mid(copied, match.capturedStart() - copied);
        if (match.capturedLength(1) > 0)
            out += match.captured(0).mid(1); // \${NAME} is a literal ${NAME}
        else
            out += expand(lookUp(match.captured(2), fileValues, environment), fileValues,
                          environment, depth + 1, budget);
        copied = match.capturedEnd();
    }
    out += QStringView(value).mid(copied);
    return out;
}

} // namespace gh
