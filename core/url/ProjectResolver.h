#pragma once

#include "core/common/Result.h"
#include "core/url/PrismaConfig.h"
#include "core/url/ProjectOptions.h"
#include "core/url/ResolvedProject.h"

#include <QString>
#include <QStringList>

namespace gh {

/// Finds the schema and the database URL the way the Prisma CLI does.
///
/// Prisma 7's `prisma.config.ts` in the working directory (see PrismaConfig) may name the
/// schema, the migrations folder and the URL; flags still win over it.
///
/// Schema: --schema PATH (a file, or a folder = multi-file schema), else the config's `schema`,
/// else `prisma/schema.prisma`, else `schema.prisma`, else the folder `prisma/schema/` (every
/// `*.prisma` file in it, recursively, sorted).
///
/// URL: --url, else the config's `datasource.url` (a literal, or the variable it names), else a
/// literal `url = "..."` in the datasource, else the variable the datasource names with
/// `url = env("NAME")` (DATABASE_URL by default, and for Prisma 7 schemas that have no url)
/// looked up in the environment, then in `.env` in the project root, then in `.env` in
/// the schema's folder (the folder that holds the schema file, or the parent of a schema
/// folder, as Prisma computes it). The first place that has the variable wins, even when it is
/// empty (that is then an error), as with Prisma.
class ProjectResolver
{
public:
    /// Errors: SchemaNotFound (lists the places looked at), UrlMissing (names the variable and
    /// the places), FileUnreadable, and the errors of DatabaseUrl::parse prefixed with the
    /// URL's source.
    static Result<ResolvedProject> resolve(const ProjectOptions &options);

    /// Only the schema half of resolve(), for commands that need no database (`schema
    /// validate`, `schema format`): rootDirectory, schemaPath, schemaFiles and isMultiFile.
    /// Errors: SchemaNotFound.
    static Result<ResolvedProject> resolveSchema(const ProjectOptions &options);

private:
    struct SchemaLocation
    {
        QString path;
        QStringList files;
        bool isMultiFile = false;
    };

    struct DatasourceUrl
    {
        enum class Kind { Absent, EnvironmentVariable, Literal };
        Kind kind = Kind::Absent;
        QString value; // the variable name, or the literal URL
        QString file;  // the schema file that holds the datasource block
    };

    static Result<SchemaLocation> findSchema(const ProjectOptions &options,
                                             const QString &workingDirectory,
                                             const std::optional<PrismaConfig> &config);
    static QStringList prismaFilesIn(const QString &folder);
    static QString projectRoot(const SchemaLocation &schema, bool fromOverride,
                               const QString &workingDirectory);
    static Status resolveUrl(ResolvedProject &project, const ProjectOptions &options,
                             const QString &schemaEnvDirectory,
                             const std::optional<PrismaConfig> &config);

    /// The `url` of the first `datasource` block, read with the Prisma parser (core/prisma).
    static DatasourceUrl datasourceUrlExpression(const QStringList &schemaFiles);
};

} // namespace gh
