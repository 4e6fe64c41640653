#pragma once

#include "core/sql/Migration.h"

#include <QString>

namespace gh::sql {

/// The human summary of a migration that `prisma migrate diff` prints without `--script` and
/// `prisma migrate dev` prints for drift (Prisma's SqlMigration::drift_summary):
///
///     [+] Added tables
///       - Post
///
///     [*] Changed the `User` table
///       [+] Added column `role`
///
/// Sections come in a fixed order (added enums, added tables, removed enums, removed tables,
/// redefined tables, changed enums, changed tables), changed items by name.
class DriftSummary
{
public:
    /// "No difference detected." for an empty migration.
    static QString render(const Migration &migration);
};

} // namespace gh::sql
