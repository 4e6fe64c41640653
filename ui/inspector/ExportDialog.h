#pragma once

#include "core/auth/AuthWorkspace.h"
#include "core/auth/RecordQuery.h"
#include "core/auth/RecordWriter.h"
#include "core/common/Result.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace gh::ui {

class QueryThread;

/// Exports what a view shows (its filters and order) to a CSV or JSON file, streamed page by
/// page by the core's RecordExporter on a thread and connection of its own, with a progress bar
/// and cancel. Secrets are masked unless "Include secrets" is ticked. The file is written
/// through QSaveFile: a cancelled or failed export leaves no file (or the previous one) behind.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const AuthWorkspace &workspace, const RecordQuery &query, const QString &what,
                 qint64 estimatedRows, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setFilePath(const QString &path);
    QString filePath() const;
    void setFormat(RecordWriter::Format format);
    RecordWriter::Format format() const;
    void setIncludeSecrets(bool include);
    bool includesSecrets() const;

    /// Starts the export (the Export button).
    void start();
    /// Stops a running export; the file is discarded.
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 rowsWritten() const { return m_written; }
    const Error &error() const { return m_error; }

Q_SIGNALS:
    /// The export ended; see rowsWritten() and error() (Code::Cancelled when cancelled).
    void exportFinished(bool ok);

protected:
    void reject() override;

private:
    void browse();
    void onProgress(qint64 written, qint64 total);
    void onFinished(const Result<qint64> &result);
    void setRunning(bool running);

    QueryThread *m_thread = nullptr;
    RecordQuery m_query;
    QString m_what;
    bool m_running = false;
    qint64 m_written = 0;
    Error m_error;
    QRadioButton *m_csv = nullptr;
    QRadioButton *m_json = nullptr;
    QCheckBox *m_secrets = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace gh::ui
