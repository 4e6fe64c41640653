#pragma once

#include "core/auth/AuditLog.h"
#include "core/auth/AuthWorkspace.h"
#include "core/auth/RevocationResult.h"
#include "core/url/EnvironmentTag.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QAction;
class QTimer;

namespace gh::ui {

class AuditLogPage;
class MainWindow;
class RecordView;
class RevokeConfirmDialog;
class RevokeProgressDialog;
struct RevocationProgressState;
struct RevocationPreview;

/// Session revocation in the main window (issue 5), attached from outside:
/// `new RevokeController(window)`. It puts its actions in the Actions menu, the sessions and
/// users views' context menus and the user detail pane, and adds the "audit" page.
///
/// Every action runs the same way: a confirmation dialog that first counts, off the GUI thread,
/// what the action would remove (Revoker::preview), shows it with the plan's warnings and, for
/// "every session" and "delete user" (every action when strict), asks for the typed name; then
/// the confirmed plans run on a worker thread (Revoker::execute, short batches, audited by the
/// core) behind a progress dialog with Cancel; then the affected views, the detail pane and the
/// audit page refresh. In read-only mode every action is disabled and its tooltip says why.
class RevokeController : public QObject
{
    Q_OBJECT

public:
    explicit RevokeController(MainWindow *window);
    ~RevokeController() override;

    /// Production: every destructive action asks for the typed database name (the user's email
    /// for "delete user"). Follows the connection's environment tag.
    void setStrictConfirmation(bool strict);
    bool strictConfirmation() const { return m_strict; }
    /// The connection's environment: strict where needsStrictConfirmation(tag) says so.
    void setEnvironmentTag(EnvironmentTag tag);

    /// Where execute() appends and the audit page reads. Default: $GATEHOUSE_AUDIT_LOG, else
    /// AuditLog::defaultPath() (as gatehouse-cli).
    void setAuditLogPath(const QString &path);
    QString auditLogPath() const { return m_auditLog.path(); }

    /// How the batches run (tests, tuning). `options.progress`, if set, is also called after each
    /// batch, on the worker thread. `options.cancel` is ignored: each run has its own.
    void setExecutionOptions(const RevocationOptions &options) { m_options = options; }

    QAction *revokeSelectedSessionsAction() const { return m_revokeSessions; }
    QAction *signOutEverywhereAction() const { return m_signOut; }
    QAction *deleteUserAction() const { return m_deleteUser; }
    QAction *revokeExpiredSessionsAction() const { return m_revokeExpired; }
    QAction *revokeAllSessionsAction() const { return m_revokeAll; }
    QAction *purgeExpiredTokensAction() const { return m_purgeTokens; }
    /// The detail pane's buttons (they act on the user the pane shows).
    QAction *paneSignOutAction() const { return m_paneSignOut; }
    QAction *paneDeleteUserAction() const { return m_paneDelete; }
    QList<QAction *> writeActions() const;

    AuditLogPage *auditPage() const { return m_auditPage; }
    bool isRunning() const { return m_running; }
    /// The dialog asking now, or running now (null when none).
    RevokeConfirmDialog *confirmDialog() const;
    RevokeProgressDialog *progressDialog() const;

    /// Asks to confirm, then runs, the requests (all of one action).
    void revoke(const QVector<RevocationRequest> &requests);

Q_SIGNALS:
    /// A run ended (completed, cancelled or failed) and the views were asked to refresh.
    void finished(const QVector<gh::RevocationResult> &results);

private:
    QAction *makeAction(const QString &text, const QKeySequence &key, const QString &tip);
    void onWorkspaceOpened();
    void onWorkspaceClosed();
    void updateActions();
    /// True (and says so in the status bar) when more rows are selected than one run takes.
    bool tooManySelected(const RecordView *view) const;
    QVector<RevocationRequest> selectedSessionRequests() const;
    QStringList selectedUserIds() const;
    QString paneUserId() const;
    void execute(const AuthWorkspace &workspace, const RevocationPreview &preview,
                 RevocationAction action);
    void onFinished(RevocationAction action, qint64 planned, const QString &userId,
                    const QVector<RevocationResult> &results);

    MainWindow *m_window;
    AuditLog m_auditLog;
    RevocationOptions m_options;
    bool m_strict = false;
    bool m_running = false;
    CancellationToken m_runCancel;
    std::shared_ptr<RevocationProgressState> m_progressState;
    QTimer *m_progressTimer = nullptr;
    AuditLogPage *m_auditPage = nullptr;
    QPointer<RevokeConfirmDialog> m_confirm;
    QPointer<RevokeProgressDialog> m_progress;

    QAction *m_readOnlyNote = nullptr;
    QAction *m_revokeSessions = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_deleteUser = nullptr;
    QAction *m_revokeExpired = nullptr;
    QAction *m_revokeAll = nullptr;
    QAction *m_purgeTokens = nullptr;
    QAction *m_paneSignOut = nullptr;
    QAction *m_paneDelete = nullptr;
};

} // namespace gh::ui
