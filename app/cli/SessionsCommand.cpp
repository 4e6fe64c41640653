#include "app/cli/SessionsCommand.h"

#include "app/cli/RecordListing.h"
#include "app/cli/RevokeCommands.h"

namespace gh::cli {

int runSessionsCommand(CliContext &context, const QStringList &arguments)
{
    if (arguments.value(0) == QLatin1String("revoke"))
        return runSessionsRevoke(context, arguments.mid(1));
    ListCommandSpec spec;
    spec.group = QStringLiteral("sessions");
    spec.model = AuthModelKind::Session;
    spec.description =
        QStringLiteral("List sessions (Auth.js database strategy: one row per signed-in browser).");
    spec.userFilter = true;
    spec.expiryFilter = true;
    spec.providerFilter = false;
    spec.otherActions = {QStringLiteral("revoke")};
    return runListGroup(context, arguments, spec);
}

} // namespace gh::cli
