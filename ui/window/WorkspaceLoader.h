#pragma once

#include "core/auth/AuthWorkspace.h"
#include "core/common/Error.h"
#include "core/url/ConnectionProfile.h"
#include "core/url/ProjectResolver.h"

#include <QObject>
#include <optional>

namespace gh::ui {

/// What the window needs to show a database: the workspace (its views load their own rows), or
/// why it cannot be opened.
struct WorkspaceSnapshot
{
    std::optional<AuthWorkspace> workspace;
    Error error;
    /// The project's schema files, also when the database could not be opened (so the schema
    /// can be fixed in the editor). Empty when there is no schema.
    QStringList schemaFiles;
    /// The saved connection naming the same database, whichever way it was found (DATABASE_URL,
    /// `.env`, the demo): its environment tag still applies.
    std::optional<ConnectionProfile> savedConnection;
};

/// Opens a project off the GUI thread (resolution, demo creation, the mapping checked against
/// the catalog) and reports back on it. A newer request supersedes an older one still running.
class WorkspaceLoader : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceLoader(QObject *parent = nullptr);
    ~WorkspaceLoader() override;

    /// `demoDirectory` non-empty: create the demo project there if needed and open it.
    void load(const ProjectOptions &options, const QString &demoDirectory = QString());
    bool isLoading() const { return m_running > 0; }

Q_SIGNALS:
    void started();
    void finished(const gh::ui::WorkspaceSnapshot &snapshot);

private:
    quint64 m_generation = 0;
    int m_running = 0;
};

} // namespace gh::ui
