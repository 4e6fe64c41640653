#pragma once

#include "core/sql/SqlRenderer.h"

namespace gh::sql {

/// SQLite's SQL as Prisma's sqlite renderer writes it: foreign keys inside CREATE TABLE, and
/// tables rebuilt through `new_<table>` when they change beyond adding a column.
class SqliteRenderer : public SqlRenderer
{
public:
    QString createTable(const SqlSchema &schema, int table) const override;

    /// `TEXT`, `INTEGER`, `DATETIME`, ... by column family.
    static QString columnType(const Column &column);
    static QString defaultValue(const DefaultValue &value);

protected:
    QStringList dropTable(const SqlSchema &schema, int table) const override;
    QStringList alterTable(const MigrationStep &step, const SqlSchema &previous,
                           const SqlSchema &next) const override;
    QStringList redefineTables(const MigrationStep &step, const SqlSchema &previous,
                               const SqlSchema &next) const override;
    QString createIndex(const SqlSchema &schema, const IndexRef &index) const override;
    QString dropIndex(const SqlSchema &schema, const IndexRef &index) const override;

private:
    static QString quote(const QString &name);
    static QString column(const Table &table, int column);
    QString createTableAs(const SqlSchema &schema, int table, const QString &name) const;
};

} // namespace gh::sql
