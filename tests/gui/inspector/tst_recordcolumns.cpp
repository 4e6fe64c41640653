// RecordColumns / RecordFormatter: the roles a view's delegate asks in one multiData() call are
// answered as data() answers each, and the expiry column's texts follow the translations.
// ScreenTexts: the display texts made on a page thread are the formatter's, each handed over
// once, and only while they hold for the cell as shown.

#include "core/auth/RecordRows.h"
#include "ui/inspector/RecordColumns.h"
#include "ui/inspector/RecordFormatter.h"
#include "ui/inspector/RecordRoles.h"
#include "ui/inspector/ScreenTexts.h"

#include <QDeadlineTimer>
#include <QScopeGuard>
#include <QThread>
#include <QTimeZone>
#include <QTranslator>
#include <QtTest>

using gh::AuthField;
using gh::FieldType;
using gh::RecordRows;
using gh::ui::RecordColumns;
using gh::ui::RecordFormatter;
using gh::ui::ScreenTexts;

namespace {

AuthField field(const char *name, FieldType type, bool optional = false, bool secret = false)
{
    return AuthField{
        QString::fromLatin1(name), QString::fromLatin1(name), type, optional, secret, QString()};
}

/// Every role a delegate, a view or the inspector's actions read.
QList<int> allRoles()
{
    return {Qt::DisplayRole,      Qt::ToolTipRole,    Qt::FontRole,         Qt::TextAlignmentRole,
            Qt::ForegroundRole,   Qt::BackgroundRole, Qt::CheckStateRole,   Qt::DecorationRole,
            Qt::EditRole,         Qt::StatusTipRole,  Qt::WhatsThisRole,    Qt::SizeHintRole,
            gh::ui::RawValueRole, gh::ui::SecretRole, gh::ui::RevealedRole, gh::ui::UserIdRole,
            gh::ui::LoadedRole};
}

/// A secret, a timestamp and an optional string, over five rows (row 2's string NULL).
QVector<AuthField> screenFields()
{
    return {field("sessionToken", FieldType::String, false, true),
            field("createdAt", FieldType::DateTime), field("note", FieldType::String, true)};
}

RecordRows screenRows()
{
    RecordRows rows;
    for (int r = 0; r < 5; ++r) {
        rows << QVariantList{QStringLiteral("token-%1-0123456789abcdef").arg(r),
                             QDateTime(QDate(2026, 3, 29), QTime(0, 30 + r), Qt::UTC),
                             r == 2 ? QVariant() : QVariant(QStringLiteral("note %1").arg(r))};
    }
    return rows;
}

/// Sets TZ for the scope of the returned guard.
auto zone(const char *tz)
{
    const bool had = qEnvironmentVariableIsSet("TZ");
    const QByteArray previous = qgetenv("TZ");
    qputenv("TZ", tz);
    return qScopeGuard([had, previous] {
        if (had)
            qputenv("TZ", previous);
        else
            qunsetenv("TZ");
    });
}

/// A translator that writes every text it knows in capitals, "expires in %1" included.
class ShoutingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        if (QByteArray(context) != "gh::ui::RecordFormatter")
            return QString();
        return QString::fromUtf8(sourceText).toUpper(); // "%1" stays "%1"
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestRecordColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiDataAnswersEveryRoleAsDataDoes_data()
    {
        QTest::addColumn<bool>("revealed");
        QTest::newRow("secrets masked") << false;
        QTest::newRow("secrets revealed") << true;
    }

    void multiDataAnswersEveryRoleAsDataDoes()
    {
        // multiData() answers each role on a path of its own (the value looked at once, empty
        // roles left empty): for every kind of field and value, each answer must be data()'s.
        QFETCH(bool, revealed);
        const QVector<AuthField> fields = {
            field("sessionToken", FieldType::String, false, true),
            field("userId", FieldType::String),
            field("expires", FieldType::DateTime, true),
            field("expires_at", FieldType::Int, true),
            field("counter", FieldType::Int, true),
            field("credentialBackedUp", FieldType::Boolean, true),
            field("access_token", FieldType::String, true, true),
        };
        const RecordColumns columns(fields);
        QCOMPARE(columns.count(), fields.size() + 1); // "expires in" after expires
        const QDateTime now = QDateTime::currentDateTimeUtc();
        RecordRows rows;
        // Days away from any unit's edge, so that the clock moving between two answers does
        // not change the text.
        rows << QVariantList{QStringLiteral("8f14e45fceea167a5a36dedd4bea2543"),
                             QStringLiteral("user-1"),
                             now.addDays(3).addSecs(3600),
                             qlonglong(1717243200),
                             qlonglong(42),
                             true,
                             QStringLiteral("ya29.a0AfH6SMBx")};
        rows << QVariantList{QStringLiteral("short"),
                             QStringLiteral("user-2"),
                             now.addDays(-40),
                             QVariant(),
                             QVariant(),
                             false,
                             QVariant()};
        rows << QVariantList{
            QString(),  QStringLiteral(""),        QVariant(), QVariant(), QVariant(),
            QVariant(), QStringLiteral("12345678")};
        int compared = 0;
        for (int r = 0; r < rows.size(); ++r) {
            for (int c = 0; c < columns.count(); ++c) {
                QList<QModelRoleData> asked;
                for (int role : allRoles())
                    asked << QModelRoleData(role);
                // Filled beforehand, as a reused span would be: an empty answer must clear it.
                for (QModelRoleData &roleData : asked)
                    roleData.setData(QStringLiteral("stale"));
                columns.multiData(rows, r, c, revealed, asked);
                for (const QModelRoleData &answer : qAsConst(asked)) {
                    const QVariant expected = columns.data(rows, r, c, revealed, answer.role());
                    QVERIFY2(answer.data() == expected &&
                                 answer.data().metaType() == expected.metaType(),
                             qPrintable(QStringLiteral("row %1 column %2 role %3: %4 (%5) vs %6 "
                                                       "(%7)")
                                            .arg(r)
                                            .arg(c)
                                            .arg(answer.role())
                                            .arg(answer.data().toString(),
                                                 QString::fromLatin1(answer.data().typeName()),
                                                 expected.toString(),
                                                 QString::fromLatin1(expected.typeName()))));
                    compared += expected.isValid();
                }
            }
        }
        QVERIFY(compared > 100);
    }

    void screenTextsAreTheFormattersMadeBottomUpAndTakenOnce()
    {
        const auto utc = zone("UTC");
        const QVector<AuthField> fields = screenFields();
        const RecordRows rows = screenRows();
        ScreenTexts texts(fields, 3, false);
        QCOMPARE(texts.firstRow(5), 0);
        QString text;
        // Asked before it is made: the GUI thread formats it, and the page thread skips it.
        QVERIFY(!texts.take(0, 1, false, &text));
        texts.make(rows, gh::CancellationToken());
        QVERIFY(!texts.isMade(0, 1));
        QVERIFY(!texts.isMade(3, 0)); // below the screen
        for (int r = 0; r < 3; ++r) {
            for (int f = 0; f < fields.size(); ++f) {
                if (r == 0 && f == 1)
                    continue;
                QVERIFY(texts.isMade(r, f));
                QVERIFY2(texts.take(r, f, false, &text),
                         qPrintable(QStringLiteral("%1,%2").arg(r).arg(f)));
                QCOMPARE(text, RecordFormatter::cellData(fields.at(f), rows.value(r, f), false,
                                                         Qt::DisplayRole)
                                   .toString());
                QVERIFY(!texts.take(r, f, false, &text)); // once
            }
        }
        // The last rows of a page (Ctrl+End's).
        ScreenTexts last(fields, 2, true);
        QCOMPARE(last.firstRow(5), 3);
        last.make(rows, gh::CancellationToken());
        QVERIFY(last.take(1, 1, false, &text));
        QCOMPARE(text, RecordFormatter::localTime(rows.value(4, 1).toDateTime()));
    }

    void screenTextsHoldOnlyForTheCellAsShown()
    {
        if (!QTimeZone("Asia/Kolkata").isValid())
            QSKIP("no time zone data for Asia/Kolkata");
        const auto utc = zone("UTC");
        const QVector<AuthField> fields = screenFields();
        const RecordRows rows = screenRows();
        ScreenTexts texts(fields, 3, false);
        texts.make(rows, gh::CancellationToken());
        QString text;
        // Made masked, shown revealed: not handed over (and not later either).
        QVERIFY(!texts.take(0, 0, true, &text));
        QVERIFY(!texts.take(0, 0, false, &text));
        // A revealed flag means nothing for a field that is not secret.
        QVERIFY(texts.take(0, 2, true, &text));
        QCOMPARE(text, QStringLiteral("note 0"));
        // Made in UTC, first shown in another zone: none of the page's texts is handed over.
        ScreenTexts other(fields, 3, false);
        other.make(rows, gh::CancellationToken());
        const auto kolkata = zone("Asia/Kolkata");
        QVERIFY(!other.take(1, 1, false, &text));
        QVERIFY(!other.take(1, 0, false, &text));
        QVERIFY(!other.take(2, 1, false, &text));
    }

    void screenTextsMadeAndTakenFromBothEndsAtOnce()
    {
        // As a first page is shown: the page thread makes the texts from the bottom row up
        // while the GUI thread takes them from the top row down. Every cell is either handed
        // over, holding the formatter's text, or left to the caller, never both; each text is
        // handed over once; nothing the GUI thread claimed is made.
        const auto utc = zone("UTC");
        const QVector<AuthField> fields = screenFields();
        RecordRows rows;
        constexpr int kRows = 2000;
        for (int r = 0; r < kRows; ++r) {
            rows << QVariantList{QStringLiteral("token-%1-0123456789abcdef").arg(r),
                                 QDateTime::fromSecsSinceEpoch(1700000000 + r * 3571, Qt::UTC),
                                 r % 7 == 0 ? QVariant() : QVariant(QString::number(r))};
        }
        QVector<QString> expected;
        for (int r = 0; r < kRows; ++r) {
            for (int f = 0; f < fields.size(); ++f) {
                expected << RecordFormatter::cellData(fields.at(f), rows.value(r, f), false,
                                                      Qt::DisplayRole)
                                .toString();
            }
        }
        for (int round = 0; round < 20; ++round) {
            ScreenTexts texts(fields, kRows, false);
            QThread *maker = QThread::create([&] { texts.make(rows, gh::CancellationToken()); });
            maker->start();
            // Started once the bottom row's first text is made, so that both ends are read.
            QDeadlineTimer deadline(30000);
            while (!texts.isMade(kRows - 1, 0) && !deadline.hasExpired())
                QThread::yieldCurrentThread();
            QVERIFY(texts.isMade(kRows - 1, 0));
            int handedOver = 0;
            QVector<bool> left;
            QString text;
            for (int r = 0; r < kRows; ++r) {
                for (int f = 0; f < fields.size(); ++f) {
                    const bool taken = texts.take(r, f, false, &text);
                    left << !taken;
                    if (taken) {
                        ++handedOver;
                    } else { // the caller formats it, as the GUI thread does
                        text = RecordFormatter::displayText(
                            fields.at(f), rows.value(r, f), fields.at(f).secret,
                            RecordFormatter::TextContext::current());
                    }
                    QCOMPARE(text, expected.at(r * fields.size() + f));
                }
            }
            QVERIFY(maker->wait(30000));
            delete maker;
            int made = 0;
            for (int r = 0; r < kRows; ++r) {
                for (int f = 0; f < fields.size(); ++f) {
                    made += texts.isMade(r, f);
                    QVERIFY(!texts.take(r, f, false, &text)); // once, or never
                }
            }
            // A cell being made as the GUI thread asked is made, yet left to the caller.
            QVERIFY(handedOver > 0);
            QVERIFY(made >= handedOver);
            QCOMPARE(left.count(false), handedOver);
        }
    }

    void expiryTextsFollowTheTranslations()
    {
        // The expiry column's texts are kept once made: installing or removing a translator
        // must still show at once.
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
        const QDateTime in3Days = now.addDays(3);
        const QDateTime ago2Hours = now.addSecs(-2 * 3600);
        QCOMPARE(RecordFormatter::relativeExpiry(in3Days, now),
                 QStringLiteral("expires in 3 days"));
        QCOMPARE(RecordFormatter::relativeExpiry(ago2Hours, now),
                 QStringLiteral("expired 2 hours ago"));
        ShoutingTranslator shouting;
        QVERIFY(QCoreApplication::installTranslator(&shouting));
        QCOMPARE(RecordFormatter::relativeExpiry(in3Days, now),
                 QStringLiteral("EXPIRES IN 3 DAYS"));
        QCOMPARE(RecordFormatter::relativeExpiry(ago2Hours, now),
                 QStringLiteral("EXPIRED 2 HOURS AGO"));
        QVERIFY(QCoreApplication::removeTranslator(&shouting));
        QCOMPARE(RecordFormatter::relativeExpiry(in3Days, now),
                 QStringLiteral("expires in 3 days"));
    }

    void expiryTextsMadeOnAnotherThreadAreTheSame()
    {
        // Export and worker threads format too; their texts are their own and equal.
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
        QString fromThread;
        QThread *thread = QThread::create(
            [&] { fromThread = RecordFormatter::relativeExpiry(now.addSecs(90 * 60), now); });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QCOMPARE(fromThread, QStringLiteral("expires in 1 hour"));
        QCOMPARE(RecordFormatter::relativeExpiry(now.addSecs(90 * 60), now), fromThread);
    }
};

QTEST_MAIN(TestRecordColumns)
#include "tst_recordcolumns.moc"
