#pragma once

#include "core/auth/RecordPage.h"

#include <QAbstractTableModel>
#include <QSet>

namespace gh::ui {

/// A table of Auth.js records: one column per Prisma field, timestamps in local time with the
/// UTC value in the tooltip, secrets masked until revealed cell by cell. Pure view state: rows
/// arrive from a loader that runs off the GUI thread.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// The raw value of a cell (the UTC QDateTime, the unmasked secret) for copy and detail views.
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit RecordTableModel(QObject *parent = nullptr);

    void setRecords(const RecordPage &page);
    void appendRows(const QVector<QVariantList> &rows);
    void clear();

    const QVector<AuthField> &fields() const { return m_fields; }
    /// Shows one secret cell in clear; everything else stays masked.
    void revealSecret(const QModelIndex &index);
    bool isSecretRevealed(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<AuthField> m_fields;
    QVector<QVariantList> m_rows;
    QSet<quint64> m_revealed; // row << 32 | column
};

} // namespace gh::ui
