#pragma once

#include "core/prisma/Diagnostic.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace gh::ui {

/// The problems list: one row per diagnostic of the open schema, errors first, then by file
/// and position. Each row remembers which diagnostic of its file's editor it is, so activating
/// it can jump to where that diagnostic is now.
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MessageColumn, LocationColumn, ColumnCount };

    struct Problem
    {
        prisma::Diagnostic diagnostic;
        QString displayFile;  ///< as the tab shows it
        int indexInFile = -1; ///< index among the diagnostics given to that file's editor
    };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setProblems(QList<Problem> problems);
    const Problem &problem(int row) const { return m_problems.at(row); }
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    void setIcons(const QIcon &error, const QIcon &warning);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Problem> m_problems;
    int m_errors = 0;
    int m_warnings = 0;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace gh::ui
