// RecordColumns / RecordFormatter: the roles a view's delegate asks in one multiData() call are
// answered as data() answers each, and the expiry column's texts follow the translations.

#include "core/auth/RecordRows.h"
#include "ui/inspector/RecordColumns.h"
#include "ui/inspector/RecordFormatter.h"
#include "ui/inspector/RecordRoles.h"

#include <QTranslator>
#include <QtTest>

using gh::AuthField;
using gh::FieldType;
using gh::RecordRows;
using gh::ui::RecordColumns;
using gh::ui::RecordFormatter;

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
