#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace gh {

/// What the user told us about the project: the CLI's --url and --schema, where it runs and
/// with which environment.
struct ProjectOptions
{
    /// `--url`: wins over every other source. Sensitive.
    QString urlOverride;
    /// `--schema PATH`: a .prisma file or a folder of them (a multi-file schema); relative
    /// paths are relative to workingDirectory.
    QString schemaOverride;
    /// Empty means the process's current directory.
    QString workingDirectory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    /// With urlOverride given, or DATABASE_URL set in `environment`, and no schema found in
    /// the default places, resolve the URL alone (the result has no schema files) instead of
    /// failing with SchemaNotFound: the CLI and the GUI can open a bare URL. A `.env` file
    /// alone is not enough, and a missing --schema PATH is always an error.
    bool allowUrlWithoutSchema = true;
};

} // namespace gh
