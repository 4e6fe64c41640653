#include "app/cli/AccountsCommand.h"

#include "app/cli/CommonOptions.h"
#include "app/cli/RecordListing.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gh::cli {

namespace {

// `accounts providers`: the providers the accounts use, as the GUI's provider filter lists them.
int runProvidersCommand(CliContext &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("accounts providers");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the providers accounts use (the distinct values of Account.provider)."));
    addProjectOptions(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("table or json (default table)."),
                      QStringLiteral("FORMAT"), QStringLiteral("table")});
    if (!parseCommand(parser, command, arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const QString format = parser.value(QStringLiteral("format"));
    if (!parser.positionalArguments().isEmpty() ||
        (format != QLatin1String("table") && format != QLatin1String("json"))) {
        context.err << "gatehouse-cli " << command
                    << ": takes no arguments; --format must be table or json\n";
        return ExitUsage;
    }
    OpenedProject project = openProject(context, parser);
    if (!project.ok())
        return project.exitCode;
    auto providers = project.connection.queries->distinctValues(AuthModelKind::Account,
                                                                QStringLiteral("provider"));
    if (!providers)
        return failWith(context, providers.error());
    if (format == QLatin1String("json"))
        context.out << QJsonDocument(QJsonArray::fromStringList(*providers)).toJson();
    else
        for (const QString &provider : *providers)
            context.out << provider << "\n";
    return ExitOk;
}

} // namespace

int runAccountsCommand(CliContext &context, const QStringList &arguments)
{
    if (arguments.value(0) == QLatin1String("providers"))
        return runProvidersCommand(context, arguments.mid(1));
    ListCommandSpec spec;
    spec.group = QStringLiteral("accounts");
    spec.model = AuthModelKind::Account;
    spec.description =
        QStringLiteral("List accounts (OAuth, email and credentials providers linked to users).");
    spec.userFilter = true;
    spec.expiryFilter = false;
    spec.providerFilter = true;
    spec.otherActions = {QStringLiteral("providers")};
    return runListGroup(context, arguments, spec);
}

} // namespace gh::cli
