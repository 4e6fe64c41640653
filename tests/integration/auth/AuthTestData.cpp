#include "tests/integration/auth/AuthTestData.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <algorithm>

namespace gh::test {

QDateTime authTestNow()
{
    return QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
}

namespace {

struct Names
{
    QString user, account, session, token, authenticator;
    QString userId, emailVerified, providerAccountId, sessionToken;
    bool timestamps = true;
    bool idKeys = false;
};

Names namesFor(AuthLayout layout)
{
    if (layout == AuthLayout::SnakeCase)
        return {QStringLiteral("users"),
                QStringLiteral("accounts"),
                QStringLiteral("sessions"),
                QStringLiteral("verification_tokens"),
                QString(),
                QStringLiteral("user_id"),
                QStringLiteral("email_verified"),
                QStringLiteral("provider_account_id"),
                QStringLiteral("session_token"),
                false,
                true};
    return {QStringLiteral("\"User\""),
            QStringLiteral("\"Account\""),
            QStringLiteral("\"Session\""),
            QStringLiteral("\"VerificationToken\""),
            QStringLiteral("\"Authenticator\""),
            QStringLiteral("\"userId\""),
            QStringLiteral("\"emailVerified\""),
            QStringLiteral("\"providerAccountId\""),
            QStringLiteral("\"sessionToken\""),
            true,
            false};
}

} // namespace

QString generateAuthData(AuthLayout layout, const AuthDataSizes &sizes)
{
    const Names n = namesFor(layout);
    // A user id from a number, like Prisma's cuid(): 25 lowercase characters starting with "c".
    const QString userOf = QStringLiteral("'cl' || substr(md5('u' || (%1)), 1, 23)");
    QString sql;
    sql +=
        QStringLiteral("INSERT INTO %1 (id, name, email, %2, image%3)"
                       " SELECT 'cl' || substr(md5('u' || i), 1, 23),"
                       " CASE WHEN i %% 7 = 0 THEN NULL WHEN i %% 5 = 0 THEN 'Ådne ' || i ELSE "
                       "'User ' || (i %% 50) END,"
                       " CASE WHEN i %% 11 = 0 THEN 'Mixed.Case' || i || '@Example.org'"
                       "      WHEN i %% 13 = 0 THEN 'user' || i || '+tag@example.com'"
                       "      ELSE 'user' || i || '@example.com' END,"
                       " CASE WHEN i %% 3 = 0 THEN NULL ELSE timestamp '2024-01-01' + (i %% 40) * "
                       "interval '1 day'"
                       "      + (i %% 4) * interval '1 millisecond' END,"
                       " CASE WHEN i %% 9 = 0 THEN 'https://avatars.example.com/' || i END%4"
                       " FROM generate_series(1, %5) AS i;\n")
            .arg(n.user, n.emailVerified,
                 n.timestamps ? QStringLiteral(", \"createdAt\", \"updatedAt\"") : QString(),
                 n.timestamps ? QStringLiteral(", timestamp '2024-01-01' + i * interval '1 minute',"
                                               " timestamp '2024-06-01 12:00:00.5'")
                              : QString())
            .arg(sizes.users)
            .replace(QLatin1String("%%"), QLatin1String("%"));
    sql +=
        QStringLiteral(
            "INSERT INTO %1 (%2%3, type, provider, %4, refresh_token, access_token, expires_at,"
            " token_type, scope, id_token, session_state%5)"
            " SELECT %6%7,"
            " CASE i % 4 WHEN 3 THEN 'credentials' WHEN 2 THEN 'email' ELSE 'oauth' END,"
            " (ARRAY['github', 'google', 'discord', 'credentials'])[1 + i % 4],"
            " substr(md5('a' || i), 1, 12),"
            " CASE WHEN i % 2 = 0 THEN 'rt_' || md5('r' || i) END, 'gho_' || substr(md5('t' || i), "
            "1, 20),"
            " CASE WHEN i % 3 = 0 THEN NULL ELSE 1780272000 + (i * 97) % 20000 - 10000 END,"
            " 'bearer', 'read:user,user:email', NULL, NULL%8"
            " FROM generate_series(1, %9) AS i;\n")
            .arg(n.account, n.idKeys ? QStringLiteral("id, ") : QString(), n.userId,
                 n.providerAccountId,
                 n.timestamps ? QStringLiteral(", \"createdAt\", \"updatedAt\"") : QString(),
                 n.idKeys ? QStringLiteral("'ca' || substr(md5('a' || i), 1, 23), ") : QString(),
                 userOf.arg(QStringLiteral("1 + (i * 31) % %1").arg(sizes.users)),
                 n.timestamps ? QStringLiteral(", timestamp '2026-01-01' + i * interval '1 second',"
                                               " timestamp '2026-01-02'")
                              : QString())
            .arg(sizes.accounts);
    // Expiry hours repeat (ties on `expires`), a quarter of them to the millisecond.
    sql +=
        QStringLiteral("INSERT INTO %1 (%2%3, %4, expires%5)"
                       " SELECT %6md5('s' || i)::uuid::text, %7,"
                       " timestamp '2026-06-01' + ((i * 37) % 200 - 100) * interval '1 hour'"
                       "   + CASE WHEN i % 4 = 0 THEN interval '0' ELSE (i % 997) * interval '1 "
                       "millisecond' END%8"
                       " FROM generate_series(1, %9) AS i;\n")
            .arg(n.session, n.idKeys ? QStringLiteral("id, ") : QString(), n.sessionToken, n.userId,
                 n.timestamps ? QStringLiteral(", \"createdAt\", \"updatedAt\"") : QString(),
                 n.idKeys ? QStringLiteral("'cs' || substr(md5('s' || i), 1, 23), ") : QString(),
                 userOf.arg(QStringLiteral("1 + (i * 7919) % %1").arg(sizes.users)),
                 n.timestamps ? QStringLiteral(", timestamp '2026-05-01' + i * interval '1 second',"
                                               " timestamp '2026-05-01' + i * interval '1 second'")
                              : QString())
            .arg(sizes.sessions);
    sql += QStringLiteral("INSERT INTO %1 (identifier, token, expires)"
                          " SELECT CASE WHEN i % 3 = 0 THEN 'guest' || i || '@example.net' ELSE "
                          "'user' || i || '@example.com' END,"
                          " md5('v' || i) || md5('w' || i),"
                          " timestamp '2026-06-01' + ((i * 13) % 48 - 24) * interval '1 hour'"
                          " FROM generate_series(1, %2) AS i;\n")
               .arg(n.token)
               .arg(sizes.verificationTokens);
    if (!n.authenticator.isEmpty()) {
        sql +=
            QStringLiteral(
                "INSERT INTO %1 (\"credentialID\", \"userID\", \"providerAccountId\","
                " \"credentialPublicKey\", counter, \"credentialDeviceType\", "
                "\"credentialBackedUp\", transports)"
                " SELECT 'cred' || substr(md5('c' || i), 1, 18), %2, substr(md5('a' || i), 1, 12),"
                " 'pk' || md5('k' || i), i % 17,"
                " CASE WHEN i % 2 = 0 THEN 'singleDevice' ELSE 'multiDevice' END, i % 3 = 0,"
                " CASE WHEN i % 4 = 0 THEN NULL ELSE 'internal' END"
                " FROM generate_series(1, %3) AS i;\n")
                .arg(n.authenticator,
                     userOf.arg(QStringLiteral("1 + (i * 13) % %1").arg(sizes.users)))
                .arg(sizes.authenticators);
    }
    return sql;
}

QString testDataFile(const QString &relativePath)
{
    QFile file(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

ProjectOptions urlOnlyOptions(const QString &url)
{
    ProjectOptions options;
    options.urlOverride = url;
    options.workingDirectory = QDir::tempPath();
    options.environment = QProcessEnvironment();
    return options;
}

RecordPage allRows(const AuthQueries &queries, AuthModelKind kind)
{
    RecordQuery query;
    query.model = kind;
    auto page = queries.page(query, 10000000);
    return page ? *page : RecordPage();
}

namespace {

// -1, 0, 1 with NULL greater than everything.
int compareValues(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull() ? 0 : (a.isNull() ? 1 : -1);
    if (a.typeId() == QMetaType::QDateTime) {
        const qint64 x = a.toDateTime().toMSecsSinceEpoch(), y = b.toDateTime().toMSecsSinceEpoch();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.typeId() == QMetaType::LongLong || a.typeId() == QMetaType::Int ||
        a.typeId() == QMetaType::Bool) {
        const qint64 x = a.toLongLong(), y = b.toLongLong();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    // Code point order; QString compares UTF-16 units, equal for the BMP text used here.
    const int c = QString::compare(a.toString(), b.toString(), Qt::CaseSensitive);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

QString keyOf(const RecordPage &page, const QVariantList &row)
{
    QStringList parts;
    for (const QString &k : page.keyFields)
        parts << row.value(page.fieldIndex(k)).toString();
    return parts.join(QLatin1Char('|'));
}

bool matches(const RecordPage &all, const QVariantList &row, const RecordQuery &q)
{
    auto value = [&](const char *name) {
        return row.value(all.fieldIndex(QString::fromLatin1(name)));
    };
    if (!q.userId.isEmpty()) {
        const QVariant owner = q.model == AuthModelKind::User ? value("id") : value("userId");
        if (owner.toString() != q.userId)
            return false;
    }
    if (!q.provider.isEmpty() && value("provider").toString() != q.provider)
        return false;
    if (!q.identifier.isEmpty() && value("identifier").toString() != q.identifier)
        return false;
    const QDateTime now = q.now.isValid() ? q.now : QDateTime::currentDateTimeUtc();
    if (q.expiry != ExpiryFilter::Any || q.expiresFrom.isValid() || q.expiresBefore.isValid()) {
        qint64 ms = 0;
        bool never = false;
        if (q.model == AuthModelKind::Account) {
            never = value("expires_at").isNull();
            ms = value("expires_at").toLongLong() * 1000;
        } else {
            never = value("expires").isNull();
            ms = value("expires").toDateTime().toMSecsSinceEpoch();
        }
        if (q.expiry == ExpiryFilter::Expired && (never || ms >= now.toMSecsSinceEpoch()))
            return false;
        if (q.expiry == ExpiryFilter::Active && !never && ms < now.toMSecsSinceEpoch())
            return false;
        if (q.expiresFrom.isValid() && (never || ms < q.expiresFrom.toMSecsSinceEpoch()))
            return false;
        if (q.expiresBefore.isValid() && (never || ms >= q.expiresBefore.toMSecsSinceEpoch()))
            return false;
    }
    const QString text = q.search.trimmed();
    if (!text.isEmpty()) {
        const QStringList fields = q.searchField.isEmpty() ? AuthQueries::searchFields(q.model)
                                                           : QStringList{q.searchField};
        bool any = false;
        for (const QString &f : fields) {
            const int column = all.fieldIndex(f);
            if (column < 0)
                continue;
            const QString v = row.value(column).toString();
            if (q.model == AuthModelKind::User && f == QLatin1String("name"))
                any = any || v.contains(text, Qt::CaseInsensitive);
            else
                any = any || v.startsWith(text, Qt::CaseSensitive);
        }
        if (!any)
            return false;
    }
    return true;
}

} // namespace

QStringList naiveKeys(const RecordPage &all, const RecordQuery &query, const AuthModel &model)
{
    QVector<QVariantList> rows;
    for (const QVariantList &row : all.rows) {
        if (matches(all, row, query))
            rows << row;
    }
    const int sort = all.fieldIndex(query.effectiveSortField(model));
    const bool descending = query.sortOrder == Qt::DescendingOrder;
    std::stable_sort(rows.begin(), rows.end(), [&](const QVariantList &a, const QVariantList &b) {
        int c = compareValues(a.value(sort), b.value(sort));
        for (int k = 0; c == 0 && k < all.keyFields.size(); ++k) {
            const int column = all.fieldIndex(all.keyFields.at(k));
            c = compareValues(a.value(column), b.value(column));
        }
        return descending ? c > 0 : c < 0;
    });
    QStringList keys;
    for (const QVariantList &row : rows)
        keys << keyOf(all, row);
    return keys;
}

QStringList pageKeys(const RecordPage &page)
{
    QStringList keys;
    for (const QVariantList &row : page.rows)
        keys << keyOf(page, row);
    return keys;
}

QStringList walkKeys(const AuthQueries &queries, const RecordQuery &query, int pageSize,
                     PageDirection direction, QString *error)
{
    QStringList keys;
    RecordPosition from;
    for (int guard = 0; guard < 100000; ++guard) {
        auto page = queries.page(query, pageSize, direction, from);
        if (!page) {
            *error = page.error().fullText();
            return {};
        }
        if (direction == PageDirection::Forward) {
            keys += pageKeys(*page);
            if (page->atEnd)
                return keys;
            from = page->lastPosition();
        } else {
            keys = pageKeys(*page) + keys;
            if (page->atStart)
                return keys;
            from = page->firstPosition();
        }
        if (page->isEmpty()) {
            *error = QStringLiteral("an empty page that is not at the end");
            return {};
        }
    }
    *error = QStringLiteral("no end after 100000 pages");
    return {};
}

} // namespace gh::test
