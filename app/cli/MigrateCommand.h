#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli migrate status|deploy|resolve|diff|dev`, printing what `prisma migrate` prints
/// (stdout, stderr and exit codes), so scripts written for Prisma carry over.
int runMigrateCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
