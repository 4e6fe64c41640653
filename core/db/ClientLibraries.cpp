#include "core/db/ClientLibraries.h"

#include <libpq-fe.h>
#include <pqxx/version>

namespace gh {

QList<QPair<QString, QString>> clientLibraryVersions()
{
    // PQlibVersion() encodes major * 10000 + minor (since PostgreSQL 10).
    const int libpq = PQlibVersion();
    return {
        {QStringLiteral("libpqxx"), QStringLiteral(PQXX_VERSION)},
        {QStringLiteral("libpq"), QStringLiteral("%1.%2").arg(libpq / 10000).arg(libpq % 10000)},
    };
}

} // namespace gh
