#include "ui/window/MainWindow.h"

#include "core/common/Version.h"
#include "ui/inspector/RecordTableModel.h"
#include "ui/inspector/RecordView.h"
#include "ui/window/MessagePanel.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

namespace gh::ui {

namespace {

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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new WorkspaceLoader(this))
{
    setWindowTitle(QStringLiteral("Gatehouse"));
    resize(1200, 760);

    m_message = new MessagePanel(this);
    connect(m_message, &MessagePanel::retryRequested, this, [this] {
        if (m_lastDemoDirectory.isEmpty())
            openProject(m_lastOptions);
        else
            openDemo(m_lastDemoDirectory);
    });

    m_usersModel = new RecordTableModel(this);
    m_usersView = new RecordView(tr("Users"), m_usersModel, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_usersView, tr("Users"));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countLabel = new QLabel(this);
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    buildMenus();

    connect(m_loader, &WorkspaceLoader::started, this, &MainWindow::onLoadStarted);
    connect(m_loader, &WorkspaceLoader::finished, this, &MainWindow::onLoaded);
    m_message->showBusy(tr("Welcome to Gatehouse"));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *demo = file->addAction(tr("Open &Demo Project"));
    connect(demo, &QAction::triggered, this, [this] { openDemo(m_lastDemoDirectory); });
    demo->setEnabled(false); // enabled once a demo directory is known
    QAction *reload = file->addAction(tr("&Reload"));
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, this, [this] {
        if (m_lastDemoDirectory.isEmpty())
            openProject(m_lastOptions);
        else
            openDemo(m_lastDemoDirectory);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Gatehouse"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Gatehouse"),
                           tr("<h3>Gatehouse %1</h3><p>Inspect and manage Auth.js data in Prisma "
                              "databases.</p><p>Qt %2</p>")
                               .arg(QString::fromLatin1(kVersion), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::openProject(const ProjectOptions &options)
{
    m_lastOptions = options;
    m_lastDemoDirectory.clear();
    m_loader->load(options);
}

void MainWindow::openDemo(const QString &demoDirectory)
{
    m_lastDemoDirectory = demoDirectory;
    m_loader->load(ProjectOptions(), demoDirectory);
}

QStringList MainWindow::viewNames()
{
    return {QStringLiteral("users")};
}

bool MainWindow::showView(const QString &name)
{
    const int index = int(viewNames().indexOf(name.toLower()));
    if (index < 0)
        return false;
    m_tabs->setCurrentIndex(index);
    return true;
}

bool MainWindow::isLoading() const
{
    return m_loader->isLoading();
}

void MainWindow::onLoadStarted()
{
    m_stack->setCurrentWidget(m_message);
    m_message->showBusy(tr("Opening the database…"));
    m_connectionLabel->setText(tr("Connecting…"));
    m_countLabel->clear();
}

void MainWindow::onLoaded(const WorkspaceSnapshot &snapshot)
{
    if (!snapshot.workspace) {
        const Error &error = snapshot.error;
        m_message->showError(errorTitle(error), error.message(), error.detail());
        m_stack->setCurrentWidget(m_message);
        m_connectionLabel->setText(tr("Not connected"));
        m_usersModel->clear();
        Q_EMIT loadFinished(false);
        return;
    }
    const AuthWorkspace &workspace = *snapshot.workspace;
    m_usersModel->setRecords(snapshot.users);
    m_usersView->setSummary(snapshot.users.rows.size(), snapshot.userCount);
    m_stack->setCurrentWidget(m_tabs);

    m_connectionLabel->setText(workspace.serverVersion().isEmpty()
                                   ? workspace.displayUrl()
                                   : tr("%1 · %2").arg(workspace.displayUrl(), workspace.serverVersion()));
    m_connectionLabel->setToolTip(tr("URL from %1").arg(workspace.urlSource()));
    m_countLabel->setText(snapshot.userCount < 0
                              ? tr("Users: unknown")
                              : tr("Users: %1").arg(QLocale().toString(snapshot.userCount)));
    setWindowTitle(tr("%1 — Gatehouse").arg(workspace.displayUrl()));
    Q_EMIT loadFinished(true);
}

} // namespace gh::ui
