#pragma once

#include <QObject>
#include <QPointer>

namespace gh::ui {

class MainWindow;
class MigrationsPage;

/// Plugs the Migrations view into a main window without the window knowing it: adds the
/// "migrations" page, follows workspaceOpened()/workspaceClosed(), hands the page the schema
/// editor's text and the window's light or dark palette. Owned by the window.
///
///     new MigrationsController(this); // in MainWindow's constructor
class MigrationsController : public QObject
{
    Q_OBJECT

public:
    explicit MigrationsController(MainWindow *window);
    ~MigrationsController() override;

    MigrationsPage *page() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onWorkspaceOpened();
    void onWorkspaceClosed();
    void onLoadFinished(bool ok);
    void followSchemaWithoutWorkspace();
    void applyPalette();

    MainWindow *m_window = nullptr;
    QPointer<MigrationsPage> m_page;
    /// The last load failed: the page follows the schema the window opened instead.
    bool m_withoutWorkspace = false;
};

} // namespace gh::ui
