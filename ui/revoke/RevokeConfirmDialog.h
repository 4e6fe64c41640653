#pragma once

#include "core/auth/RevocationConfirmation.h"
#include "core/common/Error.h"
#include "ui/revoke/RevocationWorker.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace gh::ui {

/// Asks before anything is deleted. Opens busy ("Counting…") while the worker computes the
/// preview from the database, then shows what will be removed (the count per table, as of the
/// database's clock), the warnings the plan carries, and, where the action needs it (every
/// session, delete user, any action on a production connection), a line where the user types
/// the database name or the user's email: the destructive button stays disabled until it
/// matches. Displays only: the controller runs the preview and the action.
class RevokeConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    /// `title`: "Revoke Expired Sessions"; `confirmText`: the destructive button ("Revoke").
    RevokeConfirmDialog(const QString &title, const QString &confirmText,
                        QWidget *parent = nullptr);

    /// A connection marked production: every action asks for the typed name.
    void setStrict(bool strict) { m_strict = strict; }
    bool isStrict() const { return m_strict; }

    void showCounting();
    void showPreview(const RevocationPreview &preview);
    void showError(const Error &error);

    bool isCounting() const { return m_counting; }
    const RevocationPreview &preview() const { return m_preview; }
    /// What the user must do; valid once the preview is shown.
    const RevocationConfirmation &confirmation() const { return m_confirmation; }

    QLabel *questionLabel() const { return m_question; }
    QLineEdit *confirmationEdit() const { return m_typed; }
    QPushButton *confirmButton() const { return m_confirm; }
    /// The texts shown (question, counts, warnings, prompt), for tests and screen readers.
    QString shownText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateConfirmButton();
    void fitToContents();
    void clearDetails();
    QLabel *addDetail(const QString &text, const QString &style = QString());

    bool m_strict = false;
    bool m_counting = false;
    bool m_ready = false;
    RevocationPreview m_preview;
    RevocationConfirmation m_confirmation;
    QLabel *m_icon = nullptr;
    QLabel *m_question = nullptr;
    QProgressBar *m_busy = nullptr;
    QWidget *m_details = nullptr;
    QVBoxLayout *m_detailsLayout = nullptr;
    QLabel *m_prompt = nullptr;
    QLineEdit *m_typed = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace gh::ui
