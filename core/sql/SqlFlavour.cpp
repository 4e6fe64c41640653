#include "core/sql/SqlFlavour.h"

#include "core/sql/PostgresFlavour.h"
#include "core/sql/SqliteFlavour.h"

namespace gh::sql {

const SqlFlavour *SqlFlavour::forProvider(QStringView provider)
{
    static const PostgresFlavour postgres;
    static const SqliteFlavour sqlite;
    if (provider == QLatin1String("postgresql") || provider == QLatin1String("postgres"))
        return &postgres;
    if (provider == QLatin1String("sqlite"))
        return &sqlite;
    return nullptr;
}

const SqlFlavour *SqlFlavour::forDialect(SqlDialect dialect)
{
    return forProvider(dialect == SqlDialect::PostgreSQL ? QStringLiteral("postgresql")
                                                         : QStringLiteral("sqlite"));
}

QString SqlFlavour::displayColumnType(const Column &column) const
{
    if (column.type.nativeType.isValid())
        return column.type.nativeType.toString();
    return columnTypeFamilyName(column.type.family);
}

} // namespace gh::sql
