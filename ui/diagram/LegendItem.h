#pragma once

#include "ui/diagram/DiagramColors.h"

#include <QFont>
#include <QGraphicsItem>

namespace gh::ui {

/// The key under the diagram: what the badges, markers and line ends mean.
class LegendItem : public QGraphicsItem
{
public:
    explicit LegendItem(const QFont &font);

    void setColors(const DiagramColors &colors);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Entry
    {
        enum Kind { Badge, Marker, Many, One } kind;
        QString symbol;
        QString label;
    };

    qreal entryWidth(const Entry &entry) const;

    QFont m_font;
    QFont m_badgeFont;
    DiagramColors m_colors;
    QVector<Entry> m_entries;
    QSizeF m_size;
};

} // namespace gh::ui
