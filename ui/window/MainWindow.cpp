#include "ui/window/MainWindow.h"

#include "core/common/Version.h"
#include "ui/connect/ConnectionDialog.h"
#include "ui/connect/EnvironmentBand.h"
#include "ui/diagram/DiagramController.h"
#include "ui/editor/EditorPalette.h"
#include "ui/editor/SchemaWorkspace.h"
#include "ui/inspector/ExportDialog.h"
#include "ui/inspector/PagedRecordModel.h"
#include "ui/inspector/RecordFilterBar.h"
#include "ui/inspector/RecordRoles.h"
#include "ui/inspector/RecordTableView.h"
#include "ui/inspector/RecordView.h"
#include "ui/inspector/UserDetailPane.h"
#include "ui/migrate/MigrationsController.h"
#include "ui/palette/CommandPaletteController.h"
#include "ui/revoke/RevokeController.h"
#include "ui/window/AboutDialog.h"
#include "ui/window/HelpDialog.h"
#include "ui/window/MessagePanel.h"
#include "ui/window/ThemeController.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

// The icon and README live in gatehouse_ui, a static library: the linker drops resources that
// are not initialised by name, which only works outside a namespace.
static void initAppResources()
{
    Q_INIT_RESOURCE(app);
}

namespace gh::ui {

namespace {

constexpr std::array<AuthModelKind, 5> kTabKinds = {
    AuthModelKind::User, AuthModelKind::Account, AuthModelKind::Session,
    AuthModelKind::VerificationToken, AuthModelKind::Authenticator};

const QStringList &recordViewNames()
{
    static const QStringList names = {QStringLiteral("users"), QStringLiteral("accounts"),
                                      QStringLiteral("sessions"), QStringLiteral("tokens"),
                                      QStringLiteral("authenticators")};
    return names;
}

QString errorTitle(const Error &error)
{
    switch (error.code()) {
    case Error::Code::NotAuthJsDatabase:
        return QObject::tr("Not an Auth.js database");
    case Error::Code::ConnectionFailed:
        return QObject::tr("Cannot connect to the database");
    case Error::Code::UrlMalformed:
    case Error::Code::UrlUnsupportedScheme:
    case Error::Code::UrlMissing:
        return QObject::tr("The database URL cannot be used");
    case Error::Code::SchemaNotFound:
        return QObject::tr("No Prisma schema found");
    default:
        return QObject::tr("Cannot open the database");
    }
}

QString tabTitle(AuthModelKind kind)
{
    switch (kind) {
    case AuthModelKind::User:
        return QObject::tr("Users");
    case AuthModelKind::Account:
        return QObject::tr("Accounts");
    case AuthModelKind::Session:
        return QObject::tr("Sessions");
    case AuthModelKind::VerificationToken:
        return QObject::tr("Verification Tokens");
    case AuthModelKind::Authenticator:
        return QObject::tr("Authenticators");
    }
    return QString();
}

/// What the Authenticators tab shows when the schema has no Authenticator model.
QWidget *noAuthenticatorsPage(QWidget *parent)
{
    auto *page = new MessagePanel(parent);
    page->showError(
        QObject::tr("No Authenticator model"),
        QObject::tr("This schema has no Authenticator model, so this database stores no "
                    "WebAuthn passkeys. Auth.js needs the model only when the WebAuthn provider "
                    "is enabled."),
        QString());
    return page;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new WorkspaceLoader(this))
    , m_followTimer(new QTimer(this))
{
    initAppResources();
    m_theme = new ThemeController(this);
    setWindowTitle(QStringLiteral("Gatehouse"));
    setWindowIcon(QIcon(QStringLiteral(":/gatehouse/gatehouse.svg")));
    resize(1280, 780);

    m_message = new MessagePanel(this);
    connect(m_message, &MessagePanel::retryRequested, this, &MainWindow::reload);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onTabChanged);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_tabs);
    // The environment band above everything, hidden until a connection says which it is.
    m_environmentBand = new EnvironmentBand(this);
    m_environmentBand->hide();
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_environmentBand);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_detailDock = new QDockWidget(tr("User"), this);
    m_detailDock->setObjectName(QStringLiteral("userDetail"));
    m_detailDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_detailDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea |
                                  Qt::BottomDockWidgetArea);
    m_detailDock->hide();
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);

    // The detail pane follows the current row's user, once the arrow keys rest.
    m_followTimer->setSingleShot(true);
    m_followTimer->setInterval(150);
    connect(m_followTimer, &QTimer::timeout, this, [this] {
        if (m_detail && m_followUser != m_detail->requestedUser())
            m_detail->showUser(m_followUser);
    });

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_connectionLabel, 1);

    buildActions();
    buildSchemaPage();

    // Features attach themselves: pages after Schema in this order, actions in the menus.
    new MigrationsController(this);
    new DiagramController(this);
    auto *revoke = new RevokeController(this);
    connect(this, &MainWindow::environmentChanged, revoke, &RevokeController::setEnvironmentTag);
    new CommandPaletteController(this);

    connect(m_loader, &WorkspaceLoader::started, this, &MainWindow::onLoadStarted);
    connect(m_loader, &WorkspaceLoader::finished, this, &MainWindow::onLoaded);
    m_message->showBusy(tr("Welcome to Gatehouse"));
}

MainWindow::~MainWindow()
{
    // The views' threads stop before the window's widgets go.
    clearViews();
}

void MainWindow::buildSchemaPage()
{
    m_schema = new SchemaWorkspace(m_tabs);
    applySchemaPalette();
    menuBar()->insertMenu(m_helpMenu->menuAction(), m_schema->createMenu(this));
    addPage(QStringLiteral("schema"), tr("Schema"), m_schema);
    // A failed save or load is said where the user is looking, not only on stderr.
    connect(m_schema, &SchemaWorkspace::loadFailed, this,
            [this](const Error &error) { statusBar()->showMessage(error.fullText(), 10000); });
    connect(m_schema, &SchemaWorkspace::saveFailed, this,
            [this](const QString &, const Error &error) {
                QMessageBox::warning(this, tr("Cannot save the schema"), error.fullText());
            });
    connect(m_schema, &SchemaWorkspace::dirtyChanged, this, [this](bool dirty) {
        const int tab = m_tabs->indexOf(m_schema);
        if (tab >= 0)
            m_tabs->setTabText(tab, dirty ? tr("Schema •") : tr("Schema"));
    });
}

void MainWindow::applySchemaPalette()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_schema->setEditorPalette(dark ? EditorPalette::dark() : EditorPalette::light());
}

bool MainWindow::event(QEvent *event)
{
    const bool paletteChanged =
        event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange;
    const bool handled = QMainWindow::event(event);
    if (paletteChanged && m_schema)
        applySchemaPalette();
    return handled;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_schema && !m_schema->confirmClose()) {
        event->ignore();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::addPage(const QString &name, const QString &title, QWidget *page)
{
    Q_ASSERT(!recordViewNames().contains(name) && !m_pageNames.contains(name));
    m_pageNames << name;
    page->setObjectName(name);
    m_tabs->addTab(page, title);
    const int number = int(recordViewNames().size() + m_pageNames.size());
    if (number <= 9) {
        QAction *show = new QAction(title, this);
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
        connect(show, &QAction::triggered, this, [this, name] { showView(name); });
        m_goMenu->addAction(show);
    }
}

QWidget *MainWindow::page(const QString &name) const
{
    const int index = int(m_pageNames.indexOf(name));
    return index < 0 ? nullptr : m_tabs->widget(m_workspaceTabs + index);
}

const AuthWorkspace *MainWindow::workspace() const
{
    return m_workspace ? &*m_workspace : nullptr;
}

QMenu *MainWindow::actionsMenu()
{
    // Made on first use, so the menu bar has no empty menu.
    if (!m_actionsMenu) {
        m_actionsMenu = new QMenu(tr("&Actions"), this);
        menuBar()->insertMenu(m_helpMenu->menuAction(), m_actionsMenu);
    }
    return m_actionsMenu;
}

void MainWindow::setReadOnlyReason(const QString &reason)
{
    m_readOnlyReason = reason;
}

void MainWindow::buildActions()
{
    QStyle *style = QApplication::style();

    m_backAction = new QAction(style->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this);
    m_backAction->setShortcut(QKeySequence::Back);
    m_backAction->setToolTip(
        tr("Back (%1)").arg(m_backAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_backAction, &QAction::triggered, this, &MainWindow::back);
    m_forwardAction =
        new QAction(style->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), this);
    m_forwardAction->setShortcut(QKeySequence::Forward);
    connect(m_forwardAction, &QAction::triggered, this, &MainWindow::forward);

    m_refreshAction =
        new QAction(style->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setShortcuts(QKeySequence::Refresh);
    if (m_refreshAction->shortcuts().isEmpty()) // platforms without a standard binding
        m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setToolTip(tr("Read the rows and the count again"));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (RecordView *view = currentView())
            view->refresh();
        if (m_detail && !m_detail->requestedUser().isEmpty())
            m_detail->showUser(m_detail->requestedUser());
    });

    m_exportAction =
        new QAction(style->standardIcon(QStyle::SP_DialogSaveButton), tr("&Export View…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, [this] {
        if (RecordView *view = currentView())
            view->exportRows()->open();
    });

    QAction *find = new QAction(tr("&Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (RecordView *view = currentView()) {
            view->filterBar()->searchBox()->setFocus();
            view->filterBar()->searchBox()->selectAll();
        }
    });

    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect…"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connectAction->setToolTip(tr("Open a database URL, a saved connection or a project folder"));
    connect(connectAction, &QAction::triggered, this, &MainWindow::showConnectDialog);
    file->addSeparator();
    QAction *demo = file->addAction(tr("Open &Demo Project"));
    connect(demo, &QAction::triggered, this, [this] { openDemo(m_lastDemoDirectory); });
    demo->setEnabled(false); // enabled once a demo directory is known
    QAction *reopen = file->addAction(tr("Re&open Database"));
    connect(reopen, &QAction::triggered, this, &MainWindow::reload);
    file->addAction(m_exportAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcuts(QKeySequence::Quit);
    if (quit->shortcuts().isEmpty()) // platforms without a standard binding
        quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *go = m_goMenu = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_backAction);
    go->addAction(m_forwardAction);
    go->addSeparator();
    for (int tab = 0; tab < int(kTabKinds.size()); ++tab) {
        QAction *show = go->addAction(tabTitle(kTabKinds.at(tab)));
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + tab)));
        connect(show, &QAction::triggered, this, [this, tab] { m_tabs->setCurrentIndex(tab); });
    }

    QMenu *viewMenu = m_viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_refreshAction);
    viewMenu->addAction(find);
    QAction *toggleDetail = m_detailDock->toggleViewAction();
    toggleDetail->setText(tr("User &Details"));
    toggleDetail->setIcon(style->standardIcon(QStyle::SP_FileDialogDetailedView));
    toggleDetail->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    viewMenu->addAction(toggleDetail);

    viewMenu->addSeparator();
    QMenu *themeMenu = m_theme->createMenu(this);
    themeMenu->setIcon(ThemeController::icon(palette()));
    viewMenu->addMenu(themeMenu);

    QMenu *help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *manual =
        help->addAction(style->standardIcon(QStyle::SP_DialogHelpButton), tr("Gatehouse &Help"));
    manual->setShortcut(QKeySequence::HelpContents);
    connect(manual, &QAction::triggered, this, [this] {
        auto *dialog = new HelpDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Gatehouse"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        auto *dialog =
            new AboutDialog(m_workspace ? m_workspace->serverVersion() : QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

    QToolBar *toolbar = m_toolBar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigation"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    toolbar->addAction(m_backAction);
    toolbar->addAction(m_forwardAction);
    toolbar->addAction(m_refreshAction);
    toolbar->addSeparator();
    toolbar->addAction(m_exportAction);
    toolbar->addAction(toggleDetail);
    // The theme is one click away, not buried in a menu.
    auto *themeButton = new QToolButton(toolbar);
    themeButton->setMenu(themeMenu);
    themeButton->setPopupMode(QToolButton::InstantPopup);
    themeButton->setIcon(themeMenu->icon());
    connect(m_theme, &ThemeController::themeChanged, themeButton, [this, themeButton, themeMenu] {
        themeMenu->setIcon(ThemeController::icon(palette()));
        themeButton->setIcon(themeMenu->icon());
    });
    themeButton->setToolTip(tr("Theme: system, light or dark"));
    toolbar->addWidget(themeButton);
    updateHistoryActions();
}

void MainWindow::openProject(const ProjectOptions &options)
{
    m_lastOptions = options;
    m_lastDemoDirectory.clear();
    m_loader->load(options);
}

bool MainWindow::showConnectDialog()
{
    ConnectionDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const ConnectionChoice choice = dialog.choice();
    setEnvironment(choice.tag, choice.displayName);
    openProject(choice.options);
    return true;
}

void MainWindow::setEnvironment(EnvironmentTag tag, const QString &connectionName)
{
    m_environmentChosen = true;
    showEnvironment(tag, connectionName);
}

void MainWindow::showEnvironment(EnvironmentTag tag, const QString &connectionName)
{
    m_environmentTag = tag;
    m_environmentBand->setEnvironment(tag, connectionName);
    m_environmentBand->show();
    Q_EMIT environmentChanged(tag);
}

void MainWindow::setConnectWhenNothingFound(bool on)
{
    m_connectWhenNothingFound = on;
}

void MainWindow::openDemo(const QString &demoDirectory)
{
    m_lastDemoDirectory = demoDirectory;
    m_loader->load(ProjectOptions(), demoDirectory);
}

void MainWindow::reload()
{
    if (m_lastDemoDirectory.isEmpty())
        openProject(m_lastOptions);
    else
        openDemo(m_lastDemoDirectory);
}

QStringList MainWindow::viewNames() const
{
    return recordViewNames() + m_pageNames;
}

bool MainWindow::showView(const QString &name)
{
    const QString key = name.toLower();
    if (QWidget *named = page(key)) {
        m_requestedPage = key;
        m_tabs->setCurrentWidget(named);
        return true;
    }
    const int index = int(recordViewNames().indexOf(key));
    if (index < 0)
        return false;
    m_requestedPage.clear();
    m_requestedTab = index;
    if (m_workspace && m_views.at(std::size_t(index)))
        m_tabs->setCurrentIndex(index);
    return true;
}

bool MainWindow::isLoading() const
{
    if (m_loader->isLoading())
        return true;
    if (m_tabs->currentWidget() == m_schema && m_schema->isLoading())
        return true;
    if (RecordView *view = currentView()) {
        if (!view->model()->hasLoaded() || view->model()->isLoading())
            return true;
    }
    // The detail pane is about to follow the current row, or loading it.
    return m_followTimer->isActive() || (m_detail && m_detail->isLoading());
}

RecordView *MainWindow::view(AuthModelKind kind) const
{
    for (std::size_t i = 0; i < kTabKinds.size(); ++i) {
        if (kTabKinds.at(i) == kind)
            return m_views.at(i);
    }
    return nullptr;
}

RecordView *MainWindow::currentView() const
{
    const int index = m_tabs->currentIndex();
    return m_workspace && index >= 0 && index < int(m_views.size()) ? m_views.at(std::size_t(index))
                                                                    : nullptr;
}

PagedRecordModel *MainWindow::usersModel() const
{
    RecordView *users = view(AuthModelKind::User);
    return users ? users->model() : nullptr;
}

void MainWindow::onLoadStarted()
{
    m_stack->setCurrentWidget(m_message);
    m_message->showBusy(tr("Opening the database…"));
    m_connectionLabel->setText(tr("Connecting…"));
}

void MainWindow::clearViews()
{
    m_followTimer->stop();
    if (m_workspace)
        Q_EMIT workspaceClosed();
    m_workspace.reset();
    const QSignalBlocker blocker(m_tabs);
    for (; m_workspaceTabs > 0; --m_workspaceTabs) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_views.fill(nullptr);
    delete m_detail;
    m_detail = nullptr;
    m_backStack.clear();
    m_forwardStack.clear();
    updateHistoryActions();
}

void MainWindow::onLoaded(const WorkspaceSnapshot &snapshot)
{
    clearViews();
    if (!snapshot.schemaFiles.isEmpty())
        m_schema->openSchema(snapshot.schemaFiles);
    if (!snapshot.workspace) {
        // The pages stay reachable: a broken schema is fixed in the Schema tab.
        const Error &error = snapshot.error;
        auto *failure = new MessagePanel(m_tabs);
        failure->showError(errorTitle(error), error.message(), error.detail());
        connect(failure, &MessagePanel::retryRequested, this, &MainWindow::reload);
        connect(failure, &MessagePanel::connectRequested, this, &MainWindow::showConnectDialog);
        {
            const QSignalBlocker blocker(m_tabs);
            m_tabs->insertTab(0, failure, style()->standardIcon(QStyle::SP_MessageBoxWarning),
                              tr("Database"));
            m_workspaceTabs = 1;
        }
        m_stack->setCurrentWidget(m_tabs);
        QWidget *requested = page(m_requestedPage);
        m_tabs->setCurrentWidget(requested ? requested : failure);
        m_connectionLabel->setText(tr("Not connected"));
        m_detailDock->hide();
        Q_EMIT loadFinished(false);
        // Started where nothing names a database: ask for one rather than only explain.
        const bool nothingFound =
            error.code() == Error::Code::UrlMissing || error.code() == Error::Code::SchemaNotFound;
        if (m_connectWhenNothingFound && nothingFound && m_lastDemoDirectory.isEmpty() &&
            m_lastOptions.urlOverride.isEmpty() && m_lastOptions.schemaOverride.isEmpty()) {
            m_connectWhenNothingFound = false; // once: Cancel leaves the explanation
            QTimer::singleShot(0, this, &MainWindow::showConnectDialog);
        }
        return;
    }
    m_workspace = snapshot.workspace;
    // Opened from DATABASE_URL or `.env`, a database someone saved as Production is still one.
    if (!m_environmentChosen) {
        if (snapshot.savedConnection) {
            showEnvironment(snapshot.savedConnection->tag, snapshot.savedConnection->name);
        } else if (m_environmentBand->isVisibleTo(this)) {
            // The previous database's tag does not carry over to this one.
            m_environmentBand->hide();
            m_environmentTag = EnvironmentTag::Development;
            Q_EMIT environmentChanged(m_environmentTag);
        }
    }
    if (!m_readOnlyReason.isEmpty())
        m_workspace->setReadOnly(m_readOnlyReason);
    const AuthWorkspace &workspace = *m_workspace;

    {
        const QSignalBlocker blocker(m_tabs);
        for (std::size_t i = 0; i < kTabKinds.size(); ++i) {
            const AuthModelKind kind = kTabKinds.at(i);
            if (!workspace.schema().model(kind).present) {
                const int tab =
                    m_tabs->insertTab(int(i), noAuthenticatorsPage(m_tabs), tabTitle(kind));
                m_tabs->tabBar()->setTabTextColor(
                    tab, palette().color(QPalette::Disabled, QPalette::WindowText));
                m_tabs->setTabToolTip(
                    tab, tr("The schema has no %1 model").arg(authModelKindName(kind)));
                continue;
            }
            auto *view = new RecordView(workspace, kind, m_tabs);
            m_views.at(i) = view;
            m_tabs->insertTab(int(i), view, tabTitle(kind));
            connect(view->model(), &PagedRecordModel::pageLoaded, this, [this, view] {
                if (m_awaitingFirstPage && view == currentView()) {
                    m_awaitingFirstPage = false;
                    Q_EMIT loadFinished(!view->model()->error().isError());
                }
            });
            connect(view, &RecordView::currentUserChanged, this, [this, view](const QString &user) {
                if (view != currentView())
                    return;
                m_followUser = user;
                m_followTimer->start();
            });
            if (kind == AuthModelKind::User) {
                connect(view, &RecordView::userRequested, this, [this](const QString &user) {
                    m_detailDock->show();
                    m_detail->showUser(user);
                });
            } else {
                connect(view, &RecordView::userRequested, this, &MainWindow::goToUser);
            }
        }
    }

    m_detail = new UserDetailPane(workspace, m_detailDock);
    m_detailDock->setWidget(m_detail);
    m_detailDock->show();
    resizeDocks({m_detailDock}, {420}, Qt::Horizontal);
    connect(m_detail, &UserDetailPane::openListRequested, this, &MainWindow::showRowsOf);

    m_stack->setCurrentWidget(m_tabs);
    m_connectionLabel->setText(
        workspace.serverVersion().isEmpty()
            ? workspace.displayUrl()
            : tr("%1 · %2").arg(workspace.displayUrl(), workspace.serverVersion()));
    m_connectionLabel->setToolTip(tr("URL from %1").arg(workspace.urlSource()));
    setWindowTitle(tr("%1 — Gatehouse").arg(workspace.displayUrl()));

    m_workspaceTabs = int(kTabKinds.size());
    Q_EMIT workspaceOpened();

    m_awaitingFirstPage = true;
    if (QWidget *requested = page(m_requestedPage))
        m_tabs->setCurrentWidget(requested);
    else
        m_tabs->setCurrentIndex(qBound(0, m_requestedTab, m_workspaceTabs - 1));
    onTabChanged(m_tabs->currentIndex());
}

void MainWindow::onTabChanged(int index)
{
    RecordView *view = currentView();
    if (view) {
        view->activate();
        m_followUser = view->table()->currentIndex().data(UserIdRole).toString();
    }
    if (m_awaitingFirstPage && (!view || view->model()->hasLoaded())) {
        m_awaitingFirstPage = false;
        Q_EMIT loadFinished(true);
    }
    m_exportAction->setEnabled(view != nullptr);
    m_refreshAction->setEnabled(view != nullptr);
    // The detail pane belongs to the record views: pages get the whole width.
    const bool onRecords = m_workspace && index >= 0 && index < m_workspaceTabs;
    if (!onRecords && m_detailDock->isVisible()) {
        m_detailHiddenForPage = true;
        m_detailDock->hide();
    } else if (onRecords && m_detailHiddenForPage) {
        m_detailHiddenForPage = false;
        m_detailDock->show();
    }
}

MainWindow::Location MainWindow::location() const
{
    Location here;
    here.tab = m_tabs->currentIndex();
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        if (m_views.at(i))
            here.queries.at(i) = m_views.at(i)->query();
    }
    if (RecordView *view = currentView()) {
        here.row = view->table()->currentIndex().row();
        here.column = qMax(0, view->table()->currentIndex().column());
    }
    here.detailUser = m_detail ? m_detail->requestedUser() : QString();
    return here;
}

void MainWindow::restore(const Location &location)
{
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        RecordView *view = m_views.at(i);
        if (view && view->query() != location.queries.at(i))
            view->setQuery(location.queries.at(i));
    }
    m_tabs->setCurrentIndex(location.tab);
    if (RecordView *view = currentView()) {
        if (location.row >= 0 && location.row < view->model()->rowCount()) {
            const QModelIndex index = view->model()->index(location.row, location.column);
            view->table()->setCurrentIndex(index);
            view->table()->scrollTo(index);
        }
        view->table()->setFocus();
    }
    m_followTimer->stop();
    m_followUser = location.detailUser;
    if (m_detail && m_detail->requestedUser() != location.detailUser)
        m_detail->showUser(location.detailUser);
}

void MainWindow::remember()
{
    m_backStack << location();
    m_forwardStack.clear();
    updateHistoryActions();
}

void MainWindow::goToUser(const QString &userId)
{
    RecordView *users = view(AuthModelKind::User);
    if (!users || userId.isEmpty())
        return;
    remember();
    RecordQuery query;
    query.model = AuthModelKind::User;
    query.sortField = users->query().sortField;
    query.sortOrder = users->query().sortOrder;
    query.userId = userId;
    users->setQuery(query);
    m_tabs->setCurrentWidget(users);
    users->table()->setFocus();
    m_detailDock->show();
    m_followUser = userId;
    m_detail->showUser(userId);
}

void MainWindow::showRowsOf(AuthModelKind kind, const QString &owner)
{
    RecordView *target = view(kind);
    if (!target || owner.isEmpty())
        return;
    remember();
    RecordQuery query = RecordQuery::ofUser(kind, owner);
    if (kind == AuthModelKind::VerificationToken) {
        // Tokens belong to an email, not a user id.
        query.userId.clear();
        query.identifier = owner;
    }
    target->setQuery(query);
    m_tabs->setCurrentWidget(target);
    target->table()->setFocus();
}

void MainWindow::back()
{
    if (m_backStack.isEmpty())
        return;
    m_forwardStack << location();
    restore(m_backStack.takeLast());
    updateHistoryActions();
}

void MainWindow::forward()
{
    if (m_forwardStack.isEmpty())
        return;
    m_backStack << location();
    restore(m_forwardStack.takeLast());
    updateHistoryActions();
}

void MainWindow::updateHistoryActions()
{
    m_backAction->setEnabled(!m_backStack.isEmpty());
    m_forwardAction->setEnabled(!m_forwardStack.isEmpty());
}

} // namespace gh::ui
