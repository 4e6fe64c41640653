#include "ui/migrate/MigrationIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace gh::ui::MigrationIcons {

namespace {

QPixmap draw(Kind kind, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QRectF disc(s * 0.08, s * 0.08, s * 0.84, s * 0.84);
    QPen mark(Qt::white, s * 0.13, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);

    switch (kind) {
    case Kind::Applied:
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x2e, 0x9d, 0x4c));
        p.drawEllipse(disc);
        p.setPen(mark);
        p.drawPolyline(QPolygonF({QPointF(s * 0.30, s * 0.52), QPointF(s * 0.44, s * 0.66),
                                  QPointF(s * 0.71, s * 0.36)}));
        break;
    case Kind::Pending:
    case Kind::Unknown:
        p.setPen(QPen(kind == Kind::Pending ? QColor(0x2f, 0x6f, 0xd0) : QColor(0x8a, 0x8a, 0x8a),
                      s * 0.13));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(disc.adjusted(s * 0.06, s * 0.06, -s * 0.06, -s * 0.06));
        break;
    case Kind::Failed:
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd0, 0x34, 0x34));
        p.drawEllipse(disc);
        p.setPen(mark);
        p.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66));
        p.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66));
        break;
    case Kind::Edited: {
        QPainterPath triangle;
        triangle.moveTo(s * 0.5, s * 0.06);
        triangle.lineTo(s * 0.96, s * 0.90);
        triangle.lineTo(s * 0.04, s * 0.90);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xe0, 0x9a, 0x10));
        p.drawPath(triangle);
        p.setPen(mark);
        p.drawLine(QPointF(s * 0.5, s * 0.36), QPointF(s * 0.5, s * 0.58));
        p.drawPoint(QPointF(s * 0.5, s * 0.76));
        break;
    }
    case Kind::MissingLocally: {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x8a, 0x4f, 0xc0));
        p.drawEllipse(disc);
        QFont font;
        font.setBold(true);
        font.setPixelSize(int(s * 0.66));
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(disc, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    }
    return pixmap;
}

} // namespace

QIcon icon(Kind kind)
{
    QIcon icon;
    for (int size : {16, 24, 32})
        icon.addPixmap(draw(kind, size));
    return icon;
}

} // namespace gh::ui::MigrationIcons
