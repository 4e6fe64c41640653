#pragma once

#include "core/url/EnvironmentTag.h"
#include "core/url/ProjectOptions.h"

#include <QString>

namespace gh::ui {

/// What the connection dialog hands the main window: how to open the project (a URL with its
/// password, or a folder), the environment it belongs to, and a name for the window's band.
struct ConnectionChoice
{
    /// Sensitive: urlOverride may hold the password.
    ProjectOptions options;
    EnvironmentTag tag = EnvironmentTag::Development;
    /// The saved connection's name, the folder, or the redacted URL.
    QString displayName;
};

} // namespace gh::ui
