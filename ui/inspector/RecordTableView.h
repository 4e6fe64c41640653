#pragma once

#include <QPointer>
#include <QTableView>

class QMenu;
class QTimer;

namespace gh::ui {

class PagedRecordModel;

/// A table of Auth.js records with the cell actions every record table shares: reveal a masked
/// secret (Ctrl+Shift+R), copy what is shown (Ctrl+C), reveal and copy a secret's real value
/// (Ctrl+Shift+C), go to the row's user (Ctrl+U, double-click). Actions for the selected rows
/// (revoke, …) can be added to its context menu.
///
/// Copying never leaks a masked secret: Ctrl+C copies the cell as displayed, so a masked token
/// copies as its mask. Its real value is copied only once revealed, or by "Reveal and Copy",
/// which reveals the cell first so that the screen shows what went to the clipboard.
///
/// Over a PagedRecordModel it reports the visible rows as the user scrolls, so the model loads
/// them.
class RecordTableView : public QTableView
{
    Q_OBJECT

public:
    explicit RecordTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    /// Adds an action for the selected rows to the context menu, after the built-in ones.
    void addRowAction(QAction *action);
    /// The selected rows in order (the current row when no row is selected).
    QList<int> selectedRowNumbers() const;

    QAction *revealAction() const { return m_reveal; }
    QAction *copyAction() const { return m_copy; }
    QAction *revealAndCopyAction() const { return m_revealAndCopy; }
    /// "Go to User" (or, in the users view, "Show Details"); emits userRequested().
    QAction *goToUserAction() const { return m_goToUser; }

    /// Shows or masks again the secret in the current cell.
    void toggleRevealCurrent();
    /// Copies the selected rows (or the current cell) as displayed, tab-separated.
    void copySelection();
    /// Reveals the current secret cell and copies its real value.
    void revealAndCopyCurrent();
    /// Column widths from the header and the loaded rows, kept within sensible bounds.
    void fitColumns();

Q_SIGNALS:
    /// Go to the user a row belongs to.
    void userRequested(const QString &userId);
    /// The context menu is about to open: add actions for the current selection.
    void contextMenuAboutToShow(QMenu *menu);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateActions();
    void scheduleViewport();
    void reportViewport();
    QString currentUserId() const;

    QPointer<PagedRecordModel> m_paged;
    QTimer *m_viewportTimer = nullptr;
    QList<QAction *> m_rowActions;
    bool m_goingToEnd = false;
    QAction *m_reveal = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_revealAndCopy = nullptr;
    QAction *m_goToUser = nullptr;
};

} // namespace gh::ui
