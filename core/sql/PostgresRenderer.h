#pragma once

#include "core/sql/SqlRenderer.h"

namespace gh::sql {

/// PostgreSQL's SQL as Prisma's postgres renderer writes it.
class PostgresRenderer : public SqlRenderer
{
public:
    QString createTable(const SqlSchema &schema, int table) const override;

    /// `TEXT`, `VARCHAR(255)`, `SERIAL`, `"Role"[]`, ...
    static QString columnType(const SqlSchema &schema, const Column &column);
    /// The SQL of a default, empty when it has none (sequences, `dbgenerated()`).
    static QString defaultValue(const DefaultValue &value, const QString &columnType);

protected:
    QStringList createNamespace(const SqlSchema &schema, int id) const override;
    QStringList createEnum(const SqlSchema &schema, int id) const override;
    QStringList alterEnum(const MigrationStep &step, const SqlSchema &previous,
                          const SqlSchema &next) const override;
    QStringList dropEnum(const SqlSchema &schema, int id) const override;
    QStringList dropTable(const SqlSchema &schema, int table) const override;
    QStringList alterTable(const MigrationStep &step, const SqlSchema &previous,
                           const SqlSchema &next) const override;
    QString createIndex(const SqlSchema &schema, const IndexRef &index) const override;
    QString dropIndex(const SqlSchema &schema, const IndexRef &index) const override;
    QStringList renameIndex(const SqlSchema &previous, const IndexRef &previousIndex,
                            const SqlSchema &next, const IndexRef &nextIndex) const override;
    QString addForeignKey(const SqlSchema &schema, int foreignKey) const override;
    QString dropForeignKey(const SqlSchema &schema, int foreignKey) const override;
    QString renameForeignKey(const SqlSchema &previous, int previousForeignKey,
                             const SqlSchema &next, int nextForeignKey) const override;

private:
    static QString quote(const QString &name);
    /// `"name"`, or `"namespace"."name"` when the schema spans several namespaces.
    static QString qualified(const SqlSchema &schema, int namespaceId, const QString &name);
    static QString tableName(const SqlSchema &schema, int table);
    /// As written from the object itself: introspected objects always name their namespace.
    static QString ownName(const SqlSchema &schema, int namespaceId, const QString &name);
    static QString column(const SqlSchema &schema, const Column &column);
    void alterColumn(const SqlSchema &previous, const SqlSchema &next, const Pair<int> &tables,
                     const TableChange &change, QStringList &before, QStringList &clauses,
                     QStringList &after) const;
};

} // namespace gh::sql
