#include "ui/revoke/AuditLogModel.h"

#include <QBrush>
#include <QColor>
#include <QJsonObject>
#include <QLocale>

namespace gh::ui {

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AuditLogModel::setEntries(const QVector<AuditEntry> &oldestFirst)
{
    beginResetModel();
    m_entries.clear();
    m_entries.reserve(oldestFirst.size());
    for (auto it = oldestFirst.crbegin(); it != oldestFirst.crend(); ++it)
        m_entries << *it;
    endResetModel();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return QVariant();
    const AuditEntry &e = m_entries.at(index.row());
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case OsUser:
            return e.osUser;
        case Database:
            return e.database;
        case Action:
            return e.action;
        case Filter:
            return e.filterText();
        case Rows:
            return locale.toString(e.rows);
        case Result:
            return AuditEntry::outcomeName(e.outcome);
        }
    } else if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return tr("%1 UTC").arg(e.time.toUTC().toString(Qt::ISODateWithMs));
        case OsUser:
            return e.host.isEmpty() ? e.osUser : tr("%1 on %2").arg(e.osUser, e.host);
        case Database:
            return e.database;
        case Action:
            return e.application.isEmpty() ? e.action : tr("%1 (%2)").arg(e.action, e.application);
        case Filter:
            return e.filterText();
        case Rows: {
            QStringList lines;
            for (auto it = e.counts.begin(); it != e.counts.end(); ++it)
                lines << tr("%1: %2").arg(it.key(), locale.toString(it.value().toInteger()));
            if (!e.tokenHashes.isEmpty() || e.tokensNotListed > 0)
                lines << tr("%1 session token hashes logged").arg(e.tokenHashes.size()) +
                             (e.tokensNotListed > 0
                                  ? tr(", %1 more counted only").arg(e.tokensNotListed)
                                  : QString());
            lines << tr("%1 ms").arg(e.durationMs);
            return lines.join(QLatin1Char('\n'));
        }
        case Result:
            return e.error.isEmpty() ? AuditEntry::outcomeName(e.outcome) : e.error;
        }
    } else if (role == Qt::ForegroundRole && index.column() == Result) {
        if (e.outcome == AuditEntry::Outcome::Failed)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (e.outcome == AuditEntry::Outcome::Cancelled)
            return QBrush(QColor(0x9a, 0x5b, 0x00));
    } else if (role == Qt::TextAlignmentRole && index.column() == Rows) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return QVariant();
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case OsUser:
        return tr("OS User");
    case Database:
        return tr("Database");
    case Action:
        return tr("Action");
    case Filter:
        return tr("Filter");
    case Rows:
        return tr("Rows");
    case Result:
        return tr("Result");
    }
    return QVariant();
}

} // namespace gh::ui
