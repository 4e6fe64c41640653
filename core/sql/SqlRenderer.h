#pragma once

#include "core/sql/MigrationStep.h"
#include "core/sql/SqlSchema.h"

#include <QStringList>

namespace gh::sql {

/// Writes the SQL of migration steps in one database's dialect, byte for byte as Prisma's
/// schema engine writes it (its SqlRenderer implementations). Each step gives zero or more
/// statements, without their terminating semicolons.
class SqlRenderer
{
public:
    virtual ~SqlRenderer() = default;

    /// The statements of `step`, which refers to ids in `previous` and `next`.
    QStringList render(const MigrationStep &step, const SqlSchema &previous,
                       const SqlSchema &next) const;

    /// `CREATE TABLE ...` for a table of `schema` (also used for previews of a whole schema).
    virtual QString createTable(const SqlSchema &schema, int table) const = 0;

protected:
    virtual QStringList createNamespace(const SqlSchema &schema, int id) const;
    virtual QStringList createEnum(const SqlSchema &schema, int id) const;
    virtual QStringList alterEnum(const MigrationStep &step, const SqlSchema &previous,
                                  const SqlSchema &next) const;
    virtual QStringList dropEnum(const SqlSchema &schema, int id) const;
    virtual QStringList dropTable(const SqlSchema &schema, int table) const = 0;
    virtual QStringList alterTable(const MigrationStep &step, const SqlSchema &previous,
                                   const SqlSchema &next) const = 0;
    virtual QStringList redefineTables(const MigrationStep &step, const SqlSchema &previous,
                                       const SqlSchema &next) const;
    virtual QString createIndex(const SqlSchema &schema, const IndexRef &index) const = 0;
    virtual QString dropIndex(const SqlSchema &schema, const IndexRef &index) const = 0;
    virtual QStringList renameIndex(const SqlSchema &previous, const IndexRef &previousIndex,
                                    const SqlSchema &next, const IndexRef &nextIndex) const;
    virtual QString addForeignKey(const SqlSchema &schema, int foreignKey) const;
    virtual QString dropForeignKey(const SqlSchema &schema, int foreignKey) const;
    virtual QString renameForeignKey(const SqlSchema &previous, int previousForeignKey,
                                     const SqlSchema &next, int nextForeignKey) const;

    /// `[CONSTRAINT "name" ]FOREIGN KEY ("a") REFERENCES <referencedTable>("x") ON DELETE ...
    /// ON UPDATE ...` (SQLite puts a space before the referenced columns).
    static QString foreignKeyClause(const SqlSchema &schema, const ForeignKey &foreignKey,
                                    const QString &referencedTable, bool spaceBeforeColumns);
    /// `"a" DESC, "b"`: the columns of an index, with operator classes when asked for.
    static QString indexColumns(const Table &table, const Index &index, bool operatorClasses);

public:
    /// A string literal with embedded quotes doubled.
    static QString stringLiteral(const QString &value);
    /// Lowercase hex digits of `bytes`.
    static QString hex(const QByteArray &bytes);
};

} // namespace gh::sql
