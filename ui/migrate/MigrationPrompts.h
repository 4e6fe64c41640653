#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace gh::ui {

/// The confirmations of the Migrations view, behind virtual functions so tests can answer
/// them without dialogs. The defaults use QMessageBox.
class MigrationPrompts
{
public:
    virtual ~MigrationPrompts();

    /// Before a deploy: `names` will run, in this order, on `database`.
    virtual bool confirmApply(QWidget *parent, const QStringList &names, const QString &database);
    /// Before `migrate resolve --applied` (applied) or `--rolled-back` of a failed migration.
    virtual bool confirmResolve(QWidget *parent, const QString &name, bool applied);
    /// Before `migrate resolve --applied` of a pending migration: baselining `database`, whose
    /// schema already has what the migration creates.
    virtual bool confirmBaseline(QWidget *parent, const QString &name, const QString &database);
    /// The window is closing while migrations are being applied.
    virtual bool confirmCloseWhileApplying(QWidget *parent);
};

} // namespace gh::ui
