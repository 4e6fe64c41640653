#pragma once

#include "core/auth/AuthWorkspace.h"
#include "core/auth/CancellationToken.h"
#include "core/auth/RecordPage.h"
#include "core/auth/RecordQuery.h"
#include "core/auth/RowCount.h"
#include "core/common/Error.h"
#include "ui/inspector/RecordColumns.h"
#include "ui/inspector/RowCache.h"
#include "ui/inspector/ScreenTexts.h"

#include <QAbstractTableModel>
#include <QSet>
#include <functional>
#include <memory>

class QTimer;

namespace gh::ui {

class QueryThread;

/// One Auth.js model as a table of any size, for a QTableView.
///
/// rowCount() is the table's size (the estimate at first, the exact count once the background
/// count finishes); only a bounded window of rows around the viewport is in memory (RowCache).
/// The view reports what it shows with setViewport(); rows next to the window are read by keyset
/// pages on the sort key, rows far from it (a scroll bar drag, Ctrl+End) by a seek to that
/// fraction of the order or the last page: never OFFSET. A seek lands on an estimated quantile,
/// so row numbers far from either end are approximate; when a page reaches the real start or
/// end, the window is re-anchored (windowShifted()).
///
/// All database work runs on two threads of this model with connections of their own: one reads
/// pages, one counts (the estimate at once, the exact count once the first page is in and the
/// query has stood for kCountDelayMs). Each query change bumps a generation; results of older
/// generations are dropped, and their work cancelled.
class PagedRecordModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kDefaultPageSize = 200;
    static constexpr int kDefaultCacheCapacity = 3000;
    /// The exact count starts this long after the first page, if the query still stands.
    static constexpr int kCountDelayMs = 400;
    /// The rows a view shows at first, until it reports its viewport.
    static constexpr int kUnreportedScreenRows = 40;

    PagedRecordModel(const AuthWorkspace &workspace, AuthModelKind kind, QObject *parent = nullptr);
    ~PagedRecordModel() override;

    AuthModelKind kind() const { return m_model.kind; }
    const AuthModel &authModel() const { return m_model; }
    const RecordColumns &columns() const { return m_columns; }

    const RecordQuery &query() const { return m_query; }
    /// Shows another order, search or filter: drops the rows and the count, starts over.
    void setQuery(const RecordQuery &query);
    /// Starts loading (the first time the view is shown); before that the model reads nothing.
    void activate();
    bool isActive() const { return m_active; }
    /// Reads the window's rows and the count again (the data changed, e.g. after a revoke),
    /// keeping the scroll position.
    void refresh();
    /// After an error: new connections, then the rows on screen and the count read again.
    void retry();

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    /// At least two pages.
    void setCacheCapacity(int rows);
    int cacheCapacity() const { return m_cache.capacity(); }

    /// The rows the view shows; what is missing gets loaded.
    void setViewport(int firstRow, int lastRow);
    /// Reads the query's last page (Ctrl+End), even while the row count is still unknown or
    /// estimated; emits endLoaded() when rowCount() - 1 is the last row.
    void loadEnd();

    /// A page request is running.
    bool isLoading() const { return m_inFlight; }
    /// The first page of the current query has arrived (or failed).
    bool hasLoaded() const { return m_loaded; }
    /// Why the last page failed; Code::None when the last one succeeded.
    const Error &error() const { return m_error; }

    /// How many rows the query has: rows < 0 while unknown. Exact once counted.
    RowCount total() const;
    bool isTotalKnown() const { return m_total >= 0; }
    bool isCounting() const { return m_counting; }
    /// Stops the exact count; the estimate stays.
    void cancelCount();

    /// Rows held in memory (bounded by cacheCapacity()).
    int cachedRowCount() const { return m_cache.size(); }
    bool isRowLoaded(int row) const { return m_cache.contains(row); }
    /// How many cells of a loaded row are converted from the query's result already (see
    /// RecordRows): what was shown, or is about to be. 0 when not loaded.
    int convertedCellCount(int row) const;
    /// How many cells of a loaded row had their display text made on the page thread (see
    /// ScreenTexts), shown since or not. 0 when not loaded.
    int madeTextCount(int row) const;
    /// The values of a loaded row in authModel().fields order; empty when not loaded.
    QVariantList rowValues(int row) const;
    /// The user a loaded row belongs to: its userId, a user's id, a verification token's
    /// identifier (an email, which AuthQueries::userPicture() and the user filter accept).
    QString userIdOf(int row) const;
    /// The loaded rows among `rows` as a page (fields, key fields, positions): the selection
    /// handed to actions such as revoke.
    RecordPage records(const QList<int> &rows) const;

    /// QAbstractTableModel's, without its two virtual calls (rowCount(), columnCount()): a view
    /// asks an index of every cell it paints.
    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// What QStyledItemDelegate asks for: every role of a cell at once, the row found once.
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
    /// RevealedRole reveals (true) or masks again (false) one secret cell; it stays revealed
    /// while the row scrolls out of the cache and back.
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Orders by the column's field (keyset on that field plus the key), in the database.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A page arrived (or failed: see error()).
    void pageLoaded();
    void errorChanged();
    void totalChanged();
    /// The rows moved by `delta` (an estimated position was corrected); a view keeps its
    /// content in place by scrolling as much.
    void windowShifted(int delta);
    /// The last page asked for by loadEnd() has arrived.
    void endLoaded();

private:
    /// A page's rows, shared by the rows of the window read from it.
    struct Page
    {
        RecordRows rows;
        // A first screen's display texts made on the page thread (see ScreenTexts), or null;
        // screen row 0 is page row `textsFirst`.
        std::shared_ptr<ScreenTexts> texts;
        int textsFirst = 0;
    };
    /// One row of a page: the page and where in it, so that its cells are converted when shown
    /// (and once), sharing the page's result with the page's other rows. Small: a first page
    /// puts 200 of them into the window on the GUI thread.
    struct Row
    {
        std::shared_ptr<const Page> page;
        int index = 0;

        const RecordRows &cells() const { return page->rows; }
        const QVariant &value(int field) const { return page->rows.value(index, field); }
        RecordPosition position() const { return page->rows.position(index); }
        /// The row's screen row in page->texts, or -1.
        int screenRow() const
        {
            const int screen = index - page->textsFirst;
            return page->texts && screen >= 0 && screen < page->texts->rows() ? screen : -1;
        }
    };
    enum class Fetch { First, Last, Seek, After, Before, Refresh };
    struct Request
    {
        Fetch kind = Fetch::First;
        int limit = 0;
        int anchor = 0;      // row number of the first row (Seek, Refresh)
        double fraction = 0; // Seek
        RecordPosition from; // After, Before, Refresh
        bool keepAtStart = false;
        bool toEnd = false; // asked for by loadEnd()
    };

    void start();
    void resolveUser();
    void fail(const Error &error);
    void startCount();
    void postEstimate();
    void startExactCount();
    void loadMissing();
    void jumpTo(int first, int last);
    void request(const Request &request);
    /// The display texts of the rows the view will show first of a page that replaces the
    /// window (nullptr for pages that join the window as the view scrolls).
    std::shared_ptr<ScreenTexts> firstScreen(const Request &request) const;
    void onPage(quint64 generation, const Request &request, const Result<RecordPage> &result,
                const std::shared_ptr<ScreenTexts> &texts);
    void onEstimate(quint64 generation, const Result<RowCount> &result);
    void onCount(quint64 generation, const Result<qint64> &result);
    void setLoading(bool loading);
    void setExactTotal(qint64 rows);
    /// Brings rowCount() and the window's anchor in line with what is known about both ends.
    void normalizeWindow();
    void resizeRows(int rows);
    void emitRowsChanged(int first, int end);
    QString revealKey(const Row &row, int fieldIndex) const;
    bool isRevealed(const Row &row, int column) const;
    QVariant loadedData(const Row &row, int rowNumber, int column, bool revealed, int role) const;

    AuthModel m_model;
    RecordColumns m_columns;
    QueryThread *m_pages = nullptr;
    QueryThread *m_counter = nullptr;
    QTimer *m_clock = nullptr;
    QTimer *m_countDelay = nullptr;

    RecordQuery m_query;
    quint64 m_generation = 0;
    bool m_active = false;
    bool m_loaded = false;
    bool m_inFlight = false;
    Error m_error;

    int m_pageSize = kDefaultPageSize;
    RowCache<Row> m_cache{kDefaultCacheCapacity};
    std::deque<Row> m_dropped; // the previous query's rows, freed once the new page is in
    bool m_atStart = false;    // the window's first row is the query's first row
    bool m_atEnd = false;      // the window's last row is the query's last row
    // The window's row numbers count back from the end (a last page placed it), so a better
    // total, estimated or exact, moves it to end there. A last page read before any total was
    // known ended where the placeholder row count did, far from the table's real end.
    bool m_endAnchored = false;
    int m_rowCount = 0;
    qint64 m_total = -1;
    RowCount::Kind m_totalKind = RowCount::Kind::Estimate;
    bool m_counting = false;
    bool m_exactCountPending = false; // posted once the first page is in
    bool m_estimatePending = false;   // likewise: beside the page it would only slow it down
    int m_wantFirst = 0;
    int m_wantLast = 0;
    bool m_endRequested = false;

    QSet<QString> m_revealed; // key + field name
    QVector<int> m_keyIndexes;
    int m_ownerIndex = -1; // userId, a user's id, a token's identifier (email)
};

} // namespace gh::ui
