#include "ui/migrate/CreateMigrationDialog.h"

#include "core/migrate/DevMigration.h"
#include "core/migrate/MigrationsFolder.h"
#include "ui/migrate/MigrationRunner.h"
#include "ui/migrate/SqlViewer.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gh::ui {

namespace {

QString items(const QStringList &texts)
{
    QString html;
    for (const QString &text : texts)
        html += QStringLiteral("<li>%1</li>").arg(text.toHtmlEscaped());
    return QStringLiteral("<ul style=\"margin: 0\">%1</ul>").arg(html);
}

} // namespace

CreateMigrationDialog::CreateMigrationDialog(const MigrationProject &project,
                                             const QList<SchemaText> &schema, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_schema(schema)
    , m_runner(new MigrationRunner(this))
{
    setWindowTitle(tr("Create Migration from the Schema in the Editor"));
    resize(820, 620);
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. add_user_role"));
    m_name->setMaxLength(MigrationsFolder::MaxNameLength);
    form->addRow(tr("&Name:"), m_name);
    m_folder = new QLabel(this);
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Folder:"), m_folder);
    layout->addLayout(form);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    layout->addWidget(m_status);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("creationWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_warnings->setMargin(6);
    m_warnings->setStyleSheet(QStringLiteral(
        "QLabel#creationWarnings { background: #fff4d6; color: #5a4100; border: 1px solid "
        "#e0b44c; border-radius: 3px; }"));
    m_warnings->hide();
    layout->addWidget(m_warnings);

    m_sql = new SqlViewer(this);
    m_sql->setObjectName(QStringLiteral("creationSql"));
    layout->addWidget(m_sql, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_createButton = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_createButton->setToolTip(tr("Write the migration folder only (migrate dev --create-only)"));
    m_applyButton = m_buttons->addButton(tr("Create and &Apply"), QDialogButtonBox::ApplyRole);
    m_applyButton->setToolTip(tr("Write the migration, then apply every pending migration"));
    // The buttons act through create(); the box must not close the dialog by itself.
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_createButton, &QPushButton::clicked, this, [this] { create(false); });
    connect(m_applyButton, &QPushButton::clicked, this, [this] { create(true); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, [this] {
        updateFolderName();
        updateButtons();
    });
    connect(m_runner, &MigrationRunner::logLine, this, &CreateMigrationDialog::logLine);
    connect(m_runner, &MigrationRunner::busyChanged, this, &CreateMigrationDialog::updateButtons);
    updateFolderName();
    updateButtons();
}

CreateMigrationDialog::~CreateMigrationDialog() = default;

void CreateMigrationDialog::setEditorPalette(const EditorPalette &palette)
{
    m_sql->setEditorPalette(palette);
}

bool CreateMigrationDialog::isBusy() const
{
    return m_runner->isBusy();
}

void CreateMigrationDialog::startPreview()
{
    if (m_runner->isBusy())
        return;
    m_preview.reset();
    m_status->setText(
        tr("Computing the migration from <code>%1</code> to the schema in the "
           "editor …")
            .arg(QDir::toNativeSeparators(m_project.target.migrationsPath).toHtmlEscaped()));
    m_sql->setScript(QByteArray());
    m_warnings->hide();
    const MigrationProject project = m_project;
    const QList<SchemaText> schema = m_schema;
    m_runner->run<Result<CreationPreview>>(
        [project, schema](const MigrationRunner::Context &context) {
            return MigrationTasks::previewCreation(project, schema, context.isCancelled,
                                                   context.log);
        },
        [this](const Result<CreationPreview> &preview) { onPreview(preview); });
    updateButtons();
}

void CreateMigrationDialog::onPreview(const Result<CreationPreview> &preview)
{
    if (!preview) {
        m_status->setText(QStringLiteral("<b style=\"color: #b01c1c\">%1</b><br>%2")
                              .arg(tr("The migration cannot be computed.").toHtmlEscaped(),
                                   preview.error().fullText().toHtmlEscaped().replace(
                                       QLatin1Char('\n'), QStringLiteral("<br>"))));
        updateButtons();
        Q_EMIT previewFinished(false);
        return;
    }
    m_preview = *preview;
    m_sql->setScript(preview->script.toUtf8());

    QStringList status;
    status << (preview->isEmpty
                   ? tr("<b>No changes:</b> the schema matches the migrations. Create writes an "
                        "empty migration to fill in by hand.")
                   : tr("Nothing has been written yet. Review the SQL, then Create."));
    if (!preview->pendingMigrationNames.isEmpty())
        status
            << tr("Create and Apply first runs the pending %1, then the new one.")
                   .arg(preview->pendingMigrationNames.join(QStringLiteral(", ")).toHtmlEscaped());
    for (const QString &note : preview->notes)
        status << QStringLiteral("<small>%1</small>").arg(note.toHtmlEscaped());
    m_status->setText(status.join(QStringLiteral("<br>")));

    QString warnings;
    if (!preview->warnings.isEmpty())
        warnings += tr("<b>Warnings</b> — data may be lost:") + items(preview->warnings);
    if (!preview->unexecutable.isEmpty())
        warnings +=
            tr("<b>Cannot be executed</b> on the data there is:") + items(preview->unexecutable);
    m_warnings->setText(warnings);
    m_warnings->setVisible(!warnings.isEmpty());
    updateButtons();
    Q_EMIT previewFinished(true);
}

void CreateMigrationDialog::updateFolderName()
{
    const QString slug = DevMigration::migrationName(m_name->text());
    m_folder->setText(slug.isEmpty()
                          ? tr("(type a name)")
                          : MigrationsFolder::directoryName(QDateTime::currentDateTimeUtc(), slug));
}

void CreateMigrationDialog::updateButtons()
{
    const bool ready =
        m_preview && !m_runner->isBusy() && !DevMigration::migrationName(m_name->text()).isEmpty();
    m_createButton->setEnabled(ready);
    // Prisma refuses to apply steps that cannot run on the data there is.
    m_applyButton->setEnabled(ready && !m_preview->isEmpty && m_preview->unexecutable.isEmpty());
}

bool CreateMigrationDialog::create(bool apply)
{
    if (!m_preview || m_runner->isBusy() || DevMigration::migrationName(m_name->text()).isEmpty())
        return false;
    const MigrationProject project = m_project;
    const CreationPreview preview = *m_preview;
    const QString name = m_name->text();
    m_status->setText(tr("Writing the migration …"));
    m_runner->run<Result<QString>>(
        [project, preview, name](const MigrationRunner::Context &) {
            return MigrationTasks::writeMigration(project, preview, name);
        },
        [this, apply](const Result<QString> &folder) {
            if (!folder) {
                m_status->setText(QStringLiteral("<b style=\"color: #b01c1c\">%1</b><br>%2")
                                      .arg(tr("The migration was not written.").toHtmlEscaped(),
                                           folder.error().fullText().toHtmlEscaped()));
                Q_EMIT createFailed(folder.error());
                updateButtons();
                return;
            }
            Q_EMIT logLine(tr("Created migrations/%1/migration.sql").arg(*folder));
            Q_EMIT migrationCreated(*folder, apply);
            accept();
        });
    updateButtons();
    return true;
}

} // namespace gh::ui
