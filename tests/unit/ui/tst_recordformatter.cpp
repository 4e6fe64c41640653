// RecordFormatter: how a session's expiry and an OAuth token's expires_at read in the tables.

#include "ui/inspector/RecordFormatter.h"

#include <QtTest>

using gh::AuthField;
using gh::FieldType;
using gh::ui::RecordFormatter;

class TestRecordFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relativeExpiryNamesTheLargestUnit_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("moments left")
            << qint64(30) << QStringLiteral("expires in less than a minute");
        QTest::newRow("one minute") << qint64(60) << QStringLiteral("expires in 1 minute");
        QTest::newRow("minutes") << qint64(59 * 60) << QStringLiteral("expires in 59 minutes");
        QTest::newRow("hours up to two days")
            << qint64(47 * 3600) << QStringLiteral("expires in 47 hours");
        QTest::newRow("days") << qint64(3 * 86400 + 7200) << QStringLiteral("expires in 3 days");
        QTest::newRow("months") << qint64(90 * 86400) << QStringLiteral("expires in 3 months");
        QTest::newRow("years") << qint64(800 * 86400) << QStringLiteral("expires in 2 years");
        QTest::newRow("just expired")
            << qint64(-1) << QStringLiteral("expired less than a minute ago");
        QTest::newRow("expired hours ago")
            << qint64(-2 * 3600) << QStringLiteral("expired 2 hours ago");
        QTest::newRow("expired a day ago")
            << qint64(-86400) << QStringLiteral("expired 24 hours ago");
    }

    void relativeExpiryNamesTheLargestUnit()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(RecordFormatter::relativeExpiry(now.addSecs(seconds), now), expected);
    }

    void expiringExactlyNowIsStillActive()
    {
        // Auth.js deletes a session when expires < now: at `now` itself it is still valid.
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(RecordFormatter::relativeExpiry(now, now),
                 QStringLiteral("expires in less than a minute"));
    }

    void accountExpiresAtIsEpochSeconds()
    {
        const AuthField expiresAt{QStringLiteral("expires_at"),
                                  QStringLiteral("expires_at"),
                                  FieldType::Int,
                                  true,
                                  false,
                                  QString()};
        const AuthField counter{QStringLiteral("counter"),
                                QStringLiteral("counter"),
                                FieldType::Int,
                                false,
                                false,
                                QString()};
        QVERIFY(RecordFormatter::isEpochSeconds(expiresAt));
        QVERIFY(!RecordFormatter::isEpochSeconds(counter));
        QCOMPARE(RecordFormatter::instant(expiresAt, QVariant(qlonglong(1717243200))),
                 QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC));
        QVERIFY(!RecordFormatter::instant(expiresAt, QVariant()).isValid());
    }
};

QTEST_GUILESS_MAIN(TestRecordFormatter)
#include "tst_recordformatter.moc"
