#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace gh::cli {

/// `gatehouse-cli audit list [--limit N] [--format table|json] [--audit-log PATH]`: the last
/// entries of the audit log that revocations append to, oldest first.
int runAuditCommand(CliContext &context, const QStringList &arguments);

} // namespace gh::cli
