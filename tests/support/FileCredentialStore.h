#pragma once

#include "core/url/CredentialStore.h"

#include <QSettings>

namespace gh::test {

/// Test only: a keyring that works, its secrets in a settings file of their own, so that a
/// second store object sees what the first one wrote. Answers at once (ready futures);
/// HeldCredentialStore makes it slow. tst_keyringroundtrip proves the same round trip against
/// GNOME Keyring.
class FileCredentialStore : public CredentialStore
{
public:
    explicit FileCredentialStore(const QString &path)
        : m_file(path, QSettings::IniFormat)
    {}

    QFuture<Status> checkAvailable() override { return QtFuture::makeReadyFuture(success()); }
    QFuture<Status> write(const QString &key, const QString &secret) override
    {
        m_file.setValue(key, secret);
        m_file.sync();
        return QtFuture::makeReadyFuture(success());
    }
    QFuture<Result<QString>> read(const QString &key) override
    {
        if (!m_file.contains(key))
            return QtFuture::makeReadyFuture(
                Result<QString>(Error(Error::Code::NotFound, QStringLiteral("nothing saved"))));
        return QtFuture::makeReadyFuture(Result<QString>(m_file.value(key).toString()));
    }
    QFuture<Status> remove(const QString &key) override
    {
        m_file.remove(key);
        m_file.sync();
        return QtFuture::makeReadyFuture(success());
    }
    QString name() const override { return QStringLiteral("test keyring"); }

private:
    QSettings m_file;
};

} // namespace gh::test
