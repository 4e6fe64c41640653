#include "ui/migrate/MigrationListModel.h"

#include <QLocale>

namespace gh::ui {

namespace {

MigrationIcons::Kind kindOf(const MigrationStatus::Entry &entry)
{
    switch (entry.state) {
    case MigrationStatus::State::Failed:
        return MigrationIcons::Kind::Failed;
    case MigrationStatus::State::MissingLocally:
        return MigrationIcons::Kind::MissingLocally;
    case MigrationStatus::State::Pending:
        return MigrationIcons::Kind::Pending;
    case MigrationStatus::State::Applied:
        return entry.edited ? MigrationIcons::Kind::Edited : MigrationIcons::Kind::Applied;
    }
    return MigrationIcons::Kind::Unknown;
}

QString localTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString utcTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
}

} // namespace

MigrationListModel::MigrationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MigrationListModel::setOverview(const MigrationOverview &overview)
{
    beginResetModel();
    m_rows.clear();
    if (overview.status) {
        for (const MigrationStatus::Entry &entry : overview.status->entries) {
            Row row;
            row.name = entry.name;
            row.state = entry.state;
            row.kind = kindOf(entry);
            row.edited = entry.edited;
            row.scriptMissing = entry.scriptMissing;
            row.record = entry.record;
            if (overview.folder) {
                if (const MigrationDirectory *local = overview.folder->find(entry.name)) {
                    row.hasLocalFolder = true;
                    row.script = local->script;
                    row.scriptPath = local->scriptPath();
                }
            }
            m_rows << row;
        }
    } else if (overview.folder) {
        for (const MigrationDirectory &local : overview.folder->migrations()) {
            Row row;
            row.name = local.name;
            row.hasLocalFolder = true;
            row.scriptMissing = !local.hasScript;
            row.script = local.script;
            row.scriptPath = local.scriptPath();
            m_rows << row;
        }
    }
    endResetModel();
}

void MigrationListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const MigrationListModel::Row *MigrationListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int MigrationListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name == name)
            return i;
    }
    return -1;
}

int MigrationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MigrationListModel::stateText(const Row &row)
{
    if (!row.state)
        return tr("Unknown");
    switch (*row.state) {
    case MigrationStatus::State::Applied:
        return row.edited ? tr("Applied, edited since") : tr("Applied");
    case MigrationStatus::State::Pending:
        return row.scriptMissing ? tr("Pending, no migration.sql") : tr("Pending");
    case MigrationStatus::State::Failed:
        return tr("Failed");
    case MigrationStatus::State::MissingLocally:
        return tr("Not in the folder");
    }
    return QString();
}

QVariant MigrationListModel::data(const QModelIndex &index, int role) const
{
    const Row *row = rowAt(index.row());
    if (!row || !index.isValid())
        return QVariant();
    if (role == NameRole)
        return row->name;
    if (role == KindRole)
        return int(row->kind);

    const QDateTime applied =
        row->record && row->record->isFinished() ? row->record->finishedAt : QDateTime();
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return row->name;
        if (role == Qt::DecorationRole)
            return MigrationIcons::icon(row->kind);
        if (role == Qt::ToolTipRole)
            return row->scriptPath.isEmpty() ? row->name : row->scriptPath;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return stateText(*row);
        if (role == Qt::ToolTipRole && row->state == MigrationStatus::State::MissingLocally)
            return tr("The database recorded this migration but the migrations folder has no "
                      "folder of that name: the histories have diverged.");
        break;
    case AppliedColumn:
        if (role == Qt::DisplayRole) {
            if (applied.isValid())
                return localTime(applied);
            if (row->record)
                return tr("started %1").arg(localTime(row->record->startedAt()));
            return QString();
        }
        if (role == Qt::ToolTipRole) {
            if (applied.isValid())
                return tr("Finished %1\nStarted %2")
                    .arg(utcTime(applied), utcTime(row->record->startedAt()));
            if (row->record)
                return tr("Started %1").arg(utcTime(row->record->startedAt()));
        }
        break;
    case ChecksumColumn:
        if (role == Qt::DisplayRole) {
            if (row->scriptMissing)
                return tr("No migration.sql");
            if (!row->hasLocalFolder)
                return tr("—");
            if (!row->record)
                return row->state ? tr("Not recorded yet") : QString();
            return row->edited ? tr("Differs from the recorded one") : tr("Matches");
        }
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            if (row->hasLocalFolder && !row->scriptMissing)
                lines << tr("Local: %1").arg(MigrationChecksum::compute(row->script));
            if (row->record)
                lines << tr("Recorded: %1").arg(row->record->checksum);
            return lines.join(QLatin1Char('\n'));
        }
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant MigrationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Migration");
    case StateColumn:
        return tr("Status");
    case AppliedColumn:
        return tr("Applied");
    case ChecksumColumn:
        return tr("Checksum");
    default:
        return QVariant();
    }
}

} // namespace gh::ui
