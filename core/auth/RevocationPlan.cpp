#include "core/auth/RevocationPlan.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>

namespace gh {

QString revocationRowsText(AuthModelKind model, qint64 rows)
{
    const bool one = rows == 1;
    QString noun;
    switch (model) {
    case AuthModelKind::User:
        noun = one ? QStringLiteral("user") : QStringLiteral("users");
        break;
    case AuthModelKind::Account:
        noun = one ? QStringLiteral("account") : QStringLiteral("accounts");
        break;
    case AuthModelKind::Session:
        noun = one ? QStringLiteral("session") : QStringLiteral("sessions");
        break;
    case AuthModelKind::VerificationToken:
        noun = one ? QStringLiteral("verification token") : QStringLiteral("verification tokens");
        break;
    case AuthModelKind::Authenticator:
        noun = one ? QStringLiteral("authenticator") : QStringLiteral("authenticators");
        break;
    }
    return QLocale(QLocale::English).toString(rows) + QLatin1Char(' ') + noun;
}

void addRevocationCounts(QVector<RevocationCount> &into, const QVector<RevocationCount> &counts)
{
    for (const RevocationCount &c : counts) {
        auto it = std::find_if(into.begin(), into.end(),
                               [&c](const RevocationCount &k) { return k.model == c.model; });
        if (it == into.end())
            into << c;
        else
            it->rows += c.rows;
    }
}

QString revocationCountsText(const QVector<RevocationCount> &counts)
{
    QStringList parts;
    for (const RevocationCount &c : counts)
        parts << revocationRowsText(c.model, c.rows);
    return parts.join(QStringLiteral(", "));
}

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
