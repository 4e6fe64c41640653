#pragma once

#include "core/sql/MigrationStep.h"
#include "core/sql/SqlSchema.h"

#include <vector>

namespace gh::sql {

class SqlFlavour;

/// The steps that turn one schema into another, with both schemas (steps refer to them by
/// position). Produced by SchemaDiffer; rendered by MigrationScript; checked by
/// DestructiveChangeChecker; summarised by DriftSummary.
struct Migration
{
    const SqlFlavour *flavour = nullptr;
    SqlSchema previous;
    SqlSchema next;
    std::vector<MigrationStep> steps;

    bool isEmpty() const { return steps.empty(); }
};

} // namespace gh::sql
