#pragma once

#include <QStyledItemDelegate>

namespace gh::ui {

/// Paints a palette row: an icon (or a user's initials), the title with the matched letters
/// emphasised, the detail, and on the right the category and the shortcut as key caps.
class PaletteDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace gh::ui
