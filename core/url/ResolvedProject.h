#pragma once

#include "core/url/DatabaseUrl.h"

#include <QString>
#include <QStringList>

namespace gh {

/// A project as Prisma would see it: where the schema is and which database it names.
struct ResolvedProject
{
    /// Where `.env` is read first: the working directory, or with --schema the folder that
    /// holds the `prisma/` folder the schema lives in (else the schema's own folder).
    QString rootDirectory;
    /// The schema file or, for a multi-file schema, its folder. Empty with a bare --url.
    QString schemaPath;
    /// Every schema file, absolute, sorted.
    QStringList schemaFiles;
    bool isMultiFile = false;
    /// The schema file that holds the `datasource` block (empty when none does).
    QString datasourceFile;
    /// The variable the datasource names in `url = env("...")` (DATABASE_URL by default).
    QString urlVariable;
    /// The URL as found. Sensitive: display url.redacted() instead.
    QString urlText;
    /// Where the URL came from, for people: "--url", "environment variable DATABASE_URL",
    /// "/abs/path/.env (DATABASE_URL)", "schema datasource" or "prisma.config.ts".
    QString urlSource;
    DatabaseUrl url;
    /// Prisma 7's `prisma.config.ts` (or another name Prisma reads), when the project has one.
    QString configPath;
    /// The migrations folder the config names (absolute); empty = next to the schema.
    QString migrationsPath;
    /// What the config holds that Gatehouse could not read, as `file:line:col: warning: ...`.
    QStringList configWarnings;

    bool hasSchema() const { return !schemaFiles.isEmpty(); }
};

} // namespace gh
