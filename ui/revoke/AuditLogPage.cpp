#include "ui/revoke/AuditLogPage.h"

#include "core/auth/AuditLog.h"
#include "ui/revoke/AuditLogModel.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace gh::ui {

namespace {

/// What one reload found, read on a worker thread.
struct AuditRead
{
    Result<AuditLog::Contents> contents = AuditLog::Contents();
    QString folder; ///< empty when the log's folder does not exist yet
};

} // namespace

AuditLogPage::AuditLogPage(QWidget *parent)
    : QWidget(parent)
    , m_path(AuditLog::defaultPath())
    , m_model(new AuditLogModel(this))
{
    QStyle *style = this->style();
    m_refresh = new QAction(style->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refresh->setToolTip(tr("Read the audit log again"));
    connect(m_refresh, &QAction::triggered, this, &AuditLogPage::reload);
    m_openLocation = new QAction(style->standardIcon(QStyle::SP_DirOpenIcon),
                                 tr("&Open Log File Location"), this);
    m_openLocation->setEnabled(false);
    connect(m_openLocation, &QAction::triggered, this, [this] {
        if (!m_folder.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_folder));
    });

    auto *title = new QLabel(tr("<b>Audit log</b> — every revocation, newest first"), this);
    m_location = new QLabel(this);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *refresh = new QToolButton(this);
    refresh->setDefaultAction(m_refresh);
    refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *open = new QToolButton(this);
    open->setDefaultAction(m_openLocation);
    open->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_status = new QLabel(this);

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(refresh);
    header->addWidget(open);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_location);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    setLogPath(m_path);
}

void AuditLogPage::setLogPath(const QString &path)
{
    m_path = path.isEmpty() ? AuditLog::defaultPath() : path;
    m_location->setText(tr("Log file: %1").arg(QDir::toNativeSeparators(m_path)));
    m_folder.clear();
    m_openLocation->setEnabled(false);
    reload();
}

void AuditLogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void AuditLogPage::reload()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    const QString path = m_path;
    auto *watcher = new QFutureWatcher<AuditRead>(this);
    connect(watcher, &QFutureWatcher<AuditRead>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer reload is on its way
        m_loading = false;
        const AuditRead read = watcher->result();
        m_folder = read.folder;
        m_openLocation->setEnabled(!m_folder.isEmpty());
        m_openLocation->setToolTip(m_folder.isEmpty()
                                       ? tr("The folder does not exist yet: nothing was logged")
                                       : QDir::toNativeSeparators(m_folder));
        const QLocale locale;
        if (!read.contents) {
            m_model->setEntries({});
            m_status->setText(
                tr("Cannot read the audit log: %1").arg(read.contents.error().fullText()));
        } else {
            m_model->setEntries(read.contents->entries);
            QString text = m_model->rowCount() == 0 ? tr("No revocations logged yet.")
                           : m_model->rowCount() == 1
                               ? tr("1 entry")
                               : tr("%1 entries").arg(locale.toString(m_model->rowCount()));
            if (m_model->rowCount() == kShownEntries)
                text = tr("The last %1 entries").arg(locale.toString(kShownEntries));
            if (read.contents->malformedLines > 0)
                text += tr(" · %1 malformed lines skipped")
                            .arg(locale.toString(read.contents->malformedLines));
            m_status->setText(text);
            if (!m_fitted && m_model->rowCount() > 0) {
                m_fitted = true;
                m_table->resizeColumnsToContents();
            }
        }
        Q_EMIT reloaded();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        AuditRead read;
        read.contents = AuditLog(path).read(kShownEntries);
        const QFileInfo folder(QFileInfo(path).absolutePath());
        if (folder.isDir())
            read.folder = folder.absoluteFilePath();
        return read;
    }));
}

QString AuditLogPage::statusText() const
{
    return m_status->text();
}

} // namespace gh::ui
