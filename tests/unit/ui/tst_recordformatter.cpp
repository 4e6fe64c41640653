// RecordFormatter: how a session's expiry and an OAuth token's expires_at read in the tables.

#include "ui/inspector/RecordFormatter.h"

#include <QLocale>
#include <QTimeZone>
#include <QtTest>
#include <time.h>

using gh::AuthField;
using gh::FieldType;
using gh::ui::RecordFormatter;

class TestRecordFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localTimeIsWhatQLocaleWritesAroundEveryTransition_data()
    {
        QTest::addColumn<QByteArray>("zone");
        // Whole-hour and half-hour offsets, DST changes at :00 and :30 UTC, a 30-minute DST
        // shift, a zone without DST, and UTC.
        for (const char *zone : {"Europe/Berlin", "America/New_York", "America/St_Johns",
                                 "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu", "UTC"})
            QTest::newRow(zone) << QByteArray(zone);
    }

    void localTimeIsWhatQLocaleWritesAroundEveryTransition()
    {
        // localTime() keeps the zone's offset between transitions rather than asking libc per
        // value: it must still write exactly what QLocale writes for toLocalTime().
        QFETCH(QByteArray, zone);
        if (!QTimeZone(zone).isValid())
            QSKIP("The zone is not in this system's time zone database");
        const QByteArray previous = qgetenv("TZ");
        qputenv("TZ", zone);
        tzset();
        QStringList mismatches;
        const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        QVector<QDateTime> instants;
        // Every 7 minutes 13 seconds over two years: each transition is crossed, both ways,
        // in a different order of cached stretches. Then instants before 1970 (negative
        // milliseconds since the epoch, at and around whole seconds).
        for (qint64 s = 0; s < 2 * 366 * 86400; s += 433)
            instants << start.addSecs(s);
        const QDateTime before1970(QDate(1965, 3, 1), QTime(12, 0), Qt::UTC);
        for (qint64 ms : {qint64(0), qint64(1), qint64(999), qint64(-1), qint64(-1000)})
            instants << before1970.addMSecs(ms);
        for (const QDateTime &utc : qAsConst(instants)) {
            if (mismatches.size() >= 5)
                break;
            const QString expected =
                QLocale().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            const QString actual = RecordFormatter::localTime(utc);
            if (actual != expected)
                mismatches << utc.toString(Qt::ISODate) + QStringLiteral(": ") + actual +
                                  QStringLiteral(" != ") + expected;
        }
        if (previous.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", previous);
        tzset();
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
    }

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
