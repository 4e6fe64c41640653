#include "app/cli/UsersCommand.h"

#include "app/cli/CommonOptions.h"
#include "core/auth/AuthWorkspace.h"
#include "core/auth/RecordWriter.h"

namespace gh::cli {

namespace {

int listUsers(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the users of the Auth.js database."));
    addProjectOptions(parser);
    parser.addOption({QStringLiteral("limit"), QStringLiteral("Print at most N users (default 50)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("table, json or csv (default table)."),
                      QStringLiteral("FORMAT"), QStringLiteral("table")});
    if (!parseCommand(parser, QStringLiteral("users list"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit < 0) {
        context.err << "gatehouse-cli users list: --limit must be a whole number ≥ 0\n";
        return ExitUsage;
    }
    RecordWriter::Format format;
    if (!RecordWriter::parseFormat(parser.value(QStringLiteral("format")), &format)) {
        context.err << "gatehouse-cli users list: --format must be table, json or csv\n";
        return ExitUsage;
    }

    auto workspace = AuthWorkspace::open(projectOptions(parser, context));
    if (!workspace) {
        printError(context, workspace.error());
        return exitCodeFor(workspace.error());
    }
    auto connection = workspace->connect();
    if (!connection) {
        printError(context, connection.error());
        return exitCodeFor(connection.error());
    }

    RecordWriter writer(context.out, format);
    writer.begin(workspace->schema().user().fields);
    // Page through on the key so a large limit never holds the whole table in memory.
    constexpr int kPageSize = 1000;
    QVariantList after;
    int remaining = limit;
    while (remaining > 0) {
        auto page = connection->queries->page(AuthModelKind::User, qMin(remaining, kPageSize), after);
        if (!page) {
            printError(context, page.error());
            return exitCodeFor(page.error());
        }
        writer.write(page->rows);
        remaining -= int(page->rows.size());
        if (page->atEnd)
            break;
        after = page->lastKey;
    }
    writer.end();
    return ExitOk;
}

} // namespace

int runUsersCommand(CliContext &context, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("list"))
        return listUsers(context, arguments.mid(1));
    context.err << "gatehouse-cli users: unknown action '" << action << "' (expected: list)\n";
    return ExitUsage;
}

} // namespace gh::cli
