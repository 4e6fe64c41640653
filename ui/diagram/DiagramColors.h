#pragma once

#include <QColor>
#include <QPalette>

namespace gh::ui {

/// The diagram's colours, all derived from the widget palette so that the diagram follows the
/// light or dark scheme; only the key badges add hues of their own, toned to the background.
struct DiagramColors
{
    QColor canvas;
    QColor grid;
    QColor box;
    QColor boxBorder;
    QColor header;
    QColor accent;
    QColor title;
    QColor text;
    QColor muted;
    QColor stripe;
    QColor line;
    QColor shadow;
    QColor primaryKey;
    QColor foreignKey;
    QColor unique;
    bool dark = false;

    static DiagramColors fromPalette(const QPalette &palette);
    /// `a` moved towards `b` by `amount` (0 = a, 1 = b).
    static QColor mix(const QColor &a, const QColor &b, qreal amount);
    /// A badge: a fill and a text colour for `hue` on this background.
    QColor badgeFill(const QColor &hue) const;
    QColor badgeText(const QColor &hue) const;
};

} // namespace gh::ui
