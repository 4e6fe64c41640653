#include "app/cli/AccountsCommand.h"

#include "app/cli/RecordListing.h"

namespace gh::cli {

int runAccountsCommand(CliContext &context, const QStringList &arguments)
{
    ListCommandSpec spec;
    spec.group = QStringLiteral("accounts");
    spec.model = AuthModelKind::Account;
    spec.description =
        QStringLiteral("List accounts (OAuth, email and credentials providers linked to users).");
    spec.userFilter = true;
    spec.expiryFilter = false;
    spec.providerFilter = true;
    return runListGroup(context, arguments, spec);
}

} // namespace gh::cli
