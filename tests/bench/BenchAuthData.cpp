#include "tests/bench/BenchAuthData.h"

#include "core/url/DatabaseUrl.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>
#include <cstring>
#include <optional>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>
#include <vector>

namespace gh::bench {

namespace {

using OptionalText = std::optional<std::string>;

class Generator
{
public:
    explicit Generator(quint64 seed)
        : m_random(seed)
    {}

    std::string text(int length, const char *alphabet = "abcdefghijklmnopqrstuvwxyz0123456789")
    {
        const size_t size = std::strlen(alphabet);
        std::string out(size_t(length), ' ');
        for (char &c : out)
            c = alphabet[m_random() % size];
        return out;
    }
    std::string cuid() { return "c" + text(24); }
    std::string uuid()
    {
        std::string t = text(32, "0123456789abcdef");
        return t.substr(0, 8) + '-' + t.substr(8, 4) + "-4" + t.substr(13, 3) + '-' +
               t.substr(16, 4) + '-' + t.substr(20, 12);
    }
    qint64 between(qint64 low, qint64 high)
    {
        return low + qint64(m_random() % quint64(high - low));
    }
    bool chance(int percent) { return int(m_random() % 100) < percent; }

private:
    std::mt19937_64 m_random;
};

std::string timestamp(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        .toStdString();
}

} // namespace

std::string userEmail(qint64 i)
{
    if (i % 11 == 0)
        return "First.Last" + std::to_string(i) + "@Example.org";
    return "user" + std::to_string(i) + "@example.com";
}

QString databaseUrl(const QString &serverUrl, const QString &database)
{
    QString base = serverUrl.section(QLatin1Char('?'), 0, 0);
    base = base.left(base.lastIndexOf(QLatin1Char('/')) + 1) + database;
    const QString query = serverUrl.section(QLatin1Char('?'), 1);
    return query.isEmpty() ? base : base + QLatin1Char('?') + query;
}

std::string libpqConninfo(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        throw std::runtime_error(parsed.error().fullText().toStdString());
    return parsed->libpqConnectionString().toStdString();
}

void loadAuthData(const QString &url, const AuthDataSizes &sizes, qint64 nowMs)
{
    pqxx::connection connection(libpqConninfo(url));
    QFile ddl(QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/data/sql/authjs-postgres.sql"));
    if (!ddl.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + ddl.fileName().toStdString());
    {
        pqxx::nontransaction tx(connection);
        tx.exec(ddl.readAll().toStdString());
    }
    constexpr qint64 day = 86400000;
    Generator g(20240611);
    std::vector<std::string> userIds;
    userIds.reserve(size_t(sizes.users));

    QElapsedTimer timer;
    timer.start();
    pqxx::work tx(connection);
    {
        pqxx::stream_to users(tx, "\"User\"",
                              std::vector<std::string>{"id", "name", "email", "\"emailVerified\"",
                                                       "image", "\"createdAt\"", "\"updatedAt\""});
        for (qint64 i = 0; i < sizes.users; ++i) {
            userIds.push_back(g.cuid());
            const qint64 created = nowMs - g.between(day, 900 * day);
            users << std::make_tuple(
                userIds.back(),
                i % 7 == 0 ? OptionalText() : OptionalText("User " + std::to_string(i)),
                userEmail(i),
                g.chance(60) ? OptionalText(timestamp(created + 60000)) : OptionalText(),
                g.chance(70) ? OptionalText("https://avatars.githubusercontent.com/u/" +
                                            std::to_string(100000 + i))
                             : OptionalText(),
                timestamp(created), timestamp(created + g.between(0, 30 * day)));
        }
        users.complete();
    }
    {
        static const char *providers[] = {"github", "google", "discord", "credentials", "email"};
        pqxx::stream_to accounts(
            tx, "\"Account\"",
            std::vector<std::string>{"\"userId\"", "type", "provider", "\"providerAccountId\"",
                                     "refresh_token", "access_token", "expires_at", "token_type",
                                     "scope", "id_token", "session_state", "\"createdAt\"",
                                     "\"updatedAt\""});
        for (qint64 i = 0; i < sizes.accounts; ++i) {
            const std::string provider = providers[i % 5];
            const bool oauth = i % 5 < 3;
            const qint64 created = nowMs - g.between(day, 900 * day);
            accounts << std::make_tuple(
                userIds[size_t(i % sizes.users)],
                std::string(oauth ? "oauth" : (provider == "email" ? "email" : "credentials")),
                provider, std::to_string(i) + g.text(6, "0123456789"),
                oauth && i % 2 ? OptionalText("rt_" + g.text(40)) : OptionalText(),
                oauth ? OptionalText("gho_" + g.text(36)) : OptionalText(),
                oauth ? std::optional<qint64>((nowMs + g.between(-30 * day, 30 * day)) / 1000)
                      : std::optional<qint64>(),
                oauth ? OptionalText("bearer") : OptionalText(),
                oauth ? OptionalText("openid email profile") : OptionalText(),
                provider == "google"
                    ? OptionalText("eyJhbGciOiJSUzI1NiJ9." + g.text(600) + "." + g.text(340))
                    : OptionalText(),
                OptionalText(), timestamp(created), timestamp(created + g.between(0, day)));
        }
        accounts.complete();
    }
    {
        pqxx::stream_to sessions(tx, "\"Session\"",
                                 std::vector<std::string>{"\"sessionToken\"", "\"userId\"",
                                                          "expires", "\"createdAt\"",
                                                          "\"updatedAt\""});
        for (qint64 i = 0; i < sizes.sessions; ++i) {
            // Half expired: expiry 30 days either side of now.
            const qint64 expires =
                i % 2 ? nowMs + g.between(1000, 30 * day) : nowMs - g.between(1000, 300 * day);
            sessions << std::make_tuple(g.uuid(), userIds[size_t(g.between(0, sizes.users))],
                                        timestamp(expires), timestamp(expires - 30 * day),
                                        timestamp(expires - 30 * day));
        }
        sessions.complete();
    }
    {
        pqxx::stream_to tokens(tx, "\"VerificationToken\"",
                               std::vector<std::string>{"identifier", "token", "expires"});
        for (qint64 i = 0; i < sizes.users / 20; ++i)
            tokens << std::make_tuple(userEmail(i * 7), g.text(64, "0123456789abcdef"),
                                      timestamp(nowMs + g.between(-2 * day, day)));
        tokens.complete();
    }
    tx.commit();
    const double seconds = timer.elapsed() / 1000.0;
    {
        pqxx::nontransaction analyze(connection);
        analyze.exec("ANALYZE");
    }
    std::printf(
        "%s\n",
        qPrintable(QStringLiteral("loaded %1 rows through COPY in %2 s (%3 rows/s), then ANALYZE")
                       .arg(sizes.users + sizes.accounts + sizes.sessions + sizes.users / 20)
                       .arg(seconds, 0, 'f', 1)
                       .arg(qint64((sizes.users + sizes.accounts + sizes.sessions) /
                                   qMax(seconds, 0.001)))));
    std::fflush(stdout);
}

bool authDataLoaded(const QString &url, const AuthDataSizes &sizes)
{
    try {
        pqxx::connection connection(libpqConninfo(url));
        pqxx::nontransaction tx(connection);
        const auto r =
            tx.exec("SELECT (SELECT count(*) FROM \"User\"), (SELECT count(*) FROM \"Account\"),"
                    " (SELECT count(*) FROM \"Session\")");
        return r[0][0].as<qint64>() == sizes.users && r[0][1].as<qint64>() == sizes.accounts &&
               r[0][2].as<qint64>() == sizes.sessions;
    } catch (const std::exception &) {
        return false;
    }
}

} // namespace gh::bench
