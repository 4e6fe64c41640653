#pragma once

#include "core/auth/AuthWorkspace.h"
#include "ui/editor/EditorPalette.h"
#include "ui/migrate/MigrationProject.h"
#include "ui/migrate/MigrationTasks.h"

#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;
class QTreeView;
class QWidget;

namespace gh::ui {

class CreateMigrationDialog;
class MigrationListModel;
class MigrationPrompts;
class MigrationRunner;
class SqlViewer;

/// The Migrations view: the project's migrations with their status, the SQL of the selected
/// one, a failed migration's logs with resolve, "apply pending" with a confirmation, progress,
/// a live log and a result, and "create migration from the schema in the editor". Warnings
/// (failed, edited, diverged, drift) sit at the top; errors in the page, their detail one
/// click away. Every database and file operation runs off the GUI thread, one at a time.
class MigrationsPage : public QWidget
{
    Q_OBJECT

public:
    /// The schema in the editor, saved or not.
    using SchemaProvider = std::function<QList<SchemaText>()>;

    explicit MigrationsPage(QWidget *parent = nullptr);
    ~MigrationsPage() override;

    /// Finds the workspace's migrations folder (off the GUI thread), then shows its status.
    void setWorkspace(const AuthWorkspace &workspace);
    /// For a project whose workspace did not open (often: the schema is ahead of a database
    /// with pending migrations): resolves the project from its schema files as the CLI would
    /// (DATABASE_URL from the environment or .env), then shows its status.
    void setSchemaFiles(const QStringList &schemaFiles, const QString &readOnlyReason);
    void setProject(const MigrationProject &project);
    /// No workspace: says why, keeps nothing.
    void clearProject(const QString &reason);
    const std::optional<MigrationProject> &project() const { return m_project; }

    void setSchemaProvider(SchemaProvider provider) { m_schemaProvider = std::move(provider); }
    void setEditorPalette(const EditorPalette &palette);
    /// Replaces the confirmations (tests answer them without a user).
    void setPrompts(std::unique_ptr<MigrationPrompts> prompts);

    /// Reads the folder and the history again.
    void refresh();
    /// Asks for confirmation, then applies every pending migration. False when nothing
    /// started (nothing pending, read-only, refused, busy).
    bool applyPending();
    /// Opens the dialog that previews a migration from the schema in the editor.
    CreateMigrationDialog *createMigration();
    /// Resolves the selected failed migration, after confirmation.
    bool resolveSelected(bool applied);
    /// Baselines the selected pending migration after confirmation: records it as applied
    /// without running it (`prisma migrate resolve --applied`), for a database that already
    /// has what it creates. Deploying onto such a database fails with P3005, which points here.
    bool baselineSelected();
    /// The list's context menu for `row`: baseline a pending migration, resolve a failed one.
    /// The caller owns it.
    QMenu *contextMenu(int row);
    /// Selects a migration by name.
    bool selectMigration(const QString &name);

    bool isBusy() const;
    bool isDeploying() const { return m_deploying; }
    /// For the host's close event: while migrations are applied, asks whether to stop after
    /// the current one (then cancels). False when the user wants to stay.
    bool confirmClose();
    /// The last overview (for tests and the controller).
    const MigrationOverview &overview() const { return m_overview; }

    MigrationListModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }
    SqlViewer *sqlViewer() const { return m_sql; }
    QPlainTextEdit *failureLogs() const { return m_failureLogs; }
    QPlainTextEdit *logView() const { return m_log; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *warningLabel() const { return m_warnings; }
    QLabel *resultLabel() const { return m_result; }
    QLabel *errorLabel() const { return m_errorTitle; }
    QPlainTextEdit *errorDetail() const { return m_errorDetail; }
    QToolButton *errorDetailsButton() const { return m_errorDetailsButton; }
    QAction *refreshAction() const { return m_refresh; }
    /// How many drift checks (each on a fresh shadow database) this page has started.
    int driftChecksStarted() const { return m_driftChecksStarted; }
    /// Whether loading the history also checks for drift. A drift check creates and drops a
    /// shadow database on the connection's server, so production connections leave it to
    /// Refresh. On by default.
    void setAutomaticDriftCheck(bool on);
    bool automaticDriftCheck() const { return m_automaticDriftCheck; }
    QAction *applyAction() const { return m_apply; }
    QAction *createAction() const { return m_create; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *resolveAppliedButton() const { return m_resolveApplied; }
    QPushButton *resolveRolledBackButton() const { return m_resolveRolledBack; }
    QPushButton *baselineButton() const { return m_baseline; }

Q_SIGNALS:
    /// The list shows a fresh status, drift checked (or the error that kept it from being read).
    void overviewLoaded();
    void deployFinished(bool ok);
    void resolveFinished(bool ok);
    void createDialogOpened(gh::ui::CreateMigrationDialog *dialog);

private:
    void buildLayout();
    using ProjectSource = std::function<Result<MigrationProject>()>;
    void loadProject(const QString &description, const ProjectSource &source);
    void startOverview(bool checkDrift);
    bool needsDriftCheck() const;
    /// What a drift check depends on in the history: the applied rows (id, checksum, end).
    static QString historyKey(const MigrationStatus &status);
    void finishOverview(quint64 generation, const MigrationOverview &overview, bool checkedDrift);
    void setActionError(const QString &title, const Error &error);
    void startDeploy(const QStringList &names);
    void onOverview(quint64 generation, const MigrationOverview &overview);
    void onDeployed(const Result<DeployResult> &result);
    void onProgress(const DeployProgress &progress);
    void showSelection();
    void showError(const QString &title, const Error &error);
    void clearError();
    void updateWarnings();
    void updateActions();
    void appendLog(const QString &text);
    void runQueued();
    /// `migrate resolve` of `name`, already confirmed.
    void startResolve(const QString &name, bool applied, bool baseline);
    /// The last apply failed because the database's schema is not empty (P3005).
    bool needsBaseline() const;

    std::unique_ptr<MigrationPrompts> m_prompts;
    MigrationRunner *m_runner = nullptr;
    MigrationListModel *m_model = nullptr;
    std::optional<MigrationProject> m_project;
    /// A project to load once the running job ends.
    std::optional<std::pair<QString, ProjectSource>> m_queuedProject;
    /// The error of the last apply or resolve: it stays on screen across the refresh after it.
    std::optional<std::pair<QString, Error>> m_actionError;
    QString m_driftError;
    /// The last drift check and the history it was made against: a refresh that finds the same
    /// history shows it again instead of building another shadow database. Refresh (the
    /// toolbar action) checks again, as does opening a project.
    struct DriftMemo
    {
        QString historyKey;
        MigrationStatus::Drift drift;
    };
    std::optional<DriftMemo> m_lastDrift;
    bool m_forceDriftCheck = false;
    int m_driftChecksStarted = 0;
    bool m_automaticDriftCheck = true;
    MigrationOverview m_overview;
    SchemaProvider m_schemaProvider;
    EditorPalette m_palette;
    quint64 m_generation = 0;
    bool m_refreshQueued = false;
    bool m_deploying = false;
    int m_deployCount = 0;
    int m_deployDone = 0;

    QLabel *m_projectLabel = nullptr;
    QLabel *m_warnings = nullptr;
    QWidget *m_errorBox = nullptr;
    QLabel *m_errorTitle = nullptr;
    QToolButton *m_errorDetailsButton = nullptr;
    QPlainTextEdit *m_errorDetail = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_apply = nullptr;
    QAction *m_create = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_selectionTitle = nullptr;
    SqlViewer *m_sql = nullptr;
    QWidget *m_failureBox = nullptr;
    QPlainTextEdit *m_failureLogs = nullptr;
    QPushButton *m_resolveApplied = nullptr;
    QPushButton *m_resolveRolledBack = nullptr;
    QWidget *m_baselineBox = nullptr;
    QPushButton *m_baseline = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_result = nullptr;
    QPlainTextEdit *m_log = nullptr;
};

} // namespace gh::ui
