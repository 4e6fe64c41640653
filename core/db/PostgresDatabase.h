#pragma once

#include "core/db/Database.h"

#include <memory>

namespace gh {

/// PostgreSQL through libpqxx. Statements run with PQexecParams (unnamed statements), which
/// PgBouncer's transaction pooling supports, and outside explicit transactions unless
/// `transaction()` asks for one.
class PostgresDatabase final : public Database
{
public:
    ~PostgresDatabase() override;

    static Result<std::unique_ptr<Database>> connect(const DatabaseUrl &url);

    SqlDialect dialect() const override { return SqlDialect::PostgreSQL; }
    QString schema() const override { return m_schema; }
    QString displayName() const override { return m_displayName; }

    Result<QueryResult> query(const SqlStatement &statement) override;
    Result<std::shared_ptr<const RawResult>> queryRaw(const SqlStatement &statement) override;
    Result<qint64> execute(const SqlStatement &statement) override;
    Status transaction(const std::function<Status()> &work) override;
    Status executeScript(const QString &sql) override;
    bool cancelRunningQuery() override;
    Result<QHash<QString, QStringList>> tableColumnsIn(const QString &schema) override;
    Result<QString> serverVersion() override;

private:
    // libpqxx stays out of the header: its `connection` is a typedef that cannot be forward
    // declared, and nothing outside this backend should see it.
    struct Handle;

    PostgresDatabase(std::unique_ptr<Handle> handle, QString schema, QString displayName);

    // Runs on the open transaction, or on a fresh autocommit one.
    template <typename Fn>
    auto withTransaction(Fn &&fn);
    Error queryError(const std::exception &e) const;

    std::unique_ptr<Handle> m_handle;
    QString m_schema;
    QString m_displayName;
};

} // namespace gh
