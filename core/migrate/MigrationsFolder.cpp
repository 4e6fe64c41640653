#include "core/migrate/MigrationsFolder.h"

#include "core/common/SaveFile.h"
#include "core/migrate/MigrationErrors.h"
#include "core/migrate/MigrationLockFile.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace gh {

namespace {

QCollator prismaCollator()
{
    // Node's default Intl collator: root collation rules with the en-US locale. ASCII names
    // sort the same under every locale's tailoring.
    QCollator collator(QLocale(QLocale::English, QLocale::UnitedStates));
    collator.setCaseSensitivity(Qt::CaseSensitive);
    collator.setNumericMode(false);
    collator.setIgnorePunctuation(false);
    return collator;
}

} // namespace

Result<MigrationsFolder> MigrationsFolder::read(const QString &path)
{
    MigrationsFolder folder;
    folder.m_path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QFileInfo info(folder.m_path);
    if (!info.exists())
        return folder;
    if (!info.isDir() || !info.isReadable())
        return Error(Error::Code::FileUnreadable,
                     QStringLiteral("Cannot read the migrations folder %1")
                         .arg(QDir::toNativeSeparators(folder.m_path)));
    folder.m_exists = true;

    const QDir dir(folder.m_path);
    QFile lock(dir.filePath(MigrationLockFile::fileName()));
    if (lock.open(QIODevice::ReadOnly))
        folder.m_lockFile = lock.readAll();

    // Like Node's Dirent.isDirectory(): hidden folders count, symbolic links do not.
    const QFileInfoList entries =
        dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks);
    for (const QFileInfo &entry : entries) {
        MigrationDirectory migration;
        migration.name = entry.fileName();
        migration.path = entry.absoluteFilePath();
        QFile script(migration.scriptPath());
        if (script.open(QIODevice::ReadOnly)) {
            migration.script = script.readAll();
            migration.hasScript = true;
        } else {
            migration.readError = script.errorString();
        }
        folder.m_migrations << migration;
    }
    const QCollator collator = prismaCollator();
    std::stable_sort(folder.m_migrations.begin(), folder.m_migrations.end(),
                     [&](const MigrationDirectory &a, const MigrationDirectory &b) {
                         return collator.compare(a.name, b.name) < 0;
                     });
    return folder;
}

QStringList MigrationsFolder::names() const
{
    QStringList names;
    for (const MigrationDirectory &migration : m_migrations)
        names << migration.name;
    return names;
}

const MigrationDirectory *MigrationsFolder::find(const QString &name) const
{
    for (const MigrationDirectory &migration : m_migrations) {
        if (migration.name == name)
            return &migration;
    }
    return nullptr;
}

bool MigrationsFolder::lessThan(const QString &a, const QString &b)
{
    return prismaCollator().compare(a, b) < 0;
}

QString MigrationsFolder::directoryName(const QDateTime &time, const QString &name)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('_') + name;
}

Result<QString> MigrationsFolder::createMigration(const QString &path, const QString &name,
                                                  const QByteArray &script, const QString &provider,
                                                  const QDateTime &time)
{
    if (name.toUtf8().size() > MaxNameLength)
        return MigrationErrors::nameTooLong();
    const QString folderName = directoryName(time, name);
    const QDir root(path);
    const QString folderPath = root.filePath(folderName);
    if (QFileInfo::exists(folderPath))
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("The migration directory already exists at %1")
                         .arg(QDir::toNativeSeparators(folderPath)));
    if (!root.mkpath(folderName))
        return Error(
            Error::Code::FileUnwritable,
            QStringLiteral("Could not create %1").arg(QDir::toNativeSeparators(folderPath)));
    const Status written = saveFile(QDir(folderPath).filePath(MigrationDirectory::scriptFileName()),
                                    script, QStringLiteral("the migration script"));
    if (!written)
        return written.error();
    const Status lock = MigrationLockFile::write(path, provider);
    if (!lock)
        return lock.error();
    return folderName;
}

} // namespace gh
