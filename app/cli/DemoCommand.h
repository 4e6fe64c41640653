#pragma once

#include "app/cli/CliContext.h"

namespace gh::cli {

/// `gatehouse-cli demo create [DIR]`
int runDemoCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
