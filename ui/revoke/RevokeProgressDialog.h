#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace gh::ui {

/// A revocation running: rows done of the total, and Cancel, which stops after the batch in
/// flight (what was removed stays removed). Once it ends, the same dialog says how it ended and
/// the button becomes Close. Closing the window or Escape while it runs asks to cancel.
class RevokeProgressDialog : public QDialog
{
    Q_OBJECT

public:
    RevokeProgressDialog(const QString &title, qint64 total, QWidget *parent = nullptr);

    void setProgress(qint64 done, qint64 total);
    /// The end: `message` says what was removed; `ok` false shows it as a failure.
    void finish(const QString &message, bool ok);

    bool isFinished() const { return m_finished; }
    bool isCancelling() const { return m_cancelling; }
    qint64 done() const { return m_done; }
    QString statusText() const;
    QPushButton *button() const { return m_button; }
    QProgressBar *bar() const { return m_bar; }

    void reject() override;

Q_SIGNALS:
    void cancelRequested();

private:
    void requestCancel();

    QLabel *m_status = nullptr;
    QLabel *m_rows = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_button = nullptr;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_finished = false;
    bool m_cancelling = false;
};

} // namespace gh::ui
