#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace gh::ui {

/// A centred message with an optional detail (hidden behind a toggle) and an action button:
/// what the window shows while loading and when a database cannot be opened.
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

private:
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_detail = nullptr;
    QToolButton *m_detailToggle = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace gh::ui
