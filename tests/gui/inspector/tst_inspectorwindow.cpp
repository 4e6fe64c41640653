// The inspector in the main window: a view per Auth.js model, the detail pane with a user's whole
// picture, "go to user" from a session and back, and a schema without Authenticator.

#include "core/auth/AuthQueries.h"
#include "tests/gui/inspector/InspectorDatabase.h"
#include "tests/integration/auth/AuthTestData.h"
#include "ui/inspector/PagedRecordModel.h"
#include "ui/inspector/RecordTableModel.h"
#include "ui/inspector/RecordTableView.h"
#include "ui/inspector/RecordView.h"
#include "ui/inspector/UserDetailPane.h"
#include "ui/window/MainWindow.h"
#include "ui/window/MessagePanel.h"

#include <QAction>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
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

bool idle(MainWindow &window)
{
    return !window.isLoading();
}

/// Rows of `kind` owned by `userId`, read directly.
int ownedRows(const AuthQueries &queries, AuthModelKind kind, const QString &userId)
{
    const RecordPage all = gh::test::allRows(queries, kind);
    int count = 0;
    for (int row = 0; row < all.rows.size(); ++row)
        count += all.userIdOf(row) == userId;
    return count;
}

} // namespace

class TestInspectorWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyModelHasAView()
    {
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Sqlite), qPrintable(db.errorText()));
        MainWindow window;
        QCOMPARE(window.viewNames().mid(0, 5),
                 (QStringList{QStringLiteral("users"), QStringLiteral("accounts"),
                              QStringLiteral("sessions"), QStringLiteral("tokens"),
                              QStringLiteral("authenticators")}));
        QVERIFY(window.viewNames().contains(QStringLiteral("schema")));
        QVERIFY(window.showView(QStringLiteral("sessions"))); // before the workspace is open
        QVERIFY(!window.showView(QStringLiteral("nonsense")));
        QVERIFY(openWindow(window, db));
        QCOMPARE(window.currentView(), window.view(AuthModelKind::Session));
        QVERIFY(window.currentView()->model()->rowCount() > 0);

        const AuthModelKind kinds[] = {AuthModelKind::User, AuthModelKind::Account,
                                       AuthModelKind::Session, AuthModelKind::VerificationToken,
                                       AuthModelKind::Authenticator};
        for (int i = 0; i < 5; ++i) {
            QVERIFY(window.showView(window.viewNames().at(i)));
            RecordView *view = window.currentView();
            QVERIFY(view);
            QCOMPARE(view->kind(), kinds[i]);
            QTRY_VERIFY_WITH_TIMEOUT(view->model()->hasLoaded(), kTimeout);
            QVERIFY2(!view->model()->error().isError(),
                     qPrintable(view->model()->error().fullText()));
            QVERIFY(view->model()->rowCount() > 0);
        }
    }

    void detailPaneShowsAUsersWholePicture_data() { InspectorDatabase::addBackendRows(); }

    void detailPaneShowsAUsersWholePicture()
    {
        QFETCH(int, backend);
        if (InspectorDatabase::unavailable(InspectorDatabase::Backend(backend)))
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Backend(backend)), qPrintable(db.errorText()));
        auto connection = db.workspace().connect();
        QVERIFY(connection.ok());
        const AuthQueries &queries = *connection->queries;

        // The user with the most sessions who also has accounts.
        const RecordPage sessions = gh::test::allRows(queries, AuthModelKind::Session);
        QHash<QString, int> perUser;
        for (int row = 0; row < sessions.rows.size(); ++row)
            ++perUser[sessions.userIdOf(row)];
        QString userId;
        for (auto it = perUser.cbegin(); it != perUser.cend(); ++it) {
            if (ownedRows(queries, AuthModelKind::Account, it.key()) > 0 &&
                (userId.isEmpty() || it.value() > perUser.value(userId)))
                userId = it.key();
        }
        QVERIFY(!userId.isEmpty());

        MainWindow window;
        QVERIFY(openWindow(window, db));
        window.goToUser(userId);
        UserDetailPane *pane = window.detailPane();
        QVERIFY(pane->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isLoading() && pane->picture().userId() == userId,
                                 kTimeout);

        const int accounts = ownedRows(queries, AuthModelKind::Account, userId);
        const int sessionCount = qMin(perUser.value(userId), UserDetailPane::kRowsPerList);
        QCOMPARE(pane->accounts()->rowCount(), qMin(accounts, UserDetailPane::kRowsPerList));
        QCOMPARE(pane->sessions()->rowCount(), sessionCount);
        for (int row = 0; row < pane->accounts()->rowCount(); ++row)
            QCOMPARE(pane->accounts()->records().userIdOf(row), userId);
        for (int row = 0; row < pane->sessions()->rowCount(); ++row)
            QCOMPARE(pane->sessions()->records().userIdOf(row), userId);
        // Sessions newest expiry first, with the relative column.
        const RecordPage &shown = pane->sessions()->records();
        for (int row = 1; row < shown.rows.size(); ++row)
            QVERIFY(shown.value(row - 1, QStringLiteral("expires")).toDateTime() >=
                    shown.value(row, QStringLiteral("expires")).toDateTime());
        const int relative = pane->sessions()->columns().columnOf(QStringLiteral("expires")) + 1;
        QVERIFY(pane->sessions()->columns().isExpiryColumn(relative));
        const QString text = pane->sessions()->index(0, relative).data().toString();
        QVERIFY2(text.startsWith(QLatin1String("expires in")) ||
                     text.startsWith(QLatin1String("expired")),
                 qPrintable(text));
        // Tokens sent to the user's email, and nothing else.
        const QString email = pane->picture().email();
        QVERIFY(pane->heading().contains(email));
        for (const QVariantList &row : pane->verificationTokens()->records().rows)
            QCOMPARE(row.value(pane->verificationTokens()->records().fieldIndex(
                                   QStringLiteral("identifier")))
                         .toString(),
                     email);
        // The users view shows that user only.
        RecordView *users = window.currentView();
        QCOMPARE(users->kind(), AuthModelKind::User);
        QTRY_VERIFY_WITH_TIMEOUT(users->model()->hasLoaded() && !users->model()->isLoading(),
                                 kTimeout);
        QCOMPARE(users->model()->rowCount(), 1);
        QCOMPARE(users->model()->userIdOf(0), userId);
    }

    void goesFromASessionToItsUserAndBack_data() { InspectorDatabase::addBackendRows(); }

    void goesFromASessionToItsUserAndBack()
    {
        QFETCH(int, backend);
        if (InspectorDatabase::unavailable(InspectorDatabase::Backend(backend)))
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Backend(backend)), qPrintable(db.errorText()));
        MainWindow window;
        window.showView(QStringLiteral("sessions"));
        QVERIFY(openWindow(window, db));
        RecordView *sessions = window.currentView();
        QCOMPARE(sessions->kind(), AuthModelKind::Session);
        QTRY_VERIFY_WITH_TIMEOUT(idle(window), kTimeout);

        const QModelIndex cell = sessions->model()->index(3, 1);
        sessions->table()->setFocus();
        sessions->table()->setCurrentIndex(cell);
        const QString userId = sessions->model()->userIdOf(3);
        QVERIFY(!userId.isEmpty());
        QVERIFY(!window.canGoBack());

        // Double-click goes to the user.
        const QPoint at = sessions->table()->visualRect(cell).center();
        QTest::mouseClick(sessions->table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(sessions->table()->viewport(), Qt::LeftButton, {}, at);
        RecordView *users = window.view(AuthModelKind::User);
        QTRY_COMPARE(window.currentView(), users);
        QTRY_VERIFY_WITH_TIMEOUT(idle(window), kTimeout);
        QCOMPARE(users->model()->rowCount(), 1);
        QCOMPARE(users->model()->userIdOf(0), userId);
        QCOMPARE(window.detailPane()->picture().userId(), userId);
        QVERIFY(window.canGoBack());

        // Alt+Left comes back to the same session row; the users view forgets the jump.
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(window.currentView(), sessions);
        QCOMPARE(sessions->table()->currentIndex().row(), 3);
        QVERIFY(users->query().userId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(users->model()->hasLoaded() && users->model()->rowCount() > 1,
                                 kTimeout);

        // And forward again, then through the context menu action from an account.
        QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(window.currentView(), users);
        QTRY_COMPARE(users->query().userId, userId);

        window.showView(QStringLiteral("accounts"));
        RecordView *accounts = window.currentView();
        QTRY_VERIFY_WITH_TIMEOUT(idle(window), kTimeout);
        accounts->table()->setCurrentIndex(accounts->model()->index(0, 0));
        const QString owner = accounts->model()->userIdOf(0);
        QVERIFY(accounts->table()->goToUserAction()->isEnabled());
        accounts->table()->goToUserAction()->trigger();
        QTRY_COMPARE(window.currentView(), users);
        QTRY_COMPARE(users->query().userId, owner);
        window.back();
        QTRY_COMPARE(window.currentView(), accounts);
    }

    void theDetailPaneOpensAUsersRowsInTheirView()
    {
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Sqlite), qPrintable(db.errorText()));
        MainWindow window;
        QVERIFY(openWindow(window, db));
        RecordView *users = window.currentView();
        QTRY_VERIFY_WITH_TIMEOUT(idle(window), kTimeout);
        const QString userId = users->model()->userIdOf(0);
        window.detailPane()->showUser(userId);
        QTRY_VERIFY_WITH_TIMEOUT(!window.detailPane()->isLoading(), kTimeout);
        Q_EMIT window.detailPane()->openListRequested(AuthModelKind::Session, userId);
        RecordView *sessions = window.view(AuthModelKind::Session);
        QTRY_COMPARE(window.currentView(), sessions);
        QCOMPARE(sessions->query().userId, userId);
        QTRY_VERIFY_WITH_TIMEOUT(idle(window), kTimeout);
        for (int row = 0; row < sessions->model()->rowCount(); ++row)
            QCOMPARE(sessions->model()->userIdOf(row), userId);
    }

    void aSchemaWithoutAuthenticatorsExplainsTheTab()
    {
        InspectorDatabase db;
        QVERIFY2(db.open(InspectorDatabase::Sqlite), qPrintable(db.errorText()));
        {
            QSqlDatabase sql =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
            sql.setDatabaseName(db.sqlitePath());
            QVERIFY(sql.open());
            QVERIFY(QSqlQuery(sql).exec(QStringLiteral("DROP TABLE \"Authenticator\"")));
            sql.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("setup"));

        MainWindow window;
        window.showView(QStringLiteral("authenticators"));
        QVERIFY(openWindow(window, db));
        QCOMPARE(window.view(AuthModelKind::Authenticator), nullptr);
        QCOMPARE(window.currentView(), nullptr);
        auto *tabs = window.findChild<QTabWidget *>();
        auto *panel = qobject_cast<MessagePanel *>(tabs->currentWidget());
        QVERIFY(panel && panel->isVisible());
        QCOMPARE(panel->title(), QStringLiteral("No Authenticator model"));
        QVERIFY(!tabs->tabToolTip(tabs->currentIndex()).isEmpty());
    }
};

QTEST_MAIN(TestInspectorWindow)
#include "tst_inspectorwindow.moc"
