// MigrationStatus::compute, Prisma's diagnoseMigrationHistory: which migrations are applied,
// pending, failed, edited, or missing locally, and what `prisma migrate status` exits with.
// Cases were checked against the oracle (prisma-oracle.mjs status, the real Prisma 7 engine).

#include "core/migrate/MigrationStatus.h"

#include <QtTest>

using namespace gh;
using History = MigrationStatus::History;

Q_DECLARE_METATYPE(MigrationStatus::History)

namespace {

MigrationDirectory local(const QString &name)
{
    MigrationDirectory migration;
    migration.name = name;
    migration.path = QStringLiteral("/m/") + name;
    migration.script = "-- " + name.toUtf8() + "\nSELECT 1;\n";
    migration.hasScript = true;
    return migration;
}

/// A row described as "name" (applied) with flags: "!" failed, "~" rolled back, "*" recorded
/// with another checksum.
MigrationRecord row(const QString &spec, int order)
{
    MigrationRecord record;
    QString name = spec;
    QString flags;
    while (!name.isEmpty() && QStringLiteral("!~*").contains(name.back())) {
        flags += name.back();
        name.chop(1);
    }
    record.id = QStringLiteral("id-%1").arg(order);
    record.migrationName = name;
    record.checksum =
        flags.contains(QLatin1Char('*')) ? QString(64, QLatin1Char('f')) : local(name).checksum();
    record.startedAtMicros = 1735689600000000LL + order * 1000000LL;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(record.startedAtMicros / 1000, Qt::UTC);
    if (!flags.contains(QLatin1Char('!')) && !flags.contains(QLatin1Char('~')))
        record.finishedAt = at;
    if (flags.contains(QLatin1Char('~')))
        record.rolledBackAt = at;
    return record;
}

MigrationStatus statusOf(const QStringList &localNames, const QStringList &rows,
                         bool hasTable = true)
{
    QVector<MigrationDirectory> locals;
    for (const QString &name : localNames)
        locals << local(name);
    QVector<MigrationRecord> records;
    for (int i = 0; i < rows.size(); ++i)
        records << row(rows.at(i), i);
    return MigrationStatus::compute(locals, records, hasTable);
}

} // namespace

class TestMigrationStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diagnosesHistory_data()
    {
        QTest::addColumn<QStringList>("localNames");
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<bool>("hasTable");
        QTest::addColumn<History>("history");
        QTest::addColumn<QStringList>("unapplied");
        QTest::addColumn<QStringList>("unpersisted");
        QTest::addColumn<QString>("lastCommon");
        QTest::addColumn<QStringList>("failed");
        QTest::addColumn<QStringList>("edited");
        QTest::addColumn<int>("exitCode");

        const QString a = QStringLiteral("1_a"), b = QStringLiteral("2_b"),
                      c = QStringLiteral("3_c");
        QTest::newRow("no table, no migrations: not managed")
            << QStringList{} << QStringList{} << false << History::InSync << QStringList{}
            << QStringList{} << QString() << QStringList{} << QStringList{} << 1;
        QTest::newRow("no table, migrations: all pending")
            << QStringList{a, b} << QStringList{} << false << History::DatabaseIsBehind
            << QStringList{a, b} << QStringList{} << QString() << QStringList{} << QStringList{}
            << 1;
        QTest::newRow("empty table, no migrations: up to date")
            << QStringList{} << QStringList{} << true << History::InSync << QStringList{}
            << QStringList{} << QString() << QStringList{} << QStringList{} << 0;
        QTest::newRow("all applied")
            << QStringList{a, b} << QStringList{a, b} << true << History::InSync << QStringList{}
            << QStringList{} << QString() << QStringList{} << QStringList{} << 0;
        QTest::newRow("one pending")
            << QStringList{a, b, c} << QStringList{a, b} << true << History::DatabaseIsBehind
            << QStringList{c} << QStringList{} << QString() << QStringList{} << QStringList{} << 1;
        // Prisma says "Database schema is up to date!" and exits 0 here.
        QTest::newRow("applied row missing locally")
            << QStringList{a} << QStringList{a, b} << true << History::MigrationsDirectoryIsBehind
            << QStringList{} << QStringList{b} << QString() << QStringList{} << QStringList{} << 0;
        QTest::newRow("diverged") << QStringList{a, c} << QStringList{a, b} << true
                                  << History::HistoriesDiverge << QStringList{c} << QStringList{b}
                                  << a << QStringList{} << QStringList{} << 1;
        QTest::newRow("diverged from the first migration")
            << QStringList{c} << QStringList{b} << true << History::HistoriesDiverge
            << QStringList{c} << QStringList{b} << QString() << QStringList{} << QStringList{} << 1;
        QTest::newRow("failed") << QStringList{a, b} << QStringList{a, b + QLatin1Char('!')} << true
                                << History::InSync << QStringList{} << QStringList{} << QString()
                                << QStringList{b} << QStringList{} << 1;
        QTest::newRow("failed and pending: pending is reported first")
            << QStringList{a, b, c} << QStringList{a, b + QLatin1Char('!')} << true
            << History::DatabaseIsBehind << QStringList{c} << QStringList{} << QString()
            << QStringList{b} << QStringList{} << 1;
        // Prisma 7 ignores rolled-back rows: the migration is pending again.
        QTest::newRow("rolled back is pending again")
            << QStringList{a, b} << QStringList{a, b + QLatin1Char('~')} << true
            << History::DatabaseIsBehind << QStringList{b} << QStringList{} << QString()
            << QStringList{} << QStringList{} << 1;
        QTest::newRow("rolled back, then retried with an edited script")
            << QStringList{a, b} << QStringList{a, b + QStringLiteral("~*"), b} << true
            << History::InSync << QStringList{} << QStringList{} << QString() << QStringList{}
            << QStringList{} << 0;
        QTest::newRow("rolled back row without folder is ignored")
            << QStringList{a} << QStringList{a, b + QLatin1Char('~')} << true << History::InSync
            << QStringList{} << QStringList{} << QString() << QStringList{} << QStringList{} << 0;
        // Edited migrations do not change `prisma migrate status`'s answer.
        QTest::newRow("edited") << QStringList{a, b} << QStringList{a + QLatin1Char('*'), b} << true
                                << History::InSync << QStringList{} << QStringList{} << QString()
                                << QStringList{} << QStringList{a} << 0;
    }

    void diagnosesHistory()
    {
        QFETCH(QStringList, localNames);
        QFETCH(QStringList, rows);
        QFETCH(bool, hasTable);
        QFETCH(History, history);
        QFETCH(QStringList, unapplied);
        QFETCH(QStringList, unpersisted);
        QFETCH(QString, lastCommon);
        QFETCH(QStringList, failed);
        QFETCH(QStringList, edited);
        QFETCH(int, exitCode);

        const MigrationStatus status = statusOf(localNames, rows, hasTable);
        QCOMPARE(status.history, history);
        QCOMPARE(status.unappliedMigrationNames, unapplied);
        QCOMPARE(status.unpersistedMigrationNames, unpersisted);
        QCOMPARE(status.lastCommonMigrationName, lastCommon);
        QCOMPARE(status.failedMigrationNames, failed);
        QCOMPARE(status.editedMigrationNames, edited);
        QCOMPARE(status.exitCode(), exitCode);
        QCOMPARE(status.isUpToDate(), exitCode == 0);
        QCOMPARE(status.localMigrationCount, int(localNames.size()));
    }

    void entriesListEveryMigrationOnce()
    {
        const MigrationStatus status =
            statusOf({QStringLiteral("1_a"), QStringLiteral("2_b"), QStringLiteral("3_c")},
                     {QStringLiteral("1_a*"), QStringLiteral("2_b!"), QStringLiteral("9_gone")});
        QCOMPARE(status.entries.size(), 4);
        QCOMPARE(status.entries.at(0).state, MigrationStatus::State::Applied);
        QVERIFY(status.entries.at(0).edited);
        QCOMPARE(status.entries.at(1).state, MigrationStatus::State::Failed);
        QCOMPARE(status.entries.at(2).state, MigrationStatus::State::Pending);
        QVERIFY(!status.entries.at(2).record.has_value());
        QCOMPARE(status.entries.at(3).name, QStringLiteral("9_gone"));
        QCOMPARE(status.entries.at(3).state, MigrationStatus::State::MissingLocally);
    }

    void missingScriptWithARowIsReported()
    {
        QVector<MigrationDirectory> locals{local(QStringLiteral("1_a")),
                                           local(QStringLiteral("2_b"))};
        locals[0].hasScript = false;
        locals[0].script.clear();
        locals[1].hasScript = false;
        const MigrationStatus status =
            MigrationStatus::compute(locals, {row(QStringLiteral("1_a"), 0)}, true);
        // 2_b has no row: it is simply pending (Prisma fails only when it must read the file).
        QCOMPARE(status.missingScriptNames, QStringList{QStringLiteral("1_a")});
        QCOMPARE(status.editedMigrationNames, QStringList{});
        QCOMPARE(status.unappliedMigrationNames, QStringList{QStringLiteral("2_b")});
    }

    void jsonHasPrismasDiagnoseFields()
    {
        // The shape prisma-oracle.mjs status printed for a diverged history.
        const MigrationStatus status = statusOf({QStringLiteral("1_a"), QStringLiteral("3_c")},
                                                {QStringLiteral("1_a"), QStringLiteral("2_b")});
        const QJsonObject json = status.toJson();
        QCOMPARE(json.value(QStringLiteral("editedMigrationNames")).toArray(), QJsonArray());
        QCOMPARE(json.value(QStringLiteral("failedMigrationNames")).toArray(), QJsonArray());
        QCOMPARE(json.value(QStringLiteral("hasMigrationsTable")).toBool(), true);
        const QJsonObject expectedHistory{
            {QStringLiteral("diagnostic"), QStringLiteral("historiesDiverge")},
            {QStringLiteral("lastCommonMigrationName"), QStringLiteral("1_a")},
            {QStringLiteral("unpersistedMigrationNames"), QJsonArray{QStringLiteral("2_b")}},
            {QStringLiteral("unappliedMigrationNames"), QJsonArray{QStringLiteral("3_c")}}};
        QCOMPARE(json.value(QStringLiteral("history")).toObject(), expectedHistory);
        QCOMPARE(json.value(QStringLiteral("migrations")).toArray().size(), 3);

        const QJsonObject inSync =
            statusOf({QStringLiteral("1_a")}, {QStringLiteral("1_a")}).toJson();
        QVERIFY(inSync.value(QStringLiteral("history")).isNull());
    }

    void startedAtIsPrintedLikeChrono_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("text");
        QTest::newRow("whole second") << Q_INT64_C(1735689600000000) << "2025-01-01 00:00:00 UTC";
        QTest::newRow("milliseconds")
            << Q_INT64_C(1735689600315000) << "2025-01-01 00:00:00.315 UTC";
        QTest::newRow("leading zero ms")
            << Q_INT64_C(1735689600005000) << "2025-01-01 00:00:00.005 UTC";
        QTest::newRow("microseconds")
            << Q_INT64_C(1735689600315123) << "2025-01-01 00:00:00.315123 UTC";
    }

    void startedAtIsPrintedLikeChrono()
    {
        QFETCH(qint64, micros);
        QFETCH(QString, text);
        MigrationRecord record;
        record.startedAtMicros = micros;
        QCOMPARE(record.startedAtText(), text);
    }
};

QTEST_GUILESS_MAIN(TestMigrationStatus)
#include "tst_migrationstatus.moc"
