#pragma once

#include "core/url/EnvironmentTag.h"

#include <QWidget>

class QLabel;

namespace gh::ui {

/// The thin coloured strip along the top of the window that says which environment the open
/// connection belongs to: green development, amber staging, red production.
class EnvironmentBand : public QWidget
{
    Q_OBJECT

public:
    explicit EnvironmentBand(QWidget *parent = nullptr);

    void setEnvironment(EnvironmentTag tag, const QString &connectionName);
    EnvironmentTag tag() const { return m_tag; }
    QString text() const;

private:
    EnvironmentTag m_tag = EnvironmentTag::Development;
    QLabel *m_label = nullptr;
};

} // namespace gh::ui
