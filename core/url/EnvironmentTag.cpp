#include "core/url/EnvironmentTag.h"

namespace gh {

QList<EnvironmentTag> allEnvironmentTags()
{
    return {EnvironmentTag::Development, EnvironmentTag::Staging, EnvironmentTag::Production};
}

QString environmentTagName(EnvironmentTag tag)
{
    switch (tag) {
    case EnvironmentTag::Development:
        return QStringLiteral("development");
    case EnvironmentTag::Staging:
        return QStringLiteral("staging");
    case EnvironmentTag::Production:
        return QStringLiteral("production");
    }
    return QString();
}

QString environmentTagTitle(EnvironmentTag tag)
{
    switch (tag) {
    case EnvironmentTag::Development:
        return QStringLiteral("Development");
    case EnvironmentTag::Staging:
        return QStringLiteral("Staging");
    case EnvironmentTag::Production:
        return QStringLiteral("Production");
    }
    return QString();
}

QString environmentTagColorName(EnvironmentTag tag)
{
    switch (tag) {
    case EnvironmentTag::Development:
        return QStringLiteral("#2e7d32");
    case EnvironmentTag::Staging:
        return QStringLiteral("#f9a825");
    case EnvironmentTag::Production:
        return QStringLiteral("#c62828");
    }
    return QString();
}

QString environmentTagTextColorName(EnvironmentTag tag)
{
    // Amber is too light for white text.
    return tag == EnvironmentTag::Staging ? QStringLiteral("#000000") : QStringLiteral("#ffffff");
}

std::optional<EnvironmentTag> environmentTagFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("development") || key == QLatin1String("dev"))
        return EnvironmentTag::Development;
    if (key == QLatin1String("staging") || key == QLatin1String("stage"))
        return EnvironmentTag::Staging;
    if (key == QLatin1String("production") || key == QLatin1String("prod"))
        return EnvironmentTag::Production;
    return std::nullopt;
}

bool needsStrictConfirmation(EnvironmentTag tag)
{
    return tag == EnvironmentTag::Production;
}

} // namespace gh
