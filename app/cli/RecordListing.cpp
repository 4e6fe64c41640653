#include "app/cli/RecordListing.h"

#include "app/cli/CommonOptions.h"
#include "core/auth/AuthWorkspace.h"
#include "core/auth/RecordExporter.h"

namespace gh::cli {

namespace {

int usage(CliContext &context, const QString &command, const QString &message)
{
    context.err << "gatehouse-cli " << command << ": " << message << "\n";
    context.err.flush();
    return ExitUsage;
}

} // namespace

int failWith(CliContext &context, const Error &error)
{
    printError(context, error);
    return exitCodeFor(error);
}

OpenedProject openProject(CliContext &context, const QCommandLineParser &parser)
{
    OpenedProject opened;
    auto workspace = AuthWorkspace::open(projectOptions(parser, context));
    if (!workspace) {
        opened.exitCode = failWith(context, workspace.error());
        return opened;
    }
    auto connection = workspace->connect();
    if (!connection) {
        opened.exitCode = failWith(context, connection.error());
        return opened;
    }
    opened.workspace = std::move(workspace.value());
    opened.connection = std::move(connection.value());
    return opened;
}

int runListGroup(CliContext &context, const QStringList &arguments, const ListCommandSpec &spec)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("list"))
        return runListCommand(context, arguments.mid(1), spec);
    context.err
        << "gatehouse-cli " << spec.group << ": unknown action '" << action << "' (expected: "
        << (QStringList{QStringLiteral("list")} + spec.otherActions).join(QLatin1String(", "))
        << ")\n";
    return ExitUsage;
}

int runListCommand(CliContext &context, const QStringList &arguments, const ListCommandSpec &spec)
{
    const QString command = spec.group + QStringLiteral(" list");
    QCommandLineParser parser;
    parser.setApplicationDescription(spec.description);
    addProjectOptions(parser);
    parser.addOption({QStringLiteral("search"),
                      QStringLiteral("Only rows matching TEXT (%1).")
                          .arg(AuthQueries::searchFields(spec.model).join(QStringLiteral(", "))),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("search-field"),
                      QStringLiteral("Search one field only, e.g. email (uses its index)."),
                      QStringLiteral("FIELD")});
    if (spec.userFilter)
        parser.addOption({QStringLiteral("user"),
                          QStringLiteral("Only rows of the user with this id or email."),
                          QStringLiteral("ID|EMAIL")});
    if (spec.providerFilter)
        parser.addOption({QStringLiteral("provider"),
                          QStringLiteral("Only accounts of this provider."),
                          QStringLiteral("NAME")});
    if (spec.expiryFilter) {
        parser.addOption(
            {QStringLiteral("expired"), QStringLiteral("Only expired rows (expires < now).")});
        parser.addOption(
            {QStringLiteral("active"), QStringLiteral("Only rows that have not expired.")});
    }
    parser.addOption({QStringLiteral("sort"),
                      QStringLiteral("Order by this field (default: the key)."),
                      QStringLiteral("FIELD")});
    parser.addOption({QStringLiteral("desc"), QStringLiteral("Descending order.")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("Print at most N rows (default 50, 0 = all)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("table, json or csv (default table)."),
                      QStringLiteral("FORMAT"), QStringLiteral("table")});
    parser.addOption({QStringLiteral("reveal-secrets"),
                      QStringLiteral("Print tokens and keys in full (masked by default).")});
    if (!parseCommand(parser, command, arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return usage(
            context, command,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit < 0)
        return usage(context, command, QStringLiteral("--limit must be a whole number ≥ 0"));
    RecordWriter::Format format;
    if (!RecordWriter::parseFormat(parser.value(QStringLiteral("format")), &format))
        return usage(context, command, QStringLiteral("--format must be table, json or csv"));
    if (spec.expiryFilter && parser.isSet(QStringLiteral("expired")) &&
        parser.isSet(QStringLiteral("active")))
        return usage(context, command, QStringLiteral("--expired and --active exclude each other"));

    RecordQuery query;
    query.model = spec.model;
    query.search = parser.value(QStringLiteral("search"));
    query.searchField = parser.value(QStringLiteral("search-field"));
    query.sortField = parser.value(QStringLiteral("sort"));
    query.sortOrder =
        parser.isSet(QStringLiteral("desc")) ? Qt::DescendingOrder : Qt::AscendingOrder;
    if (spec.providerFilter)
        query.provider = parser.value(QStringLiteral("provider"));
    if (spec.expiryFilter) {
        if (parser.isSet(QStringLiteral("expired")))
            query.expiry = ExpiryFilter::Expired;
        else if (parser.isSet(QStringLiteral("active")))
            query.expiry = ExpiryFilter::Active;
    }

    OpenedProject project = openProject(context, parser);
    if (!project.ok())
        return project.exitCode;
    if (!project.workspace->schema().model(spec.model).present)
        return failWith(context,
                        Error(Error::Code::NotFound, QStringLiteral("This schema has no %1 model")
                                                         .arg(authModelKindName(spec.model))));
    const AuthQueries &queries = *project.connection.queries;

    if (spec.userFilter && parser.isSet(QStringLiteral("user"))) {
        const QString who = parser.value(QStringLiteral("user"));
        auto user = queries.findUser(who);
        if (!user)
            return failWith(context, user.error());
        if (user->isEmpty())
            return failWith(context,
                            Error(Error::Code::NotFound,
                                  QStringLiteral("No user has the id or email \"%1\"").arg(who)));
        // Verification tokens belong to an email address, the rest to the user's id.
        if (spec.model == AuthModelKind::VerificationToken)
            query.identifier = user->value(0, QStringLiteral("email")).toString();
        else
            query.userId = user->value(0, QStringLiteral("id")).toString();
    }

    RecordExporter::Options options;
    options.format = format;
    options.secrets = parser.isSet(QStringLiteral("reveal-secrets"))
                          ? RecordWriter::Secrets::Revealed
                          : RecordWriter::Secrets::Masked;
    options.limit = limit == 0 ? -1 : limit;
    options.pageSize = 1000;
    auto written = RecordExporter::run(queries, query, context.out, options);
    if (!written)
        return failWith(context, written.error());
    return ExitOk;
}

} // namespace gh::cli
