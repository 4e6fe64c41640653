#pragma once

#include "core/url/ProjectResolver.h"
#include "ui/window/WorkspaceLoader.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace gh::ui {

class MessagePanel;
class RecordTableModel;
class RecordView;

/// The main window: a message panel while loading or when something is wrong, the record views
/// once a workspace is open, and the connection in the status bar. Owns no database work; the
/// WorkspaceLoader does that off the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openProject(const ProjectOptions &options);
    void openDemo(const QString &demoDirectory);

    /// Names accepted by `showView` and `gatehouse --view`.
    static QStringList viewNames();
    bool showView(const QString &name);

    bool isLoading() const;
    RecordTableModel *usersModel() const { return m_usersModel; }

Q_SIGNALS:
    /// Emitted when a load ends, with or without an error; the screenshot mode waits for it.
    void loadFinished(bool ok);

private:
    void buildMenus();
    void onLoadStarted();
    void onLoaded(const WorkspaceSnapshot &snapshot);

    WorkspaceLoader *m_loader = nullptr;
    QStackedWidget *m_stack = nullptr;
    MessagePanel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    RecordTableModel *m_usersModel = nullptr;
    RecordView *m_usersView = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    ProjectOptions m_lastOptions;
    QString m_lastDemoDirectory;
};

} // namespace gh::ui
