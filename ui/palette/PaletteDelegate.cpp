#include "ui/palette/PaletteDelegate.h"

#include "ui/palette/PaletteEntry.h"
#include "ui/palette/PaletteModel.h"

#include <QApplication>
#include <QPainter>
#include <QRegularExpression>
#include <QTextLayout>

namespace gh::ui {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal k)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * k),
                            float(a.greenF() + (b.greenF() - a.greenF()) * k),
                            float(a.blueF() + (b.blueF() - a.blueF()) * k));
}

QString initialsOf(const QString &name)
{
    QString initials;
    for (const QString &word :
         name.split(QRegularExpression(QStringLiteral("[\\s._@-]+")), Qt::SkipEmptyParts)) {
        initials += word.at(0).toUpper();
        if (initials.size() == 2)
            break;
    }
    return initials.isEmpty() ? QStringLiteral("?") : initials;
}

// Draws `text` from `x` on the row's baseline, the characters at `positions` bold in `strong`;
// returns the x after it. Elided (no emphasis) when it would pass `right`.
qreal drawMatched(QPainter *painter, const QFont &font, qreal x, qreal top, qreal height,
                  qreal right, const QString &text, const QList<int> &positions,
                  const QColor &normal, const QColor &strong)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(font);
    const QFontMetricsF fmBold(bold);
    qreal width = 0;
    for (int i = 0; i < text.size(); ++i)
        width += (positions.contains(i) ? fmBold : fm).horizontalAdvance(text.at(i));
    const QRectF box(x, top, right - x, height);
    if (x + width > right) {
        painter->setFont(font);
        painter->setPen(normal);
        painter->drawText(box, Qt::AlignVCenter | Qt::AlignLeft,
                          fm.elidedText(text, Qt::ElideRight, right - x));
        return right;
    }
    // Runs of the same weight, so that kerning inside a run is kept.
    int start = 0;
    while (start < text.size()) {
        const bool matched = positions.contains(start);
        int end = start + 1;
        while (end < text.size() && positions.contains(end) == matched)
            ++end;
        const QString run = text.mid(start, end - start);
        painter->setFont(matched ? bold : font);
        painter->setPen(matched ? strong : normal);
        painter->drawText(QRectF(x, top, right - x, height), Qt::AlignVCenter | Qt::AlignLeft, run);
        x += (matched ? fmBold : fm).horizontalAdvance(run);
        start = end;
    }
    return x;
}

} // namespace

QSize PaletteDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(200, qRound(QFontMetricsF(option.font).height() * 2.1));
}

void PaletteDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRectF row = QRectF(option.rect).adjusted(4, 1, -4, -1);
    const QColor base = pal.color(QPalette::Base);
    const QColor highlight = pal.color(QPalette::Highlight);
    const bool dark = base.lightness() < 128;
    // A soft selection in the accent colour rather than a solid bar: text stays in its colours.
    const QColor rowFill = mix(base, highlight, dark ? 0.40 : 0.16);
    if (selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(rowFill);
        painter->drawRoundedRect(row, 5, 5);
        painter->setBrush(highlight);
        painter->drawRoundedRect(QRectF(row.left(), row.top() + 6, 3, row.height() - 12), 1.5, 1.5);
    } else if (option.state & QStyle::State_MouseOver) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(mix(base, pal.color(QPalette::Text), 0.05));
        painter->drawRoundedRect(row, 5, 5);
    }

    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(text, selected ? rowFill : base, 0.45);
    const QColor strong = dark ? mix(highlight, QColor(Qt::white), 0.45) : highlight.darker(115);
    const QFontMetricsF fm(option.font);
    const qreal em = fm.height();
    const auto kind = PaletteEntry::Kind(index.data(PaletteModel::KindRole).toInt());

    // Left: the icon, or initials in a circle for a user.
    qreal x = row.left() + em * 0.7;
    const qreal iconSize = qRound(em * 1.2);
    const QRectF iconBox(x, row.center().y() - iconSize / 2, iconSize, iconSize);
    if (kind == PaletteEntry::Kind::User) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(mix(base, highlight, dark ? 0.55 : 0.25));
        painter->drawEllipse(iconBox);
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.72);
        small.setBold(true);
        painter->setFont(small);
        painter->setPen(dark ? QColor(Qt::white) : highlight.darker(160));
        painter->drawText(iconBox, Qt::AlignCenter,
                          initialsOf(index.data(Qt::DisplayRole).toString()));
    } else {
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        if (!icon.isNull())
            icon.paint(painter, iconBox.toRect(), Qt::AlignCenter,
                       option.state & QStyle::State_Enabled ? QIcon::Normal : QIcon::Disabled);
    }
    x = iconBox.right() + em * 0.7;

    // Right: the shortcut as key caps, then the category before it.
    qreal right = row.right() - em * 0.7;
    const QString shortcut = index.data(PaletteModel::ShortcutRole).toString();
    if (!shortcut.isEmpty()) {
        QFont capFont = option.font;
        capFont.setPointSizeF(option.font.pointSizeF() * 0.85);
        const QFontMetricsF capMetrics(capFont);
        const QStringList keys = shortcut.split(QLatin1Char('+'), Qt::SkipEmptyParts);
        const qreal capHeight = qRound(capMetrics.height() + 4);
        painter->setFont(capFont);
        for (int k = int(keys.size()) - 1; k >= 0; --k) {
            const QString key = keys.at(k);
            const qreal w = qMax(capHeight, capMetrics.horizontalAdvance(key) + 10);
            const QRectF cap(right - w, row.center().y() - capHeight / 2, w, capHeight);
            painter->setPen(QPen(mix(text, base, 0.75), 1));
            painter->setBrush(mix(base, text, dark ? 0.10 : 0.04));
            painter->drawRoundedRect(cap.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
            painter->setPen(muted);
            painter->drawText(cap, Qt::AlignCenter, key);
            right = cap.left() - 3;
        }
        right -= em * 0.5;
    }
    const QString category = index.data(PaletteModel::CategoryRole).toString();
    if (!category.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.9);
        const qreal w = QFontMetricsF(small).horizontalAdvance(category);
        painter->setFont(small);
        painter->setPen(muted);
        painter->drawText(QRectF(right - w, row.top(), w + 1, row.height()),
                          Qt::AlignVCenter | Qt::AlignRight, category);
        right -= w + em;
    }

    // Middle: the title with its matched letters, then the detail.
    const QList<int> matched = index.data(PaletteModel::MatchPositionsRole).value<QList<int>>();
    x = drawMatched(painter, option.font, x, row.top(), row.height(), right,
                    index.data(Qt::DisplayRole).toString(), matched, text, strong);
    const QString detail = index.data(PaletteModel::DetailRole).toString();
    if (!detail.isEmpty() && x + em < right) {
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.92);
        drawMatched(painter, small, x + em * 0.6, row.top(), row.height(), right, detail,
                    index.data(PaletteModel::DetailMatchRole).value<QList<int>>(), muted, strong);
    }
    painter->restore();
}

} // namespace gh::ui
