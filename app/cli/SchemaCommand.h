#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli schema validate [PATH]` and `gatehouse-cli schema format [PATH] [--check]
/// [--stdout]`: Prisma's `prisma validate` and `prisma format` without Node.
///
/// PATH (or --schema) is a schema file or a folder of `.prisma` files; without it the schema
/// is found as Prisma finds it (ProjectResolver::resolveSchema). No database URL is needed.
int runSchemaCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
