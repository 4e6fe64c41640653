#include "core/url/ConnectionProfile.h"

#include "core/url/ConnectionParameters.h"

namespace gh {

ProjectOptions ConnectionProfile::projectOptions(const QString &password) const
{
    ProjectOptions options;
    if (isProjectFolder()) {
        options.workingDirectory = projectFolder;
        return options;
    }
    auto parameters = ConnectionParameters::fromUrl(url);
    if (parameters && !password.isEmpty()) {
        parameters->password = password;
        options.urlOverride = parameters->toUrl();
    } else {
        options.urlOverride = url; // an invalid URL fails where it is opened, with its message
    }
    return options;
}

} // namespace gh
