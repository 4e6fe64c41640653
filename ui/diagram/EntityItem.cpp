#include "ui/diagram/EntityItem.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace gh::ui {

namespace {

constexpr qreal kRadius = 8;
constexpr qreal kShadow = 6; // room for the shadow around the card

QStringList badgesOf(const DiagramField &field)
{
    QStringList badges;
    if (field.primaryKey)
        badges << QStringLiteral("PK");
    if (field.foreignKey)
        badges << QStringLiteral("FK");
    if (field.unique)
        badges << QStringLiteral("UQ");
    return badges;
}

QString typeText(const DiagramField &field)
{
    return field.type + field.marker;
}

QString columnText(const DiagramField &field)
{
    return field.column.isEmpty() ? QString() : QStringLiteral("→ %1").arg(field.column);
}

} // namespace

EntityItem::EntityItem(const DiagramEntity &entity, const QFont &font, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_entity(entity)
    , m_font(font)
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(entity.present ? Qt::LeftButton : Qt::NoButton);
    if (entity.present) {
        // Tab walks the cards, Enter or Space opens the focused one.
        setFlag(QGraphicsItem::ItemIsFocusable);
        setCursor(Qt::PointingHandCursor);
        setToolTip(tr("%1 — click to open its table").arg(entity.name));
    } else {
        setToolTip(tr("The schema has no %1 model").arg(entity.name));
    }
    measure();
}

QString EntityItem::subtitle() const
{
    if (!m_entity.present)
        return tr("not in this schema");
    return m_entity.table.isEmpty() ? QString() : tr("table %1").arg(m_entity.table);
}

void EntityItem::setColors(const DiagramColors &colors)
{
    m_colors = colors;
    update();
}

void EntityItem::measure()
{
    m_titleFont = m_font;
    m_titleFont.setBold(true);
    m_titleFont.setPointSizeF(m_font.pointSizeF() * 1.12);
    m_smallFont = m_font;
    m_smallFont.setPointSizeF(m_font.pointSizeF() * 0.86);
    const QFontMetricsF fm(m_font);
    const QFontMetricsF title(m_titleFont);
    const QFontMetricsF small(m_smallFont);

    const qreal em = fm.height();
    m_padX = qRound(em * 0.75);
    m_padTop = qRound(em * 0.35);
    m_gap = qRound(em * 0.6);
    m_rowHeight = qRound(em * 1.45);
    const QString sub = subtitle();
    m_headerHeight = qRound(title.height() + (sub.isEmpty() ? 0 : small.height()) + em * 0.9);

    int maxBadges = 0;
    m_nameWidth = m_typeWidth = m_columnWidth = 0;
    QFont italic = m_font;
    italic.setItalic(true);
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetricsF fmItalic(italic);
    const QFontMetricsF fmBold(bold);
    for (const DiagramField &f : m_entity.fields) {
        maxBadges = qMax(maxBadges, int(badgesOf(f).size()));
        const QFontMetricsF &names = f.relation ? fmItalic : f.primaryKey ? fmBold : fm;
        m_nameWidth = qMax(m_nameWidth, names.horizontalAdvance(f.name));
        m_typeWidth = qMax(m_typeWidth, fm.horizontalAdvance(typeText(f)));
        m_columnWidth = qMax(m_columnWidth, small.horizontalAdvance(columnText(f)));
    }
    const qreal oneBadge = small.horizontalAdvance(QStringLiteral("PK")) + em * 0.5;
    m_badgeWidth = qMax(1, maxBadges) * oneBadge + (qMax(1, maxBadges) - 1) * em * 0.2;

    qreal width = m_padX + m_badgeWidth + m_gap + m_nameWidth + m_gap * 1.5 + m_typeWidth + m_padX;
    if (m_columnWidth > 0)
        width += m_gap * 1.5 + m_columnWidth;
    const qreal headerWidth =
        m_padX * 2 + qMax(title.horizontalAdvance(m_entity.name), small.horizontalAdvance(sub));
    width = qMax(width, headerWidth);
    width = qMax(width, em * 11);

    const int rows = m_entity.present ? int(m_entity.fields.size()) : 1;
    const qreal height = m_headerHeight + m_padTop * 2 + rows * m_rowHeight;
    prepareGeometryChange();
    m_size = QSizeF(qCeil(width), qCeil(height));
}

QRectF EntityItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-kShadow, -kShadow, kShadow, kShadow * 2);
}

QPainterPath EntityItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(QRectF(QPointF(0, 0), m_size), kRadius, kRadius);
    return path;
}

QPointF EntityItem::anchor(const QString &field, bool rightEdge) const
{
    qreal y = m_headerHeight / 2;
    for (int row = 0; row < m_entity.fields.size(); ++row) {
        if (m_entity.fields.at(row).name == field) {
            y = rowTop(row) + m_rowHeight / 2;
            break;
        }
    }
    return mapToScene(QPointF(rightEdge ? m_size.width() : 0, y));
}

void EntityItem::paintBadge(QPainter *painter, const QRectF &rect, const QString &text,
                            const QColor &hue) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_colors.badgeFill(hue));
    painter->drawRoundedRect(rect, 3, 3);
    painter->setPen(m_colors.badgeText(hue));
    QFont font = m_smallFont;
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, text);
}

void EntityItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(QPointF(0, 0), m_size);

    // A soft shadow: a few widening, fading outlines (sharp at every zoom, unlike a blur).
    painter->setPen(Qt::NoPen);
    for (int i = 1; i <= 4; ++i) {
        QColor shade = m_colors.shadow;
        shade.setAlphaF(shade.alphaF() * (5 - i) / 10.0);
        painter->setBrush(shade);
        painter->drawRoundedRect(card.adjusted(-i * 0.5, i * 0.6, i * 0.5, i * 1.2), kRadius + i,
                                 kRadius + i);
    }

    QPainterPath outline;
    outline.addRoundedRect(card, kRadius, kRadius);
    painter->setBrush(m_colors.box);
    painter->drawPath(outline);

    // Header: a tinted band with an accent line on top.
    painter->save();
    painter->setClipPath(outline);
    const QRectF header(0, 0, m_size.width(), m_headerHeight);
    painter->fillRect(header, m_entity.present ? m_colors.header : m_colors.stripe);
    if (m_entity.present)
        painter->fillRect(QRectF(0, 0, m_size.width(), 3), m_colors.accent);
    painter->setPen(QPen(m_colors.boxBorder, 1));
    painter->drawLine(QPointF(0, m_headerHeight), QPointF(m_size.width(), m_headerHeight));

    // Rows: striped, badge, name, type, mapped column.
    const QFontMetricsF small(m_smallFont);
    const QFontMetricsF fm(m_font);
    for (int row = 0; m_entity.present && row < m_entity.fields.size(); ++row) {
        const DiagramField &f = m_entity.fields.at(row);
        const qreal top = rowTop(row);
        if (row % 2 == 1)
            painter->fillRect(QRectF(0, top, m_size.width(), m_rowHeight), m_colors.stripe);
        qreal x = m_padX;
        const qreal badgeHeight = qRound(small.height() + 2);
        const qreal badgeTop = top + (m_rowHeight - badgeHeight) / 2;
        const qreal oneBadge = small.horizontalAdvance(QStringLiteral("PK")) + fm.height() * 0.5;
        for (const QString &badge : badgesOf(f)) {
            const QColor hue = badge == QLatin1String("PK")   ? m_colors.primaryKey
                               : badge == QLatin1String("FK") ? m_colors.foreignKey
                                                              : m_colors.unique;
            paintBadge(painter, QRectF(x, badgeTop, oneBadge, badgeHeight), badge, hue);
            x += oneBadge + fm.height() * 0.2;
        }
        x = m_padX + m_badgeWidth + m_gap;
        const QRectF line(x, top, m_nameWidth, m_rowHeight);
        QFont nameFont = m_font;
        nameFont.setItalic(f.relation);
        nameFont.setBold(f.primaryKey);
        painter->setFont(nameFont);
        painter->setPen(f.relation ? m_colors.muted : m_colors.text);
        painter->drawText(line.adjusted(0, 0, m_gap, 0), Qt::AlignVCenter | Qt::AlignLeft, f.name);
        x += m_nameWidth + m_gap * 1.5;
        painter->setFont(m_font);
        painter->setPen(m_colors.muted);
        painter->drawText(QRectF(x, top, m_typeWidth + 2, m_rowHeight),
                          Qt::AlignVCenter | Qt::AlignLeft, typeText(f));
        if (!f.column.isEmpty()) {
            x += m_typeWidth + m_gap * 1.5;
            painter->setFont(m_smallFont);
            painter->drawText(QRectF(x, top, m_columnWidth + 2, m_rowHeight),
                              Qt::AlignVCenter | Qt::AlignLeft, columnText(f));
        }
    }
    if (!m_entity.present) {
        QFont italic = m_font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(m_colors.muted);
        painter->drawText(QRectF(m_padX, rowTop(0), m_size.width() - 2 * m_padX, m_rowHeight),
                          Qt::AlignCenter, tr("Optional (WebAuthn)"));
    }
    painter->restore();

    // Title and table.
    const QFontMetricsF title(m_titleFont);
    const QString sub = subtitle();
    const qreal textHeight = title.height() + (sub.isEmpty() ? 0 : small.height());
    const qreal textTop = 3 + (m_headerHeight - 3 - textHeight) / 2;
    painter->setFont(m_titleFont);
    painter->setPen(m_entity.present ? m_colors.title : m_colors.muted);
    painter->drawText(QRectF(m_padX, textTop, m_size.width() - 2 * m_padX, title.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, m_entity.name);
    if (!sub.isEmpty()) {
        painter->setFont(m_smallFont);
        painter->setPen(m_colors.muted);
        painter->drawText(
            QRectF(m_padX, textTop + title.height(), m_size.width() - 2 * m_padX, small.height()),
            Qt::AlignLeft | Qt::AlignVCenter, sub);
    }

    // Border last, over the clipped fills; the accent colour while hovered.
    painter->setBrush(Qt::NoBrush);
    const bool emphasised = m_hovered || hasFocus();
    QPen border(emphasised ? m_colors.accent : m_colors.boxBorder, emphasised ? 2 : 1);
    if (!m_entity.present)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
}

void EntityItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = m_entity.present;
    update();
}

void EntityItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}

void EntityItem::focusInEvent(QFocusEvent *)
{
    update();
}

void EntityItem::focusOutEvent(QFocusEvent *)
{
    update();
}

void EntityItem::keyPressEvent(QKeyEvent *event)
{
    if (m_entity.present && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                             event->key() == Qt::Key_Space)) {
        Q_EMIT activated(m_entity.kind);
        return;
    }
    QGraphicsObject::keyPressEvent(event);
}

void EntityItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressedAt = event->screenPos();
    event->accept();
}

void EntityItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    // A click, not the end of a drag.
    if (m_entity.present && (event->screenPos() - m_pressedAt).manhattanLength() < 6 &&
        boundingRect().contains(event->pos()))
        Q_EMIT activated(m_entity.kind);
}

} // namespace gh::ui
