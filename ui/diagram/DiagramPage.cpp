#include "ui/diagram/DiagramPage.h"

#include "core/auth/AuthWorkspace.h"
#include "core/prisma/DataModel.h"
#include "core/prisma/SchemaSource.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"

#include <QAction>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPointer>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <memory>

namespace gh::ui {

namespace {

using DataModelPtr = std::shared_ptr<const prisma::DataModel>;

// Reads the schema's files as one schema (a multi-file schema is several). Null when a file
// cannot be read: the diagram then shows what the mapping knows.
DataModelPtr readDataModel(const QStringList &files)
{
    QList<prisma::SourceFile> sources;
    for (const QString &path : files) {
        auto file = prisma::SourceFile::read(path);
        if (!file)
            return nullptr;
        sources << *file;
    }
    const prisma::SchemaSource schema = prisma::SchemaSource::fromFiles(sources);
    return std::make_shared<const prisma::DataModel>(prisma::DataModel::build(schema));
}

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus); // the keys are the shortcuts; focus stays on the view
    button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly
                                                       : Qt::ToolButtonIconOnly);
    return button;
}

} // namespace

DiagramPage::DiagramPage(QWidget *parent)
    : QWidget(parent)
    , m_scene(new DiagramScene(this))
{
    m_view = new DiagramView(m_scene, this);
    connect(m_scene, &DiagramScene::modelActivated, this, &DiagramPage::modelActivated);

    auto shortcut = [this](const QString &text, const QString &icon, const QKeySequence &keys,
                           const QString &tip) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    QAction *zoomOut =
        shortcut(tr("−"), QStringLiteral("zoom-out"), QKeySequence::ZoomOut, tr("Zoom out"));
    QAction *zoomIn =
        shortcut(tr("+"), QStringLiteral("zoom-in"), QKeySequence::ZoomIn, tr("Zoom in"));
    QAction *fit = shortcut(tr("Fit"), QStringLiteral("zoom-fit-best"),
                            QKeySequence(Qt::CTRL | Qt::Key_0), tr("Fit the diagram to the view"));
    QAction *actual = shortcut(tr("100%"), QStringLiteral("zoom-original"),
                               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0), tr("Actual size"));
    connect(zoomOut, &QAction::triggered, m_view, &DiagramView::zoomOut);
    connect(zoomIn, &QAction::triggered, m_view, &DiagramView::zoomIn);
    connect(fit, &QAction::triggered, m_view, &DiagramView::fitToView);
    connect(actual, &QAction::triggered, this, [this] { m_view->setZoom(1.0); });

    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000%")));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_note = new QLabel(tr("Click a model to open its table · Ctrl+wheel to zoom"), this);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
    bar->setSpacing(2);
    bar->addWidget(toolButton(zoomOut, this));
    bar->addWidget(m_zoomLabel);
    bar->addWidget(toolButton(zoomIn, this));
    bar->addSpacing(6);
    bar->addWidget(toolButton(fit, this));
    bar->addWidget(toolButton(actual, this));
    bar->addStretch(1);
    bar->addWidget(m_note);

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    rule->setForegroundRole(QPalette::Mid);
    layout->addWidget(rule);
    layout->addWidget(m_stack, 1);

    connect(m_view, &DiagramView::zoomChanged, this, &DiagramPage::updateZoomLabel);
    updateZoomLabel();
    clear();
}

DiagramPage::~DiagramPage() = default;

void DiagramPage::updateZoomLabel()
{
    m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(m_view->zoom() * 100)));
}

void DiagramPage::clear()
{
    ++m_generation;
    m_loading = false;
    m_scene->setDiagram(SchemaDiagram(), font());
    m_message->setText(tr("Open a database to see the diagram of its Auth.js models."));
    m_stack->setCurrentWidget(m_message);
}

void DiagramPage::setWorkspace(const AuthWorkspace &workspace)
{
    setSchema(workspace.schema(), workspace.schemaFiles());
}

void DiagramPage::setSchema(const AuthSchema &schema, const QStringList &schemaFiles)
{
    const int generation = ++m_generation;
    if (schemaFiles.isEmpty()) {
        m_loading = false;
        setDiagram(SchemaDiagram::build(schema));
        return;
    }
    m_loading = true;
    // A redraw (the schema was saved) keeps the old drawing up until the new one is ready.
    if (m_scene->entityItems().isEmpty()) {
        m_message->setText(tr("Reading the schema…"));
        m_stack->setCurrentWidget(m_message);
    }
    auto *watcher = new QFutureWatcher<DataModelPtr>(this);
    connect(watcher, &QFutureWatcher<DataModelPtr>::finished, this,
            [this, watcher, generation, schema] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return; // another workspace meanwhile
                m_loading = false;
                const DataModelPtr dataModel = watcher->result();
                setDiagram(SchemaDiagram::build(schema, dataModel.get()));
            });
    watcher->setFuture(QtConcurrent::run(readDataModel, schemaFiles));
}

void DiagramPage::setDiagram(const SchemaDiagram &diagram)
{
    m_scene->setDiagram(diagram, font());
    m_stack->setCurrentWidget(m_view);
    if (m_view->isFitted())
        m_view->fitToView(); // a zoom the user chose survives a redraw
    Q_EMIT diagramChanged();
}

} // namespace gh::ui
