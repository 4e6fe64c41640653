#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RecordQuery.h"
#include "core/url/ProjectResolver.h"
#include "ui/window/WorkspaceLoader.h"

#include <QMainWindow>
#include <array>

class QAction;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace gh::ui {

class MessagePanel;
class PagedRecordModel;
class RecordView;
class UserDetailPane;

/// The main window: a message panel while loading or when something is wrong; once a workspace
/// is open, one tab per Auth.js model, the user detail pane docked on the right (following the
/// current row's user), history (Back/Forward) across "go to user" jumps, and the connection in
/// the status bar (each view says how many rows it has). Owns no database work: the
/// WorkspaceLoader, the views and the detail pane do it off the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openProject(const ProjectOptions &options);
    void openDemo(const QString &demoDirectory);

    /// Names accepted by `showView` and `gatehouse --view`, one per tab in tab order:
    /// users, accounts, sessions, tokens, authenticators.
    static QStringList viewNames();
    /// Shows a view now, or once the workspace is open.
    bool showView(const QString &name);

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
    void onLoadStarted();
    void onLoaded(const WorkspaceSnapshot &snapshot);
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
    std::array<RecordView *, 5> m_views{};
    QDockWidget *m_detailDock = nullptr;
    UserDetailPane *m_detail = nullptr;
    QTimer *m_followTimer = nullptr;
    QString m_followUser;
    QLabel *m_connectionLabel = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_exportAction = nullptr;
    QVector<Location> m_backStack;
    QVector<Location> m_forwardStack;
    int m_requestedTab = 0;
    bool m_awaitingFirstPage = false;
    ProjectOptions m_lastOptions;
    QString m_lastDemoDirectory;
};

} // namespace gh::ui
