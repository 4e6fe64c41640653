#include "core/db/SqlDialect.h"
#include "core/db/SqlStatement.h"

#include <QtTest>

using namespace gh;

class TestSqlDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesIdentifiers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << "User" << "\"User\"";
        QTest::newRow("snake") << "session_token" << "\"session_token\"";
        QTest::newRow("space") << "Tenant A" << "\"Tenant A\"";
        QTest::newRow("embedded quote") << "a\"b" << "\"a\"\"b\"";
        QTest::newRow("injection") << "x\"; DROP TABLE \"User" << "\"x\"\"; DROP TABLE \"\"User\"";
        QTest::newRow("unicode") << QString::fromUtf8("usuário") << QString::fromUtf8("\"usuário\"");
    }
    void quotesIdentifiers()
    {
        QFETCH(QString, name);
        QFETCH(QString, quoted);
        QCOMPARE(quoteIdentifier(SqlDialect::PostgreSQL, name), quoted);
        QCOMPARE(quoteIdentifier(SqlDialect::SQLite, name), quoted);
    }

    void qualifiesOnlyWhereSchemasExist()
    {
        QCOMPARE(qualifiedName(SqlDialect::PostgreSQL, QStringLiteral("auth"), QStringLiteral("User")),
                 QStringLiteral("\"auth\".\"User\""));
        QCOMPARE(qualifiedName(SqlDialect::SQLite, QStringLiteral("auth"), QStringLiteral("User")),
                 QStringLiteral("\"User\""));
    }

    void bindsValuesAsPlaceholders()
    {
        SqlStatement pg(SqlDialect::PostgreSQL);
        pg << QStringLiteral("SELECT * FROM t WHERE a = ") << pg.bind(QStringLiteral("x' OR 1=1"))
           << QStringLiteral(" AND b = ") << pg.bind(2);
        QCOMPARE(pg.sql(), QStringLiteral("SELECT * FROM t WHERE a = $1 AND b = $2"));
        QCOMPARE(pg.values().size(), 2);
        QCOMPARE(pg.values().at(0).toString(), QStringLiteral("x' OR 1=1"));

        SqlStatement lite(SqlDialect::SQLite);
        lite << QStringLiteral("a = ") << lite.bind(1) << QStringLiteral(", b = ") << lite.bind(2);
        QCOMPARE(lite.sql(), QStringLiteral("a = ?, b = ?"));
    }
};

QTEST_GUILESS_MAIN(TestSqlDialect)
#include "tst_sqldialect.moc"
