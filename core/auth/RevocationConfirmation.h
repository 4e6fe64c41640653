#pragma once

#include <QString>

namespace gh {

/// What the user must do before a destructive action runs, as data the GUI's dialog and the
/// CLI's prompt both follow. Every action asks, showing the count; "revoke every session" and
/// "delete user" (and every action on a connection marked production) make the user type a
/// name, so that a reflex click or a pasted command cannot do it.
struct RevocationConfirmation
{
    enum class Kind {
        Confirm,  ///< a yes/no question with the count
        TypeText, ///< the user must type `text` exactly
    };
    Kind kind = Kind::Confirm;
    /// The question, with the count: "Revoke 3 sessions of ada@example.com?"
    QString question;
    /// TypeText: what must be typed (the database name, the user's email or id).
    QString text;
    /// TypeText: what `text` is, for the label: "the database name", "the user's email".
    QString subject;

    bool requiresTyping() const { return kind == Kind::TypeText; }
    /// "Type the database name (app) to confirm." Empty for Confirm.
    QString prompt() const
    {
        return requiresTyping() ? QStringLiteral("Type %1 (%2) to confirm.").arg(subject, text)
                                : QString();
    }
    /// True when `typed` confirms: always for Confirm; for TypeText, `text` exactly (surrounding
    /// whitespace ignored, case kept).
    bool accepts(const QString &typed) const
    {
        return !requiresTyping() || (!text.isEmpty() && typed.trimmed() == text);
    }
};

} // namespace gh
