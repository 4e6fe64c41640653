#pragma once

#include "core/prisma/SourceRange.h"

#include <QByteArrayView>
#include <QString>

namespace gh::prisma {

class SchemaSource;
struct Block;
struct ParsedFile;

/// The `url` property of a schema's datasource, as written.
struct DatasourceUrl
{
    enum class Kind {
        Absent,              ///< no datasource, or no `url` in it (Prisma 7: prisma.config.ts)
        EnvironmentVariable, ///< `url = env("DATABASE_URL")`: value is the variable's name
        Literal,             ///< `url = "postgresql://..."`: value is the URL
        Invalid,             ///< `url = 5`, `url = env()`: nothing usable (the validator says why)
    };

    Kind kind = Kind::Absent;
    QString value;
    QString datasource; ///< the block's name, e.g. `db`
    QString file;       ///< path of the file that holds the datasource block
    SourceRange range;  ///< the url's value expression in that file
};

/// The url of the first datasource block of the schema (files in order; Prisma allows one).
DatasourceUrl datasourceUrl(const SchemaSource &schema);

/// A URL property of one datasource block: `url` (the default), `directUrl` or
/// `shadowDatabaseUrl`.
DatasourceUrl datasourceUrl(const ParsedFile &file, const Block &datasource,
                            QByteArrayView name = "url");

} // namespace gh::prisma
