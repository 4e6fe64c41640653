#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace gh::cli {

/// What every CLI command gets: its streams and the process environment. Commands never touch
/// std::cout or qgetenv directly, so tests can run them in-process.
struct CliContext
{
    QTextStream &out;
    QTextStream &err;
    QProcessEnvironment environment;
    QString workingDirectory;
    bool stdinIsTerminal = false;
    /// `gatehouse-cli --read-only ...`: commands that write must refuse (Database::setReadOnly).
    bool readOnly = false;
};

/// Exit codes shared by every command (documented in the README's CLI reference).
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,      // the command ran and the answer is "no" (invalid schema, not formatted, ...)
    ExitUsage = 2,        // bad arguments
    ExitConfiguration = 3, // no schema / no URL / malformed URL
    ExitDatabase = 4,     // could not connect or a query failed
    ExitNotConfirmed = 5, // a destructive command was not confirmed (no --yes off a terminal)
    ExitReadOnly = 6,     // a write was refused: started with --read-only
    ExitCancelled = 7,    // interrupted (Ctrl-C) between batches: what was done stays done
};

} // namespace gh::cli
