#include "ui/inspector/RecordTableModel.h"

#include "core/auth/RecordWriter.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace gh::ui {

namespace {

quint64 cellKey(const QModelIndex &index)
{
    return (quint64(index.row()) << 32) | quint64(index.column());
}

} // namespace

RecordTableModel::RecordTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RecordTableModel::setRecords(const RecordPage &page)
{
    beginResetModel();
    m_fields = page.fields;
    m_rows = page.rows;
    m_revealed.clear();
    endResetModel();
}

void RecordTableModel::appendRows(const QVector<QVariantList> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    endInsertRows();
}

void RecordTableModel::clear()
{
    setRecords(RecordPage());
}

void RecordTableModel::revealSecret(const QModelIndex &index)
{
    if (!index.isValid() || !m_fields.at(index.column()).secret)
        return;
    m_revealed.insert(cellKey(index));
    Q_EMIT dataChanged(index, index);
}

bool RecordTableModel::isSecretRevealed(const QModelIndex &index) const
{
    return m_revealed.contains(cellKey(index));
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_fields.size())
        return QVariant();
    const AuthField &field = m_fields.at(index.column());
    const QVariant value = m_rows.at(index.row()).value(index.column());

    switch (role) {
    case Qt::DisplayRole: {
        if (value.isNull())
            return QVariant();
        if (field.type == FieldType::DateTime)
            return QLocale().toString(value.toDateTime().toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const auto secrets = isSecretRevealed(index) ? RecordWriter::Secrets::Revealed
                                                     : RecordWriter::Secrets::Masked;
        return RecordWriter::displayText(value, field, secrets);
    }
    case Qt::ToolTipRole:
        if (field.type == FieldType::DateTime && !value.isNull())
            return tr("%1 UTC").arg(value.toDateTime().toUTC().toString(Qt::ISODateWithMs));
        if (field.secret && !isSecretRevealed(index))
            return tr("Secret: masked. Use Reveal to show it.");
        return QVariant();
    case Qt::ForegroundRole:
        return QVariant();
    case Qt::FontRole:
        if (value.isNull() || (field.secret && !isSecretRevealed(index))) {
            QFont font;
            font.setItalic(value.isNull());
            return font;
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        if (field.type == FieldType::Int)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case RawValueRole:
        return value;
    default:
        return QVariant();
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_fields.size()) {
        const AuthField &field = m_fields.at(section);
        if (role == Qt::DisplayRole)
            return field.name;
        if (role == Qt::ToolTipRole)
            return field.column == field.name ? tr("Column \"%1\"").arg(field.column)
                                              : tr("Field %1, column \"%2\"").arg(field.name, field.column);
    }
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    return QVariant();
}

} // namespace gh::ui
