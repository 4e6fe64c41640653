// Prisma's destructive-change checker: every sentence with and without the live counts (texts
// of prisma-engines' warning_check.rs and unexecutable_step_check.rs; the PostgreSQL ones are
// also checked against Prisma 7 itself in tests/integration/migrate/tst_devmigration), and the
// checks SQLite's table redefinitions give, counted in a real SQLite file.

#include "core/db/Database.h"
#include "core/prisma/DataModel.h"
#include "core/prisma/SchemaSource.h"
#include "core/sql/DestructiveChangeChecker.h"
#include "core/sql/MigrationScript.h"
#include "core/sql/SchemaCalculator.h"
#include "core/sql/SchemaDiffer.h"
#include "core/sql/SqlFlavour.h"
#include "core/url/DatabaseUrl.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::sql;
using Kind = DestructiveCheck::Kind;

Q_DECLARE_METATYPE(DestructiveCheck::Kind)

namespace {

SqlSchema sqliteSchema(const QByteArray &models)
{
    const QByteArray text = "datasource db {\n  provider = \"sqlite\"\n}\n\n" + models;
    const prisma::SchemaSource source = prisma::SchemaSource::fromFiles(
        {prisma::SourceFile(QStringLiteral("schema.prisma"), text)});
    return SchemaCalculator::calculate(prisma::DataModel::build(source),
                                       *SqlFlavour::forProvider(QStringLiteral("sqlite")));
}

const QByteArray kBefore = "model User {\n  id   Int     @id\n  name String?\n  age  Int?\n"
                           "  bio  String?\n}\n\nmodel Tag {\n  id Int @id\n}\n";
const QByteArray kAfter = "model User {\n  id       Int    @id\n  age      Int\n"
                          "  bio      String?\n  nickname String\n}\n";

QStringList texts(const QList<ChangeDiagnostics::Item> &items)
{
    QStringList out;
    for (const ChangeDiagnostics::Item &item : items)
        out << QStringLiteral("%1: %2").arg(item.stepIndex).arg(item.description);
    return out;
}

} // namespace

class TestDestructiveChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sentenceDependsOnTheCounts_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("rows");         // -1: not read
        QTest::addColumn<int>("values");       // -1: not read
        QTest::addColumn<QString>("expected"); // empty: no warning

        QTest::newRow("table drop, counted")
            << Kind::NonEmptyTableDrop << 4 << -1
            << "You are about to drop the `T` table, which is not empty (4 rows).";
        QTest::newRow("table drop, empty") << Kind::NonEmptyTableDrop << 0 << -1 << "";
        QTest::newRow("table drop, unknown")
            << Kind::NonEmptyTableDrop << -1 << -1
            << "You are about to drop the `T` table. If the table is not empty, all the data it "
               "contains will be lost.";
        QTest::newRow("column drop, counted")
            << Kind::NonEmptyColumnDrop << -1 << 3
            << "You are about to drop the column `c` on the `T` table, which still contains 3 "
               "non-null values.";
        QTest::newRow("column drop, all null") << Kind::NonEmptyColumnDrop << -1 << 0 << "";
        QTest::newRow("column drop, unknown")
            << Kind::NonEmptyColumnDrop << -1 << -1
            << "You are about to drop the column `c` on the `T` table. All the data in the "
               "column will be lost.";
        QTest::newRow("recreate, counted")
            << Kind::DropAndRecreateColumn << 5 << 2
            << "The `c` column on the `T` table would be dropped and recreated. This will lead "
               "to data loss.";
        QTest::newRow("recreate, empty table") << Kind::DropAndRecreateColumn << 0 << -1 << "";
        QTest::newRow("recreate, unknown")
            << Kind::DropAndRecreateColumn << -1 << -1
            << "The `c` column on the `T` table would be dropped and recreated. This will lead "
               "to data loss if there is data in the column.";
        QTest::newRow("risky cast, counted")
            << Kind::RiskyCast << -1 << 2
            << "You are about to alter the column `c` on the `T` table, which contains 2 non-null "
               "values. The data in that column will be cast from `VarChar(100)` to `VarChar(10)`.";
        QTest::newRow("risky cast, unknown")
            << Kind::RiskyCast << -1 << -1
            << "You are about to alter the column `c` on the `T` table. The data in that column "
               "could be lost. The data in that column will be cast from `VarChar(100)` to "
               "`VarChar(10)`.";
        QTest::newRow("not castable, counted")
            << Kind::NotCastable << -1 << 1
            << "You are about to alter the column `c` on the `T` table, which contains 1 non-null "
               "values. The data in that column will be cast from `VarChar(100)` to "
               "`VarChar(10)`. This cast may fail. Please make sure the data in the column can be "
               "cast.";
        QTest::newRow("primary key, rows")
            << Kind::PrimaryKeyChange << 1 << -1
            << "The primary key for the `T` table will be changed. If it partially fails, the "
               "table could be left without primary key constraint.";
        QTest::newRow("primary key, empty") << Kind::PrimaryKeyChange << 0 << -1 << "";
        QTest::newRow("required column, rows")
            << Kind::AddedRequiredFieldToTable << 3 << -1
            << "Added the required column `c` to the `T` table without a default value. There "
               "are 3 rows in this table, it is not possible to execute this step.";
        QTest::newRow("required column, empty") << Kind::AddedRequiredFieldToTable << 0 << -1 << "";
        QTest::newRow("required column, unknown")
            << Kind::AddedRequiredFieldToTable << -1 << -1
            << "Added the required column `c` to the `T` table without a default value. This is "
               "not possible if the table is not empty.";
        QTest::newRow("prisma-level default")
            << Kind::AddedRequiredFieldToTableWithPrismaLevelDefault << 2 << -1
            << "The required column `c` was added to the `T` table with a prisma-level default "
               "value. There are 2 rows in this table, it is not possible to execute this step. "
               "Please add this column as optional, then populate it before making it required.";
        QTest::newRow("made required, nulls")
            << Kind::MadeOptionalFieldRequired << 3 << 1
            << "Made the column `c` on table `T` required, but there are 2 existing NULL values.";
        QTest::newRow("made required, no nulls") << Kind::MadeOptionalFieldRequired << 3 << 3 << "";
        QTest::newRow("made required, unknown")
            << Kind::MadeOptionalFieldRequired << -1 << -1
            << "Made the column `c` on table `T` required. This step will fail if there are "
               "existing NULL values in that column.";
        QTest::newRow("scalar to list")
            << Kind::MadeScalarFieldIntoArrayField << 3 << 2
            << "Changed the column `c` on the `T` table from a scalar field to a list field. "
               "There are 2 existing non-null values in that column, this step cannot be "
               "executed.";
        QTest::newRow("recreate required, rows")
            << Kind::DropAndRecreateRequiredColumn << 1 << -1
            << "Changed the type of `c` on the `T` table. No cast exists, the column would be "
               "dropped and recreated, which cannot be done since the column is required and "
               "there is data in the table.";
        QTest::newRow("recreate required, unknown")
            << Kind::DropAndRecreateRequiredColumn << -1 << -1
            << "Changed the type of `c` on the `T` table. No cast exists, the column would be "
               "dropped and recreated, which cannot be done if there is data, since the column is "
               "required.";
    }

    void sentenceDependsOnTheCounts()
    {
        QFETCH(Kind, kind);
        QFETCH(int, rows);
        QFETCH(int, values);
        QFETCH(QString, expected);
        DestructiveCheck check;
        check.kind = kind;
        check.table = QStringLiteral("T");
        check.column = QStringLiteral("c");
        check.previousType = QStringLiteral("VarChar(100)");
        check.nextType = QStringLiteral("VarChar(10)");
        const std::optional<QString> text =
            check.evaluate(rows < 0 ? std::nullopt : std::optional<qint64>(rows),
                           values < 0 ? std::nullopt : std::optional<qint64>(values));
        QCOMPARE(text.value_or(QString()), expected);
    }

    void uniqueAndEnumWarningsJoinNamesWithoutSpaces()
    {
        DestructiveCheck unique;
        unique.kind = Kind::UniqueConstraintAddition;
        unique.table = QStringLiteral("T");
        unique.names = QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QCOMPARE(*unique.evaluate(std::nullopt, std::nullopt),
                 QStringLiteral("A unique constraint covering the columns `[a,b]` on the table "
                                "`T` will be added. If there are existing duplicate values, this "
                                "will fail."));
        DestructiveCheck values;
        values.kind = Kind::EnumValueRemoval;
        values.enumName = QStringLiteral("Role");
        values.names = QStringList{QStringLiteral("A"), QStringLiteral("B")};
        QCOMPARE(*values.evaluate(0, 0),
                 QStringLiteral("The values [A,B] on the enum `Role` will be removed. If these "
                                "variants are still used in the database, this will fail."));
    }

    void sqliteRedefinitionPlansAddedDroppedAndTightenedColumns()
    {
        const Migration migration =
            SchemaDiffer::diff(sqliteSchema(kBefore), sqliteSchema(kAfter),
                               *SqlFlavour::forProvider(QStringLiteral("sqlite")));
        const ChangeDiagnostics pure = DestructiveChangeChecker::pureCheck(migration);
        // Steps: DropTable Tag, RedefineTables User.
        QCOMPARE(texts(pure.warnings),
                 QStringList({QStringLiteral("0: You are about to drop the `Tag` table. If the "
                                             "table is not empty, all the data it contains will "
                                             "be lost."),
                              QStringLiteral("1: You are about to drop the column `name` on the "
                                             "`User` table. All the data in the column will be "
                                             "lost.")}));
        QCOMPARE(texts(pure.unexecutable),
                 QStringList({QStringLiteral("1: Added the required column `nickname` to the "
                                             "`User` table without a default value. This is not "
                                             "possible if the table is not empty."),
                              QStringLiteral("1: Made the column `age` on table `User` required. "
                                             "This step will fail if there are existing NULL "
                                             "values in that column.")}));
        QVERIFY(MigrationScript::render(migration, pure)
                    .startsWith(QLatin1String("/*\n  Warnings:\n\n  - You are about to drop the "
                                              "`Tag` table.")));
    }

    void sqliteCountsComeFromTheDatabaseFile()
    {
        QTemporaryDir dir;
        auto url =
            DatabaseUrl::parse(QStringLiteral("file:") + dir.filePath(QStringLiteral("dev.db")));
        QVERIFY(url);
        auto database = Database::open(*url, Database::OpenMode::CreateIfMissing);
        QVERIFY2(database, qPrintable(database.error().fullText()));
        const SqlFlavour &flavour = *SqlFlavour::forProvider(QStringLiteral("sqlite"));
        const Migration create = SchemaDiffer::diff(SqlSchema(), sqliteSchema(kBefore), flavour);
        QVERIFY((*database)->executeScript(MigrationScript::render(create)));
        QVERIFY((*database)->executeScript(QStringLiteral(
            "INSERT INTO \"User\" (\"id\", \"name\", \"age\") VALUES (1, 'a', 1), (2, NULL, NULL),"
            " (3, 'c', NULL);")));

        const Migration migration =
            SchemaDiffer::diff(sqliteSchema(kBefore), sqliteSchema(kAfter), flavour);
        auto live = DestructiveChangeChecker::check(migration, **database);
        QVERIFY2(live, qPrintable(live.error().fullText()));
        // Tag is empty: no warning for it.
        QCOMPARE(texts(live->warnings),
                 QStringList{QStringLiteral("1: You are about to drop the column `name` on the "
                                            "`User` table, which still contains 2 non-null "
                                            "values.")});
        QCOMPARE(texts(live->unexecutable),
                 QStringList({QStringLiteral("1: Added the required column `nickname` to the "
                                             "`User` table without a default value. There are 3 "
                                             "rows in this table, it is not possible to execute "
                                             "this step."),
                              QStringLiteral("1: Made the column `age` on table `User` required, "
                                             "but there are 2 existing NULL values.")}));
    }

    void cancellingStopsBeforeTheFirstCount()
    {
        QTemporaryDir dir;
        auto url =
            DatabaseUrl::parse(QStringLiteral("file:") + dir.filePath(QStringLiteral("dev.db")));
        auto database = Database::open(*url, Database::OpenMode::CreateIfMissing);
        QVERIFY(database);
        const Migration migration =
            SchemaDiffer::diff(sqliteSchema(kBefore), sqliteSchema(kAfter),
                               *SqlFlavour::forProvider(QStringLiteral("sqlite")));
        auto live = DestructiveChangeChecker::check(migration, **database, [] { return true; });
        QVERIFY(!live);
        QCOMPARE(live.error().code(), Error::Code::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestDestructiveChanges)
#include "tst_destructivechanges.moc"
