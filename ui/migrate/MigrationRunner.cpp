#include "ui/migrate/MigrationRunner.h"

namespace gh::ui {

MigrationRunner::MigrationRunner(QObject *parent)
    : QObject(parent)
{}

MigrationRunner::~MigrationRunner()
{
    // A job still running stops at its next safe point; its result goes nowhere.
    cancel();
}

void MigrationRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void MigrationRunner::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    if (!busy)
        m_cancel.reset();
    Q_EMIT busyChanged(busy);
}

} // namespace gh::ui
