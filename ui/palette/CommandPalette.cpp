#include "ui/palette/CommandPalette.h"

#include "ui/inspector/RecordView.h"
#include "ui/palette/PaletteDelegate.h"
#include "ui/palette/PaletteModel.h"
#include "ui/palette/UserSearch.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QSet>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>
#include <functional>

namespace gh::ui {

namespace {

constexpr int kVisibleRows = 9;

// "&Export View…" → "Export View…" ("&&" stays one "&").
QString plainText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text.trimmed();
}

QString shortcutText(const QAction *action)
{
    return action->shortcut().toString(QKeySequence::NativeText);
}

// The title of the tab that holds `page` ("Schema •" while dirty is "Schema").
QString tabTitle(QWidget *page)
{
    for (QWidget *w = page ? page->parentWidget() : nullptr; w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            QString title = plainText(tabs->tabText(tabs->indexOf(page)));
            if (title.endsWith(QStringLiteral(" •")))
                title.chop(2);
            return title;
        }
    }
    return QString();
}

QColor mix(const QColor &a, const QColor &b, qreal k)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * k),
                            float(a.greenF() + (b.greenF() - a.greenF()) * k),
                            float(a.blueF() + (b.blueF() - a.blueF()) * k));
}

// A magnifying glass in the palette's colours (the style has none), sharp at any scale.
QIcon searchIcon(const QColor &colour, qreal ratio)
{
    const int size = 16;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(colour, 1.8);
    pen.setCapStyle(Qt::RoundCap);
    painter.setPen(pen);
    painter.drawEllipse(QRectF(2.5, 2.5, 8, 8));
    painter.drawLine(QPointF(9.6, 9.6), QPointF(13.5, 13.5));
    painter.end();
    return QIcon(pixmap);
}

} // namespace

CommandPalette::CommandPalette(MainWindow *window)
    : QFrame(window, Qt::Popup | Qt::FramelessWindowHint)
    , m_window(window)
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_empty(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_status(new QLabel(this))
    , m_model(new PaletteModel(this))
    , m_users(new UserSearch(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setAttribute(Qt::WA_DeleteOnClose, false);

    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.2);
    m_search->setFont(big);
    m_search->setFrame(false);
    m_search->setClearButtonEnabled(false);
    m_search->setPlaceholderText(tr("Search actions, views and users…"));
    m_search->setTextMargins(4, 0, 4, 0);
    m_searchIcon = m_search->addAction(QIcon(), QLineEdit::LeadingPosition);
    updateSearchIcon();
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::onTextChanged);

    m_list->setModel(m_model);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setMouseTracking(true);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->viewport()->setAutoFillBackground(false);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        selectRow(index.row());
        runCurrent();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        selectRow(0);
        updateSize();
    });

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("Nothing matches"));
    m_empty->hide();

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.88);
    m_hint->setFont(small);
    m_status->setFont(small);
    m_hint->setText(tr("↑↓ to move   ↵ to run   Esc to close"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    rule->setForegroundRole(QPalette::Mid);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(12, 4, 12, 6);
    footer->addWidget(m_hint);
    footer->addStretch(1);
    footer->addWidget(m_status);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    auto *searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(10, 10, 10, 10);
    searchRow->addWidget(m_search);
    layout->addLayout(searchRow);
    layout->addWidget(rule);
    layout->addSpacing(4);
    layout->addWidget(m_list);
    layout->addWidget(m_empty);
    layout->addLayout(footer);

    connect(m_users, &UserSearch::found, this, &CommandPalette::onUsersFound);
    connect(m_users, &UserSearch::searchingChanged, this, &CommandPalette::updateStatus);
    // The users of the open workspace; none while none is open.
    auto follow = [this] { m_users->setWorkspace(m_window->workspace()); };
    connect(window, &MainWindow::workspaceOpened, this, follow);
    connect(window, &MainWindow::workspaceClosed, this, [this] { m_users->setWorkspace(nullptr); });
    follow();
}

QVector<PaletteEntry> CommandPalette::commands() const
{
    return collectCommands();
}

QVector<PaletteEntry> CommandPalette::collectCommands() const
{
    QVector<PaletteEntry> actions;
    QSet<QAction *> seen;
    // A submenu's items are titled with it ("Theme: Dark"): alone they would say too little.
    std::function<void(QMenu *, const QString &, const QString &)> walk =
        [&](QMenu *menu, const QString &path, const QString &prefix) {
            for (QAction *action : menu->actions()) {
                if (action->isSeparator() || !action->isVisible())
                    continue;
                if (QMenu *sub = action->menu()) {
                    walk(sub, path, prefix + plainText(sub->title()) + QStringLiteral(": "));
                    continue;
                }
                if (action == m_excluded || !action->isEnabled() || seen.contains(action))
                    continue;
                seen.insert(action);
                PaletteEntry e;
                e.kind = PaletteEntry::Kind::Action;
                e.title = prefix + plainText(action->text());
                e.category = path;
                e.shortcut = shortcutText(action);
                e.icon = action->icon();
                e.action = action;
                actions << e;
            }
        };
    for (QAction *top : m_window->menuBar()->actions()) {
        if (QMenu *menu = top->menu(); menu && top->isVisible())
            walk(menu, plainText(menu->title()), QString());
    }

    // Views, under their tab titles; the Go menu's action for a view lends it its shortcut
    // and is not listed twice.
    QVector<PaletteEntry> views;
    static const QStringList records = {QStringLiteral("users"), QStringLiteral("accounts"),
                                        QStringLiteral("sessions"), QStringLiteral("tokens"),
                                        QStringLiteral("authenticators")};
    const QString goMenu = tr("Go");
    const QIcon viewIcon = style()->standardIcon(QStyle::SP_FileDialogListView);
    for (const QString &name : m_window->viewNames()) {
        QWidget *widget = m_window->page(name);
        const int record = int(records.indexOf(name));
        if (record >= 0)
            widget = m_window->view(AuthModelKind(record));
        if (!widget)
            continue; // a record view before a workspace is open, or a model the schema lacks
        PaletteEntry e;
        e.kind = PaletteEntry::Kind::View;
        e.title = tabTitle(widget);
        if (e.title.isEmpty())
            e.title = name.at(0).toUpper() + name.mid(1);
        e.category = goMenu; // views are where the Go menu goes
        e.icon = viewIcon;
        e.target = name;
        for (int i = 0; i < actions.size(); ++i) {
            const PaletteEntry &a = actions.at(i);
            if (a.category == goMenu && a.title.compare(e.title, Qt::CaseInsensitive) == 0) {
                e.shortcut = a.shortcut;
                actions.remove(i);
                break;
            }
        }
        views << e;
    }
    return views + actions;
}

void CommandPalette::popup()
{
    m_model->setCommands(collectCommands());
    m_search->clear();
    onTextChanged(QString());
    updateStatus();

    // Over the window's upper middle, like an editor's quick open.
    const QWidget *anchor = m_window->centralWidget() ? m_window->centralWidget() : m_window;
    const int width = qBound(480, int(m_window->width() * 0.55), 720);
    updateSize();
    layout()->activate();
    resize(width, layout()->sizeHint().height());
    const QPoint topLeft = anchor->mapToGlobal(QPoint((anchor->width() - width) / 2, 24));
    move(topLeft);
    show();
    raise();
    activateWindow();
    m_search->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::onTextChanged(const QString &text)
{
    m_model->setFilter(text);
    m_users->search(text);
}

void CommandPalette::onUsersFound(const QString &text, const QVector<UserHit> &users)
{
    QVector<PaletteEntry> entries;
    for (const UserHit &user : users) {
        PaletteEntry e;
        e.kind = PaletteEntry::Kind::User;
        e.title = user.name.isEmpty() ? user.email : user.name;
        e.detail = user.name.isEmpty() ? QString() : user.email;
        if (e.title.isEmpty())
            e.title = user.id;
        e.category = tr("User");
        e.target = user.id;
        entries << e;
    }
    m_model->setUsers(text, entries);
    updateStatus();
}

void CommandPalette::updateStatus()
{
    if (m_users->isSearching())
        m_status->setText(tr("Searching users…"));
    else if (!m_users->errorText().isEmpty())
        m_status->setText(m_status->fontMetrics().elidedText(
            tr("Cannot search users: %1").arg(m_users->errorText()), Qt::ElideRight, 320));
    else if (!m_users->hasWorkspace())
        m_status->setText(tr("Open a database to find users"));
    else if (m_search->text().trimmed().size() < UserSearch::minimumLength())
        m_status->setText(tr("Type an email or a name to find users"));
    else
        m_status->clear();
}

void CommandPalette::selectRow(int row)
{
    if (m_model->rowCount() == 0) {
        m_list->setCurrentIndex(QModelIndex());
        return;
    }
    const QModelIndex index = m_model->index(qBound(0, row, m_model->rowCount() - 1), 0);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

void CommandPalette::updateSize()
{
    const int rows = m_model->rowCount();
    m_list->setVisible(rows > 0);
    m_empty->setVisible(rows == 0);
    const int rowHeight = m_list->sizeHintForRow(0) > 0
                              ? m_list->sizeHintForRow(0)
                              : qRound(QFontMetricsF(font()).height() * 2.1);
    const int listHeight = qMin(qMax(rows, 1), kVisibleRows) * rowHeight + 4;
    m_list->setFixedHeight(listHeight);
    m_empty->setFixedHeight(rowHeight * 2);
    if (isVisible()) {
        layout()->activate();
        resize(width(), layout()->sizeHint().height());
    }
}

bool CommandPalette::runCurrent()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return false;
    const PaletteEntry entry = m_model->entry(index.row());
    hide();
    run(entry);
    return true;
}

void CommandPalette::run(const PaletteEntry &entry)
{
    switch (entry.kind) {
    case PaletteEntry::Kind::Action:
        if (entry.action && entry.action->isEnabled())
            entry.action->trigger();
        break;
    case PaletteEntry::Kind::View:
        m_window->showView(entry.target);
        break;
    case PaletteEntry::Kind::User:
        m_window->goToUser(entry.target);
        break;
    }
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const int row = m_list->currentIndex().row();
    switch (key->key()) {
    case Qt::Key_Down:
        selectRow(row + 1 < m_model->rowCount() ? row + 1 : 0); // wraps
        return true;
    case Qt::Key_Up:
        selectRow(row > 0 ? row - 1 : m_model->rowCount() - 1);
        return true;
    case Qt::Key_PageDown:
        selectRow(row + kVisibleRows - 1);
        return true;
    case Qt::Key_PageUp:
        selectRow(row - (kVisibleRows - 1));
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        runCurrent();
        return true;
    case Qt::Key_Escape:
        hide();
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}

void CommandPalette::updateSearchIcon()
{
    m_searchIcon->setIcon(
        searchIcon(palette().color(QPalette::PlaceholderText), devicePixelRatioF()));
}

void CommandPalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateSearchIcon();
    QFrame::changeEvent(event);
}

void CommandPalette::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QColor base = palette().color(QPalette::Base);
    painter.fillRect(rect(), base);
    painter.setPen(mix(palette().color(QPalette::Text), base, 0.7));
    painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
}

void CommandPalette::hideEvent(QHideEvent *event)
{
    m_users->search(QString()); // nothing in flight for a closed palette
    QFrame::hideEvent(event);
}

} // namespace gh::ui
