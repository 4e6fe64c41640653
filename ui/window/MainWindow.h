#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RecordQuery.h"
#include "core/url/EnvironmentTag.h"
#include "core/url/ProjectResolver.h"
#include "ui/window/WorkspaceLoader.h"

#include <QMainWindow>
#include <array>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QToolBar;

namespace gh::ui {

class EnvironmentBand;
class MessagePanel;
class PagedRecordModel;
class RecordView;
class SchemaWorkspace;
class ThemeController;
class UserDetailPane;

/// The main window: a message panel while loading; once a workspace is open, one tab per
/// Auth.js model (or one tab saying why the database cannot be shown), then the pages that
/// outlive a workspace (the schema editor, and whatever features add with addPage()); the user
/// detail pane docked on the right (following the current row's user), history (Back/Forward)
/// across "go to user" jumps, and the connection in the status bar. Owns no database work: the
/// WorkspaceLoader, the views and the detail pane do it off the GUI thread.
///
/// Features (revocation, migrations, …) plug in from outside: they add pages, put actions in
/// the menus, and follow workspaceOpened()/workspaceClosed().
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openProject(const ProjectOptions &options);
    void openDemo(const QString &demoDirectory);

    /// Names accepted by `showView` and `gatehouse --view`, in tab order: the record views
    /// (users, accounts, sessions, tokens, authenticators), then every page's name.
    QStringList viewNames() const;
    /// Shows a view now, or once the workspace is open.
    bool showView(const QString &name);

    /// Adds a page after the record views. It stays across workspaces (follow
    /// workspaceOpened() to refresh it); `name` is what showView() and `--view` accept.
    void addPage(const QString &name, const QString &title, QWidget *page);
    QWidget *page(const QString &name) const;
    SchemaWorkspace *schemaWorkspace() const { return m_schema; }

    /// The open workspace; null while none is (before, while loading, after a failure).
    const AuthWorkspace *workspace() const;
    /// `gatehouse --read-only`: workspaces opened from now on refuse writes with this reason.
    void setReadOnlyReason(const QString &reason);
    QString readOnlyReason() const { return m_readOnlyReason; }

    /// File ▸ Connect… (Ctrl+Shift+O): the connection dialog; opens what it returns and shows
    /// its environment band. False when cancelled.
    bool showConnectDialog();
    /// The environment of the open connection (Development unless a saved connection, the
    /// dialog or `--environment` said otherwise): stricter confirmations follow Production.
    EnvironmentTag environmentTag() const { return m_environmentTag; }
    /// Shows the band (a coloured strip with the tag and `connectionName`). A tag set here (or
    /// by the dialog) wins over the one a saved connection for the same database carries.
    void setEnvironment(EnvironmentTag tag, const QString &connectionName);
    /// Show the connection dialog when the project names no database (no URL or no schema
    /// found) — for the first load only, and not for explicit --url/--schema.
    void setConnectWhenNothingFound(bool on);

    /// Where features put their actions.
    QMenu *fileMenu() const { return m_fileMenu; }
    QMenu *actionsMenu();
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *helpMenu() const { return m_helpMenu; }
    QToolBar *mainToolBar() const { return m_toolBar; }
    ThemeController *themeController() const { return m_theme; }

    /// The window's size, position, docks and toolbars, kept in the settings when it closes.
    void restoreLayout();
    void saveLayout() const;

    /// Opening the workspace, or the current view or the detail pane still loading.
    bool isLoading() const;

    /// The view of a model (null before a workspace is open).
    RecordView *view(AuthModelKind kind) const;
    RecordView *currentView() const;
    PagedRecordModel *usersModel() const;
    UserDetailPane *detailPane() const { return m_detail; }

    /// Goes to a user: the users view shows them, the detail pane their picture. Back returns.
    void goToUser(const QString &userId);
    /// Shows the rows of `kind` owned by a user (an email for verification tokens).
    void showRowsOf(AuthModelKind kind, const QString &owner);
    void back();
    void forward();
    bool canGoBack() const { return !m_backStack.isEmpty(); }

Q_SIGNALS:
    /// Emitted when a load ends, with or without an error: once the workspace failed to open, or
    /// once the current view's first page arrived. The screenshot mode waits for it.
    void loadFinished(bool ok);
    /// A workspace is open: workspace() and the record views are valid.
    void workspaceOpened();
    /// The workspace is about to go (reload, another project, the window closing).
    void workspaceClosed();
    void environmentChanged(gh::EnvironmentTag tag);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    /// Where the user is: the view, every view's filters and order, the current cell, the user
    /// in the detail pane.
    struct Location
    {
        int tab = 0;
        std::array<RecordQuery, 5> queries;
        int row = -1;
        int column = 0;
        QString detailUser;
    };

    void buildActions();
    void buildSchemaPage();
    void applySchemaPalette();
    bool event(QEvent *event) override;
    void onLoadStarted();
    void onLoaded(const WorkspaceSnapshot &snapshot);
    void showEnvironment(EnvironmentTag tag, const QString &connectionName);
    void clearViews();
    void onTabChanged(int index);
    void updateHistoryActions();
    Location location() const;
    void restore(const Location &location);
    void remember();
    void reload();

    WorkspaceLoader *m_loader = nullptr;
    QStackedWidget *m_stack = nullptr;
    MessagePanel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    /// Tabs before the pages: the record views, or one tab explaining why there are none.
    int m_workspaceTabs = 0;
    std::array<RecordView *, 5> m_views{};
    QStringList m_pageNames;
    SchemaWorkspace *m_schema = nullptr;
    ThemeController *m_theme = nullptr;
    std::optional<AuthWorkspace> m_workspace;
    QString m_readOnlyReason;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_actionsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QDockWidget *m_detailDock = nullptr;
    UserDetailPane *m_detail = nullptr;
    QTimer *m_followTimer = nullptr;
    QString m_followUser;
    QLabel *m_connectionLabel = nullptr;
    EnvironmentBand *m_environmentBand = nullptr;
    EnvironmentTag m_environmentTag = EnvironmentTag::Development;
    bool m_connectWhenNothingFound = false;
    bool m_environmentChosen = false; // by setEnvironment(): saved connections do not override it
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_exportAction = nullptr;
    QVector<Location> m_backStack;
    QVector<Location> m_forwardStack;
    int m_requestedTab = 0;
    QString m_requestedPage;
    bool m_detailHiddenForPage = false;
    QMenu *m_goMenu = nullptr;
    bool m_awaitingFirstPage = false;
    ProjectOptions m_lastOptions;
    QString m_lastDemoDirectory;
};

} // namespace gh::ui
