#include "ui/revoke/RevokeController.h"

#include "core/common/WhenReady.h"
#include "ui/inspector/RecordTableView.h"
#include "ui/inspector/RecordView.h"
#include "ui/inspector/UserDetailPane.h"
#include "ui/revoke/AuditLogPage.h"
#include "ui/revoke/RevocationWorker.h"
#include "ui/revoke/RevokeConfirmDialog.h"
#include "ui/revoke/RevokeProgressDialog.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>

namespace gh::ui {

namespace {

constexpr int kStatusMs = 15000;

QString defaultAuditLogPath()
{
    const QString configured = qEnvironmentVariable("GATEHOUSE_AUDIT_LOG");
    return configured.isEmpty() ? AuditLog::defaultPath() : configured;
}

QString actionTitle(RevocationAction action)
{
    switch (action) {
    case RevocationAction::Session:
        return QObject::tr("Revoke Sessions");
    case RevocationAction::UserSessions:
        return QObject::tr("Sign Out Everywhere");
    case RevocationAction::ExpiredSessions:
        return QObject::tr("Revoke Expired Sessions");
    case RevocationAction::AllSessions:
        return QObject::tr("Revoke Every Session");
    case RevocationAction::ExpiredVerificationTokens:
        return QObject::tr("Purge Expired Verification Tokens");
    case RevocationAction::DeleteUser:
        return QObject::tr("Delete User");
    }
    return QString();
}

QString confirmText(RevocationAction action)
{
    switch (action) {
    case RevocationAction::Session:
    case RevocationAction::ExpiredSessions:
        return QObject::tr("Revoke");
    case RevocationAction::UserSessions:
        return QObject::tr("Sign Out Everywhere");
    case RevocationAction::AllSessions:
        return QObject::tr("Revoke Every Session");
    case RevocationAction::ExpiredVerificationTokens:
        return QObject::tr("Purge");
    case RevocationAction::DeleteUser:
        return QObject::tr("Delete User");
    }
    return QString();
}

/// The models whose views show rows the action may have removed.
QVector<AuthModelKind> affectedModels(RevocationAction action)
{
    switch (action) {
    case RevocationAction::ExpiredVerificationTokens:
        return {AuthModelKind::VerificationToken};
    case RevocationAction::DeleteUser:
        return {AuthModelKind::User, AuthModelKind::Account, AuthModelKind::Session,
                AuthModelKind::Authenticator};
    default:
        return {AuthModelKind::Session};
    }
}

AuthModelKind mainModel(RevocationAction action)
{
    return affectedModels(action).first();
}

/// One preview and one audited statement per selected session: beyond this, a filter and a
/// bulk action fit better.
constexpr qint64 kMaxSelectedRows = 1000;

/// Rows selected in a view (the current row when none is), summed over the selection's ranges:
/// cheap even when Ctrl+A selected a million rows.
qint64 selectedRowCount(const RecordView *view)
{
    const QItemSelectionModel *selection = view->table()->selectionModel();
    if (!selection)
        return 0;
    qint64 rows = 0;
    for (const QItemSelectionRange &range : selection->selection())
        rows += range.height();
    return rows > 0 ? rows : qint64(view->table()->currentIndex().isValid());
}

} // namespace

RevokeController::RevokeController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_auditLog(defaultAuditLogPath())
    , m_progressTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("revokeController"));
    m_revokeSessions = makeAction(tr("&Revoke Selected Sessions…"), QKeySequence::Delete,
                                  tr("Sign the selected sessions' browsers out: delete the "
                                     "Session rows"));
    // Delete and Shift+Delete act on the view that has the focus, not on the whole window.
    m_revokeSessions->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_signOut = makeAction(tr("&Sign Out Everywhere…"), QKeySequence(tr("Ctrl+Shift+L")),
                           tr("Revoke every session of the selected user (or the user in the "
                              "detail pane)"));
    m_deleteUser = makeAction(tr("&Delete User…"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
                              tr("Delete the selected user with their accounts, sessions and "
                                 "authenticators"));
    m_deleteUser->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_revokeExpired = makeAction(tr("Revoke &Expired Sessions…"), QKeySequence(),
                                 tr("Cleanup: delete the sessions that have expired"));
    m_purgeTokens = makeAction(tr("&Purge Expired Verification Tokens…"), QKeySequence(),
                               tr("Delete the magic-link tokens that have expired (Auth.js "
                                  "never does)"));
    m_revokeAll = makeAction(tr("Revoke E&very Session…"), QKeySequence(),
                             tr("Emergency: sign everyone out (asks for the database name)"));
    m_paneSignOut = makeAction(tr("Sign Out Everywhere…"), QKeySequence(),
                               tr("Revoke every session of this user"));
    m_paneDelete = makeAction(tr("Delete User…"), QKeySequence(),
                              tr("Delete this user with their accounts, sessions and "
                                 "authenticators"));
    m_readOnlyNote = new QAction(this);
    m_readOnlyNote->setEnabled(false);

    connect(m_revokeSessions, &QAction::triggered, this, [this] {
        RecordView *sessions = m_window->view(AuthModelKind::Session);
        if (sessions && !tooManySelected(sessions))
            revoke(selectedSessionRequests());
    });
    connect(m_signOut, &QAction::triggered, this, [this] {
        RecordView *current = m_window->currentView();
        if (current && current->kind() == AuthModelKind::User && tooManySelected(current))
            return;
        QVector<RevocationRequest> requests;
        for (const QString &id : selectedUserIds())
            requests << RevocationRequest::userSessions(id);
        revoke(requests);
    });
    connect(m_deleteUser, &QAction::triggered, this, [this] {
        const QStringList ids = selectedUserIds();
        if (ids.size() == 1)
            revoke({RevocationRequest::deleteUser(ids.first())});
    });
    connect(m_revokeExpired, &QAction::triggered, this,
            [this] { revoke({RevocationRequest::expiredSessions()}); });
    connect(m_purgeTokens, &QAction::triggered, this,
            [this] { revoke({RevocationRequest::expiredVerificationTokens()}); });
    connect(m_revokeAll, &QAction::triggered, this,
            [this] { revoke({RevocationRequest::allSessions()}); });
    connect(m_paneSignOut, &QAction::triggered, this, [this] {
        if (!paneUserId().isEmpty())
            revoke({RevocationRequest::userSessions(paneUserId())});
    });
    connect(m_paneDelete, &QAction::triggered, this, [this] {
        if (!paneUserId().isEmpty())
            revoke({RevocationRequest::deleteUser(paneUserId())});
    });

    QMenu *menu = m_window->actionsMenu();
    menu->setToolTipsVisible(true);
    menu->addAction(m_readOnlyNote);
    menu->addAction(m_revokeSessions);
    menu->addAction(m_signOut);
    menu->addAction(m_deleteUser);
    menu->addSeparator();
    menu->addAction(m_revokeExpired);
    menu->addAction(m_purgeTokens);
    menu->addSeparator();
    menu->addAction(m_revokeAll);
    connect(menu, &QMenu::aboutToShow, this, &RevokeController::updateActions);

    m_auditPage = new AuditLogPage(m_window);
    m_auditPage->setLogPath(m_auditLog.path());
    m_window->addPage(QStringLiteral("audit"), tr("Audit Log"), m_auditPage);

    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_progress && m_progressState)
            m_progress->setProgress(m_progressState->done, m_progressState->total);
    });

    connect(m_window, &MainWindow::workspaceOpened, this, &RevokeController::onWorkspaceOpened);
    connect(m_window, &MainWindow::workspaceClosed, this, &RevokeController::onWorkspaceClosed);
    if (m_window->workspace())
        onWorkspaceOpened();
    updateActions();
}

RevokeController::~RevokeController()
{
    // Stops after the batch in flight; the worker logs the run as cancelled.
    if (m_running)
        m_runCancel.cancel();
}

QAction *RevokeController::makeAction(const QString &text, const QKeySequence &key,
                                      const QString &tip)
{
    auto *action = new QAction(text, this);
    if (!key.isEmpty())
        action->setShortcut(key);
    action->setStatusTip(tip);
    action->setToolTip(tip);
    action->setData(tip); // the tooltip to restore once writes are allowed again
    return action;
}

RevokeConfirmDialog *RevokeController::confirmDialog() const
{
    return m_confirm;
}

RevokeProgressDialog *RevokeController::progressDialog() const
{
    return m_progress;
}

QList<QAction *> RevokeController::writeActions() const
{
    return {m_revokeSessions, m_signOut,   m_deleteUser,  m_revokeExpired,
            m_purgeTokens,    m_revokeAll, m_paneSignOut, m_paneDelete};
}

void RevokeController::setStrictConfirmation(bool strict)
{
    m_strict = strict;
}

void RevokeController::setEnvironmentTag(EnvironmentTag tag)
{
    setStrictConfirmation(needsStrictConfirmation(tag));
}

void RevokeController::setAuditLogPath(const QString &path)
{
    m_auditLog = AuditLog(path.isEmpty() ? defaultAuditLogPath() : path);
    m_auditPage->setLogPath(m_auditLog.path());
}

void RevokeController::onWorkspaceOpened()
{
    if (RecordView *sessions = m_window->view(AuthModelKind::Session)) {
        sessions->addRowAction(m_revokeSessions);
        sessions->addAction(m_revokeSessions);
        connect(sessions->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &RevokeController::updateActions);
        connect(sessions->table()->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &RevokeController::updateActions);
        connect(sessions->table(), &RecordTableView::contextMenuAboutToShow, this,
                &RevokeController::updateActions);
    }
    if (RecordView *users = m_window->view(AuthModelKind::User)) {
        users->addRowAction(m_signOut);
        users->addRowAction(m_deleteUser);
        users->addAction(m_deleteUser);
        connect(users->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &RevokeController::updateActions);
        connect(users->table()->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &RevokeController::updateActions);
        connect(users->table(), &RecordTableView::contextMenuAboutToShow, this,
                &RevokeController::updateActions);
    }
    if (UserDetailPane *pane = m_window->detailPane()) {
        pane->addUserAction(m_paneSignOut);
        pane->addUserAction(m_paneDelete);
        connect(pane, &UserDetailPane::loaded, this, &RevokeController::updateActions);
    }
    updateActions();
}

void RevokeController::onWorkspaceClosed()
{
    // The counts were made on the workspace that goes: ask again on the next one.
    if (m_confirm)
        m_confirm->reject();
    // Views and pane go with the workspace; their actions' shortcuts go with them.
    QTimer::singleShot(0, this, &RevokeController::updateActions);
}

bool RevokeController::tooManySelected(const RecordView *view) const
{
    if (selectedRowCount(view) <= kMaxSelectedRows)
        return false;
    m_window->statusBar()->showMessage(
        tr("Select at most %1 %2 at a time, or use a bulk action")
            .arg(QLocale().toString(kMaxSelectedRows), RecordView::pluralName(view->kind())),
        kStatusMs);
    return true;
}

QVector<RevocationRequest> RevokeController::selectedSessionRequests() const
{
    QVector<RevocationRequest> requests;
    RecordView *sessions = m_window->view(AuthModelKind::Session);
    if (!sessions)
        return requests;
    const RecordPage page = sessions->selectedRecords();
    for (int row = 0; row < page.rows.size(); ++row) {
        const QString token = page.value(row, QStringLiteral("sessionToken")).toString();
        if (!token.isEmpty())
            requests << RevocationRequest::session(token);
    }
    return requests;
}

QStringList RevokeController::selectedUserIds() const
{
    RecordView *current = m_window->currentView();
    if (current && current->kind() == AuthModelKind::User) {
        QStringList ids;
        const RecordPage page = current->selectedRecords();
        for (int row = 0; row < page.rows.size(); ++row) {
            const QString id = page.userIdOf(row);
            if (!id.isEmpty())
                ids << id;
        }
        return ids;
    }
    const QString pane = paneUserId();
    return pane.isEmpty() ? QStringList() : QStringList{pane};
}

QString RevokeController::paneUserId() const
{
    UserDetailPane *pane = m_window->detailPane();
    return pane ? pane->picture().userId() : QString();
}

void RevokeController::updateActions()
{
    const AuthWorkspace *workspace = m_window->workspace();
    QString blocked; // why no write can run now
    if (!workspace)
        blocked = tr("Open a database first");
    else if (workspace->isReadOnly())
        blocked = tr("Read-only: %1").arg(workspace->readOnlyReason());
    else if (m_running)
        blocked = tr("A revocation is running");
    m_readOnlyNote->setVisible(workspace && workspace->isReadOnly());
    m_readOnlyNote->setText(blocked);

    auto set = [&blocked](QAction *action, bool possible, const QString &why) {
        action->setEnabled(blocked.isEmpty() && possible);
        const QString tip = !blocked.isEmpty() ? blocked
                            : possible         ? action->data().toString()
                                               : why;
        action->setToolTip(tip);
        action->setStatusTip(tip);
    };
    const bool tokens =
        workspace && workspace->schema().model(AuthModelKind::VerificationToken).present;
    // Counted from the selection's ranges, not its records: this runs on every click.
    RecordView *sessionsView = m_window->view(AuthModelKind::Session);
    const qint64 sessions = blocked.isEmpty() && sessionsView ? selectedRowCount(sessionsView) : 0;
    RecordView *current = m_window->currentView();
    qint64 users = 0;
    if (blocked.isEmpty() && current && current->kind() == AuthModelKind::User)
        users = selectedRowCount(current);
    else if (blocked.isEmpty())
        users = paneUserId().isEmpty() ? 0 : 1;
    set(m_revokeSessions, sessions > 0, tr("Select sessions in the Sessions view first"));
    set(m_signOut, users > 0, tr("Select a user first"));
    set(m_deleteUser, users == 1,
        users == 0 ? tr("Select a user first") : tr("Select one user only"));
    set(m_revokeExpired, true, QString());
    set(m_revokeAll, true, QString());
    set(m_purgeTokens, tokens, tr("The schema has no VerificationToken model"));
    const bool paneUser = blocked.isEmpty() && !paneUserId().isEmpty();
    set(m_paneSignOut, paneUser, tr("No user shown"));
    set(m_paneDelete, paneUser, tr("No user shown"));
    m_revokeSessions->setText(
        sessions > 1 ? tr("&Revoke %1 Selected Sessions…").arg(QLocale().toString(sessions))
                     : tr("&Revoke Selected Session…"));
}

void RevokeController::revoke(const QVector<RevocationRequest> &requests)
{
    const AuthWorkspace *current = m_window->workspace();
    if (requests.isEmpty() || !current || m_running || m_confirm)
        return;
    if (current->isReadOnly()) {
        m_window->statusBar()->showMessage(
            tr("Read-only: %1. Nothing was removed.").arg(current->readOnlyReason()), kStatusMs);
        return;
    }
    const AuthWorkspace workspace = *current;
    const RevocationAction action = requests.first().action;

    auto *dialog = new RevokeConfirmDialog(actionTitle(action), confirmText(action), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setStrict(m_strict);
    m_confirm = dialog;
    const CancellationToken cancel;
    connect(dialog, &QDialog::rejected, this, [cancel] { cancel.cancel(); });
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, workspace, action] { execute(workspace, dialog->preview(), action); });
    dialog->showCounting();
    dialog->open();
    whenReady(dialog, RevocationWorker::preview(workspace, requests, cancel),
              [dialog](const Result<RevocationPreview> &preview) {
                  if (preview)
                      dialog->showPreview(*preview);
                  else if (preview.error().code() != Error::Code::Cancelled)
                      dialog->showError(preview.error());
              });
}

void RevokeController::execute(const AuthWorkspace &workspace, const RevocationPreview &preview,
                               RevocationAction action)
{
    const qint64 planned = preview.rows();
    // Delete user: the detail pane must not show the user once they are gone.
    const QString userId =
        action == RevocationAction::DeleteUser ? preview.plans.first().userId : QString();
    m_running = true;
    updateActions();

    RevocationOptions options = m_options;
    options.cancel = CancellationToken();
    m_runCancel = options.cancel;
    m_progressState = std::make_shared<RevocationProgressState>();
    m_progressState->total = planned;

    auto *dialog = new RevokeProgressDialog(actionTitle(action), planned, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_progress = dialog;
    const CancellationToken cancel = options.cancel;
    connect(dialog, &RevokeProgressDialog::cancelRequested, this, [cancel] { cancel.cancel(); });
    dialog->open();
    m_progressTimer->start();
    m_window->statusBar()->showMessage(tr("%1…").arg(actionTitle(action)));

    whenReady(
        this,
        RevocationWorker::execute(workspace, preview.plans, m_auditLog, options, m_progressState),
        [this, action, planned, userId](const QVector<RevocationResult> &results) {
            onFinished(action, planned, userId, results);
        });
}

void RevokeController::onFinished(RevocationAction action, qint64 planned, const QString &userId,
                                  const QVector<RevocationResult> &results)
{
    m_progressTimer->stop();
    m_running = false;

    QVector<RevocationCount> counts;
    for (const RevocationResult &r : results)
        addRevocationCounts(counts, r.counts);
    qint64 removed = 0;
    for (const RevocationResult &r : results)
        removed += r.rows;
    const AuthModelKind model = mainModel(action);
    const QString removedText =
        counts.isEmpty() ? revocationRowsText(model, removed) : revocationCountsText(counts);
    qint64 elapsed = 0;
    for (const RevocationResult &r : results)
        elapsed += r.elapsedMs;

    const RevocationResult *failed = nullptr;
    const RevocationResult *cancelled = nullptr;
    QStringList auditErrors;
    for (const RevocationResult &r : results) {
        if (r.outcome == RevocationResult::Outcome::Failed && !failed)
            failed = &r;
        if (r.outcome == RevocationResult::Outcome::Cancelled && !cancelled)
            cancelled = &r;
        if (!r.audit)
            auditErrors << r.audit.error().fullText();
    }

    QString message;
    if (failed) {
        message = tr("Failed: %1").arg(failed->error.fullText());
        message += removed > 0 ? tr("\nRemoved before the failure: %1.").arg(removedText)
                               : tr("\nNothing was removed.");
    } else if (cancelled) {
        // "4 of 720 sessions" when one table was touched, else every table's count.
        const bool oneTable = counts.size() <= 1;
        message = tr("Cancelled after removing %1. What was removed stays removed.")
                      .arg(oneTable ? tr("%1 of %2")
                                          .arg(QLocale(QLocale::English).toString(removed),
                                               revocationRowsText(model, planned))
                                    : removedText);
    } else {
        message = tr("Removed %1 in %2 ms.").arg(removedText).arg(elapsed);
    }
    if (!auditErrors.isEmpty())
        message +=
            tr("\nThe audit line was not written: %1").arg(auditErrors.join(QLatin1Char(' ')));
    else if (!failed || removed > 0)
        message += tr("\nLogged in %1.").arg(m_auditLog.path());
    const bool ok = !failed && auditErrors.isEmpty();

    if (m_progress) {
        m_progress->setProgress(removed, std::max(planned, removed));
        m_progress->finish(message, ok);
    }
    m_window->statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), kStatusMs);

    // Refresh what may have changed, also after a cancel or a failure (committed batches stay).
    for (AuthModelKind kind : affectedModels(action)) {
        if (RecordView *view = m_window->view(kind))
            view->refresh();
    }
    if (UserDetailPane *pane = m_window->detailPane()) {
        const QString shown = pane->requestedUser();
        if (!shown.isEmpty())
            pane->showUser(!userId.isEmpty() &&
                                   (shown == userId || pane->picture().userId() == userId)
                               ? QString()
                               : shown);
    }
    m_auditPage->reload();
    updateActions();
    Q_EMIT finished(results);
}

} // namespace gh::ui
