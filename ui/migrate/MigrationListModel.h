#pragma once

#include "core/migrate/MigrationStatus.h"
#include "ui/migrate/MigrationIcons.h"
#include "ui/migrate/MigrationTasks.h"

#include <QAbstractTableModel>
#include <QVector>
#include <optional>

namespace gh::ui {

/// The migrations of a project, one row each: the local ones in folder order, then those only
/// the database has. With no status (the database could not be read) the local ones show as
/// unknown.
class MigrationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, AppliedColumn, ChecksumColumn, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1, KindRole };

    struct Row
    {
        QString name;
        MigrationIcons::Kind kind = MigrationIcons::Kind::Unknown;
        std::optional<MigrationStatus::State> state;
        bool edited = false;
        bool scriptMissing = false;
        std::optional<MigrationRecord> record;
        /// The local migration.sql (empty when only the database has the migration).
        QByteArray script;
        bool hasLocalFolder = false;
        QString scriptPath;
    };

    explicit MigrationListModel(QObject *parent = nullptr);

    void setOverview(const MigrationOverview &overview);
    void clear();

    const Row *rowAt(int row) const;
    int rowOf(const QString &name) const;
    const QVector<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(const Row &row);

private:
    QVector<Row> m_rows;
};

} // namespace gh::ui
