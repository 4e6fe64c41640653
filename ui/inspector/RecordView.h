#pragma once

#include "core/auth/AuthWorkspace.h"
#include "core/auth/RecordPage.h"
#include "core/auth/RowCount.h"

#include <QWidget>

class QAction;
class QFrame;
class QLabel;
class QPushButton;
class QToolButton;

namespace gh::ui {

class ExportDialog;
class PagedRecordModel;
class RecordFilterBar;
class RecordTableView;

/// One Auth.js model browsed as a table of any size: the filter bar, the table, a line saying
/// how many rows there are (estimated, then counted) and what is loading, and an error banner
/// with Retry when a query fails or the connection is lost. The view names the model in the
/// plural ("sessions").
///
/// For actions on rows (revocation): selectedRecords() is the selection as records,
/// addRowAction() puts an action in the table's context menu, refresh() reloads in place.
class RecordView : public QWidget
{
    Q_OBJECT

public:
    RecordView(const AuthWorkspace &workspace, AuthModelKind kind, QWidget *parent = nullptr);
    ~RecordView() override;

    /// "users", "accounts", "sessions", "verification tokens", "authenticators".
    static QString pluralName(AuthModelKind kind);

    AuthModelKind kind() const;
    PagedRecordModel *model() const { return m_model; }
    RecordTableView *table() const { return m_table; }
    RecordFilterBar *filterBar() const { return m_filters; }

    /// Starts loading the first time the view is shown.
    void activate();
    /// The query the view shows (filters, order).
    RecordQuery query() const;
    /// Shows another query, filter bar included (history navigation, "go to user").
    void setQuery(const RecordQuery &query);
    /// Reloads the rows and the count, keeping the scroll position.
    void refresh();

    RecordPage selectedRecords() const;
    void addRowAction(QAction *action);

    /// "1,204 sessions", "~1.0 M sessions, counting…": for the status bar.
    QString summaryText() const;
    /// "1,204", "~1.0 M", "≤ 1,204".
    static QString countText(const RowCount &count);

    /// Opens the export dialog for what the view shows.
    ExportDialog *exportRows();

Q_SIGNALS:
    /// Go to the user a row belongs to (double-click, Ctrl+U, context menu).
    void userRequested(const QString &userId);
    /// The current row now belongs to another user (empty: none), for the detail pane.
    void currentUserChanged(const QString &userId);
    void summaryChanged();

private:
    void onQueryEdited();
    void updateStatus();
    void updateOverlay();
    void positionOverlay();
    bool eventFilter(QObject *watched, QEvent *event) override;

    AuthWorkspace m_workspace;
    PagedRecordModel *m_model = nullptr;
    RecordFilterBar *m_filters = nullptr;
    RecordTableView *m_table = nullptr;
    QFrame *m_errorBanner = nullptr;
    QLabel *m_errorText = nullptr;
    QLabel *m_overlay = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_activity = nullptr;
    QToolButton *m_cancelCount = nullptr;
    QPushButton *m_export = nullptr;
    bool m_fitted = false;
    QString m_currentUser;
};

} // namespace gh::ui
