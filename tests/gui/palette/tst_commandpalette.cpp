// The command palette in the main window: Ctrl+K in the View menu, actions filtered by
// subsequence and run with Enter, views, keyboard navigation, and users found by email prefix
// on the demo database.

#include "core/auth/AuthWorkspace.h"
#include "ui/diagram/DiagramController.h"
#include "ui/diagram/DiagramPage.h"
#include "ui/editor/SchemaWorkspace.h"
#include "ui/inspector/RecordView.h"
#include "ui/inspector/UserDetailPane.h"
#include "ui/palette/CommandPalette.h"
#include "ui/palette/CommandPaletteController.h"
#include "ui/palette/FuzzyMatcher.h"
#include "ui/palette/PaletteModel.h"
#include "ui/palette/UserSearch.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::ui;

namespace {

QStringList titles(const PaletteModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.entry(row).title;
    return list;
}

// The window's palette: the one the window installs itself, else one installed here.
CommandPaletteController *paletteOf(MainWindow &window)
{
    if (auto *installed = window.findChild<CommandPaletteController *>())
        return installed;
    return new CommandPaletteController(&window);
}

DiagramPage *diagramOf(MainWindow &window)
{
    if (!window.page(QStringLiteral("diagram")))
        new DiagramController(&window);
    return qobject_cast<DiagramPage *>(window.page(QStringLiteral("diagram")));
}

bool openDemo(MainWindow &window, const QTemporaryDir &dir)
{
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openDemo(dir.filePath(QStringLiteral("demo")));
    return loaded.wait(60000) && loaded.first().first().toBool();
}

} // namespace

class TestCommandPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ctrlKInTheViewMenuOpensIt()
    {
        MainWindow window;
        auto *controller = paletteOf(window);
        QVERIFY(window.viewMenu()->actions().contains(controller->action()));
        QCOMPARE(controller->action()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        controller->action()->trigger();
        CommandPalette *palette = controller->palette();
        QVERIFY(palette->isVisible());
        QVERIFY(palette->searchBox()->text().isEmpty());
        // Every command with no text; never the palette's own action.
        const QStringList all = titles(*palette->model());
        QVERIFY(all.contains(QStringLiteral("Quit")));
        QVERIFY(all.contains(QStringLiteral("Schema"))); // a view
        QVERIFY(!all.contains(QStringLiteral("Command Palette…")));
        QTest::keyClick(palette->searchBox(), Qt::Key_Escape);
        QVERIFY(!palette->isVisible());
    }

    void filtersActionsBySubsequenceAndEnterRunsTheFirst()
    {
        MainWindow window;
        auto *controller = paletteOf(window);
        QAction *probe = window.actionsMenu()->addAction(QStringLiteral("Revoke Expired Sessions"));
        probe->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        QSignalSpy triggered(probe, &QAction::triggered);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        controller->action()->trigger();
        CommandPalette *palette = controller->palette();
        PaletteModel *model = palette->model();

        QTest::keyClicks(palette->searchBox(), QStringLiteral("rvkexp"));
        QVERIFY(model->rowCount() >= 1);
        QCOMPARE(model->entry(0).action.data(), probe);
        QCOMPARE(model->entry(0).category, QStringLiteral("Actions"));
        QCOMPARE(model->index(0, 0).data(PaletteModel::ShortcutRole).toString(),
                 probe->shortcut().toString(QKeySequence::NativeText));
        // Only subsequence matches are listed.
        for (const QString &title : titles(*model)) {
            QVERIFY2(
                FuzzyMatcher::match(QStringLiteral("rvkexp"), QStringLiteral("Actions ") + title),
                qPrintable(title));
        }
        QVERIFY(!titles(*model).contains(QStringLiteral("Quit")));
        QCOMPARE(palette->list()->currentIndex().row(), 0);

        QTest::keyClick(palette->searchBox(), Qt::Key_Return);
        QCOMPARE(triggered.count(), 1);
        QVERIFY(!palette->isVisible());
    }

    void arrowsMoveAndWrap()
    {
        MainWindow window;
        auto *controller = paletteOf(window);
        QAction *first = window.actionsMenu()->addAction(QStringLiteral("Zebra One"));
        QAction *second = window.actionsMenu()->addAction(QStringLiteral("Zebra Two"));
        QSignalSpy firstRan(first, &QAction::triggered);
        QSignalSpy secondRan(second, &QAction::triggered);
        window.show();
        controller->action()->trigger();
        CommandPalette *palette = controller->palette();
        QTest::keyClicks(palette->searchBox(), QStringLiteral("zebra"));
        QCOMPARE(titles(*palette->model()),
                 (QStringList{QStringLiteral("Zebra One"), QStringLiteral("Zebra Two")}));
        QListView *list = palette->list();
        QCOMPARE(list->currentIndex().row(), 0);
        QTest::keyClick(palette->searchBox(), Qt::Key_Down);
        QCOMPARE(list->currentIndex().row(), 1);
        QTest::keyClick(palette->searchBox(), Qt::Key_Down);
        QCOMPARE(list->currentIndex().row(), 0); // wraps
        QTest::keyClick(palette->searchBox(), Qt::Key_Up);
        QCOMPARE(list->currentIndex().row(), 1);
        QTest::keyClick(palette->searchBox(), Qt::Key_Enter);
        QCOMPARE(secondRan.count(), 1);
        QCOMPARE(firstRan.count(), 0);

        // Escape closes without running anything.
        controller->action()->trigger();
        QTest::keyClicks(palette->searchBox(), QStringLiteral("zebra"));
        QTest::keyClick(palette->searchBox(), Qt::Key_Escape);
        QVERIFY(!palette->isVisible());
        QCOMPARE(firstRan.count() + secondRan.count(), 1);
    }

    void viewsAreListedAndShown()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        DiagramPage *diagram = diagramOf(window);
        auto *controller = paletteOf(window);
        window.show();
        QVERIFY(openDemo(window, dir));
        CommandPalette *palette = controller->palette();

        controller->action()->trigger();
        QTest::keyClicks(palette->searchBox(), QStringLiteral("sessions"));
        const PaletteEntry &top = palette->model()->entry(0);
        QCOMPARE(top.kind, PaletteEntry::Kind::View);
        QCOMPARE(top.category, QStringLiteral("Go"));
        QCOMPARE(top.target, QStringLiteral("sessions"));
        // The Go menu's "Sessions" lends the view its shortcut and is not listed twice.
        QCOMPARE(top.shortcut,
                 QKeySequence(Qt::CTRL | Qt::Key_3).toString(QKeySequence::NativeText));
        QCOMPARE(titles(*palette->model()).count(QStringLiteral("Sessions")), 1);
        QTest::keyClick(palette->searchBox(), Qt::Key_Return);
        QCOMPARE(window.currentView(), window.view(AuthModelKind::Session));

        controller->action()->trigger();
        QTest::keyClicks(palette->searchBox(), QStringLiteral("schma"));
        QCOMPARE(palette->model()->entry(0).target, QStringLiteral("schema"));
        QTest::keyClick(palette->searchBox(), Qt::Key_Return);
        QVERIFY(window.schemaWorkspace()->isVisible());

        // Pages that features add are views too.
        controller->action()->trigger();
        QTest::keyClicks(palette->searchBox(), QStringLiteral("diag"));
        QCOMPARE(palette->model()->entry(0).target, QStringLiteral("diagram"));
        QCOMPARE(palette->model()->entry(0).title, QStringLiteral("Diagram"));
        QTest::keyClick(palette->searchBox(), Qt::Key_Return);
        QVERIFY(diagram->isVisible());
    }

    void anEmailPrefixFindsTheUserAndEnterGoesToThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        auto *controller = paletteOf(window);
        window.show();
        QVERIFY(openDemo(window, dir));

        // A user of the demo, read from a connection of the test's own.
        auto connection = window.workspace()->connect();
        QVERIFY(connection);
        RecordQuery query;
        query.model = AuthModelKind::User;
        query.sortField = QStringLiteral("email");
        auto page = connection->queries->page(query, 50);
        QVERIFY(page && page->rows.size() == 50);
        const QString id = page->value(42, QStringLiteral("id")).toString();
        const QString email = page->value(42, QStringLiteral("email")).toString();
        QVERIFY(email.contains(QLatin1Char('@')));
        const QString prefix = email.left(email.indexOf(QLatin1Char('@')) + 2);

        CommandPalette *palette = controller->palette();
        controller->action()->trigger();
        QSignalSpy found(palette->userSearch(), &UserSearch::found);
        QTest::keyClicks(palette->searchBox(), prefix);
        QVERIFY(found.wait(10000));
        // The user is listed, with the email; users whose email starts so come first.
        int row = -1;
        for (int r = 0; r < palette->model()->rowCount(); ++r) {
            const PaletteEntry &e = palette->model()->entry(r);
            if (e.kind == PaletteEntry::Kind::User && e.target == id)
                row = r;
        }
        QVERIFY2(row >= 0, qPrintable(titles(*palette->model()).join(QLatin1Char(','))));
        QCOMPARE(palette->model()->entry(row).detail.isEmpty()
                     ? palette->model()->entry(row).title
                     : palette->model()->entry(row).detail,
                 email);
        QCOMPARE(palette->model()->entry(0).kind, PaletteEntry::Kind::User);

        const QString shots = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            palette->grab().save(shots + QStringLiteral("/palette-users.png"));

        for (int r = 0; r < row; ++r)
            QTest::keyClick(palette->searchBox(), Qt::Key_Down);
        QTest::keyClick(palette->searchBox(), Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QCOMPARE(window.currentView(), window.view(AuthModelKind::User));
        QCOMPARE(window.detailPane()->requestedUser(), id);
    }

    void screenshots()
    {
        const QString shots = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (shots.isEmpty())
            QSKIP("GATEHOUSE_SCREENSHOT_DIR is not set");
        QTemporaryDir dir;
        MainWindow window;
        auto *controller = paletteOf(window);
        window.show();
        QVERIFY(openDemo(window, dir));
        CommandPalette *palette = controller->palette();
        controller->action()->trigger();
        palette->grab().save(shots + QStringLiteral("/palette-all.png"));
        QTest::keyClicks(palette->searchBox(), QStringLiteral("se"));
        QTest::qWait(600);
        palette->grab().save(shots + QStringLiteral("/palette-se.png"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        palette->setPalette(dark);
        palette->grab().save(shots + QStringLiteral("/palette-se-dark.png"));
    }
};

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
