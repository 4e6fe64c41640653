#pragma once

#include <QObject>

class QAction;

namespace gh::ui {

class CommandPalette;
class MainWindow;

/// Installs the command palette in the main window: View › Command Palette… (Ctrl+K).
class CommandPaletteController : public QObject
{
    Q_OBJECT

public:
    explicit CommandPaletteController(MainWindow *window);

    QAction *action() const { return m_action; }
    CommandPalette *palette() const { return m_palette; }

private:
    CommandPalette *m_palette;
    QAction *m_action;
};

} // namespace gh::ui
