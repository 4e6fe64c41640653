#pragma once

#include <QGraphicsView>

namespace gh::ui {

class DiagramScene;

/// Shows the diagram: fitted to the view until the user zooms (Ctrl+wheel around the cursor,
/// Ctrl++ / Ctrl+- / Ctrl+0), dragged with the mouse, on a dotted canvas in the palette's colours.
class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);

    DiagramScene *diagramScene() const { return m_scene; }

    qreal zoom() const;
    /// Sets the scale (clamped to kMinZoom..kMaxZoom) around the view's centre.
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    /// Fits the whole diagram, never enlarging it past 150%, and keeps it fitted on resize.
    void fitToView();
    bool isFitted() const { return m_fitted; }

    static constexpr qreal kMinZoom = 0.2;
    static constexpr qreal kMaxZoom = 4.0;

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void changeEvent(QEvent *event) override;

private:
    void scaleBy(qreal factor);

    DiagramScene *m_scene;
    bool m_fitted = true;
};

} // namespace gh::ui
