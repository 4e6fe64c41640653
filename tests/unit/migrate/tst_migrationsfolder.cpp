// The migrations folder as Prisma 7 reads and writes it.

#include "core/migrate/MigrationLockFile.h"
#include "core/migrate/MigrationsFolder.h"

#include <QtTest>

using namespace gh;

namespace {

const QString kData = QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/");

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestMigrationsFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheFolderPrismaWrote()
    {
        auto folder = MigrationsFolder::read(kData + QStringLiteral("authjs-postgres"));
        QVERIFY2(folder.ok(), qPrintable(folder.error().fullText()));
        QVERIFY(folder->exists());
        QCOMPARE(folder->names(), (QStringList{QStringLiteral("20250101000000_init"),
                                               QStringLiteral("20250101000001_add_role")}));
        QVERIFY(folder->lockFile().has_value());
        QCOMPARE(MigrationLockFile::providerFrom(*folder->lockFile()),
                 QStringLiteral("postgresql"));
        // The checksums Prisma recorded for these folders (sha256sum of each migration.sql).
        for (const QString &line : readLines(kData + QStringLiteral("sha256sums.txt"))) {
            const QString name = line.mid(66).section(QLatin1Char('/'), 0, 0);
            const MigrationDirectory *migration = folder->find(name);
            QVERIFY2(migration, qPrintable(name));
            QVERIFY(migration->hasScript);
            QCOMPARE(migration->checksum(), line.left(64));
        }
    }

    void ordersNamesLikePrismasLocaleCompare()
    {
        // names.sorted.txt is Node's localeCompare order of names.txt, as Prisma 7 sorts
        // folders; it differs from byte order ("1_a" before "10_a").
        const QStringList names = readLines(kData + QStringLiteral("ordering/names.txt"));
        const QStringList expected = readLines(kData + QStringLiteral("ordering/names.sorted.txt"));
        QVERIFY(names.size() > 10);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &name : names)
            QVERIFY(
                writeFile(dir.filePath(name + QStringLiteral("/migration.sql")), "SELECT 1;\n"));
        auto folder = MigrationsFolder::read(dir.path());
        QVERIFY(folder.ok());
        QCOMPARE(folder->names(), expected);
        QVERIFY(MigrationsFolder::lessThan(QStringLiteral("1_a"), QStringLiteral("10_a")));
        QVERIFY(!MigrationsFolder::lessThan(QStringLiteral("10_a"), QStringLiteral("1_a")));
    }

    void everySubfolderIsAMigrationEvenWithoutScript()
    {
        QTemporaryDir dir;
        QVERIFY(
            writeFile(dir.filePath(QStringLiteral("20240101000000_a/migration.sql")), "SELECT 1;"));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("20240101000001_empty")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".hidden")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("README.md")), "not a migration"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("migration_lock.toml")),
                          MigrationLockFile::render(QStringLiteral("sqlite"))));
        auto folder = MigrationsFolder::read(dir.path());
        QVERIFY(folder.ok());
        // Node's readdir + isDirectory(): hidden folders count, files do not.
        QCOMPARE(folder->names(),
                 (QStringList{QStringLiteral(".hidden"), QStringLiteral("20240101000000_a"),
                              QStringLiteral("20240101000001_empty")}));
        const MigrationDirectory *empty = folder->find(QStringLiteral("20240101000001_empty"));
        QVERIFY(empty);
        QVERIFY(!empty->hasScript);
        QVERIFY(!empty->readError.isEmpty());
        QCOMPARE(empty->scriptPath(),
                 dir.filePath(QStringLiteral("20240101000001_empty/migration.sql")));
        QCOMPARE(folder->find(QStringLiteral("20240101000000_a"))->script, QByteArray("SELECT 1;"));
    }

    void missingFolderReadsAsEmpty()
    {
        QTemporaryDir dir;
        auto folder = MigrationsFolder::read(dir.filePath(QStringLiteral("prisma/migrations")));
        QVERIFY(folder.ok());
        QVERIFY(!folder->exists());
        QVERIFY(folder->migrations().isEmpty());
        QVERIFY(!folder->lockFile().has_value());
    }

    void aFileWhereTheFolderShouldBeIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations")), "oops"));
        auto folder = MigrationsFolder::read(dir.filePath(QStringLiteral("migrations")));
        QVERIFY(!folder.ok());
        QCOMPARE(folder.error().code(), Error::Code::FileUnreadable);
    }

    void directoryNameIsUtcTimestampAndName()
    {
        const QDateTime time(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QCOMPARE(MigrationsFolder::directoryName(time, QStringLiteral("init")),
                 QStringLiteral("20250102030405_init"));
        // A local time is converted to UTC first.
        const QDateTime plusTwo(QDate(2025, 1, 2), QTime(5, 4, 5), Qt::OffsetFromUTC, 2 * 3600);
        QCOMPARE(MigrationsFolder::directoryName(plusTwo, QStringLiteral("x")),
                 QStringLiteral("20250102030405_x"));
    }

    void createMigrationWritesScriptAndLockFile()
    {
        QTemporaryDir dir;
        const QString migrations = dir.filePath(QStringLiteral("prisma/migrations"));
        const QDateTime time(QDate(2025, 1, 1), QTime(0, 0, 0), Qt::UTC);
        const QByteArray script("-- CreateTable\nCREATE TABLE \"A\" (\"id\" TEXT NOT NULL);\n");
        auto created = MigrationsFolder::createMigration(migrations, QStringLiteral("init"), script,
                                                         QStringLiteral("postgresql"), time);
        QVERIFY2(created.ok(), qPrintable(created.error().fullText()));
        QCOMPARE(*created, QStringLiteral("20250101000000_init"));
        auto folder = MigrationsFolder::read(migrations);
        QVERIFY(folder.ok());
        QCOMPARE(folder->names(), QStringList{QStringLiteral("20250101000000_init")});
        QCOMPARE(folder->migrations().first().script, script);
        QCOMPARE(*folder->lockFile(), MigrationLockFile::render(QStringLiteral("postgresql")));

        auto again = MigrationsFolder::createMigration(migrations, QStringLiteral("init"), script,
                                                       QStringLiteral("postgresql"), time);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code(), Error::Code::InvalidArgument);
    }

    void namesLongerThan200BytesAreRefused()
    {
        QTemporaryDir dir;
        const QDateTime time(QDate(2025, 1, 1), QTime(0, 0, 0), Qt::UTC);
        QVERIFY(MigrationsFolder::createMigration(dir.path(), QString(200, QLatin1Char('a')),
                                                  "SELECT 1;", QStringLiteral("sqlite"), time)
                    .ok());
        auto tooLong =
            MigrationsFolder::createMigration(dir.path(), QString(201, QLatin1Char('b')),
                                              "SELECT 1;", QStringLiteral("sqlite"), time);
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().code(), Error::Code::MigrationNameTooLong);
        // Bytes, not characters: 101 two-byte characters are 202 bytes.
        auto wide = MigrationsFolder::createMigration(dir.path(), QString(101, QChar(0x00e9)),
                                                      "SELECT 1;", QStringLiteral("sqlite"), time);
        QCOMPARE(wide.error().code(), Error::Code::MigrationNameTooLong);
    }
};

QTEST_GUILESS_MAIN(TestMigrationsFolder)
#include "tst_migrationsfolder.moc"
