// The SQL RecordSql builds: placeholders in text order, keyset conditions around NULLs, prefix
// ranges per collation, SQLite's DateTime normalisation. The integration tests check the rows;
// these pin the statements' shape where a mistake would still return plausible rows.

#include "core/auth/AuthSchema.h"
#include "core/auth/RecordSql.h"

#include <QtTest>
#include <functional>

using namespace gh;

namespace {

RecordSql make(const RecordQuery &query, SqlDialect dialect, TextOrder order = TextOrder::Bytes)
{
    AuthSchema schema = AuthSchema::prismaDefaults();
    auto sql = RecordSql::make(schema.model(query.model), query, dialect, QStringLiteral("\"T\""),
                               [order](const AuthField &) { return order; });
    if (!sql)
        qFatal("%s", qPrintable(sql.error().fullText()));
    return *sql;
}

} // namespace

class TestRecordSql : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queriesCompareEveryField()
    {
        // Back/Forward restores a view only when its query differs: each field must count.
        const RecordQuery base = RecordQuery::ofUser(AuthModelKind::Session, QStringLiteral("u1"));
        QCOMPARE(base, RecordQuery::ofUser(AuthModelKind::Session, QStringLiteral("u1")));
        const std::function<void(RecordQuery &)> changes[] = {
            [](RecordQuery &q) { q.model = AuthModelKind::Account; },
            [](RecordQuery &q) { q.sortField = QStringLiteral("expires"); },
            [](RecordQuery &q) { q.sortOrder = Qt::DescendingOrder; },
            [](RecordQuery &q) { q.search = QStringLiteral("a"); },
            [](RecordQuery &q) { q.searchField = QStringLiteral("userId"); },
            [](RecordQuery &q) { q.userId = QStringLiteral("u2"); },
            [](RecordQuery &q) { q.provider = QStringLiteral("github"); },
            [](RecordQuery &q) { q.identifier = QStringLiteral("a@b.c"); },
            [](RecordQuery &q) { q.expiry = ExpiryFilter::Expired; },
            [](RecordQuery &q) { q.expiresFrom = QDateTime::fromSecsSinceEpoch(1, Qt::UTC); },
            [](RecordQuery &q) { q.expiresBefore = QDateTime::fromSecsSinceEpoch(1, Qt::UTC); },
            [](RecordQuery &q) { q.now = QDateTime::fromSecsSinceEpoch(1, Qt::UTC); },
        };
        for (const auto &change : changes) {
            RecordQuery other = base;
            change(other);
            QVERIFY(other != base);
        }
    }

    void prefixUpperBound_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("upper");
        QTest::newRow("ascii") << QStringLiteral("ab") << QStringLiteral("ac");
        QTest::newRow("at sign") << QStringLiteral("ada@") << QStringLiteral("adaA");
        QTest::newRow("latin-1") << QStringLiteral("a\u00FF") << QStringLiteral("a\u0100");
        QTest::newRow("skips surrogates") << QStringLiteral("x\uD7FF") << QStringLiteral("x\uE000");
        QTest::newRow("astral") << QString::fromUcs4(U"a\U0001F600")
                                << QString::fromUcs4(U"a\U0001F601");
        QTest::newRow("last code point")
            << QString::fromUcs4(U"a\U0010FFFF") << QStringLiteral("b");
        QTest::newRow("empty") << QString() << QString();
    }
    void prefixUpperBound()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, upper);
        QCOMPARE(RecordSql::prefixUpperBound(prefix), upper);
    }

    void likeWildcardsAreEscaped()
    {
        QCOMPARE(RecordSql::escapeLike(QStringLiteral("50%_a\\b")),
                 QStringLiteral("50\\%\\_a\\\\b"));
    }

    void sqlitePlaceholdersFollowTextOrder()
    {
        // SQLite binds `?` by position: filters, then the keyset, then the limit, in text order.
        RecordQuery query;
        query.model = AuthModelKind::Session;
        query.userId = QStringLiteral("user-1");
        query.expiry = ExpiryFilter::Expired;
        query.now = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
        query.search = QStringLiteral("ab");
        query.sortField = QStringLiteral("expires");
        const RecordSql sql = make(query, SqlDialect::SQLite);
        const RecordPosition after{{qint64(5000), QStringLiteral("tok")}, false};
        const SqlStatement st = sql.pageStatement(after, false, 51);
        QCOMPARE(int(st.sql().count(QLatin1Char('?'))), int(st.values().size()));
        const QVariantList expected{QStringLiteral("user-1"),
                                    qint64(1000),
                                    QStringLiteral("ab"),
                                    QStringLiteral("ac"), // sessionToken prefix
                                    QStringLiteral("ab"),
                                    QStringLiteral("ac"), // userId prefix
                                    qint64(5000),
                                    qint64(5000),
                                    QStringLiteral("tok"),
                                    51};
        QCOMPARE(st.values(), expected);
    }

    void postgresPlaceholdersAreNumbered()
    {
        RecordQuery query;
        query.model = AuthModelKind::User;
        query.search = QStringLiteral("ada");
        query.searchField = QStringLiteral("email");
        const SqlStatement st =
            make(query, SqlDialect::PostgreSQL).pageStatement(RecordPosition(), false, 10);
        QVERIFY2(st.sql().contains(QLatin1String("\"email\" >= $1 AND \"email\" < $2")),
                 qPrintable(st.sql()));
        QVERIFY(st.sql().endsWith(QLatin1String("LIMIT $3")));
        QVERIFY(!st.sql().contains(QLatin1String("LIKE")));
    }

    void linguisticCollationsGetAWiderRangeAndARecheck_data()
    {
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("upper");
        QTest::addColumn<bool>("recheck");
        QTest::newRow("bytes") << int(TextOrder::Bytes) << QStringLiteral("adb") << false;
        QTest::newRow("icu") << int(TextOrder::Icu) << QStringLiteral("ada\uFFFF\uFFFF") << true;
        QTest::newRow("libc") << int(TextOrder::Linguistic) << QStringLiteral("ada\uFFFD\uFFFD")
                              << true;
    }
    void linguisticCollationsGetAWiderRangeAndARecheck()
    {
        QFETCH(int, order);
        QFETCH(QString, upper);
        QFETCH(bool, recheck);
        RecordQuery query;
        query.model = AuthModelKind::User;
        query.search = QStringLiteral("ada");
        query.searchField = QStringLiteral("email");
        const SqlStatement st = make(query, SqlDialect::PostgreSQL, TextOrder(order))
                                    .pageStatement(RecordPosition(), false, 10);
        QCOMPARE(st.values().value(1).toString(), upper);
        QCOMPARE(st.sql().contains(QLatin1String("starts_with(\"email\", $3)")), recheck);
    }

    void nameSearchIsACaseInsensitiveSubstring()
    {
        RecordQuery query;
        query.model = AuthModelKind::User;
        query.search = QStringLiteral("o_n");
        query.searchField = QStringLiteral("name");
        const SqlStatement pg =
            make(query, SqlDialect::PostgreSQL).pageStatement(RecordPosition(), false, 10);
        QVERIFY(pg.sql().contains(QLatin1String("\"name\" ILIKE $1")));
        QCOMPARE(pg.values().first().toString(), QStringLiteral("%o\\_n%"));
        const SqlStatement lite =
            make(query, SqlDialect::SQLite).pageStatement(RecordPosition(), false, 10);
        QVERIFY(lite.sql().contains(QLatin1String("\"name\" LIKE ? ESCAPE '\\'")));
    }

    void keysetAroundNulls()
    {
        // name is optional: NULLs are the greatest values, last ascending, first descending.
        RecordQuery query;
        query.model = AuthModelKind::User;
        query.sortField = QStringLiteral("name");
        const RecordSql ascending = make(query, SqlDialect::PostgreSQL);
        QVERIFY(ascending.orderBy(false).contains(
            QLatin1String("\"name\" ASC NULLS LAST, \"id\" ASC")));
        QVERIFY(ascending.orderBy(true).contains(
            QLatin1String("\"name\" DESC NULLS FIRST, \"id\" DESC")));

        SqlStatement st(SqlDialect::PostgreSQL);
        // After a non-null value going forward, the NULLs still follow.
        const QString afterValue = ascending.keysetCondition(
            st, RecordPosition{{QStringLiteral("Ada"), QStringLiteral("u1")}, false}, false);
        QCOMPARE(afterValue,
                 QStringLiteral(
                     "((\"name\" >= $1 AND (\"name\" > $2 OR \"id\" > $3)) OR \"name\" IS NULL)"));
        // After a NULL going forward, only NULLs with a greater key.
        const QString afterNull = ascending.keysetCondition(
            st, RecordPosition{{QVariant(), QStringLiteral("u1")}, false}, false);
        QCOMPARE(afterNull, QStringLiteral("(\"name\" IS NULL AND \"id\" > $4)"));
        // Backward from a NULL: the other NULLs before it, then every non-null value.
        const QString beforeNull = ascending.keysetCondition(
            st, RecordPosition{{QVariant(), QStringLiteral("u1")}, false}, true);
        QCOMPARE(beforeNull,
                 QStringLiteral("((\"name\" IS NULL AND \"id\" < $5) OR \"name\" IS NOT NULL)"));
        // Backward from a value: no NULLs.
        const QString beforeValue = ascending.keysetCondition(
            st, RecordPosition{{QStringLiteral("Ada"), QStringLiteral("u1")}, true}, true);
        QCOMPARE(beforeValue,
                 QStringLiteral("(\"name\" <= $6 AND (\"name\" < $7 OR \"id\" <= $8))"));
    }

    void compositeKeysCompareAsRowValues()
    {
        RecordQuery query;
        query.model = AuthModelKind::Account;
        SqlStatement st(SqlDialect::PostgreSQL);
        const QString after =
            make(query, SqlDialect::PostgreSQL)
                .keysetCondition(
                    st, RecordPosition{{QStringLiteral("github"), QStringLiteral("42")}, false},
                    false);
        QCOMPARE(after, QStringLiteral("(\"provider\", \"providerAccountId\") > ($1, $2)"));
    }

    void sqliteDateTimesCompareAsMilliseconds()
    {
        RecordQuery query;
        query.model = AuthModelKind::Session;
        query.sortField = QStringLiteral("expires");
        query.expiry = ExpiryFilter::Active;
        query.now = QDateTime::fromMSecsSinceEpoch(1718100000123, Qt::UTC);
        const RecordSql sql = make(query, SqlDialect::SQLite);
        const SqlStatement st = sql.pageStatement(RecordPosition(), false, 10);
        // Integers pass through; text goes through strftime; both become epoch milliseconds.
        QVERIFY(st.sql().contains(QLatin1String("typeof(\"expires\") IN ('integer', 'real')")));
        QVERIFY(st.sql().contains(QLatin1String("strftime('%s', \"expires\")")));
        QVERIFY(st.sql().contains(QLatin1String("END) >= ?")));
        QCOMPARE(st.values().first(), QVariant(qint64(1718100000123)));
        // The computed sort value travels as an extra column after the fields.
        QCOMPARE(sql.positionSources(), (QVector<int>{5, 0}));
        // PostgreSQL compares the column itself and reads positions from the fields.
        const RecordSql pg = make(query, SqlDialect::PostgreSQL);
        QCOMPARE(pg.positionSources(), (QVector<int>{2, 0}));
        QVERIFY(!pg.selectList().contains(QLatin1String("strftime")));
    }

    void refusesWhatDoesNotApply_data()
    {
        QTest::addColumn<int>("model");
        QTest::addColumn<QString>("sortField");
        QTest::addColumn<QString>("searchField");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("expiry");
        QTest::newRow("unknown sort field")
            << int(AuthModelKind::User) << QStringLiteral("password") << QString() << QString()
            << 0;
        QTest::newRow("search a field that is not searchable")
            << int(AuthModelKind::User) << QString() << QStringLiteral("image") << QString() << 0;
        QTest::newRow("provider on sessions") << int(AuthModelKind::Session) << QString()
                                              << QString() << QStringLiteral("github") << 0;
        QTest::newRow("users do not expire")
            << int(AuthModelKind::User) << QString() << QString() << QString() << 2;
    }
    void refusesWhatDoesNotApply()
    {
        QFETCH(int, model);
        QFETCH(QString, sortField);
        QFETCH(QString, searchField);
        QFETCH(QString, provider);
        QFETCH(int, expiry);
        RecordQuery query;
        query.model = AuthModelKind(model);
        query.sortField = sortField;
        query.searchField = searchField;
        query.search = searchField.isEmpty() ? QString() : QStringLiteral("x");
        query.provider = provider;
        query.expiry = ExpiryFilter(expiry);
        AuthSchema schema = AuthSchema::prismaDefaults();
        auto sql = RecordSql::make(schema.model(query.model), query, SqlDialect::PostgreSQL,
                                   QStringLiteral("\"T\""),
                                   [](const AuthField &) { return TextOrder::Bytes; });
        QVERIFY(!sql.ok());
        QCOMPARE(sql.error().code(), Error::Code::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestRecordSql)
#include "tst_recordsql.moc"
