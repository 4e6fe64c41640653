#include "core/url/ProjectResolver.h"

#include "core/url/DotEnv.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace gh {

namespace {

const QString kDefaultUrlVariable = QStringLiteral("DATABASE_URL");

QString absoluteClean(const QString &path, const QString &base)
{
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}

// The schema text with `//` comments blanked out (strings kept), so that a commented-out
// datasource or url line is not read.
QString withoutComments(const QString &text)
{
    QString out = text;
    bool inString = false;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out[i];
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"') || c == QLatin1Char('\n'))
                inString = false;
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('/') && i + 1 < out.size() && out[i + 1] == QLatin1Char('/')) {
            while (i < out.size() && out[i] != QLatin1Char('\n'))
                out[i++] = QLatin1Char(' ');
        }
    }
    return out;
}

QString unescapeSchemaString(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\\') && i + 1 < text.size())
            ++i;
        out += text[i];
    }
    return out;
}

QString cleanWorkingDirectory(const ProjectOptions &options)
{
    return QDir::cleanPath(
        QDir(options.workingDirectory.isEmpty() ? QDir::currentPath() : options.workingDirectory)
            .absolutePath());
}

} // namespace

Result<ResolvedProject> ProjectResolver::resolve(const ProjectOptions &options)
{
    const QString workingDirectory = cleanWorkingDirectory(options);
    ResolvedProject project;
    project.rootDirectory = workingDirectory;
    QString schemaEnvDirectory;

    auto schema = resolveSchema(options);
    if (schema) {
        project = std::move(schema).value();
        schemaEnvDirectory = QFileInfo(project.schemaPath).absolutePath();
    } else if (!options.urlOverride.isEmpty() && options.allowUrlWithoutSchema &&
               options.schemaOverride.isEmpty()) {
        schemaEnvDirectory = workingDirectory;
    } else {
        return schema.error();
    }

    const Status url = resolveUrl(project, options, schemaEnvDirectory);
    if (!url)
        return url.error();
    return project;
}

Result<ResolvedProject> ProjectResolver::resolveSchema(const ProjectOptions &options)
{
    const QString workingDirectory = cleanWorkingDirectory(options);
    auto schema = findSchema(options, workingDirectory);
    if (!schema)
        return schema.error();
    ResolvedProject project;
    project.schemaPath = schema->path;
    project.schemaFiles = schema->files;
    project.isMultiFile = schema->isMultiFile;
    project.rootDirectory =
        projectRoot(*schema, !options.schemaOverride.isEmpty(), workingDirectory);
    return project;
}

Result<ProjectResolver::SchemaLocation> ProjectResolver::findSchema(const ProjectOptions &options,
                                                                    const QString &workingDirectory)
{
    if (!options.schemaOverride.isEmpty()) {
        const QString path = absoluteClean(options.schemaOverride, workingDirectory);
        const QFileInfo info(path);
        if (info.isFile())
            return SchemaLocation{path, {path}, false};
        if (info.isDir()) {
            const QStringList files = prismaFilesIn(path);
            if (files.isEmpty())
                return Error(
                    Error::Code::SchemaNotFound,
                    QStringLiteral("the schema folder %1 holds no .prisma files").arg(path));
            return SchemaLocation{path, files, true};
        }
        return Error(Error::Code::SchemaNotFound,
                     QStringLiteral("the schema %1 given with --schema does not exist").arg(path));
    }

    const QDir wd(workingDirectory);
    const QString nested = wd.filePath(QStringLiteral("prisma/schema.prisma"));
    const QString flat = wd.filePath(QStringLiteral("schema.prisma"));
    const QString folder = wd.filePath(QStringLiteral("prisma/schema"));
    for (const QString &file : {nested, flat}) {
        if (QFileInfo(file).isFile())
            return SchemaLocation{file, {file}, false};
    }
    if (QFileInfo(folder).isDir()) {
        const QStringList files = prismaFilesIn(folder);
        if (!files.isEmpty())
            return SchemaLocation{folder, files, true};
    }
    return Error(Error::Code::SchemaNotFound,
                 QStringLiteral("no Prisma schema found: looked for %1, %2 and the folder %3/ "
                                "(use --schema PATH)")
                     .arg(nested, flat, folder));
}

QStringList ProjectResolver::prismaFilesIn(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, {QStringLiteral("*.prisma")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir::cleanPath(it.next());
    files.sort();
    return files;
}

QString ProjectResolver::projectRoot(const SchemaLocation &schema, bool fromOverride,
                                     const QString &workingDirectory)
{
    if (!fromOverride)
        return workingDirectory;
    // A schema under a `prisma/` folder (prisma/schema.prisma, prisma/schema/, prisma/ itself)
    // belongs to the project around that folder.
    QDir dir(schema.isMultiFile ? schema.path : QFileInfo(schema.path).absolutePath());
    const QString schemaFolder = dir.absolutePath();
    for (int level = 0; level < 2; ++level) {
        if (dir.dirName() == QLatin1String("prisma") && dir.cdUp())
            return dir.absolutePath();
        if (!dir.cdUp())
            break;
    }
    return schemaFolder;
}

Status ProjectResolver::resolveUrl(ResolvedProject &project, const ProjectOptions &options,
                                   const QString &schemaEnvDirectory)
{
    const DatasourceUrl datasource = datasourceUrlExpression(project.schemaFiles);
    project.datasourceFile = datasource.file;
    project.urlVariable = datasource.kind == DatasourceUrl::Kind::EnvironmentVariable
                              ? datasource.value
                              : kDefaultUrlVariable;
    const QString &variable = project.urlVariable;

    // SQLite paths are relative to the schema file that holds the datasource.
    QString baseDirectory = project.rootDirectory;
    if (!datasource.file.isEmpty())
        baseDirectory = QFileInfo(datasource.file).absolutePath();
    else if (project.isMultiFile)
        baseDirectory = project.schemaPath;
    else if (project.hasSchema())
        baseDirectory = QFileInfo(project.schemaPath).absolutePath();

    bool found = true;
    QStringList envFilesRead;
    if (!options.urlOverride.isEmpty()) {
        project.urlText = options.urlOverride;
        project.urlSource = QStringLiteral("--url");
    } else if (datasource.kind == DatasourceUrl::Kind::Literal) {
        project.urlText = datasource.value;
        project.urlSource = QStringLiteral("schema datasource");
    } else if (options.environment.contains(variable)) {
        project.urlText = options.environment.value(variable);
        project.urlSource = QStringLiteral("environment variable %1").arg(variable);
    } else {
        // Like Prisma: the root .env first; its values are then part of the environment the
        // schema folder's .env sees, and win over it.
        found = false;
        QProcessEnvironment environment = options.environment;
        QStringList envFiles{QDir(project.rootDirectory).filePath(QStringLiteral(".env"))};
        const QString schemaEnv = QDir(schemaEnvDirectory).filePath(QStringLiteral(".env"));
        if (QDir::cleanPath(schemaEnv) != QDir::cleanPath(envFiles.constFirst()))
            envFiles << schemaEnv;
        for (const QString &envFile : envFiles) {
            envFilesRead << envFile;
            if (!QFileInfo::exists(envFile))
                continue;
            auto values = DotEnv::readFile(envFile, environment);
            if (!values)
                return values.error();
            if (values->contains(variable)) {
                project.urlText = values->value(variable);
                project.urlSource = QStringLiteral("%1 (%2)").arg(envFile, variable);
                found = true;
                break;
            }
            for (auto it = values->cbegin(); it != values->cend(); ++it) {
                if (!environment.contains(it.key()))
                    environment.insert(it.key(), it.value());
            }
        }
    }

    if (!found)
        return Error(Error::Code::UrlMissing,
                     QStringLiteral("no database URL: %1 is not set in the environment, nor in %2 "
                                    "(set it, or pass --url)")
                         .arg(variable, envFilesRead.join(QLatin1String(" nor in "))));
    if (project.urlText.trimmed().isEmpty())
        return Error(
            Error::Code::UrlMissing,
            QStringLiteral("no database URL: %1 is empty in %2").arg(variable, project.urlSource));

    auto url = DatabaseUrl::parse(project.urlText, baseDirectory);
    if (!url)
        return url.error().wrapped(
            QStringLiteral("The database URL from %1").arg(project.urlSource));
    project.url = *url;
    return success();
}

ProjectResolver::DatasourceUrl
ProjectResolver::datasourceUrlExpression(const QStringList &schemaFiles)
{
    static const QRegularExpression blockStart(
        QStringLiteral(R"(\bdatasource\s+[A-Za-z_][A-Za-z0-9_]*\s*\{)"));
    static const QRegularExpression urlLine(QStringLiteral(R"(^\s*url\s*=\s*(.*?)\s*$)"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression envCall(QStringLiteral(R"re(^env\(\s*"([^"]*)"\s*\)$)re"));
    static const QRegularExpression literal(QStringLiteral(R"re(^"((?:\\.|[^"\\])*)"$)re"));

    for (const QString &path : schemaFiles) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = withoutComments(QString::fromUtf8(file.readAll()));
        const auto start = blockStart.match(text);
        if (!start.hasMatch())
            continue;
        const qsizetype end = text.indexOf(QLatin1Char('}'), start.capturedEnd());
        const QString block =
            text.mid(start.capturedEnd(), end < 0 ? -1 : end - start.capturedEnd());
        DatasourceUrl result;
        result.file = path;
        const auto url = urlLine.match(block);
        if (url.hasMatch()) {
            const QString expression = url.captured(1);
            if (const auto env = envCall.match(expression); env.hasMatch()) {
                result.kind = DatasourceUrl::Kind::EnvironmentVariable;
                result.value = env.captured(1);
            } else if (const auto text = literal.match(expression); text.hasMatch()) {
                result.kind = DatasourceUrl::Kind::Literal;
                result.value = unescapeSchemaString(text.captured(1));
            }
        }
        return result;
    }
    return {};
}

} // namespace gh
