#include "ui/diagram/DiagramView.h"

#include "ui/diagram/DiagramScene.h"

#include <QEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtMath>

namespace gh::ui {

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setAlignment(Qt::AlignCenter);
    m_scene->setColors(palette());
}

qreal DiagramView::zoom() const
{
    return transform().m11();
}

void DiagramView::scaleBy(qreal factor)
{
    const qreal target = qBound(kMinZoom, zoom() * factor, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const qreal applied = target / zoom();
    scale(applied, applied);
    Q_EMIT zoomChanged(zoom());
}

void DiagramView::setZoom(qreal value)
{
    m_fitted = false;
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    scaleBy(value / zoom());
    setTransformationAnchor(anchor);
}

void DiagramView::zoomIn()
{
    setZoom(zoom() * 1.25);
}

void DiagramView::zoomOut()
{
    setZoom(zoom() / 1.25);
}

void DiagramView::fitToView()
{
    m_fitted = true;
    const QRectF rect = scene()->sceneRect();
    if (rect.isEmpty() || viewport()->width() < 10 || viewport()->height() < 10)
        return;
    // A hair under the exact fit, so that rounding never brings up the scroll bars.
    const qreal fit =
        0.98 * qMin(viewport()->width() / rect.width(), viewport()->height() / rect.height());
    setTransform(QTransform::fromScale(qBound(kMinZoom, fit, 1.5), qBound(kMinZoom, fit, 1.5)));
    centerOn(rect.center());
    Q_EMIT zoomChanged(zoom());
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // 120 units per notch; touchpads send smaller steps, which zoom smoothly.
    m_fitted = false;
    scaleBy(qPow(1.2, event->angleDelta().y() / 120.0));
    event->accept();
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitToView();
}

void DiagramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_scene->setColors(palette());
    QGraphicsView::changeEvent(event);
}

void DiagramView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const DiagramColors &colors = m_scene->colors();
    painter->fillRect(rect, colors.canvas);
    // A faint dot grid: the canvas reads as a drawing surface. Skipped when zoomed far out.
    const qreal step = 24;
    if (zoom() * step < 8)
        return;
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.grid);
    const qreal radius = qMax(0.8, 1.0 / zoom());
    for (qreal x = qFloor(rect.left() / step) * step; x < rect.right(); x += step) {
        for (qreal y = qFloor(rect.top() / step) * step; y < rect.bottom(); y += step)
            painter->drawEllipse(QPointF(x, y), radius, radius);
    }
    painter->restore();
}

} // namespace gh::ui
