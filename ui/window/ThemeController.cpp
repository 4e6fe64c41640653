#include "ui/window/ThemeController.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace gh::ui {

namespace {

const QString SettingsKey = QStringLiteral("appearance/theme");

} // namespace

ThemeController::ThemeController(QObject *parent)
    : QObject(parent)
    , m_systemPalette(QApplication::palette())
    , m_systemStyle(QApplication::style()->name())
{}

bool ThemeController::themeFromName(const QString &name, Theme *theme)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("system"))
        *theme = Theme::System;
    else if (key == QLatin1String("light"))
        *theme = Theme::Light;
    else if (key == QLatin1String("dark"))
        *theme = Theme::Dark;
    else
        return false;
    return true;
}

QString ThemeController::themeName(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return QString();
}

bool ThemeController::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette ThemeController::lightPalette()
{
    return QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
}

QPalette ThemeController::darkPalette()
{
    // Contrast checked against WCAG AA for text on Base and Window.
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabledText(0x80, 0x84, 0x8a);
    const QColor highlight(0x2f, 0x65, 0xca);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x68));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::Mid, QColor(0x2f, 0x31, 0x34));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0x9d, 0xf6));
    p.setColor(QPalette::LinkVisited, QColor(0xb1, 0x8c, 0xf0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4c));
    return p;
}

void ThemeController::setTheme(Theme theme, bool remember)
{
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(m_systemStyle));
        QApplication::setPalette(m_systemPalette);
    } else {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
    }
    m_theme = theme;
    if (remember)
        QSettings().setValue(SettingsKey, themeName(theme));
    updateActions();
    Q_EMIT themeChanged(theme);
}

void ThemeController::restore()
{
    Theme theme = Theme::System;
    themeFromName(QSettings().value(SettingsKey).toString(), &theme);
    if (theme != Theme::System || m_theme != Theme::System)
        setTheme(theme, false);
}

QIcon ThemeController::icon(const QPalette &palette)
{
    // A circle half filled: the usual "light/dark" sign, drawn in the palette's text colour so
    // it reads on either theme, at two sizes for high-DPI screens.
    QIcon result;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor ink = palette.color(QPalette::WindowText);
        const qreal pen = qMax(1.0, size / 12.0);
        const QRectF circle(pen, pen, size - 2 * pen, size - 2 * pen);
        painter.setPen(QPen(ink, pen));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(circle);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawPie(circle, 90 * 16, 180 * 16);
        painter.end();
        result.addPixmap(pixmap);
    }
    return result;
}

QMenu *ThemeController::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Theme"), parent);
    m_group = new QActionGroup(menu);
    const struct
    {
        Theme theme;
        QString text;
        QKeySequence shortcut;
    } choices[] = {
        {Theme::System, tr("&System"), QKeySequence()},
        {Theme::Light, tr("&Light"), QKeySequence()},
        {Theme::Dark, tr("&Dark"), QKeySequence()},
    };
    for (const auto &choice : choices) {
        QAction *action = menu->addAction(choice.text);
        action->setCheckable(true);
        action->setShortcut(choice.shortcut);
        action->setData(int(choice.theme));
        m_group->addAction(action);
        const Theme theme = choice.theme;
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    menu->addSeparator();
    // One key for the common wish, whichever of the three is in use.
    QAction *toggle = menu->addAction(tr("Switch &Light/Dark"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(toggle, &QAction::triggered, this,
            [this] { setTheme(isDark(QApplication::palette()) ? Theme::Light : Theme::Dark); });
    updateActions();
    return menu;
}

void ThemeController::updateActions()
{
    if (!m_group)
        return;
    for (QAction *action : m_group->actions())
        action->setChecked(Theme(action->data().toInt()) == m_theme);
}

} // namespace gh::ui
