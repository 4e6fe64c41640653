#include "ui/editor/SchemaWorkspace.h"

#include "core/common/WhenReady.h"
#include "core/prisma/Formatter.h"
#include "core/prisma/SchemaSource.h"
#include "ui/editor/EditorIcons.h"
#include "ui/editor/EditorPrompts.h"
#include "ui/editor/FindBar.h"
#include "ui/editor/ProblemsModel.h"
#include "ui/editor/SchemaAnalyzer.h"
#include "ui/editor/SchemaEditor.h"
#include "ui/editor/SchemaFileIo.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace gh::ui {

namespace {

size_t contentHash(const QByteArray &bytes)
{
    return qHash(bytes);
}

QString commonFolder(const QStringList &files)
{
    if (files.isEmpty())
        return QString();
    QString root = QFileInfo(files.first()).absolutePath();
    for (const QString &file : files) {
        const QString folder = QFileInfo(file).absolutePath();
        while (!root.isEmpty() && folder != root && !folder.startsWith(root + QLatin1Char('/')))
            root =
                QFileInfo(root).absolutePath() == root ? QString() : QFileInfo(root).absolutePath();
    }
    return root;
}

} // namespace

SchemaWorkspace::SchemaWorkspace(QWidget *parent)
    : QWidget(parent)
    , m_prompts(std::make_unique<EditorPrompts>())
    , m_watcher(new QFileSystemWatcher(this))
    , m_problems(new ProblemsModel(this))
    , m_palette(EditorPalette::light())
    , m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    m_analyzer = new SchemaAnalyzer(
        [this] {
            QList<SchemaAnalyzer::Text> texts;
            for (int i = 0; i < editorCount(); ++i)
                texts << SchemaAnalyzer::Text{editor(i)->filePath(), editor(i)->utf8Text()};
            return texts;
        },
        this);
    connect(m_analyzer, &SchemaAnalyzer::finished, this, &SchemaWorkspace::applyAnalysis);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &SchemaWorkspace::onFileChanged);

    buildActions();
    buildLayout();
    setEditorPalette(m_palette);
    updateActions();
}

SchemaWorkspace::~SchemaWorkspace()
{
    m_analyzer->cancel();
}

void SchemaWorkspace::buildActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        if (!key.isEmpty())
            action->setShortcut(key);
        // Only while focus is in the workspace: the host's other tabs keep their keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_openFile =
        make(tr("&Open Schema File…"), QKeySequence::Open, [this] { openWithDialog(false); });
    m_openFolder =
        make(tr("Open Schema &Folder…"), QKeySequence(), [this] { openWithDialog(true); });
    m_save = make(tr("&Save Schema"), QKeySequence::Save, [this] { save(); });
    m_saveAs = make(tr("Save Schema &As…"), QKeySequence::SaveAs, [this] { saveAs(); });
    m_saveAll = make(tr("Save A&ll"), QKeySequence(tr("Ctrl+Alt+S")), [this] { saveAll(); });
    m_reload = make(tr("Re&load from Disk"), QKeySequence(), [this] { reload(); });
    m_close = make(tr("&Close Schema"), QKeySequence(), [this] { closeSchema(); });
    m_format = make(tr("&Format Schema"), QKeySequence(tr("Ctrl+Shift+F")), [this] { format(); });
    m_formatOnSaveAction =
        make(tr("Format on Sa&ve"), QKeySequence(), [this](bool on) { m_formatOnSave = on; });
    m_formatOnSaveAction->setCheckable(true);
    m_goToDefinition = make(tr("&Go to Definition"), QKeySequence(Qt::Key_F12), [this] {
        if (SchemaEditor *e = currentEditor())
            e->requestDefinitionAtCaret();
    });
    m_find = make(tr("&Find…"), QKeySequence::Find, [this] { m_findBar->showFind(); });
    m_replace =
        make(tr("&Replace…"), QKeySequence(tr("Ctrl+H")), [this] { m_findBar->showReplace(); });
    m_findNext = make(tr("Find &Next"), QKeySequence(Qt::Key_F3), [this] {
        m_findBar->isVisible() ? void(m_findBar->findNext()) : m_findBar->showFind();
    });
    m_findPrevious = make(tr("Find Pre&vious"), QKeySequence(Qt::SHIFT | Qt::Key_F3), [this] {
        m_findBar->isVisible() ? void(m_findBar->findPrevious()) : m_findBar->showFind();
    });
    m_toggleComment = make(tr("&Toggle Comment"), QKeySequence(tr("Ctrl+/")), [this] {
        if (SchemaEditor *e = currentEditor())
            e->toggleLineComment();
    });
    m_complete = make(tr("Show &Completions"), QKeySequence(tr("Ctrl+Space")), [this] {
        if (SchemaEditor *e = currentEditor())
            e->showCompletions();
    });
    m_nextProblem = make(tr("Next &Problem"), QKeySequence(Qt::Key_F8), [this] { showProblem(1); });
    m_previousProblem = make(tr("Previous Problem"), QKeySequence(Qt::SHIFT | Qt::Key_F8),
                             [this] { showProblem(-1); });
}

QMenu *SchemaWorkspace::createMenu(QWidget *parent) const
{
    auto *menu = new QMenu(tr("&Schema"), parent);
    menu->addActions({m_openFile, m_openFolder});
    menu->addSeparator();
    menu->addActions({m_save, m_saveAs, m_saveAll, m_reload, m_close});
    menu->addSeparator();
    menu->addActions({m_format, m_formatOnSaveAction});
    menu->addSeparator();
    menu->addActions({m_find, m_replace, m_findNext, m_findPrevious});
    menu->addSeparator();
    menu->addActions(
        {m_goToDefinition, m_complete, m_toggleComment, m_nextProblem, m_previousProblem});
    return menu;
}

void SchemaWorkspace::buildLayout()
{
    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(false);
    m_tabs->setTabsClosable(false);
    connect(m_tabs, &QTabWidget::currentChanged, this, &SchemaWorkspace::onCurrentTabChanged);

    m_placeholder = new QWidget(this);
    auto *placeholderLayout = new QVBoxLayout(m_placeholder);
    placeholderLayout->addStretch(1);
    auto *title = new QLabel(tr("No schema open"), m_placeholder);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    placeholderLayout->addWidget(title);
    auto *hint =
        new QLabel(tr("Open a schema.prisma file or a prisma/schema folder."), m_placeholder);
    hint->setAlignment(Qt::AlignCenter);
    hint->setEnabled(false);
    placeholderLayout->addWidget(hint);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QAction *action : {m_openFile, m_openFolder}) {
        auto *button = new QToolButton(m_placeholder);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    placeholderLayout->addLayout(buttons);
    placeholderLayout->addStretch(2);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tabs);

    m_findBar = new FindBar(this);
    auto *editorArea = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorArea);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_stack, 1);
    editorLayout->addWidget(m_findBar);

    auto *problemsPanel = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problemsPanel);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->setSpacing(0);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 4, 8, 4);
    auto *problemsTitle = new QLabel(tr("Problems"), problemsPanel);
    QFont bold = problemsTitle->font();
    bold.setBold(true);
    problemsTitle->setFont(bold);
    m_problemsSummary = new QLabel(problemsPanel);
    m_cursorLabel = new QLabel(problemsPanel);
    header->addWidget(problemsTitle);
    header->addSpacing(8);
    header->addWidget(m_problemsSummary);
    header->addStretch(1);
    header->addWidget(m_cursorLabel);
    problemsLayout->addLayout(header);

    m_problemsView = new QTreeView(problemsPanel);
    m_problemsView->setModel(m_problems);
    m_problemsView->setRootIsDecorated(false);
    m_problemsView->setUniformRowHeights(true);
    m_problemsView->setAllColumnsShowFocus(true);
    m_problemsView->setFrameShape(QFrame::NoFrame);
    m_problemsView->header()->setStretchLastSection(false);
    m_problemsView->header()->setSectionResizeMode(ProblemsModel::MessageColumn,
                                                   QHeaderView::Stretch);
    m_problemsView->header()->setSectionResizeMode(ProblemsModel::LocationColumn,
                                                   QHeaderView::ResizeToContents);
    connect(m_problemsView, &QTreeView::activated, this,
            [this](const QModelIndex &index) { activateProblem(index.row()); });
    problemsLayout->addWidget(m_problemsView, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(editorArea);
    m_splitter->addWidget(problemsPanel);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({800, 160});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    updateProblemsSummary();
}

void SchemaWorkspace::updateActions()
{
    const bool open = editorCount() > 0;
    for (QAction *action : {m_save, m_saveAs, m_saveAll, m_reload, m_close, m_format,
                            m_goToDefinition, m_find, m_replace, m_findNext, m_findPrevious,
                            m_toggleComment, m_complete, m_nextProblem, m_previousProblem})
        action->setEnabled(open && !m_loading);
    m_stack->setCurrentWidget(open ? static_cast<QWidget *>(m_tabs) : m_placeholder);
}

void SchemaWorkspace::setEditorPalette(const EditorPalette &palette)
{
    m_palette = palette;
    for (int i = 0; i < editorCount(); ++i)
        editor(i)->setEditorPalette(palette);
    m_problems->setIcons(
        QIcon(QPixmap::fromImage(EditorIcons::problem(true, palette.errorSquiggle, 14))),
        QIcon(QPixmap::fromImage(EditorIcons::problem(false, palette.warningSquiggle, 14))));
    m_banner->setStyleSheet(
        QStringLiteral("background: %1; color: %2;")
            .arg(palette.isDark ? QStringLiteral("#4b1f1f") : QStringLiteral("#ffebe9"),
                 palette.isDark ? QStringLiteral("#ffdcd7") : QStringLiteral("#82071e")));
}

void SchemaWorkspace::setEditorFont(const QFont &font)
{
    m_font = font;
    for (int i = 0; i < editorCount(); ++i)
        editor(i)->setEditorFont(font);
}

void SchemaWorkspace::setPrompts(std::unique_ptr<EditorPrompts> prompts)
{
    m_prompts = std::move(prompts);
}

void SchemaWorkspace::setFormatOnSave(bool on)
{
    m_formatOnSave = on;
    m_formatOnSaveAction->setChecked(on);
}

int SchemaWorkspace::editorCount() const
{
    return m_tabs->count();
}

SchemaEditor *SchemaWorkspace::editor(int index) const
{
    return qobject_cast<SchemaEditor *>(m_tabs->widget(index));
}

SchemaEditor *SchemaWorkspace::currentEditor() const
{
    return qobject_cast<SchemaEditor *>(m_tabs->currentWidget());
}

SchemaEditor *SchemaWorkspace::editorForFile(const QString &path) const
{
    for (int i = 0; i < editorCount(); ++i) {
        if (editor(i)->filePath() == path)
            return editor(i);
    }
    return nullptr;
}

QStringList SchemaWorkspace::filePaths() const
{
    QStringList paths;
    for (int i = 0; i < editorCount(); ++i)
        paths << editor(i)->filePath();
    return paths;
}

bool SchemaWorkspace::isDirty() const
{
    for (int i = 0; i < editorCount(); ++i) {
        if (editor(i)->isDirty())
            return true;
    }
    return false;
}

// ---- opening and closing

bool SchemaWorkspace::openSchema(const QStringList &paths)
{
    QStringList wanted;
    for (const QString &path : paths)
        wanted << QFileInfo(path).absoluteFilePath();
    QStringList current = filePaths();
    QStringList sortedWanted = wanted;
    current.sort();
    sortedWanted.sort();
    if (!wanted.isEmpty() && current == sortedWanted)
        return true;
    if (!closeSchema())
        return false;
    if (wanted.isEmpty())
        return true;

    m_loading = true;
    m_banner->hide();
    updateActions();
    const quint64 generation = ++m_loadGeneration;
    whenReady(this, SchemaFileIo::load(wanted),
              [this, generation](const Result<QList<prisma::SourceFile>> &files) {
                  if (generation != m_loadGeneration)
                      return; // superseded by a newer open or a close
                  m_loading = false;
                  if (!files) {
                      showBanner(tr("Cannot open the schema: %1").arg(files.error().fullText()));
                      updateActions();
                      Q_EMIT loadFailed(files.error());
                      return;
                  }
                  QStringList paths;
                  for (const prisma::SourceFile &file : *files)
                      paths << file.path();
                  m_root = commonFolder(paths);
                  m_multiFile = paths.size() > 1;
                  for (const prisma::SourceFile &file : *files)
                      addEditor(file);
                  m_tabs->setCurrentIndex(0);
                  updateActions();
                  m_analyzer->analyzeNow();
                  Q_EMIT schemaOpened();
              });
    return true;
}

bool SchemaWorkspace::closeSchema()
{
    if (!confirmClose())
        return false;
    ++m_loadGeneration;
    m_loading = false;
    m_analyzer->cancel();
    removeAllEditors();
    m_symbols = SchemaSymbols();
    m_problems->setProblems({});
    updateProblemsSummary();
    updateActions();
    return true;
}

bool SchemaWorkspace::confirmClose()
{
    QStringList dirty;
    for (int i = 0; i < editorCount(); ++i) {
        if (editor(i)->isDirty())
            dirty << editor(i)->filePath();
    }
    if (dirty.isEmpty())
        return true;
    switch (m_prompts->askUnsaved(this, dirty)) {
    case EditorPrompts::UnsavedChoice::Cancel:
        return false;
    case EditorPrompts::UnsavedChoice::Discard:
        return true;
    case EditorPrompts::UnsavedChoice::Save:
        break;
    }
    for (int i = 0; i < editorCount(); ++i) {
        if (editor(i)->isDirty() && !saveEditor(editor(i), true))
            return false;
    }
    return true;
}

void SchemaWorkspace::openWithDialog(bool folder)
{
    const QString start = m_root.isEmpty() ? QDir::currentPath() : m_root;
    const QString path =
        folder ? m_prompts->askOpenFolder(this, start) : m_prompts->askOpenFile(this, start);
    if (!path.isEmpty())
        openSchema({path});
}

SchemaEditor *SchemaWorkspace::addEditor(const prisma::SourceFile &file)
{
    auto *editor = new SchemaEditor(m_tabs);
    editor->setEditorFont(m_font);
    editor->setEditorPalette(m_palette);
    editor->setFilePath(file.path());
    editor->loadText(file.content());
    editor->setSymbols(m_symbols);
    m_diskHashes.insert(file.path(), contentHash(file.content()));
    m_watcher->addPath(file.path());

    connect(editor, &SchemaEditor::dirtyChanged, this, [this, editor] {
        updateTabTitle(editor);
        Q_EMIT dirtyChanged(isDirty());
    });
    connect(editor, &QsciScintilla::textChanged, m_analyzer, &SchemaAnalyzer::schedule);
    connect(editor, &SchemaEditor::definitionRequested, this, &SchemaWorkspace::goToDefinition);
    connect(editor, &QsciScintilla::cursorPositionChanged, this,
            &SchemaWorkspace::updateCursorLabel);

    m_tabs->addTab(editor, QString());
    updateTabTitle(editor);
    return editor;
}

void SchemaWorkspace::removeAllEditors()
{
    m_findBar->setEditor(nullptr);
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    m_diskHashes.clear();
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_root.clear();
    m_multiFile = false;
}

QString SchemaWorkspace::displayName(const QString &path) const
{
    if (m_multiFile && !m_root.isEmpty())
        return QDir(m_root).relativeFilePath(path);
    return QFileInfo(path).fileName();
}

void SchemaWorkspace::updateTabTitle(SchemaEditor *editor)
{
    const int index = m_tabs->indexOf(editor);
    if (index < 0)
        return;
    const QString name = displayName(editor->filePath());
    m_tabs->setTabText(index, editor->isDirty() ? name + QLatin1Char('*') : name);
    m_tabs->setTabToolTip(index, QDir::toNativeSeparators(editor->filePath()));
}

void SchemaWorkspace::showBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

// ---- diagnostics

QList<prisma::SourceFile> SchemaWorkspace::sourceFiles() const
{
    QList<prisma::SourceFile> files;
    for (int i = 0; i < editorCount(); ++i)
        files << prisma::SourceFile(editor(i)->filePath(), editor(i)->utf8Text());
    return files;
}

void SchemaWorkspace::applyAnalysis(const SchemaAnalysis &analysis)
{
    m_symbols = analysis.symbols;
    QHash<QString, QList<prisma::Diagnostic>> byFile;
    for (const prisma::Diagnostic &d : analysis.diagnostics)
        byFile[d.file] << d;
    QList<ProblemsModel::Problem> problems;
    for (int i = 0; i < editorCount(); ++i) {
        SchemaEditor *e = editor(i);
        const QList<prisma::Diagnostic> diagnostics = byFile.value(e->filePath());
        e->setDiagnostics(diagnostics);
        e->setSymbols(m_symbols);
        const QString name = displayName(e->filePath());
        for (int d = 0; d < diagnostics.size(); ++d)
            problems << ProblemsModel::Problem{diagnostics.at(d), name, d};
    }
    m_problems->setProblems(problems);
    updateProblemsSummary();
    Q_EMIT analysisApplied();
}

void SchemaWorkspace::updateProblemsSummary()
{
    const int errors = m_problems->errorCount();
    const int warnings = m_problems->warningCount();
    if (errors == 0 && warnings == 0) {
        m_problemsSummary->setText(editorCount() > 0 ? tr("No problems") : QString());
        return;
    }
    QStringList parts;
    if (errors > 0)
        parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings > 0)
        parts << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    m_problemsSummary->setText(parts.join(QStringLiteral(", ")));
}

void SchemaWorkspace::activateProblem(int row)
{
    if (row < 0 || row >= m_problems->rowCount())
        return;
    const ProblemsModel::Problem &problem = m_problems->problem(row);
    SchemaEditor *e = editorForFile(problem.diagnostic.file);
    if (!e)
        return;
    const int position = e->diagnosticPosition(problem.indexInFile);
    m_tabs->setCurrentWidget(e);
    if (position >= 0)
        e->showPosition(position);
    e->setFocus();
}

void SchemaWorkspace::showProblem(int step)
{
    const int rows = m_problems->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_problemsView->currentIndex();
    const int row =
        current.isValid() ? (current.row() + step + rows) % rows : (step > 0 ? 0 : rows - 1);
    m_problemsView->setCurrentIndex(m_problems->index(row, 0));
    activateProblem(row);
}

void SchemaWorkspace::updateCursorLabel()
{
    SchemaEditor *e = currentEditor();
    if (!e) {
        m_cursorLabel->clear();
        return;
    }
    const long position = e->currentPosition();
    const long line = e->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, position);
    const long lineStart = e->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, line);
    const long column =
        e->SendScintilla(QsciScintillaBase::SCI_COUNTCHARACTERS, lineStart, position);
    m_cursorLabel->setText(tr("Ln %1, Col %2").arg(line + 1).arg(column + 1));
}

void SchemaWorkspace::onCurrentTabChanged()
{
    m_findBar->setEditor(currentEditor());
    updateCursorLabel();
}

// ---- go to definition

bool SchemaWorkspace::goToDefinition(const QString &name)
{
    // The current file first: most definitions are near their uses.
    QList<SchemaEditor *> order;
    if (SchemaEditor *current = currentEditor())
        order << current;
    for (int i = 0; i < editorCount(); ++i) {
        if (editor(i) != currentEditor())
            order << editor(i);
    }
    for (SchemaEditor *e : order) {
        const int offset = e->definitionOffset(name);
        if (offset < 0)
            continue;
        m_tabs->setCurrentWidget(e);
        e->showPosition(offset, int(name.toUtf8().size()));
        e->setFocus();
        return true;
    }
    return false;
}

// ---- saving and reloading

bool SchemaWorkspace::save(SchemaEditor *editor)
{
    editor = editor ? editor : currentEditor();
    return editor && saveEditor(editor, false);
}

bool SchemaWorkspace::saveAll()
{
    bool ok = true;
    for (int i = 0; i < editorCount(); ++i) {
        if (editor(i)->isDirty())
            ok = saveEditor(editor(i), false) && ok;
    }
    return ok;
}

bool SchemaWorkspace::saveAs(SchemaEditor *editor)
{
    editor = editor ? editor : currentEditor();
    if (!editor)
        return false;
    const QString suggestion = editor->filePath().isEmpty()
                                   ? QDir(m_root).filePath(QStringLiteral("schema.prisma"))
                                   : editor->filePath();
    const QString chosen = m_prompts->askSavePath(this, suggestion);
    if (chosen.isEmpty())
        return false;
    const QString path = QFileInfo(chosen).absoluteFilePath();
    if (path != editor->filePath()) {
        if (!editor->filePath().isEmpty()) {
            m_watcher->removePath(editor->filePath());
            m_diskHashes.remove(editor->filePath());
        }
        editor->setFilePath(path);
        updateTabTitle(editor);
    }
    return saveEditor(editor, false);
}

bool SchemaWorkspace::saveEditor(SchemaEditor *editor, bool wait)
{
    if (editor->filePath().isEmpty())
        return saveAs(editor);
    if (m_formatOnSave)
        formatEditors(editor);
    const QString path = editor->filePath();
    const QByteArray bytes = editor->utf8Text();
    // Noted before writing, so the watcher's notice of our own write is recognised as such.
    const size_t previousHash = m_diskHashes.value(path);
    m_diskHashes.insert(path, contentHash(bytes));
    // The save point is this text; edits made while the write runs keep the editor dirty.
    editor->markSaved();
    if (wait) {
        const Status status = SchemaFileIo::writeNow(path, bytes);
        finishSave(editor, path, previousHash, status);
        return status.ok();
    }
    QPointer<SchemaEditor> guard(editor);
    whenReady(this, SchemaFileIo::write(path, bytes),
              [this, guard, path, previousHash](const Status &status) {
                  finishSave(guard.data(), path, previousHash, status);
              });
    return true;
}

void SchemaWorkspace::finishSave(SchemaEditor *editor, const QString &path, size_t previousHash,
                                 const Status &status)
{
    if (!status) {
        m_diskHashes.insert(path, previousHash);
        if (editor)
            editor->markSaveFailed();
        m_prompts->showError(this, tr("Cannot save the schema"), status.error().fullText());
        Q_EMIT saveFailed(path, status.error());
        return;
    }
    // QSaveFile renames a new file over the old one; the watch on the old one is gone.
    if (editorForFile(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
    if (editor)
        m_tabs->setTabToolTip(m_tabs->indexOf(editor), QDir::toNativeSeparators(path));
    Q_EMIT saved(path);
}

bool SchemaWorkspace::reload(SchemaEditor *editor)
{
    editor = editor ? editor : currentEditor();
    if (!editor || editor->filePath().isEmpty())
        return false;
    if (editor->isDirty() && !m_prompts->askDiscardAndReload(this, editor->filePath()))
        return false;
    const QString path = editor->filePath();
    QPointer<SchemaEditor> guard(editor);
    whenReady(this, SchemaFileIo::read(path), [this, guard, path](const Result<QByteArray> &bytes) {
        if (!guard)
            return;
        if (!bytes) {
            m_prompts->showError(this, tr("Cannot reload the schema"), bytes.error().fullText());
            return;
        }
        m_diskHashes.insert(path, contentHash(*bytes));
        replaceText(guard, *bytes);
    });
    return true;
}

void SchemaWorkspace::onFileChanged(const QString &path)
{
    if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
    SchemaEditor *editor = editorForFile(path);
    if (!editor)
        return;
    QPointer<SchemaEditor> guard(editor);
    whenReady(this, SchemaFileIo::read(path), [this, guard, path](const Result<QByteArray> &bytes) {
        if (!guard)
            return;
        if (!bytes) {
            // Deleted or unreadable: keep the text, and keep it dirty so it can be saved back.
            guard->markSaveFailed();
            m_tabs->setTabToolTip(m_tabs->indexOf(guard),
                                  tr("%1 (no longer on disk)").arg(QDir::toNativeSeparators(path)));
            return;
        }
        const size_t hash = contentHash(*bytes);
        if (hash == m_diskHashes.value(path))
            return; // our own save, or a touch without change
        m_diskHashes.insert(path, hash);
        if (guard->isDirty() && !m_prompts->askReloadChanged(this, path)) {
            guard->markSaveFailed(); // stays dirty: saving writes this version over theirs
            return;
        }
        replaceText(guard, *bytes);
    });
}

// Loads `text` into `editor` as what its file holds, keeping the caret line and scroll.
void SchemaWorkspace::replaceText(SchemaEditor *editor, const QByteArray &text)
{
    int line = 0, index = 0;
    editor->getCursorPosition(&line, &index);
    const int firstVisible = editor->firstVisibleLine();
    editor->loadText(text);
    editor->setCursorPosition(std::min(line, editor->lines() - 1), 0);
    editor->setFirstVisibleLine(firstVisible);
    editor->markSaved();
    m_analyzer->schedule();
    Q_EMIT fileReloaded(editor->filePath());
}

// ---- formatting

bool SchemaWorkspace::format()
{
    return formatEditors(nullptr);
}

// `prisma format` over the whole schema (a back-relation it adds may belong in another
// file); `only` limits which editors take the result (format on save).
bool SchemaWorkspace::formatEditors(SchemaEditor *only)
{
    const QList<prisma::SourceFile> files = sourceFiles();
    if (files.isEmpty())
        return false;
    const QList<QByteArray> formatted =
        prisma::Formatter::format(prisma::SchemaSource::fromFiles(files));
    for (int i = 0; i < editorCount() && i < formatted.size(); ++i) {
        if (!only || editor(i) == only)
            editor(i)->replaceTextMinimally(formatted.at(i));
    }
    return true;
}

} // namespace gh::ui
