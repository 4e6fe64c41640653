// The main window's desktop polish: the theme switch (and who follows it), the About dialog's
// versions, the Help window's README, the remembered layout, shortcuts in the menus.

#include "ui/editor/EditorPalette.h"
#include "ui/editor/SchemaWorkspace.h"
#include "ui/window/AboutDialog.h"
#include "ui/window/HelpDialog.h"
#include "ui/window/MainWindow.h"
#include "ui/window/ThemeController.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace gh;
using namespace gh::ui;

class TestWindowPolish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
        QApplication::setApplicationName(QStringLiteral("tst_windowpolish"));
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void themeSwitchRepaintsTheWholeApplication()
    {
        MainWindow window;
        ThemeController *theme = window.themeController();
        QVERIFY(theme);

        theme->setTheme(ThemeController::Theme::Dark);
        QVERIFY(ThemeController::isDark(QApplication::palette()));
        QTRY_VERIFY(ThemeController::isDark(window.palette()));
        // The editor paints its own colours: it must follow the application.
        QTRY_COMPARE(window.schemaWorkspace()->editorPalette().paper, EditorPalette::dark().paper);

        QAction *toggle = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == QLatin1String("Switch &Light/Dark"))
                toggle = action;
        }
        QVERIFY(toggle);
        toggle->trigger();
        QCOMPARE(theme->theme(), ThemeController::Theme::Light);
        QVERIFY(!ThemeController::isDark(QApplication::palette()));
        QTRY_COMPARE(window.schemaWorkspace()->editorPalette().paper, EditorPalette::light().paper);
    }

    void themeIsRememberedOnlyWhenAskedTo()
    {
        ThemeController first;
        first.setTheme(ThemeController::Theme::Dark);
        ThemeController second;
        second.restore();
        QCOMPARE(second.theme(), ThemeController::Theme::Dark);

        // `gatehouse --theme light` does not overwrite the user's choice.
        second.setTheme(ThemeController::Theme::Light, false);
        ThemeController third;
        third.restore();
        QCOMPARE(third.theme(), ThemeController::Theme::Dark);
        third.setTheme(ThemeController::Theme::System);
    }

    void themeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::addColumn<int>("theme");
        QTest::newRow("system") << "system" << true << int(ThemeController::Theme::System);
        QTest::newRow("Dark, any case") << " Dark " << true << int(ThemeController::Theme::Dark);
        QTest::newRow("light") << "light" << true << int(ThemeController::Theme::Light);
        QTest::newRow("unknown") << "sepia" << false << -1;
    }

    void themeNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        QFETCH(int, theme);
        ThemeController::Theme parsed = ThemeController::Theme::System;
        QCOMPARE(ThemeController::themeFromName(name, &parsed), known);
        if (known) {
            QCOMPARE(int(parsed), theme);
            QCOMPARE(ThemeController::themeName(parsed), name.trimmed().toLower());
        }
    }

    void aboutNamesEveryComponentsVersion()
    {
        const auto rows = AboutDialog::versions(QStringLiteral("PostgreSQL 15.8"));
        QStringList names;
        for (const auto &row : rows) {
            names << row.first;
            QVERIFY2(!row.second.isEmpty(), qPrintable(row.first));
        }
        for (const char *name : {"Gatehouse", "Qt", "QScintilla", "libpqxx", "libpq"})
            QVERIFY2(names.contains(QLatin1String(name)), qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(rows.last().second.contains(QLatin1String("PostgreSQL 15.8")));

        AboutDialog dialog{QString()};
        const QString text = dialog.versionText();
        QVERIFY(text.contains(QLatin1String("libpqxx: 6.")));
        QVERIFY(text.contains(QStringLiteral("Qt: ") + QLatin1String(qVersion())));
        QVERIFY(text.contains(QLatin1String("not connected")));
    }

    void helpShowsTheReadme()
    {
        // Without the screenshots next to it, the README's images are left out, not broken.
        const QString bare = HelpDialog::readme({});
        QVERIFY(bare.startsWith(QLatin1String("# Gatehouse")));
        QVERIFY(bare.contains(QLatin1String("tests/run-tests.sh")));
        QVERIFY(!bare.contains(QLatin1String("](resources/screenshots/")));

        const QString withImages = HelpDialog::readme({QStringLiteral(GATEHOUSE_SOURCE_DIR)});
        QVERIFY(withImages.contains(QLatin1String("](resources/screenshots/users.png)")));

        HelpDialog dialog;
        QVERIFY(dialog.browser()->toPlainText().contains(QLatin1String("Gatehouse")));
    }

    void layoutIsRemembered()
    {
        {
            MainWindow window;
            window.show();
            window.resize(900, 640);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.saveLayout();
        }
        MainWindow again;
        again.restoreLayout();
        QCOMPARE(again.size(), QSize(900, 640));
    }

    static void collectMenuActions(const QList<QAction *> &actions, QList<QAction *> *out)
    {
        for (QAction *action : actions) {
            if (action->menu())
                collectMenuActions(action->menu()->actions(), out);
            else
                *out << action;
        }
    }

    void mainActionsHaveShortcutsInTheirMenus()
    {
        // What the menus list is what users learn the keys from.
        MainWindow window;
        QList<QAction *> inMenus;
        collectMenuActions(window.menuBar()->actions(), &inMenus);
        QStringList missing;
        for (const char *text :
             {"&Back", "&Forward", "&Refresh", "&Find", "&Quit", "Gatehouse &Help",
              "Switch &Light/Dark", "&Connect…", "Command &Palette…"}) {
            const QString wanted = QString::fromUtf8(text);
            const auto found = std::find_if(inMenus.cbegin(), inMenus.cend(),
                                            [&](QAction *a) { return a->text() == wanted; });
            if (found == inMenus.cend())
                missing << QStringLiteral("%1 (not in a menu)").arg(wanted);
            else if ((*found)->shortcut().isEmpty())
                missing << wanted;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void windowShortcutsAreUnambiguous()
    {
        // Two window-wide actions on one key: Qt fires neither. Features add their actions
        // independently, so this is where a clash shows.
        MainWindow window;
        QHash<QString, QStringList> owners;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcutContext() != Qt::WindowShortcut &&
                action->shortcutContext() != Qt::ApplicationShortcut)
                continue;
            for (const QKeySequence &key : action->shortcuts())
                owners[key.toString()] << action->text();
        }
        QStringList clashes;
        for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
            if (it.value().size() > 1)
                clashes << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(" / "));
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    }
};

QTEST_MAIN(TestWindowPolish)
#include "tst_windowpolish.moc"
