#pragma once

#include "core/url/ConnectionStore.h"
#include "core/url/ResolvedProject.h"
#include "ui/connect/ConnectionChoice.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSettings;

namespace gh {
class CredentialStore;
struct ConnectionParameters;
} // namespace gh

namespace gh::ui {

class ConnectionForm;
class EnvironmentBand;

/// Connect to a database: paste a DATABASE_URL or fill its parts (ConnectionForm), or open a
/// project folder (its .env and schema, as the Prisma CLI would); test the connection off the
/// GUI thread; save connections with an environment tag, their passwords in the system keyring
/// (never in the settings file; when there is no keyring the dialog says so and saves none);
/// reopen saved connections and recent project folders.
///
///     ConnectionDialog dialog(this);
///     if (dialog.exec() == QDialog::Accepted)
///         open(dialog.choice());
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    /// Uses the application's QSettings and the system keyring.
    explicit ConnectionDialog(QWidget *parent = nullptr);
    /// Uses `store` (not owned), for tests.
    explicit ConnectionDialog(ConnectionStore *store, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    /// Valid once the dialog is accepted.
    ConnectionChoice choice() const { return m_choice; }

    /// Uses a project folder: resolves it like the Prisma CLI and shows what it found. False
    /// (and the reason shown) when it has no schema or no database URL.
    bool openProjectFolder(const QString &folder);
    /// Shows a saved connection. A password saved in the keyring fills the password field
    /// when the keyring answers, unless another connection was chosen or the fields edited
    /// by then; passwordLoaded() says when.
    void selectConnection(const QString &id);
    /// Starts "Test connection"; testFinished() follows.
    void testConnection();
    /// Starts saving the shown connection under its name (the keyring may take a moment);
    /// saveFinished() follows, and the outcome is shown.
    void saveConnection();

    /// Known once the keyring has answered (shortly after the dialog is shown).
    bool isKeyringChecked() const { return m_keyringChecked; }
    bool isSaving() const { return m_saving; }
    bool isKeyringAvailable() const { return m_keyringAvailable; }
    QString keyringStatusText() const;
    QString testResultText() const;
    bool isTesting() const { return m_testing; }
    ConnectionForm *form() const { return m_form; }

Q_SIGNALS:
    void testFinished(bool ok);
    void saveFinished(bool ok);
    /// The keyring answered for the connection selectConnection() showed (`ok`: the password
    /// is in the field).
    void passwordLoaded(bool ok);

public Q_SLOTS:
    void accept() override;

private:
    struct TestOutcome
    {
        bool ok = false;
        QString text;
        QString detail;
    };

    void build();
    void checkKeyring();
    /// Fills a password saved for `profile` into the form when the keyring answers, if the form
    /// still shows `shown`: the login's, then (or else, with `identity`) the client identity's.
    void loadSecret(const ConnectionProfile &profile, const ConnectionParameters &shown,
                    bool identity);
    void refreshLists();
    void newConnection();
    void deleteConnection();
    void useUrlInstead();
    void showKeyringStatus(const QString &text, bool warning);
    void showTestResult(const TestOutcome &outcome);
    void updateBand();
    EnvironmentTag currentTag() const;
    /// The URL to test or open, resolved against the project folder when there is one.
    Result<DatabaseUrl> currentUrl() const;

    std::unique_ptr<QSettings> m_ownSettings;
    std::unique_ptr<CredentialStore> m_ownCredentials;
    std::unique_ptr<ConnectionStore> m_ownStore;
    ConnectionStore *m_store = nullptr;

    ConnectionChoice m_choice;
    QString m_currentId;
    QString m_projectFolder;
    ResolvedProject m_project;
    bool m_keyringChecked = false;
    bool m_keyringAvailable = false;
    bool m_testing = false;
    int m_testGeneration = 0;
    bool m_saving = false;

    QListWidget *m_saved = nullptr;
    QListWidget *m_recent = nullptr;
    QPushButton *m_delete = nullptr;
    EnvironmentBand *m_band = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_tag = nullptr;
    QLabel *m_folderLabel = nullptr;
    QPushButton *m_useUrl = nullptr;
    ConnectionForm *m_form = nullptr;
    QCheckBox *m_savePassword = nullptr;
    QLabel *m_keyringStatus = nullptr;
    QLabel *m_testResult = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_connect = nullptr;
};

} // namespace gh::ui
