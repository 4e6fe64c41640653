#include "app/cli/AuthenticatorsCommand.h"

#include "app/cli/RecordListing.h"

namespace gh::cli {

int runAuthenticatorsCommand(CliContext &context, const QStringList &arguments)
{
    ListCommandSpec spec;
    spec.group = QStringLiteral("authenticators");
    spec.model = AuthModelKind::Authenticator;
    spec.description = QStringLiteral("List WebAuthn authenticators.");
    spec.userFilter = true;
    spec.expiryFilter = false;
    spec.providerFilter = false;
    return runListGroup(context, arguments, spec);
}

} // namespace gh::cli
