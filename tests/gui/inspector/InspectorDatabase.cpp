#include "tests/gui/inspector/InspectorDatabase.h"

#include "core/auth/DemoProject.h"
#include "tests/integration/auth/AuthTestData.h"

#include <QTest>

namespace gh::test {

void InspectorDatabase::addBackendRows()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << int(Sqlite);
    QTest::newRow("postgres") << int(Postgres);
}

bool InspectorDatabase::unavailable(Backend backend)
{
    return backend == Postgres && ScratchPostgres::serverUrl().isEmpty();
}

bool InspectorDatabase::runOnPostgres(const QString &sql)
{
    if (!m_pg || !m_pg->run(sql)) {
        m_error = m_pg ? m_pg->errorText() : QStringLiteral("not PostgreSQL");
        return false;
    }
    return true;
}

bool InspectorDatabase::open(Backend backend, int sessions)
{
    ProjectOptions options;
    if (backend == Sqlite) {
        const QString directory = m_dir.filePath(QStringLiteral("demo"));
        auto demo = DemoProject::ensure(directory);
        if (!demo) {
            m_error = demo.error().fullText();
            return false;
        }
        m_sqlitePath = demo->databasePath();
        options.workingDirectory = directory;
        options.environment = QProcessEnvironment();
    } else {
        m_pg = std::make_unique<ScratchPostgres>();
        AuthDataSizes sizes;
        sizes.sessions = sessions;
        if (!m_pg->isValid() || !m_pg->runSqlFile(QStringLiteral("authjs-postgres.sql")) ||
            !m_pg->run(generateAuthData(AuthLayout::PrismaDefault, sizes)) ||
            !m_pg->run(QStringLiteral("ANALYZE"))) {
            m_error = m_pg->errorText();
            return false;
        }
        options = urlOnlyOptions(m_pg->url());
    }
    m_options = options;
    auto workspace = AuthWorkspace::open(options);
    if (!workspace) {
        m_error = workspace.error().fullText();
        return false;
    }
    m_workspace = std::move(workspace.value());
    return true;
}

} // namespace gh::test
