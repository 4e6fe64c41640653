#include "ui/window/MessagePanel.h"

#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace gh::ui {

MessagePanel::MessagePanel(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_detailToggle = new QToolButton(this);
    m_detailToggle->setText(tr("Show details"));
    m_detailToggle->setCheckable(true);
    m_detailToggle->setAutoRaise(true);

    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setFrameShape(QFrame::StyledPanel);
    m_detail->setMargin(8);
    m_detail->setFont(QFont(QStringLiteral("monospace")));
    m_detail->hide();
    connect(m_detailToggle, &QToolButton::toggled, this, [this](bool on) {
        m_detail->setVisible(on);
        m_detailToggle->setText(on ? tr("Hide details") : tr("Show details"));
    });

    m_retry = new QPushButton(tr("Try again"), this);
    connect(m_retry, &QPushButton::clicked, this, &MessagePanel::retryRequested);
    m_connect = new QPushButton(tr("Connect…"), this);
    connect(m_connect, &QPushButton::clicked, this, &MessagePanel::connectRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_connect);
    buttons->addStretch(1);

    auto *column = new QVBoxLayout;
    column->addStretch(2);
    column->addWidget(m_title);
    column->addWidget(m_message);
    column->addWidget(m_detailToggle, 0, Qt::AlignHCenter);
    column->addWidget(m_detail);
    column->addLayout(buttons);
    column->addStretch(3);

    auto *row = new QHBoxLayout(this);
    row->addStretch(1);
    row->addLayout(column, 4);
    row->addStretch(1);
}

void MessagePanel::showBusy(const QString &title)
{
    m_title->setText(title);
    m_message->clear();
    m_detail->clear();
    m_detailToggle->hide();
    m_detail->hide();
    m_retry->hide();
    m_connect->hide();
}

void MessagePanel::showError(const QString &title, const QString &message, const QString &detail)
{
    m_title->setText(title);
    m_message->setText(message);
    m_detail->setText(detail);
    m_detailToggle->setVisible(!detail.isEmpty());
    m_detailToggle->setChecked(false);
    m_retry->show();
    m_connect->show();
}

QString MessagePanel::title() const
{
    return m_title->text();
}

QString MessagePanel::message() const
{
    return m_message->text();
}

} // namespace gh::ui
