#pragma once

#include <QIcon>

// Status icons of the Migrations view, drawn at run time so they follow no image resources.
namespace gh::ui::MigrationIcons {

enum class Kind {
    Applied,        ///< a green disc with a tick
    Pending,        ///< a blue ring
    Failed,         ///< a red disc with a cross
    Edited,         ///< an amber triangle with a bar: the script changed after it ran
    MissingLocally, ///< a purple disc with a question mark: only the database has it
    Unknown,        ///< a grey ring: the database could not be read
};

QIcon icon(Kind kind);

} // namespace gh::ui::MigrationIcons
