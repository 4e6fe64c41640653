#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli users list [options]` (see RecordListing.h) and
/// `gatehouse-cli users show ID|EMAIL [--format table|json] [--reveal-secrets]`: the user's whole
/// picture (profile, accounts, sessions, authenticators, verification tokens for their email).
int runUsersCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
