#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli authenticators list [options]` (see RecordListing.h for the options).
int runAuthenticatorsCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
