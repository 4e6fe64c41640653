#include "ui/inspector/ExportDialog.h"

#include "core/auth/RecordExporter.h"
#include "ui/inspector/QueryThread.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace gh::ui {

namespace {

QString suffix(RecordWriter::Format format)
{
    return format == RecordWriter::Format::Json ? QStringLiteral("json") : QStringLiteral("csv");
}

} // namespace

ExportDialog::ExportDialog(const AuthWorkspace &workspace, const RecordQuery &query,
                           const QString &what, qint64 estimatedRows, QWidget *parent)
    : QDialog(parent)
    , m_thread(new QueryThread(workspace, QStringLiteral("export"), this))
    , m_query(query)
    , m_what(what)
{
    setWindowTitle(tr("Export %1").arg(what));
    setMinimumWidth(520);

    auto *summary = new QLabel(this);
    summary->setWordWrap(true);
    summary->setText(
        estimatedRows >= 0
            ? tr("Exports the %1 shown (about %2 rows), with the current filters and "
                 "order.")
                  .arg(what, QLocale().toString(estimatedRows))
            : tr("Exports the %1 shown, with the current filters and order.").arg(what));

    m_csv = new QRadioButton(tr("CSV (RFC 4180)"), this);
    m_json = new QRadioButton(tr("JSON (an array of objects keyed by Prisma field names)"), this);
    m_csv->setChecked(true);
    auto *formats = new QVBoxLayout;
    formats->addWidget(m_csv);
    formats->addWidget(m_json);

    m_secrets = new QCheckBox(tr("Include secrets (tokens and keys in clear)"), this);
    m_secrets->setToolTip(tr("Unticked, secrets are written masked (abcd••••wxyz)."));

    m_path = new QLineEdit(this);
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(documents).filePath(
        QStringLiteral("%1.csv").arg(authModelKindName(query.model).toLower())));
    m_browse = new QPushButton(tr("Browse…"), this);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    connect(m_json, &QRadioButton::toggled, this, [this] {
        // Follow the format with the file's suffix while the user has not chosen another one.
        QFileInfo info(m_path->text());
        const QString old = info.suffix();
        if (old == QLatin1String("csv") || old == QLatin1String("json"))
            m_path->setText(
                info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffix(format())));
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), formats);
    form->addRow(QString(), m_secrets);
    form->addRow(tr("File:"), pathRow);

    m_progress = new QProgressBar(this);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setFilePath(const QString &path)
{
    m_path->setText(path);
}

QString ExportDialog::filePath() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setFormat(RecordWriter::Format format)
{
    (format == RecordWriter::Format::Json ? m_json : m_csv)->setChecked(true);
}

RecordWriter::Format ExportDialog::format() const
{
    return m_json->isChecked() ? RecordWriter::Format::Json : RecordWriter::Format::Csv;
}

void ExportDialog::setIncludeSecrets(bool include)
{
    m_secrets->setChecked(include);
}

bool ExportDialog::includesSecrets() const
{
    return m_secrets->isChecked();
}

void ExportDialog::browse()
{
    const QString filter = format() == RecordWriter::Format::Json ? tr("JSON files (*.json)")
                                                                  : tr("CSV files (*.csv)");
    const QString path = QFileDialog::getSaveFileName(this, windowTitle(), filePath(), filter);
    if (!path.isEmpty())
        m_path->setText(path);
}

void ExportDialog::start()
{
    if (m_running)
        return;
    const QString path = filePath();
    if (path.isEmpty()) {
        m_status->setText(tr("Choose a file to export to."));
        return;
    }
    RecordExporter::Options options;
    options.format = format();
    options.secrets =
        includesSecrets() ? RecordWriter::Secrets::Revealed : RecordWriter::Secrets::Masked;
    const RecordQuery query = m_query;
    QueryThread *thread = m_thread;
    QPointer<ExportDialog> guard(this);
    setRunning(true);
    m_status->setText(tr("Exporting…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_thread->run<qint64>(
        this,
        [path, query, options, thread, guard](const AuthQueries &queries,
                                              const CancellationToken &cancel) -> Result<qint64> {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return Error(Error::Code::FileUnwritable,
                             QStringLiteral("Cannot write %1").arg(path), file.errorString());
            QTextStream out(&file);
            out.setEncoding(QStringConverter::Utf8);
            RecordExporter::Options run = options;
            run.cancel = cancel;
            run.progress = [thread, guard](qint64 written, qint64 total) {
                QMetaObject::invokeMethod(
                    thread,
                    [guard, written, total] {
                        if (guard)
                            guard->onProgress(written, total);
                    },
                    Qt::QueuedConnection);
            };
            auto written = RecordExporter::run(queries, query, out, run);
            out.flush();
            if (!written || cancel.isCancelled()) {
                // Cancelled after the last page: still nothing is written.
                file.cancelWriting();
                return written ? Error(Error::Code::Cancelled, QStringLiteral("Cancelled"))
                               : written.error();
            }
            if (out.status() != QTextStream::Ok || !file.commit())
                return Error(Error::Code::FileUnwritable,
                             QStringLiteral("Cannot write %1").arg(path), file.errorString());
            return written;
        },
        [this](const Result<qint64> &result) { onFinished(result); });
}

void ExportDialog::cancel()
{
    if (m_running)
        m_thread->cancelAll();
}

void ExportDialog::reject()
{
    if (m_running) {
        cancel();
        return; // closes when the export has stopped
    }
    QDialog::reject();
}

void ExportDialog::onProgress(qint64 written, qint64 total)
{
    if (!m_running)
        return;
    const QLocale locale;
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qMin<qint64>(1000, written * 1000 / total)));
        m_status->setText(tr("%1 of about %2 rows written…")
                              .arg(locale.toString(written), locale.toString(total)));
    } else {
        m_status->setText(tr("%1 rows written…").arg(locale.toString(written)));
    }
}

void ExportDialog::onFinished(const Result<qint64> &result)
{
    setRunning(false);
    m_written = result ? *result : 0;
    m_error = result.error();
    if (result) {
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_status->setText(
            tr("%1 rows written to %2.")
                .arg(QLocale().toString(*result), QDir::toNativeSeparators(filePath())));
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    } else if (result.error().code() == Error::Code::Cancelled) {
        m_progress->hide();
        m_status->setText(tr("Export cancelled; no file was written."));
    } else {
        m_progress->hide();
        m_status->setText(tr("Export failed: %1").arg(result.error().message()));
        m_status->setToolTip(result.error().detail());
    }
    Q_EMIT exportFinished(result.ok());
}

void ExportDialog::setRunning(bool running)
{
    m_running = running;
    m_export->setEnabled(!running);
    m_csv->setEnabled(!running);
    m_json->setEnabled(!running);
    m_secrets->setEnabled(!running);
    m_path->setEnabled(!running);
    m_browse->setEnabled(!running);
}

} // namespace gh::ui
