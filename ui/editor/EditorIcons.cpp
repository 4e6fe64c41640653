#include "ui/editor/EditorIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace gh::ui::EditorIcons {

QImage problem(bool error, const QColor &color, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box(1.5, 1.5, size - 3.0, size - 3.0);
    const QPen mark(Qt::white, std::max(1.5, size / 8.0), Qt::SolidLine, Qt::RoundCap);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    if (error) {
        painter.drawEllipse(box);
        painter.setPen(mark);
        const qreal inset = size * 0.34;
        painter.drawLine(QPointF(inset, inset), QPointF(size - inset, size - inset));
        painter.drawLine(QPointF(size - inset, inset), QPointF(inset, size - inset));
    } else {
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.right(), box.bottom());
        triangle.lineTo(box.left(), box.bottom());
        triangle.closeSubpath();
        painter.drawPath(triangle);
        painter.setPen(mark);
        painter.drawLine(QPointF(size / 2.0, size * 0.40), QPointF(size / 2.0, size * 0.62));
        painter.drawPoint(QPointF(size / 2.0, size * 0.78));
    }
    return image;
}

QPixmap completion(PrismaCompletion::ItemKind kind)
{
    struct Badge
    {
        const char *letter;
        QRgb color;
    };
    static const Badge badges[PrismaCompletion::kItemKindCount] = {
        {"K", 0x3B5BDB}, // Keyword
        {"P", 0x7048E8}, // Property
        {"T", 0x1971C2}, // ScalarType
        {"M", 0x0C8599}, // Model
        {"E", 0xE8590C}, // Enum
        {"C", 0x2F9E44}, // CompositeType
        {"@", 0xAE3EC9}, // Attribute
        {"f", 0x9C6F19}, // Function
        {"a", 0x7048E8}, // Argument
        {"v", 0x1C7ED6}, // Value
        {"F", 0x364FC7}, // Field
        {"D", 0xC92A2A}, // NativeType
    };
    const Badge &badge = badges[int(kind)];
    const int size = 14;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(badge.color));
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1.0, size - 1.0), 3, 3);
    QFont font = painter.font();
    font.setPixelSize(10);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, QString::fromLatin1(badge.letter));
    return pixmap;
}

} // namespace gh::ui::EditorIcons
