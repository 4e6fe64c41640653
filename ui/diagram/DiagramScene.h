#pragma once

#include "ui/diagram/DiagramColors.h"
#include "ui/diagram/SchemaDiagram.h"

#include <QGraphicsScene>

namespace gh::ui {

class EntityItem;
class LegendItem;
class RelationItem;

/// The entity-relationship diagram of the Auth.js models: a card per model and a line per
/// foreign key, laid out with User in the middle — Account on its left, Session and
/// Authenticator on its right, VerificationToken (related to no model) under it — and a legend.
class DiagramScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit DiagramScene(QObject *parent = nullptr);

    /// Replaces the drawing.
    void setDiagram(const SchemaDiagram &diagram, const QFont &font);
    const SchemaDiagram &diagram() const { return m_diagram; }
    /// Recolours every item from `palette`.
    void setColors(const QPalette &palette);
    const DiagramColors &colors() const { return m_colors; }

    QList<EntityItem *> entityItems() const { return m_entities; }
    EntityItem *entityItem(AuthModelKind kind) const;
    QList<RelationItem *> relationItems() const { return m_relations; }

Q_SIGNALS:
    void modelActivated(gh::AuthModelKind kind);

private:
    void layout(const QFont &font);
    void addLegend(const QFont &font, qreal top, qreal width);

    SchemaDiagram m_diagram;
    DiagramColors m_colors;
    QList<EntityItem *> m_entities;
    QList<RelationItem *> m_relations;
    QList<LegendItem *> m_legend;
};

} // namespace gh::ui
