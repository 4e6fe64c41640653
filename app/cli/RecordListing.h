#pragma once

#include "app/cli/CliContext.h"
#include "core/auth/AuthModel.h"
#include "core/auth/AuthWorkspace.h"

#include <QCommandLineParser>
#include <optional>

namespace gh::cli {

/// What one `<group> list` command offers: the model it lists and which filters apply.
struct ListCommandSpec
{
    QString group; ///< "sessions"
    AuthModelKind model = AuthModelKind::User;
    QString description;
    bool userFilter = false;     ///< --user ID|EMAIL
    bool expiryFilter = false;   ///< --expired / --active
    bool providerFilter = false; ///< --provider NAME
    /// The group's actions besides `list`, for the unknown-action message ("revoke").
    QStringList otherActions;
};

/// The project a command works on, opened from its --url/--schema options, with a connection.
struct OpenedProject
{
    std::optional<AuthWorkspace> workspace;
    AuthConnection connection;
    /// ExitOk, or the exit code of the error already printed.
    int exitCode = ExitOk;
    bool ok() const { return exitCode == ExitOk; }
};
OpenedProject openProject(CliContext &context, const QCommandLineParser &parser);

/// Prints the error and returns its exit code.
int failWith(CliContext &context, const Error &error);

/// Runs a `<group> list` command: parses its options, opens the project, and streams the rows
/// (keyset pages, never the whole table in memory) as a table, JSON or CSV.
///
/// Options: --search TEXT, --search-field FIELD, --sort FIELD, --desc, --limit N (default 50,
/// 0 = all), --format table|json|csv, --reveal-secrets, plus the filters the spec enables, plus
/// --url / --schema.
int runListCommand(CliContext &context, const QStringList &arguments, const ListCommandSpec &spec);

/// A command group whose one action is `list`: dispatches `arguments` (action first).
int runListGroup(CliContext &context, const QStringList &arguments, const ListCommandSpec &spec);

} // namespace gh::cli
