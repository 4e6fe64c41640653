#pragma once

#include "core/auth/AuthSchema.h"
#include "ui/diagram/SchemaDiagram.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QToolButton;

namespace gh {
class AuthWorkspace;
}

namespace gh::ui {

class DiagramScene;
class DiagramView;

/// The "Diagram" page: the entity-relationship view of the open workspace's Auth.js models,
/// with zoom controls. The schema's data model (field types, relation fields, keys) is read
/// off the GUI thread; without a schema file the diagram shows what the mapping knows.
class DiagramPage : public QWidget
{
    Q_OBJECT

public:
    explicit DiagramPage(QWidget *parent = nullptr);
    ~DiagramPage() override;

    /// Draws the workspace's models: at once when it has no schema file, else once the schema
    /// is read.
    void setWorkspace(const AuthWorkspace &workspace);
    /// Draws from a mapping and its schema files (read off the GUI thread; none: the mapping).
    void setSchema(const AuthSchema &schema, const QStringList &schemaFiles);
    /// No workspace: says so instead of a diagram.
    void clear();
    /// Draws `diagram` now.
    void setDiagram(const SchemaDiagram &diagram);

    /// True while the schema is being read.
    bool isLoading() const { return m_loading; }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }

Q_SIGNALS:
    /// A model's card was clicked.
    void modelActivated(gh::AuthModelKind kind);
    /// The diagram was (re)drawn.
    void diagramChanged();

private:
    void updateZoomLabel();

    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_note = nullptr;
    int m_generation = 0;
    bool m_loading = false;
};

} // namespace gh::ui
