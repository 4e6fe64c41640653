#include "core/url/PrismaConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gh {

namespace {

struct Token
{
    enum class Kind { Identifier, String, Punctuation, Other, End };
    Kind kind = Kind::End;
    QString text; // a string's value (escapes decoded), or the token as written
    qsizetype offset = 0;

    bool is(Kind k, QLatin1String t) const { return kind == k && text == t; }
    bool isPunct(QLatin1String t) const { return is(Kind::Punctuation, t); }
    bool isIdentifier(QLatin1String t) const { return is(Kind::Identifier, t); }
};

// Just enough of JavaScript's lexical grammar to find keys and literal values: comments,
// strings (template literals without substitutions), names and punctuation.
QList<Token> tokenize(const QString &s)
{
    QList<Token> tokens;
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && s.at(i + 1) == QLatin1Char('/')) {
            while (i < n && s.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && s.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = s.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`')) {
            Token t{Token::Kind::String, QString(), i};
            qsizetype j = i + 1;
            bool plain = true;
            while (j < n && s.at(j) != c) {
                if (s.at(j) == QLatin1Char('\\') && j + 1 < n) {
                    const QChar e = s.at(j + 1);
                    t.text += e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                              : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                                      : e;
                    j += 2;
                    continue;
                }
                if (c == QLatin1Char('`') && s.at(j) == QLatin1Char('$') && j + 1 < n &&
                    s.at(j + 1) == QLatin1Char('{'))
                    plain = false; // a template with substitutions is computed
                t.text += s.at(j++);
            }
            if (!plain)
                t.kind = Token::Kind::Other;
            tokens << t;
            i = j + 1;
        } else if (c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('$')) {
            qsizetype j = i + 1;
            while (j < n && (s.at(j).isLetterOrNumber() || s.at(j) == QLatin1Char('_') ||
                             s.at(j) == QLatin1Char('$')))
                ++j;
            tokens << Token{Token::Kind::Identifier, s.mid(i, j - i), i};
            i = j;
        } else {
            static const QStringList multi = {QStringLiteral("..."), QStringLiteral("??"),
                                              QStringLiteral("||"), QStringLiteral("=>"),
                                              QStringLiteral("?.")};
            qsizetype length = 1;
            for (const QString &m : multi) {
                if (QStringView(s).mid(i).startsWith(m)) {
                    length = m.size();
                    break;
                }
            }
            tokens << Token{Token::Kind::Punctuation, s.mid(i, length), i};
            i += length;
        }
    }
    tokens << Token{Token::Kind::End, QString(), n};
    return tokens;
}

class ConfigReader
{
public:
    ConfigReader(const QString &path, const QString &text)
        : m_path(path)
        , m_text(text)
        , m_tokens(tokenize(text))
    {}

    PrismaConfig read()
    {
        PrismaConfig config;
        config.path = m_path;
        const int end = int(m_tokens.size()) - 1;
        config.schema = valueOfKey(QLatin1String("schema"), 0, end, config.warnings);
        if (const int migrations = objectOfKey(QLatin1String("migrations"), 0, end);
            migrations >= 0)
            config.migrationsPath = valueOfKey(QLatin1String("path"), migrations + 1,
                                               closing(migrations), config.warnings);
        if (const int datasource = objectOfKey(QLatin1String("datasource"), 0, end);
            datasource >= 0)
            config.url = valueOfKey(QLatin1String("url"), datasource + 1, closing(datasource),
                                    config.warnings);
        return config;
    }

private:
    // Past either end: the End token (tokenize() ends the list with one), so that looking one
    // token back from the first, or ahead from the last, needs no check of its own.
    const Token &at(int i) const
    {
        return m_tokens.at(i < 0 ? int(m_tokens.size()) - 1 : qMin(i, int(m_tokens.size()) - 1));
    }

    // The index of `key` in `key: value` (a name or a quoted key) between from and to.
    int keyIndex(QLatin1String key, int from, int to) const
    {
        for (int i = from; i < to; ++i) {
            const Token &t = at(i);
            if ((t.kind == Token::Kind::Identifier || t.kind == Token::Kind::String) &&
                t.text == key && at(i + 1).isPunct(QLatin1String(":")) &&
                !at(i - 1).isPunct(QLatin1String(".")))
                return i;
        }
        return -1;
    }

    // The `{` of `key: {`, or -1.
    int objectOfKey(QLatin1String key, int from, int to) const
    {
        const int k = keyIndex(key, from, to);
        return k >= 0 && at(k + 2).isPunct(QLatin1String("{")) ? k + 2 : -1;
    }

    int closing(int open) const
    {
        int depth = 0;
        for (int i = open; i < m_tokens.size(); ++i) {
            const Token &t = at(i);
            if (t.isPunct(QLatin1String("{")) || t.isPunct(QLatin1String("(")) ||
                t.isPunct(QLatin1String("[")))
                ++depth;
            else if ((t.isPunct(QLatin1String("}")) || t.isPunct(QLatin1String(")")) ||
                      t.isPunct(QLatin1String("]"))) &&
                     --depth == 0)
                return i;
        }
        return int(m_tokens.size()) - 1;
    }

    QString location(int token) const
    {
        const qsizetype offset = at(token).offset;
        const QStringView before = QStringView(m_text).left(offset);
        const qsizetype line = before.count(QLatin1Char('\n')) + 1;
        const qsizetype column = offset - (before.lastIndexOf(QLatin1Char('\n')) + 1) + 1;
        return QStringLiteral("%1:%2:%3").arg(m_path).arg(line).arg(column);
    }

    PrismaConfig::Value valueOfKey(QLatin1String key, int from, int to, QStringList &warnings) const
    {
        const int k = keyIndex(key, from, to);
        if (k < 0)
            return {};
        int i = k + 2;
        PrismaConfig::Value value = parseValue(i);
        if (value.kind == PrismaConfig::Value::Kind::EnvironmentVariable &&
            (at(i).isPunct(QLatin1String("??")) || at(i).isPunct(QLatin1String("||"))) &&
            at(i + 1).kind == Token::Kind::String) {
            value.fallback = at(i + 1).text;
            i += 2;
        }
        const Token &next = at(i);
        const bool ends = next.isPunct(QLatin1String(",")) || next.isPunct(QLatin1String("}")) ||
                          next.kind == Token::Kind::End;
        if (!value.isSet() || !ends) {
            warnings << QStringLiteral("%1: warning: the `%2` of prisma.config.ts is computed; "
                                       "Gatehouse reads string literals, path.join() of strings, "
                                       "env(\"NAME\") and process.env.NAME, and ignores this one")
                            .arg(location(k + 2), key);
            return {};
        }
        return value;
    }

    PrismaConfig::Value parseValue(int &i) const
    {
        using Kind = PrismaConfig::Value::Kind;
        const Token &t = at(i);
        if (t.kind == Token::Kind::String) {
            ++i;
            return {Kind::Literal, t.text, {}};
        }
        // env("NAME") from prisma/config
        if (t.isIdentifier(QLatin1String("env")) && at(i + 1).isPunct(QLatin1String("(")) &&
            at(i + 2).kind == Token::Kind::String && at(i + 3).isPunct(QLatin1String(")"))) {
            i += 4;
            return {Kind::EnvironmentVariable, at(i - 2).text, {}};
        }
        // process.env.NAME, process.env["NAME"]
        if (t.isIdentifier(QLatin1String("process")) && at(i + 1).isPunct(QLatin1String(".")) &&
            at(i + 2).isIdentifier(QLatin1String("env"))) {
            if (at(i + 3).isPunct(QLatin1String(".")) &&
                at(i + 4).kind == Token::Kind::Identifier) {
                i += 5;
                return {Kind::EnvironmentVariable, at(i - 1).text, {}};
            }
            if (at(i + 3).isPunct(QLatin1String("[")) && at(i + 4).kind == Token::Kind::String &&
                at(i + 5).isPunct(QLatin1String("]"))) {
                i += 6;
                return {Kind::EnvironmentVariable, at(i - 2).text, {}};
            }
            return {};
        }
        // path.join("prisma", "schema.prisma"), join(...), path.resolve(__dirname, ...)
        int j = i;
        if (at(j).isIdentifier(QLatin1String("path")) && at(j + 1).isPunct(QLatin1String(".")))
            j += 2;
        if ((at(j).isIdentifier(QLatin1String("join")) ||
             at(j).isIdentifier(QLatin1String("resolve"))) &&
            at(j + 1).isPunct(QLatin1String("("))) {
            QStringList parts;
            int k = j + 2;
            for (;; ++k) {
                const Token &arg = at(k);
                if (arg.kind == Token::Kind::String)
                    parts << arg.text;
                else if (!(arg.isIdentifier(QLatin1String("__dirname")) && parts.isEmpty()))
                    return {}; // the config's folder is where relative paths start anyway
                ++k;
                if (at(k).isPunct(QLatin1String(")")))
                    break;
                if (!at(k).isPunct(QLatin1String(",")))
                    return {};
            }
            i = k + 1;
            return {Kind::Literal, parts.join(QLatin1Char('/')), {}};
        }
        return {};
    }

    QString m_path;
    QString m_text;
    QList<Token> m_tokens;
};

} // namespace

const QStringList &PrismaConfig::fileNames()
{
    static const QStringList names = {
        QStringLiteral("prisma.config.ts"),   QStringLiteral("prisma.config.mts"),
        QStringLiteral("prisma.config.cts"),  QStringLiteral("prisma.config.js"),
        QStringLiteral("prisma.config.mjs"),  QStringLiteral("prisma.config.cjs"),
        QStringLiteral(".config/prisma.ts"),  QStringLiteral(".config/prisma.mts"),
        QStringLiteral(".config/prisma.cts"), QStringLiteral(".config/prisma.js"),
        QStringLiteral(".config/prisma.mjs"), QStringLiteral(".config/prisma.cjs")};
    return names;
}

Result<std::optional<PrismaConfig>> PrismaConfig::find(const QString &folder)
{
    for (const QString &name : fileNames()) {
        const QString path = QDir::cleanPath(QDir(folder).absoluteFilePath(name));
        if (!QFileInfo(path).isFile())
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error(Error::Code::FileUnreadable,
                         QStringLiteral("Cannot read %1").arg(QDir::toNativeSeparators(path)),
                         file.errorString());
        return std::optional<PrismaConfig>(parse(path, file.readAll()));
    }
    return std::optional<PrismaConfig>();
}

PrismaConfig PrismaConfig::parse(const QString &path, const QByteArray &text)
{
    return ConfigReader(path, QString::fromUtf8(text)).read();
}

QString PrismaConfig::folder() const
{
    // `.config/prisma.ts` belongs to the folder around `.config`, as with Prisma.
    QDir dir = QFileInfo(path).absoluteDir();
    if (dir.dirName() == QLatin1String(".config"))
        dir.cdUp();
    return dir.absolutePath();
}

} // namespace gh
