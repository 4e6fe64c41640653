#include "core/auth/DemoProject.h"

#include "core/auth/AuthSchema.h"
#include "core/common/SaveFile.h"
#include "core/db/Database.h"
#include "core/url/DatabaseUrl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

// demo.qrc is compiled into the static gatehouse_core: nothing references its object file, so
// the linker would drop it unless it is initialised by name, which only works outside a namespace.
static void initDemoResources()
{
    Q_INIT_RESOURCE(demo);
}

namespace gh {

namespace {

const QString MarkerName = QStringLiteral(".gatehouse-demo.json");
const QString LockName = QStringLiteral(".gatehouse-demo.lock");
const QString PartialDatabaseName = QStringLiteral("dev.db.partial");
constexpr int MarkerFormat = 1;

enum class MarkerState { Absent, Creating, Complete };

void ensureResources()
{
    static const bool initialised = (initDemoResources(), true);
    Q_UNUSED(initialised);
}

Result<QByteArray> embedded(const QString &name)
{
    QFile file(QStringLiteral(":/gatehouse/demo/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::FileUnreadable,
                     QStringLiteral("The demo file %1 is missing from this build").arg(name),
                     file.errorString());
    return file.readAll();
}

/// Writes an embedded demo file to `path`, replacing what is there.
Status writeEmbedded(const QString &name, const QString &path)
{
    auto contents = embedded(name);
    return contents ? saveFile(path, *contents) : Status(contents.error());
}

Status removeFile(const QString &path)
{
    QFile file(path);
    if (file.exists() && !file.remove())
        return Error(Error::Code::FileUnwritable,
                     QStringLiteral("Could not remove %1").arg(QDir::toNativeSeparators(path)),
                     file.errorString());
    return success();
}

Status removeDatabase(const QString &path)
{
    // A journal left beside a new database would be replayed into it: remove them together.
    for (const QString &suffix :
         {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const Status removed = removeFile(path + suffix);
        if (!removed)
            return removed;
    }
    return success();
}

MarkerState readMarker(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return MarkerState::Absent;
    // A marker we cannot read is still ours: the folder is a demo, just not a complete one.
    if (!file.open(QIODevice::ReadOnly))
        return MarkerState::Creating;
    const QJsonObject marker = QJsonDocument::fromJson(file.readAll()).object();
    return marker.value(QStringLiteral("state")).toString() == QLatin1String("complete")
               ? MarkerState::Complete
               : MarkerState::Creating;
}

Status writeMarker(const QString &path, MarkerState state)
{
    const QJsonObject marker{
        {QStringLiteral("gatehouseDemo"), MarkerFormat},
        {QStringLiteral("state"),
         state == MarkerState::Complete ? QStringLiteral("complete") : QStringLiteral("creating")},
        {QStringLiteral("seed"), qint64(DemoDataGenerator::DefaultSeed)},
    };
    return saveFile(path, QJsonDocument(marker).toJson());
}

Result<DemoDataGenerator::Counts> createDatabase(const QString &prismaDirectory,
                                                 const QDateTime &now)
{
    auto url = DatabaseUrl::parse(QStringLiteral("file:./") + PartialDatabaseName, prismaDirectory);
    if (!url)
        return url.error();
    auto opened = Database::open(*url, Database::OpenMode::CreateIfMissing);
    if (!opened)
        return opened.error();
    Database &database = **opened;

    auto ddl = embedded(QStringLiteral("migration.sql"));
    if (!ddl)
        return ddl.error();
    const Status created = database.executeScript(QString::fromUtf8(*ddl));
    if (!created)
        return created.error().wrapped(QStringLiteral("Creating the Auth.js tables"));

    // Name tables and columns through the one Auth.js mapping, checked against what the
    // script created (the SQLite schema spells Authenticator's owner `userID`).
    auto catalog = database.tableColumns();
    if (!catalog)
        return catalog.error();
    AuthSchema schema = AuthSchema::prismaDefaults();
    const Status reconciled = schema.reconcile(*catalog);
    if (!reconciled)
        return reconciled.error();
    return DemoDataGenerator(now).insertInto(database, schema);
}

} // namespace

DemoProject::DemoProject(QString directory)
    : m_directory(std::move(directory))
{}

QString DemoProject::schemaPath() const
{
    return m_directory + QStringLiteral("/prisma/schema.prisma");
}

QString DemoProject::envPath() const
{
    return m_directory + QStringLiteral("/.env");
}

QString DemoProject::databasePath() const
{
    return m_directory + QStringLiteral("/prisma/dev.db");
}

QString DemoProject::markerPath() const
{
    return m_directory + QLatin1Char('/') + MarkerName;
}

QString DemoProject::defaultDirectory()
{
    // Not AppLocalDataLocation: the GUI and the CLI share one demo whatever their names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/gatehouse/demo");
}

Result<DemoProject> DemoProject::ensure(const QString &directory, const QDateTime &now)
{
    ensureResources();
    DemoProject project(QDir::cleanPath(QDir(directory).absolutePath()));
    const QStringList files = {project.schemaPath(), project.envPath(), project.databasePath()};
    const auto allExist = [&files] {
        return std::all_of(files.cbegin(), files.cend(),
                           [](const QString &f) { return QFileInfo::exists(f); });
    };

    // The GUI and the CLI may both ask for the default demo at once: one creates, the other waits.
    if (!QDir().mkpath(project.m_directory))
        return Error(Error::Code::FileUnwritable,
                     QStringLiteral("Could not create the folder %1")
                         .arg(QDir::toNativeSeparators(project.m_directory)));
    QLockFile lock(project.m_directory + QLatin1Char('/') + LockName);
    if (!lock.tryLock(120 * 1000))
        return Error(Error::Code::FileUnwritable,
                     QStringLiteral("Another Gatehouse is creating the demo project in %1")
                         .arg(QDir::toNativeSeparators(project.m_directory)));

    const MarkerState state = readMarker(project.markerPath());
    if (state == MarkerState::Complete && allExist())
        return project;
    if (state == MarkerState::Absent) {
        for (const QString &file : files) {
            if (QFileInfo::exists(file))
                return Error(Error::Code::InvalidArgument,
                             QStringLiteral(
                                 "%1 is not a Gatehouse demo project: it already has %2. Choose an "
                                 "empty folder for the demo.")
                                 .arg(QDir::toNativeSeparators(project.m_directory),
                                      QDir(project.m_directory).relativeFilePath(file)));
        }
    }

    const Status created = project.create(now);
    if (!created)
        return created.error().wrapped(QStringLiteral("Creating the demo project in %1")
                                           .arg(QDir::toNativeSeparators(project.m_directory)));
    project.m_created = true;
    return project;
}

Status DemoProject::create(const QDateTime &now)
{
    const QString prismaDirectory = QFileInfo(schemaPath()).absolutePath();
    if (!QDir().mkpath(prismaDirectory))
        return Error(Error::Code::FileUnwritable,
                     QStringLiteral("Could not create the folder %1")
                         .arg(QDir::toNativeSeparators(prismaDirectory)));

    // From here until the marker says "complete", a crash leaves a folder the next call recreates.
    if (const Status marked = writeMarker(markerPath(), MarkerState::Creating); !marked)
        return marked;
    const QString partial = prismaDirectory + QLatin1Char('/') + PartialDatabaseName;
    for (const QString &database : {databasePath(), partial}) {
        if (const Status removed = removeDatabase(database); !removed)
            return removed;
    }
    if (const Status written = writeEmbedded(QStringLiteral("schema.prisma"), schemaPath());
        !written)
        return written;
    if (const Status written = writeEmbedded(QStringLiteral("env"), envPath()); !written)
        return written;

    auto seeded = createDatabase(prismaDirectory, now);
    if (!seeded) {
        // Best effort: the error worth reporting is the first one.
        static_cast<void>(removeDatabase(partial));
        return seeded.error();
    }
    if (!QFile::rename(partial, databasePath()))
        return Error(Error::Code::FileUnwritable,
                     QStringLiteral("Could not move the demo database into place at %1")
                         .arg(QDir::toNativeSeparators(databasePath())));
    m_counts = *seeded;
    return writeMarker(markerPath(), MarkerState::Complete);
}

} // namespace gh
