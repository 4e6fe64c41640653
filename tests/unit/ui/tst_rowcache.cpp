// RowCache: the bounded window of rows behind the big-table model.

#include "ui/inspector/RowCache.h"

#include <QtTest>
#include <memory>

using gh::ui::RowCache;

namespace {

std::vector<int> range(int from, int to)
{
    std::vector<int> rows;
    for (int i = from; i < to; ++i)
        rows.push_back(i);
    return rows;
}

// The cached rows hold their own row number, so a wrong index shows up as a wrong value.
bool holdsOwnIndexes(const RowCache<int> &cache)
{
    for (int row = cache.first(); row < cache.end(); ++row) {
        if (cache.at(row) != row)
            return false;
    }
    return true;
}

} // namespace

class TestRowCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyCacheContainsNothing()
    {
        RowCache<int> cache(10);
        QVERIFY(cache.isEmpty());
        QCOMPARE(cache.size(), 0);
        QVERIFY(!cache.contains(0));
        QCOMPARE(cache.find(0), nullptr);
    }

    void resetAnchorsTheWindowAnywhere()
    {
        RowCache<int> cache(100);
        cache.reset(5000, range(5000, 5050));
        QCOMPARE(cache.first(), 5000);
        QCOMPARE(cache.end(), 5050);
        QVERIFY(cache.contains(5000));
        QVERIFY(cache.contains(5049));
        QVERIFY(!cache.contains(4999));
        QVERIFY(!cache.contains(5050));
        QVERIFY(holdsOwnIndexes(cache));
    }

    void resetKeepsTheFirstRowsWhenTooMany()
    {
        RowCache<int> cache(10);
        cache.reset(0, range(0, 25));
        QCOMPARE(cache.size(), 10);
        QCOMPARE(cache.first(), 0);
        QCOMPARE(cache.end(), 10);
        QVERIFY(holdsOwnIndexes(cache));
    }

    void scrollingDownNeverGrowsPastCapacity_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("pages divide capacity") << 100 << 25;
        QTest::newRow("pages do not divide capacity") << 100 << 30;
        QTest::newRow("page larger than capacity") << 10 << 40;
    }

    void scrollingDownNeverGrowsPastCapacity()
    {
        QFETCH(int, capacity);
        QFETCH(int, pageSize);
        RowCache<int> cache(capacity);
        int evictedTotal = 0;
        for (int from = 0; from < 200000; from += pageSize) {
            evictedTotal += cache.append(range(from, from + pageSize));
            QVERIFY(cache.size() <= capacity);
        }
        const int loaded = ((200000 + pageSize - 1) / pageSize) * pageSize;
        QCOMPARE(cache.end(), loaded);
        QCOMPARE(cache.size(), capacity);
        QCOMPARE(evictedTotal, loaded - capacity);
        QVERIFY(holdsOwnIndexes(cache));
    }

    void scrollingUpEvictsFromTheBottom()
    {
        RowCache<int> cache(50);
        cache.reset(1000, range(1000, 1040));
        const int evicted = cache.prepend(range(980, 1000));
        QCOMPARE(evicted, 10);
        QCOMPARE(cache.first(), 980);
        QCOMPARE(cache.end(), 1030);
        QVERIFY(holdsOwnIndexes(cache));
    }

    void prependingBelowZeroIsAllowedUntilShifted()
    {
        // A seek anchors the window on an estimate; rows found above row 0 are re-anchored.
        RowCache<int> cache(100);
        cache.reset(10, range(10, 20));
        cache.prepend(range(-5, 10));
        QCOMPARE(cache.first(), -5);
        cache.shift(5);
        QCOMPARE(cache.first(), 0);
        QCOMPARE(cache.end(), 25);
        QCOMPARE(cache.at(0), -5);
        QCOMPARE(cache.at(24), 19);
    }

    void appendToAnEmptyCacheStartsAtItsAnchor()
    {
        RowCache<int> cache(10);
        cache.reset(30, {});
        cache.append(range(30, 35));
        QCOMPARE(cache.first(), 30);
        QVERIFY(holdsOwnIndexes(cache));
    }

    void trimDropsRowsOutsideTheRange()
    {
        RowCache<int> cache(100);
        cache.reset(0, range(0, 60));
        cache.trim(10, 50);
        QCOMPARE(cache.first(), 10);
        QCOMPARE(cache.end(), 50);
        QVERIFY(holdsOwnIndexes(cache));
        cache.trim(100, 200);
        QVERIFY(cache.isEmpty());
    }

    void smallerCapacityEvictsFromTheEnd()
    {
        RowCache<int> cache(100);
        cache.reset(0, range(0, 80));
        cache.setCapacity(30);
        QCOMPARE(cache.size(), 30);
        QCOMPARE(cache.end(), 30);
    }

    void holdsMoveOnlyValues()
    {
        RowCache<std::unique_ptr<int>> cache(2);
        std::vector<std::unique_ptr<int>> rows;
        for (int i = 0; i < 3; ++i)
            rows.push_back(std::make_unique<int>(i));
        QCOMPARE(cache.append(std::move(rows)), 1);
        QCOMPARE(*cache.at(1), 1);
        QCOMPARE(*cache.at(2), 2);
    }

    void takeHandsOverTheRowsAndEmptiesTheWindow()
    {
        RowCache<int> cache(100);
        cache.reset(40, range(40, 60));
        const auto taken = cache.take();
        QVERIFY(cache.isEmpty());
        QCOMPARE(cache.first(), 0);
        QCOMPARE(int(taken.size()), 20);
        QCOMPARE(taken.front(), 40);
        QCOMPARE(taken.back(), 59);
        // The emptied window is used as a new one.
        cache.reset(0, range(0, 5));
        QCOMPARE(cache.end(), 5);
        QVERIFY(holdsOwnIndexes(cache));
    }
};

QTEST_APPLESS_MAIN(TestRowCache)
#include "tst_rowcache.moc"
