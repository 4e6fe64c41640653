#include "ui/editor/ProblemsModel.h"

#include <algorithm>

namespace gh::ui {

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProblemsModel::setProblems(QList<Problem> problems)
{
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        const auto &x = a.diagnostic;
        const auto &y = b.diagnostic;
        if (x.isError() != y.isError())
            return x.isError();
        if (a.displayFile != b.displayFile)
            return a.displayFile < b.displayFile;
        return x.range.start < y.range.start;
    });
    beginResetModel();
    m_problems = std::move(problems);
    m_errors = int(std::count_if(m_problems.cbegin(), m_problems.cend(),
                                 [](const Problem &p) { return p.diagnostic.isError(); }));
    m_warnings = int(m_problems.size()) - m_errors;
    endResetModel();
}

void ProblemsModel::setIcons(const QIcon &error, const QIcon &warning)
{
    m_errorIcon = error;
    m_warningIcon = warning;
    if (!m_problems.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DecorationRole});
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_problems.size())
        return {};
    const Problem &problem = m_problems.at(index.row());
    const prisma::Diagnostic &d = problem.diagnostic;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == MessageColumn)
            return d.message;
        return tr("%1:%2:%3").arg(problem.displayFile).arg(d.start.line).arg(d.start.column);
    case Qt::DecorationRole:
        if (index.column() == MessageColumn)
            return d.isError() ? m_errorIcon : m_warningIcon;
        return {};
    case Qt::ToolTipRole:
        return d.toString();
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == MessageColumn ? tr("Problem") : tr("Location");
}

} // namespace gh::ui
