#include "ui/revoke/RevokeProgressDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace gh::ui {

namespace {

// QProgressBar counts in int: large totals are shown in thousandths.
constexpr int kScale = 1000;

} // namespace

RevokeProgressDialog::RevokeProgressDialog(const QString &title, qint64 total, QWidget *parent)
    : QDialog(parent)
    , m_total(total)
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("revokeProgressDialog"));
    setFixedWidth(460); // the status wraps: see RevokeConfirmDialog

    m_status = new QLabel(tr("Removing rows in short transactions…"), this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rows = new QLabel(this);
    m_rows->setObjectName(QStringLiteral("rowsDone"));
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, kScale);
    m_bar->setValue(0);
    m_button = new QPushButton(tr("Cancel"), this);
    m_button->setObjectName(QStringLiteral("cancelButton"));
    m_button->setAutoDefault(false);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_finished)
            accept();
        else
            requestCancel();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_button);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_bar);
    layout->addWidget(m_rows);
    layout->addStretch(1);
    layout->addLayout(buttons);
    setProgress(0, total);
}

void RevokeProgressDialog::setProgress(qint64 done, qint64 total)
{
    m_done = done;
    m_total = std::max(total, done);
    const QLocale locale;
    m_rows->setText(
        tr("%1 of %2 rows removed").arg(locale.toString(m_done), locale.toString(m_total)));
    m_bar->setValue(m_total > 0 ? int(m_done * kScale / m_total) : 0);
}

void RevokeProgressDialog::requestCancel()
{
    if (m_cancelling || m_finished)
        return;
    m_cancelling = true;
    m_button->setEnabled(false);
    m_status->setText(tr("Cancelling after the batch in flight; what was removed stays removed…"));
    Q_EMIT cancelRequested();
}

void RevokeProgressDialog::reject()
{
    if (m_finished)
        QDialog::reject();
    else
        requestCancel();
}

void RevokeProgressDialog::finish(const QString &message, bool ok)
{
    m_finished = true;
    m_status->setText(message);
    if (!ok)
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_button->setText(tr("Close"));
    m_button->setEnabled(true);
    m_button->setFocus();
    // The message may wrap over several lines: grow to show it whole.
    layout()->activate();
    resize(width(), layout()->totalHeightForWidth(width()));
}

QString RevokeProgressDialog::statusText() const
{
    return m_status->text();
}

} // namespace gh::ui
