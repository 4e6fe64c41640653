#include "core/migrate/DriftDetector.h"

#include "core/db/Database.h"
#include "core/migrate/ShadowDatabase.h"
#include "core/sql/DriftSummary.h"
#include "core/sql/SchemaDiffer.h"
#include "core/sql/SchemaIntrospector.h"
#include "core/sql/SqlFlavour.h"

namespace gh {

MigrationStatus::Drift DriftDetector::compare(const sql::Migration &drift)
{
    MigrationStatus::Drift result;
    result.detected = !drift.isEmpty();
    if (result.detected)
        result.summary = sql::DriftSummary::render(drift);
    return result;
}

Migrator::DriftCheck DriftDetector::shadowCheck(const MigrationTarget &target)
{
    return shadowCheck(target, Options());
}

Migrator::DriftCheck DriftDetector::shadowCheck(const MigrationTarget &target,
                                                const Options &options)
{
    return [target,
            options](Database &database,
                     const QVector<MigrationDirectory> &applied) -> Result<MigrationStatus::Drift> {
        auto shadow = ShadowDatabase::create(target.url, options.fallback);
        if (!shadow)
            return shadow.error();
        if (options.log)
            options.log(QStringLiteral("Replaying %1 applied migration(s) on the %2 to check for "
                                       "drift.")
                            .arg(applied.size())
                            .arg((*shadow)->description()));
        const Status replayed = (*shadow)->apply(applied, options.isCancelled);
        if (!replayed) {
            if (replayed.error().code() == Error::Code::Cancelled)
                return replayed.error();
            MigrationStatus::Drift failed;
            failed.error = replayed.error().fullText();
            return failed;
        }
        auto expected = (*shadow)->introspect(database.schema());
        if (!expected)
            return expected.error();
        const Status dropped = (*shadow)->drop();
        if (!dropped)
            return dropped.error();
        auto live = sql::SchemaIntrospector::introspect(database, options.isCancelled);
        if (!live)
            return live.error();
        const sql::SqlFlavour *flavour = sql::SqlFlavour::forDialect(database.dialect());
        return compare(sql::SchemaDiffer::diff(std::move(expected.value()), std::move(live.value()),
                                               *flavour));
    };
}

} // namespace gh
