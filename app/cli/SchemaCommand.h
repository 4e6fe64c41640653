#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli schema validate [PATH]` and `gatehouse-cli schema format [PATH] [--check]
/// [--stdout]`: Prisma's `prisma validate` and `prisma format` without Node.
///
/// PATH (or --schema) is a schema file or a folder of `.prisma` files; without it the schema
/// is found as Prisma finds it (ProjectResolver::resolveSchema). No database URL is needed.
///
/// validate prints what gh::prisma::validate() finds, `file:line:col: error|warning: message`
/// on stderr, and exits 1 when there are errors. format writes what prisma::Formatter makes of
/// each file (atomically, only the files that change); like prisma format it writes nothing
/// when the schema does not parse or is invalid once formatted (formatting can mend a missing
/// back-relation field, nothing else), and then exits 1 with the diagnostics.
int runSchemaCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
