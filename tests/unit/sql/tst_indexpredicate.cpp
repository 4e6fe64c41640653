// IndexPredicate: partial-index predicates written and compared as Prisma 7's engine does.
// Every pair below was put to Prisma (`migrate diff --from-url` against a database holding
// `active = true`, `role = 'x y'` and `n > 5`): "same" pairs gave an empty migration, the
// others a DROP INDEX and CREATE INDEX.

#include "core/sql/IndexPredicate.h"

#include <QTest>

using gh::sql::IndexPredicate;

class TestIndexPredicate : public QObject
{
    Q_OBJECT

private slots:
    void equivalent_data()
    {
        QTest::addColumn<QString>("stored"); // as PostgreSQL's pg_get_expr gives it back
        QTest::addColumn<QString>("written");
        QTest::addColumn<bool>("same");
        QTest::newRow("spaces") << "(active = true)"
                                << "active=true" << true;
        QTest::newRow("trailing space") << "(active = true)"
                                        << "active = true " << true;
        QTest::newRow("quoted identifier") << "(active = true)"
                                           << "\"active\" = true" << true;
        QTest::newRow("parentheses") << "(active = true)"
                                     << "(active)=(true)" << true;
        QTest::newRow("case counts") << "(active = true)"
                                     << "ACTIVE = TRUE" << false;
        QTest::newRow("bare column") << "(active = true)"
                                     << "active" << false;
        QTest::newRow("IS TRUE") << "(active = true)"
                                 << "active IS TRUE" << false;
        QTest::newRow("literal cast") << "(role = 'x y'::text)"
                                      << "role = 'x y'" << true;
        QTest::newRow("literal cast both") << "(role = 'x y'::text)"
                                           << "role = 'x y'::text" << true;
        QTest::newRow("spaces in strings count") << "(role = 'x y'::text)"
                                                 << "role = 'xy'" << false;
        QTest::newRow("string case counts") << "(role = 'x y'::text)"
                                            << "role = 'X Y'" << false;
        QTest::newRow("column cast counts") << "(role = 'x y'::text)"
                                            << "role::text = 'x y'" << false;
        QTest::newRow("number") << "(n > 5)"
                                << "n>5" << true;
        QTest::newRow("number cast") << "(n > 5)"
                                     << "n > 5::integer" << true;
        QTest::newRow("quoted number") << "(n > 5)"
                                       << "n > '5'" << false;
        QTest::newRow("operands swapped") << "(n > 5)"
                                          << "5 < n" << false;
        QTest::newRow("object form") << "((name IS NOT NULL) AND (role = 'admin'::text))"
                                     << "\"name\" IS NOT NULL AND \"role\" = 'admin'" << true;
        // From the live golden live/partial-indexes-to-same (PostgreSQL rewrites != as <>).
        QTest::newRow("not equal")
            << "((kind = 'O''Brien \"support\"'::text) AND (attempts <> 0))"
            << "\"kind\" = 'O''Brien \"support\"' AND \"attempts\" != 0" << true;
        QTest::newRow("none and none") << ""
                                       << "" << true;
        QTest::newRow("partial and full") << "(active = true)"
                                          << "" << false;
    }

    void equivalent()
    {
        QFETCH(QString, stored);
        QFETCH(QString, written);
        QFETCH(bool, same);
        QCOMPARE(IndexPredicate::equivalent(stored, written), same);
        QCOMPARE(IndexPredicate::equivalent(written, stored), same);
    }

    void quotedStringsAndIdentifiersStayWhole()
    {
        QCOMPARE(IndexPredicate::normalizedTokens(QStringLiteral("\"a b\" = 'it''s (x)'")),
                 QStringList(
                     {QStringLiteral("a b"), QStringLiteral("="), QStringLiteral("'it''s (x)'")}));
    }
};

QTEST_GUILESS_MAIN(TestIndexPredicate)
#include "tst_indexpredicate.moc"
