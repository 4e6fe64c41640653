#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RecordRows.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QVariant>

namespace gh::ui {

/// The columns of a record table: one per Prisma field, plus a computed "expires in" column after
/// a DateTime `expires` field (sessions, verification tokens). Shared by the big-table model and
/// the detail pane's tables so that they look and sort alike.
class RecordColumns
{
public:
    RecordColumns() = default;
    explicit RecordColumns(QVector<AuthField> fields, bool relativeExpiry = true);

    int count() const { return int(m_fieldOfColumn.size()); }
    const QVector<AuthField> &fields() const { return m_fields; }
    /// The index in fields() a column shows, or -1 for the computed expiry column.
    int fieldIndex(int column) const { return m_fieldOfColumn.value(column, -1); }
    bool isExpiryColumn(int column) const;
    /// The column that shows this Prisma field, or -1.
    int columnOf(const QString &fieldName) const;
    /// The Prisma field a click on this column's header sorts by.
    QString sortField(int column) const;

    QVariant headerData(int column, int role) const;
    /// One cell of a row of `rows` (values in fields() order). Reads only the field(s) the
    /// column shows, so a lazily converted row converts no other cell.
    QVariant data(const RecordRows &rows, int row, int column, bool revealed, int role) const;
    /// Every role of `roles` for one cell, as QAbstractItemModel::multiData() asks a view's
    /// delegate's seven at once: the cell read, and the clock asked, once for all of them.
    /// `display`, if given, is the cell's display text made beforehand (ScreenTexts; a field's
    /// column only), answered for Qt::DisplayRole instead of formatting the cell.
    void multiData(const RecordRows &rows, int row, int column, bool revealed,
                   QModelRoleDataSpan roles, QString *display = nullptr) const;

private:
    QVector<AuthField> m_fields;
    QVector<int> m_fieldOfColumn;
    int m_expiresField = -1;
};

} // namespace gh::ui
