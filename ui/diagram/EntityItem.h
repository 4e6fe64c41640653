#pragma once

#include "ui/diagram/DiagramColors.h"
#include "ui/diagram/SchemaDiagram.h"

#include <QFont>
#include <QGraphicsObject>

namespace gh::ui {

/// One model of the diagram: a card titled with the model (and its table when @@map renames
/// it) listing its fields with their types, ?/[] markers, mapped columns and key badges.
/// Clicking it, or Enter while it has focus, emits activated(). A model the schema lacks is
/// drawn dashed and empty.
class EntityItem : public QGraphicsObject
{
    Q_OBJECT

public:
    EntityItem(const DiagramEntity &entity, const QFont &font, QGraphicsItem *parent = nullptr);

    const DiagramEntity &entity() const { return m_entity; }
    AuthModelKind kind() const { return m_entity.kind; }
    /// The title as drawn: the model's name.
    QString title() const { return m_entity.name; }
    /// The line under the title: the table when @@map renames it, else empty.
    QString subtitle() const;

    void setColors(const DiagramColors &colors);

    /// The size of the card (boundingRect() adds room for its shadow).
    QSizeF size() const { return m_size; }
    /// Where a relation line meets the card: on its left or right edge, level with `field`'s
    /// row (the header when there is no such field), in scene coordinates.
    QPointF anchor(const QString &field, bool rightEdge) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void activated(gh::AuthModelKind kind);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void measure();
    qreal rowTop(int row) const { return m_headerHeight + m_padTop + row * m_rowHeight; }
    void paintBadge(QPainter *painter, const QRectF &rect, const QString &text,
                    const QColor &hue) const;

    DiagramEntity m_entity;
    DiagramColors m_colors;
    QFont m_font;
    QFont m_titleFont;
    QFont m_smallFont;
    QSizeF m_size;
    qreal m_headerHeight = 0;
    qreal m_rowHeight = 0;
    qreal m_padX = 0;
    qreal m_padTop = 0;
    qreal m_badgeWidth = 0;
    qreal m_nameWidth = 0;
    qreal m_typeWidth = 0;
    qreal m_columnWidth = 0;
    qreal m_gap = 0;
    bool m_hovered = false;
    QPointF m_pressedAt;
};

} // namespace gh::ui
