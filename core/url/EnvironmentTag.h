#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace gh {

/// What a connection is used for. Production makes Gatehouse stricter: a red band in the window
/// and confirmations that ask for more (revocation). Kept free of any screen type: colours are
/// "#rrggbb" names that QColor reads.
enum class EnvironmentTag { Development, Staging, Production };

/// Every tag, least dangerous first (the order of the dialog's list).
QList<EnvironmentTag> allEnvironmentTags();
/// The stable lower-case name kept in settings and accepted on command lines: "development",
/// "staging", "production".
QString environmentTagName(EnvironmentTag tag);
/// The capitalised word people read: "Development", "Staging", "Production".
QString environmentTagTitle(EnvironmentTag tag);
/// The band's colour: green, amber, red.
QString environmentTagColorName(EnvironmentTag tag);
/// The colour of text drawn on the band, readable on environmentTagColorName().
QString environmentTagTextColorName(EnvironmentTag tag);
/// Reads a name case-insensitively ("prod" and "dev" too); nullopt when it is none.
std::optional<EnvironmentTag> environmentTagFromName(const QString &name);
/// True where destructive actions must ask for the typed name, not only a click.
bool needsStrictConfirmation(EnvironmentTag tag);

} // namespace gh
