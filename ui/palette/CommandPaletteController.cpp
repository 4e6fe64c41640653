#include "ui/palette/CommandPaletteController.h"

#include "ui/palette/CommandPalette.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QMenu>

namespace gh::ui {

CommandPaletteController::CommandPaletteController(MainWindow *window)
    : QObject(window)
    , m_palette(new CommandPalette(window))
    , m_action(new QAction(tr("Command &Palette…"), window))
{
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_action->setShortcutContext(Qt::WindowShortcut);
    m_action->setToolTip(tr("Find and run an action, open a view or go to a user (%1)")
                             .arg(m_action->shortcut().toString(QKeySequence::NativeText)));
    m_palette->setExcludedAction(m_action);
    window->viewMenu()->addSeparator();
    window->viewMenu()->addAction(m_action);
    connect(m_action, &QAction::triggered, m_palette, &CommandPalette::popup);
}

} // namespace gh::ui
