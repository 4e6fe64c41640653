#include "app/cli/TokensCommand.h"

#include "app/cli/RecordListing.h"
#include "app/cli/RevokeCommands.h"

namespace gh::cli {

int runTokensCommand(CliContext &context, const QStringList &arguments)
{
    if (arguments.value(0) == QLatin1String("purge"))
        return runTokensPurge(context, arguments.mid(1));
    ListCommandSpec spec;
    spec.group = QStringLiteral("tokens");
    spec.model = AuthModelKind::VerificationToken;
    spec.description =
        QStringLiteral("List verification tokens (magic links; --user matches the user's email).");
    spec.userFilter = true;
    spec.expiryFilter = true;
    spec.providerFilter = false;
    spec.otherActions = {QStringLiteral("purge")};
    return runListGroup(context, arguments, spec);
}

} // namespace gh::cli
