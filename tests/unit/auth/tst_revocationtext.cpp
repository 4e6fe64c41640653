// The counts revocation prints and shows ("1 session", "1,204 sessions", "1 user, 3 sessions"),
// and the audit entry's filter as key=value pairs: one wording for the GUI and the CLI.

#include "core/auth/AuditEntry.h"
#include "core/auth/RevocationPlan.h"

#include <QJsonObject>
#include <QtTest>

using namespace gh;

class TestRevocationText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsTextSaysOneOrMany_data()
    {
        QTest::addColumn<int>("model");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no session") << int(AuthModelKind::Session) << qint64(0) << "0 sessions";
        QTest::newRow("one session") << int(AuthModelKind::Session) << qint64(1) << "1 session";
        QTest::newRow("thousands")
            << int(AuthModelKind::Session) << qint64(1204) << "1,204 sessions";
        QTest::newRow("one token")
            << int(AuthModelKind::VerificationToken) << qint64(1) << "1 verification token";
        QTest::newRow("tokens") << int(AuthModelKind::VerificationToken) << qint64(59)
                                << "59 verification tokens";
        QTest::newRow("user") << int(AuthModelKind::User) << qint64(1) << "1 user";
        QTest::newRow("accounts") << int(AuthModelKind::Account) << qint64(3) << "3 accounts";
        QTest::newRow("authenticator")
            << int(AuthModelKind::Authenticator) << qint64(1) << "1 authenticator";
    }

    void rowsTextSaysOneOrMany()
    {
        QFETCH(int, model);
        QFETCH(qint64, rows);
        QFETCH(QString, expected);
        QCOMPARE(revocationRowsText(AuthModelKind(model), rows), expected);
    }

    void countsTextListsEveryTableInOrder()
    {
        const QVector<RevocationCount> counts = {
            {AuthModelKind::User, QStringLiteral("User"), 1},
            {AuthModelKind::Session, QStringLiteral("Session"), 27},
            {AuthModelKind::Account, QStringLiteral("Account"), 3},
        };
        QCOMPARE(revocationCountsText(counts), QStringLiteral("1 user, 27 sessions, 3 accounts"));
        QCOMPARE(revocationCountsText({}), QString());
    }

    void addedCountsSumPerModelInFirstSeenOrder()
    {
        QVector<RevocationCount> total;
        addRevocationCounts(total, {{AuthModelKind::Session, QStringLiteral("Session"), 2}});
        addRevocationCounts(total, {{AuthModelKind::User, QStringLiteral("User"), 1},
                                    {AuthModelKind::Session, QStringLiteral("Session"), 5}});
        QCOMPARE(total.size(), 2);
        QCOMPARE(total.at(0).model, AuthModelKind::Session);
        QCOMPARE(total.at(0).rows, qint64(7));
        QCOMPARE(total.at(1).model, AuthModelKind::User);
        QCOMPARE(total.at(1).rows, qint64(1));
    }

    void filterTextIsKeyValuePairs()
    {
        AuditEntry entry;
        entry.filter = QJsonObject{{QStringLiteral("userId"), QStringLiteral("u1")},
                                   {QStringLiteral("email"), QStringLiteral("ada@example.com")}};
        // QJsonObject keeps its keys sorted.
        QCOMPARE(entry.filterText(), QStringLiteral("email=ada@example.com userId=u1"));
        QCOMPARE(AuditEntry().filterText(), QString());
    }
};

QTEST_APPLESS_MAIN(TestRevocationText)
#include "tst_revocationtext.moc"
