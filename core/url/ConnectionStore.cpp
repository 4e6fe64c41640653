#include "core/url/ConnectionStore.h"

#include "core/url/ConnectionParameters.h"
#include "core/url/CredentialStore.h"

#include <QDir>
#include <QSettings>
#include <QUuid>
#include <algorithm>

namespace gh {

namespace {

const QString kConnections = QStringLiteral("connections");
const QString kRecentProjects = QStringLiteral("recentProjects");

Error noCredentialStore()
{
    return Error(Error::Code::KeyringUnavailable,
                 QStringLiteral("This connection store was opened without a keyring"));
}

template <typename T> QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

// One keyring answer out of QtFuture::whenAll(), which also hands over cancelled futures (a
// keyring closed first cancels what it had pending).
Status answerOf(const QFuture<Status> &future)
{
    if (future.isCanceled() || future.resultCount() == 0)
        return Error(Error::Code::Cancelled, QStringLiteral("The keyring closed before answering"));
    return future.result();
}

} // namespace

ConnectionStore::ConnectionStore(QSettings *settings, CredentialStore *credentials)
    : m_settings(settings)
    , m_credentials(credentials)
{}

ConnectionStore::~ConnectionStore() = default;

QList<ConnectionProfile> ConnectionStore::connections() const
{
    QList<ConnectionProfile> profiles;
    m_settings->beginGroup(kConnections);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &id : ids) {
        if (auto profile = connection(id))
            profiles.append(*profile);
    }
    std::sort(profiles.begin(), profiles.end(),
              [](const ConnectionProfile &a, const ConnectionProfile &b) {
                  return a.name.localeAwareCompare(b.name) < 0;
              });
    return profiles;
}

std::optional<ConnectionProfile> ConnectionStore::connection(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    m_settings->beginGroup(kConnections + QLatin1Char('/') + id);
    ConnectionProfile profile;
    profile.id = id;
    profile.name = m_settings->value(QStringLiteral("name")).toString();
    profile.tag = environmentTagFromName(m_settings->value(QStringLiteral("tag")).toString())
                      .value_or(EnvironmentTag::Development);
    profile.url = m_settings->value(QStringLiteral("url")).toString();
    profile.projectFolder = m_settings->value(QStringLiteral("projectFolder")).toString();
    profile.passwordInKeyring = m_settings->value(QStringLiteral("passwordInKeyring")).toBool();
    profile.identityPasswordInKeyring =
        m_settings->value(QStringLiteral("identityPasswordInKeyring")).toBool();
    m_settings->endGroup();
    if (profile.name.isEmpty() && profile.url.isEmpty() && profile.projectFolder.isEmpty())
        return std::nullopt;
    return profile;
}

QFuture<Result<ConnectionStore::Saved>>
ConnectionStore::save(ConnectionProfile profile, const QString &password, bool savePassword)
{
    using Outcome = Result<Saved>;
    profile.name = profile.name.trimmed();
    if (profile.name.isEmpty())
        return ready<Outcome>(
            Error(Error::Code::InvalidArgument, QStringLiteral("A saved connection needs a name")));
    if (profile.url.trimmed().isEmpty() == profile.projectFolder.isEmpty())
        return ready<Outcome>(
            Error(Error::Code::InvalidArgument,
                  QStringLiteral("A saved connection is either a URL or a project folder")));
    QString secret = password;
    QString identitySecret;
    if (!profile.isProjectFolder()) {
        auto parameters = ConnectionParameters::fromUrl(profile.url);
        if (!parameters)
            return ready<Outcome>(parameters.error());
        if (secret.isEmpty())
            secret = parameters->password;
        identitySecret = parameters->sslIdentityPassword;
        profile.url = parameters->toUrlWithoutPassword();
    } else {
        profile.projectFolder = QDir(profile.projectFolder).absolutePath();
        secret.clear(); // the folder's .env holds it
    }
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    // Unticking "save password" forgets the saved ones.
    const ConnectionProfile before = connection(profile.id).value_or(ConnectionProfile());
    const bool keep = savePassword && !secret.isEmpty();
    const bool keepIdentity = savePassword && !identitySecret.isEmpty();
    const auto store = [this](const QString &key, const QString &value, bool keepIt,
                              bool forgetIt) -> QFuture<Status> {
        if ((keepIt || forgetIt) && !m_credentials)
            return ready<Status>(noCredentialStore());
        if (keepIt)
            return m_credentials->write(key, value);
        if (forgetIt)
            return m_credentials->remove(key);
        return ready(success());
    };
    const QFuture<Status> keyring =
        store(profile.id, secret, keep, !keep && before.passwordInKeyring);
    const QFuture<Status> identityKeyring =
        store(profile.identityPasswordKey(), identitySecret, keepIdentity,
              !keepIdentity && before.identityPasswordInKeyring);

    QList<QFuture<Status>> pending{keyring, identityKeyring};
    return QtFuture::whenAll(pending.begin(), pending.end())
        .then([this, alive = std::weak_ptr<int>(m_alive), profile, keep,
               keepIdentity](const QList<QFuture<Status>> &answers) mutable -> Outcome {
            if (alive.expired())
                return Error(Error::Code::Cancelled,
                             QStringLiteral("The connection was not saved: the connection store "
                                            "closed before the keyring answered"));
            if (answers.at(0).isCanceled() || answers.at(1).isCanceled())
                return Error(Error::Code::Cancelled,
                             QStringLiteral("The connection was not saved: the keyring closed "
                                            "before it answered"));
            const Status answer = answerOf(answers.at(0));
            const Status identityAnswer = answerOf(answers.at(1));
            Saved saved;
            profile.passwordInKeyring = keep && answer;
            profile.identityPasswordInKeyring = keepIdentity && identityAnswer;
            if (!answer)
                saved.passwordError = answer.error();
            else if (!identityAnswer)
                saved.passwordError = identityAnswer.error();
            writeProfile(profile);
            saved.profile = profile;
            return saved;
        });
}

void ConnectionStore::writeProfile(const ConnectionProfile &profile)
{
    m_settings->beginGroup(kConnections + QLatin1Char('/') + profile.id);
    m_settings->setValue(QStringLiteral("name"), profile.name);
    m_settings->setValue(QStringLiteral("tag"), environmentTagName(profile.tag));
    m_settings->setValue(QStringLiteral("url"), profile.url);
    m_settings->setValue(QStringLiteral("projectFolder"), profile.projectFolder);
    m_settings->setValue(QStringLiteral("passwordInKeyring"), profile.passwordInKeyring);
    m_settings->setValue(QStringLiteral("identityPasswordInKeyring"),
                         profile.identityPasswordInKeyring);
    m_settings->endGroup();
    m_settings->sync();
}

QFuture<Result<QString>> ConnectionStore::password(const QString &id)
{
    const auto profile = connection(id);
    if (!profile || !profile->passwordInKeyring)
        return ready<Result<QString>>(Error(
            Error::Code::NotFound, QStringLiteral("No password is saved for this connection")));
    if (!m_credentials)
        return ready<Result<QString>>(noCredentialStore());
    return m_credentials->read(id);
}

QFuture<Result<QString>> ConnectionStore::identityPassword(const QString &id)
{
    const auto profile = connection(id);
    if (!profile || !profile->identityPasswordInKeyring)
        return ready<Result<QString>>(
            Error(Error::Code::NotFound,
                  QStringLiteral("No client identity password is saved for this connection")));
    if (!m_credentials)
        return ready<Result<QString>>(noCredentialStore());
    return m_credentials->read(profile->identityPasswordKey());
}

QFuture<Status> ConnectionStore::remove(const QString &id)
{
    const auto profile = connection(id);
    m_settings->remove(kConnections + QLatin1Char('/') + id);
    m_settings->sync();
    if (!profile || !(profile->passwordInKeyring || profile->identityPasswordInKeyring))
        return ready(success());
    if (!m_credentials)
        return ready<Status>(noCredentialStore());
    const QFuture<Status> password =
        profile->passwordInKeyring ? m_credentials->remove(id) : ready(success());
    const QFuture<Status> identity = profile->identityPasswordInKeyring
                                         ? m_credentials->remove(profile->identityPasswordKey())
                                         : ready(success());
    QList<QFuture<Status>> removals{password, identity};
    return QtFuture::whenAll(removals.begin(), removals.end())
        .then([](const QList<QFuture<Status>> &answers) {
            const Status first = answerOf(answers.at(0));
            return first ? answerOf(answers.at(1)) : first;
        });
}

namespace {

bool sameDatabase(const DatabaseUrl &a, const DatabaseUrl &b)
{
    if (a.provider() != b.provider())
        return false;
    if (a.provider() == DatabaseUrl::Provider::SQLite)
        return a.sqliteFilePath() == b.sqliteFilePath();
    return a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port() == b.port() &&
           a.database() == b.database() && a.schema() == b.schema() && a.user() == b.user();
}

} // namespace

std::optional<ConnectionProfile> ConnectionStore::findByUrl(const DatabaseUrl &url) const
{
    if (url.isNull())
        return std::nullopt;
    const QList<ConnectionProfile> profiles = connections();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.isProjectFolder())
            continue;
        const auto saved = DatabaseUrl::parse(profile.url);
        if (saved && sameDatabase(*saved, url))
            return profile;
    }
    return std::nullopt;
}

std::optional<ConnectionProfile> ConnectionStore::findByProjectFolder(const QString &folder) const
{
    const QString wanted = QDir::cleanPath(QDir(folder).absolutePath());
    const QList<ConnectionProfile> profiles = connections();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.isProjectFolder() && QDir::cleanPath(profile.projectFolder) == wanted)
            return profile;
    }
    return std::nullopt;
}

QStringList ConnectionStore::recentProjects() const
{
    return m_settings->value(kRecentProjects).toStringList();
}

void ConnectionStore::addRecentProject(const QString &folder)
{
    const QString absolute = QDir::cleanPath(QDir(folder).absolutePath());
    QStringList recent = recentProjects();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecentProjects)
        recent.removeLast();
    m_settings->setValue(kRecentProjects, recent);
    m_settings->sync();
}

} // namespace gh
