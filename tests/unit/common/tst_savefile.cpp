// saveFile() replaces a file whole or not at all, and a failure says which file and why.

#include "core/common/SaveFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gh;

class TestSaveFile : public QObject
{
    Q_OBJECT

private slots:
    void createsAndReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("schema.prisma"));
        QVERIFY(saveFile(path, "first version, longer than the second\n"));
        QVERIFY(saveFile(path, "second\n"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("second\n")); // no tail of the longer first version
        // Only the file itself is left: no temporary file beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("schema.prisma")});
    }

    void failureNamesTheFileAndLeavesTheOldContents()
    {
        QTemporaryDir dir;
        // A path whose parent is a regular file cannot be written.
        const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
        QVERIFY(saveFile(blocker, "old\n"));
        const QString path = blocker + QStringLiteral("/migration.sql");
        const Status status = saveFile(path, "new\n", QStringLiteral("the migration script"));
        QVERIFY(!status);
        QCOMPARE(status.error().code(), Error::Code::FileUnwritable);
        QVERIFY2(status.error().message().startsWith(
                     QStringLiteral("Could not write the migration script ")),
                 qPrintable(status.error().message()));
        QVERIFY(status.error().message().contains(QDir::toNativeSeparators(path)));
        QVERIFY(!status.error().detail().isEmpty()); // QFile's reason
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old\n"));
    }
};

QTEST_GUILESS_MAIN(TestSaveFile)
#include "tst_savefile.moc"
