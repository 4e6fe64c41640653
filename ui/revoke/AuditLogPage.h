#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace gh::ui {

class AuditLogModel;

/// The audit log page: every revocation newest first (AuditLogModel), where the log lives, and
/// "Open Log File Location". The file is read off the GUI thread; a newer reload supersedes
/// one still reading.
class AuditLogPage : public QWidget
{
    Q_OBJECT

public:
    /// The last this many entries are shown.
    static constexpr int kShownEntries = 10000;

    explicit AuditLogPage(QWidget *parent = nullptr);

    void setLogPath(const QString &path);
    QString logPath() const { return m_path; }

    /// Reads the log again (off the GUI thread); reloaded() follows.
    void reload();
    bool isLoading() const { return m_loading; }

    AuditLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *openLocationAction() const { return m_openLocation; }
    /// The line under the table: how many entries, skipped lines, or why the log is unreadable.
    QString statusText() const;

Q_SIGNALS:
    void reloaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString m_path;
    QString m_folder; ///< the log's folder, once a reload found it exists
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_fitted = false;
    AuditLogModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_location = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_openLocation = nullptr;
};

} // namespace gh::ui
