#pragma once

#include "app/cli/CliContext.h"
#include "core/url/ProjectResolver.h"

#include <QCommandLineParser>

namespace gh::cli {

/// `--url URL` and `--schema PATH`, the options every command that opens a project takes.
void addProjectOptions(QCommandLineParser &parser);
ProjectOptions projectOptions(const QCommandLineParser &parser, const CliContext &context);

/// Parses `arguments` (the command's own, without the program and command names). On failure
/// prints the error and the command's usage to stderr and returns false.
bool parseCommand(QCommandLineParser &parser, const QString &commandName,
                  const QStringList &arguments, CliContext &context);

/// Prisma 7's first line when the project has a `prisma.config.ts` ("Loaded Prisma config from
/// prisma.config.ts."), then what Gatehouse could not read in it, to stderr. Nothing otherwise.
void printConfigPreamble(CliContext &context, const ResolvedProject &project);

/// Prints an Error as "gatehouse-cli: <message>" plus its detail, to stderr.
void printError(CliContext &context, const Error &error);

/// The exit code that belongs to an error.
int exitCodeFor(const Error &error);

} // namespace gh::cli
