#include "core/url/KeychainCredentialStore.h"

#include <QObject>
#include <QPromise>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace gh {

namespace {

const QString kProbeKey = QStringLiteral("gatehouse-keyring-probe");

struct JobOutcome
{
    bool finished = false; // false: the keyring did not answer in time
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text; // a read job's secret
};

// Starts `job` and returns its outcome to come. Whichever of the job's answer and the timeout
// comes first finishes the future; the job deletes itself when it ends, however late. Both
// are received by `receiver`, so that a destroyed store drops the promise, which cancels it.
QFuture<JobOutcome> start(QKeychain::Job *job, int timeoutMs, QObject *receiver)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    auto promise = std::make_shared<QPromise<JobOutcome>>();
    promise->start();
    auto *timer = new QTimer(receiver);
    timer->setSingleShot(true);
    auto finish = [promise, timer](const JobOutcome &outcome) {
        if (promise->future().isFinished())
            return;
        promise->addResult(outcome);
        promise->finish();
        timer->deleteLater();
    };
    QObject::connect(job, &QKeychain::Job::finished, receiver, [finish](QKeychain::Job *done) {
        JobOutcome outcome;
        outcome.finished = true;
        outcome.error = done->error();
        outcome.errorString = done->errorString();
        if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
            outcome.text = read->textData();
        finish(outcome);
    });
    QObject::connect(timer, &QTimer::timeout, receiver, [finish] { finish(JobOutcome()); });
    timer->start(timeoutMs);
    job->start();
    return promise->future();
}

// NoBackendAvailable, and OtherError with no session bus, both mean "there is no keyring here";
// a keyring that exists but refuses is KeyringFailed.
Error errorOf(const JobOutcome &outcome, const QString &what)
{
    if (!outcome.finished)
        return Error(Error::Code::KeyringFailed,
                     QStringLiteral("The system keyring did not answer while %1").arg(what));
    switch (outcome.error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return Error(Error::Code::KeyringUnavailable,
                     QStringLiteral("No system keyring is available (a Secret Service such as "
                                    "GNOME Keyring or KWallet on the session bus)"),
                     outcome.errorString);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error(Error::Code::KeyringFailed,
                     QStringLiteral("The system keyring refused access while %1").arg(what),
                     outcome.errorString);
    default:
        return Error(Error::Code::KeyringFailed,
                     QStringLiteral("The system keyring failed while %1").arg(what),
                     outcome.errorString);
    }
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
    , m_receiver(std::make_unique<QObject>())
{}

KeychainCredentialStore::~KeychainCredentialStore() = default;

QFuture<Status> KeychainCredentialStore::checkAvailable()
{
    // Reading a key that is never written asks the keyring without changing it.
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(kProbeKey);
    return start(job, m_timeoutMs, m_receiver.get()).then([](const JobOutcome &outcome) {
        if (outcome.finished &&
            (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
            return success();
        return Status(errorOf(outcome, QStringLiteral("checking that it is there")));
    });
}

QFuture<Status> KeychainCredentialStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    return start(job, m_timeoutMs, m_receiver.get()).then([](const JobOutcome &outcome) {
        if (outcome.finished && outcome.error == QKeychain::NoError)
            return success();
        return Status(errorOf(outcome, QStringLiteral("saving a password")));
    });
}

QFuture<Result<QString>> KeychainCredentialStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    return start(job, m_timeoutMs, m_receiver.get())
        .then([](const JobOutcome &outcome) -> Result<QString> {
            if (outcome.finished && outcome.error == QKeychain::NoError)
                return outcome.text;
            if (outcome.finished && outcome.error == QKeychain::EntryNotFound)
                return Error(Error::Code::NotFound,
                             QStringLiteral("The system keyring holds no password for this "
                                            "connection"));
            return errorOf(outcome, QStringLiteral("reading a password"));
        });
}

QFuture<Status> KeychainCredentialStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    return start(job, m_timeoutMs, m_receiver.get()).then([](const JobOutcome &outcome) {
        if (outcome.finished &&
            (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
            return success();
        return Status(errorOf(outcome, QStringLiteral("removing a password")));
    });
}

QString KeychainCredentialStore::name() const
{
    return QStringLiteral("System keyring (Secret Service)");
}

} // namespace gh
