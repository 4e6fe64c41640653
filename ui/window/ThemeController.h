#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

class QActionGroup;
class QIcon;
class QMenu;
class QWidget;

namespace gh::ui {

/// The application's colour scheme: the system's (the platform palette and style Gatehouse
/// started with), or Light or Dark on the Fusion style, which draws both the same way on every
/// desktop. The choice is kept in the settings and applies to every window at once; widgets that
/// paint their own colours (the editors, the diagram) follow QEvent::ApplicationPaletteChange.
class ThemeController : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    explicit ThemeController(QObject *parent = nullptr);

    Theme theme() const { return m_theme; }
    /// Applies `theme` to the application; `remember` keeps it for the next start.
    void setTheme(Theme theme, bool remember = true);
    /// Applies the theme kept in the settings (System when none).
    void restore();

    /// "system", "light", "dark" (for `gatehouse --theme`); nullopt-like false when unknown.
    static bool themeFromName(const QString &name, Theme *theme);
    static QString themeName(Theme theme);

    /// True when the palette in use is dark, whichever theme chose it.
    static bool isDark(const QPalette &palette);
    static QPalette lightPalette();
    static QPalette darkPalette();

    /// The theme switch's icon, drawn for `palette`.
    static QIcon icon(const QPalette &palette);

    /// A "Theme" menu of three exclusive choices, kept in step with setTheme().
    QMenu *createMenu(QWidget *parent);

Q_SIGNALS:
    void themeChanged(gh::ui::ThemeController::Theme theme);

private:
    void updateActions();

    Theme m_theme = Theme::System;
    QPalette m_systemPalette;
    QString m_systemStyle;
    QActionGroup *m_group = nullptr;
};

} // namespace gh::ui
