#include "core/url/KeychainCredentialStore.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace gh {

namespace {

const QString kProbeKey = QStringLiteral("gatehouse-keyring-probe");

struct JobOutcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text; // a read job's secret
};

// Runs one job to its end in a local event loop. A job that outlives the timeout deletes itself
// when it finally ends.
JobOutcome run(QKeychain::Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    QEventLoop loop;
    JobOutcome outcome;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        outcome.finished = true;
        outcome.error = done->error();
        outcome.errorString = done->errorString();
        if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
            outcome.text = read->textData();
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    if (!outcome.finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
    } else {
        job->deleteLater();
    }
    return outcome;
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
{}

Status KeychainCredentialStore::checkAvailable()
{
    // Reading a key that is never written asks the keyring without changing it.
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(kProbeKey);
    const JobOutcome outcome = run(job, m_timeoutMs);
    if (outcome.finished &&
        (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
        return success();
    return errorOf(outcome, QStringLiteral("checking that it is there"));
}

Status KeychainCredentialStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    const JobOutcome outcome = run(job, m_timeoutMs);
    if (outcome.finished && outcome.error == QKeychain::NoError)
        return success();
    return errorOf(outcome, QStringLiteral("saving a password"));
}

Result<QString> KeychainCredentialStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    const JobOutcome outcome = run(job, m_timeoutMs);
    if (outcome.finished && outcome.error == QKeychain::NoError)
        return outcome.text;
    if (outcome.finished && outcome.error == QKeychain::EntryNotFound)
        return Error(Error::Code::NotFound,
                     QStringLiteral("The system keyring holds no password for this connection"));
    return errorOf(outcome, QStringLiteral("reading a password"));
}

Status KeychainCredentialStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    const JobOutcome outcome = run(job, m_timeoutMs);
    if (outcome.finished &&
        (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
        return success();
    return errorOf(outcome, QStringLiteral("removing a password"));
}

QString KeychainCredentialStore::name() const
{
    return QStringLiteral("System keyring (Secret Service)");
}

} // namespace gh
