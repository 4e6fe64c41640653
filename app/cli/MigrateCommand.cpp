#include "app/cli/MigrateCommand.h"

#include "app/cli/CommonOptions.h"
#include "core/migrate/DevMigration.h"
#include "core/migrate/DriftDetector.h"
#include "core/migrate/MigrateOutput.h"
#include "core/migrate/MigrationDiff.h"
#include "core/migrate/Migrator.h"
#include "core/prisma/SchemaSource.h"
#include "core/sql/DriftSummary.h"
#include "core/sql/MigrationScript.h"
#include "core/url/UrlRedaction.h"

#include <QDir>
#include <QFile>
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
    printConfigPreamble(context, *project);
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
    const QString noDrift = QStringLiteral("no-drift-check");
    parser.addOption({noDrift, QStringLiteral("Do not replay the applied migrations on a shadow "
                                              "database to look for drift (Prisma's status does "
                                              "not).")});
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
    // Drift (a Gatehouse addition, on stderr; the exit code stays Prisma's): only when the
    // history itself is sound, since Prisma reports drift against applied migrations.
    auto result = (*migrator)->status();
    // --read-only: not even a shadow database on the server.
    if (result && !parser.isSet(noDrift) && !context.readOnly && result->hasMigrationsTable &&
        result->failedMigrationNames.isEmpty() && result->missingScriptNames.isEmpty()) {
        auto drift = (*migrator)->status(DriftDetector::shadowCheck(*target));
        if (drift)
            result = drift;
        else
            context.err << "Note: drift was not checked: "
                        << redactDatabaseUrl(drift.error().fullText()) << "\n";
    }
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
    auto migrator =
        Migrator::connect(*target, Migrator::Options(), Migrator::Connect::CreateDatabaseIfMissing);
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

bool confirmOnTerminal(CliContext &context, const QString &question)
{
    context.out << question << " [y/N] ";
    context.out.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

// Prisma's exit code when migrate dev stops for a reset or the user says no.
constexpr int ExitDevStopped = 130;

int dev(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Create a migration from changes in the Prisma schema and apply it to the development "
        "database (the migrations folder is replayed on a shadow database created and dropped "
        "by Gatehouse)."));
    addMigrateOptions(parser);
    const QString name = QStringLiteral("name");
    const QString createOnly = QStringLiteral("create-only");
    const QString yes = QStringLiteral("yes");
    parser.addOption({{QStringLiteral("n"), name},
                      QStringLiteral("Name the migration."),
                      QStringLiteral("NAME")});
    parser.addOption({createOnly, QStringLiteral("Create a new migration but do not apply it "
                                                 "(also when it is empty).")});
    parser.addOption({{QStringLiteral("y"), yes},
                      QStringLiteral("Accept data-loss warnings without a prompt (required when "
                                     "standard input is not a terminal).")});
    if (!parseCommand(parser, QStringLiteral("migrate dev"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    auto target = resolveTarget(parser, context);
    if (!target)
        return fail(context, target.error());
    context.out << "\n";
    if (target->schemaPath.isEmpty())
        return fail(context, Error(Error::Code::SchemaNotFound,
                                   QStringLiteral("migrate dev needs the project's schema file.")));
    auto schema = prisma::SchemaSource::load(target->schemaPath);
    if (!schema)
        return fail(context, schema.error());
    auto migrator =
        Migrator::connect(*target, Migrator::Options(), Migrator::Connect::CreateDatabaseIfMissing);
    if (!migrator)
        return fail(context, migrator.error());
    if ((*migrator)->createdDatabase())
        context.out << MigrateOutput::databaseCreated(*target) << "\n\n";
    context.out.flush();

    const MigrateOutput output;
    DevMigration::Options options;
    options.applyPending = true;
    auto plan = DevMigration::plan(**migrator, *schema, options);
    if (!plan && plan.error().code() == Error::Code::MigrationDriftDetected) {
        context.out << MigrateOutput::devResetNeeded(*target, plan.error().message());
        context.out.flush();
        return ExitDevStopped;
    }
    if (!plan)
        return fail(context, plan.error());
    const QString root = QDir(context.workingDirectory).relativeFilePath(target->migrationsPath);
    if (!plan->appliedMigrationNames.isEmpty())
        context.out << "\nThe following migration(s) have been applied:\n\n"
                    << MigrateOutput::appliedTree(plan->appliedMigrationNames) << "\n";

    const bool draft = parser.isSet(createOnly);
    if (plan->hasUnexecutableSteps()) {
        context.out << "\n";
        context.out.flush();
        if (!draft) {
            context.err << "Error: " << output.devUnexecutableError(plan->liveDiagnostics) << "\n";
            context.err.flush();
            return ExitFailure;
        }
        context.err << MigrateOutput::devUnexecutable(plan->liveDiagnostics) << "\n\n";
    }
    if (plan->needsConfirmation()) {
        context.out << MigrateOutput::devWarnings(plan->liveDiagnostics);
        context.out.flush();
        if (!parser.isSet(yes)) {
            if (!context.stdinIsTerminal) {
                context.err << "Error: " << output.devNonInteractive();
                context.err.flush();
                return ExitFailure;
            }
            if (!confirmOnTerminal(context, draft ? QStringLiteral("Are you sure you want to "
                                                                   "create this migration?")
                                                  : QStringLiteral("Are you sure you want to "
                                                                   "create and apply this "
                                                                   "migration?"))) {
                context.out << "Migration cancelled.\n";
                context.out.flush();
                return ExitDevStopped;
            }
        }
    }

    QStringList appliedNow;
    if (!plan->isEmpty() || draft) {
        QString typed = parser.value(name);
        if (!parser.isSet(name) && context.stdinIsTerminal) {
            context.out << "Enter a name for the new migration: ";
            context.out.flush();
            QTextStream in(stdin);
            typed = in.readLine();
        }
        auto created = DevMigration::write(**migrator, *plan, typed);
        if (!created)
            return fail(context, created.error());
        if (draft) {
            context.out << output.devCreated(*created);
            context.out.flush();
            return ExitOk;
        }
        auto applied = DevMigration::apply(**migrator, [&](const DeployProgress &progress) {
            if (progress.stage == DeployProgress::Stage::Applying) {
                context.err << "Applying migration `" << progress.name << "`\n";
                context.err.flush();
            }
        });
        if (!applied)
            return fail(context, applied.error());
        appliedNow = applied->appliedMigrationNames;
    }
    context.out << MigrateOutput::devFinished(appliedNow, plan->appliedMigrationNames, root);
    context.out.flush();
    return ExitOk;
}

// The engine's text ends with a newline; Prisma's CLI prints it and then an empty line.
QString engineText(QString text)
{
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

int diffUsageError(CliContext &context, const QCommandLineParser &parser, const QString &message)
{
    context.err << "Error: \n" << message << "\n\n" << parser.helpText();
    context.err.flush();
    return ExitFailure;
}

int diff(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare two database schemas (nothing, a Prisma schema, a live database, a migrations "
        "folder) and print the migration between them: a summary, or the SQL with --script, as "
        "prisma migrate diff prints them."));
    addProjectOptions(parser);
    const QStringList sides = {QStringLiteral("from"), QStringLiteral("to")};
    for (const QString &side : sides) {
        parser.addOption(
            {side + QStringLiteral("-empty"), QStringLiteral("The %1 side is nothing.").arg(side)});
        parser.addOption(
            {side + QStringLiteral("-schema"),
             QStringLiteral("The %1 side is a Prisma schema file or folder.").arg(side),
             QStringLiteral("PATH")});
        parser.addOption({side + QStringLiteral("-url"),
                          QStringLiteral("The %1 side is a live database.").arg(side),
                          QStringLiteral("URL")});
        parser.addOption({side + QStringLiteral("-migrations"),
                          QStringLiteral("The %1 side is a migrations folder, replayed on a "
                                         "shadow database.")
                              .arg(side),
                          QStringLiteral("DIR")});
        parser.addOption(
            {side + QStringLiteral("-config-datasource"),
             QStringLiteral("The %1 side is the project's database (DATABASE_URL).").arg(side)});
    }
    const QString script = QStringLiteral("script");
    const QString exitCode = QStringLiteral("exit-code");
    const QString output = QStringLiteral("output");
    const QString shadowUrl = QStringLiteral("shadow-database-url");
    parser.addOption({script, QStringLiteral("Print the SQL script instead of a summary.")});
    parser.addOption({exitCode, QStringLiteral("Exit 2 when the schemas differ, 0 when they do "
                                               "not (1 on errors).")});
    parser.addOption({{QStringLiteral("o"), output},
                      QStringLiteral("Write to a file instead of stdout."),
                      QStringLiteral("FILE")});
    parser.addOption({shadowUrl,
                      QStringLiteral("Server on which migrations folders are replayed (default: "
                                     "the project's database URL)."),
                      QStringLiteral("URL")});
    if (!parseCommand(parser, QStringLiteral("migrate diff"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    const QDir here(context.workingDirectory);
    // The project's database, when it can be found: the config datasource and the shadow
    // server. Most diffs do not need it.
    auto project = ProjectResolver::resolve(projectOptions(parser, context));
    DatabaseUrl projectUrl;
    if (project) {
        projectUrl = project->url;
    } else if (context.environment.contains(QStringLiteral("DATABASE_URL"))) {
        // No schema file here: Prisma still reads DATABASE_URL for its shadow database.
        auto url = DatabaseUrl::parse(context.environment.value(QStringLiteral("DATABASE_URL")),
                                      context.workingDirectory);
        if (url)
            projectUrl = *url;
    }
    DiffSource chosen[2];
    for (int i = 0; i < 2; ++i) {
        const QString &side = sides.at(i);
        QList<DiffSource> given;
        if (parser.isSet(side + QStringLiteral("-empty")))
            given.append(DiffSource::empty());
        if (parser.isSet(side + QStringLiteral("-schema")))
            given.append(DiffSource::schemaFile(
                here.absoluteFilePath(parser.value(side + QStringLiteral("-schema")))));
        if (parser.isSet(side + QStringLiteral("-url")))
            given.append(DiffSource::url(parser.value(side + QStringLiteral("-url"))));
        if (parser.isSet(side + QStringLiteral("-migrations")))
            given.append(DiffSource::migrations(
                here.absoluteFilePath(parser.value(side + QStringLiteral("-migrations")))));
        if (parser.isSet(side + QStringLiteral("-config-datasource"))) {
            if (projectUrl.isNull())
                return fail(context, project.error());
            given.append(DiffSource::url(projectUrl.toString()));
        }
        if (given.size() != 1)
            return diffUsageError(context, parser,
                                  QStringLiteral("%1 `--%2-...` parameter(s) provided. 1 must be "
                                                 "provided.")
                                      .arg(given.size())
                                      .arg(side));
        chosen[i] = given.first();
    }

    MigrationDiff::Options options;
    if (!projectUrl.isNull()) {
        options.shadowServer = projectUrl;
        if (projectUrl.provider() == DatabaseUrl::Provider::PostgreSQL)
            options.defaultNamespace = projectUrl.schema();
    }
    if (parser.isSet(shadowUrl)) {
        auto url = DatabaseUrl::parse(parser.value(shadowUrl));
        if (!url)
            return fail(context, url.error());
        options.shadowServer = *url;
    }
    options.log = [&](const QString &line) {
        context.err << line << "\n";
        context.err.flush();
    };
    auto migration = MigrationDiff::compute(chosen[0], chosen[1], options);
    if (!migration) {
        context.err << redactDatabaseUrl(MigrateOutput::error(migration.error()));
        context.err.flush();
        return ExitFailure; // Prisma's exit code for every error of migrate diff
    }
    const QString text = engineText(parser.isSet(script) ? sql::MigrationScript::render(*migration)
                                                         : sql::DriftSummary::render(*migration));
    // With --exit-code and a difference, Prisma exits before its closing empty line.
    const bool exitsEarly = parser.isSet(exitCode) && !migration->isEmpty();
    if (parser.isSet(output)) {
        QFile file(here.absoluteFilePath(parser.value(output)));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write((text + QLatin1Char('\n')).toUtf8()) < 0)
            return fail(context, Error(Error::Code::FileUnwritable,
                                       QStringLiteral("Could not write %1")
                                           .arg(QDir::toNativeSeparators(file.fileName()))));
        if (!exitsEarly)
            context.out << "\n";
    } else {
        context.out << text << (exitsEarly ? "\n" : "\n\n");
    }
    context.out.flush();
    if (parser.isSet(exitCode))
        return migration->isEmpty() ? ExitOk : 2; // Prisma: 2 = the schemas differ
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
    if (action == QLatin1String("diff"))
        return diff(context, arguments.mid(1));
    if (action == QLatin1String("dev"))
        return dev(context, arguments.mid(1));
    context.err << "gatehouse-cli migrate: unknown action '" << action
                << "' (expected: status, deploy, resolve, diff, dev)\n";
    return ExitUsage;
}

} // namespace gh::cli
