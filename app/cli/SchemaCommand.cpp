#include "app/cli/SchemaCommand.h"

#include "app/cli/CommonOptions.h"
#include "core/common/SaveFile.h"
#include "core/prisma/Formatter.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/Validator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

namespace gh::cli {

namespace {

using prisma::Diagnostic;
using prisma::SchemaSource;

// A loaded schema and how to name its files to the user.
struct LoadedSchema
{
    SchemaSource schema;
    QString path; ///< the schema file or folder, as shown to the user
    QString workingDirectory;

    /// `prisma/schema.prisma` for a file inside the working directory, else the absolute path.
    QString display(const QString &path) const
    {
        const QString relative = QDir(workingDirectory).relativeFilePath(path);
        return relative.startsWith(QLatin1String("..")) ? path : relative;
    }
};

void addSchemaOptions(QCommandLineParser &parser)
{
    // Only --schema: these commands never open the database, so --url would mean nothing.
    parser.addOption({QStringLiteral("schema"),
                      QStringLiteral("Prisma schema file or folder, as PATH."),
                      QStringLiteral("PATH")});
    parser.addPositionalArgument(
        QStringLiteral("PATH"),
        QStringLiteral("Schema file or folder (default: --schema, else prisma/schema.prisma, "
                       "schema.prisma, prisma/schema/)."),
        QStringLiteral("[PATH]"));
}

// Finds and parses the schema named by PATH, --schema or the project's default places.
Result<LoadedSchema> loadSchema(const QCommandLineParser &parser, const QString &command,
                                CliContext &context)
{
    const QStringList positional = parser.positionalArguments();
    ProjectOptions options;
    options.schemaOverride = parser.value(QStringLiteral("schema"));
    options.workingDirectory = context.workingDirectory;
    options.environment = context.environment;
    if (positional.size() > 1)
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("%1 takes one schema path").arg(command));
    if (!positional.isEmpty()) {
        if (!options.schemaOverride.isEmpty() && options.schemaOverride != positional.first())
            return Error(
                Error::Code::InvalidArgument,
                QStringLiteral("%1: give the schema either as PATH or with --schema").arg(command));
        options.schemaOverride = positional.first();
    }
    auto project = ProjectResolver::resolveSchema(options);
    if (!project)
        return project.error();
    printConfigPreamble(context, *project);
    auto schema = SchemaSource::load(project->schemaPath);
    if (!schema)
        return schema.error();
    LoadedSchema loaded{std::move(schema).value(), {}, context.workingDirectory};
    loaded.path = loaded.display(project->schemaPath);
    return loaded;
}

// `file:line:col: error: message`, the file named as the user knows it.
void printDiagnostics(CliContext &context, const LoadedSchema &loaded,
                      const QList<Diagnostic> &diagnostics)
{
    for (const Diagnostic &diagnostic : diagnostics) {
        const QString line = diagnostic.toString();
        context.err << loaded.display(diagnostic.file) << line.mid(diagnostic.file.size()) << "\n";
    }
    context.err.flush();
}

int errorCount(const QList<Diagnostic> &diagnostics)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                             [](const Diagnostic &d) { return d.isError(); }));
}

int fail(CliContext &context, const Error &error)
{
    printError(context, error);
    return exitCodeFor(error);
}

int validate(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check the Prisma schema, like prisma validate. Exit status 0 when it is "
                       "valid, 1 when it is not; diagnostics go to stderr."));
    addSchemaOptions(parser);
    if (!parseCommand(parser, QStringLiteral("schema validate"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    auto loaded = loadSchema(parser, QStringLiteral("schema validate"), context);
    if (!loaded)
        return fail(context, loaded.error());

    const QList<Diagnostic> diagnostics = prisma::validate(loaded->schema);
    printDiagnostics(context, *loaded, diagnostics);
    if (const int errors = errorCount(diagnostics)) {
        context.err << "Validation Error Count: " << errors << "\n";
        context.err.flush();
        return ExitFailure;
    }
    context.out << "The schema at " << loaded->path << " is valid \U0001F680\n";
    context.out.flush();
    return ExitOk;
}

int format(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Format the Prisma schema in place, like prisma format (which also adds missing "
        "relation fields). A schema that is invalid once formatted is left untouched."));
    addSchemaOptions(parser);
    const QString check = QStringLiteral("check");
    const QString toStdout = QStringLiteral("stdout");
    parser.addOption({check, QStringLiteral("Write nothing; exit 1 and list the files that are "
                                            "not formatted.")});
    parser.addOption({toStdout, QStringLiteral("Print the formatted schema instead of writing "
                                               "it (each file after a // PATH line when there "
                                               "are several).")});
    if (!parseCommand(parser, QStringLiteral("schema format"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (parser.isSet(check) && parser.isSet(toStdout)) {
        context.err << "gatehouse-cli schema format: --check and --stdout cannot be combined\n";
        return ExitUsage;
    }

    QElapsedTimer timer;
    timer.start();
    auto loaded = loadSchema(parser, QStringLiteral("schema format"), context);
    if (!loaded)
        return fail(context, loaded.error());

    // A schema that does not parse is never rewritten.
    const QList<Diagnostic> syntax = loaded->schema.diagnostics();
    if (prisma::hasErrors(syntax)) {
        printDiagnostics(context, *loaded, syntax);
        context.err << "gatehouse-cli schema format: " << loaded->path
                    << " has syntax errors; nothing was written.\n";
        context.err.flush();
        return ExitFailure;
    }

    const QList<QByteArray> formatted = prisma::Formatter::format(loaded->schema);
    const std::vector<prisma::ParsedFile> &files = loaded->schema.files();

    // Like prisma format, refuse a schema that is invalid once formatted (formatting adds the
    // missing relation fields, so it can make a schema valid). The errors are shown where
    // they are in the files as they are on disk when they are there too, which is the rule:
    // formatting only adds.
    QList<prisma::SourceFile> formattedFiles;
    for (std::size_t i = 0; i < files.size(); ++i)
        formattedFiles.append(prisma::SourceFile(files[i].path(), formatted.at(qsizetype(i))));
    const QList<Diagnostic> afterFormatting =
        prisma::validate(SchemaSource::fromFiles(formattedFiles));
    if (prisma::hasErrors(afterFormatting)) {
        const QList<Diagnostic> asWritten = prisma::validate(loaded->schema);
        if (prisma::hasErrors(asWritten)) {
            printDiagnostics(context, *loaded, asWritten);
        } else {
            context.err << "In the formatted text:\n";
            printDiagnostics(context, *loaded, afterFormatting);
        }
        context.err << "gatehouse-cli schema format: " << loaded->path
                    << " is not a valid schema; nothing was written.\n";
        context.err.flush();
        return ExitFailure;
    }

    if (parser.isSet(check)) {
        QStringList unformatted;
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (formatted.at(qsizetype(i)) != files[i].source.content())
                unformatted << loaded->display(files[i].path());
        }
        if (unformatted.isEmpty()) {
            context.out << "All files are formatted correctly!\n";
            context.out.flush();
            return ExitOk;
        }
        for (const QString &path : std::as_const(unformatted))
            context.err << path << "\n";
        context.err << "! There are unformatted files. Run gatehouse-cli schema format to "
                       "format them.\n";
        context.err.flush();
        return ExitFailure;
    }

    if (parser.isSet(toStdout)) {
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (files.size() > 1)
                context.out << "// " << loaded->display(files[i].path()) << "\n";
            context.out << QString::fromUtf8(formatted.at(qsizetype(i)));
        }
        context.out.flush();
        return ExitOk;
    }

    for (std::size_t i = 0; i < files.size(); ++i) {
        const QByteArray &text = formatted.at(qsizetype(i));
        if (text == files[i].source.content())
            continue; // already formatted: leave the file (and its time stamp) alone
        if (const Status written =
                saveFile(files[i].path(), text, QStringLiteral("the schema file"));
            !written)
            return fail(context, written.error());
    }
    context.out << "Formatted " << loaded->path << " in " << timer.elapsed() << "ms \U0001F680\n";
    context.out.flush();
    return ExitOk;
}

} // namespace

int runSchemaCommand(CliContext &context, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("validate"))
        return validate(context, arguments.mid(1));
    if (action == QLatin1String("format"))
        return format(context, arguments.mid(1));
    context.err << "gatehouse-cli schema: unknown action '" << action
                << "' (expected: validate, format)\n";
    return ExitUsage;
}

} // namespace gh::cli
