// The migration name `migrate dev --name` makes of what was typed: Prisma's CLI slugifies it
// with @sindresorhus/slugify (expected values produced by that very function in Prisma 7.10.1).

#include "core/migrate/DevMigration.h"

#include <QtTest>

using namespace gh;

class TestMigrationName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slugifiedAsPrismaDoes_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("words") << "Add role"
                               << "add_role";
        QTest::newRow("camel case") << "addRole"
                                    << "add_role";
        QTest::newRow("surrounding spaces") << "  init  "
                                            << "init";
        QTest::newRow("diacritics and ampersand")
            << QStringLiteral("Crème brûlée & tea") << "creme_brulee_and_tea";
        QTest::newRow("acronym") << "HTTPServer"
                                 << "http_server";
        QTest::newRow("dash and digits") << "user-ID 2"
                                         << "user_id_2";
        QTest::newRow("plural acronym") << "APIs list"
                                        << "apis_list";
        QTest::newRow("contraction") << "it's done"
                                     << "its_done";
        QTest::newRow("sharp s") << QStringLiteral("Straße") << "strasse";
        QTest::newRow("digit then capital") << "v2Schema"
                                            << "v2_schema";
        QTest::newRow("underscores trimmed") << "__x__"
                                             << "x";
        QTest::newRow("backslash") << "a\\b"
                                   << "a_b";
        QTest::newRow("umlaut") << QStringLiteral("Ünïcode Ñame") << "uenicode_name";
        QTest::newRow("ligature") << QStringLiteral("ÆON") << "aeon";
        QTest::newRow("stroke letters") << QStringLiteral("ørsted łódź") << "orsted_lodz";
    }

    void slugifiedAsPrismaDoes()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QCOMPARE(DevMigration::migrationName(typed), expected);
    }

    void cutAfter200Characters()
    {
        QCOMPARE(DevMigration::migrationName(QString(250, QLatin1Char('a'))).size(), 200);
    }
};

QTEST_GUILESS_MAIN(TestMigrationName)
#include "tst_migrationname.moc"
