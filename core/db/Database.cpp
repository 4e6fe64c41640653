#include "core/db/Database.h"

#include "core/db/PostgresDatabase.h"
#include "core/db/SqliteDatabase.h"
#include "core/url/DatabaseUrl.h"

namespace gh {

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url, OpenMode mode)
{
    switch (url.provider()) {
    case DatabaseUrl::Provider::PostgreSQL:
        return PostgresDatabase::connect(url);
    case DatabaseUrl::Provider::SQLite:
        return SqliteDatabase::openFile(url.sqliteFilePath(), mode);
    }
    return Error(Error::Code::UrlUnsupportedScheme, QStringLiteral("Unsupported database"));
}

void Database::setReadOnly(const QString &reason)
{
    m_readOnlyReason = reason;
    applyReadOnly(!reason.isEmpty());
}

Error Database::readOnlyError() const
{
    return Error(Error::Code::ReadOnly,
                 QStringLiteral("Read-only mode: nothing can be changed (%1)").arg(m_readOnlyReason));
}

} // namespace gh
