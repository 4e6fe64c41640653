#pragma once

#include "core/auth/AuthModel.h"

#include <QObject>

namespace gh::ui {

class DiagramPage;
class MainWindow;

/// Plugs the entity-relationship view into the main window: the page "diagram" (title
/// "Diagram"), redrawn for each workspace opened and each save of the schema in the editor;
/// clicking a model's card shows its table.
class DiagramController : public QObject
{
    Q_OBJECT

public:
    explicit DiagramController(MainWindow *window);

    DiagramPage *page() const { return m_page; }

    /// The window's view name of a model's table ("users", "accounts", …).
    static QString viewName(AuthModelKind kind);

private:
    MainWindow *m_window;
    DiagramPage *m_page;
};

} // namespace gh::ui
