#include "core/auth/RevocationPlan.h"

namespace gh {

RevocationConfirmation RevocationPlan::confirmation(bool production) const
{
    RevocationConfirmation confirmation;
    confirmation.question = summary + QLatin1Char('?');
    const bool deletesUser = request.action == RevocationAction::DeleteUser;
    if (deletesUser) {
        confirmation.kind = RevocationConfirmation::Kind::TypeText;
        confirmation.text = userEmail.isEmpty() ? userId : userEmail;
        confirmation.subject = userEmail.isEmpty() ? QStringLiteral("the user's id")
                                                   : QStringLiteral("the user's email");
    } else if (production || request.action == RevocationAction::AllSessions) {
        confirmation.kind = RevocationConfirmation::Kind::TypeText;
        confirmation.text = databaseName;
        confirmation.subject = QStringLiteral("the database name");
    }
    return confirmation;
}

} // namespace gh
