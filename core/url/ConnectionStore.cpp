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
    if (!profile.isProjectFolder()) {
        auto parameters = ConnectionParameters::fromUrl(profile.url);
        if (!parameters)
            return ready<Outcome>(parameters.error());
        if (secret.isEmpty())
            secret = parameters->password;
        profile.url = parameters->toUrlWithoutPassword();
    } else {
        profile.projectFolder = QDir(profile.projectFolder).absolutePath();
        secret.clear(); // the folder's .env holds it
    }
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    const bool keep = savePassword && !secret.isEmpty();
    // Unticking "save password" forgets the saved one.
    const bool forget =
        !keep && connection(profile.id).value_or(ConnectionProfile()).passwordInKeyring;
    QFuture<Status> keyring = ready(success());
    if ((keep || forget) && !m_credentials)
        keyring = ready<Status>(noCredentialStore());
    else if (keep)
        keyring = m_credentials->write(profile.id, secret);
    else if (forget)
        keyring = m_credentials->remove(profile.id);

    return keyring.then([this, alive = std::weak_ptr<int>(m_alive), profile,
                         keep](const Status &answer) mutable -> Outcome {
        if (alive.expired())
            return Error(Error::Code::Cancelled,
                         QStringLiteral("The connection was not saved: the connection store "
                                        "closed before the keyring answered"));
        Saved saved;
        profile.passwordInKeyring = keep && answer;
        if (!answer)
            saved.passwordError = answer.error();
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

QFuture<Status> ConnectionStore::remove(const QString &id)
{
    const auto profile = connection(id);
    m_settings->remove(kConnections + QLatin1Char('/') + id);
    m_settings->sync();
    if (!profile || !profile->passwordInKeyring)
        return ready(success());
    if (!m_credentials)
        return ready<Status>(noCredentialStore());
    return m_credentials->remove(id);
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
