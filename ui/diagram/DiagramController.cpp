#include "ui/diagram/DiagramController.h"

#include "core/auth/AuthWorkspace.h"
#include "ui/diagram/DiagramPage.h"
#include "ui/editor/SchemaWorkspace.h"
#include "ui/window/MainWindow.h"

namespace gh::ui {

DiagramController::DiagramController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_page(new DiagramPage(window))
{
    window->addPage(QStringLiteral("diagram"), tr("Diagram"), m_page);
    connect(window, &MainWindow::workspaceOpened, this, [this] {
        if (const AuthWorkspace *workspace = m_window->workspace())
            m_page->setWorkspace(*workspace);
    });
    connect(window, &MainWindow::workspaceClosed, m_page, &DiagramPage::clear);
    // A schema saved in the editor (or changed on disk) is drawn again as it now reads.
    auto redraw = [this] {
        if (const AuthWorkspace *workspace = m_window->workspace())
            m_page->setWorkspace(*workspace);
    };
    if (SchemaWorkspace *schema = window->schemaWorkspace()) {
        connect(schema, &SchemaWorkspace::saved, this, redraw);
        connect(schema, &SchemaWorkspace::fileReloaded, this, redraw);
    }
    connect(m_page, &DiagramPage::modelActivated, this,
            [this](AuthModelKind kind) { m_window->showView(viewName(kind)); });
    if (const AuthWorkspace *workspace = window->workspace())
        m_page->setWorkspace(*workspace);
}

QString DiagramController::viewName(AuthModelKind kind)
{
    switch (kind) {
    case AuthModelKind::User:
        return QStringLiteral("users");
    case AuthModelKind::Account:
        return QStringLiteral("accounts");
    case AuthModelKind::Session:
        return QStringLiteral("sessions");
    case AuthModelKind::VerificationToken:
        return QStringLiteral("tokens");
    case AuthModelKind::Authenticator:
        return QStringLiteral("authenticators");
    }
    return QString();
}

} // namespace gh::ui
