#pragma once

#include "core/auth/RecordPage.h"
#include "ui/inspector/RecordColumns.h"

#include <QAbstractTableModel>
#include <QSet>

namespace gh::ui {

/// A small table of Auth.js records held in full: the detail pane's accounts, sessions,
/// authenticators and tokens of one user. Cells look like the big tables' (RecordColumns):
/// local timestamps with UTC tooltips, secrets masked until revealed cell by cell.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit RecordTableModel(QObject *parent = nullptr);

    void setRecords(const RecordPage &page);
    void clear();

    const RecordPage &records() const { return m_page; }
    const RecordColumns &columns() const { return m_columns; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// RevealedRole reveals (true) or masks again (false) one secret cell.
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    RecordPage m_page;
    RecordColumns m_columns;
    QSet<quint64> m_revealed; // row << 32 | column
};

} // namespace gh::ui
