// The SQL of `prisma migrate diff --script` and its summary, byte for byte, for every case of
// tests/data/sql/golden/cases.tsv (goldens written by Prisma 7's schema engine through the
// oracle; regen.sh rebuilds them). No database: both sides are schema files or nothing.

#include "SqlTestData.h"
#include "core/sql/DriftSummary.h"
#include "core/sql/MigrationScript.h"
#include "core/sql/SchemaDiffer.h"

#include <QtTest>

using namespace gh;
using namespace gh::sqltest;

class tst_SqlGolden : public QObject
{
    Q_OBJECT

private:
    static sql::Migration migration(const QString &from, const QString &to)
    {
        const sql::SqlFlavour *flavour = nullptr;
        sql::SqlSchema previous;
        sql::SqlSchema next;
        if (from != QLatin1String("empty"))
            previous = sqlSchema(from, &flavour);
        if (to != QLatin1String("empty"))
            next = sqlSchema(to, &flavour);
        return sql::SchemaDiffer::diff(std::move(previous), std::move(next), *flavour);
    }

private slots:
    void diff_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        const QList<QByteArray> lines =
            readFile(goldenDir() + QStringLiteral("cases.tsv")).split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.split('\t');
            if (fields.size() != 3)
                continue;
            const QString name = QString::fromUtf8(fields.at(0));
            QTest::newRow(qPrintable(name))
                << name << QString::fromUtf8(fields.at(1)) << QString::fromUtf8(fields.at(2));
        }
    }

    void diff()
    {
        QFETCH(QString, name);
        QFETCH(QString, from);
        QFETCH(QString, to);
        const sql::Migration result = migration(from, to);
        const QString expected = QString::fromUtf8(readFile(goldenDir() + name + ".sql"));
        QCOMPARE(engineOutput(sql::MigrationScript::render(result)), expected);
    }

    void summary_data() { diff_data(); }

    void summary()
    {
        QFETCH(QString, name);
        QFETCH(QString, from);
        QFETCH(QString, to);
        const sql::Migration result = migration(from, to);
        const QString expected = QString::fromUtf8(readFile(goldenDir() + name + ".summary.txt"));
        QCOMPARE(engineOutput(sql::DriftSummary::render(result)), expected);
    }

    void emptyDiffHasNoSteps()
    {
        const sql::Migration result = migration(QStringLiteral("authjs/authjs-postgres.prisma"),
                                                QStringLiteral("authjs/authjs-postgres.prisma"));
        QVERIFY(result.isEmpty());
        QCOMPARE(sql::MigrationScript::render(result),
                 QStringLiteral("-- This is an empty migration."));
    }
};

QTEST_GUILESS_MAIN(tst_SqlGolden)
#include "tst_sqlgolden.moc"
