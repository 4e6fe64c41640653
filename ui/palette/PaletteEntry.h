#pragma once

#include "ui/palette/FuzzyMatcher.h"

#include <QIcon>
#include <QPointer>
#include <QString>

class QAction;

namespace gh::ui {

/// One thing the command palette can do: run a menu action, show a view, go to a user.
struct PaletteEntry
{
    enum class Kind { Action, View, User };

    Kind kind = Kind::Action;
    QString title;    ///< what is matched and shown: "Export View…", "Users", "Ada Lovelace"
    QString detail;   ///< shown after the title: the user's email
    QString category; ///< shown on the right: the menu ("File"), "View", "User"
    QString shortcut; ///< native text, "Ctrl+E"; empty when none
    QIcon icon;
    QPointer<QAction> action; ///< Action
    QString target;           ///< View: its name; User: the user's id
    /// Filled by the model: how the current filter matched `title` (positions index `title`).
    FuzzyMatch match;
    QVector<int> detailMatch; ///< users found by email: where the filter matched `detail`
};

} // namespace gh::ui
