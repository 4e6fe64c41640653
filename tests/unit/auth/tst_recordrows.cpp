// RecordRows: rows over a query result that convert each cell the first time it is read. The
// result here is a plain table of values standing in for libpq's (RawResult is the seam the
// PostgreSQL backend implements); it counts reads, so "converted once" is checked, not assumed.
#include "core/auth/RecordRows.h"
#include "core/db/RawResult.h"

#include <QDateTime>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace gh;

namespace {

class CountingResult final : public RawResult
{
public:
    explicit CountingResult(QVector<QVariantList> rows)
        : m_rows(std::move(rows))
        , m_reads(m_rows.size() * (m_rows.isEmpty() ? 0 : m_rows.first().size()))
    {}
    int rowCount() const override { return int(m_rows.size()); }
    int columnCount() const override { return m_rows.isEmpty() ? 0 : int(m_rows.first().size()); }
    QVariant value(int row, int column) const override
    {
        ++m_reads[row * columnCount() + column];
        return m_rows.at(row).at(column);
    }
    int reads(int row, int column) const { return m_reads[row * columnCount() + column]; }

private:
    QVector<QVariantList> m_rows;
    mutable std::vector<std::atomic<int>> m_reads;
};

// Three sessions and one more row (pages read one row past the limit to know where they end).
// Columns: sessionToken, expires (SQLite's milliseconds), then the position's raw key.
std::shared_ptr<CountingResult> sessions()
{
    QVector<QVariantList> rows;
    for (int i = 0; i < 4; ++i)
        rows << QVariantList{QStringLiteral("t%1").arg(i), qlonglong(1700000000000LL + i),
                             QStringLiteral("t%1").arg(i)};
    return std::make_shared<CountingResult>(rows);
}

const QVector<FieldType> kTypes = {FieldType::String, FieldType::DateTime};

} // namespace

class TestRecordRows : public QObject
{
    Q_OBJECT

private slots:
    void readsTheFirstRowsInOrderOrReversed()
    {
        auto result = sessions();
        const RecordRows forward = RecordRows::fromResult(result, kTypes, {2}, 3, false);
        QCOMPARE(forward.size(), 3);
        QCOMPARE(forward.value(0, 0).toString(), QStringLiteral("t0"));
        QCOMPARE(forward.value(2, 0).toString(), QStringLiteral("t2"));
        QVERIFY(!forward.value(3, 0).isValid()); // the extra row is not part of the page

        // A Backward page comes newest first from the database and is shown oldest first.
        const RecordRows backward = RecordRows::fromResult(result, kTypes, {2}, 3, true);
        QCOMPARE(backward.value(0, 0).toString(), QStringLiteral("t2"));
        QCOMPARE(backward.value(2, 0).toString(), QStringLiteral("t0"));
        QCOMPARE(backward.position(0).values, QVariantList{QStringLiteral("t2")});
    }

    void convertsCellsToPrismaTypes()
    {
        const RecordRows rows = RecordRows::fromResult(sessions(), kTypes, {2}, 3, false);
        const QVariant expires = rows.value(1, 1);
        QCOMPARE(expires.typeId(), int(QMetaType::QDateTime));
        QCOMPARE(expires.toDateTime(), QDateTime::fromMSecsSinceEpoch(1700000000001LL, Qt::UTC));
        QCOMPARE(rows.at(1), (QVariantList{QStringLiteral("t1"), expires}));
        QVERIFY(!rows.value(0, 2).isValid()); // position columns are not fields
    }

    void convertsACellOnceForEveryCopyAndSlice()
    {
        auto result = sessions();
        const RecordRows rows = RecordRows::fromResult(result, kTypes, {2}, 3, false);
        QCOMPARE(result->reads(1, 1), 0); // nothing converted until read
        const RecordRows copy = rows;
        const RecordRows slice = rows.mid(1, 1);
        QCOMPARE(slice.size(), 1);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(rows.value(1, 1), copy.value(1, 1));
            QCOMPARE(slice.value(0, 1), rows.value(1, 1));
        }
        QCOMPARE(result->reads(1, 1), 1);
        QCOMPARE(result->reads(0, 1), 0);
    }

    void concurrentReadersConvertOnce()
    {
        auto result = sessions();
        const RecordRows rows = RecordRows::fromResult(result, kTypes, {2}, 3, false);
        std::vector<std::thread> readers;
        for (int t = 0; t < 4; ++t) {
            readers.emplace_back([rows] {
                for (int i = 0; i < 200; ++i)
                    for (int r = 0; r < rows.size(); ++r)
                        (void)rows.value(r, 1);
            });
        }
        for (std::thread &reader : readers)
            reader.join();
        for (int r = 0; r < 3; ++r)
            QCOMPARE(result->reads(r, 1), 1);
    }

    void readersFromBothEndsConvertEachCellOnce()
    {
        // As the page thread (bottom row up) and the GUI thread (top row down) read a screen
        // (PagedRecordModel): they meet in between, every cell converted once and read alike by
        // both.
        QVector<QVariantList> data;
        for (int i = 0; i < 2000; ++i)
            data << QVariantList{QStringLiteral("t%1").arg(i), qlonglong(1700000000000LL + i),
                                 QStringLiteral("t%1").arg(i)};
        for (int round = 0; round < 20; ++round) {
            auto result = std::make_shared<CountingResult>(data);
            const RecordRows rows = RecordRows::fromResult(result, kTypes, {2}, 2000, false);
            QVector<QVariant> upward(rows.size() * 2);
            QVector<QVariant> downward(rows.size() * 2);
            std::thread up([&rows, &upward] {
                for (int r = rows.size() - 1; r >= 0; --r)
                    for (int c = 0; c < 2; ++c)
                        upward[r * 2 + c] = rows.value(r, c);
            });
            for (int r = 0; r < rows.size(); ++r)
                for (int c = 0; c < 2; ++c)
                    downward[r * 2 + c] = rows.value(r, c);
            up.join();
            for (int r = 0; r < rows.size(); ++r) {
                for (int c = 0; c < 2; ++c) {
                    QCOMPARE(result->reads(r, c), 1);
                    QVERIFY(rows.isConverted(r, c));
                    QCOMPARE(upward.at(r * 2 + c), downward.at(r * 2 + c));
                }
                QCOMPARE(downward.at(r * 2).toString(), QStringLiteral("t%1").arg(r));
                QCOMPARE(downward.at(r * 2 + 1).toDateTime().toMSecsSinceEpoch(),
                         1700000000000LL + r);
            }
        }
    }

    void appendKeepsTheLazyRowsAndTheirPositions()
    {
        RecordRows rows = RecordRows::fromResult(sessions(), kTypes, {2}, 2, true);
        RecordPosition added;
        added.values << QStringLiteral("x");
        rows.append({QStringLiteral("x"), QVariant()}, added);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.value(0, 0).toString(), QStringLiteral("t1"));
        QCOMPARE(rows.position(1).values, QVariantList{QStringLiteral("t0")});
        QCOMPARE(rows.value(2, 0).toString(), QStringLiteral("x"));
        QCOMPARE(rows.position(2), added);
        QStringList tokens;
        for (const QVariantList &row : rows)
            tokens << row.value(0).toString();
        QCOMPARE(tokens,
                 (QStringList{QStringLiteral("t1"), QStringLiteral("t0"), QStringLiteral("x")}));
    }
};

QTEST_GUILESS_MAIN(TestRecordRows)
#include "tst_recordrows.moc"
