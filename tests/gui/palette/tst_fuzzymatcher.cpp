// FuzzyMatcher: the palette's subsequence match and its ranking.

#include "ui/palette/FuzzyMatcher.h"

#include <QtTest>

using namespace gh::ui;

class TestFuzzyMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesSubsequencesOnly_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QList<int>>("positions");

        QTest::newRow("prefix") << "exp"
                                << "Export View…" << true << QList<int>{0, 1, 2};
        QTest::newRow("word starts preferred") << "ev"
                                               << "Export View…" << true << QList<int>{0, 7};
        QTest::newRow("case-insensitive") << "QUIT"
                                          << "Quit" << true << QList<int>{0, 1, 2, 3};
        QTest::newRow("camel hump") << "st"
                                    << "sessionToken" << true << QList<int>{0, 7};
        QTest::newRow("out of order") << "tixe"
                                      << "Exit" << false << QList<int>{};
        QTest::newRow("missing letter") << "quiz"
                                        << "Quit" << false << QList<int>{};
        QTest::newRow("longer than the text") << "users!"
                                              << "Users" << false << QList<int>{};
        QTest::newRow("email prefix") << "ada@"
                                      << "ada@example.com" << true << QList<int>{0, 1, 2, 3};
    }

    void matchesSubsequencesOnly()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QFETCH(QList<int>, positions);
        const auto match = FuzzyMatcher::match(pattern, text);
        QCOMPARE(bool(match), matches);
        if (match)
            QCOMPARE(QList<int>(match->positions.begin(), match->positions.end()), positions);
    }

    void emptyPatternMatchesEverything()
    {
        const auto match = FuzzyMatcher::match(QString(), QStringLiteral("Anything"));
        QVERIFY(match);
        QCOMPARE(match->score, 0);
        QVERIFY(match->positions.isEmpty());
    }

    void ranksBetterMatchesHigher_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("better");
        QTest::addColumn<QString>("worse");

        QTest::newRow("start beats middle") << "op"
                                            << "Open Demo Project"
                                            << "Reopen Database";
        QTest::newRow("word starts beat scattered") << "vt"
                                                    << "Verification Tokens"
                                                    << "Revert";
        QTest::newRow("consecutive beats gaps") << "ses"
                                                << "Sessions"
                                                << "Schema Errors";
        QTest::newRow("shorter wins a tie") << "users"
                                            << "Users"
                                            << "Users and Roles";
        QTest::newRow("exact case by a hair") << "Us"
                                              << "Users"
                                              << "users";
    }

    void ranksBetterMatchesHigher()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, better);
        QFETCH(QString, worse);
        const auto a = FuzzyMatcher::match(pattern, better);
        const auto b = FuzzyMatcher::match(pattern, worse);
        QVERIFY(a);
        QVERIFY(b);
        QVERIFY2(a->score > b->score,
                 qPrintable(QStringLiteral("%1 vs %2").arg(a->score).arg(b->score)));
    }
};

QTEST_APPLESS_MAIN(TestFuzzyMatcher)
#include "tst_fuzzymatcher.moc"
