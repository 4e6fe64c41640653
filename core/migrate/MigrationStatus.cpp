#include "core/migrate/MigrationStatus.h"

#include "core/migrate/MigrationChecksum.h"

#include <QJsonArray>
#include <algorithm>

namespace gh {

namespace {

const MigrationRecord *firstNamed(const QVector<const MigrationRecord *> &records,
                                  const QString &name)
{
    for (const MigrationRecord *record : records) {
        if (record->migrationName == name)
            return record;
    }
    return nullptr;
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

MigrationStatus MigrationStatus::compute(const QVector<MigrationDirectory> &local,
                                         const QVector<MigrationRecord> &records,
                                         bool hasMigrationsTable)
{
    MigrationStatus status;
    status.hasMigrationsTable = hasMigrationsTable;
    status.localMigrationCount = int(local.size());

    // Prisma 7's diagnosis ignores rolled-back rows: a migration whose only row was rolled back
    // is pending again (and `migrate deploy` applies it again).
    QVector<const MigrationRecord *> counted;
    for (const MigrationRecord &record : records) {
        if (!record.isRolledBack())
            counted << &record;
    }

    int firstUnappliedIndex = -1;
    for (int i = 0; i < local.size(); ++i) {
        const MigrationDirectory &migration = local.at(i);
        Entry entry;
        entry.name = migration.name;
        entry.scriptMissing = !migration.hasScript;
        const MigrationRecord *record = firstNamed(counted, migration.name);
        if (!record) {
            status.unappliedMigrationNames << migration.name;
            if (firstUnappliedIndex < 0)
                firstUnappliedIndex = i;
        } else {
            entry.record = *record;
            entry.state = record->isFailed() ? State::Failed : State::Applied;
            if (!migration.hasScript) {
                status.missingScriptNames << migration.name;
            } else if (!MigrationChecksum::matches(migration.script, record->checksum)) {
                entry.edited = true;
                status.editedMigrationNames << migration.name;
            }
        }
        status.entries << entry;
    }

    for (const MigrationRecord *record : counted) {
        if (record->isFailed())
            status.failedMigrationNames << record->migrationName;
        const bool inFolder =
            std::any_of(local.begin(), local.end(), [&](const MigrationDirectory &m) {
                return m.name == record->migrationName;
            });
        if (inFolder)
            continue;
        status.unpersistedMigrationNames << record->migrationName;
        Entry entry;
        entry.name = record->migrationName;
        entry.state = record->isFailed() ? State::Failed : State::MissingLocally;
        entry.record = *record;
        status.entries << entry;
    }

    const bool behind = !status.unappliedMigrationNames.isEmpty();
    const bool ahead = !status.unpersistedMigrationNames.isEmpty();
    if (behind && ahead) {
        status.history = History::HistoriesDiverge;
        if (firstUnappliedIndex > 0)
            status.lastCommonMigrationName = local.at(firstUnappliedIndex - 1).name;
    } else if (behind) {
        status.history = History::DatabaseIsBehind;
    } else if (ahead) {
        status.history = History::MigrationsDirectoryIsBehind;
    }
    return status;
}

bool MigrationStatus::isUpToDate() const
{
    return exitCode() == 0;
}

int MigrationStatus::exitCode() const
{
    if (history == History::DatabaseIsBehind || history == History::HistoriesDiverge)
        return 1;
    if (!hasMigrationsTable)
        return 1;
    return failedMigrationNames.isEmpty() ? 0 : 1;
}

QString MigrationStatus::stateName(State state)
{
    switch (state) {
    case State::Applied:
        return QStringLiteral("applied");
    case State::Pending:
        return QStringLiteral("pending");
    case State::Failed:
        return QStringLiteral("failed");
    case State::MissingLocally:
        return QStringLiteral("missingLocally");
    }
    return QString();
}

QJsonObject MigrationStatus::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("editedMigrationNames"),
                QJsonArray::fromStringList(editedMigrationNames));
    json.insert(QStringLiteral("failedMigrationNames"),
                QJsonArray::fromStringList(failedMigrationNames));
    json.insert(QStringLiteral("hasMigrationsTable"), hasMigrationsTable);
    QJsonValue historyValue;
    switch (history) {
    case History::InSync:
        break;
    case History::DatabaseIsBehind:
        historyValue =
            QJsonObject{{QStringLiteral("diagnostic"), QStringLiteral("databaseIsBehind")},
                        {QStringLiteral("unappliedMigrationNames"),
                         QJsonArray::fromStringList(unappliedMigrationNames)}};
        break;
    case History::MigrationsDirectoryIsBehind:
        historyValue = QJsonObject{
            {QStringLiteral("diagnostic"), QStringLiteral("migrationsDirectoryIsBehind")},
            {QStringLiteral("unpersistedMigrationNames"),
             QJsonArray::fromStringList(unpersistedMigrationNames)}};
        break;
    case History::HistoriesDiverge:
        historyValue =
            QJsonObject{{QStringLiteral("diagnostic"), QStringLiteral("historiesDiverge")},
                        {QStringLiteral("lastCommonMigrationName"),
                         lastCommonMigrationName.isEmpty() ? QJsonValue()
                                                           : QJsonValue(lastCommonMigrationName)},
                        {QStringLiteral("unpersistedMigrationNames"),
                         QJsonArray::fromStringList(unpersistedMigrationNames)},
                        {QStringLiteral("unappliedMigrationNames"),
                         QJsonArray::fromStringList(unappliedMigrationNames)}};
        break;
    }
    json.insert(QStringLiteral("history"), historyValue);

    QJsonArray migrations;
    for (const Entry &entry : entries) {
        QJsonObject item{{QStringLiteral("name"), entry.name},
                         {QStringLiteral("state"), stateName(entry.state)},
                         {QStringLiteral("edited"), entry.edited}};
        if (entry.scriptMissing)
            item.insert(QStringLiteral("scriptMissing"), true);
        if (entry.record) {
            item.insert(QStringLiteral("startedAt"), timeValue(entry.record->startedAt()));
            item.insert(QStringLiteral("finishedAt"), timeValue(entry.record->finishedAt));
            item.insert(QStringLiteral("checksum"), entry.record->checksum);
            if (!entry.record->logs.isEmpty())
                item.insert(QStringLiteral("logs"), entry.record->logs);
        }
        migrations.append(item);
    }
    json.insert(QStringLiteral("migrations"), migrations);
    if (drift) {
        json.insert(QStringLiteral("drift"),
                    QJsonObject{{QStringLiteral("detected"), drift->detected},
                                {QStringLiteral("summary"), drift->summary},
                                {QStringLiteral("error"), drift->error}});
    }
    if (lockHolder)
        json.insert(QStringLiteral("lockHolder"), lockHolder->describe());
    return json;
}

} // namespace gh
