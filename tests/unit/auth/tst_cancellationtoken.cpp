#include "core/auth/CancellationToken.h"

#include <QThread>
#include <QtTest>
#include <atomic>

using namespace gh;

class TestCancellationToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiesShareOneState()
    {
        CancellationToken token;
        const CancellationToken copy = token;
        QVERIFY(!copy.isCancelled());
        token.cancel();
        QVERIFY(copy.isCancelled());
        QVERIFY(!CancellationToken().isCancelled()); // a new token is a new state
    }

    void cancelRunsTheRegisteredInterrupt()
    {
        CancellationToken token;
        int interrupts = 0;
        {
            const auto hook = token.onCancel([&] { ++interrupts; });
            token.cancel();
            QCOMPARE(interrupts, 1);
        }
        // The guard is gone: cancelling again calls nothing.
        token.cancel();
        QCOMPARE(interrupts, 1);
    }

    void aNewHookReplacesTheOldOne()
    {
        CancellationToken token;
        int first = 0, second = 0;
        auto a = token.onCancel([&] { ++first; });
        {
            auto b = token.onCancel([&] { ++second; });
        }
        // b's guard died after replacing a: nothing is registered, and a's guard must not
        // resurrect its interrupt either.
        token.cancel();
        QCOMPARE(first, 0);
        QCOMPARE(second, 0);
    }

    void cancelFromAnotherThreadInterruptsAWaitingWorker()
    {
        CancellationToken token;
        std::atomic<bool> interrupted{false};
        const auto hook = token.onCancel([&] { interrupted = true; });
        QThread *canceller = QThread::create([token] {
            QThread::msleep(50);
            token.cancel();
        });
        canceller->start();
        QTRY_VERIFY_WITH_TIMEOUT(token.isCancelled(), 5000);
        canceller->wait();
        delete canceller;
        QVERIFY(interrupted);
    }
};

QTEST_GUILESS_MAIN(TestCancellationToken)
#include "tst_cancellationtoken.moc"
