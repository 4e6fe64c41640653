// The adaptive batch size of large deletes: aims at a target time per batch, grows at most 2x,
// shrinks fast, stays within [1, maximum], and is not fooled by a short last batch.

#include "core/auth/RevocationBatchSizer.h"

#include <QtTest>

using namespace gh;

class TestRevocationBatchSizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextSizeFollowsTheTiming_data()
    {
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("maximum");
        QTest::addColumn<double>("elapsedMs");
        QTest::addColumn<qint64>("expected");
        // target 100 ms throughout
        QTest::newRow("on target keeps the size")
            << qint64(1000) << qint64(100000) << 100.0 << qint64(1000);
        QTest::newRow("twice as fast doubles")
            << qint64(1000) << qint64(100000) << 50.0 << qint64(2000);
        QTest::newRow("growth is capped at 2x")
            << qint64(1000) << qint64(100000) << 1.0 << qint64(2000);
        QTest::newRow("a timer reading of 0 is capped too")
            << qint64(1000) << qint64(100000) << 0.0 << qint64(2000);
        QTest::newRow("twice as slow halves")
            << qint64(1000) << qint64(100000) << 200.0 << qint64(500);
        QTest::newRow("shrinks to a quarter at once")
            << qint64(1000) << qint64(100000) << 5000.0 << qint64(250);
        QTest::newRow("never above the maximum")
            << qint64(1000) << qint64(1500) << 10.0 << qint64(1500);
        QTest::newRow("never below one") << qint64(1) << qint64(100) << 5000.0 << qint64(1);
    }
    void nextSizeFollowsTheTiming()
    {
        QFETCH(qint64, first);
        QFETCH(qint64, maximum);
        QFETCH(double, elapsedMs);
        QFETCH(qint64, expected);
        RevocationBatchSizer sizer(first, maximum, 100);
        QCOMPARE(sizer.next(), qMin(first, maximum));
        sizer.record(sizer.next(), elapsedMs);
        QCOMPARE(sizer.next(), expected);
    }

    void firstSizeIsClamped()
    {
        QCOMPARE(RevocationBatchSizer(0, 10, 100).next(), 1);
        QCOMPARE(RevocationBatchSizer(50, 10, 100).next(), 10);
        QCOMPARE(RevocationBatchSizer(5, 0, 100).next(), 1);
    }

    void aShortLastBatchDoesNotCollapseTheSize()
    {
        RevocationBatchSizer sizer(1000, 100000, 100);
        sizer.record(3, 0.2); // the tail of a pass: 3 units, instantly
        QVERIFY2(sizer.next() >= 1000, qPrintable(QString::number(sizer.next())));
    }

    void convergesOnTheTargetWithoutOvershooting()
    {
        // A server where a unit costs 0.5 ms: the target of 100 ms is 200 units.
        RevocationBatchSizer sizer(10, 1000000, 100);
        double longest = 0;
        for (int i = 0; i < 20; ++i) {
            const double ms = sizer.next() * 0.5;
            longest = qMax(longest, ms);
            sizer.record(sizer.next(), ms);
        }
        QCOMPARE(sizer.next(), 200);
        QVERIFY(longest <= 100);
        // The server slows down fivefold: the next batch already fits again.
        sizer.record(sizer.next(), sizer.next() * 2.5);
        QVERIFY(sizer.next() * 2.5 <= 125);
    }
};

QTEST_GUILESS_MAIN(TestRevocationBatchSizer)
#include "tst_revocationbatchsizer.moc"
