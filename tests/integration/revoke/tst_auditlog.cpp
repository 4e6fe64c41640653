// The audit log: one JSON line per entry, appended atomically (lock + one write), read back by
// the app and `gatehouse-cli audit list`; never a password, tokens only as SHA-256.

#include "core/auth/AuditLog.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>

using namespace gh;

namespace {

AuditEntry entry(const QString &action, qint64 rows)
{
    AuditEntry e;
    e.time = QDateTime(QDate(2026, 11, 27), QTime(10, 0, 0, 123), Qt::UTC);
    e.osUser = QStringLiteral("support");
    e.host = QStringLiteral("desk-7");
    e.application = QStringLiteral("gatehouse-cli 0.1.0");
    e.database = QStringLiteral("postgresql://app:****@db.example.com:5432/app?schema=auth");
    e.action = action;
    e.filter = QJsonObject{{QStringLiteral("userId"), QStringLiteral("u1")}};
    e.rows = rows;
    e.counts = QJsonObject{{QStringLiteral("Session"), rows}};
    e.tokenHashes = {AuditEntry::hashToken(QStringLiteral("tok"))};
    e.durationMs = 12;
    return e;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void hashTokenIsSha256OfTheUtf8Token()
    {
        QCOMPARE(
            AuditEntry::hashToken(QStringLiteral("abc")),
            QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void appendWritesOneLinePerEntryAndReadsThemBack()
    {
        const AuditLog log(path(QStringLiteral("a/b/audit.jsonl"))); // folders are created
        QVERIFY(log.append(entry(QStringLiteral("revoke-user-sessions"), 3)));
        AuditEntry failed = entry(QStringLiteral("revoke-expired-sessions"), 7);
        failed.outcome = AuditEntry::Outcome::Failed;
        failed.error = QStringLiteral("The query failed");
        failed.tokensNotListed = 5;
        QVERIFY(log.append(failed));
        const QByteArray bytes = fileBytes(log.path());
        QCOMPARE(bytes.count('\n'), 2);
        QVERIFY(bytes.endsWith('\n'));

        auto contents = log.read();
        QVERIFY(contents);
        QCOMPARE(contents->entries.size(), 2);
        QCOMPARE(contents->malformedLines, 0);
        const AuditEntry &first = contents->entries.at(0);
        QCOMPARE(first.action, QStringLiteral("revoke-user-sessions"));
        QCOMPARE(first.time, entry(QString(), 0).time);
        QCOMPARE(first.osUser, QStringLiteral("support"));
        QCOMPARE(first.outcome, AuditEntry::Outcome::Completed);
        QCOMPARE(first.rows, 3);
        QCOMPARE(first.filter.value(QStringLiteral("userId")).toString(), QStringLiteral("u1"));
        QCOMPARE(first.tokenHashes, QStringList{AuditEntry::hashToken(QStringLiteral("tok"))});
        const AuditEntry &second = contents->entries.at(1);
        QCOMPARE(second.outcome, AuditEntry::Outcome::Failed);
        QCOMPARE(second.error, QStringLiteral("The query failed"));
        QCOMPARE(second.tokensNotListed, 5);
        QVERIFY(bytes.contains("\"time\":\"2026-11-27T10:00:00.123Z\""));
    }

    void aPasswordNeverReachesTheFile()
    {
        const AuditLog log(path(QStringLiteral("password.jsonl")));
        AuditEntry e = entry(QStringLiteral("revoke-all-sessions"), 1);
        e.database = QStringLiteral("postgresql://app:hunter2secret@db.example.com/app");
        e.error = QStringLiteral("connection to postgresql://app:hunter2secret@db failed");
        QVERIFY(log.append(e));
        const QByteArray bytes = fileBytes(log.path());
        QVERIFY(!bytes.contains("hunter2secret"));
        QVERIFY(bytes.contains("db.example.com"));
    }

    void readKeepsTheLastEntries()
    {
        const AuditLog log(path(QStringLiteral("limit.jsonl")));
        for (int i = 0; i < 10; ++i)
            QVERIFY(log.append(entry(QStringLiteral("revoke-session"), i)));
        auto last3 = log.read(3);
        QVERIFY(last3);
        QCOMPARE(last3->entries.size(), 3);
        QCOMPARE(last3->entries.at(0).rows, 7);
        QCOMPARE(last3->entries.at(2).rows, 9);
        QCOMPARE(log.read(0)->entries.size(), 10);
    }

    void malformedAndTornLinesAreSkipped()
    {
        const QString file = path(QStringLiteral("torn.jsonl"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                "not json\n{\"valid\":\"json but no entry\"}\n{\"time\":\"2026-11-27T10:0"); // a
                                                                                             // writer
                                                                                             // died
                                                                                             // here
        }
        const AuditLog log(file);
        QVERIFY(log.append(entry(QStringLiteral("delete-user"), 1)));
        auto contents = log.read();
        QVERIFY(contents);
        QCOMPARE(contents->entries.size(), 1); // the new line stayed whole
        QCOMPARE(contents->entries.first().action, QStringLiteral("delete-user"));
        QCOMPARE(contents->malformedLines, 3);
    }

    void concurrentWritersNeverInterleave()
    {
        const QString file = path(QStringLiteral("concurrent.jsonl"));
        constexpr int kThreads = 6;
        constexpr int kEach = 40;
        QVector<QThread *> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < kThreads; ++t) {
            threads << QThread::create([&, t] {
                const AuditLog log(file);
                AuditEntry e = entry(QStringLiteral("revoke-expired-sessions"), t);
                // Big lines (1,000 hashes each, about 67 kB) make interleaving visible if it
                // happened.
                for (int i = 0; i < 1000; ++i)
                    e.tokenHashes << AuditEntry::hashToken(QString::number(i));
                for (int i = 0; i < kEach; ++i) {
                    if (const Status done = log.append(e); !done) {
                        failures.fetch_add(1);
                        qWarning("%s", qPrintable(done.error().fullText()));
                    }
                }
            });
            threads.last()->start();
        }
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(failures.load(), 0);
        auto contents = AuditLog(file).read();
        QVERIFY(contents);
        QCOMPARE(contents->malformedLines, 0);
        QCOMPARE(contents->entries.size(), kThreads * kEach);
        QVector<int> perThread(kThreads, 0);
        for (const AuditEntry &e : contents->entries) {
            QCOMPARE(e.tokenHashes.size(), 1001);
            ++perThread[int(e.rows)];
        }
        for (int n : perThread)
            QCOMPARE(n, kEach);
    }

    void aMissingLogReadsAsEmpty()
    {
        auto contents = AuditLog(path(QStringLiteral("none.jsonl"))).read();
        QVERIFY(contents);
        QVERIFY(contents->entries.isEmpty());
    }

    void theLogIsPrivateToItsOwner()
    {
        const AuditLog log(path(QStringLiteral("private.jsonl")));
        QVERIFY(log.append(entry(QStringLiteral("revoke-session"), 1)));
        QCOMPARE(QFile::permissions(log.path()) &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    void anUnwritableLogIsReported()
    {
        const AuditLog log(QStringLiteral("/proc/gatehouse-cannot-be-here/audit.jsonl"));
        const Status writable = log.checkWritable();
        QVERIFY(!writable);
        QCOMPARE(writable.error().code(), Error::Code::FileUnwritable);
        QCOMPARE(log.append(entry(QStringLiteral("revoke-session"), 1)).error().code(),
                 Error::Code::FileUnwritable);
    }

    void theDefaultLogIsInTheUsersDataFolder()
    {
        QStandardPaths::setTestModeEnabled(true);
        // One log for the GUI and the CLI, whatever names they run under.
        QCOMPARE(AuditLog().path(),
                 QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                     QStringLiteral("/gatehouse/audit.jsonl"));
        QStandardPaths::setTestModeEnabled(false);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
