// The main window driven offscreen: it opens a database off the GUI thread, shows the users,
// and explains what is wrong when it cannot.

#include "core/url/ConnectionStore.h"
#include "core/url/ProjectResolver.h"
#include "tests/support/AwaitFuture.h"
#include "ui/connect/EnvironmentBand.h"
#include "ui/editor/ProblemsModel.h"
#include "ui/editor/SchemaWorkspace.h"
#include "ui/inspector/PagedRecordModel.h"
#include "ui/inspector/RecordTableView.h"
#include "ui/inspector/RecordView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/MessagePanel.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QtTest>

using namespace gh;
using namespace gh::ui;
using gh::test::await;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private:
    static bool waitForLoad(MainWindow &window, bool *ok)
    {
        QSignalSpy spy(&window, &MainWindow::loadFinished);
        if (!spy.wait(60000))
            return false;
        *ok = spy.first().first().toBool();
        return true;
    }

    static QString statusText(MainWindow &window)
    {
        QStringList texts;
        const auto labels = window.statusBar()->findChildren<QLabel *>();
        for (const QLabel *label : labels)
            texts << label->text();
        return texts.join(QLatin1Char('|'));
    }

    static MessagePanel *visiblePanel(const MainWindow &window)
    {
        for (MessagePanel *panel : window.findChildren<MessagePanel *>()) {
            if (panel->isVisible())
                return panel;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Saved connections go to a throwaway settings file, never the developer's own.
        QVERIFY(m_settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void showsTheDemoUsers()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.show();
        window.openDemo(dir.filePath(QStringLiteral("demo")));
        QVERIFY(window.isLoading());
        bool ok = false;
        QVERIFY(waitForLoad(window, &ok));
        QVERIFY(ok);

        QVERIFY(window.currentView());
        QTableView *table = window.currentView()->table();
        QVERIFY(table->isVisible());
        QCOMPARE(table->model(), window.usersModel());
        // The demo's 300 users: the first page is loaded, the count is exact.
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 300, 30000);
        QVERIFY(window.usersModel()->isRowLoaded(0));

        QStringList headers;
        for (int c = 0; c < table->model()->columnCount(); ++c)
            headers << table->model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(headers.contains(QLatin1String("email")),
                 qPrintable(headers.join(QLatin1Char(','))));
        const int emailColumn = int(headers.indexOf(QLatin1String("email")));
        QVERIFY(table->model()->index(0, emailColumn).data().toString().contains(QLatin1Char('@')));

        const QString status = statusText(window);
        QVERIFY2(status.contains(QLatin1String("dev.db")), qPrintable(status));
        QTRY_VERIFY(window.currentView()->summaryText().startsWith(QLatin1String("300 users")));

        // The project's schema is open in the Schema tab, without a second look at the disk.
        SchemaWorkspace *schema = window.schemaWorkspace();
        QVERIFY(schema);
        QTRY_COMPARE_WITH_TIMEOUT(schema->editorCount(), 1, 10000);
        QVERIFY(schema->filePaths().constFirst().endsWith(QLatin1String("schema.prisma")));
        QVERIFY(window.showView(QStringLiteral("schema")));
        QVERIFY(schema->isVisible());
        QVERIFY(!window.currentView());
        QVERIFY(window.showView(QStringLiteral("users")));
        QCOMPARE(window.currentView(), window.view(AuthModelKind::User));
        QVERIFY(!window.workspace()->isReadOnly());
    }

    void readOnlyWindowsOpenReadOnlyWorkspaces()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.setReadOnlyReason(QStringLiteral("started with --read-only"));
        QSignalSpy opened(&window, &MainWindow::workspaceOpened);
        window.openDemo(dir.filePath(QStringLiteral("demo")));
        bool ok = false;
        QVERIFY(waitForLoad(window, &ok));
        QVERIFY(ok);
        QCOMPARE(opened.count(), 1);
        QVERIFY(window.workspace()->isReadOnly());
        QCOMPARE(window.workspace()->readOnlyReason(), QStringLiteral("started with --read-only"));
    }

    void aBrokenSchemaOpensInTheEditor()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkpath(QStringLiteral("prisma"));
        QFile schemaFile(dir.filePath(QStringLiteral("prisma/schema.prisma")));
        QVERIFY(schemaFile.open(QIODevice::WriteOnly));
        schemaFile.write(
            "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\n\n"
            "model User {\n  id String @id\n  email Strin\n}\n");
        schemaFile.close();

        MainWindow window;
        window.show();
        ProjectOptions options;
        options.workingDirectory = dir.path();
        options.environment = QProcessEnvironment();
        window.openProject(options);
        bool ok = true;
        QVERIFY(waitForLoad(window, &ok));
        QVERIFY(!ok);
        // The database tab says why it cannot be shown; the schema stays one tab away, open,
        // with its problems listed, so it can be fixed without a database.
        MessagePanel *panel = visiblePanel(window);
        QVERIFY(panel);
        QVERIFY2(panel->message().contains(QLatin1String("dev.db")), qPrintable(panel->message()));
        QVERIFY(window.showView(QStringLiteral("schema")));
        QVERIFY(window.schemaWorkspace()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(window.schemaWorkspace()->editorCount(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.schemaWorkspace()->problemsModel()->rowCount() > 0, 10000);
    }

    void explainsANonAuthJsDatabase()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("shop.db"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("setup"));

        MainWindow window;
        window.show();
        ProjectOptions options;
        options.urlOverride = QStringLiteral("file:") + path;
        options.workingDirectory = dir.path();
        options.environment = QProcessEnvironment();
        window.openProject(options);
        bool ok = true;
        QVERIFY(waitForLoad(window, &ok));
        QVERIFY(!ok);
        MessagePanel *panel = visiblePanel(window);
        QVERIFY(panel);
        QCOMPARE(panel->title(), QStringLiteral("Not an Auth.js database"));
        QVERIFY2(panel->message().contains(QLatin1String("\"User\"")),
                 qPrintable(panel->message()));
    }

    void aSavedConnectionsTagFollowsItsDatabaseFromDotEnv()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("demo"));
        QString url;
        {
            MainWindow window;
            window.openDemo(demo);
            bool ok = false;
            QVERIFY(waitForLoad(window, &ok));
            QVERIFY(ok);
            url = QStringLiteral("file:") + window.workspace()->url().sqliteFilePath();
            QVERIFY(!window.findChild<EnvironmentBand *>()->isVisibleTo(&window));
        }
        {
            QSettings settings;
            ConnectionStore store(&settings, nullptr);
            ConnectionProfile profile;
            profile.name = QStringLiteral("Support production");
            profile.tag = EnvironmentTag::Production;
            profile.url = url;
            QVERIFY(await(store.save(profile, QString(), false)));
        }

        // The same database found through the project's .env, not through the dialog.
        ProjectOptions options;
        options.workingDirectory = demo;
        options.environment = QProcessEnvironment();
        MainWindow window;
        window.show();
        QSignalSpy changed(&window, &MainWindow::environmentChanged);
        window.openProject(options);
        bool ok = false;
        QVERIFY(waitForLoad(window, &ok));
        QVERIFY(ok);
        auto *band = window.findChild<EnvironmentBand *>();
        QVERIFY(band->isVisible());
        QCOMPARE(window.environmentTag(), EnvironmentTag::Production);
        QVERIFY2(band->text().contains(QLatin1String("Support production")),
                 qPrintable(band->text()));
        QCOMPARE(changed.count(), 1);

        // Another database that nobody saved: the production band does not stay behind.
        options.workingDirectory = dir.filePath(QStringLiteral("other"));
        QVERIFY(QDir().mkpath(options.workingDirectory));
        window.openDemo(dir.filePath(QStringLiteral("other")));
        QVERIFY(waitForLoad(window, &ok));
        QVERIFY(ok);
        QVERIFY(!band->isVisible());
        QCOMPARE(window.environmentTag(), EnvironmentTag::Development);

        // A tag given explicitly (--environment, the dialog) is not overridden by the saved one.
        window.setEnvironment(EnvironmentTag::Staging, QString());
        options.workingDirectory = demo;
        window.openProject(options);
        QVERIFY(waitForLoad(window, &ok));
        QVERIFY(ok);
        QCOMPARE(window.environmentTag(), EnvironmentTag::Staging);
    }

    void explainsAMissingFileWithoutCreatingIt()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        ProjectOptions options;
        options.urlOverride = QStringLiteral("file:") + dir.filePath(QStringLiteral("typo.db"));
        options.workingDirectory = dir.path();
        options.environment = QProcessEnvironment();
        window.openProject(options);
        bool ok = true;
        QVERIFY(waitForLoad(window, &ok));
        QVERIFY(!ok);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("typo.db"))));
        MessagePanel *panel = visiblePanel(window);
        QVERIFY(panel);
        QVERIFY(panel->message().contains(QLatin1String("typo.db")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
