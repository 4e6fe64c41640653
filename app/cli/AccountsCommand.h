#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli accounts list [options]` (see RecordListing.h for the options).
int runAccountsCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
