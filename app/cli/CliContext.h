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
};

/// Exit codes shared by every command (documented in the README's CLI reference).
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,      // the command ran and the answer is "no" (invalid schema, not formatted, ...)
    ExitUsage = 2,        // bad arguments
    ExitConfiguration = 3, // no schema / no URL / malformed URL
    ExitDatabase = 4,     // could not connect or a query failed
};

} // namespace gh::cli
