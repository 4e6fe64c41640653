#pragma once

#include "ui/editor/EditorPalette.h"
#include "ui/migrate/MigrationProject.h"
#include "ui/migrate/MigrationTasks.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gh::ui {

class MigrationRunner;
class SqlViewer;

/// "Create migration from the schema in the editor": computes the migration off the GUI
/// thread as soon as it opens and shows its SQL, warnings and what would run first; nothing is
/// written until Create (or Create and Apply) is pressed.
class CreateMigrationDialog : public QDialog
{
    Q_OBJECT

public:
    CreateMigrationDialog(const MigrationProject &project, const QList<SchemaText> &schema,
                          QWidget *parent = nullptr);
    ~CreateMigrationDialog() override;

    void setEditorPalette(const EditorPalette &palette);
    /// Computes the preview (again).
    void startPreview();
    bool isBusy() const;
    const std::optional<CreationPreview> &preview() const { return m_preview; }

    /// Writes the migration (off the GUI thread); then migrationCreated() and the dialog
    /// closes. False when it cannot start (no preview yet, no name, busy).
    bool create(bool apply);

    QLineEdit *nameEdit() const { return m_name; }
    QLabel *folderLabel() const { return m_folder; }
    SqlViewer *sqlViewer() const { return m_sql; }
    QLabel *warningsLabel() const { return m_warnings; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *createButton() const { return m_createButton; }
    QPushButton *createAndApplyButton() const { return m_applyButton; }

Q_SIGNALS:
    void previewFinished(bool ok);
    /// `folderName` was written; `apply` asks the host to apply the pending migrations.
    void migrationCreated(const QString &folderName, bool apply);
    void createFailed(const gh::Error &error);
    void logLine(const QString &line);

private:
    void onPreview(const Result<CreationPreview> &preview);
    void updateButtons();
    void updateFolderName();

    MigrationProject m_project;
    QList<SchemaText> m_schema;
    MigrationRunner *m_runner = nullptr;
    std::optional<CreationPreview> m_preview;

    QLineEdit *m_name = nullptr;
    QLabel *m_folder = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_warnings = nullptr;
    SqlViewer *m_sql = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_createButton = nullptr;
    QPushButton *m_applyButton = nullptr;
};

} // namespace gh::ui
