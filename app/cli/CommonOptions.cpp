#include "app/cli/CommonOptions.h"

#include "core/url/UrlRedaction.h"

#include <QDir>

namespace gh::cli {

void addProjectOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("Database URL (default: DATABASE_URL from the environment, "
                                     ".env or the schema's datasource)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("schema"),
                      QStringLiteral("Prisma schema file or folder (default: prisma/schema.prisma, "
                                     "schema.prisma, prisma/schema/)."),
                      QStringLiteral("PATH")});
}

ProjectOptions projectOptions(const QCommandLineParser &parser, const CliContext &context)
{
    ProjectOptions options;
    options.urlOverride = parser.value(QStringLiteral("url"));
    options.schemaOverride = parser.value(QStringLiteral("schema"));
    options.workingDirectory = context.workingDirectory;
    options.environment = context.environment;
    return options;
}

bool parseCommand(QCommandLineParser &parser, const QString &commandName,
                  const QStringList &arguments, CliContext &context)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse-cli ") + commandName} + arguments)) {
        // Option values can be URLs: never echo a password back.
        context.err << "gatehouse-cli " << commandName << ": "
                    << redactDatabaseUrl(parser.errorText()) << "\n\n"
                    << parser.helpText();
        context.err.flush();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        context.out.flush();
        return false;
    }
    return true;
}

void printConfigPreamble(CliContext &context, const ResolvedProject &project)
{
    if (project.configPath.isEmpty())
        return;
    context.err << "Loaded Prisma config from "
                << QDir(context.workingDirectory).relativeFilePath(project.configPath) << ".\n";
    for (const QString &warning : project.configWarnings)
        context.err << warning << "\n";
    context.err << "\n";
    context.err.flush();
}

void printError(CliContext &context, const Error &error)
{
    context.err << "gatehouse-cli: " << redactDatabaseUrl(error.message()) << "\n";
    if (!error.detail().isEmpty())
        context.err
            << "  "
            << redactDatabaseUrl(error.detail()).replace(QLatin1Char('\n'), QLatin1String("\n  "))
            << "\n";
    context.err.flush();
}

int exitCodeFor(const Error &error)
{
    switch (error.code()) {
    case Error::Code::InvalidArgument:
        return ExitUsage;
    case Error::Code::UrlMalformed:
    case Error::Code::UrlUnsupportedScheme:
    case Error::Code::UrlMissing:
    case Error::Code::SchemaNotFound:
    case Error::Code::FileNotFound:
    case Error::Code::FileUnreadable:
        return ExitConfiguration;
    case Error::Code::ConnectionFailed:
    case Error::Code::QueryFailed:
    case Error::Code::NotAuthJsDatabase:
        return ExitDatabase;
    default:
        return ExitFailure;
    }
}

} // namespace gh::cli
