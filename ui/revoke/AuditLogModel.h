#pragma once

#include "core/auth/AuditEntry.h"

#include <QAbstractTableModel>
#include <QVector>

namespace gh::ui {

/// The audit log as a table, newest first: time (local, UTC in the tooltip), the
/// operating-system user, the database (its redacted URL), the action, the filter, the rows
/// removed and how it ended.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, OsUser, Database, Action, Filter, Rows, Result, ColumnCount };

    explicit AuditLogModel(QObject *parent = nullptr);

    /// Entries as AuditLog::read() gives them (oldest first).
    void setEntries(const QVector<AuditEntry> &oldestFirst);
    const AuditEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<AuditEntry> m_entries; ///< newest first
};

} // namespace gh::ui
