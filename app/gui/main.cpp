// gatehouse: the desktop application.

#include "app/gui/ScreenshotRunner.h"
#include "core/auth/DemoProject.h"
#include "core/common/Version.h"
#include "core/url/EnvironmentTag.h"
#include "core/url/UrlRedaction.h"
#include "ui/window/MainWindow.h"
#include "ui/window/ThemeController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QProcessEnvironment>
#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The same names as gatehouse-cli: both find one audit log, one demo and one settings file.
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationName(QStringLiteral("gatehouse"));
    QApplication::setApplicationDisplayName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QString::fromLatin1(gh::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("gatehouse"));

    // The window exists before the options are read: its features name the views.
    gh::ui::MainWindow window;

    QCommandLineParser parser;
    // The view names on a line of their own: packaging/make-screenshots.sh reads them from here,
    // and an option's description would be wrapped.
    parser.setApplicationDescription(
        QStringLiteral("Inspect and manage the Auth.js data of a Prisma project.\n\n"
                       "The view to show: %1.")
            .arg(window.viewNames().join(QStringLiteral(", "))));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("demo"), QStringLiteral("Open the demo project (created on first use).")});
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("Database URL (default: DATABASE_URL, .env, the schema)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("environment"),
                      QStringLiteral("Mark the database as development, staging or production "
                                     "(a coloured band; production asks more before deleting)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("schema"), QStringLiteral("Prisma schema file or folder."),
                      QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("screenshot"),
         QStringLiteral("Render the window once data is loaded, save it as a PNG and exit."),
         QStringLiteral("FILE.png")});
    parser.addOption({QStringLiteral("view"), QStringLiteral("Open this view (listed above)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("theme"),
                      QStringLiteral("Colour theme: system, light or dark (default: as last set)."),
                      QStringLiteral("THEME")});
    parser.addOption(
        {QStringLiteral("read-only"),
         QStringLiteral("Refuse every write (revocations, migrations, saving data).")});
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "gatehouse: %s\n",
                     qPrintable(gh::redactDatabaseUrl(parser.errorText())));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("gatehouse %s\n", gh::kVersion);
        return 0;
    }

    gh::ui::ThemeController *theme = window.themeController();
    if (parser.isSet(QStringLiteral("theme"))) {
        gh::ui::ThemeController::Theme chosen;
        if (!gh::ui::ThemeController::themeFromName(parser.value(QStringLiteral("theme")),
                                                    &chosen)) {
            std::fprintf(stderr, "gatehouse: unknown theme '%s' (expected system, light or dark)\n",
                         qPrintable(parser.value(QStringLiteral("theme"))));
            return 2;
        }
        theme->setTheme(chosen, false);
    } else if (!parser.isSet(QStringLiteral("screenshot"))) {
        theme->restore();
    }
    // Screenshots are taken at the default size, whatever the user's last layout was.
    if (!parser.isSet(QStringLiteral("screenshot")))
        window.restoreLayout();
    if (parser.isSet(QStringLiteral("environment"))) {
        const auto tag = gh::environmentTagFromName(parser.value(QStringLiteral("environment")));
        if (!tag) {
            std::fprintf(stderr,
                         "gatehouse: unknown environment '%s' (expected development, staging or "
                         "production)\n",
                         qPrintable(parser.value(QStringLiteral("environment"))));
            return 2;
        }
        window.setEnvironment(*tag, QString());
    }
    if (parser.isSet(QStringLiteral("read-only")))
        window.setReadOnlyReason(QStringLiteral("Gatehouse was started with --read-only"));
    const QString view = parser.value(QStringLiteral("view"));
    if (!view.isEmpty() && !window.showView(view)) {
        std::fprintf(stderr, "gatehouse: unknown view '%s' (expected one of: %s)\n",
                     qPrintable(view), qPrintable(window.viewNames().join(QStringLiteral(", "))));
        return 2;
    }

    std::unique_ptr<gh::ScreenshotRunner> screenshot;
    if (parser.isSet(QStringLiteral("screenshot")))
        screenshot = std::make_unique<gh::ScreenshotRunner>(
            &window, parser.value(QStringLiteral("screenshot")));

    window.show();
    if (parser.isSet(QStringLiteral("demo"))) {
        window.openDemo(gh::DemoProject::defaultDirectory());
    } else {
        gh::ProjectOptions options;
        options.urlOverride = parser.value(QStringLiteral("url"));
        options.schemaOverride = parser.value(QStringLiteral("schema"));
        options.workingDirectory = QDir::currentPath();
        options.environment = QProcessEnvironment::systemEnvironment();
        window.setConnectWhenNothingFound(!parser.isSet(QStringLiteral("screenshot")));
        window.openProject(options);
    }
    return app.exec();
}
