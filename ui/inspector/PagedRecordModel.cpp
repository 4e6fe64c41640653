#include "ui/inspector/PagedRecordModel.h"

#include "core/auth/AuthQueries.h"
#include "ui/inspector/QueryThread.h"
#include "ui/inspector/RecordRoles.h"

#include <QBrush>
#include <QPalette>
#include <QTimer>
#include <limits>

namespace gh::ui {

namespace {

bool isCancelled(const Error &error)
{
    return error.code() == Error::Code::Cancelled;
}

} // namespace

PagedRecordModel::PagedRecordModel(const AuthWorkspace &workspace, AuthModelKind kind,
                                   QObject *parent)
    : QAbstractTableModel(parent)
    , m_model(workspace.schema().model(kind))
    , m_columns(m_model.fields)
{
    m_query.model = kind;
    // Fields looked up as the core does (Auth.js's names first, then the schema's).
    RecordPage shape;
    shape.fields = m_model.fields;
    for (const QString &key : m_model.keyFields)
        m_keyIndexes << shape.fieldIndex(key);
    switch (kind) {
    case AuthModelKind::User:
        m_ownerIndex = shape.fieldIndex(QStringLiteral("id"));
        break;
    case AuthModelKind::VerificationToken:
        // Tokens belong to an email, which finds its user just as well.
        m_ownerIndex = shape.fieldIndex(QStringLiteral("identifier"));
        break;
    default:
        m_ownerIndex = shape.fieldIndex(QStringLiteral("userId"));
        break;
    }
    const QString name = authModelKindName(kind);
    m_countDelay = new QTimer(this);
    m_countDelay->setSingleShot(true);
    m_countDelay->setInterval(kCountDelayMs);
    connect(m_countDelay, &QTimer::timeout, this, &PagedRecordModel::startExactCount);
    m_pages = new QueryThread(workspace, QStringLiteral("pages:") + name, this);
    m_counter = new QueryThread(workspace, QStringLiteral("count:") + name, this);

    // "expires in 3 minutes" goes stale: repaint the computed column now and then.
    for (int c = 0; c < m_columns.count(); ++c) {
        if (!m_columns.isExpiryColumn(c))
            continue;
        m_clock = new QTimer(this);
        m_clock->setInterval(30000);
        connect(m_clock, &QTimer::timeout, this, [this, c] {
            if (!m_cache.isEmpty())
                Q_EMIT dataChanged(index(m_cache.first(), c), index(m_cache.end() - 1, c));
        });
        m_clock->start();
    }
}

PagedRecordModel::~PagedRecordModel()
{
    // Stop the threads (cancelling their work) before the members their results would touch.
    delete m_pages;
    delete m_counter;
}

void PagedRecordModel::setQuery(const RecordQuery &query)
{
    ++m_generation;
    m_pages->cancelAll();
    m_counter->cancelAll();
    beginResetModel();
    m_query = query;
    m_query.model = m_model.kind;
    // Freed once the new page is in (onPage()): freeing a window of rows takes longer than
    // posting the request the user waits for, or than showing its answer.
    m_dropped = m_cache.take();
    m_atStart = m_atEnd = m_endAnchored = false;
    m_rowCount = 0;
    m_total = -1;
    m_totalKind = RowCount::Kind::Estimate;
    m_counting = false;
    m_exactCountPending = false;
    m_estimatePending = false;
    m_loaded = false;
    m_inFlight = false;
    m_error = Error();
    endResetModel();
    Q_EMIT totalChanged();
    Q_EMIT errorChanged();
    Q_EMIT loadingChanged(false);
    if (m_active)
        start();
}

void PagedRecordModel::activate()
{
    if (m_active)
        return;
    m_active = true;
    start();
}

void PagedRecordModel::start()
{
    if (m_query.userId.contains(QLatin1Char('@'))) {
        resolveUser();
        return;
    }
    // A new query shows from the top: as many rows as the view showed.
    m_wantLast = qMax(0, m_wantLast - m_wantFirst);
    m_wantFirst = 0;
    m_endRequested = false;
    Request first;
    first.kind = Fetch::First;
    first.limit = qMin(qMax(m_pageSize, m_wantLast + 1 + m_pageSize / 2), m_cache.capacity());
    request(first);
    startCount();
}

void PagedRecordModel::resolveUser()
{
    // The user filter takes an email too; the query needs the id.
    const quint64 generation = m_generation;
    const QString email = m_query.userId;
    setLoading(true);
    m_pages->run<RecordPage>(
        this,
        [email](const AuthQueries &queries, const CancellationToken &) {
            return queries.findUser(email);
        },
        [this, generation, email](const Result<RecordPage> &result) {
            if (generation != m_generation)
                return;
            setLoading(false);
            if (!result) {
                fail(result.error());
            } else if (result->isEmpty()) {
                fail(Error(Error::Code::NotFound, tr("No user has the email %1.").arg(email)));
            } else {
                m_query.userId = result->value(0, QStringLiteral("id")).toString();
                start();
            }
        });
}

void PagedRecordModel::fail(const Error &error)
{
    m_estimatePending = false;
    if (m_exactCountPending) {
        m_exactCountPending = false;
        m_counting = false;
        Q_EMIT totalChanged();
    }
    m_loaded = true;
    m_error = error;
    Q_EMIT errorChanged();
    Q_EMIT pageLoaded();
}

void PagedRecordModel::startCount()
{
    m_counting = true;
    m_exactCountPending = true;
    // The estimate is posted with the first page (onPage): run beside it, its thread, query and
    // server backend compete with the page the user waits for, badly so on a busy machine.
    m_estimatePending = true;
    Q_EMIT totalChanged();
}

void PagedRecordModel::postEstimate()
{
    m_estimatePending = false;
    const quint64 generation = m_generation;
    const RecordQuery query = m_query;
    m_counter->run<RowCount>(
        this,
        [query](const AuthQueries &queries, const CancellationToken &) {
            return queries.estimateCount(query);
        },
        [this, generation](const Result<RowCount> &result) { onEstimate(generation, result); });
}

void PagedRecordModel::startExactCount()
{
    // Once the page is on screen and the user has paused (typing a search, clicking through
    // orders): a full count competes with the pages for the server's CPUs.
    if (!m_exactCountPending)
        return;
    m_exactCountPending = false;
    const quint64 generation = m_generation;
    const RecordQuery query = m_query;
    m_counter->run<qint64>(
        this,
        [query](const AuthQueries &queries, const CancellationToken &cancel) {
            return queries.count(query, cancel);
        },
        [this, generation](const Result<qint64> &result) { onCount(generation, result); });
}

void PagedRecordModel::refresh()
{
    if (!m_active)
        return;
    if (m_cache.isEmpty()) {
        setQuery(m_query);
        return;
    }
    ++m_generation;
    m_pages->cancelAll();
    m_counter->cancelAll();
    m_inFlight = false;
    m_error = Error();
    Request again;
    again.kind = Fetch::Refresh;
    again.anchor = m_cache.first();
    again.limit = m_cache.size();
    again.from = m_cache.front().position();
    again.from.inclusive = true;
    again.keepAtStart = m_atStart;
    request(again);
    if (m_total >= 0)
        m_totalKind = RowCount::Kind::Estimate; // until counted again
    startCount();
}

void PagedRecordModel::retry()
{
    m_pages->reconnect();
    m_counter->reconnect();
    m_error = Error();
    Q_EMIT errorChanged();
    if (!m_loaded || m_cache.isEmpty()) {
        setQuery(m_query);
        return;
    }
    // Read what is on screen again: the failed page may have been a refresh.
    refresh();
}

void PagedRecordModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
    m_cache.setCapacity(qMax(m_cache.capacity(), 2 * m_pageSize));
}

void PagedRecordModel::setCacheCapacity(int rows)
{
    const int old = m_cache.end();
    m_cache.setCapacity(qMax(rows, 2 * m_pageSize));
    if (!m_cache.isEmpty() && m_cache.end() < old) {
        m_atEnd = false;
        emitRowsChanged(m_cache.end(), old);
    }
}

void PagedRecordModel::setViewport(int firstRow, int lastRow)
{
    m_wantFirst = qMax(0, firstRow);
    m_wantLast = qMax(m_wantFirst, lastRow);
    loadMissing();
}

void PagedRecordModel::loadEnd()
{
    m_endRequested = true;
    loadMissing();
}

RowCount PagedRecordModel::total() const
{
    RowCount count;
    count.rows = m_total;
    count.kind = m_totalKind;
    return count;
}

void PagedRecordModel::cancelCount()
{
    if (!m_counting)
        return;
    m_counter->cancelAll();
    m_counting = false;
    m_exactCountPending = false;
    Q_EMIT totalChanged();
}

void PagedRecordModel::loadMissing()
{
    if (!m_active || !m_loaded || m_inFlight || m_error.isError() || m_rowCount == 0)
        return;
    const int first = qBound(0, m_wantFirst, m_rowCount - 1);
    const int last = qBound(first, m_wantLast, m_rowCount - 1);
    if (m_endRequested) {
        m_endRequested = false;
        if (m_atEnd && m_cache.end() == m_rowCount) {
            Q_EMIT endLoaded();
        } else {
            Request end;
            end.kind = Fetch::Last;
            end.limit =
                qMin(qMax(m_pageSize, last - first + 1 + m_pageSize / 2), m_cache.capacity());
            end.toEnd = true;
            request(end);
            return;
        }
    }
    if (m_cache.isEmpty()) {
        jumpTo(first, last);
        return;
    }
    const int margin = qMax(1, m_pageSize / 2);
    const int reach = 2 * m_pageSize; // farther from the window than this: jump instead
    if (last < m_cache.first() - reach || first >= m_cache.end() + reach) {
        jumpTo(first, last);
        return;
    }
    // Never ask for more than half the window, so a page does not evict what is on screen.
    const int most = qMax(m_pageSize, m_cache.capacity() / 2);
    // A page of an order no index serves is a scan of the whole table (Auth.js's Prisma schema
    // indexes neither Session.expires nor any userId): read half a window per scan, not a page.
    const bool scans = m_query.effectiveSortField(m_model) != m_model.keyFields.value(0) ||
                       !m_query.userId.isEmpty();
    const int least = scans ? most : m_pageSize;
    if (!m_atEnd && last + margin >= m_cache.end()) {
        Request next;
        next.kind = Fetch::After;
        next.from = m_cache.back().position();
        next.limit = qBound(least, last + margin - m_cache.end() + 1, most);
        request(next);
        return;
    }
    if (!m_atStart && first - margin < m_cache.first()) {
        Request previous;
        previous.kind = Fetch::Before;
        previous.from = m_cache.front().position();
        previous.limit = qBound(least, m_cache.first() - (first - margin), most);
        request(previous);
    }
}

void PagedRecordModel::jumpTo(int first, int last)
{
    Request jump;
    jump.limit = qMin(qMax(m_pageSize, last - first + 1 + m_pageSize / 2), m_cache.capacity());
    jump.anchor = first;
    if (first == 0) {
        jump.kind = Fetch::First;
    } else if (last >= m_rowCount - 1) {
        jump.kind = Fetch::Last;
    } else {
        jump.kind = Fetch::Seek;
        jump.fraction = double(first) / double(m_rowCount);
    }
    request(jump);
}

void PagedRecordModel::request(const Request &request)
{
    const quint64 generation = m_generation;
    const RecordQuery query = m_query;
    const std::shared_ptr<ScreenTexts> texts = firstScreen(request);
    setLoading(true);
    m_pages->run<RecordPage>(
        this,
        [query, request](const AuthQueries &queries,
                         const CancellationToken &cancel) -> Result<RecordPage> {
            switch (request.kind) {
            case Fetch::First:
                return queries.page(query, request.limit, PageDirection::Forward, {}, cancel);
            case Fetch::Last:
                return queries.page(query, request.limit, PageDirection::Backward, {}, cancel);
            case Fetch::Seek:
                return queries.seek(query, request.fraction, request.limit, cancel);
            case Fetch::After:
            case Fetch::Refresh:
                return queries.page(query, request.limit, PageDirection::Forward, request.from,
                                    cancel);
            case Fetch::Before:
                return queries.page(query, request.limit, PageDirection::Backward, request.from,
                                    cancel);
            }
            return Error(Error::Code::InvalidArgument, QStringLiteral("Unknown fetch"));
        },
        [this, generation, request, texts](const Result<RecordPage> &result) {
            onPage(generation, request, result, texts);
        },
        texts ? [texts](const RecordPage &page,
                        const CancellationToken &cancel) { texts->make(page.rows, cancel); }
              : std::function<void(const RecordPage &, const CancellationToken &)>());
}

std::shared_ptr<ScreenTexts> PagedRecordModel::firstScreen(const Request &request) const
{
    // A page that replaces the window is shown at once: its rows on screen are converted and
    // formatted on the page thread, while the GUI thread takes the page in and starts painting.
    // The GUI thread reads the screen from its top row down, the page thread from its bottom
    // row up: they meet in between, each cell converted (RecordRows) and formatted
    // (ScreenTexts) once.
    if (request.kind != Fetch::First && request.kind != Fetch::Seek && request.kind != Fetch::Last)
        return nullptr;
    // No more than the page holds: ScreenTexts keeps room for every row it covers.
    const int shown =
        qMin(m_wantLast > m_wantFirst ? m_wantLast - m_wantFirst + 1 : kUnreportedScreenRows,
             request.limit);
    return std::make_shared<ScreenTexts>(m_model.fields, shown, request.kind == Fetch::Last);
}

void PagedRecordModel::onPage(quint64 generation, const Request &request,
                              const Result<RecordPage> &result,
                              const std::shared_ptr<ScreenTexts> &texts)
{
    if (generation != m_generation)
        return; // a newer query or refresh superseded this page
    setLoading(false);
    if (!result) {
        if (!isCancelled(result.error()))
            fail(result.error());
        return;
    }
    if (m_error.isError()) {
        m_error = Error();
        Q_EMIT errorChanged();
    }
    const RecordPage &page = *result;
    const int count = page.rows.size();
    const auto shared =
        std::make_shared<const Page>(Page{page.rows, texts, texts ? texts->firstRow(count) : 0});
    const auto rowAt = [&shared](int i) { return Row{shared, i}; };
    // The rows of a page that joins the window (a page that replaces it goes in directly).
    const auto rows = [&] {
        std::vector<Row> joining;
        joining.reserve(std::size_t(count));
        for (int i = 0; i < count; ++i)
            joining.push_back(rowAt(i));
        return joining;
    };

    const int oldFirst = m_cache.first();
    const int oldEnd = m_cache.end();
    switch (request.kind) {
    case Fetch::First:
        m_cache.reset(0, count, rowAt);
        m_atStart = true;
        m_atEnd = page.atEnd && count <= m_cache.capacity();
        m_endAnchored = false;
        break;
    case Fetch::Last:
        m_cache.reset(qMax(0, m_rowCount - count), count, rowAt);
        m_atEnd = count <= m_cache.capacity();
        m_atStart = page.atStart;
        m_endAnchored = m_atEnd && !m_atStart;
        break;
    case Fetch::Seek:
    case Fetch::Refresh:
        if (request.kind == Fetch::Seek)
            m_endAnchored = false;
        m_cache.reset(request.anchor, count, rowAt);
        m_atStart = request.kind == Fetch::Refresh ? request.keepAtStart : page.atStart;
        if (request.kind == Fetch::Seek && page.startFraction == 0)
            m_atStart = true;
        m_atEnd = page.atEnd && count <= m_cache.capacity();
        break;
    case Fetch::After:
        // The window moved meanwhile (a jump): this page no longer joins it.
        if (m_cache.isEmpty() || m_cache.back().position() != request.from)
            break;
        if (m_cache.append(rows()) > 0)
            m_atStart = false;
        m_atEnd = page.atEnd || count == 0;
        break;
    case Fetch::Before:
        if (m_cache.isEmpty() || m_cache.front().position() != request.from)
            break;
        if (m_cache.prepend(rows()) > 0)
            m_atEnd = false;
        m_atStart = page.atStart || count == 0;
        break;
    }
    const bool firstPage = !m_loaded;
    m_loaded = true;
    if (m_atStart && m_atEnd)
        setExactTotal(m_cache.size());
    else if (m_cache.isEmpty() && request.kind == Fetch::First)
        setExactTotal(0);
    normalizeWindow();
    if (request.toEnd && m_atEnd) {
        // The view scrolls to the last row on endLoaded() but reports its rows after a timer:
        // until then the rows it showed before are not what it wants. Left at the top, they
        // sent the model back to the first page, or, with no row count yet (the last page
        // then sits just below the placeholder rows), walking backwards from the end page by
        // page, numbering the table's last rows from 0.
        const int shown = m_wantLast - m_wantFirst;
        m_wantLast = m_rowCount - 1;
        m_wantFirst = qMax(0, m_wantLast - shown);
    }
    if (!firstPage) {
        emitRowsChanged(qMin(oldFirst, m_cache.first()), qMax(oldEnd, m_cache.end()));
    }
    Q_EMIT pageLoaded();
    if (request.toEnd)
        Q_EMIT endLoaded();
    if (m_exactCountPending)
        m_countDelay->start();
    loadMissing();
    // Posted once this page's own work is done (its thread, connection and query would compete
    // with it), yet before any event: a Ctrl+End right after the page expects it under way.
    if (m_estimatePending)
        postEstimate();
    if (!m_dropped.empty()) {
        // The previous query's rows: freed after the repaint the new rows asked for.
        QMetaObject::invokeMethod(
            this, [this] { m_dropped.clear(); }, Qt::QueuedConnection);
    }
}

void PagedRecordModel::onEstimate(quint64 generation, const Result<RowCount> &result)
{
    if (generation != m_generation || !result || m_totalKind == RowCount::Kind::Exact)
        return;
    if (result->kind == RowCount::Kind::Exact) {
        m_counter->cancelAll(); // the estimate is the count: skip the full one
        setExactTotal(result->rows);
        normalizeWindow();
    } else {
        m_total = result->rows;
        m_totalKind = result->kind;
        // Told once the rows match it: a listener reads rowCount() beside total().
        normalizeWindow();
        Q_EMIT totalChanged();
    }
    loadMissing();
}

void PagedRecordModel::onCount(quint64 generation, const Result<qint64> &result)
{
    if (generation != m_generation)
        return;
    m_counting = false;
    if (result) {
        setExactTotal(*result);
        normalizeWindow();
        loadMissing();
    }
    Q_EMIT totalChanged();
}

void PagedRecordModel::setExactTotal(qint64 rows)
{
    m_exactCountPending = false;
    m_estimatePending = false; // the count is known: no estimate to read
    if (m_counting) {
        m_counter->cancelAll();
        m_counting = false;
    }
    m_total = rows;
    m_totalKind = RowCount::Kind::Exact;
    Q_EMIT totalChanged();
}

void PagedRecordModel::setLoading(bool loading)
{
    if (m_inFlight == loading)
        return;
    m_inFlight = loading;
    Q_EMIT loadingChanged(loading);
}

void PagedRecordModel::normalizeWindow()
{
    const bool exact = m_totalKind == RowCount::Kind::Exact && m_total >= 0;
    const int known = int(qBound(qint64(0), m_total, qint64(std::numeric_limits<int>::max())));
    if (m_cache.isEmpty()) {
        if (m_loaded)
            resizeRows(m_atStart && m_atEnd ? 0 : known);
        return;
    }
    int delta = 0;
    if (m_atStart)
        delta = -m_cache.first();
    else if (m_atEnd && (exact || (m_endAnchored && m_total >= 0)))
        delta = known - m_cache.end();
    if (m_cache.first() + delta < 0)
        delta = -m_cache.first();

    const int end = m_cache.end() + delta;
    int rows = 0;
    if (m_atEnd)
        rows = end;
    else if (m_total >= 0)
        rows = qMax(known, end + 1);
    else
        rows = end + m_pageSize; // unknown size: room to scroll on
    if (m_atEnd && m_atStart && exact && rows != known)
        setExactTotal(rows); // the window holds every row: it is the count

    const int oldFirst = m_cache.first();
    const int oldEnd = m_cache.end();
    if (rows > m_rowCount)
        resizeRows(rows);
    if (delta != 0)
        m_cache.shift(delta);
    if (rows < m_rowCount)
        resizeRows(rows);
    if (delta != 0) {
        emitRowsChanged(qMin(oldFirst, m_cache.first()), qMax(oldEnd, m_cache.end()));
        Q_EMIT windowShifted(delta);
    }
}

void PagedRecordModel::resizeRows(int rows)
{
    rows = qMax(0, rows);
    if (rows > m_rowCount) {
        beginInsertRows(QModelIndex(), m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    } else if (rows < m_rowCount) {
        beginRemoveRows(QModelIndex(), rows, m_rowCount - 1);
        m_rowCount = rows;
        m_cache.trim(0, rows);
        endRemoveRows();
    }
}

void PagedRecordModel::emitRowsChanged(int first, int end)
{
    first = qMax(0, first);
    end = qMin(end, m_rowCount);
    if (first < end && m_columns.count() > 0)
        Q_EMIT dataChanged(index(first, 0), index(end - 1, m_columns.count() - 1));
}

QString PagedRecordModel::revealKey(const Row &row, int fieldIndex) const
{
    QStringList parts;
    for (int key : m_keyIndexes)
        parts << row.value(key).toString();
    parts << m_model.fields.value(fieldIndex).name;
    return parts.join(QChar(0x1f));
}

int PagedRecordModel::convertedCellCount(int row) const
{
    const Row *cached = m_cache.find(row);
    int converted = 0;
    for (int f = 0; cached && f < m_model.fields.size(); ++f)
        converted += cached->cells().isConverted(cached->index, f);
    return converted;
}

int PagedRecordModel::madeTextCount(int row) const
{
    const Row *cached = m_cache.find(row);
    const int screen = cached ? cached->screenRow() : -1;
    int made = 0;
    for (int f = 0; screen >= 0 && f < m_model.fields.size(); ++f)
        made += cached->page->texts->isMade(screen, f);
    return made;
}

QVariantList PagedRecordModel::rowValues(int row) const
{
    const Row *cached = m_cache.find(row);
    return cached ? cached->cells().at(cached->index) : QVariantList();
}

QString PagedRecordModel::userIdOf(int row) const
{
    const Row *cached = m_cache.find(row);
    return cached && m_ownerIndex >= 0 ? cached->value(m_ownerIndex).toString() : QString();
}

RecordPage PagedRecordModel::records(const QList<int> &rows) const
{
    RecordPage page;
    page.fields = m_model.fields;
    page.keyFields = m_model.keyFields;
    for (int row : rows) {
        // Copied out: the selection goes to other threads (revoke), the cache stays here.
        if (const Row *cached = m_cache.find(row))
            page.rows.append(cached->cells().at(cached->index), cached->position());
    }
    return page;
}

QModelIndex PagedRecordModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rowCount || column < 0 ||
        column >= m_columns.count())
        return QModelIndex();
    return createIndex(row, column);
}

int PagedRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int PagedRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns.count();
}

QVariant PagedRecordModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rowCount)
        return QVariant();
    const Row *row = m_cache.find(index.row());
    if (!row) {
        // Not loaded yet: a placeholder the view paints while the page is on its way.
        if (role == LoadedRole)
            return false;
        if (role == Qt::DisplayRole && index.column() == 0)
            return QStringLiteral("…");
        if (role == Qt::ForegroundRole)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return QVariant();
    }
    return loadedData(*row, index.row(), index.column(), isRevealed(*row, index.column()), role);
}

void PagedRecordModel::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const
{
    const Row *row =
        index.isValid() && index.row() < m_rowCount ? m_cache.find(index.row()) : nullptr;
    if (!row) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.setData(data(index, roleData.role()));
        return;
    }
    const bool revealed = isRevealed(*row, index.column());
    // The display text made on the page thread, if this is a first screen's cell shown for the
    // first time and the text still holds.
    QString made;
    const int field = m_columns.fieldIndex(index.column());
    const int screen = field >= 0 ? row->screenRow() : -1;
    const bool haveText = screen >= 0 && row->page->texts->take(screen, field, revealed, &made);
    m_columns.multiData(row->cells(), row->index, index.column(), revealed, roleDataSpan,
                        haveText ? &made : nullptr);
    for (QModelRoleData &roleData : roleDataSpan) {
        // The roles of the model rather than of the cell (RecordColumns leaves them empty).
        if (roleData.role() == LoadedRole || roleData.role() == UserIdRole)
            roleData.setData(loadedData(*row, index.row(), index.column(), false, roleData.role()));
    }
}

bool PagedRecordModel::isRevealed(const Row &row, int column) const
{
    const int field = m_columns.fieldIndex(column);
    // The key is built only when something is revealed: the view asks every role of every cell.
    return field >= 0 && m_model.fields.at(field).secret && !m_revealed.isEmpty() &&
           m_revealed.contains(revealKey(row, field));
}

QVariant PagedRecordModel::loadedData(const Row &row, int rowNumber, int column, bool revealed,
                                      int role) const
{
    switch (role) {
    case LoadedRole:
        return true;
    case UserIdRole:
        return userIdOf(rowNumber);
    default:
        return m_columns.data(row.cells(), row.index, column, revealed, role);
    }
}

bool PagedRecordModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != RevealedRole || !index.isValid() || !index.data(SecretRole).toBool())
        return false;
    const Row *row = m_cache.find(index.row());
    const QString key = revealKey(*row, m_columns.fieldIndex(index.column()));
    if (value.toBool())
        m_revealed.insert(key);
    else
        m_revealed.remove(key);
    Q_EMIT dataChanged(index, index);
    return true;
}

QVariant PagedRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_columns.headerData(section, role);
    return QVariant();
}

void PagedRecordModel::sort(int column, Qt::SortOrder order)
{
    const QString field = m_columns.sortField(column);
    if (field.isEmpty())
        return;
    if (field == m_query.effectiveSortField(m_model) && order == m_query.sortOrder)
        return;
    RecordQuery query = m_query;
    query.sortField = field;
    query.sortOrder = order;
    setQuery(query);
}

} // namespace gh::ui
