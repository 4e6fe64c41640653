// gatehouse-cli: the command-line twin of the Gatehouse window.

#include "app/cli/AccountsCommand.h"
#include "app/cli/AuditCommand.h"
#include "app/cli/AuthenticatorsCommand.h"
#include "app/cli/CliContext.h"
#include "app/cli/DemoCommand.h"
#include "app/cli/MigrateCommand.h"
#include "app/cli/SchemaCommand.h"
#include "app/cli/SessionsCommand.h"
#include "app/cli/TokensCommand.h"
#include "app/cli/UsersCommand.h"
#include "core/common/Version.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>
#include <unistd.h>

namespace {

using namespace gh::cli;

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(CliContext &, const QStringList &);
};

const Command kCommands[] = {
    {"users", "users list|show|delete         List users, everything about one, or delete one", runUsersCommand},
    {"sessions", "sessions list|revoke           List or revoke sessions", runSessionsCommand},
    {"accounts", "accounts list|providers        List accounts, or their providers", runAccountsCommand},
    {"tokens", "tokens list|purge              List verification tokens, or purge expired ones", runTokensCommand},
    {"authenticators", "authenticators list            List WebAuthn authenticators", runAuthenticatorsCommand},
    {"demo", "demo create [DIR]              Create the demo project", runDemoCommand},
    {"migrate", "migrate status|deploy|resolve  Prisma migration history", runMigrateCommand},
    {"schema", "schema validate|format [PATH]  Check or format the Prisma schema", runSchemaCommand},
    {"audit", "audit list                     The audit log of revocations", runAuditCommand},
};

void printUsage(QTextStream &out)
{
    out << "Usage: gatehouse-cli <command> [options]\n\nCommands:\n";
    for (const Command &command : kCommands)
        out << "  " << command.summary << "\n";
    out << "\nGlobal options:\n  --version   Print the version\n  --help      Print this help\n"
        << "  --read-only Refuse every write to the database\n"
        << "\nRun 'gatehouse-cli <command> <action> --help' for a command's options.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same names as the GUI: both find one audit log, one demo and one settings file.
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(gh::kVersion));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CliContext context{out, err, QProcessEnvironment::systemEnvironment(), QDir::currentPath(),
                       isatty(STDIN_FILENO) != 0, false};

    QStringList arguments = app.arguments().mid(1);
    context.readOnly = arguments.removeAll(QStringLiteral("--read-only")) > 0;
    const QString first = arguments.value(0);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "gatehouse-cli " << gh::kVersion << "\n";
        return ExitOk;
    }
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        printUsage(first.isEmpty() ? err : out);
        return first.isEmpty() ? ExitUsage : ExitOk;
    }
    // migrate deploy|resolve write through connections of their own: refuse them outright.
    if (context.readOnly && first == QLatin1String("migrate")
        && arguments.value(1) != QLatin1String("status")) {
        err << "gatehouse-cli: started with --read-only, so migrations cannot be applied or "
               "resolved\n";
        return ExitReadOnly;
    }
    for (const Command &command : kCommands) {
        if (first == QLatin1String(command.name))
            return command.run(context, arguments.mid(1));
    }
    err << "gatehouse-cli: unknown command '" << first << "'\n\n";
    printUsage(err);
    return ExitUsage;
}
