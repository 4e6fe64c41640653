#include "ui/inspector/RecordTableModel.h"

#include "ui/inspector/RecordRoles.h"

namespace gh::ui {

namespace {

quint64 cellKey(const QModelIndex &index)
{
    return (quint64(index.row()) << 32) | quint64(index.column());
}

} // namespace

RecordTableModel::RecordTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RecordTableModel::setRecords(const RecordPage &page)
{
    beginResetModel();
    m_page = page;
    m_columns = RecordColumns(page.fields);
    m_revealed.clear();
    endResetModel();
}

void RecordTableModel::clear()
{
    setRecords(RecordPage());
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_page.rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns.count();
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_page.rows.size())
        return QVariant();
    if (role == UserIdRole)
        return m_page.userIdOf(index.row());
    if (role == LoadedRole)
        return true;
    return m_columns.data(m_page.rows, index.row(), index.column(),
                          m_revealed.contains(cellKey(index)), role);
}

bool RecordTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != RevealedRole || !index.isValid() || !index.data(SecretRole).toBool())
        return false;
    if (value.toBool())
        m_revealed.insert(cellKey(index));
    else
        m_revealed.remove(cellKey(index));
    Q_EMIT dataChanged(index, index);
    return true;
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_columns.headerData(section, role);
    if (role == Qt::DisplayRole)
        return section + 1;
    return QVariant();
}

} // namespace gh::ui
