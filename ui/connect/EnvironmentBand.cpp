#include "ui/connect/EnvironmentBand.h"

#include <QHBoxLayout>
#include <QLabel>

namespace gh::ui {

EnvironmentBand::EnvironmentBand(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("environmentBand"));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 1, 8, 1);
    layout->addWidget(m_label);
    m_label->setObjectName(QStringLiteral("environmentBandText"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = m_label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    m_label->setFont(font);
    setEnvironment(EnvironmentTag::Development, QString());
}

void EnvironmentBand::setEnvironment(EnvironmentTag tag, const QString &connectionName)
{
    m_tag = tag;
    setStyleSheet(QStringLiteral("#environmentBand { background: %1; } #environmentBandText { "
                                 "color: %2; }")
                      .arg(environmentTagColorName(tag), environmentTagTextColorName(tag)));
    const QString title = environmentTagTitle(tag).toUpper();
    m_label->setText(
        connectionName.isEmpty() ? title : QStringLiteral("%1 — %2").arg(title, connectionName));
    setToolTip(tag == EnvironmentTag::Production
                   ? tr("A production database: destructive actions ask you to type a name")
                   : tr("The environment of this connection, set in File ▸ Connect…"));
}

QString EnvironmentBand::text() const
{
    return m_label->text();
}

} // namespace gh::ui
