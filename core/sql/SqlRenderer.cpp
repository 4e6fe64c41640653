#include "core/sql/SqlRenderer.h"

#include "core/db/SqlDialect.h"

namespace gh::sql {

QStringList SqlRenderer::render(const MigrationStep &step, const SqlSchema &previous,
                                const SqlSchema &next) const
{
    using Kind = MigrationStep::Kind;
    switch (step.kind) {
    case Kind::CreateSchema:
        return createNamespace(next, step.id);
    case Kind::CreateEnum:
        return createEnum(next, step.id);
    case Kind::AlterEnum:
        return alterEnum(step, previous, next);
    case Kind::DropForeignKey:
        return {dropForeignKey(previous, step.id)};
    case Kind::DropIndex:
        return {dropIndex(previous, step.index)};
    case Kind::AlterTable:
        return alterTable(step, previous, next);
    case Kind::DropTable:
        return dropTable(previous, step.id);
    case Kind::DropEnum:
        return dropEnum(previous, step.id);
    case Kind::CreateTable:
        return {createTable(next, step.id)};
    case Kind::RedefineTables:
        return redefineTables(step, previous, next);
    case Kind::CreateIndex:
        return {createIndex(next, step.index)};
    case Kind::RenameForeignKey:
        return {renameForeignKey(previous, step.ids.previous, next, step.ids.next)};
    case Kind::AddForeignKey:
        return {addForeignKey(next, step.id)};
    case Kind::RenameIndex:
        return renameIndex(previous, step.index, next, step.nextIndex);
    case Kind::RedefineIndex:
        return {dropIndex(previous, step.index), createIndex(next, step.nextIndex)};
    }
    return {};
}

// The steps below exist only for some databases; the others never produce them.

QStringList SqlRenderer::createNamespace(const SqlSchema &, int) const
{
    return {};
}

QStringList SqlRenderer::createEnum(const SqlSchema &, int) const
{
    return {};
}

QStringList SqlRenderer::alterEnum(const MigrationStep &, const SqlSchema &,
                                   const SqlSchema &) const
{
    return {};
}

QStringList SqlRenderer::dropEnum(const SqlSchema &, int) const
{
    return {};
}

QStringList SqlRenderer::redefineTables(const MigrationStep &, const SqlSchema &,
                                        const SqlSchema &) const
{
    return {};
}

QStringList SqlRenderer::renameIndex(const SqlSchema &, const IndexRef &, const SqlSchema &,
                                     const IndexRef &) const
{
    return {};
}

QString SqlRenderer::addForeignKey(const SqlSchema &, int) const
{
    return {};
}

QString SqlRenderer::dropForeignKey(const SqlSchema &, int) const
{
    return {};
}

QString SqlRenderer::renameForeignKey(const SqlSchema &, int, const SqlSchema &, int) const
{
    return {};
}

QString SqlRenderer::indexColumns(const Table &table, const Index &index, bool operatorClasses)
{
    QStringList columns;
    for (const IndexColumn &indexColumn : index.columns) {
        QString sql =
            quoteIdentifier(SqlDialect::PostgreSQL, table.columns.at(indexColumn.column).name);
        if (operatorClasses && !indexColumn.operatorClass.isEmpty())
            sql += QLatin1Char(' ') + indexColumn.operatorClass;
        if (indexColumn.sort)
            sql += *indexColumn.sort == SortOrder::Desc ? QLatin1String(" DESC")
                                                        : QLatin1String(" ASC");
        columns.append(sql);
    }
    return columns.join(QLatin1String(", "));
}

QString SqlRenderer::foreignKeyClause(const SqlSchema &schema, const ForeignKey &fk,
                                      const QString &referencedTable, bool spaceBeforeColumns)
{
    const auto names = [](const Table &table, const QList<int> &columns) {
        QStringList quoted;
        for (const int c : columns)
            quoted.append(quoteIdentifier(SqlDialect::PostgreSQL, table.columns.at(c).name));
        return quoted.join(QLatin1String(", "));
    };
    QString sql;
    if (!fk.constraintName.isEmpty())
        sql += QLatin1String("CONSTRAINT ") +
               quoteIdentifier(SqlDialect::PostgreSQL, fk.constraintName) + QLatin1Char(' ');
    return sql + QLatin1String("FOREIGN KEY (") + names(schema.table(fk.table), fk.columns) +
           QLatin1String(") REFERENCES ") + referencedTable +
           (spaceBeforeColumns ? QLatin1String(" (") : QLatin1String("(")) +
           names(schema.table(fk.referencedTable), fk.referencedColumns) +
           QLatin1String(") ON DELETE ") + foreignKeyActionSql(fk.onDelete) +
           QLatin1String(" ON UPDATE ") + foreignKeyActionSql(fk.onUpdate);
}

QString SqlRenderer::stringLiteral(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString SqlRenderer::hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

} // namespace gh::sql
