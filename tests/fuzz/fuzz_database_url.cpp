// libFuzzer target for what Gatehouse reads before it connects: DATABASE_URL, .env files and
// prisma.config.ts. Any text must be refused or accepted without crashing or hanging, and what
// is accepted must keep the promises the rest of the app relies on: passwords stay out of
// redacted text, and the connection form's URL -> fields -> URL round trip is stable.
//
//   fuzz_database_url -dict=url.dict -max_total_time=120 CORPUS_DIR tests/data/url/fuzz

#include "core/url/ConnectionParameters.h"
#include "core/url/DatabaseUrl.h"
#include "core/url/DotEnv.h"
#include "core/url/PrismaConfig.h"
#include "core/url/UrlRedaction.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace gh;

namespace {

void require(bool condition, const char *what, const QString &input)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\ninput: %s\n", what, qPrintable(input));
        std::abort();
    }
}

// A leak can only be told from a coincidence when the password is plain and appears once in
// the input: then any copy of it in the output came from the password.
bool isTelltale(const QString &password, const QString &input)
{
    if (password.size() < 4 || input.count(password) != 1)
        return false;
    for (const QChar c : password) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80))
            return false;
    }
    return true;
}

void checkUrl(const QString &text)
{
    const auto url = DatabaseUrl::parse(text, QStringLiteral("/base"));
    if (!url) {
        require(!url.error().message().isEmpty(), "a refused URL says why", text);
        // Only a password when written as one: without its '@' it is part of a host.
        if (isTelltale(QStringLiteral("hunter2x"), text) &&
            text.contains(QLatin1String(":hunter2x@")))
            require(!url.error().fullText().contains(QLatin1String("hunter2x")),
                    "an error never shows the password", text);
        return;
    }
    const QString password = url->password();
    if (isTelltale(password, text)) {
        require(!url->redacted().contains(password), "redacted() hides the password", text);
        require(!redactDatabaseUrl(url->libpqConnectionString()).contains(password),
                "the libpq string redacts", text);
    }
    const QString identityPassword = url->sslIdentityPassword();
    if (isTelltale(identityPassword, text)) {
        require(!url->redacted().contains(identityPassword),
                "redacted() hides the identity's password (sslpassword)", text);
        require(!url->libpqConnectionString().contains(identityPassword),
                "libpq never receives the identity's password", text);
    }

    const auto parameters = ConnectionParameters::fromUrl(text);
    require(bool(parameters), "a URL DatabaseUrl accepts splits into fields", text);
    const QString rebuilt = parameters->toUrl();
    const auto again = ConnectionParameters::fromUrl(rebuilt);
    require(bool(again), "the fields' URL parses", text);
    require(again->toUrl() == rebuilt, "fields -> URL -> fields -> URL is stable", text);
    require(again->password == parameters->password, "the password survives the round trip", text);
    require(again->sslIdentityPassword == parameters->sslIdentityPassword,
            "the identity's password survives the round trip", text);
    for (const QString &secret : {password, identityPassword}) {
        if (!isTelltale(secret, text))
            continue;
        require(!parameters->toUrlWithoutPassword().contains(secret),
                "toUrlWithoutPassword() has no password", text);
        require(!parameters->toDisplayUrl().contains(secret), "toDisplayUrl() hides it", text);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16 * 1024)
        return 0; // URLs and config files are small; long inputs only slow the search
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    checkUrl(text);

    // Whatever surrounds a password, redaction hides it (it may hide more: when unsure it
    // hides too much).
    const QString telltale = QStringLiteral("Zq7Xw9Kp");
    if (!text.contains(telltale)) {
        for (const QString &secret : {QStringLiteral(" postgresql://u:%1@h/db ").arg(telltale),
                                      QStringLiteral(" password=%1 ").arg(telltale),
                                      QStringLiteral(" password='%1' ").arg(telltale),
                                      QStringLiteral(" postgresql://h/db?sslidentity=x.p12&"
                                                     "sslpassword=%1 ")
                                          .arg(telltale)}) {
            require(!redactDatabaseUrl(text + secret + text).contains(telltale),
                    "a password between any text is redacted", text);
        }
    }

    // .env text: values expand ${OTHER} references, which must terminate.
    const QMap<QString, QString> values = DotEnv::parse(text, QProcessEnvironment());
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        require(!it.key().isEmpty(), ".env keys are not empty", text);

    // prisma.config.ts is read, never run.
    (void)PrismaConfig::parse(QStringLiteral("/base/prisma.config.ts"), bytes);
    return 0;
}
