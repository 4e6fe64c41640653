#include "ui/diagram/RelationItem.h"

#include "ui/diagram/EntityItem.h"

#include <QPainter>
#include <QPainterPathStroker>

namespace gh::ui {

namespace {

constexpr qreal kStub = 26;   // straight run out of a card before the line may turn
constexpr qreal kCorner = 10; // radius of the elbows
constexpr qreal kGlyph = 8;   // half the height of the cardinality marks

} // namespace

RelationItem::RelationItem(const DiagramRelation &relation, EntityItem *parent, EntityItem *child)
    : m_relation(relation)
    , m_parent(parent)
    , m_child(child)
{
    setZValue(-1); // under the cards
    const QString onDelete = relation.onDelete.isEmpty()
                                 ? QString()
                                 : QObject::tr(", on delete %1").arg(relation.onDelete);
    setToolTip(QObject::tr("%1.%2 → %3.%4 (%5%6)")
                   .arg(child->title(), relation.childFields.join(QStringLiteral(", ")),
                        parent->title(), relation.parentFields.join(QStringLiteral(", ")),
                        relation.childMany ? QObject::tr("one to many") : QObject::tr("one to one"),
                        onDelete));
    updatePath();
}

void RelationItem::setColors(const DiagramColors &colors)
{
    m_colors = colors;
    update();
}

void RelationItem::updatePath()
{
    prepareGeometryChange();
    const QRectF parentBox(m_parent->scenePos(), m_parent->size());
    const QRectF childBox(m_child->scenePos(), m_child->size());
    // Leave each card by the side facing the other.
    const bool childLeftOfParent = childBox.center().x() < parentBox.center().x();
    m_childEnd = m_child->anchor(m_relation.childFields.value(0), childLeftOfParent);
    m_parentEnd = m_parent->anchor(m_relation.parentFields.value(0), !childLeftOfParent);
    m_childDirection = childLeftOfParent ? 1 : -1;
    m_parentDirection = -m_childDirection;

    const QPointF a = m_childEnd;
    const QPointF b = m_parentEnd;
    QPainterPath path(a);
    const qreal midX =
        qAbs(b.x() - a.x()) > 2 * kStub ? (a.x() + b.x()) / 2 : a.x() + m_childDirection * kStub;
    const qreal dy = b.y() - a.y();
    if (qAbs(dy) < 1) {
        path.lineTo(b);
    } else {
        const qreal r = qMin(kCorner, qAbs(dy) / 2);
        const qreal sy = dy > 0 ? 1 : -1;
        const qreal sx1 = midX > a.x() ? 1 : -1;
        const qreal sx2 = b.x() > midX ? 1 : -1;
        path.lineTo(midX - sx1 * r, a.y());
        path.quadTo(midX, a.y(), midX, a.y() + sy * r);
        path.lineTo(midX, b.y() - sy * r);
        path.quadTo(midX, b.y(), midX + sx2 * r, b.y());
        path.lineTo(b);
    }
    m_path = path;
}

QRectF RelationItem::boundingRect() const
{
    return m_path.boundingRect().adjusted(-kGlyph * 3, -kGlyph * 2, kGlyph * 3, kGlyph * 2);
}

QPainterPath RelationItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(m_path);
}

void RelationItem::paintEnd(QPainter *painter, QPointF at, qreal direction, bool many,
                            bool optional) const
{
    // Marks are drawn outwards from the card's edge along the line's first run.
    auto along = [&](qreal distance, qreal offset) {
        return QPointF(at.x() + direction * distance, at.y() + offset);
    };
    if (many) {
        const QPointF join = along(kGlyph * 1.6, 0);
        painter->drawLine(join, along(0, -kGlyph));
        painter->drawLine(join, at);
        painter->drawLine(join, along(0, kGlyph));
    } else {
        painter->drawLine(along(kGlyph * 0.9, -kGlyph * 0.8), along(kGlyph * 0.9, kGlyph * 0.8));
    }
    const qreal second = kGlyph * 2.6;
    if (optional) {
        painter->save();
        painter->setBrush(m_colors.canvas);
        painter->drawEllipse(along(second + 3, 0), 3.6, 3.6);
        painter->restore();
    } else {
        painter->drawLine(along(second, -kGlyph * 0.8), along(second, kGlyph * 0.8));
    }
}

void RelationItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(m_colors.line, 1.4);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    // A user may have none of these rows: the child end is "zero or many" (or "zero or one").
    paintEnd(painter, m_childEnd, m_childDirection, m_relation.childMany, true);
    paintEnd(painter, m_parentEnd, m_parentDirection, false, m_relation.parentOptional);
}

} // namespace gh::ui
