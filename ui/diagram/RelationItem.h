#pragma once

#include "ui/diagram/DiagramColors.h"
#include "ui/diagram/SchemaDiagram.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace gh::ui {

class EntityItem;

/// A foreign key drawn between two cards: an elbowed line from the child's key field to the
/// referenced field, with crow's-foot ends (Information Engineering notation): the parent end
/// says "exactly one" (or "zero or one" for a nullable key), the child end "zero or many" (or
/// "zero or one" for a one-to-one relation).
class RelationItem : public QGraphicsItem
{
public:
    RelationItem(const DiagramRelation &relation, EntityItem *parent, EntityItem *child);

    const DiagramRelation &relation() const { return m_relation; }
    void setColors(const DiagramColors &colors);
    /// Follows the cards after they moved.
    void updatePath();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintEnd(QPainter *painter, QPointF at, qreal direction, bool many, bool optional) const;

    DiagramRelation m_relation;
    EntityItem *m_parent;
    EntityItem *m_child;
    DiagramColors m_colors;
    QPainterPath m_path;
    QPointF m_parentEnd;
    QPointF m_childEnd;
    qreal m_parentDirection = 1; // +1: the line leaves the parent's end rightwards
    qreal m_childDirection = 1;
};

} // namespace gh::ui
