#include "core/db/Database.h"

#include "core/db/PostgresDatabase.h"
#include "core/db/SqliteDatabase.h"
#include "core/url/DatabaseUrl.h"

namespace gh {

namespace {

// A QueryResult behind the RawResult interface: its cells are already converted.
class ConvertedResult final : public RawResult
{
public:
    explicit ConvertedResult(QueryResult result)
        : m_result(std::move(result))
    {}
    int rowCount() const override { return m_result.rowCount(); }
    int columnCount() const override { return m_result.columnCount(); }
    QVariant value(int row, int column) const override { return m_result.value(row, column); }

private:
    QueryResult m_result;
};

} // namespace

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

Result<std::shared_ptr<const RawResult>> Database::queryRaw(const SqlStatement &statement)
{
    auto result = query(statement);
    if (!result)
        return result.error();
    return std::shared_ptr<const RawResult>(
        std::make_shared<ConvertedResult>(std::move(result.value())));
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
