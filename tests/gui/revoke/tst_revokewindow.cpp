// Revocation in the main window: the controller attached from outside, the confirmation dialog
// that counts in the database first and asks for the typed name where it must, the progress
// dialog with Cancel, the views refreshing afterwards, read-only mode, and the audit page.

#include "core/auth/AuditLog.h"
#include "core/auth/AuthQueries.h"
#include "tests/gui/inspector/InspectorDatabase.h"
#include "tests/integration/auth/AuthTestData.h"
#include "ui/inspector/PagedRecordModel.h"
#include "ui/inspector/RecordTableView.h"
#include "ui/inspector/RecordView.h"
#include "ui/inspector/UserDetailPane.h"
#include "ui/revoke/AuditLogModel.h"
#include "ui/revoke/AuditLogPage.h"
#include "ui/revoke/RevokeConfirmDialog.h"
#include "ui/revoke/RevokeController.h"
#include "ui/revoke/RevokeProgressDialog.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSemaphore>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::ui;
using gh::test::InspectorDatabase;

namespace {

constexpr int kTimeout = 30000;

bool openWindow(MainWindow &window, const InspectorDatabase &db)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.resize(1280, 780);
    window.show();
    window.openProject(db.options());
    return finished.wait(kTimeout) && finished.first().first().toBool();
}

/// The window's controller: the one MainWindow installs, else one installed here (as the lead's
/// one line in MainWindow's constructor does).
RevokeController *controllerOf(MainWindow &window)
{
    if (auto *installed =
            window.findChild<RevokeController *>(QString(), Qt::FindDirectChildrenOnly))
        return installed;
    return new RevokeController(&window);
}

/// The visible dialog of type T, found among the top-level widgets as a user would see it.
template <typename T> T *visibleDialog()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<T *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

/// Every session in the database: token -> expires (UTC).
QHash<QString, QDateTime> sessionsIn(const AuthWorkspace &workspace)
{
    QHash<QString, QDateTime> sessions;
    auto connection = workspace.connect();
    if (!connection)
        return sessions;
    const RecordPage all = gh::test::allRows(*connection->queries, AuthModelKind::Session);
    for (int row = 0; row < all.rows.size(); ++row)
        sessions.insert(all.value(row, QStringLiteral("sessionToken")).toString(),
                        all.value(row, QStringLiteral("expires")).toDateTime());
    return sessions;
}

qint64 rowsOf(const AuthWorkspace &workspace, AuthModelKind kind)
{
    auto connection = workspace.connect();
    return connection ? gh::test::allRows(*connection->queries, kind).rows.size() : -1;
}

qint64 expiredBefore(const QHash<QString, QDateTime> &sessions, const QDateTime &cutoff)
{
    qint64 expired = 0;
    for (const QDateTime &expires : sessions)
        expired += expires < cutoff;
    return expired;
}

/// Waits for the controller's dialog to finish counting.
RevokeConfirmDialog *countedDialog()
{
    RevokeConfirmDialog *dialog = nullptr;
    const bool found = QTest::qWaitFor(
        [&] {
            dialog = visibleDialog<RevokeConfirmDialog>();
            return dialog && !dialog->isCounting();
        },
        kTimeout);
    return found ? dialog : nullptr;
}

/// Writes a screenshot when GATEHOUSE_SCREENSHOT_DIR is set (to look at the dialogs).
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // pending layout requests: the picture shows what a user would see
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

bool viewSettled(RecordView *view)
{
    return view->model()->hasLoaded() && !view->model()->isLoading() &&
           view->model()->total().kind == RowCount::Kind::Exact && !view->model()->isCounting();
}

} // namespace

class TestRevokeWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString auditPath(const char *name) const
    {
        return m_dir.filePath(QString::fromLatin1(name) + QStringLiteral(".jsonl"));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void revokeExpiredSessionsRefreshesTheTableAndLogs_data()
    {
        InspectorDatabase::addBackendRows();
    }

    void revokeExpiredSessionsRefreshesTheTableAndLogs()
    {
        QFETCH(int, backend);
        if (InspectorDatabase::unavailable(InspectorDatabase::Backend(backend)))
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Backend(backend)), qPrintable(db.errorText()));
        // The generated PostgreSQL sessions centre on a fixed past instant: add live ones, so
        // that the refreshed table has rows to show.
        if (backend == InspectorDatabase::Postgres)
            QVERIFY2(db.runOnPostgres(QStringLiteral(
                         "INSERT INTO \"Session\" (\"sessionToken\", \"userId\", \"expires\", "
                         "\"updatedAt\") SELECT 'live-' || id, id, now() + interval '30 days', "
                         "now() FROM \"User\" ORDER BY id LIMIT 40")),
                     qPrintable(db.errorText()));
        const QHash<QString, QDateTime> before = sessionsIn(db.workspace());
        QVERIFY(!before.isEmpty());

        MainWindow window;
        RevokeController *controller = controllerOf(window);
        const QString audit = auditPath(backend == 0 ? "expired-sqlite" : "expired-postgres");
        controller->setAuditLogPath(audit);
        window.showView(QStringLiteral("sessions"));
        QVERIFY(openWindow(window, db));
        RecordView *sessions = window.view(AuthModelKind::Session);
        QTRY_VERIFY_WITH_TIMEOUT(viewSettled(sessions), kTimeout);
        QCOMPARE(sessions->model()->total().rows, qint64(before.size()));

        QVERIFY(controller->revokeExpiredSessionsAction()->isEnabled());
        controller->revokeExpiredSessionsAction()->trigger();
        RevokeConfirmDialog *dialog = countedDialog();
        QVERIFY(dialog);
        screenshot(dialog, QStringLiteral("revoke-confirm-expired"));
        // The count comes from the database, as of the preview's cut-off.
        QCOMPARE(dialog->preview().plans.size(), 1);
        const RevocationPlan plan = dialog->preview().plans.first();
        const qint64 expired = expiredBefore(before, plan.cutoff);
        QVERIFY(expired > 0);
        QCOMPARE(plan.rows, expired);
        QVERIFY2(dialog->shownText().contains(QLocale().toString(expired)),
                 qPrintable(dialog->shownText()));
        QVERIFY(!dialog->confirmation().requiresTyping());
        QVERIFY(dialog->confirmationEdit()->isHidden());
        QVERIFY(dialog->confirmButton()->isEnabled());

        QSignalSpy finished(controller, &RevokeController::finished);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeout));
        const auto results = finished.first().first().value<QVector<RevocationResult>>();
        QCOMPARE(results.size(), 1);
        const RevocationResult &result = results.first();
        QVERIFY2(result.completed(), qPrintable(result.error.fullText()));
        QVERIFY(result.audit.ok());

        // Exactly the sessions expired at the action's own cut-off are gone.
        const QHash<QString, QDateTime> after = sessionsIn(db.workspace());
        QCOMPARE(result.rows, expiredBefore(before, result.cutoff));
        QCOMPARE(qint64(after.size()), qint64(before.size()) - result.rows);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.contains(it.key()), it.value() >= result.cutoff);

        RevokeProgressDialog *progress = visibleDialog<RevokeProgressDialog>();
        QVERIFY(progress);
        QVERIFY(progress->isFinished());
        QVERIFY2(progress->statusText().startsWith(QStringLiteral("Removed ")),
                 qPrintable(progress->statusText()));
        screenshot(progress, QStringLiteral("revoke-progress-done"));
        QTest::mouseClick(progress->button(), Qt::LeftButton);
        QTRY_VERIFY(!visibleDialog<RevokeProgressDialog>());

        // The table shows what is left, counted again.
        QTRY_VERIFY_WITH_TIMEOUT(
            viewSettled(sessions) && sessions->model()->total().rows == after.size(), kTimeout);
        const QList<int> shown = [&] {
            QList<int> rows;
            for (int row = 0; row < sessions->model()->rowCount(); ++row) {
                if (sessions->model()->isRowLoaded(row))
                    rows << row;
            }
            return rows;
        }();
        QVERIFY(!shown.isEmpty());
        const RecordPage page = sessions->model()->records(shown);
        for (int row = 0; row < page.rows.size(); ++row)
            QVERIFY(page.value(row, QStringLiteral("expires")).toDateTime() >= result.cutoff);

        // The audit page shows the new entry on top.
        AuditLogPage *auditPage = controller->auditPage();
        QCOMPARE(window.page(QStringLiteral("audit")), auditPage);
        QVERIFY(window.showView(QStringLiteral("audit")));
        QTRY_VERIFY_WITH_TIMEOUT(!auditPage->isLoading() && auditPage->model()->rowCount() == 1,
                                 kTimeout);
        const AuditEntry &entry = auditPage->model()->entry(0);
        QCOMPARE(entry.action, QStringLiteral("revoke-expired-sessions"));
        QCOMPARE(entry.rows, result.rows);
        QCOMPARE(entry.outcome, AuditEntry::Outcome::Completed);
        QVERIFY2(entry.database.contains(plan.databaseName), qPrintable(entry.database));
        const QModelIndex rowsCell = auditPage->model()->index(0, AuditLogModel::Rows);
        QCOMPARE(rowsCell.data().toString(), QLocale().toString(result.rows));
        const QModelIndex timeCell = auditPage->model()->index(0, AuditLogModel::Time);
        QVERIFY(timeCell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("UTC")));
        QVERIFY(auditPage->openLocationAction()->isEnabled());
        screenshot(&window, QStringLiteral("revoke-audit-page"));
    }

    void typedConfirmationEnablesTheButtonOnlyOnTheName_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("strict");
        QTest::addColumn<bool>("typing");
        QTest::newRow("expired sessions")
            << int(RevocationAction::ExpiredSessions) << false << false;
        QTest::newRow("expired sessions, production")
            << int(RevocationAction::ExpiredSessions) << true << true;
        QTest::newRow("every session") << int(RevocationAction::AllSessions) << false << true;
        QTest::newRow("tokens, production")
            << int(RevocationAction::ExpiredVerificationTokens) << true << true;
    }

    void typedConfirmationEnablesTheButtonOnlyOnTheName()
    {
        QFETCH(int, action);
        QFETCH(bool, strict);
        QFETCH(bool, typing);
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Sqlite), qPrintable(db.errorText()));
        const qint64 sessionsBefore = rowsOf(db.workspace(), AuthModelKind::Session);
        MainWindow window;
        RevokeController *controller = controllerOf(window);
        controller->setAuditLogPath(auditPath("typed"));
        controller->setEnvironmentTag(strict ? EnvironmentTag::Production
                                             : EnvironmentTag::Development);
        QCOMPARE(controller->strictConfirmation(), strict);
        QVERIFY(openWindow(window, db));

        QAction *trigger = RevocationAction(action) == RevocationAction::AllSessions
                               ? controller->revokeAllSessionsAction()
                           : RevocationAction(action) == RevocationAction::ExpiredSessions
                               ? controller->revokeExpiredSessionsAction()
                               : controller->purgeExpiredTokensAction();
        trigger->trigger();
        RevokeConfirmDialog *dialog = countedDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->preview().rows() > 0);
        QCOMPARE(dialog->confirmation().requiresTyping(), typing);
        QCOMPARE(dialog->confirmationEdit()->isHidden(), !typing);
        if (!typing) {
            QVERIFY(dialog->confirmButton()->isEnabled());
        } else {
            // The demo's database is its SQLite file.
            QCOMPARE(dialog->confirmation().text, QStringLiteral("dev.db"));
            QVERIFY(dialog->shownText().contains(dialog->confirmation().prompt()));
            QVERIFY(!dialog->confirmButton()->isEnabled());
            QTest::keyClicks(dialog->confirmationEdit(), QStringLiteral("dev"));
            QVERIFY(!dialog->confirmButton()->isEnabled());
            QTest::keyClicks(dialog->confirmationEdit(), QStringLiteral(".DB"));
            QVERIFY(!dialog->confirmButton()->isEnabled()); // case kept
            // Return with a wrong name does not delete either.
            QTest::keyClick(dialog->confirmationEdit(), Qt::Key_Return);
            QVERIFY(dialog->isVisible());
            dialog->confirmationEdit()->clear();
            QTest::keyClicks(dialog->confirmationEdit(), QStringLiteral("dev.db"));
            QVERIFY(dialog->confirmButton()->isEnabled());
            screenshot(dialog, QStringLiteral("revoke-confirm-typed"));
            // Return never clicks the destructive button: it must be clicked.
            QTest::keyClick(dialog->confirmationEdit(), Qt::Key_Return);
            QVERIFY(dialog->isVisible());
        }
        // Cancel removes nothing and logs nothing.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!visibleDialog<RevokeConfirmDialog>());
        QVERIFY(!controller->isRunning());
        QCOMPARE(rowsOf(db.workspace(), AuthModelKind::Session), sessionsBefore);
        QVERIFY(!QFile::exists(auditPath("typed")));
    }

    void deleteUserFromTheDetailPaneAsksForTheEmail()
    {
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Sqlite), qPrintable(db.errorText()));
        auto connection = db.workspace().connect();
        QVERIFY(connection.ok());
        const RecordPage sessions = gh::test::allRows(*connection->queries, AuthModelKind::Session);
        const QString userId = sessions.userIdOf(0);
        QVERIFY(!userId.isEmpty());

        MainWindow window;
        RevokeController *controller = controllerOf(window);
        controller->setAuditLogPath(auditPath("delete-user"));
        QVERIFY(openWindow(window, db));
        window.goToUser(userId);
        UserDetailPane *pane = window.detailPane();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isLoading() && pane->picture().userId() == userId,
                                 kTimeout);
        // The user types the email (the id of a user without one).
        const QString email = pane->picture().email().isEmpty() ? userId : pane->picture().email();
        QTRY_VERIFY(controller->paneDeleteUserAction()->isEnabled());
        const qint64 users = rowsOf(db.workspace(), AuthModelKind::User);

        controller->paneDeleteUserAction()->trigger();
        RevokeConfirmDialog *dialog = countedDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->confirmation().text, email);
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QCOMPARE(dialog->preview().plans.first().rowsIn(AuthModelKind::User), qint64(1));
        screenshot(dialog, QStringLiteral("revoke-confirm-delete-user"));
        dialog->confirmationEdit()->setText(email);
        QVERIFY(dialog->confirmButton()->isEnabled());
        QSignalSpy finished(controller, &RevokeController::finished);
        dialog->confirmButton()->click();
        QVERIFY(finished.wait(kTimeout));
        const auto results = finished.first().first().value<QVector<RevocationResult>>();
        QVERIFY2(results.first().completed(), qPrintable(results.first().error.fullText()));

        // The user and everything of theirs are gone; the others stay.
        auto check = db.workspace().connect();
        QVERIFY(check.ok());
        QCOMPARE(qint64(gh::test::allRows(*check->queries, AuthModelKind::User).rows.size()),
                 users - 1);
        for (AuthModelKind kind :
             {AuthModelKind::Session, AuthModelKind::Account, AuthModelKind::Authenticator}) {
            const RecordPage left = gh::test::allRows(*check->queries, kind);
            for (int row = 0; row < left.rows.size(); ++row)
                QVERIFY(left.userIdOf(row) != userId);
        }
        // The pane no longer shows the deleted user.
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isLoading() && pane->picture().userId().isEmpty(),
                                 kTimeout);
    }

    void revokeSelectedSessionsFromTheContextMenu()
    {
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Sqlite), qPrintable(db.errorText()));
        const QHash<QString, QDateTime> before = sessionsIn(db.workspace());
        MainWindow window;
        RevokeController *controller = controllerOf(window);
        controller->setAuditLogPath(auditPath("selected"));
        window.showView(QStringLiteral("sessions"));
        QVERIFY(openWindow(window, db));
        RecordView *sessions = window.view(AuthModelKind::Session);
        QTRY_VERIFY_WITH_TIMEOUT(viewSettled(sessions), kTimeout);

        // Rows 1 and 3 selected.
        RecordTableView *table = sessions->table();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        table->setFocus();
        table->clearSelection();
        table->selectionModel()->select(sessions->model()->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(sessions->model()->index(3, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const RecordPage selected = sessions->selectedRecords();
        QCOMPARE(selected.rows.size(), 2);
        QSet<QString> tokens;
        for (int row = 0; row < 2; ++row)
            tokens << selected.value(row, QStringLiteral("sessionToken")).toString();
        QVERIFY(controller->revokeSelectedSessionsAction()->isEnabled());

        window.actionsMenu()->popup(QPoint());
        QTRY_VERIFY(window.actionsMenu()->isVisible());
        screenshot(window.actionsMenu(), QStringLiteral("revoke-actions-menu"));
        window.actionsMenu()->close();

        // The table's context menu offers the action, enabled, and keeps the selection.
        bool offered = false;
        connect(table, &RecordTableView::contextMenuAboutToShow, this,
                [&offered, controller](QMenu *menu) {
                    QAction *revoke = controller->revokeSelectedSessionsAction();
                    offered = menu->actions().contains(revoke) && revoke->isEnabled();
                    QTimer::singleShot(0, menu, &QMenu::close);
                });
        const QPoint at = table->visualRect(sessions->model()->index(1, 1)).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, table->viewport()->mapToGlobal(at));
        QApplication::sendEvent(table->viewport(), &event);
        QVERIFY(offered);
        QCOMPARE(sessions->selectedRecords().rows.size(), 2);

        // Delete in the table revokes the selection.
        // (The offscreen platform does not give the window back its activation after a popup.)
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        RevokeConfirmDialog *dialog = countedDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->preview().plans.size(), 2);
        QCOMPARE(dialog->preview().rows(), qint64(2));
        QSignalSpy finished(controller, &RevokeController::finished);
        dialog->confirmButton()->click();
        QVERIFY(finished.wait(kTimeout));
        const QHash<QString, QDateTime> after = sessionsIn(db.workspace());
        QCOMPARE(after.size(), before.size() - 2);
        for (const QString &token : before.keys())
            QCOMPARE(after.contains(token), !tokens.contains(token));
        // One audit line per session.
        auto log = AuditLog(auditPath("selected")).read();
        QVERIFY(log.ok());
        QCOMPARE(log->entries.size(), 2);
        for (const AuditEntry &entry : log->entries) {
            QCOMPARE(entry.action, QStringLiteral("revoke-session"));
            QCOMPARE(entry.tokenHashes.size(), 1);
            QVERIFY(!tokens.contains(entry.tokenHashes.first())); // hashed, never raw
        }
    }

    void readOnlyDisablesEveryWriteActionAndSaysWhy()
    {
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Sqlite), qPrintable(db.errorText()));
        const QString reason = QStringLiteral("gatehouse was started with --read-only");
        MainWindow window;
        window.setReadOnlyReason(reason);
        RevokeController *controller = controllerOf(window);
        controller->setAuditLogPath(auditPath("read-only"));
        window.showView(QStringLiteral("users"));
        QVERIFY(openWindow(window, db));
        QVERIFY(window.workspace()->isReadOnly());
        window.goToUser(window.view(AuthModelKind::User)->model()->userIdOf(0));
        QTRY_VERIFY_WITH_TIMEOUT(!window.detailPane()->isLoading(), kTimeout);

        const QList<QAction *> actions = controller->writeActions();
        QCOMPARE(actions.size(), 8);
        for (QAction *action : actions) {
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
            QVERIFY2(action->toolTip().contains(reason), qPrintable(action->toolTip()));
        }
        // The menu says it too, and a shortcut that slips through opens nothing.
        window.actionsMenu()->popup(QPoint());
        QTRY_VERIFY(window.actionsMenu()->isVisible());
        bool noted = false;
        for (QAction *action : window.actionsMenu()->actions())
            noted |= action->isVisible() && action->text().contains(reason);
        QVERIFY(noted);
        screenshot(window.actionsMenu(), QStringLiteral("revoke-actions-menu-read-only"));
        window.actionsMenu()->close();
        controller->revoke({RevocationRequest::expiredSessions()});
        QTest::qWait(50);
        QVERIFY(!visibleDialog<RevokeConfirmDialog>());
        QVERIFY(!QFile::exists(auditPath("read-only")));
    }

    void aFailureIsShownInTheWindowAndRemovesNothing()
    {
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Sqlite), qPrintable(db.errorText()));
        const qint64 sessionsBefore = rowsOf(db.workspace(), AuthModelKind::Session);
        // The audit log cannot be written (its folder is a file): the core refuses to start.
        QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        MainWindow window;
        RevokeController *controller = controllerOf(window);
        controller->setAuditLogPath(blocker.fileName() + QStringLiteral("/audit.jsonl"));
        QVERIFY(openWindow(window, db));

        controller->revokeExpiredSessionsAction()->trigger();
        RevokeConfirmDialog *dialog = countedDialog();
        QVERIFY(dialog);
        QSignalSpy finished(controller, &RevokeController::finished);
        dialog->confirmButton()->click();
        QVERIFY(finished.wait(kTimeout));
        const auto results = finished.first().first().value<QVector<RevocationResult>>();
        QCOMPARE(results.first().outcome, RevocationResult::Outcome::Failed);
        QCOMPARE(results.first().error.code(), Error::Code::FileUnwritable);

        RevokeProgressDialog *progress = visibleDialog<RevokeProgressDialog>();
        QVERIFY(progress);
        QVERIFY2(progress->statusText().startsWith(QStringLiteral("Failed: ")) &&
                     progress->statusText().contains(QStringLiteral("Nothing was removed.")),
                 qPrintable(progress->statusText()));
        QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Failed: ")));
        screenshot(progress, QStringLiteral("revoke-progress-failed"));
        QCOMPARE(rowsOf(db.workspace(), AuthModelKind::Session), sessionsBefore);
        QVERIFY(controller->revokeExpiredSessionsAction()->isEnabled()); // can try again
    }

    void dialogStates_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("confirmShown");
        QTest::addColumn<bool>("confirmEnabled");
        QTest::addColumn<QString>("says");
        QTest::newRow("counting") << "counting" << true << false << "Counting the rows to remove";
        QTest::newRow("error") << "error" << false << false << "Cannot count the rows to remove";
        QTest::newRow("nothing") << "nothing" << false << false << "Nothing to remove";
        QTest::newRow("gone") << "gone" << false << false << "removed meanwhile";
        QTest::newRow("blocked") << "blocked" << true << false << "Cannot run: read-only";
        QTest::newRow("credentials")
            << "credentials" << true << true << "Warning: signs in with JWT";
    }

    void dialogStates()
    {
        QFETCH(QString, state);
        QFETCH(bool, confirmShown);
        QFETCH(bool, confirmEnabled);
        QFETCH(QString, says);
        RevokeConfirmDialog dialog(QStringLiteral("Sign Out Everywhere"),
                                   QStringLiteral("Sign Out Everywhere"));
        RevocationPlan plan;
        plan.request = RevocationRequest::userSessions(QStringLiteral("u1"));
        plan.summary = QStringLiteral("Sign ada@example.com out everywhere: revoke 3 sessions");
        plan.rows = 3;
        plan.counts = {RevocationCount{AuthModelKind::Session, QStringLiteral("Session"), 3}};
        RevocationPreview preview;
        if (state == QLatin1String("error")) {
            dialog.showError(Error(Error::Code::ConnectionFailed, QStringLiteral("refused")));
        } else if (state == QLatin1String("nothing")) {
            plan.rows = 0;
            plan.counts.first().rows = 0;
            preview.plans = {plan};
            dialog.showPreview(preview);
        } else if (state == QLatin1String("gone")) {
            preview.missing = 1;
            dialog.showPreview(preview);
        } else if (state == QLatin1String("blocked")) {
            plan.warnings << RevocationWarning{RevocationWarning::Kind::ReadOnly,
                                               RevocationWarning::Severity::Blocking,
                                               QStringLiteral("read-only")};
            preview.plans = {plan};
            dialog.showPreview(preview);
        } else if (state == QLatin1String("credentials")) {
            plan.warnings << RevocationWarning{RevocationWarning::Kind::CredentialsOnly,
                                               RevocationWarning::Severity::Warning,
                                               QStringLiteral("signs in with JWT")};
            preview.plans = {plan};
            dialog.showPreview(preview);
        }
        dialog.show();
        QCOMPARE(dialog.isCounting(), state == QLatin1String("counting"));
        QCOMPARE(!dialog.confirmButton()->isHidden(), confirmShown);
        QCOMPARE(dialog.confirmButton()->isEnabled(), confirmEnabled);
        QVERIFY2(dialog.shownText().contains(says), qPrintable(dialog.shownText()));
        screenshot(&dialog, QStringLiteral("revoke-confirm-") + state);
    }

    void cancellingMidwayKeepsWhatWasRemoved_data() { InspectorDatabase::addBackendRows(); }

    void cancellingMidwayKeepsWhatWasRemoved()
    {
        QFETCH(int, backend);
        if (InspectorDatabase::unavailable(InspectorDatabase::Backend(backend)))
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Backend(backend)), qPrintable(db.errorText()));
        const QHash<QString, QDateTime> before = sessionsIn(db.workspace());

        MainWindow window;
        RevokeController *controller = controllerOf(window);
        const QString audit = auditPath(backend == 0 ? "cancel-sqlite" : "cancel-postgres");
        controller->setAuditLogPath(audit);
        // Small batches, and the worker holds after the first batch that removed rows until the
        // test has clicked Cancel: the cancel lands midway, deterministically.
        QSemaphore removedSome;
        QSemaphore clicked;
        std::atomic<qint64> doneAtCancel{-1};
        RevocationOptions options;
        options.strategy = RevocationOptions::Strategy::PhysicalRanges;
        options.firstBatchRows = 8;
        options.maxBatchRows = 8;
        options.progress = [&](const RevocationProgress &p) {
            if (p.done > 0 && doneAtCancel < 0) {
                doneAtCancel = p.done;
                removedSome.release();
                clicked.acquire();
            }
        };
        controller->setExecutionOptions(options);
        QVERIFY(openWindow(window, db));

        controller->revokeExpiredSessionsAction()->trigger();
        RevokeConfirmDialog *dialog = countedDialog();
        QVERIFY(dialog);
        const qint64 planned = dialog->preview().rows();
        QVERIFY2(planned > 16, qPrintable(QString::number(planned)));
        QSignalSpy finished(controller, &RevokeController::finished);
        dialog->confirmButton()->click();
        QVERIFY(QTest::qWaitFor([&] { return removedSome.tryAcquire(); }, kTimeout));
        RevokeProgressDialog *progress = visibleDialog<RevokeProgressDialog>();
        QVERIFY(progress);
        QTRY_COMPARE(progress->done(), qint64(doneAtCancel));
        screenshot(progress, QStringLiteral("revoke-progress-running"));
        QVERIFY(!controller->revokeExpiredSessionsAction()->isEnabled()); // one run at a time
        QTest::mouseClick(progress->button(), Qt::LeftButton);
        QVERIFY(progress->isCancelling());
        clicked.release();
        QVERIFY(finished.wait(kTimeout));

        const auto results = finished.first().first().value<QVector<RevocationResult>>();
        const RevocationResult &result = results.first();
        QCOMPARE(result.outcome, RevocationResult::Outcome::Cancelled);
        QCOMPARE(result.rows, qint64(doneAtCancel));
        QVERIFY(result.rows < planned);
        // What was removed stays removed, and nothing else was.
        const QHash<QString, QDateTime> after = sessionsIn(db.workspace());
        QCOMPARE(qint64(after.size()), qint64(before.size()) - result.rows);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (!after.contains(it.key()))
                QVERIFY(it.value() < result.cutoff);
        }
        const QString said = QStringLiteral("Cancelled after removing %1 of %2.")
                                 .arg(QLocale(QLocale::English).toString(result.rows),
                                      revocationRowsText(AuthModelKind::Session, planned));
        QVERIFY2(progress->statusText().startsWith(said), qPrintable(progress->statusText()));
        screenshot(progress, QStringLiteral("revoke-progress-cancelled"));
        auto log = AuditLog(audit).read();
        QVERIFY(log.ok());
        QCOMPARE(log->entries.size(), 1);
        QCOMPARE(log->entries.first().outcome, AuditEntry::Outcome::Cancelled);
        QCOMPARE(log->entries.first().rows, result.rows);
        QVERIFY(controller->revokeExpiredSessionsAction()->isEnabled());
    }
};

QTEST_MAIN(TestRevokeWindow)
#include "tst_revokewindow.moc"
