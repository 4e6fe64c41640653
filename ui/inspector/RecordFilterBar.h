#pragma once

#include "core/auth/RecordQuery.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QTimer;
class QToolButton;

namespace gh {
class AuthWorkspace;
}

namespace gh::ui {

class QueryThread;

/// The search box and the typed filters of one view, turned into a RecordQuery:
///   every view     search (the model's search fields), user (id or email)
///   sessions       active / expired / expires after / before / between
///   tokens         the same on `expires`; the user box filters by identifier (email)
///   accounts       provider (an editable list of the database's providers); token expiry
///                  (`expires_at`)
/// Typing is debounced; every change emits queryChanged() with the view's order kept.
class RecordFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit RecordFilterBar(AuthModelKind kind, QWidget *parent = nullptr);

    /// The filters as a query (model and order left as in `base`).
    RecordQuery apply(RecordQuery base) const;
    /// Shows the filters of `query` without emitting queryChanged() (history navigation).
    void showQuery(const RecordQuery &query);
    /// Clears every filter and emits queryChanged().
    void clear();
    bool isFiltering() const;

    /// Accounts: fills the provider box with the providers the database holds (distinct values
    /// of Account.provider, read off the GUI thread through a connection of its own, closed
    /// again once read). The first call loads; later ones only with `reload` (after rows were
    /// deleted). The box stays editable: any typed text filters. No-op for other models.
    void loadProviders(const AuthWorkspace &workspace, bool reload = false);
    /// Replaces the provider box's list, keeping what is typed or chosen; emits nothing.
    void setProviders(const QStringList &providers);
    /// The providers last loaded (empty until then).
    QStringList providers() const { return m_providers; }

    QLineEdit *searchBox() const { return m_search; }
    QLineEdit *userBox() const { return m_user; }
    QComboBox *expiryBox() const { return m_expiry; }
    QComboBox *providerBox() const { return m_provider; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *beforeEdit() const { return m_before; }

    /// Entries of the expiry box.
    enum ExpiryChoice { AnyExpiry, Active, Expired, ExpiresAfter, ExpiresBefore, ExpiresBetween };

Q_SIGNALS:
    void queryChanged();
    /// The provider list arrived (or failed to: then the box keeps its list and says why in
    /// its tooltip).
    void providersLoaded();

private:
    void changed(bool debounce);
    void updateDateEdits();

    AuthModelKind m_kind;
    bool m_silent = false;
    QTimer *m_debounce = nullptr;
    QLineEdit *m_search = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_expiry = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_before = nullptr;
    QToolButton *m_clear = nullptr;
    QueryThread *m_providerThread = nullptr; // while the provider list loads
    QStringList m_providers;
    bool m_providersRequested = false;
};

} // namespace gh::ui
