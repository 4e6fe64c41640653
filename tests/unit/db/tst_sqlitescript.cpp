// SqliteDatabase::executeScript on real SQLite files: statements are found by sqlite3's own
// parser (quotes and comments holding `;` or quotes, triggers' BEGIN ... END), the script applies
// entirely or not at all, and a script's own BEGIN/COMMIT is honoured.

#include "core/db/Database.h"
#include "core/url/DatabaseUrl.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gh;

class TestSqliteScript : public QObject
{
    Q_OBJECT

    std::unique_ptr<Database> open()
    {
        auto url = DatabaseUrl::parse(QStringLiteral("file:") +
                                      m_dir->filePath(QStringLiteral("script.db")));
        if (!url)
            return nullptr;
        auto database = Database::open(*url, Database::OpenMode::CreateIfMissing);
        return database ? std::move(database.value()) : nullptr;
    }

    /// The rows of `sql`, one string per row with its values joined by `|`.
    static QStringList rows(Database &database, const QString &sql)
    {
        QStringList out;
        auto result = database.query(SqlStatement(database.dialect(), sql));
        if (!result)
            return {QStringLiteral("error: ") + result.error().fullText()};
        for (const QVariantList &row : result->rows()) {
            QStringList cells;
            for (const QVariant &value : row)
                cells << value.toString();
            out << cells.join(QLatin1Char('|'));
        }
        return out;
    }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void statementsAreSplitBySqlitesParser_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("semicolon in a string")
            << "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('a;b'), ('it''s');"
            << "SELECT x FROM t ORDER BY x" << QStringList{"a;b", "it's"};
        QTest::newRow("semicolon in a quoted identifier")
            << "CREATE TABLE \"semi;colon\" (x INTEGER); INSERT INTO \"semi;colon\" VALUES (7);"
            << "SELECT x FROM \"semi;colon\"" << QStringList{"7"};
        QTest::newRow("quotes and semicolons in comments")
            << "-- it's a comment; with a ' quote\nCREATE TABLE t (x INTEGER);\n"
               "/* don't \"split\"; here */ INSERT INTO t VALUES (1); -- trailing ' comment"
            << "SELECT x FROM t" << QStringList{"1"};
        QTest::newRow("trigger body")
            << "CREATE TABLE t (x INTEGER); CREATE TABLE log (y INTEGER);\n"
               "CREATE TRIGGER t_log AFTER INSERT ON t BEGIN\n"
               "  INSERT INTO log VALUES (NEW.x);\n  INSERT INTO log VALUES (NEW.x * 10);\nEND;\n"
               "INSERT INTO t VALUES (2);"
            << "SELECT y FROM log ORDER BY y" << QStringList{"2", "20"};
        QTest::newRow("script with its own BEGIN/COMMIT")
            << "CREATE TABLE a (x INTEGER);\nBEGIN;\nINSERT INTO a VALUES (1);\nCOMMIT;\n"
               "INSERT INTO a VALUES (2);"
            << "SELECT x FROM a ORDER BY x" << QStringList{"1", "2"};
        QTest::newRow("no final semicolon, unicode")
            << QStringLiteral("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('Łódź ✓')")
            << "SELECT x FROM t" << QStringList{QStringLiteral("Łódź ✓")};
    }

    void statementsAreSplitBySqlitesParser()
    {
        QFETCH(QString, script);
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        auto database = open();
        QVERIFY(database);
        const Status done = database->executeScript(script);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().fullText()));
        QCOMPARE(rows(*database, query), expected);
    }

    void failingScriptLeavesNothing()
    {
        auto database = open();
        QVERIFY(database);
        const Status done = database->executeScript(
            QStringLiteral("CREATE TABLE kept (x INTEGER); INSERT INTO kept VALUES (1); INSERT "
                           "INTO nope VALUES (1);"));
        QVERIFY(!done);
        QCOMPARE(done.error().code(), Error::Code::QueryFailed);
        QVERIFY2(done.error().detail().contains(QLatin1String("no such table: nope")),
                 qPrintable(done.error().fullText()));
        QCOMPARE(rows(*database, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                                "'kept'")),
                 QStringList{QStringLiteral("0")});
        // No transaction was left open: the next script commits.
        QVERIFY(database->executeScript(QStringLiteral("CREATE TABLE later (x INTEGER);")));
        auto other = open();
        QCOMPARE(rows(*other, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                             "'later'")),
                 QStringList{QStringLiteral("1")});
    }

    void failureInsideTheScriptsOwnTransactionRollsItBack()
    {
        auto database = open();
        QVERIFY(database);
        QVERIFY(database->executeScript(QStringLiteral("CREATE TABLE a (x INTEGER UNIQUE);")));
        const Status done = database->executeScript(
            QStringLiteral("BEGIN; INSERT INTO a VALUES (1); INSERT INTO a VALUES (1); COMMIT;"));
        QVERIFY(!done);
        QVERIFY(done.error().detail().contains(QLatin1String("UNIQUE")));
        QCOMPARE(rows(*database, QStringLiteral("SELECT count(*) FROM a")),
                 QStringList{QStringLiteral("0")});
        QVERIFY(database->executeScript(QStringLiteral("INSERT INTO a VALUES (5);")));
    }

    void insideATransactionTheScriptIsPartOfIt()
    {
        auto database = open();
        QVERIFY(database);
        const Status rolledBack = database->transaction([&]() -> Status {
            const Status done =
                database->executeScript(QStringLiteral("CREATE TABLE inner_t (x INTEGER);"));
            if (!done)
                return done;
            return Error(Error::Code::Cancelled, QStringLiteral("changed my mind"));
        });
        QCOMPARE(rolledBack.error().code(), Error::Code::Cancelled);
        QCOMPARE(rows(*database, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                                "'inner_t'")),
                 QStringList{QStringLiteral("0")});
    }

    void onlyCommentsIsAnEmptyScript()
    {
        auto database = open();
        QVERIFY(database);
        QVERIFY(database->executeScript(QStringLiteral("-- This is an empty migration.")));
        QVERIFY(database->executeScript(QString()));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSqliteScript)
#include "tst_sqlitescript.moc"
