#include "app/cli/TokensCommand.h"

#include "app/cli/RecordListing.h"

namespace gh::cli {

int runTokensCommand(CliContext &context, const QStringList &arguments)
{
    ListCommandSpec spec;
    spec.group = QStringLiteral("tokens");
    spec.model = AuthModelKind::VerificationToken;
    spec.description =
        QStringLiteral("List verification tokens (magic links; --user matches the user's email).");
    spec.userFilter = true;
    spec.expiryFilter = true;
    spec.providerFilter = false;
    return runListGroup(context, arguments, spec);
}

} // namespace gh::cli
