#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli sessions list [options]` (see RecordListing.h for the options).
int runSessionsCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
