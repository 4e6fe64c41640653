#pragma once

#include "core/auth/AuthWorkspace.h"
#include "core/auth/UserPicture.h"
#include "core/common/Error.h"

#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QStackedWidget;

namespace gh::ui {

class QueryThread;
class RecordTableModel;
class RecordTableView;

/// A user's whole picture: profile, accounts (provider, type, token expiry, scopes), sessions
/// (expires in / expired since, created), authenticators and the verification tokens sent to
/// their email. Loaded on a thread and connection of its own; a newer user supersedes one still
/// loading. Each list links to its view filtered to this user.
class UserDetailPane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRowsPerList = 50;

    explicit UserDetailPane(const AuthWorkspace &workspace, QWidget *parent = nullptr);
    ~UserDetailPane() override;

    /// Loads and shows a user (id or email); empty shows the hint.
    void showUser(const QString &idOrEmail);
    /// The id or email asked for last.
    QString requestedUser() const { return m_requested; }
    bool isLoading() const { return m_loading; }
    /// The picture shown (empty while loading, on error or with no user).
    const UserPicture &picture() const { return m_picture; }
    const Error &error() const { return m_error; }

    RecordTableModel *accounts() const { return m_accounts; }
    RecordTableModel *sessions() const { return m_sessions; }
    RecordTableModel *authenticators() const { return m_authenticators; }
    RecordTableModel *verificationTokens() const { return m_tokens; }
    /// Adds a button under the profile for an action on the user shown (sign out everywhere,
    /// delete…); the action reads the user from picture().
    void addUserAction(QAction *action);
    /// The heading: the user's name and email.
    QString heading() const;

Q_SIGNALS:
    /// A picture arrived (or failed, or the pane was cleared).
    void loaded();
    /// "Show all in the … view": the rows of `kind` belonging to the user.
    void openListRequested(gh::AuthModelKind kind, const QString &userId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void renderProfile();
    void onPicture(quint64 generation, const Result<UserPicture> &result);
    void showMessage(const QString &text);
    RecordTableView *addSection(const QString &title, AuthModelKind kind, RecordTableModel *model,
                                QLabel **titleLabel);
    void fillSection(RecordTableView *table, QLabel *title, const QString &name,
                     const RecordPage &page, const QStringList &shownFields);

    QueryThread *m_thread = nullptr;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_requested;
    UserPicture m_picture;
    Error m_error;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_email = nullptr;
    QLabel *m_profile = nullptr;
    QLabel *m_warning = nullptr;
    QHBoxLayout *m_actions = nullptr;
    RecordTableModel *m_accounts = nullptr;
    RecordTableModel *m_sessions = nullptr;
    RecordTableModel *m_authenticators = nullptr;
    RecordTableModel *m_tokens = nullptr;
    RecordTableView *m_accountsTable = nullptr;
    RecordTableView *m_sessionsTable = nullptr;
    RecordTableView *m_authenticatorsTable = nullptr;
    RecordTableView *m_tokensTable = nullptr;
    QLabel *m_accountsTitle = nullptr;
    QLabel *m_sessionsTitle = nullptr;
    QLabel *m_authenticatorsTitle = nullptr;
    QLabel *m_tokensTitle = nullptr;
};

} // namespace gh::ui
