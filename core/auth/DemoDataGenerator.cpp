#include "core/auth/DemoDataGenerator.h"

#include "core/auth/AuthSchema.h"
#include "core/auth/DemoRandom.h"
#include "core/db/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <functional>

namespace gh {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
// Auth.js defaults: a session lives 30 days after its last update, an e-mail link 24 hours.
constexpr qint64 SessionMaxAge = 30 * Day;
constexpr qint64 VerificationMaxAge = Day;

constexpr int UserCount = 300;
constexpr int VerificationTokenCount = 90;

const QStringList &firstNames()
{
    static const QStringList names = {
        QStringLiteral("Olivia"),    QStringLiteral("Liam"),      QStringLiteral("Emma"),
        QStringLiteral("Noah"),      QStringLiteral("Amelia"),    QStringLiteral("Oliver"),
        QStringLiteral("Sophia"),    QStringLiteral("Elijah"),    QStringLiteral("Isabella"),
        QStringLiteral("Mateo"),     QStringLiteral("Mia"),       QStringLiteral("Lucas"),
        QStringLiteral("Charlotte"), QStringLiteral("Harper"),    QStringLiteral("Ethan"),
        QStringLiteral("Zoë"),       QStringLiteral("José"),      QStringLiteral("Renée"),
        QStringLiteral("Camila"),    QStringLiteral("Diego"),     QStringLiteral("Valentina"),
        QStringLiteral("Santiago"),  QStringLiteral("Lucía"),     QStringLiteral("Aarav"),
        QStringLiteral("Priya"),     QStringLiteral("Ananya"),    QStringLiteral("Rohan"),
        QStringLiteral("Ishaan"),    QStringLiteral("Mei"),       QStringLiteral("Wei"),
        QStringLiteral("Jun"),       QStringLiteral("Hana"),      QStringLiteral("Yuki"),
        QStringLiteral("Haruto"),    QStringLiteral("Sakura"),    QStringLiteral("Min-jun"),
        QStringLiteral("Seo-yeon"),  QStringLiteral("Ji-woo"),    QStringLiteral("Fatima"),
        QStringLiteral("Omar"),      QStringLiteral("Layla"),     QStringLiteral("Yusuf"),
        QStringLiteral("Amira"),     QStringLiteral("Karim"),     QStringLiteral("Chiamaka"),
        QStringLiteral("Tunde"),     QStringLiteral("Amara"),     QStringLiteral("Kwame"),
        QStringLiteral("Zanele"),    QStringLiteral("Thabo"),     QStringLiteral("Ingrid"),
        QStringLiteral("Lars"),      QStringLiteral("Astrid"),    QStringLiteral("Björn"),
        QStringLiteral("Freja"),     QStringLiteral("Matthias"),  QStringLiteral("Lena"),
        QStringLiteral("Jonas"),     QStringLiteral("Hannah"),    QStringLiteral("Lukas"),
        QStringLiteral("Chloé"),     QStringLiteral("Léa"),       QStringLiteral("Hugo"),
        QStringLiteral("Élodie"),    QStringLiteral("Giulia"),    QStringLiteral("Marco"),
        QStringLiteral("Francesca"), QStringLiteral("Luca"),      QStringLiteral("Sofía"),
        QStringLiteral("Pablo"),     QStringLiteral("Inês"),      QStringLiteral("João"),
        QStringLiteral("Ana"),       QStringLiteral("Dmitri"),    QStringLiteral("Anastasia"),
        QStringLiteral("Nikolai"),   QStringLiteral("Olga"),      QStringLiteral("Katarzyna"),
        QStringLiteral("Piotr"),     QStringLiteral("Agnieszka"), QStringLiteral("Tomasz"),
        QStringLiteral("Aoife"),     QStringLiteral("Siobhan"),   QStringLiteral("Declan"),
        QStringLiteral("Nia"),       QStringLiteral("Rhys"),      QStringLiteral("Maya"),
        QStringLiteral("Eli"),       QStringLiteral("Nora"),      QStringLiteral("Theo"),
        QStringLiteral("Ava"),       QStringLiteral("Jack"),      QStringLiteral("Grace"),
        QStringLiteral("Samuel"),    QStringLiteral("Ruby"),      QStringLiteral("Daniel"),
        QStringLiteral("Rafael"),    QStringLiteral("Gabriela"),  QStringLiteral("Tariq"),
        QStringLiteral("Noor"),      QStringLiteral("Kofi"),      QStringLiteral("Ayesha"),
        QStringLiteral("Sanjay"),    QStringLiteral("Deepika"),   QStringLiteral("Emily"),
        QStringLiteral("Michael"),   QStringLiteral("Sarah"),     QStringLiteral("David"),
    };
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names = {
        QStringLiteral("Smith"),     QStringLiteral("Johnson"),    QStringLiteral("García"),
        QStringLiteral("Martínez"),  QStringLiteral("Rodríguez"),  QStringLiteral("Hernández"),
        QStringLiteral("López"),     QStringLiteral("González"),   QStringLiteral("Pérez"),
        QStringLiteral("Kim"),       QStringLiteral("Lee"),        QStringLiteral("Park"),
        QStringLiteral("Choi"),      QStringLiteral("Nguyen"),     QStringLiteral("Tran"),
        QStringLiteral("Pham"),      QStringLiteral("Wang"),       QStringLiteral("Li"),
        QStringLiteral("Zhang"),     QStringLiteral("Liu"),        QStringLiteral("Chen"),
        QStringLiteral("Yang"),      QStringLiteral("Huang"),      QStringLiteral("Tanaka"),
        QStringLiteral("Suzuki"),    QStringLiteral("Takahashi"),  QStringLiteral("Watanabe"),
        QStringLiteral("Sato"),      QStringLiteral("Patel"),      QStringLiteral("Sharma"),
        QStringLiteral("Singh"),     QStringLiteral("Gupta"),      QStringLiteral("Kumar"),
        QStringLiteral("Iyer"),      QStringLiteral("Reddy"),      QStringLiteral("Khan"),
        QStringLiteral("Ahmed"),     QStringLiteral("Hassan"),     QStringLiteral("Ali"),
        QStringLiteral("Haddad"),    QStringLiteral("Okafor"),     QStringLiteral("Adeyemi"),
        QStringLiteral("Mensah"),    QStringLiteral("Nkosi"),      QStringLiteral("Dlamini"),
        QStringLiteral("Mwangi"),    QStringLiteral("Müller"),     QStringLiteral("Schmidt"),
        QStringLiteral("Schneider"), QStringLiteral("Fischer"),    QStringLiteral("Weber"),
        QStringLiteral("Becker"),    QStringLiteral("Hoffmann"),   QStringLiteral("Johansson"),
        QStringLiteral("Andersson"), QStringLiteral("Nilsson"),    QStringLiteral("Larsen"),
        QStringLiteral("Hansen"),    QStringLiteral("Jensen"),     QStringLiteral("Nielsen"),
        QStringLiteral("Dubois"),    QStringLiteral("Moreau"),     QStringLiteral("Laurent"),
        QStringLiteral("Lefèvre"),   QStringLiteral("Rossi"),      QStringLiteral("Russo"),
        QStringLiteral("Ferrari"),   QStringLiteral("Esposito"),   QStringLiteral("Bianchi"),
        QStringLiteral("Silva"),     QStringLiteral("Santos"),     QStringLiteral("Oliveira"),
        QStringLiteral("Costa"),     QStringLiteral("Ferreira"),   QStringLiteral("Ivanov"),
        QStringLiteral("Petrov"),    QStringLiteral("Smirnova"),   QStringLiteral("Kowalski"),
        QStringLiteral("Nowak"),     QStringLiteral("Wiśniewski"), QStringLiteral("O'Brien"),
        QStringLiteral("Murphy"),    QStringLiteral("Kelly"),      QStringLiteral("Walsh"),
        QStringLiteral("Jones"),     QStringLiteral("Williams"),   QStringLiteral("Brown"),
        QStringLiteral("Taylor"),    QStringLiteral("Davies"),     QStringLiteral("Evans"),
        QStringLiteral("Wilson"),    QStringLiteral("Thomas"),     QStringLiteral("Roberts"),
        QStringLiteral("Anderson"),  QStringLiteral("Martin"),     QStringLiteral("Clark"),
        QStringLiteral("Lewis"),     QStringLiteral("Walker"),     QStringLiteral("Young"),
        QStringLiteral("Wright"),    QStringLiteral("Scott"),      QStringLiteral("Baker"),
        QStringLiteral("Mitchell"),  QStringLiteral("Carter"),     QStringLiteral("Cohen"),
        QStringLiteral("Friedman"),  QStringLiteral("Novak"),      QStringLiteral("Horvat"),
        QStringLiteral("Kovač"),     QStringLiteral("Yılmaz"),     QStringLiteral("Demir"),
        QStringLiteral("Kaya"),      QStringLiteral("Öztürk"),     QStringLiteral("Abebe"),
    };
    return names;
}

const QStringList &handleWords()
{
    static const QStringList words = {
        QStringLiteral("quiet"),  QStringLiteral("lucky"),  QStringLiteral("sleepy"),
        QStringLiteral("brave"),  QStringLiteral("cosmic"), QStringLiteral("pixel"),
        QStringLiteral("rusty"),  QStringLiteral("neon"),   QStringLiteral("lunar"),
        QStringLiteral("mellow"), QStringLiteral("fox"),    QStringLiteral("otter"),
        QStringLiteral("panda"),  QStringLiteral("falcon"), QStringLiteral("badger"),
        QStringLiteral("koala"),  QStringLiteral("lynx"),   QStringLiteral("heron"),
        QStringLiteral("moth"),   QStringLiteral("yak"),    QStringLiteral("dev"),
        QStringLiteral("byte"),   QStringLiteral("null"),   QStringLiteral("ops"),
    };
    return words;
}

const QStringList &personalDomains()
{
    static const QStringList domains = {
        QStringLiteral("gmail.com"),  QStringLiteral("gmail.com"),   QStringLiteral("gmail.com"),
        QStringLiteral("gmail.com"),  QStringLiteral("outlook.com"), QStringLiteral("outlook.com"),
        QStringLiteral("icloud.com"), QStringLiteral("icloud.com"),  QStringLiteral("yahoo.com"),
        QStringLiteral("proton.me"),  QStringLiteral("hotmail.com"), QStringLiteral("fastmail.com"),
        QStringLiteral("gmx.de"),     QStringLiteral("hey.com"),
    };
    return domains;
}

const QStringList &workDomains()
{
    static const QStringList domains = {
        QStringLiteral("northwind.io"),  QStringLiteral("initech.com"),
        QStringLiteral("globex.dev"),    QStringLiteral("hooli.xyz"),
        QStringLiteral("piedpiper.net"), QStringLiteral("vandelay.co"),
        QStringLiteral("cyberdyne.ai"),  QStringLiteral("example.edu"),
    };
    return domains;
}

const QString &base64UrlAlphabet()
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    return alphabet;
}

// "Zoë Müller" → "zoe", "muller": e-mail local parts are ASCII.
QString asciiLower(const QString &text)
{
    QString result;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            result += c.toLower();
        else if (c == QChar(0x0131)) // Turkish dotless i has no decomposition
            result += QLatin1Char('i');
    }
    return result;
}

enum class Provider { GitHub, Google, Discord };

// Rows of one model: Prisma field names and one value list per row, in that order.
struct TableRows
{
    AuthModelKind kind;
    QStringList fields;
    QVector<QVariantList> rows;
};

struct Person
{
    QString first;
    QString last;
    QString handle; // a login such as "quietfox42"
};

struct UserPlan
{
    QString id;
    QString email;
    qint64 created = 0;
    bool credentialsOnly = false;
};

/// One generation run: draws every value in a fixed order from one DemoRandom. Values are drawn
/// in separate statements only: the operands of `a + b` and the arguments of a call are
/// evaluated in an unspecified order, which would make the data depend on the compiler.
class Builder
{
public:
    Builder(qint64 now, quint32 seed)
        : m_now(now)
        , m_random(seed)
    {
        const QString project = m_random.digits(12);
        m_googleClientId =
            project + QLatin1Char('-') +
            m_random.fromAlphabet(QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789"), 32) +
            QStringLiteral(".apps.googleusercontent.com");
        m_googleKeyId = m_random.hex(40);
        m_cuidFingerprint =
            m_random.fromAlphabet(QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789"), 4);
    }

    TableRows users{AuthModelKind::User,
                    {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("email"),
                     QStringLiteral("emailVerified"), QStringLiteral("image"),
                     QStringLiteral("createdAt"), QStringLiteral("updatedAt")},
                    {}};
    TableRows accounts{
        AuthModelKind::Account,
        {QStringLiteral("userId"), QStringLiteral("type"), QStringLiteral("provider"),
         QStringLiteral("providerAccountId"), QStringLiteral("refresh_token"),
         QStringLiteral("access_token"), QStringLiteral("expires_at"), QStringLiteral("token_type"),
         QStringLiteral("scope"), QStringLiteral("id_token"), QStringLiteral("session_state"),
         QStringLiteral("createdAt"), QStringLiteral("updatedAt")},
        {}};
    TableRows sessions{AuthModelKind::Session,
                       {QStringLiteral("sessionToken"), QStringLiteral("userId"),
                        QStringLiteral("expires"), QStringLiteral("createdAt"),
                        QStringLiteral("updatedAt")},
                       {}};
    TableRows tokens{
        AuthModelKind::VerificationToken,
        {QStringLiteral("identifier"), QStringLiteral("token"), QStringLiteral("expires")},
        {}};
    TableRows authenticators{AuthModelKind::Authenticator,
                             {QStringLiteral("credentialID"), QStringLiteral("userId"),
                              QStringLiteral("providerAccountId"),
                              QStringLiteral("credentialPublicKey"), QStringLiteral("counter"),
                              QStringLiteral("credentialDeviceType"),
                              QStringLiteral("credentialBackedUp"), QStringLiteral("transports")},
                             {}};
    DemoDataGenerator::Counts counts;

    void build()
    {
        QVector<UserPlan> plans;
        for (int i = 0; i < UserCount; ++i)
            plans << addUser(i);
        addVerificationTokens(plans);
    }

private:
    qint64 m_now;
    DemoRandom m_random;
    QString m_googleClientId;
    QString m_googleKeyId;
    QString m_cuidFingerprint;
    QSet<QString> m_emails;
    QSet<QString> m_accountKeys;
    QSet<QString> m_unique; // session tokens and credential ids

    /// A time between `low` and `high` (milliseconds), never after now.
    qint64 timeBetween(qint64 low, qint64 high)
    {
        high = std::min(high, m_now);
        return low >= high ? high : m_random.between(low, high);
    }

    Person person()
    {
        Person p;
        p.first = m_random.pick(firstNames());
        p.last = m_random.pick(lastNames());
        p.handle = m_random.pick(handleWords());
        p.handle += m_random.pick(handleWords());
        p.handle += m_random.digits(int(m_random.between(0, 3)));
        return p;
    }

    QString uniqueEmail(const Person &p)
    {
        const bool work = m_random.percent(28);
        const QString domain = m_random.pick(work ? workDomains() : personalDomains());
        const QString first = asciiLower(p.first);
        const QString last = asciiLower(p.last);
        QString local;
        switch (m_random.weighted({30, 14, 14, 12, 10, 8, 6, 6})) {
        case 0:
            local = first + QLatin1Char('.') + last;
            break;
        case 1:
            local = first + last;
            break;
        case 2:
            local = first.left(1) + last;
            break;
        case 3:
            local = first + m_random.digits(int(m_random.between(2, 4)));
            break;
        case 4:
            local = first + QLatin1Char('_') + last;
            break;
        case 5:
            local = last + QLatin1Char('.') + first;
            break;
        case 6:
            local = p.handle;
            break;
        default:
            local = first;
            break;
        }
        QString email = local + QLatin1Char('@') + domain;
        while (m_emails.contains(email))
            email = local + m_random.digits(2) + QLatin1Char('@') + domain;
        m_emails.insert(email);
        return email;
    }

    /// Prisma's cuid(): 'c', the creation time and a counter in base 36, a host fingerprint and
    /// random characters.
    QString cuid(qint64 created, int counter)
    {
        return QLatin1Char('c') + QString::number(created, 36).rightJustified(8, QLatin1Char('0')) +
               QString::number(counter % (36 * 36 * 36 * 36), 36)
                   .rightJustified(4, QLatin1Char('0')) +
               m_cuidFingerprint +
               m_random.fromAlphabet(QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789"), 8);
    }

    QString uniqueValue(const std::function<QString()> &make)
    {
        QString value = make();
        while (m_unique.contains(value))
            value = make();
        m_unique.insert(value);
        return value;
    }

    UserPlan addUser(int index)
    {
        const Person p = person();
        UserPlan user;
        // Sign-ups grow over time: the smaller of two draws favours recent accounts.
        const qint64 firstDraw = m_random.between(30 * Minute, 900 * Day);
        const qint64 age = std::min(firstDraw, m_random.between(30 * Minute, 900 * Day));
        user.created = m_now - age;
        user.id = cuid(user.created, index);
        user.email = uniqueEmail(p);

        // How the user signs in: OAuth mostly, some magic links, a few passwords.
        const int kind = m_random.weighted({80, 14, 6});
        user.credentialsOnly = kind == 2;
        QString name = p.first + QLatin1Char(' ') + p.last;
        QString image;
        QVariant emailVerified;
        const qint64 verifiedAt = user.created + m_random.between(2 * Second, 3 * Minute);

        if (kind == 0) {
            const int primary = m_random.weighted({45, 35, 20});
            QVector<Provider> providers = {Provider(primary)};
            if (m_random.percent(25))
                providers << Provider((primary + 1 + int(m_random.below(2))) % 3);
            if (providers.size() == 2 && m_random.percent(20))
                providers << Provider(3 - int(providers.at(0)) - int(providers.at(1)));
            // GitHub falls back to the login, Discord to the username, when no name is set.
            if (providers.first() != Provider::Google && m_random.percent(20))
                name = p.handle;
            for (int i = 0; i < providers.size(); ++i) {
                const qint64 linked = i == 0 ? user.created + m_random.between(5, 400)
                                             : timeBetween(user.created, m_now);
                const QString avatar = addOAuthAccount(user, providers.at(i), p, name, linked);
                if (i == 0 && m_random.percent(88))
                    image = avatar;
            }
            if (providers.first() == Provider::Google ? m_random.percent(92) : m_random.percent(60))
                emailVerified = verifiedAt;
            if (m_random.percent(10)) {
                addSimpleAccount(user, QStringLiteral("email"), user.email,
                                 timeBetween(user.created, m_now));
                emailVerified = verifiedAt;
            }
            if (m_random.percent(4))
                addSimpleAccount(user, QStringLiteral("credentials"), user.id,
                                 timeBetween(user.created, m_now));
        } else if (kind == 1) {
            // Magic links know only the address; a few users added a name or avatar later.
            if (m_random.percent(75))
                name.clear();
            if (m_random.percent(10))
                image = QStringLiteral("https://www.gravatar.com/avatar/%1?d=identicon")
                            .arg(m_random.hex(32));
            emailVerified = verifiedAt;
            addSimpleAccount(user, QStringLiteral("email"), user.email,
                             user.created + m_random.between(5, 400));
        } else {
            ++counts.credentialsOnlyUsers;
            if (m_random.percent(30))
                name.clear();
            if (m_random.percent(40))
                emailVerified = verifiedAt;
            addSimpleAccount(user, QStringLiteral("credentials"), user.id,
                             user.created + m_random.between(5, 400));
        }

        // Credentials sign-ins get JWTs: no session rows, whatever the adapter.
        if (!user.credentialsOnly) {
            addSessions(user);
            if (m_random.percent(12))
                addAuthenticators(user);
        }

        const qint64 updatedFrom =
            emailVerified.isNull() ? user.created : emailVerified.toLongLong();
        users.rows << QVariantList{user.id,
                                   name.isEmpty() ? QVariant() : QVariant(name),
                                   user.email,
                                   emailVerified,
                                   image.isEmpty() ? QVariant() : QVariant(image),
                                   user.created,
                                   m_random.percent(40) ? updatedFrom
                                                        : timeBetween(updatedFrom, m_now)};
        ++counts.users;
        return user;
    }

    void addAccountRow(const UserPlan &user, const QString &type, const QString &provider,
                       const QString &providerAccountId, const QVariantList &tokens, qint64 created,
                       qint64 updated)
    {
        m_accountKeys.insert(provider + QLatin1Char('\n') + providerAccountId);
        QVariantList row{user.id, type, provider, providerAccountId};
        row << tokens; // refresh_token … session_state
        row << created << updated;
        accounts.rows << row;
        ++counts.accounts;
    }

    void addSimpleAccount(const UserPlan &user, const QString &provider,
                          const QString &providerAccountId, qint64 created)
    {
        const QVariantList noTokens{QVariant(), QVariant(), QVariant(), QVariant(),
                                    QVariant(), QVariant(), QVariant()};
        addAccountRow(user, provider, provider, providerAccountId, noTokens, created, created);
    }

    QString uniqueAccountId(const QString &provider, const std::function<QString()> &make)
    {
        QString id = make();
        while (m_accountKeys.contains(provider + QLatin1Char('\n') + id))
            id = make();
        return id;
    }

    /// Adds an account with tokens shaped like the provider's; returns the profile picture URL.
    QString addOAuthAccount(const UserPlan &user, Provider provider, const Person &p,
                            const QString &name, qint64 linked)
    {
        // The tokens were last refreshed some time after linking; most access tokens are
        // expired by now, as in any real database.
        const qint64 refreshed = m_random.percent(50) ? linked : timeBetween(linked, m_now);
        const qint64 refreshedSeconds = refreshed / Second;
        const QVariant bearer = QStringLiteral("bearer");
        switch (provider) {
        case Provider::GitHub: {
            const QString id = uniqueAccountId(QStringLiteral("github"), [this] {
                return QString::number(m_random.between(1000, 190000000));
            });
            const QString access = QStringLiteral("gho_") + m_random.alphanumeric(36);
            // Only GitHub Apps with expiring tokens hand out a refresh token and an expiry.
            const bool expiring = m_random.percent(30);
            addAccountRow(user, QStringLiteral("oauth"), QStringLiteral("github"), id,
                          {expiring ? QVariant(QStringLiteral("ghr_") + m_random.alphanumeric(76))
                                    : QVariant(),
                           access, expiring ? QVariant(refreshedSeconds + 8 * 3600) : QVariant(),
                           bearer, QStringLiteral("read:user,user:email"), QVariant(), QVariant()},
                          linked, refreshed);
            return QStringLiteral("https://avatars.githubusercontent.com/u/%1?v=4").arg(id);
        }
        case Provider::Google: {
            const QString sub = uniqueAccountId(QStringLiteral("google"), [this] {
                return QLatin1Char('1') + m_random.digits(20);
            });
            const QString picture =
                QStringLiteral("https://lh3.googleusercontent.com/a/ACg8oc%1=s96-c")
                    .arg(m_random.fromAlphabet(base64UrlAlphabet(), 60));
            addAccountRow(
                user, QStringLiteral("oidc"), QStringLiteral("google"), sub,
                {QStringLiteral("1//0") + m_random.fromAlphabet(base64UrlAlphabet(), 99),
                 QStringLiteral("ya29.a0") + m_random.fromAlphabet(base64UrlAlphabet(), 180),
                 refreshedSeconds + 3599, bearer,
                 QStringLiteral("openid https://www.googleapis.com/auth/userinfo.email "
                                "https://www.googleapis.com/auth/userinfo.profile"),
                 googleIdToken(sub, user.email, p, name, picture, refreshedSeconds), QVariant()},
                linked, refreshed);
            return picture;
        }
        case Provider::Discord: {
            // A snowflake: milliseconds since Discord's epoch (2015) shifted past 22 id bits.
            const qint64 discordEpoch = 1420070400000;
            const QString id = uniqueAccountId(QStringLiteral("discord"), [&] {
                // Relative to `linked`, not to the epoch: another `now` must not change the draws.
                const qint64 born =
                    std::max(discordEpoch + 1, linked - m_random.between(Day, 6 * 365 * Day));
                return QString::number(((born - discordEpoch) << 22) |
                                       m_random.between(0, (1 << 22) - 1));
            });
            addAccountRow(user, QStringLiteral("oauth"), QStringLiteral("discord"), id,
                          {m_random.alphanumeric(30), m_random.alphanumeric(30),
                           refreshedSeconds + 604800, bearer, QStringLiteral("identify email"),
                           QVariant(), QVariant()},
                          linked, refreshed);
            return QStringLiteral("https://cdn.discordapp.com/avatars/%1/%2.png")
                .arg(id, m_random.hex(32));
        }
        }
        return QString();
    }

    /// A JWT shaped like Google's: RS256 header, the usual OpenID claims, a 256-byte signature.
    QString googleIdToken(const QString &sub, const QString &email, const Person &p,
                          const QString &name, const QString &picture, qint64 issuedAt)
    {
        const auto encode = [](const QJsonObject &object) {
            return QJsonDocument(object)
                .toJson(QJsonDocument::Compact)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                                 {QStringLiteral("kid"), m_googleKeyId},
                                 {QStringLiteral("typ"), QStringLiteral("JWT")}};
        const QJsonObject claims{
            {QStringLiteral("iss"), QStringLiteral("https://accounts.google.com")},
            {QStringLiteral("azp"), m_googleClientId},
            {QStringLiteral("aud"), m_googleClientId},
            {QStringLiteral("sub"), sub},
            {QStringLiteral("email"), email},
            {QStringLiteral("email_verified"), true},
            {QStringLiteral("at_hash"), m_random.base64Url(16)},
            {QStringLiteral("name"), name},
            {QStringLiteral("picture"), picture},
            {QStringLiteral("given_name"), p.first},
            {QStringLiteral("family_name"), p.last},
            {QStringLiteral("iat"), issuedAt},
            {QStringLiteral("exp"), issuedAt + 3600}};
        return QString::fromLatin1(encode(header) + '.' + encode(claims) + '.') +
               m_random.base64Url(256);
    }

    void addSessions(const UserPlan &user)
    {
        // Most people use a few browsers; some none (signed out everywhere); a few dozens.
        int count = 0;
        switch (m_random.weighted({8, 20, 37, 30, 5})) {
        case 0:
            count = 0;
            break;
        case 1:
            count = int(m_random.between(1, 2));
            break;
        case 2:
            count = int(m_random.between(3, 6));
            break;
        case 3:
            count = int(m_random.between(7, 12));
            break;
        default:
            count = int(m_random.between(20, 45));
            break;
        }
        for (int i = 0; i < count; ++i) {
            // The last update decides the expiry (Auth.js moves it on use): pick where the
            // expiry falls relative to now, then the last update that gives it.
            qint64 low = 0;
            qint64 high = 0;
            switch (m_random.weighted({52, 6, 5, 37})) {
            case 0: // active: expires in one to thirty days
                low = m_now - SessionMaxAge + Day;
                high = m_now - Minute;
                break;
            case 1: // expires within the next day
                low = m_now - SessionMaxAge;
                high = m_now - SessionMaxAge + Day;
                break;
            case 2: // expired within the last day
                low = m_now - SessionMaxAge - Day;
                high = m_now - SessionMaxAge - 1;
                break;
            default: // expired long ago, never cleaned up
                low = user.created;
                high = m_now - SessionMaxAge - Day;
                break;
            }
            if (high < user.created) { // the user is too new for that: an active session
                low = user.created;
                high = m_now - Minute;
            }
            const qint64 lastUpdate = timeBetween(std::max(low, user.created), high);
            const qint64 created =
                lastUpdate - m_random.between(0, std::min(lastUpdate - user.created, 120 * Day));
            const qint64 expires = lastUpdate + SessionMaxAge;
            sessions.rows << QVariantList{uniqueValue([this] { return m_random.uuid(); }), user.id,
                                          expires, created, lastUpdate};
            ++counts.sessions;
            ++(expires > m_now ? counts.activeSessions : counts.expiredSessions);
        }
    }

    void addAuthenticators(const UserPlan &user)
    {
        const int count = 1 + m_random.weighted({60, 30, 10});
        for (int i = 0; i < count; ++i) {
            // Synced passkeys (iCloud Keychain, Google Password Manager, 1Password) are
            // multiDevice and backed up with a zero counter; Windows Hello and security keys
            // are bound to one device and count signatures.
            int idBytes = 16;
            bool synced = true;
            bool rsa = false;
            QVariant transports = QStringLiteral("hybrid,internal");
            qint64 counter = 0;
            switch (m_random.weighted({35, 25, 10, 15, 15})) {
            case 0:
                idBytes = 20;
                break;
            case 1:
            case 2:
                break;
            case 3:
                idBytes = 32;
                synced = false;
                rsa = true;
                transports = QStringLiteral("internal");
                counter = m_random.between(1, 300);
                break;
            default:
                idBytes = 64;
                synced = false;
                transports = QStringLiteral("nfc,usb");
                counter = m_random.between(1, 2000);
                break;
            }
            if (m_random.percent(10)) // browsers before getTransports() reported none
                transports = QVariant();
            const QString credentialId = uniqueValue([&] { return m_random.base64Url(idBytes); });
            const QString publicKey = QString::fromLatin1(coseKey(rsa).toBase64());
            const qint64 registered = timeBetween(user.created, m_now);
            authenticators.rows << QVariantList{
                credentialId,
                user.id,
                credentialId,
                publicKey,
                counter,
                synced ? QStringLiteral("multiDevice") : QStringLiteral("singleDevice"),
                synced,
                transports};
            ++counts.authenticators;
            // Auth.js links a "passkey" account whose providerAccountId is the credential id.
            const QVariantList noTokens{QVariant(), QVariant(), QVariant(), QVariant(),
                                        QVariant(), QVariant(), QVariant()};
            addAccountRow(user, QStringLiteral("webauthn"), QStringLiteral("passkey"), credentialId,
                          noTokens, registered, registered);
        }
    }

    /// A COSE public key as authenticators send it: EC2 P-256 (ES256) or RSA 2048 (RS256).
    QByteArray coseKey(bool rsa)
    {
        // CBOR maps: {1: kty, 3: alg, -1: n or crv, -2: e or x, -3: y}.
        if (rsa) {
            QByteArray key = QByteArray::fromHex("a401030339010020590100");
            key += m_random.bytes(256);
            return key + QByteArray::fromHex("2143010001");
        }
        QByteArray key = QByteArray::fromHex("a5010203262001215820");
        key += m_random.bytes(32);
        key += QByteArray::fromHex("225820");
        return key + m_random.bytes(32);
    }

    void addVerificationTokens(const QVector<UserPlan> &plans)
    {
        for (int i = 0; i < VerificationTokenCount; ++i) {
            // Mostly existing users asking for a link; some addresses that never completed sign-up.
            QString identifier;
            if (m_random.percent(75)) {
                identifier = plans.at(int(m_random.below(quint32(plans.size())))).email;
            } else {
                identifier = uniqueEmail(person());
            }
            const bool live = m_random.percent(40);
            const qint64 requested =
                live ? timeBetween(m_now - VerificationMaxAge + Minute, m_now)
                     : timeBetween(m_now - 60 * Day, m_now - VerificationMaxAge - Minute);
            // Auth.js stores a SHA-256 hex digest of the token it e-mailed.
            tokens.rows << QVariantList{identifier, m_random.hex(64),
                                        requested + VerificationMaxAge};
            ++counts.verificationTokens;
            if (live)
                ++counts.liveVerificationTokens;
        }
    }
};

Status insertRows(Database &database, const AuthSchema &schema, const TableRows &table)
{
    const AuthModel &model = schema.model(table.kind);
    if (!model.present)
        return Error(
            Error::Code::NotAuthJsDatabase,
            QStringLiteral("The demo database has no %1 table").arg(authModelKindName(table.kind)));
    // Build the text once with bind() placeholders; every row then reuses it with its values.
    SqlStatement insert = database.statement();
    QStringList columns;
    QStringList placeholders;
    for (const QString &field : table.fields) {
        const QString column = model.column(field);
        if (column.isEmpty())
            return Error(
                Error::Code::NotAuthJsDatabase,
                QStringLiteral("The demo database has no column for %1.%2").arg(model.name, field));
        columns << insert.id(column);
        placeholders << insert.bind(QVariant());
    }
    insert << QStringLiteral("INSERT INTO ") << model.tableIn(database) << QStringLiteral(" (")
           << columns.join(QStringLiteral(", ")) << QStringLiteral(") VALUES (")
           << placeholders.join(QStringLiteral(", ")) << QStringLiteral(")");
    for (const QVariantList &row : table.rows) {
        auto inserted = database.execute(SqlStatement(database.dialect(), insert.sql(), row));
        if (!inserted)
            return inserted.error().wrapped(
                QStringLiteral("Inserting demo rows into %1").arg(model.displayTable()));
    }
    return success();
}

} // namespace

DemoDataGenerator::DemoDataGenerator(QDateTime now, quint32 seed)
    : m_now(std::move(now))
    , m_seed(seed)
{}

Result<DemoDataGenerator::Counts> DemoDataGenerator::insertInto(Database &database,
                                                                const AuthSchema &schema) const
{
    Builder builder(m_now.toMSecsSinceEpoch(), m_seed);
    builder.build();
    const Status inserted = database.transaction([&]() -> Status {
        // Parents first, for the foreign keys.
        for (const TableRows *table : {&builder.users, &builder.accounts, &builder.sessions,
                                       &builder.tokens, &builder.authenticators}) {
            const Status status = insertRows(database, schema, *table);
            if (!status)
                return status;
        }
        return success();
    });
    if (!inserted)
        return inserted.error();
    return builder.counts;
}

} // namespace gh
