#pragma once

#include "core/url/ConnectionParameters.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace gh::ui {

/// A database URL and its parts side by side, kept in sync both ways: typing or pasting a URL
/// fills the fields, editing a field rewrites the URL. The URL line never shows the password: a
/// pasted one moves to the password field at once and the line shows `****` (the one
/// redaction function's mark); leaving `****` in the URL keeps the password field's.
class ConnectionForm : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionForm(QWidget *parent = nullptr);

    /// Sensitive: holds the password.
    ConnectionParameters parameters() const { return m_parameters; }
    /// Sensitive: the full URL, password included.
    QString url() const { return m_parameters.toUrl(); }
    /// What the URL line shows (never the password).
    QString displayedUrl() const;
    /// Empty when the URL and fields make a valid URL, else why not.
    QString problem() const { return m_problem; }

    void setUrl(const QString &url);
    void setParameters(const ConnectionParameters &parameters);
    void clear();

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *passwordEdit() const { return m_password; }

Q_SIGNALS:
    void changed();

private:
    void onUrlEdited(const QString &text);
    void onFieldEdited();
    void showParameters();
    void showProblem(const QString &problem);
    QWidget *pathRow(QLineEdit *edit, const QString &caption, const QString &filter);

    ConnectionParameters m_parameters;
    QString m_problem;
    bool m_updating = false;

    QLineEdit *m_url = nullptr;
    QLabel *m_urlProblem = nullptr;
    QComboBox *m_provider = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_schema = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_sslRootCert = nullptr;
    QLineEdit *m_sslClientCert = nullptr;
    QLineEdit *m_sslClientKey = nullptr;
    QLineEdit *m_sslIdentity = nullptr;
    QLineEdit *m_sslIdentityPassword = nullptr;
    QLineEdit *m_sqliteFile = nullptr;
};

} // namespace gh::ui
