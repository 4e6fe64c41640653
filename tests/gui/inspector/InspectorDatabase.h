#pragma once

// A database for the inspector's GUI tests: the demo project (SQLite, as `gatehouse --demo`
// opens it) or, when GATEHOUSE_TEST_PG_URL is set, a scratch PostgreSQL database created by
// Prisma's SQL and filled with generated Auth.js rows.

#include "core/auth/AuthWorkspace.h"
#include "core/url/ProjectResolver.h"
#include "tests/support/TestPostgres.h"

#include <QTemporaryDir>
#include <memory>
#include <optional>

namespace gh::test {

class InspectorDatabase
{
public:
    enum Backend { Sqlite, Postgres };

    /// Adds the `backend` column with one row per backend (for _data() functions).
    static void addBackendRows();

    /// Opens the database; false with errorText() on failure. `sessions`: at least this many
    /// sessions (PostgreSQL; the demo has what it has).
    bool open(Backend backend, int sessions = 1500);
    /// True when the backend cannot run here (no PostgreSQL server): the test QSKIPs.
    static bool unavailable(Backend backend);

    const AuthWorkspace &workspace() const { return *m_workspace; }
    /// What opens this database in the window (MainWindow::openProject).
    const ProjectOptions &options() const { return m_options; }
    QString errorText() const { return m_error; }
    /// The demo's SQLite file (empty for PostgreSQL).
    QString sqlitePath() const { return m_sqlitePath; }
    /// Runs SQL on the PostgreSQL database from a connection of the test's own.
    bool runOnPostgres(const QString &sql);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ScratchPostgres> m_pg;
    std::optional<AuthWorkspace> m_workspace;
    ProjectOptions m_options;
    QString m_sqlitePath;
    QString m_error;
};

} // namespace gh::test
