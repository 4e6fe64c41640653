#pragma once

#include "core/common/Result.h"
#include "ui/editor/EditorPalette.h"
#include "ui/editor/SchemaSymbols.h"

#include <QFont>
#include <QHash>
#include <QWidget>
#include <memory>

class QAction;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace gh::prisma {
class SourceFile;
}

namespace gh::ui {

class EditorPrompts;
class FindBar;
class ProblemsModel;
class SchemaAnalyzer;
class SchemaEditor;
struct SchemaAnalysis;

/// The schema editor as one self-contained widget: a tab per file of the schema (a
/// `prisma/schema/` folder opens as several), live diagnostics with a problems list, a find
/// bar, and every command as a QAction (createMenu() puts them in a menu; their shortcuts work
/// while focus is inside the workspace).
///
/// Files are read and written off the GUI thread, saves are atomic, edits are never lost
/// without asking (close, open, reload), and a file changed on disk is reloaded (after asking
/// when it has edits here). The host passes colours in with setEditorPalette().
class SchemaWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaWorkspace(QWidget *parent = nullptr);
    ~SchemaWorkspace() override;

    /// Opens the schema made of `paths` (a project's schema files, one file, or a schema
    /// folder) in place of the current one, after asking about unsaved edits. The files are
    /// read off the GUI thread; schemaOpened() or loadFailed() follows. Opening the schema
    /// that is already open does nothing. False when the user cancelled.
    bool openSchema(const QStringList &paths);
    /// Closes every tab, after asking about unsaved edits. False when the user cancelled.
    bool closeSchema();
    /// For the host's close event: asks about unsaved edits (saving them synchronously when
    /// asked to). False when the user cancelled.
    bool confirmClose();

    bool isLoading() const { return m_loading; }
    bool isDirty() const;
    QStringList filePaths() const;
    int editorCount() const;
    SchemaEditor *editor(int index) const;
    SchemaEditor *currentEditor() const;
    SchemaEditor *editorForFile(const QString &path) const;
    QTabWidget *tabs() const { return m_tabs; }
    FindBar *findBar() const { return m_findBar; }
    ProblemsModel *problemsModel() const { return m_problems; }
    QTreeView *problemsView() const { return m_problemsView; }
    SchemaAnalyzer *analyzer() const { return m_analyzer; }
    const SchemaSymbols &symbols() const { return m_symbols; }

    void setEditorPalette(const EditorPalette &palette);
    const EditorPalette &editorPalette() const { return m_palette; }
    void setEditorFont(const QFont &font);
    /// Replaces the dialogs (tests answer them without a user).
    void setPrompts(std::unique_ptr<EditorPrompts> prompts);
    void setFormatOnSave(bool on);
    bool formatOnSave() const { return m_formatOnSave; }

    /// Saves `editor` (the current one when null) in the background; saved() or
    /// saveFailed() follows. False when there was nothing to save to (Save As cancelled).
    bool save(SchemaEditor *editor = nullptr);
    bool saveAs(SchemaEditor *editor = nullptr);
    bool saveAll();
    /// Reads `editor`'s file again, after asking when it has edits.
    bool reload(SchemaEditor *editor = nullptr);
    /// Formats every file of the schema as `prisma format` does. False when the formatter is
    /// not available or nothing is open.
    bool format();
    /// Shows the block that declares `name`, in whichever file it is. False when none does.
    bool goToDefinition(const QString &name);
    /// Shows the problem in `row` of problemsModel() where it is now.
    void activateProblem(int row);

    QAction *openFileAction() const { return m_openFile; }
    QAction *openFolderAction() const { return m_openFolder; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *saveAllAction() const { return m_saveAll; }
    QAction *reloadAction() const { return m_reload; }
    QAction *closeAction() const { return m_close; }
    QAction *formatAction() const { return m_format; }
    QAction *formatOnSaveAction() const { return m_formatOnSaveAction; }
    QAction *goToDefinitionAction() const { return m_goToDefinition; }
    QAction *findAction() const { return m_find; }
    QAction *replaceAction() const { return m_replace; }
    QAction *findNextAction() const { return m_findNext; }
    QAction *findPreviousAction() const { return m_findPrevious; }
    QAction *toggleCommentAction() const { return m_toggleComment; }
    QAction *completeAction() const { return m_complete; }
    QAction *nextProblemAction() const { return m_nextProblem; }
    /// A "Schema" menu with every action, for the host's menu bar.
    QMenu *createMenu(QWidget *parent) const;

Q_SIGNALS:
    void schemaOpened();
    void loadFailed(const gh::Error &error);
    void saved(const QString &path);
    void saveFailed(const QString &path, const gh::Error &error);
    void fileReloaded(const QString &path);
    /// Diagnostics of the latest analysis are on screen.
    void analysisApplied();
    void dirtyChanged(bool dirty);

private:
    void buildActions();
    void buildLayout();
    void updateActions();
    SchemaEditor *addEditor(const prisma::SourceFile &file);
    void removeAllEditors();
    QString displayName(const QString &path) const;
    void updateTabTitle(SchemaEditor *editor);
    QList<prisma::SourceFile> sourceFiles() const;
    void applyAnalysis(const SchemaAnalysis &analysis);
    void updateProblemsSummary();
    void updateCursorLabel();
    void onCurrentTabChanged();
    void onFileChanged(const QString &path);
    void replaceText(SchemaEditor *editor, const QByteArray &text);
    bool saveEditor(SchemaEditor *editor, bool wait);
    void finishSave(SchemaEditor *editor, const QString &path, size_t previousHash,
                    const Status &status);
    bool formatEditors(SchemaEditor *only);
    void showProblem(int step);
    void openWithDialog(bool folder);
    void showBanner(const QString &text);

    std::unique_ptr<EditorPrompts> m_prompts;
    SchemaAnalyzer *m_analyzer = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    ProblemsModel *m_problems = nullptr;

    QLabel *m_banner = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_placeholder = nullptr;
    QTabWidget *m_tabs = nullptr;
    FindBar *m_findBar = nullptr;
    QTreeView *m_problemsView = nullptr;
    QLabel *m_problemsSummary = nullptr;
    QLabel *m_cursorLabel = nullptr;

    QAction *m_openFile = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_saveAll = nullptr;
    QAction *m_reload = nullptr;
    QAction *m_close = nullptr;
    QAction *m_format = nullptr;
    QAction *m_formatOnSaveAction = nullptr;
    QAction *m_goToDefinition = nullptr;
    QAction *m_find = nullptr;
    QAction *m_replace = nullptr;
    QAction *m_findNext = nullptr;
    QAction *m_findPrevious = nullptr;
    QAction *m_toggleComment = nullptr;
    QAction *m_complete = nullptr;
    QAction *m_nextProblem = nullptr;
    QAction *m_previousProblem = nullptr;

    EditorPalette m_palette;
    QFont m_font;
    SchemaSymbols m_symbols;
    QString m_root; ///< common folder of the files, for tab names
    bool m_multiFile = false;
    QHash<QString, size_t> m_diskHashes; ///< hash of what each file holds on disk, as last seen
    quint64 m_loadGeneration = 0;
    bool m_loading = false;
    bool m_formatOnSave = false;
};

} // namespace gh::ui
