#include "ui/inspector/RecordTableView.h"

#include "ui/inspector/PagedRecordModel.h"
#include "ui/inspector/RecordRoles.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QTimer>

namespace gh::ui {

RecordTableView::RecordTableView(QWidget *parent)
    : QTableView(parent)
    , m_viewportTimer(new QTimer(this))
{
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    setCornerButtonEnabled(false);
    // Row numbers after a seek are estimates; showing them would claim a precision they lack.
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    verticalHeader()->setMinimumSectionSize(fontMetrics().height() + 4);
    // One row per scroll step: the scroll bar's value is the top row, whatever the table's size.
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setSectionsMovable(true);

    // Coalesce the viewport reports of a scroll bar drag into one load.
    m_viewportTimer->setSingleShot(true);
    m_viewportTimer->setInterval(25);
    connect(m_viewportTimer, &QTimer::timeout, this, &RecordTableView::reportViewport);

    m_reveal = new QAction(tr("&Reveal Secret"), this);
    m_reveal->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reveal->setShortcutContext(Qt::WidgetShortcut);
    m_reveal->setStatusTip(tr("Show or mask again the secret in this cell only"));
    connect(m_reveal, &QAction::triggered, this, &RecordTableView::toggleRevealCurrent);

    m_copy = new QAction(tr("&Copy"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    m_copy->setStatusTip(tr("Copy the cells as shown: a masked secret copies as its mask"));
    connect(m_copy, &QAction::triggered, this, &RecordTableView::copySelection);

    m_revealAndCopy = new QAction(tr("Reveal and Copy &Secret"), this);
    m_revealAndCopy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_revealAndCopy->setShortcutContext(Qt::WidgetShortcut);
    m_revealAndCopy->setStatusTip(tr("Show the secret in this cell and copy its real value"));
    connect(m_revealAndCopy, &QAction::triggered, this, &RecordTableView::revealAndCopyCurrent);

    m_goToUser = new QAction(tr("Go to &User"), this);
    m_goToUser->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_goToUser->setShortcutContext(Qt::WidgetShortcut);
    connect(m_goToUser, &QAction::triggered, this, [this] {
        const QString userId = currentUserId();
        if (!userId.isEmpty())
            Q_EMIT userRequested(userId);
    });

    addActions({m_reveal, m_copy, m_revealAndCopy, m_goToUser});
    connect(this, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString userId = index.data(UserIdRole).toString();
        if (!userId.isEmpty() && m_goToUser->isVisible())
            Q_EMIT userRequested(userId);
    });
}

void RecordTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    m_paged = qobject_cast<PagedRecordModel *>(model);
    if (m_paged) {
        connect(m_paged, &QAbstractItemModel::rowsInserted, this,
                &RecordTableView::scheduleViewport);
        connect(m_paged, &QAbstractItemModel::rowsRemoved, this,
                &RecordTableView::scheduleViewport);
        connect(m_paged, &QAbstractItemModel::modelReset, this, &RecordTableView::scheduleViewport);
        connect(m_paged, &PagedRecordModel::endLoaded, this, [this] {
            if (!m_goingToEnd || m_paged->rowCount() == 0)
                return;
            m_goingToEnd = false;
            const QModelIndex last =
                m_paged->index(m_paged->rowCount() - 1, qMax(0, currentIndex().column()));
            setCurrentIndex(last);
            scrollTo(last);
        });
        connect(m_paged, &PagedRecordModel::windowShifted, this, [this](int delta) {
            // Keep the rows on screen where they were when their numbers were corrected.
            verticalScrollBar()->setValue(verticalScrollBar()->value() + delta);
        });
        scheduleViewport();
    }
    if (model) {
        // The current row's data may arrive after it became current (a page on its way).
        connect(model, &QAbstractItemModel::dataChanged, this, &RecordTableView::updateActions);
        connect(model, &QAbstractItemModel::modelReset, this, &RecordTableView::updateActions);
    }
    if (selectionModel()) {
        connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
                &RecordTableView::updateActions);
    }
    updateActions();
}

void RecordTableView::addRowAction(QAction *action)
{
    m_rowActions << action;
}

QList<int> RecordTableView::selectedRowNumbers() const
{
    QList<int> rows;
    if (selectionModel()) {
        const QModelIndexList selected = selectionModel()->selectedRows();
        for (const QModelIndex &index : selected)
            rows << index.row();
    }
    if (rows.isEmpty() && currentIndex().isValid())
        rows << currentIndex().row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void RecordTableView::updateActions()
{
    const QModelIndex current = currentIndex();
    const bool secret = current.data(SecretRole).toBool();
    const bool revealed = current.data(RevealedRole).toBool();
    m_reveal->setEnabled(secret);
    m_reveal->setText(revealed ? tr("&Mask Secret") : tr("&Reveal Secret"));
    m_revealAndCopy->setEnabled(secret);
    m_copy->setEnabled(current.isValid() && current.data(LoadedRole).toBool());
    m_goToUser->setEnabled(!current.data(UserIdRole).toString().isEmpty());
}

void RecordTableView::toggleRevealCurrent()
{
    const QModelIndex current = currentIndex();
    if (!current.data(SecretRole).toBool())
        return;
    model()->setData(current, !current.data(RevealedRole).toBool(), RevealedRole);
    updateActions();
}

void RecordTableView::copySelection()
{
    const QList<int> rows = selectedRowNumbers();
    QString text;
    if (rows.size() <= 1) {
        text = currentIndex().data(Qt::DisplayRole).toString();
    } else {
        QStringList lines;
        const int columns = model()->columnCount();
        for (int row : rows) {
            QStringList cells;
            for (int logical = 0; logical < columns; ++logical) {
                const int column = horizontalHeader()->logicalIndex(logical);
                if (!isColumnHidden(column))
                    cells << model()->index(row, column).data(Qt::DisplayRole).toString();
            }
            lines << cells.join(QLatin1Char('\t'));
        }
        text = lines.join(QLatin1Char('\n'));
    }
    QApplication::clipboard()->setText(text);
}

void RecordTableView::revealAndCopyCurrent()
{
    const QModelIndex current = currentIndex();
    if (!current.data(SecretRole).toBool())
        return;
    model()->setData(current, true, RevealedRole);
    QApplication::clipboard()->setText(current.data(RawValueRole).toString());
    updateActions();
}

void RecordTableView::fitColumns()
{
    if (!model())
        return;
    const int minimum = fontMetrics().horizontalAdvance(QLatin1Char('m')) * 6;
    const int maximum = fontMetrics().horizontalAdvance(QLatin1Char('m')) * 26;
    for (int c = 0; c < model()->columnCount(); ++c) {
        resizeColumnToContents(c);
        setColumnWidth(c, qBound(minimum, columnWidth(c) + 12, maximum));
    }
}

QString RecordTableView::currentUserId() const
{
    return currentIndex().data(UserIdRole).toString();
}

void RecordTableView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (index.isValid() && !selectionModel()->isSelected(index))
        setCurrentIndex(index);
    else if (index.isValid())
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    updateActions();

    QMenu menu(this);
    menu.addAction(m_copy);
    if (index.data(SecretRole).toBool()) {
        menu.addAction(m_reveal);
        menu.addAction(m_revealAndCopy);
    }
    if (m_goToUser->isVisible()) {
        menu.addSeparator();
        menu.addAction(m_goToUser);
    }
    if (!m_rowActions.isEmpty()) {
        menu.addSeparator();
        menu.addActions(m_rowActions);
    }
    Q_EMIT contextMenuAboutToShow(&menu);
    menu.exec(event->globalPos());
}

void RecordTableView::keyPressEvent(QKeyEvent *event)
{
    QTableView::keyPressEvent(event);
    // Ctrl+End means the query's last row, even before the count says where that is.
    if (m_paged && event->key() == Qt::Key_End && (event->modifiers() & Qt::ControlModifier)) {
        m_goingToEnd = true;
        m_paged->loadEnd();
    } else if (event->key() == Qt::Key_Home && (event->modifiers() & Qt::ControlModifier)) {
        m_goingToEnd = false;
    }
}

void RecordTableView::scrollContentsBy(int dx, int dy)
{
    QTableView::scrollContentsBy(dx, dy);
    if (dy != 0)
        scheduleViewport();
}

void RecordTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    scheduleViewport();
}

void RecordTableView::scheduleViewport()
{
    if (m_paged)
        m_viewportTimer->start();
}

void RecordTableView::reportViewport()
{
    if (!m_paged || m_paged->rowCount() == 0)
        return;
    const int first = qMax(0, rowAt(0));
    int last = rowAt(viewport()->height() - 1);
    if (last < 0)
        last = m_paged->rowCount() - 1;
    m_paged->setViewport(first, last);
}

} // namespace gh::ui
