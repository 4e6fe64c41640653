#include "ui/palette/UserSearch.h"

#include "core/auth/AuthWorkspace.h"
#include "ui/inspector/QueryThread.h"

#include <QTimer>

namespace gh::ui {

UserSearch::UserSearch(QObject *parent)
    : QObject(parent)
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(180);
    connect(m_debounce, &QTimer::timeout, this, &UserSearch::run);
}

UserSearch::~UserSearch() = default;

void UserSearch::setWorkspace(const AuthWorkspace *workspace)
{
    ++m_generation;
    m_debounce->stop();
    delete m_thread; // cancels and waits for a search in flight
    m_thread = workspace ? new QueryThread(*workspace, QStringLiteral("palette"), this) : nullptr;
    setSearching(false);
}

void UserSearch::search(const QString &text)
{
    m_text = text.trimmed();
    m_error.clear();
    ++m_generation;
    if (!m_thread || m_text.size() < minimumLength()) {
        m_debounce->stop();
        setSearching(false);
        Q_EMIT found(m_text, {});
        return;
    }
    setSearching(true);
    m_debounce->start();
}

void UserSearch::run()
{
    if (!m_thread)
        return;
    m_thread->cancelAll(); // an older search still running is of no use now
    const int generation = m_generation;
    const QString text = m_text;
    m_thread->run<QVector<UserHit>>(
        this,
        [text](const AuthQueries &queries, const CancellationToken &) -> Result<QVector<UserHit>> {
            RecordQuery query;
            query.model = AuthModelKind::User;
            query.search = text;
            auto page = queries.page(query, limit());
            if (!page)
                return page.error();
            QVector<UserHit> hits;
            for (int row = 0; row < page->rows.size(); ++row) {
                hits.append({page->value(row, QStringLiteral("id")).toString(),
                             page->value(row, QStringLiteral("name")).toString(),
                             page->value(row, QStringLiteral("email")).toString()});
            }
            return hits;
        },
        [this, generation, text](const Result<QVector<UserHit>> &result) {
            if (generation != m_generation)
                return; // typed on meanwhile
            m_error = result ? QString() : result.error().message();
            setSearching(false);
            Q_EMIT found(text, result ? *result : QVector<UserHit>());
        });
}

void UserSearch::setSearching(bool searching)
{
    if (searching == m_searching)
        return;
    m_searching = searching;
    Q_EMIT searchingChanged(searching);
}

} // namespace gh::ui
