#include "core/migrate/MigrationTarget.h"

#include "core/url/ResolvedProject.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace gh {

namespace {

struct Datasource
{
    QString name;
    QString provider;
};

// The first datasource block's name and provider, by a small scan of the text.
// To be replaced by a call into the Prisma parser in core/prisma.
Datasource scanDatasource(const QString &file)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(input.readAll());
    static const QRegularExpression block(
        QStringLiteral(R"re(^\s*datasource\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{([^}]*)\})re"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression provider(QStringLiteral(R"re(^\s*provider\s*=\s*"([^"]*)")re"),
                                             QRegularExpression::MultilineOption);
    const auto blockMatch = block.match(text);
    if (!blockMatch.hasMatch())
        return {};
    Datasource datasource;
    datasource.name = blockMatch.captured(1);
    const auto providerMatch = provider.match(blockMatch.captured(2));
    if (providerMatch.hasMatch())
        datasource.provider = providerMatch.captured(1);
    return datasource;
}

} // namespace

QString MigrationTarget::providerFor(DatabaseUrl::Provider provider)
{
    return provider == DatabaseUrl::Provider::SQLite ? QStringLiteral("sqlite")
                                                     : QStringLiteral("postgresql");
}

Result<MigrationTarget> MigrationTarget::fromProject(const ResolvedProject &project,
                                                     const QString &migrationsPath)
{
    MigrationTarget target;
    target.url = project.url;
    target.urlText = project.urlText;
    target.schemaPath = project.schemaPath;
    target.provider = providerFor(project.url.provider());

    QString schemaFolder;
    if (!project.datasourceFile.isEmpty()) {
        schemaFolder = QFileInfo(project.datasourceFile).absolutePath();
        const Datasource datasource = scanDatasource(project.datasourceFile);
        if (!datasource.name.isEmpty())
            target.datasourceName = datasource.name;
        if (!datasource.provider.isEmpty())
            target.provider = datasource.provider;
    } else if (!project.schemaPath.isEmpty()) {
        const QFileInfo schema(project.schemaPath);
        schemaFolder = schema.isDir() ? schema.absoluteFilePath() : schema.absolutePath();
    }

    if (!migrationsPath.isEmpty()) {
        target.migrationsPath = QDir::cleanPath(QFileInfo(migrationsPath).absoluteFilePath());
    } else if (!project.migrationsPath.isEmpty()) {
        target.migrationsPath = project.migrationsPath; // prisma.config.ts
    } else if (!schemaFolder.isEmpty()) {
        target.migrationsPath = QDir(schemaFolder).filePath(QStringLiteral("migrations"));
    } else {
        return Error(
            Error::Code::SchemaNotFound,
            QStringLiteral("Migrations need a Prisma schema: the migrations folder sits next "
                           "to the schema file that holds the datasource block"),
            QStringLiteral("Pass --schema PATH, or --migrations DIR with --url."));
    }
    return target;
}

} // namespace gh
