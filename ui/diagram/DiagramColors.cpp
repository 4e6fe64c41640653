#include "ui/diagram/DiagramColors.h"

namespace gh::ui {

QColor DiagramColors::mix(const QColor &a, const QColor &b, qreal amount)
{
    const qreal k = qBound<qreal>(0, amount, 1);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * k),
                            float(a.greenF() + (b.greenF() - a.greenF()) * k),
                            float(a.blueF() + (b.blueF() - a.blueF()) * k),
                            float(a.alphaF() + (b.alphaF() - a.alphaF()) * k));
}

DiagramColors DiagramColors::fromPalette(const QPalette &palette)
{
    DiagramColors c;
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor highlight = palette.color(QPalette::Highlight);
    c.dark = window.lightness() < 128;
    // Boxes stand out from the canvas: lighter than it in a light scheme, lighter too in a
    // dark one (a dark palette's Base is usually darker than its Window).
    c.canvas = c.dark ? mix(window, QColor(Qt::black), 0.25) : mix(window, base, 0.35);
    c.box = c.dark ? mix(base, text, 0.07) : base;
    c.grid = mix(c.canvas, text, c.dark ? 0.10 : 0.12);
    c.boxBorder = mix(c.box, text, c.dark ? 0.22 : 0.20);
    c.accent = highlight;
    c.header = mix(c.box, highlight, c.dark ? 0.22 : 0.10);
    c.title = text;
    c.text = text;
    c.muted = mix(text, c.box, 0.45);
    c.stripe = mix(c.box, text, c.dark ? 0.035 : 0.025);
    c.line = mix(text, c.canvas, c.dark ? 0.35 : 0.40);
    c.shadow = QColor(0, 0, 0, c.dark ? 90 : 38);
    c.primaryKey = QColor(0xd4, 0x9a, 0x06);
    c.foreignKey = mix(highlight, QColor(0x2f, 0x7d, 0xe1), 0.5);
    c.unique = QColor(0x2e, 0xa0, 0x6a);
    return c;
}

QColor DiagramColors::badgeFill(const QColor &hue) const
{
    return mix(box, hue, dark ? 0.30 : 0.16);
}

QColor DiagramColors::badgeText(const QColor &hue) const
{
    return dark ? mix(hue, QColor(Qt::white), 0.35) : mix(hue, QColor(Qt::black), 0.35);
}

} // namespace gh::ui
