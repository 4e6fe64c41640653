#pragma once

#include "core/db/Database.h"

namespace gh {

/// SQLite through Qt Sql's QSQLITE driver. Each instance owns a uniquely named QSqlDatabase
/// connection that belongs to the thread that opened it.
class SqliteDatabase final : public Database
{
public:
    ~SqliteDatabase() override;

    static Result<std::unique_ptr<Database>> openFile(const QString &path, OpenMode mode);

    SqlDialect dialect() const override { return SqlDialect::SQLite; }
    QString schema() const override { return QString(); }
    QString displayName() const override { return m_displayName; }

    Result<QueryResult> query(const SqlStatement &statement) override;
    Result<qint64> execute(const SqlStatement &statement) override;
    Status transaction(const std::function<Status()> &work) override;
    Status executeScript(const QString &sql) override;
    Result<QHash<QString, QStringList>> tableColumnsIn(const QString &schema) override;
    Result<QString> serverVersion() override;

protected:
    void applyReadOnly(bool readOnly) override;

private:
    SqliteDatabase(QString connectionName, QString displayName);

    QString m_connectionName;
    QString m_displayName;
    bool m_inTransaction = false;
};

} // namespace gh
