#include "ui/inspector/RecordColumns.h"

#include "ui/inspector/RecordFormatter.h"

#include <QCoreApplication>

namespace gh::ui {

RecordColumns::RecordColumns(QVector<AuthField> fields, bool relativeExpiry)
    : m_fields(std::move(fields))
{
    for (int f = 0; f < m_fields.size(); ++f) {
        m_fieldOfColumn << f;
        const AuthField &field = m_fields.at(f);
        if (relativeExpiry && field.logicalName() == QLatin1String("expires") &&
            field.type == FieldType::DateTime) {
            m_expiresField = f;
            m_fieldOfColumn << -1;
        }
    }
}

bool RecordColumns::isExpiryColumn(int column) const
{
    return column >= 0 && column < count() && m_fieldOfColumn.at(column) < 0;
}

int RecordColumns::columnOf(const QString &fieldName) const
{
    for (int c = 0; c < count(); ++c) {
        const int f = m_fieldOfColumn.at(c);
        if (f >= 0 &&
            (m_fields.at(f).logicalName() == fieldName || m_fields.at(f).name == fieldName))
            return c;
    }
    return -1;
}

QString RecordColumns::sortField(int column) const
{
    if (column < 0 || column >= count())
        return QString();
    const int f = m_fieldOfColumn.at(column);
    return m_fields.at(f < 0 ? m_expiresField : f).name;
}

QVariant RecordColumns::headerData(int column, int role) const
{
    if (column < 0 || column >= count())
        return QVariant();
    const int f = m_fieldOfColumn.at(column);
    if (f < 0) {
        if (role == Qt::DisplayRole)
            return QCoreApplication::translate("gh::ui::RecordColumns", "expires in");
        if (role == Qt::ToolTipRole)
            return QCoreApplication::translate("gh::ui::RecordColumns",
                                               "Time left until \"expires\", or since it passed");
        return QVariant();
    }
    const AuthField &field = m_fields.at(f);
    if (role == Qt::DisplayRole)
        return field.name;
    if (role == Qt::ToolTipRole) {
        QString tip =
            field.column == field.name
                ? QCoreApplication::translate("gh::ui::RecordColumns", "Column \"%1\"")
                      .arg(field.column)
                : QCoreApplication::translate("gh::ui::RecordColumns", "Field %1, column \"%2\"")
                      .arg(field.name, field.column);
        if (field.secret)
            tip += QCoreApplication::translate("gh::ui::RecordColumns", " (secret, masked)");
        return tip;
    }
    return QVariant();
}

QVariant RecordColumns::data(const RecordRows &rows, int row, int column, bool revealed,
                             int role) const
{
    if (column < 0 || column >= count())
        return QVariant();
    const int f = m_fieldOfColumn.at(column);
    if (f < 0) {
        return RecordFormatter::expiryData(
            rows.value(row, m_expiresField),
            RecordFormatter::isClockRole(role) ? QDateTime::currentDateTimeUtc() : QDateTime(),
            role);
    }
    return RecordFormatter::cellData(m_fields.at(f), rows.value(row, f), revealed, role);
}

void RecordColumns::multiData(const RecordRows &rows, int row, int column, bool revealed,
                              QModelRoleDataSpan roles, QString *display) const
{
    if (column < 0 || column >= count()) {
        for (QModelRoleData &roleData : roles)
            roleData.clearData();
        return;
    }
    const int f = m_fieldOfColumn.at(column);
    if (f < 0)
        RecordFormatter::expiryRoles(rows.value(row, m_expiresField), roles);
    else
        RecordFormatter::cellRoles(m_fields.at(f), rows.value(row, f), revealed, roles, display);
}

} // namespace gh::ui
