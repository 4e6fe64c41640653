#include "ui/migrate/MigrationPrompts.h"

#include <QMessageBox>
#include <QPushButton>

namespace gh::ui {

MigrationPrompts::~MigrationPrompts() = default;

bool MigrationPrompts::confirmApply(QWidget *parent, const QStringList &names,
                                    const QString &database)
{
    QMessageBox box(
        QMessageBox::Question, QObject::tr("Apply pending migrations"),
        (names.size() == 1
             ? QObject::tr("Apply 1 migration to %1?").arg(database)
             : QObject::tr("Apply %1 migrations to %2?").arg(names.size()).arg(database)),
        QMessageBox::Cancel, parent);
    QString items;
    for (const QString &name : names)
        items += QStringLiteral("<li>%1</li>").arg(name.toHtmlEscaped());
    box.setInformativeText(
        QStringLiteral("<p>%1</p><ol>%2</ol>")
            .arg(QObject::tr("They run in this order, each as one script, under Prisma "
                             "Migrate's lock. A failure stops the deploy; what ran before "
                             "it stays applied.")
                     .toHtmlEscaped(),
                 items));
    box.setTextFormat(Qt::PlainText);
    QPushButton *apply = box.addButton(QObject::tr("Apply"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == apply;
}

bool MigrationPrompts::confirmResolve(QWidget *parent, const QString &name, bool applied)
{
    const QString text = applied ? QObject::tr("Mark %1 as applied?").arg(name)
                                 : QObject::tr("Mark %1 as rolled back?").arg(name);
    const QString detail =
        applied ? QObject::tr("Its script will not run. Do this only when you have finished "
                              "the migration by hand (prisma migrate resolve --applied).")
                : QObject::tr("The failed attempt is kept as rolled back and the migration "
                              "becomes pending again. Undo what it did by hand first if it "
                              "ran in part (prisma migrate resolve --rolled-back).");
    QMessageBox box(QMessageBox::Warning, QObject::tr("Resolve a failed migration"), text,
                    QMessageBox::Cancel, parent);
    box.setInformativeText(detail);
    QPushButton *ok =
        box.addButton(applied ? QObject::tr("Mark Applied") : QObject::tr("Mark Rolled Back"),
                      QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == ok;
}

bool MigrationPrompts::confirmBaseline(QWidget *parent, const QString &name,
                                       const QString &database)
{
    QMessageBox box(QMessageBox::Warning, QObject::tr("Baseline a migration"),
                    QObject::tr("Mark %1 as applied without running it?").arg(name),
                    QMessageBox::Cancel, parent);
    box.setInformativeText(
        QObject::tr("Do this only when %1 already has what this migration creates, for example "
                    "to start using Prisma Migrate on an existing database (prisma migrate "
                    "resolve --applied). Its SQL will not run, now or later.")
            .arg(database));
    QPushButton *ok = box.addButton(QObject::tr("Mark Applied"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == ok;
}

bool MigrationPrompts::confirmCloseWhileApplying(QWidget *parent)
{
    QMessageBox box(QMessageBox::Warning, QObject::tr("Migrations are being applied"),
                    QObject::tr("Close Gatehouse while migrations are being applied?"),
                    QMessageBox::Cancel, parent);
    box.setInformativeText(QObject::tr("The migration running now finishes first; the ones "
                                       "after it stay pending."));
    QPushButton *close = box.addButton(QObject::tr("Stop and Close"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == close;
}

} // namespace gh::ui
