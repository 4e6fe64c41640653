#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace gh {

/// The database client libraries Gatehouse runs with, as (name, version) pairs for the About
/// dialog and bug reports: libpqxx (compiled against) and libpq (loaded at run time).
QList<QPair<QString, QString>> clientLibraryVersions();

} // namespace gh
