#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli tokens list [options]` (see RecordListing.h for the options).
int runTokensCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
