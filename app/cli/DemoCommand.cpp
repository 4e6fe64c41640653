#include "app/cli/DemoCommand.h"

#include "app/cli/CommonOptions.h"
#include "core/auth/DemoProject.h"

#include <QDir>

namespace gh::cli {

int runDemoCommand(CliContext &context, const QStringList &arguments)
{
    if (arguments.value(0) != QLatin1String("create")) {
        context.err << "gatehouse-cli demo: unknown action '" << arguments.value(0)
                    << "' (expected: create)\n";
        return ExitUsage;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Create the demo project (schema, .env and a seeded SQLite database)."));
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 QStringLiteral("Where to create it (default: the user's data folder)."));
    if (!parseCommand(parser, QStringLiteral("demo create"), arguments.mid(1), context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    const QString directory = parser.positionalArguments().isEmpty()
                                  ? DemoProject::defaultDirectory()
                                  : QDir(context.workingDirectory).absoluteFilePath(parser.positionalArguments().first());
    auto demo = DemoProject::ensure(directory);
    if (!demo) {
        printError(context, demo.error());
        return exitCodeFor(demo.error());
    }
    context.out << QDir::toNativeSeparators(QDir::cleanPath(directory)) << "\n";
    return ExitOk;
}

} // namespace gh::cli
