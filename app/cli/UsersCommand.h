#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli users list [--limit N] [--format table|json|csv]`
int runUsersCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
