#pragma once

#include <QObject>
#include <QString>
#include <QVector>
#include <memory>

class QTimer;

namespace gh {
class AuthWorkspace;
}

namespace gh::ui {

class QueryThread;

/// A user the palette found.
struct UserHit
{
    QString id;
    QString name;
    QString email;
};

/// Finds users for the palette as the text is typed: debounced, run on a worker thread with a
/// connection of its own through AuthQueries (the users view's search: id and email prefixes,
/// name substring), stale answers dropped.
class UserSearch : public QObject
{
    Q_OBJECT

public:
    explicit UserSearch(QObject *parent = nullptr);
    ~UserSearch() override;

    /// The workspace searched (null: none, nothing is searched).
    void setWorkspace(const AuthWorkspace *workspace);
    bool hasWorkspace() const { return m_thread != nullptr; }

    /// Searches for `text` once typing rests; shorter than minimumLength() clears the results.
    void search(const QString &text);
    bool isSearching() const { return m_searching; }
    /// Why the last search failed (the database is gone, …); empty when it did not.
    QString errorText() const { return m_error; }

    static int minimumLength() { return 2; }
    static int limit() { return 8; }

Q_SIGNALS:
    void found(const QString &text, const QVector<gh::ui::UserHit> &users);
    void searchingChanged(bool searching);

private:
    void run();
    void setSearching(bool searching);

    QueryThread *m_thread = nullptr;
    QTimer *m_debounce;
    QString m_text;
    QString m_error;
    int m_generation = 0;
    bool m_searching = false;
};

} // namespace gh::ui
