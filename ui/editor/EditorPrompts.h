#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace gh::ui {

/// The questions the schema workspace asks people, behind virtual functions so tests can
/// answer them without dialogs. The defaults use QMessageBox and QFileDialog.
class EditorPrompts
{
public:
    enum class UnsavedChoice { Save, Discard, Cancel };

    virtual ~EditorPrompts();

    /// Edits in `files` would be lost (closing, opening another schema).
    virtual UnsavedChoice askUnsaved(QWidget *parent, const QStringList &files);
    /// Reloading `file` from disk would drop its edits.
    virtual bool askDiscardAndReload(QWidget *parent, const QString &file);
    /// `file` changed on disk while it has edits here: reload it?
    virtual bool askReloadChanged(QWidget *parent, const QString &file);
    virtual QString askSavePath(QWidget *parent, const QString &suggestion);
    virtual QString askOpenFile(QWidget *parent, const QString &directory);
    virtual QString askOpenFolder(QWidget *parent, const QString &directory);
    virtual void showError(QWidget *parent, const QString &title, const QString &text);
};

} // namespace gh::ui
