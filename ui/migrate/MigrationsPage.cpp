#include "ui/migrate/MigrationsPage.h"

#include "core/migrate/DriftDetector.h"
#include "core/migrate/MigrateOutput.h"
#include "core/migrate/MigrationErrors.h"
#include "ui/migrate/CreateMigrationDialog.h"
#include "ui/migrate/MigrationListModel.h"
#include "ui/migrate/MigrationPrompts.h"
#include "ui/migrate/MigrationRunner.h"
#include "ui/migrate/SqlViewer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFontDatabase>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace gh::ui {

namespace {

struct LoadedProject
{
    Result<MigrationProject> project = Error(Error::Code::Cancelled, QString());
    MigrationOverview overview;
};

// "1 migration", "3 migrations".
QString migrationCount(int count)
{
    return count == 1 ? QObject::tr("1 migration") : QObject::tr("%1 migrations").arg(count);
}

QString bulletList(const QStringList &names)
{
    QStringList items;
    for (const QString &name : names)
        items << QStringLiteral("<code>%1</code>").arg(name.toHtmlEscaped());
    return items.join(QStringLiteral(", "));
}

QFrame *framed(QWidget *parent, const QString &objectName)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    return frame;
}

} // namespace

MigrationsPage::MigrationsPage(QWidget *parent)
    : QWidget(parent)
    , m_prompts(std::make_unique<MigrationPrompts>())
    , m_runner(new MigrationRunner(this))
    , m_model(new MigrationListModel(this))
{
    buildLayout();
    // Until the host hands in its palette: light or dark as the page's own palette is.
    setEditorPalette(palette().color(QPalette::Window).lightness() < 128 ? EditorPalette::dark()
                                                                         : EditorPalette::light());
    connect(m_runner, &MigrationRunner::logLine, this, &MigrationsPage::appendLog);
    connect(m_runner, &MigrationRunner::progressed, this, &MigrationsPage::onProgress);
    connect(m_runner, &MigrationRunner::busyChanged, this, &MigrationsPage::updateActions);
    clearProject(tr("Open a project to see its migrations."));
}

MigrationsPage::~MigrationsPage() = default;

void MigrationsPage::buildLayout()
{
    QStyle *style = QApplication::style();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    // Top: the tools, the project, the read-only reason.
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh = toolbar->addAction(style->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"));
    m_refresh->setToolTip(tr("Read the migrations folder and the database's history again, and "
                             "check for drift on a shadow database"));
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_forceDriftCheck = true;
        refresh();
    });
    m_apply = toolbar->addAction(style->standardIcon(QStyle::SP_MediaPlay), tr("Apply Pending"));
    connect(m_apply, &QAction::triggered, this, &MigrationsPage::applyPending);
    m_create = toolbar->addAction(style->standardIcon(QStyle::SP_FileDialogNewFolder),
                                  tr("Create Migration from Schema…"));
    m_create->setToolTip(tr("Preview, then write, a migration from the schema in the editor"));
    connect(m_create, &QAction::triggered, this, &MigrationsPage::createMigration);
    m_readOnlyLabel = new QLabel(this);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyReason"));
    toolbar->addSeparator();
    toolbar->addWidget(m_readOnlyLabel);
    layout->addWidget(toolbar);

    m_projectLabel = new QLabel(this);
    m_projectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_projectLabel->setWordWrap(true);
    layout->addWidget(m_projectLabel);

    // Warnings: failed, edited, diverged, drift.
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("migrationWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_warnings->setMargin(6);
    m_warnings->setStyleSheet(QStringLiteral(
        "QLabel#migrationWarnings { background: #fff4d6; color: #5a4100; border: 1px solid "
        "#e0b44c; border-radius: 3px; }"));
    layout->addWidget(m_warnings);

    // Errors: a title, the detail one click away.
    QFrame *errorBox = framed(this, QStringLiteral("migrationError"));
    errorBox->setStyleSheet(
        QStringLiteral("QFrame#migrationError { background: #fde8e8; border: 1px solid #d88; "
                       "border-radius: 3px; } QFrame#migrationError QLabel { color: #7a1010; }"));
    m_errorBox = errorBox;
    auto *errorLayout = new QVBoxLayout(errorBox);
    auto *errorRow = new QHBoxLayout;
    auto *errorIcon = new QLabel(errorBox);
    errorIcon->setPixmap(style->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(20, 20));
    m_errorTitle = new QLabel(errorBox);
    m_errorTitle->setWordWrap(true);
    m_errorTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorDetailsButton = new QToolButton(errorBox);
    m_errorDetailsButton->setText(tr("Details"));
    m_errorDetailsButton->setCheckable(true);
    errorRow->addWidget(errorIcon, 0, Qt::AlignTop);
    errorRow->addWidget(m_errorTitle, 1);
    errorRow->addWidget(m_errorDetailsButton, 0, Qt::AlignTop);
    errorLayout->addLayout(errorRow);
    m_errorDetail = new QPlainTextEdit(errorBox);
    m_errorDetail->setReadOnly(true);
    m_errorDetail->setMaximumHeight(140);
    m_errorDetail->hide();
    errorLayout->addWidget(m_errorDetail);
    connect(m_errorDetailsButton, &QToolButton::toggled, m_errorDetail, &QWidget::setVisible);
    layout->addWidget(errorBox);

    // Middle: the list, and the selected migration.
    auto *vertical = new QSplitter(Qt::Vertical, this);
    auto *horizontal = new QSplitter(Qt::Horizontal, vertical);
    m_list = new QTreeView(horizontal);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setModel(m_model);
    // Names end with what matters ("…_add_role"): elide their middle, never their end.
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->header()->setStretchLastSection(true);
    for (int column = MigrationListModel::NameColumn; column < MigrationListModel::ChecksumColumn;
         ++column)
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MigrationsPage::showSelection);

    auto *detail = new QWidget(horizontal);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_selectionTitle = new QLabel(detail);
    m_selectionTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_selectionTitle->setWordWrap(true);
    detailLayout->addWidget(m_selectionTitle);
    m_sql = new SqlViewer(detail);
    m_sql->setObjectName(QStringLiteral("migrationSql"));
    detailLayout->addWidget(m_sql, 1);

    m_failureBox = framed(detail, QStringLiteral("failedMigration"));
    auto *failureLayout = new QVBoxLayout(m_failureBox);
    auto *failureTitle = new QLabel(tr("<b>This migration failed.</b> Its logs, as recorded in "
                                       "<code>_prisma_migrations</code>:"),
                                    m_failureBox);
    failureTitle->setWordWrap(true);
    failureLayout->addWidget(failureTitle);
    m_failureLogs = new QPlainTextEdit(m_failureBox);
    m_failureLogs->setReadOnly(true);
    m_failureLogs->setMaximumHeight(150);
    failureLayout->addWidget(m_failureLogs);
    auto *resolveRow = new QHBoxLayout;
    resolveRow->addWidget(new QLabel(tr("Resolve:"), m_failureBox));
    m_resolveRolledBack = new QPushButton(tr("Mark Rolled Back…"), m_failureBox);
    m_resolveRolledBack->setToolTip(
        tr("prisma migrate resolve --rolled-back: the migration becomes pending again"));
    m_resolveApplied = new QPushButton(tr("Mark Applied…"), m_failureBox);
    m_resolveApplied->setToolTip(
        tr("prisma migrate resolve --applied: you finished the migration by hand"));
    resolveRow->addWidget(m_resolveRolledBack);
    resolveRow->addWidget(m_resolveApplied);
    resolveRow->addStretch(1);
    failureLayout->addLayout(resolveRow);
    connect(m_resolveRolledBack, &QPushButton::clicked, this, [this] { resolveSelected(false); });
    connect(m_resolveApplied, &QPushButton::clicked, this, [this] { resolveSelected(true); });
    detailLayout->addWidget(m_failureBox);

    // Shown for a pending migration once deploying found a schema that is not empty (P3005).
    m_baselineBox = framed(detail, QStringLiteral("baselineMigration"));
    auto *baselineLayout = new QHBoxLayout(m_baselineBox);
    auto *baselineText = new QLabel(tr("The database's schema is not empty. If it already has "
                                       "what this migration creates, baseline it:"),
                                    m_baselineBox);
    baselineText->setWordWrap(true);
    baselineLayout->addWidget(baselineText, 1);
    m_baseline = new QPushButton(tr("Mark Applied (Baseline)…"), m_baselineBox);
    m_baseline->setToolTip(tr("prisma migrate resolve --applied: recorded as applied, its SQL "
                              "never runs"));
    baselineLayout->addWidget(m_baseline);
    connect(m_baseline, &QPushButton::clicked, this, &MigrationsPage::baselineSelected);
    detailLayout->addWidget(m_baselineBox);

    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const QModelIndex index = m_list->indexAt(position);
        if (!index.isValid())
            return;
        m_list->setCurrentIndex(index);
        QMenu *menu = contextMenu(index.row());
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_list->viewport()->mapToGlobal(position));
    });
    horizontal->addWidget(m_list);
    horizontal->addWidget(detail);
    horizontal->setStretchFactor(0, 1);
    horizontal->setStretchFactor(1, 1);
    horizontal->setSizes({560, 540});

    // Bottom: progress, result and the live log of what ran.
    auto *output = new QWidget(vertical);
    auto *outputLayout = new QVBoxLayout(output);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    auto *progressRow = new QHBoxLayout;
    m_result = new QLabel(output);
    m_result->setObjectName(QStringLiteral("migrationResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(output);
    m_progress->setMaximumWidth(260);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), output);
    m_cancel->setToolTip(tr("Stop after the migration that is running now"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_runner->cancel();
        m_cancel->setEnabled(false);
        m_result->setText(tr("Cancelling after the current migration…"));
    });
    progressRow->addWidget(m_result, 1);
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_cancel);
    outputLayout->addLayout(progressRow);
    m_log = new QPlainTextEdit(output);
    m_log->setObjectName(QStringLiteral("migrationLog"));
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("What apply, resolve and create do is logged here."));
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    outputLayout->addWidget(m_log, 1);
    vertical->addWidget(horizontal);
    vertical->addWidget(output);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({520, 140});
    layout->addWidget(vertical, 1);
}

void MigrationsPage::setEditorPalette(const EditorPalette &palette)
{
    m_palette = palette;
    m_sql->setEditorPalette(palette);
}

void MigrationsPage::setPrompts(std::unique_ptr<MigrationPrompts> prompts)
{
    m_prompts = std::move(prompts);
}

bool MigrationsPage::isBusy() const
{
    return m_runner->isBusy();
}

bool MigrationsPage::confirmClose()
{
    if (!m_deploying)
        return true;
    if (!m_prompts->confirmCloseWhileApplying(this))
        return false;
    m_runner->cancel();
    return true;
}

void MigrationsPage::setWorkspace(const AuthWorkspace &workspace)
{
    loadProject(tr("Reading the migrations of %1 …").arg(workspace.displayUrl()),
                [workspace] { return MigrationProject::fromWorkspace(workspace); });
}

void MigrationsPage::setSchemaFiles(const QStringList &schemaFiles, const QString &readOnlyReason)
{
    loadProject(
        tr("Reading the migrations of %1 …").arg(QDir::toNativeSeparators(schemaFiles.value(0))),
        [schemaFiles, readOnlyReason] {
            return MigrationProject::fromSchemaFiles(schemaFiles, readOnlyReason);
        });
}

void MigrationsPage::loadProject(const QString &description, const ProjectSource &source)
{
    if (m_runner->isBusy()) {
        m_queuedProject = std::make_pair(description, source);
        m_runner->cancel(); // a drift check or a preview of the old project is moot
        return;
    }
    const quint64 generation = ++m_generation;
    m_project.reset();
    m_actionError.reset();
    m_projectLabel->setText(description);
    clearError();
    m_runner->run<LoadedProject>(
        [source](const MigrationRunner::Context &) {
            LoadedProject loaded;
            loaded.project = source();
            if (loaded.project)
                loaded.overview = MigrationTasks::overview(*loaded.project);
            return loaded;
        },
        [this, generation](const LoadedProject &loaded) {
            if (generation != m_generation) {
                runQueued();
                return;
            }
            if (!loaded.project) {
                m_model->clear();
                m_overview = MigrationOverview();
                m_projectLabel->clear();
                showError(tr("No migrations for this project"), loaded.project.error());
                updateWarnings();
                updateActions();
                Q_EMIT overviewLoaded();
                runQueued();
                return;
            }
            m_project = *loaded.project;
            finishOverview(generation, loaded.overview, false);
        });
    updateActions();
}

void MigrationsPage::setProject(const MigrationProject &project)
{
    m_queuedProject.reset();
    m_actionError.reset();
    m_project = project;
    m_lastDrift.reset();
    ++m_generation;
    m_runner->cancel();
    refresh();
}

void MigrationsPage::clearProject(const QString &reason)
{
    ++m_generation;
    m_project.reset();
    m_lastDrift.reset();
    m_queuedProject.reset();
    m_actionError.reset();
    m_driftError.clear();
    m_runner->cancel();
    m_overview = MigrationOverview();
    m_model->clear();
    m_projectLabel->setText(reason);
    m_selectionTitle->clear();
    m_sql->setScript(QByteArray());
    clearError();
    updateWarnings();
    updateActions();
    showSelection();
}

void MigrationsPage::refresh()
{
    if (!m_project)
        return;
    if (m_runner->isBusy()) {
        m_refreshQueued = true;
        return;
    }
    startOverview(false);
}

void MigrationsPage::runQueued()
{
    if (m_runner->isBusy())
        return;
    if (m_queuedProject) {
        const auto [description, source] = *m_queuedProject;
        m_queuedProject.reset();
        m_refreshQueued = false;
        loadProject(description, source);
    } else if (m_refreshQueued) {
        m_refreshQueued = false;
        refresh();
    }
}

void MigrationsPage::startOverview(bool checkDrift)
{
    const quint64 generation = m_generation;
    const MigrationProject project = *m_project;
    if (checkDrift) {
        ++m_driftChecksStarted;
        m_projectLabel->setText(m_projectLabel->text() + QStringLiteral(" · ") +
                                tr("checking for drift on a shadow database …"));
    }
    m_runner->run<MigrationOverview>(
        [project, checkDrift](const MigrationRunner::Context &context) {
            Migrator::DriftCheck drift;
            if (checkDrift) {
                DriftDetector::Options options;
                options.isCancelled = context.isCancelled;
                drift = DriftDetector::shadowCheck(project.target, options);
            }
            return MigrationTasks::overview(project, drift);
        },
        [this, generation, checkDrift](const MigrationOverview &overview) {
            finishOverview(generation, overview, checkDrift);
        });
    updateActions();
}

bool MigrationsPage::needsDriftCheck() const
{
    // Drift compares the live schema with what the applied migrations produce: only worth a
    // shadow database when something is applied and the history reads cleanly.
    if (!m_project || m_overview.error || !m_overview.status)
        return false;
    const MigrationStatus &status = *m_overview.status;
    return status.hasMigrationsTable &&
           status.entries.size() > status.unappliedMigrationNames.size();
}

void MigrationsPage::setAutomaticDriftCheck(bool on)
{
    m_automaticDriftCheck = on;
}

QString MigrationsPage::historyKey(const MigrationStatus &status)
{
    QStringList parts;
    for (const MigrationStatus::Entry &entry : status.entries) {
        if (entry.record)
            parts << entry.record->id + QLatin1Char(':') + entry.record->checksum +
                         QLatin1Char(':') + entry.record->finishedAt.toString(Qt::ISODateWithMs);
    }
    return parts.join(QLatin1Char('|'));
}

void MigrationsPage::finishOverview(quint64 generation, const MigrationOverview &overview,
                                    bool checkedDrift)
{
    if (generation == m_generation && m_project) {
        if (checkedDrift && !overview.status) {
            // The shadow database could not be made: keep the status, say why drift is unknown.
            m_driftError = overview.error ? overview.error->message() : QString();
            onOverview(generation, m_overview);
        } else {
            m_driftError.clear();
            MigrationOverview shown = overview;
            if (shown.status) {
                const QString key = historyKey(*shown.status);
                if (checkedDrift && shown.status->drift)
                    m_lastDrift = DriftMemo{key, *shown.status->drift};
                else if (!checkedDrift && !m_forceDriftCheck && m_lastDrift &&
                         m_lastDrift->historyKey == key)
                    shown.status->drift = m_lastDrift->drift; // nothing applied since
            }
            onOverview(generation, shown);
        }
        if (!checkedDrift && needsDriftCheck() && !m_overview.status->drift && !m_queuedProject &&
            (m_automaticDriftCheck || m_forceDriftCheck)) {
            m_forceDriftCheck = false;
            m_refreshQueued = false;
            startOverview(true);
            return;
        }
        Q_EMIT overviewLoaded();
    }
    runQueued();
}

void MigrationsPage::onOverview(quint64 generation, const MigrationOverview &overview)
{
    if (generation != m_generation || !m_project)
        return;
    QString selected = m_list->currentIndex().data(MigrationListModel::NameRole).toString();
    // A migration that just failed is what the user needs to see, with its logs.
    const bool failedBefore =
        m_overview.status && !m_overview.status->failedMigrationNames.isEmpty();
    if (!failedBefore && overview.status && !overview.status->failedMigrationNames.isEmpty())
        selected = overview.status->failedMigrationNames.constFirst();
    m_overview = overview;
    m_model->setOverview(overview);

    const MigrationTarget &target = m_project->target;
    m_projectLabel->setText(
        tr("%1 · migrations in %2")
            .arg(target.url.redacted().toHtmlEscaped(),
                 QDir::toNativeSeparators(target.migrationsPath).toHtmlEscaped()));
    if (!m_automaticDriftCheck && needsDriftCheck() && !overview.status->drift)
        m_projectLabel->setText(m_projectLabel->text() + QStringLiteral(" · ") +
                                tr("drift not checked on a production connection (Refresh "
                                   "checks it)"));
    if (overview.error)
        showError(overview.folder ? tr("Cannot read the database's migration history")
                                  : tr("Cannot read the migrations folder"),
                  *overview.error);
    else if (m_actionError)
        showError(m_actionError->first, m_actionError->second);
    else
        clearError();

    if (!selectMigration(selected)) {
        // The first migration that needs attention, else the last one.
        int row = -1;
        for (int i = 0; i < m_model->rowCount() && row < 0; ++i) {
            const auto kind = MigrationIcons::Kind(
                m_model->index(i, 0).data(MigrationListModel::KindRole).toInt());
            if (kind == MigrationIcons::Kind::Failed || kind == MigrationIcons::Kind::Pending)
                row = i;
        }
        if (row < 0)
            row = m_model->rowCount() - 1;
        if (row >= 0)
            m_list->setCurrentIndex(m_model->index(row, 0));
    }
    showSelection();
    updateWarnings();
    updateActions();
}

bool MigrationsPage::selectMigration(const QString &name)
{
    const int row = name.isEmpty() ? -1 : m_model->rowOf(name);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, 0));
    return true;
}

void MigrationsPage::showSelection()
{
    const MigrationListModel::Row *row = m_model->rowAt(m_list->currentIndex().row());
    m_failureBox->setVisible(row && row->state == MigrationStatus::State::Failed);
    m_baselineBox->setVisible(row && row->state == MigrationStatus::State::Pending &&
                              row->hasLocalFolder && needsBaseline());
    if (!row) {
        m_selectionTitle->setText(m_model->rowCount() == 0 && m_project
                                      ? tr("No migrations in this folder yet.")
                                      : QString());
        m_sql->setScript(QByteArray());
        return;
    }
    QString title = QStringLiteral("<b>%1</b> — %2")
                        .arg(row->name.toHtmlEscaped(), MigrationListModel::stateText(*row));
    if (row->edited)
        title += QStringLiteral("<br>") +
                 tr("migration.sql was edited after it was applied: its checksum no longer "
                    "matches the recorded one.");
    m_selectionTitle->setText(title);
    if (row->hasLocalFolder && !row->scriptMissing)
        m_sql->setScript(row->script);
    else if (!row->hasLocalFolder)
        m_sql->setScript(QByteArrayLiteral("-- Recorded in the database's _prisma_migrations, "
                                           "but the migrations folder has no such migration.\n"));
    else
        m_sql->setScript(QByteArrayLiteral("-- This migration's folder has no migration.sql.\n"));
    if (row->state == MigrationStatus::State::Failed) {
        const QString logs = row->record ? row->record->logs : QString();
        m_failureLogs->setPlainText(logs.isEmpty() ? tr("(no logs were recorded)") : logs);
    }
    updateActions();
}

void MigrationsPage::updateWarnings()
{
    QStringList lines;
    if (m_overview.status) {
        const MigrationStatus &status = *m_overview.status;
        if (!status.failedMigrationNames.isEmpty())
            lines << tr("<b>Failed:</b> %1. Nothing more can be applied until it is resolved "
                        "(select it to see its logs).")
                         .arg(bulletList(status.failedMigrationNames));
        if (status.lockHolder)
            lines << tr("Another session holds the migration lock and may still be applying "
                        "it: %1.")
                         .arg(status.lockHolder->describe().toHtmlEscaped());
        if (!status.editedMigrationNames.isEmpty())
            lines << tr("<b>Edited after they were applied:</b> %1. Prisma Migrate (migrate dev) "
                        "will want to reset the database.")
                         .arg(bulletList(status.editedMigrationNames));
        if (!status.unpersistedMigrationNames.isEmpty())
            lines << tr("<b>Applied, but missing from the migrations folder:</b> %1. %2")
                         .arg(bulletList(status.unpersistedMigrationNames),
                              status.history == MigrationStatus::History::HistoriesDiverge
                                  ? tr("The local history and the database's have diverged "
                                       "after %1.")
                                        .arg(status.lastCommonMigrationName.isEmpty()
                                                 ? tr("the start")
                                                 : QStringLiteral("<code>%1</code>")
                                                       .arg(status.lastCommonMigrationName
                                                                .toHtmlEscaped()))
                                  : tr("Pull the latest migrations folder."));
        if (!status.missingScriptNames.isEmpty())
            lines << tr("<b>No migration.sql:</b> %1.").arg(bulletList(status.missingScriptNames));
        if (status.drift && status.drift->detected)
            lines << tr("<b>Drift:</b> the database's schema differs from what its applied "
                        "migrations produce.<pre>%1</pre>")
                         .arg(status.drift->summary.toHtmlEscaped());
        else if (status.drift && !status.drift->error.isEmpty())
            lines << tr("<b>Drift could not be checked:</b> %1")
                         .arg(status.drift->error.toHtmlEscaped());
        if (!m_driftError.isEmpty())
            lines << tr("<b>Drift could not be checked:</b> %1").arg(m_driftError.toHtmlEscaped());
        if (!status.hasMigrationsTable && status.localMigrationCount > 0)
            lines << tr("The database has no <code>_prisma_migrations</code> table yet: every "
                        "migration is pending.");
    }
    m_warnings->setText(lines.join(QStringLiteral("<br>")));
    m_warnings->setVisible(!lines.isEmpty());
}

void MigrationsPage::updateActions()
{
    const bool busy = m_runner->isBusy();
    const bool readOnly = m_project && m_project->isReadOnly();
    m_refresh->setEnabled(m_project.has_value() && !busy);

    QStringList pending;
    QStringList failed;
    if (m_overview.status) {
        pending = m_overview.status->unappliedMigrationNames;
        failed = m_overview.status->failedMigrationNames;
    }
    m_apply->setText(pending.isEmpty() ? tr("Apply Pending")
                                       : tr("Apply %1 Pending").arg(pending.size()));
    m_apply->setEnabled(m_project && !busy && !readOnly && !pending.isEmpty() && failed.isEmpty() &&
                        m_overview.status);
    if (readOnly)
        m_apply->setToolTip(tr("Read-only: %1").arg(m_project->readOnlyReason));
    else if (!failed.isEmpty())
        m_apply->setToolTip(tr("Resolve the failed migration first"));
    else if (pending.isEmpty())
        m_apply->setToolTip(tr("Nothing is pending"));
    else
        m_apply->setToolTip(tr("Apply %1").arg(pending.join(QStringLiteral(", "))));

    m_create->setEnabled(m_project && !busy && !readOnly && m_schemaProvider);
    if (readOnly)
        m_create->setToolTip(tr("Read-only: %1").arg(m_project->readOnlyReason));
    m_readOnlyLabel->setText(readOnly ? tr("Read-only: %1").arg(m_project->readOnlyReason)
                                      : QString());
    m_readOnlyLabel->setVisible(readOnly);

    m_resolveApplied->setEnabled(!busy && !readOnly);
    m_resolveRolledBack->setEnabled(!busy && !readOnly);
    m_baseline->setEnabled(!busy && !readOnly);
    if (readOnly) {
        m_resolveApplied->setToolTip(tr("Read-only: %1").arg(m_project->readOnlyReason));
        m_resolveRolledBack->setToolTip(m_resolveApplied->toolTip());
        m_baseline->setToolTip(m_resolveApplied->toolTip());
    }
}

void MigrationsPage::showError(const QString &title, const Error &error)
{
    // The first paragraph here; the whole text (Prisma's, with the database's error) under
    // Details.
    const QString summary = error.message().section(QStringLiteral("\n\n"), 0, 0);
    QString heading =
        QStringLiteral("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), summary.toHtmlEscaped());
    const QString prismaCode = MigrationErrors::prismaCode(error.code());
    if (!prismaCode.isEmpty())
        heading += QStringLiteral(" <small>(%1)</small>").arg(prismaCode);
    m_errorTitle->setText(heading);
    m_errorDetail->setPlainText(error.fullText());
    m_errorDetailsButton->setVisible(error.fullText() != summary);
    m_errorDetailsButton->setChecked(false);
    m_errorBox->show();
}

void MigrationsPage::setActionError(const QString &title, const Error &error)
{
    m_actionError = std::make_pair(title, error);
    showError(title, error);
}

void MigrationsPage::clearError()
{
    m_errorBox->hide();
    m_errorTitle->clear();
    m_errorDetail->clear();
}

void MigrationsPage::appendLog(const QString &text)
{
    QString line = text;
    while (line.endsWith(QLatin1Char('\n')))
        line.chop(1);
    m_log->appendPlainText(line);
}

bool MigrationsPage::applyPending()
{
    if (!m_project || m_runner->isBusy() || !m_overview.status || m_project->isReadOnly())
        return false;
    const QStringList names = m_overview.status->unappliedMigrationNames;
    if (names.isEmpty())
        return false;
    if (!m_prompts->confirmApply(this, names, m_project->target.url.redacted()))
        return false;
    startDeploy(names);
    return true;
}

void MigrationsPage::startDeploy(const QStringList &names)
{
    const MigrationProject project = *m_project;
    m_deploying = true;
    m_deployCount = int(names.size());
    m_deployDone = 0;
    m_progress->setRange(0, qMax(1, m_deployCount));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_result->setText(tr("Applying %1 …").arg(migrationCount(m_deployCount)));
    m_result->setStyleSheet(QString());
    m_actionError.reset();
    clearError();
    appendLog(tr("— Apply pending migrations to %1").arg(project.target.url.redacted()));
    m_runner->run<Result<DeployResult>>(
        [project](const MigrationRunner::Context &context) {
            return MigrationTasks::deploy(project, context.progress, context.isCancelled);
        },
        [this](const Result<DeployResult> &result) {
            onDeployed(result);
            // What ran changed the history: read it again.
            m_refreshQueued = !m_queuedProject;
            runQueued();
        });
    updateActions();
}

void MigrationsPage::onProgress(const DeployProgress &progress)
{
    if (!m_deploying)
        return;
    if (progress.stage == DeployProgress::Stage::Applying) {
        appendLog(tr("Applying migration `%1` (%2/%3)")
                      .arg(progress.name)
                      .arg(progress.index)
                      .arg(progress.count));
        m_progress->setRange(0, progress.count);
        m_result->setText(tr("Applying %1 (%2 of %3) …")
                              .arg(progress.name)
                              .arg(progress.index)
                              .arg(progress.count));
    } else {
        m_deployDone = progress.index;
        m_progress->setValue(progress.index);
        appendLog(tr("Applied `%1`").arg(progress.name));
    }
}

void MigrationsPage::onDeployed(const Result<DeployResult> &result)
{
    m_deploying = false;
    m_progress->hide();
    m_cancel->hide();
    if (result) {
        const int applied = int(result->appliedMigrationNames.size());
        appendLog(MigrateOutput::deployed(*result));
        m_result->setText(
            applied == 0
                ? tr("Nothing to apply: no pending migrations.")
                : tr("Applied %1. The database is up to date.").arg(migrationCount(applied)));
        m_result->setStyleSheet(QStringLiteral("color: #1d7a35; font-weight: bold;"));
        Q_EMIT deployFinished(true);
        return;
    }
    const Error &error = result.error();
    appendLog(MigrateOutput::error(error));
    if (error.code() == Error::Code::Cancelled) {
        m_result->setText(tr("Cancelled after %1; what was applied stays applied.")
                              .arg(migrationCount(m_deployDone)));
        m_result->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold;"));
    } else {
        m_result->setText(
            error.code() == Error::Code::MigrationSchemaNotEmpty
                ? tr("Nothing was applied: the database's schema is not empty. If it already "
                     "has what a migration creates, select it and mark it applied (baseline).")
                : tr("Apply failed after %1: see the error above.")
                      .arg(migrationCount(m_deployDone)));
        m_result->setStyleSheet(QStringLiteral("color: #b01c1c; font-weight: bold;"));
        setActionError(tr("Apply failed"), error);
    }
    Q_EMIT deployFinished(false);
}

bool MigrationsPage::resolveSelected(bool applied)
{
    const MigrationListModel::Row *row = m_model->rowAt(m_list->currentIndex().row());
    if (!row || !m_project || m_runner->isBusy() || m_project->isReadOnly())
        return false;
    const QString name = row->name;
    if (!m_prompts->confirmResolve(this, name, applied))
        return false;
    startResolve(name, applied, false);
    return true;
}

bool MigrationsPage::baselineSelected()
{
    const MigrationListModel::Row *row = m_model->rowAt(m_list->currentIndex().row());
    if (!row || row->state != MigrationStatus::State::Pending || !row->hasLocalFolder ||
        !m_project || m_runner->isBusy() || m_project->isReadOnly())
        return false;
    const QString name = row->name;
    if (!m_prompts->confirmBaseline(this, name, m_project->target.url.redacted()))
        return false;
    startResolve(name, true, true);
    return true;
}

bool MigrationsPage::needsBaseline() const
{
    return m_actionError && m_actionError->second.code() == Error::Code::MigrationSchemaNotEmpty;
}

QMenu *MigrationsPage::contextMenu(int row)
{
    auto *menu = new QMenu(this);
    const MigrationListModel::Row *shown = m_model->rowAt(row);
    if (!shown)
        return menu;
    const bool canWrite = m_project && !m_project->isReadOnly() && !m_runner->isBusy();
    if (shown->state == MigrationStatus::State::Pending && shown->hasLocalFolder) {
        QAction *baseline = menu->addAction(tr("Mark Applied (Baseline)…"), this,
                                            &MigrationsPage::baselineSelected);
        baseline->setObjectName(QStringLiteral("baseline"));
        baseline->setEnabled(canWrite);
        baseline->setToolTip(m_baseline->toolTip());
    } else if (shown->state == MigrationStatus::State::Failed) {
        QAction *rolledBack =
            menu->addAction(m_resolveRolledBack->text(), this, [this] { resolveSelected(false); });
        rolledBack->setObjectName(QStringLiteral("resolveRolledBack"));
        rolledBack->setEnabled(canWrite);
        QAction *applied =
            menu->addAction(m_resolveApplied->text(), this, [this] { resolveSelected(true); });
        applied->setObjectName(QStringLiteral("resolveApplied"));
        applied->setEnabled(canWrite);
    }
    if (!menu->isEmpty())
        menu->addSeparator();
    const QString name = shown->name;
    menu->addAction(tr("Copy Name"), this, [name] { QGuiApplication::clipboard()->setText(name); })
        ->setObjectName(QStringLiteral("copyName"));
    return menu;
}

void MigrationsPage::startResolve(const QString &name, bool applied, bool baseline)
{
    const MigrationProject project = *m_project;
    m_actionError.reset();
    appendLog(baseline  ? tr("— Baseline %1: mark it applied without running it").arg(name)
              : applied ? tr("— Resolve %1 as applied").arg(name)
                        : tr("— Resolve %1 as rolled back").arg(name));
    m_runner->run<Status>(
        [project, name, applied](const MigrationRunner::Context &) {
            return MigrationTasks::resolve(project, name, applied);
        },
        [this, name, applied, baseline](const Status &status) {
            if (status) {
                appendLog(MigrateOutput::resolved(name, applied));
                m_result->setText(
                    baseline  ? tr("%1 is recorded as applied; its SQL did not run.").arg(name)
                    : applied ? tr("%1 is recorded as applied.").arg(name)
                              : tr("%1 is recorded as rolled back.").arg(name));
                m_result->setStyleSheet(QStringLiteral("color: #1d7a35; font-weight: bold;"));
                clearError();
            } else {
                appendLog(MigrateOutput::error(status.error()));
                setActionError(tr("Could not resolve %1").arg(name), status.error());
            }
            Q_EMIT resolveFinished(bool(status));
            m_refreshQueued = !m_queuedProject;
            runQueued();
        });
    updateActions();
}

CreateMigrationDialog *MigrationsPage::createMigration()
{
    if (!m_project || m_runner->isBusy() || !m_schemaProvider || m_project->isReadOnly())
        return nullptr;
    const QList<SchemaText> schema = m_schemaProvider();
    if (schema.isEmpty()) {
        showError(tr("No schema in the editor"),
                  Error(Error::Code::SchemaNotFound,
                        tr("Open the project's schema in the Schema tab first.")));
        return nullptr;
    }
    auto *dialog = new CreateMigrationDialog(*m_project, schema, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEditorPalette(m_palette);
    connect(dialog, &CreateMigrationDialog::logLine, this, &MigrationsPage::appendLog);
    connect(dialog, &CreateMigrationDialog::migrationCreated, this,
            [this](const QString &name, bool apply) {
                m_result->setText(tr("Created %1.").arg(name));
                m_result->setStyleSheet(QStringLiteral("color: #1d7a35; font-weight: bold;"));
                if (apply && m_project && !m_runner->isBusy()) {
                    // The dialog listed what runs; the new migration goes last.
                    QStringList names = m_overview.status
                                            ? m_overview.status->unappliedMigrationNames
                                            : QStringList();
                    names << name;
                    startDeploy(names);
                } else {
                    refresh();
                }
            });
    dialog->open();
    dialog->startPreview();
    Q_EMIT createDialogOpened(dialog);
    return dialog;
}

} // namespace gh::ui
