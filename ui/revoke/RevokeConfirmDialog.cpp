#include "ui/revoke/RevokeConfirmDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace gh::ui {

namespace {

QString severityStyle(RevocationWarning::Severity severity)
{
    switch (severity) {
    case RevocationWarning::Severity::Info:
        return QString();
    case RevocationWarning::Severity::Warning:
        return QStringLiteral("color: #9a5b00;");
    case RevocationWarning::Severity::Blocking:
        return QStringLiteral("color: #b00020; font-weight: bold;");
    }
    return QString();
}

QString severityPrefix(RevocationWarning::Severity severity)
{
    switch (severity) {
    case RevocationWarning::Severity::Info:
        return QObject::tr("Note:");
    case RevocationWarning::Severity::Warning:
        return QObject::tr("Warning:");
    case RevocationWarning::Severity::Blocking:
        return QObject::tr("Cannot run:");
    }
    return QString();
}

bool isBulk(RevocationAction action)
{
    return action != RevocationAction::Session && action != RevocationAction::DeleteUser;
}

} // namespace

RevokeConfirmDialog::RevokeConfirmDialog(const QString &title, const QString &confirmText,
                                         QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("revokeConfirmDialog"));
    // A fixed width: the wrapped lines then decide the height, which a window's layout does not
    // do by itself (heightForWidth is not applied to top-level widgets).
    setFixedWidth(560);

    m_icon = new QLabel(this);
    m_question = new QLabel(this);
    m_question->setObjectName(QStringLiteral("question"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    QFont bold = m_question->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_question->setFont(bold);
    m_question->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(12);

    m_details = new QWidget(this);
    m_detailsLayout = new QVBoxLayout(m_details);
    m_detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_detailsLayout->setSpacing(6);

    m_prompt = new QLabel(this);
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    m_typed = new QLineEdit(this);
    m_typed->setObjectName(QStringLiteral("typedConfirmation"));
    m_typed->setClearButtonEnabled(true);
    connect(m_typed, &QLineEdit::textChanged, this, &RevokeConfirmDialog::updateConfirmButton);

    m_buttons = new QDialogButtonBox(this);
    m_confirm = m_buttons->addButton(confirmText, QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    // Return never deletes: the destructive button is only ever clicked.
    m_confirm->setAutoDefault(false);
    m_confirm->setDefault(false);
    m_cancel->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_confirm->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *head = new QHBoxLayout;
    head->addWidget(m_icon, 0, Qt::AlignTop);
    head->addWidget(m_question, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_busy);
    layout->addWidget(m_details);
    layout->addSpacing(4);
    layout->addWidget(m_prompt);
    layout->addWidget(m_typed);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    showCounting();
}

void RevokeConfirmDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // QDialogButtonBox makes its accept button the default when shown: Return must not delete.
    m_confirm->setDefault(false);
    fitToContents();
}

void RevokeConfirmDialog::clearDetails()
{
    while (QLayoutItem *item = m_detailsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

QLabel *RevokeConfirmDialog::addDetail(const QString &text, const QString &style)
{
    auto *label = new QLabel(text, m_details);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!style.isEmpty())
        label->setStyleSheet(style);
    m_detailsLayout->addWidget(label);
    label->show(); // now, not when the layout gets to it: the dialog may be on screen already
    return label;
}

void RevokeConfirmDialog::showCounting()
{
    m_counting = true;
    m_ready = false;
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(32, 32));
    m_question->setText(tr("Counting the rows to remove…"));
    clearDetails();
    addDetail(tr("Gatehouse counts in the database what this action would remove before asking "
                 "you. Nothing is removed yet."));
    m_busy->show();
    m_prompt->hide();
    m_typed->hide();
    m_confirm->show();
    m_cancel->setText(tr("Cancel"));
    updateConfirmButton();
    fitToContents();
}

void RevokeConfirmDialog::showError(const Error &error)
{
    m_counting = false;
    m_ready = false;
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(32, 32));
    m_question->setText(tr("Cannot count the rows to remove"));
    clearDetails();
    addDetail(error.fullText());
    addDetail(tr("Nothing was removed."));
    m_busy->hide();
    m_prompt->hide();
    m_typed->hide();
    m_confirm->hide();
    m_cancel->setText(tr("Close"));
    updateConfirmButton();
    fitToContents();
}

void RevokeConfirmDialog::showPreview(const RevocationPreview &preview)
{
    m_counting = false;
    m_preview = preview;
    m_busy->hide();
    clearDetails();

    const qint64 rows = preview.rows();
    if (preview.isEmpty() || rows == 0) {
        m_ready = false;
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(32, 32));
        m_question->setText(tr("Nothing to remove"));
        if (!preview.isEmpty())
            addDetail(tr("%1.").arg(preview.plans.first().summary));
        if (preview.missing > 0)
            addDetail(preview.missing == 1
                          ? tr("The row no longer exists: it was removed meanwhile.")
                          : tr("%1 of the rows no longer exist: they were removed meanwhile.")
                                .arg(preview.missing));
        m_prompt->hide();
        m_typed->hide();
        m_confirm->hide();
        m_cancel->setText(tr("Close"));
        updateConfirmButton();
        fitToContents();
        return;
    }

    const RevocationPlan &first = preview.plans.first();
    m_confirmation = first.confirmation(m_strict);
    const QVector<RevocationCount> counts = preview.counts();
    if (preview.plans.size() > 1)
        m_confirmation.question = tr("Revoke %1?").arg(revocationCountsText(counts));
    m_ready = true;
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    m_question->setText(m_confirmation.question);

    addDetail(tr("What will be removed, counted just now in the database:"));
    for (const RevocationCount &c : counts)
        addDetail(QStringLiteral("    • %1 (table %2)")
                      .arg(revocationRowsText(c.model, c.rows), c.table));
    if (preview.missing > 0)
        addDetail(tr("%1 of the selected rows no longer exist: they were removed meanwhile.")
                      .arg(preview.missing));
    if (isBulk(first.request.action))
        addDetail(first.request.action == RevocationAction::ExpiredVerificationTokens
                      ? tr("Removed in short transactions with a progress bar; Cancel stops "
                           "after the batch in flight and keeps what was removed.")
                      : tr("Removed in short transactions with a progress bar; Cancel stops "
                           "after the batch in flight and keeps what was removed. Sessions "
                           "created while it runs are left alone."));
    for (const RevocationWarning &w : preview.warnings())
        addDetail(severityPrefix(w.severity) + QLatin1Char(' ') + w.message,
                  severityStyle(w.severity));
    if (m_strict)
        addDetail(tr("This connection is marked production: every action asks for the name."),
                  QStringLiteral("color: #b00020;"));

    const bool blocked = preview.isBlocked();
    const bool typing = m_confirmation.requiresTyping() && !blocked;
    m_prompt->setText(m_confirmation.prompt());
    m_prompt->setVisible(typing);
    m_typed->setVisible(typing);
    m_typed->setPlaceholderText(m_confirmation.text);
    m_typed->clear();
    m_confirm->show();
    m_cancel->setText(tr("Cancel"));
    updateConfirmButton();
    fitToContents();
    if (typing)
        m_typed->setFocus();
    else
        m_cancel->setFocus();
}

void RevokeConfirmDialog::fitToContents()
{
    // The wrapped lines changed: grow (or shrink) to show them all at the current width.
    layout()->activate();
    resize(width(), layout()->totalHeightForWidth(width()));
}

void RevokeConfirmDialog::updateConfirmButton()
{
    const bool ok = m_ready && !m_preview.isBlocked() && m_preview.rows() > 0 &&
                    m_confirmation.accepts(m_typed->text());
    m_confirm->setEnabled(ok);
}

QString RevokeConfirmDialog::shownText() const
{
    QStringList lines{m_question->text()};
    for (const QLabel *label :
         m_details->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly))
        lines << label->text();
    if (!m_prompt->isHidden())
        lines << m_prompt->text();
    return lines.join(QLatin1Char('\n'));
}

} // namespace gh::ui
