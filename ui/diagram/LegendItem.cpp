#include "ui/diagram/LegendItem.h"

#include <QFontMetricsF>
#include <QObject>
#include <QPainter>

namespace gh::ui {

namespace {

constexpr qreal kGlyphWidth = 34;

} // namespace

LegendItem::LegendItem(const QFont &font)
    : m_font(font)
{
    m_font.setPointSizeF(font.pointSizeF() * 0.9);
    m_badgeFont = m_font;
    m_badgeFont.setPointSizeF(font.pointSizeF() * 0.8);
    m_badgeFont.setBold(true);
    m_entries = {
        {Entry::Badge, QStringLiteral("PK"), QObject::tr("primary key")},
        {Entry::Badge, QStringLiteral("FK"), QObject::tr("foreign key")},
        {Entry::Badge, QStringLiteral("UQ"), QObject::tr("unique")},
        {Entry::Marker, QStringLiteral("?"), QObject::tr("optional")},
        {Entry::Marker, QStringLiteral("[]"), QObject::tr("list (relation)")},
        {Entry::Marker, QStringLiteral("→"), QObject::tr("column (@map)")},
        {Entry::One, QString(), QObject::tr("exactly one")},
        {Entry::Many, QString(), QObject::tr("zero or many")},
    };
    const QFontMetricsF fm(m_font);
    qreal width = 0;
    for (const Entry &entry : m_entries)
        width += entryWidth(entry) + fm.height() * 1.4;
    m_size = QSizeF(width, fm.height() * 1.6);
    setToolTip(QObject::tr("Crow's-foot notation: the marks at each end of a line say how many "
                           "rows of that model one row of the other has"));
}

void LegendItem::setColors(const DiagramColors &colors)
{
    m_colors = colors;
    update();
}

qreal LegendItem::entryWidth(const Entry &entry) const
{
    const QFontMetricsF fm(m_font);
    const QFontMetricsF badge(m_badgeFont);
    qreal symbol = 0;
    switch (entry.kind) {
    case Entry::Badge:
        symbol = badge.horizontalAdvance(entry.symbol) + fm.height() * 0.5;
        break;
    case Entry::Marker:
        symbol = fm.horizontalAdvance(entry.symbol);
        break;
    case Entry::Many:
    case Entry::One:
        symbol = kGlyphWidth;
        break;
    }
    return symbol + fm.height() * 0.4 + fm.horizontalAdvance(entry.label);
}

QRectF LegendItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

void LegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF fm(m_font);
    const QFontMetricsF badge(m_badgeFont);
    const qreal midY = m_size.height() / 2;
    qreal x = 0;
    for (const Entry &entry : m_entries) {
        qreal symbol = 0;
        switch (entry.kind) {
        case Entry::Badge: {
            const QColor hue = entry.symbol == QLatin1String("PK")   ? m_colors.primaryKey
                               : entry.symbol == QLatin1String("FK") ? m_colors.foreignKey
                                                                     : m_colors.unique;
            symbol = badge.horizontalAdvance(entry.symbol) + fm.height() * 0.5;
            const QRectF rect(x, midY - (badge.height() + 2) / 2, symbol, badge.height() + 2);
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_colors.badgeFill(hue));
            painter->drawRoundedRect(rect, 3, 3);
            painter->setPen(m_colors.badgeText(hue));
            painter->setFont(m_badgeFont);
            painter->drawText(rect, Qt::AlignCenter, entry.symbol);
            break;
        }
        case Entry::Marker:
            symbol = fm.horizontalAdvance(entry.symbol);
            painter->setPen(m_colors.text);
            painter->setFont(m_font);
            painter->drawText(QRectF(x, 0, symbol + 1, m_size.height()), Qt::AlignCenter,
                              entry.symbol);
            break;
        case Entry::Many:
        case Entry::One: {
            symbol = kGlyphWidth;
            QPen pen(m_colors.line, 1.4);
            pen.setCapStyle(Qt::RoundCap);
            painter->setPen(pen);
            painter->drawLine(QPointF(x, midY), QPointF(x + symbol, midY));
            const qreal end = x + symbol;
            if (entry.kind == Entry::Many) {
                painter->drawLine(QPointF(end - 12, midY), QPointF(end, midY - 7));
                painter->drawLine(QPointF(end - 12, midY), QPointF(end, midY + 7));
                painter->setBrush(m_colors.canvas);
                painter->drawEllipse(QPointF(end - 21, midY), 3.6, 3.6);
            } else {
                painter->drawLine(QPointF(end - 7, midY - 6), QPointF(end - 7, midY + 6));
                painter->drawLine(QPointF(end - 13, midY - 6), QPointF(end - 13, midY + 6));
            }
            break;
        }
        }
        x += symbol + fm.height() * 0.4;
        painter->setPen(m_colors.muted);
        painter->setFont(m_font);
        const qreal labelWidth = fm.horizontalAdvance(entry.label);
        painter->drawText(QRectF(x, 0, labelWidth + 1, m_size.height()),
                          Qt::AlignVCenter | Qt::AlignLeft, entry.label);
        x += labelWidth + fm.height() * 1.4;
    }
}

} // namespace gh::ui
