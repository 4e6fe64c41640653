#include "core/url/UrlRedaction.h"

#include <QRegularExpression>

namespace gh {

namespace {

const QLatin1String kMask("****");

bool isSchemeChar(QChar c)
{
    return (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('+') ||
           c == QLatin1Char('-') || c == QLatin1Char('.');
}

// Where a URL's user name ends. Not at a space or tab: Prisma accepts an unencoded one in a
// user name ("jo hn:secret@h"), and stopping there showed the password. Free text where a URL
// is followed on its line by a ':' and an '@' loses some words to the mask: too much hidden,
// never too little.
bool isUserinfoDelimiter(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r') || QStringView(u":@/?#").contains(c);
}

// Where the password that starts at `start` ends: the last '@' of the URL token (a password may
// hold unencoded '@', '/', '?' or '#'). A password with a space makes the token end early: the
// '@' is then searched for further on the same line, up to the next URL. `host:port` is not
// told apart from `user:password`, so an '@' later in a URL without a password (in its query,
// say) hides the text before it: too much hidden, never too little.
int passwordEnd(const QString &text, int start)
{
    int tokenEnd = start;
    while (tokenEnd < text.size() && !text[tokenEnd].isSpace())
        ++tokenEnd;
    const int inToken =
        tokenEnd > start ? int(text.lastIndexOf(QLatin1Char('@'), tokenEnd - 1)) : -1;
    if (inToken > start)
        return inToken;
    int limit = text.indexOf(QLatin1Char('\n'), start);
    if (limit < 0)
        limit = text.size();
    const int nextUrl = text.indexOf(QLatin1String("://"), tokenEnd);
    if (nextUrl >= 0 && nextUrl < limit)
        limit = nextUrl;
    const int onLine = limit > tokenEnd ? int(text.lastIndexOf(QLatin1Char('@'), limit - 1)) : -1;
    if (onLine >= tokenEnd)
        return onLine;
    return inToken == start ? start : -1;
}

QString redactUserinfoPasswords(const QString &text)
{
    QString out;
    int copied = 0;
    int from = 0;
    for (;;) {
        const int separator = text.indexOf(QLatin1String("://"), from);
        if (separator < 0)
            break;
        from = separator + 3;
        if (separator == 0 || !isSchemeChar(text[separator - 1]))
            continue;
        int i = separator + 3;
        while (i < text.size() && !isUserinfoDelimiter(text[i]))
            ++i;
        if (i >= text.size() || text[i] != QLatin1Char(':'))
            continue;
        const int start = i + 1;
        const int end = passwordEnd(text, start);
        if (end < 0)
            continue;
        if (end > start) {
            out += QStringView(text).mid(copied, start - copied);
            out += kMask;
            copied = end;
        }
        from = end + 1;
    }
    out += QStringView(text).mid(copied);
    return out;
}

// The end of a libpq conninfo value starting at `i`: a single-quoted value with backslash
// escapes, or everything up to the next space (or '&' / '#' inside a URL query). Text run on
// after a closing quote (`'se cret'x`) goes with the value, so that the mask is never followed
// by characters that look like the rest of the password.
int valueEnd(const QString &text, int i, bool inUrlQuery)
{
    if (i < text.size() && text[i] == QLatin1Char('\'')) {
        for (++i; i < text.size(); ++i) {
            if (text[i] == QLatin1Char('\\')) {
                ++i;
            } else if (text[i] == QLatin1Char('\'')) {
                ++i;
                break;
            }
        }
        i = qMin(i, int(text.size())); // a trailing backslash escapes nothing
    }
    while (i < text.size() && !text[i].isSpace() &&
           !(inUrlQuery && (text[i] == QLatin1Char('&') || text[i] == QLatin1Char('#'))))
        ++i;
    return i;
}

QString redactPasswordPairs(const QString &text)
{
    static const QRegularExpression key(
        QStringLiteral("(?<![A-Za-z0-9_])(?:pg)?(?:ssl)?password\\s*=\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    QString out;
    int copied = 0;
    auto it = key.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const int start = match.capturedEnd();
        if (start < copied)
            continue;
        const QChar before = match.capturedStart() > 0 ? text[match.capturedStart() - 1] : QChar();
        const bool inUrlQuery = before == QLatin1Char('?') || before == QLatin1Char('&');
        const int end = valueEnd(text, start, inUrlQuery);
        if (end == start)
            continue;
        out += QStringView(text).mid(copied, start - copied);
        out += kMask;
        copied = end;
    }
    out += QStringView(text).mid(copied);
    return out;
}

} // namespace

QString redactDatabaseUrl(const QString &text)
{
    return redactPasswordPairs(redactUserinfoPasswords(text));
}

} // namespace gh
