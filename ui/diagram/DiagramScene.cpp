#include "ui/diagram/DiagramScene.h"

#include "ui/diagram/EntityItem.h"
#include "ui/diagram/LegendItem.h"
#include "ui/diagram/RelationItem.h"

#include <QFontMetricsF>

namespace gh::ui {

DiagramScene::DiagramScene(QObject *parent)
    : QGraphicsScene(parent)
{}

EntityItem *DiagramScene::entityItem(AuthModelKind kind) const
{
    for (EntityItem *item : m_entities) {
        if (item->kind() == kind)
            return item;
    }
    return nullptr;
}

void DiagramScene::setDiagram(const SchemaDiagram &diagram, const QFont &font)
{
    clear();
    m_entities.clear();
    m_relations.clear();
    m_legend.clear();
    m_diagram = diagram;
    for (const DiagramEntity &entity : diagram.entities) {
        auto *item = new EntityItem(entity, font);
        item->setColors(m_colors);
        connect(item, &EntityItem::activated, this, &DiagramScene::modelActivated);
        addItem(item);
        m_entities << item;
    }
    layout(font);
    for (const DiagramRelation &relation : diagram.relations) {
        EntityItem *parent = entityItem(relation.parent);
        EntityItem *child = entityItem(relation.child);
        if (!parent || !child || parent == child)
            continue;
        auto *item = new RelationItem(relation, parent, child);
        item->setColors(m_colors);
        addItem(item);
        m_relations << item;
    }
    // Room around the drawing, so that "fit" leaves a margin.
    const qreal margin = QFontMetricsF(font).height() * 2;
    setSceneRect(itemsBoundingRect().adjusted(-margin, -margin, margin, margin));
}

void DiagramScene::layout(const QFont &font)
{
    const qreal em = QFontMetricsF(font).height();
    const qreal columnGap = em * 6; // room for the elbows and the crow's feet
    const qreal rowGap = em * 2.2;

    auto column = [&](std::initializer_list<AuthModelKind> kinds) {
        QList<EntityItem *> items;
        for (AuthModelKind kind : kinds) {
            if (EntityItem *item = entityItem(kind))
                items << item;
        }
        return items;
    };
    const QList<QList<EntityItem *>> columns = {
        column({AuthModelKind::Account}),
        column({AuthModelKind::User, AuthModelKind::VerificationToken}),
        column({AuthModelKind::Session, AuthModelKind::Authenticator}),
    };
    auto widthOf = [](const QList<EntityItem *> &items) {
        qreal w = 0;
        for (EntityItem *item : items)
            w = qMax(w, item->size().width());
        return w;
    };
    auto heightOf = [&](const QList<EntityItem *> &items) {
        qreal h = 0;
        for (EntityItem *item : items)
            h += item->size().height();
        return h + rowGap * qMax(0, int(items.size()) - 1);
    };
    qreal tallest = 0;
    for (const auto &items : columns)
        tallest = qMax(tallest, heightOf(items));

    // Columns side by side, each centred vertically; cards centred in their column.
    qreal x = 0;
    for (int c = 0; c < columns.size(); ++c) {
        const auto &items = columns.at(c);
        const qreal width = widthOf(items);
        qreal y = qRound((tallest - heightOf(items)) / 2);
        for (EntityItem *item : items) {
            // Side columns hug the middle one, so the lines stay short.
            const qreal offset = c == 0   ? width - item->size().width()
                                 : c == 2 ? 0
                                          : (width - item->size().width()) / 2;
            item->setPos(qRound(x + offset), y);
            y += item->size().height() + rowGap;
        }
        x += width + columnGap;
    }

    if (m_entities.isEmpty())
        return;
    auto *legend = new LegendItem(font);
    legend->setColors(m_colors);
    addItem(legend);
    const qreal totalWidth = x - columnGap;
    legend->setPos(qRound((totalWidth - legend->boundingRect().width()) / 2),
                   qRound(tallest + em * 2));
    m_legend << legend;
}

void DiagramScene::setColors(const QPalette &palette)
{
    m_colors = DiagramColors::fromPalette(palette);
    setBackgroundBrush(m_colors.canvas);
    for (EntityItem *item : m_entities)
        item->setColors(m_colors);
    for (RelationItem *item : m_relations)
        item->setColors(m_colors);
    for (LegendItem *item : m_legend)
        item->setColors(m_colors);
    update();
}

} // namespace gh::ui
