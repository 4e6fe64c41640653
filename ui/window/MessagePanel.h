#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace gh::ui {

/// A centred message with an optional detail (hidden behind a toggle) and two ways on: try again,
/// or connect to another database. What the window shows while loading and when a database
/// cannot be opened.
class MessagePanel : public QWidget
{
    Q_OBJECT

public:
    explicit MessagePanel(QWidget *parent = nullptr);

    void showBusy(const QString &title);
    void showError(const QString &title, const QString &message, const QString &detail);

    QString title() const;
    QString message() const;

Q_SIGNALS:
    void retryRequested();
    /// "Connect…": the user wants to open another database (the connection dialog).
    void connectRequested();

private:
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_detail = nullptr;
    QToolButton *m_detailToggle = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_connect = nullptr;
};

} // namespace gh::ui
