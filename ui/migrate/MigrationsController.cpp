#include "ui/migrate/MigrationsController.h"

#include "ui/editor/EditorPalette.h"
#include "ui/editor/SchemaEditor.h"
#include "ui/editor/SchemaWorkspace.h"
#include "ui/migrate/MigrationsPage.h"
#include "ui/window/MainWindow.h"

#include <QEvent>

namespace gh::ui {

MigrationsController::MigrationsController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_page(new MigrationsPage(window))
{
    // The schema in the editor, saved or not: what "create migration" migrates to.
    m_page->setSchemaProvider([window] {
        QList<SchemaText> schema;
        SchemaWorkspace *editor = window->schemaWorkspace();
        for (int i = 0; editor && i < editor->editorCount(); ++i) {
            const SchemaEditor *file = editor->editor(i);
            if (!file->filePath().isEmpty())
                schema << SchemaText{file->filePath(), file->utf8Text()};
        }
        return schema;
    });
    window->addPage(QStringLiteral("migrations"), tr("Migrations"), m_page);
    applyPalette();
    window->installEventFilter(this);
    connect(window, &MainWindow::workspaceOpened, this, &MigrationsController::onWorkspaceOpened);
    connect(window, &MainWindow::workspaceClosed, this, &MigrationsController::onWorkspaceClosed);
    connect(window, &MainWindow::loadFinished, this, &MigrationsController::onLoadFinished);
    // No shadow database on a production server unless someone asks for it (Refresh).
    connect(window, &MainWindow::environmentChanged, this, [this](EnvironmentTag tag) {
        if (m_page)
            m_page->setAutomaticDriftCheck(tag != EnvironmentTag::Production);
    });
    if (SchemaWorkspace *schema = window->schemaWorkspace())
        connect(schema, &SchemaWorkspace::schemaOpened, this,
                &MigrationsController::followSchemaWithoutWorkspace);
    if (window->workspace())
        onWorkspaceOpened();
}

MigrationsController::~MigrationsController() = default;

MigrationsPage *MigrationsController::page() const
{
    return m_page.data();
}

bool MigrationsController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::PaletteChange)
        applyPalette();
    // Before the window's own close handling: stopping a deploy is asked first.
    if (watched == m_window && event->type() == QEvent::Close && m_page &&
        !m_page->confirmClose()) {
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void MigrationsController::applyPalette()
{
    if (!m_page)
        return;
    // As the schema editor: the window's palette decides light or dark.
    const bool dark = m_window->palette().color(QPalette::Window).lightness() < 128;
    m_page->setEditorPalette(dark ? EditorPalette::dark() : EditorPalette::light());
}

void MigrationsController::onWorkspaceOpened()
{
    m_withoutWorkspace = false;
    if (const AuthWorkspace *workspace = m_window->workspace(); workspace && m_page)
        m_page->setWorkspace(*workspace);
}

void MigrationsController::onLoadFinished(bool ok)
{
    // A workspace that did not open is often a database behind its schema: pending
    // migrations are exactly what this page is for, so it reads the project from the schema.
    if (ok || m_window->workspace())
        return;
    m_withoutWorkspace = true;
    followSchemaWithoutWorkspace();
}

void MigrationsController::followSchemaWithoutWorkspace()
{
    SchemaWorkspace *schema = m_window->schemaWorkspace();
    if (!m_withoutWorkspace || !m_page || !schema || schema->isLoading() || m_window->workspace())
        return;
    const QStringList files = schema->filePaths();
    if (files.isEmpty())
        m_page->clearProject(tr("The database could not be opened and no schema is open."));
    else if (!m_page->project() || m_page->project()->schemaFiles != files)
        m_page->setSchemaFiles(files, m_window->readOnlyReason());
}

void MigrationsController::onWorkspaceClosed()
{
    if (m_page)
        m_page->clearProject(tr("No workspace is open."));
}

} // namespace gh::ui
