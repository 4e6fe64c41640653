#include "ui/editor/EditorPrompts.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace gh::ui {

namespace {

QString names(const QStringList &files)
{
    QStringList list;
    for (const QString &file : files)
        list << QFileInfo(file).fileName();
    return list.join(QStringLiteral(", "));
}

} // namespace

EditorPrompts::~EditorPrompts() = default;

EditorPrompts::UnsavedChoice EditorPrompts::askUnsaved(QWidget *parent, const QStringList &files)
{
    QMessageBox box(QMessageBox::Warning, QObject::tr("Unsaved changes"),
                    QObject::tr("Save the changes to %1?").arg(names(files)),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(QObject::tr("Your changes are lost if you do not save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return UnsavedChoice::Save;
    case QMessageBox::Discard:
        return UnsavedChoice::Discard;
    default:
        return UnsavedChoice::Cancel;
    }
}

bool EditorPrompts::askDiscardAndReload(QWidget *parent, const QString &file)
{
    return QMessageBox::question(parent, QObject::tr("Reload schema"),
                                 QObject::tr("Discard your changes to %1 and reload it from disk?")
                                     .arg(names({file})),
                                 QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Discard;
}

bool EditorPrompts::askReloadChanged(QWidget *parent, const QString &file)
{
    return QMessageBox::question(
               parent, QObject::tr("File changed on disk"),
               QObject::tr("%1 changed on disk, and you have unsaved changes to it.\n\nReload "
                           "it and lose your changes, or keep editing your version?")
                   .arg(names({file})),
               QMessageBox::Discard | QMessageBox::Ignore,
               QMessageBox::Ignore) == QMessageBox::Discard;
}

QString EditorPrompts::askSavePath(QWidget *parent, const QString &suggestion)
{
    return QFileDialog::getSaveFileName(parent, QObject::tr("Save Schema As"), suggestion,
                                        QObject::tr("Prisma schema (*.prisma)"));
}

QString EditorPrompts::askOpenFile(QWidget *parent, const QString &directory)
{
    return QFileDialog::getOpenFileName(parent, QObject::tr("Open Schema"), directory,
                                        QObject::tr("Prisma schema (*.prisma);;All files (*)"));
}

QString EditorPrompts::askOpenFolder(QWidget *parent, const QString &directory)
{
    return QFileDialog::getExistingDirectory(parent, QObject::tr("Open Schema Folder"), directory);
}

void EditorPrompts::showError(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::warning(parent, title, text);
}

} // namespace gh::ui
