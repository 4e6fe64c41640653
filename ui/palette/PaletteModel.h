#pragma once

#include "ui/palette/PaletteEntry.h"

#include <QAbstractListModel>
#include <QVector>

namespace gh::ui {

/// The palette's list: commands (actions and views) and the users found for the current text,
/// filtered by subsequence and ranked by FuzzyMatcher's score (ties: views, then actions, then
/// users, each in the order given). With no text, every command in the order given.
class PaletteModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        DetailRole,
        CategoryRole,
        ShortcutRole,
        MatchPositionsRole, ///< QList<int>: where the filter matched the title
        DetailMatchRole,    ///< QList<int>: where it matched the detail (a user's email)
    };

    explicit PaletteModel(QObject *parent = nullptr);

    void setCommands(const QVector<PaletteEntry> &commands);
    /// Users found for `forText`; dropped unless it is still the filter.
    void setUsers(const QString &forText, const QVector<PaletteEntry> &users);
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }

    const PaletteEntry &entry(int row) const { return m_visible.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void refilter();

    QVector<PaletteEntry> m_commands;
    QVector<PaletteEntry> m_users;
    QString m_usersText;
    QString m_filter;
    QVector<PaletteEntry> m_visible;
};

} // namespace gh::ui
