#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace gh::cli {

// The destructive commands (issue 5), each a preview, a confirmation, then Revoker::execute():
//
//   gatehouse-cli sessions revoke (--token T | --user ID|EMAIL | --expired | --all)
//   gatehouse-cli tokens purge --expired
//   gatehouse-cli users delete ID|EMAIL
//
// Common options: --dry-run (print what would be removed, exit 0), --yes (no question; required
// when standard input is not a terminal), --audit-log PATH, --format text|json, --url, --schema.
// On a terminal without --yes they ask, and "--all" / "users delete" make the user type the
// database name / the user's email. Ctrl-C stops after the batch in flight (exit 7, logged as
// cancelled). Exit codes: see CliContext.h and the README.

/// `sessions revoke ...`; `arguments` start after "revoke".
int runSessionsRevoke(CliContext &context, const QStringList &arguments);
/// `tokens purge ...`; `arguments` start after "purge".
int runTokensPurge(CliContext &context, const QStringList &arguments);
/// `users delete ...`; `arguments` start after "delete".
int runUsersDelete(CliContext &context, const QStringList &arguments);

/// The audit log the commands write and `audit list` reads: --audit-log PATH, else the
/// environment's GATEHOUSE_AUDIT_LOG, else AuditLog::defaultPath().
QString auditLogPath(const QString &option, const CliContext &context);

} // namespace gh::cli
