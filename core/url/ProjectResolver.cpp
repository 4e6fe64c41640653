#include "core/url/ProjectResolver.h"

#include "core/prisma/DatasourceUrl.h"
#include "core/prisma/SchemaSource.h"
#include "core/url/DotEnv.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace gh {

namespace {

const QString kDefaultUrlVariable = QStringLiteral("DATABASE_URL");

QString absoluteClean(const QString &path, const QString &base)
{
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}

QString cleanWorkingDirectory(const ProjectOptions &options)
{
    return QDir::cleanPath(
        QDir(options.workingDirectory.isEmpty() ? QDir::currentPath() : options.workingDirectory)
            .absolutePath());
}

// A config value: a literal as written; a variable's value from the environment, else its
// `?? "fallback"`.
QString configValue(const PrismaConfig::Value &value, const QProcessEnvironment &environment)
{
    switch (value.kind) {
    case PrismaConfig::Value::Kind::Absent:
        return QString();
    case PrismaConfig::Value::Kind::Literal:
        return value.text;
    case PrismaConfig::Value::Kind::EnvironmentVariable:
        return environment.contains(value.text) ? environment.value(value.text) : value.fallback;
    }
    return QString();
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
    } else if (options.allowUrlWithoutSchema && options.schemaOverride.isEmpty() &&
               (!options.urlOverride.isEmpty() ||
                options.environment.contains(kDefaultUrlVariable))) {
        // A URL given on purpose (--url, or DATABASE_URL exported) opens without a schema:
        // the Auth.js tables then go by Prisma's default names and the catalog. A .env alone
        // does not: without a schema it most likely lies in the wrong folder.
        schemaEnvDirectory = workingDirectory;
    } else {
        return schema.error();
    }

    auto config = PrismaConfig::find(workingDirectory);
    if (!config)
        return config.error();
    if (*config && project.configPath.isEmpty()) { // a bare --url: still the config's folder
        project.configPath = (*config)->path;
        project.configWarnings = (*config)->warnings;
    }
    const Status url = resolveUrl(project, options, schemaEnvDirectory, *config);
    if (!url)
        return url.error();
    return project;
}

Result<ResolvedProject> ProjectResolver::resolveSchema(const ProjectOptions &options)
{
    const QString workingDirectory = cleanWorkingDirectory(options);
    auto config = PrismaConfig::find(workingDirectory);
    if (!config)
        return config.error();
    auto schema = findSchema(options, workingDirectory, *config);
    if (!schema)
        return schema.error();
    ResolvedProject project;
    if (*config) {
        const PrismaConfig &c = **config;
        project.configPath = c.path;
        project.configWarnings = c.warnings;
        const QString migrations = configValue(c.migrationsPath, options.environment);
        if (!migrations.isEmpty())
            project.migrationsPath = absoluteClean(migrations, c.folder());
    }
    project.schemaPath = schema->path;
    project.schemaFiles = schema->files;
    project.isMultiFile = schema->isMultiFile;
    project.rootDirectory =
        projectRoot(*schema, !options.schemaOverride.isEmpty(), workingDirectory);
    return project;
}

Result<ProjectResolver::SchemaLocation>
ProjectResolver::findSchema(const ProjectOptions &options, const QString &workingDirectory,
                            const std::optional<PrismaConfig> &config)
{
    QString named = options.schemaOverride.isEmpty()
                        ? QString()
                        : absoluteClean(options.schemaOverride, workingDirectory);
    QString namedBy = QStringLiteral("given with --schema");
    if (named.isEmpty() && config) {
        const QString fromConfig = configValue(config->schema, options.environment);
        if (!fromConfig.isEmpty()) {
            named = absoluteClean(fromConfig, config->folder());
            namedBy = QStringLiteral("named in %1").arg(config->path);
        }
    }
    if (!named.isEmpty()) {
        const QString path = named;
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
                     QStringLiteral("the schema %1 %2 does not exist").arg(path, namedBy));
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
                                   const QString &schemaEnvDirectory,
                                   const std::optional<PrismaConfig> &config)
{
    const DatasourceUrl datasource = datasourceUrlExpression(project.schemaFiles);
    project.datasourceFile = datasource.file;
    const PrismaConfig::Value configUrl = config ? config->url : PrismaConfig::Value();
    project.urlVariable =
        configUrl.kind == PrismaConfig::Value::Kind::EnvironmentVariable ? configUrl.text
        : datasource.kind == DatasourceUrl::Kind::EnvironmentVariable    ? datasource.value
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
    } else if (configUrl.kind == PrismaConfig::Value::Kind::Literal) {
        project.urlText = configUrl.text;
        project.urlSource = QDir::toNativeSeparators(config->path);
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

    if (!found && !configUrl.fallback.isEmpty()) {
        project.urlText = configUrl.fallback;
        project.urlSource = QStringLiteral("%1 (the fallback for %2)")
                                .arg(QDir::toNativeSeparators(config->path), variable);
        found = true;
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
    // The real parser: comments, strings with escapes and multi-file schemas read as Prisma
    // reads them. A file that cannot be read is skipped, as the schema loader reports it.
    QList<prisma::SourceFile> files;
    for (const QString &path : schemaFiles) {
        auto file = prisma::SourceFile::read(path);
        if (file)
            files.append(std::move(file).value());
    }
    const prisma::DatasourceUrl url =
        prisma::datasourceUrl(prisma::SchemaSource::fromFiles(std::move(files)));
    DatasourceUrl result;
    result.file = url.file;
    switch (url.kind) {
    case prisma::DatasourceUrl::Kind::EnvironmentVariable:
        result.kind = DatasourceUrl::Kind::EnvironmentVariable;
        result.value = url.value;
        break;
    case prisma::DatasourceUrl::Kind::Literal:
        result.kind = DatasourceUrl::Kind::Literal;
        result.value = url.value;
        break;
    case prisma::DatasourceUrl::Kind::Absent:
    case prisma::DatasourceUrl::Kind::Invalid: // `url = 5`: the validator reports it
        break;
    }
    return result;
}

} // namespace gh
