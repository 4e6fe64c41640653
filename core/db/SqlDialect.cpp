#include "core/db/SqlDialect.h"

namespace gh {

QString quoteIdentifier(SqlDialect dialect, const QString &name)
{
    Q_UNUSED(dialect) // identical today; MySQL's backticks would branch here
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString qualifiedName(SqlDialect dialect, const QString &schema, const QString &name)
{
    if (dialect == SqlDialect::SQLite || schema.isEmpty())
        return quoteIdentifier(dialect, name);
    return quoteIdentifier(dialect, schema) + QLatin1Char('.') + quoteIdentifier(dialect, name);
}

QString placeholder(SqlDialect dialect, int index)
{
    if (dialect == SqlDialect::PostgreSQL)
        return QLatin1Char('$') + QString::number(index);
    return QStringLiteral("?");
}

QString dialectName(SqlDialect dialect)
{
    return dialect == SqlDialect::PostgreSQL ? QStringLiteral("PostgreSQL")
                                             : QStringLiteral("SQLite");
}

} // namespace gh
