#include "app/cli/MigrateCommand.h"

#include "app/cli/CommonOptions.h"
#include "core/migrate/MigrateOutput.h"
#include "core/migrate/Migrator.h"
#include "core/url/UrlRedaction.h"

#include <QDir>
#include <QJsonDocument>

namespace gh::cli {

namespace {

const QString kMigrations = QStringLiteral("migrations");

void addMigrateOptions(QCommandLineParser &parser)
{
    addProjectOptions(parser);
    parser.addOption(
        {kMigrations,
         QStringLiteral("Migrations folder (default: migrations/ next to the schema file "
                        "that holds the datasource block)."),
         QStringLiteral("DIR")});
}

int fail(CliContext &context, const Error &error)
{
    context.err << redactDatabaseUrl(MigrateOutput::error(error));
    context.err.flush();
    // Migrate's refusals are answers ("no"): exit 1, as with Prisma.
    return exitCodeFor(error);
}

/// Resolves the project and prints Prisma's preamble (schema on stderr, datasource on stdout).
Result<MigrationTarget> resolveTarget(const QCommandLineParser &parser, CliContext &context)
{
    auto project = ProjectResolver::resolve(projectOptions(parser, context));
    if (!project)
        return project.error();
    QString migrations = parser.value(kMigrations);
    if (!migrations.isEmpty())
        migrations = QDir(context.workingDirectory).absoluteFilePath(migrations);
    auto target = MigrationTarget::fromProject(*project, migrations);
    if (!target)
        return target.error();
    if (!target->schemaPath.isEmpty())
        context.err << "Prisma schema loaded from "
                    << QDir(context.workingDirectory).relativeFilePath(target->schemaPath) << ".\n";
    context.out << MigrateOutput::datasourceLine(*target);
    context.out.flush();
    context.err.flush();
    return target;
}

int status(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check the status of the database's migrations against the migrations folder."));
    addMigrateOptions(parser);
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Print the status as JSON (Prisma's diagnoseMigrationHistory "
                                     "fields plus every migration) instead of text.")});
    if (!parseCommand(parser, QStringLiteral("migrate status"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const bool json = parser.isSet(QStringLiteral("json"));

    QString ignored;
    QTextStream quiet(&ignored);
    CliContext preamble{json ? quiet : context.out, context.err, context.environment,
                        context.workingDirectory, context.stdinIsTerminal};
    auto target = resolveTarget(parser, preamble);
    if (!target)
        return fail(context, target.error());
    auto migrator = Migrator::connect(*target, Migrator::Options());
    if (!migrator)
        return fail(context, migrator.error());
    auto result = (*migrator)->status();
    if (!result)
        return fail(context, result.error());
    if (json) {
        context.out << QJsonDocument(result->toJson()).toJson(QJsonDocument::Indented);
        context.out.flush();
        return result->exitCode();
    }
    const MigrateOutput::Text text = MigrateOutput().status(*result);
    context.out << text.out;
    context.err << text.err;
    context.out.flush();
    context.err.flush();
    return text.exitCode;
}

int deploy(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Apply pending migrations (production/staging), without prompting."));
    addMigrateOptions(parser);
    if (!parseCommand(parser, QStringLiteral("migrate deploy"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    auto target = resolveTarget(parser, context);
    if (!target)
        return fail(context, target.error());
    auto migrator = Migrator::connect(*target, Migrator::Options(),
                                      Migrator::Connect::CreateSqliteFileIfMissing);
    if (!migrator)
        return fail(context, migrator.error());
    if ((*migrator)->createdDatabase())
        context.out << "\n" << MigrateOutput::databaseCreated(*target) << "\n";
    auto folder = (*migrator)->readFolder();
    if (!folder)
        return fail(context, folder.error());
    context.out << "\n" << MigrateOutput::migrationsFound(int(folder->migrations().size())) << "\n";
    context.out.flush();

    auto result = (*migrator)->deploy([&](const DeployProgress &progress) {
        // Progress goes to stderr: stdout stays what Prisma 7 prints.
        if (progress.stage == DeployProgress::Stage::Applying) {
            context.err << "Applying migration `" << progress.name << "`\n";
            context.err.flush();
        }
    });
    if (!result)
        return fail(context, result.error());
    context.out << MigrateOutput::deployed(*result);
    context.out.flush();
    return ExitOk;
}

int resolve(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Mark a migration as applied (baselining, hotfixes) or as rolled back "
                       "(after a failed migration was reverted by hand)."));
    addMigrateOptions(parser);
    const QString applied = QStringLiteral("applied");
    const QString rolledBack = QStringLiteral("rolled-back");
    parser.addOption(
        {applied, QStringLiteral("Mark a migration as applied."), QStringLiteral("NAME")});
    parser.addOption({rolledBack, QStringLiteral("Mark a failed migration as rolled back."),
                      QStringLiteral("NAME")});
    if (!parseCommand(parser, QStringLiteral("migrate resolve"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    auto target = resolveTarget(parser, context);
    if (!target)
        return fail(context, target.error());
    // Prisma's wording and exit code for these usage errors.
    const QString example = QStringLiteral("20201231000000_example");
    if (!parser.isSet(applied) && !parser.isSet(rolledBack)) {
        context.err << "Error: --applied or --rolled-back must be part of the command like:\n"
                    << "gatehouse-cli migrate resolve --applied " << example << "\n"
                    << "gatehouse-cli migrate resolve --rolled-back " << example << "\n";
        return ExitFailure;
    }
    if (parser.isSet(applied) && parser.isSet(rolledBack)) {
        context.err << "Error: Pass either --applied or --rolled-back, not both.\n";
        return ExitFailure;
    }
    const bool markApplied = parser.isSet(applied);
    const QString name = parser.value(markApplied ? applied : rolledBack);
    if (name.isEmpty()) {
        context.err << "Error: --" << (markApplied ? applied : rolledBack)
                    << " value must be a string like gatehouse-cli migrate resolve --"
                    << (markApplied ? applied : rolledBack) << " " << example << "\n";
        return ExitFailure;
    }

    auto migrator = Migrator::connect(*target, Migrator::Options());
    if (!migrator)
        return fail(context, migrator.error());
    const Status done =
        markApplied ? (*migrator)->resolveApplied(name) : (*migrator)->resolveRolledBack(name);
    if (!done)
        return fail(context, done.error());
    context.out << MigrateOutput::resolved(name, markApplied);
    context.out.flush();
    return ExitOk;
}

} // namespace

int runMigrateCommand(CliContext &context, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("status"))
        return status(context, arguments.mid(1));
    if (action == QLatin1String("deploy"))
        return deploy(context, arguments.mid(1));
    if (action == QLatin1String("resolve"))
        return resolve(context, arguments.mid(1));
    context.err << "gatehouse-cli migrate: unknown action '" << action
                << "' (expected: status, deploy, resolve)\n";
    return ExitUsage;
}

} // namespace gh::cli
