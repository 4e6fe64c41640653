#pragma once

#include "ui/palette/PaletteEntry.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListView;

namespace gh::ui {

class MainWindow;
class PaletteModel;
class UserSearch;
struct UserHit;

/// The command palette: a frameless popup over the main window with a search line and a list
/// of what matches it — every action of the window's menus (with its shortcut), the views, and
/// the users whose email, name or id starts with the text (searched off the GUI thread).
/// Up/Down/PageUp/PageDown move, Enter runs, Escape closes.
class CommandPalette : public QFrame
{
    Q_OBJECT

public:
    explicit CommandPalette(MainWindow *window);

    /// Collects the commands afresh, clears the text and shows the palette over the window.
    void popup();
    /// Runs the selected row (closing the palette first). False when there is none.
    bool runCurrent();

    /// An action the palette never lists (the one that opens it).
    void setExcludedAction(QAction *action) { m_excluded = action; }

    QLineEdit *searchBox() const { return m_search; }
    QListView *list() const { return m_list; }
    PaletteModel *model() const { return m_model; }
    UserSearch *userSearch() const { return m_users; }
    /// The commands collected at the last popup().
    QVector<PaletteEntry> commands() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QVector<PaletteEntry> collectCommands() const;
    void onTextChanged(const QString &text);
    void onUsersFound(const QString &text, const QVector<UserHit> &users);
    void selectRow(int row);
    void updateSize();
    void updateStatus();
    void updateSearchIcon();
    void run(const PaletteEntry &entry);

    MainWindow *m_window;
    QLineEdit *m_search;
    QAction *m_searchIcon = nullptr;
    QListView *m_list;
    QLabel *m_empty;
    QLabel *m_hint;
    QLabel *m_status;
    PaletteModel *m_model;
    UserSearch *m_users;
    QPointer<QAction> m_excluded;
};

} // namespace gh::ui
