// Checksums of migration.sql must equal the ones Prisma records in _prisma_migrations, and
// compare the way Prisma compares them (line endings, the old unpadded rendering).

#include "core/migrate/MigrationChecksum.h"

#include <QtTest>
#include <algorithm>

using namespace gh;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString kData = QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/");

} // namespace

class TestMigrationChecksum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksumOfPrismasFixturesIsWhatPrismaRecorded_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("checksum");
        // sha256sums.txt and _prisma_migrations.tsv come from the oracle's `prisma migrate dev`.
        const QList<QByteArray> lines =
            readFile(kData + QStringLiteral("sha256sums.txt")).split('\n');
        for (const QByteArray &line : lines) {
            if (line.trimmed().isEmpty())
                continue;
            const QString checksum = QString::fromLatin1(line.left(64));
            const QString file = QString::fromLatin1(line.mid(66));
            QTest::newRow(qPrintable(file)) << file << checksum;
        }
    }

    void checksumOfPrismasFixturesIsWhatPrismaRecorded()
    {
        QFETCH(QString, file);
        QFETCH(QString, checksum);
        const QByteArray script = readFile(kData + QStringLiteral("authjs-postgres/") + file);
        QVERIFY(!script.isEmpty());
        QCOMPARE(MigrationChecksum::compute(script), checksum);
        const QByteArray tsv = readFile(kData + QStringLiteral("_prisma_migrations.tsv"));
        QVERIFY2(tsv.contains(checksum.toLatin1()), "the recorded row has the same checksum");
    }

    void checksumKeepsEveryByte_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QString>("checksum");
        // From prisma-engines' checksum.rs test: zero-padded hex.
        QTest::newRow("hello")
            << QByteArray("hello")
            << QStringLiteral("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        QTest::newRow("empty")
            << QByteArray()
            << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("utf8 bom kept")
            << QByteArray("\xEF\xBB\xBFSELECT 1;\n")
            << QString::fromLatin1(
                   QCryptographicHash::hash("\xEF\xBB\xBFSELECT 1;\n", QCryptographicHash::Sha256)
                       .toHex());
    }

    void checksumKeepsEveryByte()
    {
        QFETCH(QByteArray, script);
        QFETCH(QString, checksum);
        QCOMPARE(MigrationChecksum::compute(script), checksum);
        QCOMPARE(MigrationChecksum::compute(script).size(), MigrationChecksum::Length);
    }

    void matchesAcrossLineEndings_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QByteArray>("onDisk");
        // prisma-engines' script_matches_checksum_is_line_ending_agnostic cases.
        const QByteArray lf1("ab\ncd\nef\ngh\rab"), crlf1("ab\r\ncd\r\nef\r\ngh\rab");
        const QByteArray lf2("ab\ncd\nef\ngh\rab\n"), crlf2("ab\r\ncd\r\nef\r\ngh\rab\r\n");
        QTest::newRow("lf vs lf") << lf1 << lf1;
        QTest::newRow("recorded lf, checked out crlf") << lf1 << crlf1;
        QTest::newRow("recorded crlf, checked out lf") << crlf1 << lf1;
        QTest::newRow("trailing newline lf vs crlf") << lf2 << crlf2;
        QTest::newRow("trailing newline crlf vs lf") << crlf2 << lf2;
    }

    void matchesAcrossLineEndings()
    {
        QFETCH(QByteArray, stored);
        QFETCH(QByteArray, onDisk);
        QVERIFY(MigrationChecksum::matches(onDisk, MigrationChecksum::compute(stored)));
    }

    void editedScriptsDoNotMatch_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QByteArray>("onDisk");
        QTest::newRow("longer") << QByteArray("abcd") << QByteArray("abc");
        QTest::newRow("extra newline") << QByteArray("abc") << QByteArray("abc\n");
        QTest::newRow("case") << QByteArray("CREATE TABLE a();") << QByteArray("create table a();");
    }

    void editedScriptsDoNotMatch()
    {
        QFETCH(QByteArray, stored);
        QFETCH(QByteArray, onDisk);
        QVERIFY(!MigrationChecksum::matches(onDisk, MigrationChecksum::compute(stored)));
    }

    void oldUnpaddedChecksumsStillMatch()
    {
        // Find a script whose digest has a byte below 0x10, so the old rendering is shorter.
        QByteArray script;
        QByteArray digest;
        for (int i = 0;; ++i) {
            script = QByteArrayLiteral("SELECT ") + QByteArray::number(i) + ';';
            digest = QCryptographicHash::hash(script, QCryptographicHash::Sha256);
            if (std::any_of(digest.begin(), digest.end(), [](char b) { return quint8(b) < 0x10; }))
                break;
        }
        QString unpadded;
        for (const char byte : digest)
            unpadded += QString::number(quint8(byte), 16);
        QVERIFY(unpadded.size() < MigrationChecksum::Length);
        QVERIFY(MigrationChecksum::matches(script, unpadded));
        QVERIFY(!MigrationChecksum::matches(script + ' ', unpadded));
    }

    void emptyStoredChecksumNeverMatches()
    {
        QVERIFY(!MigrationChecksum::matches(QByteArray("SELECT 1;"), QString()));
    }
};

QTEST_GUILESS_MAIN(TestMigrationChecksum)
#include "tst_migrationchecksum.moc"
