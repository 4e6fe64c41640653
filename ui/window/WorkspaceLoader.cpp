#include "ui/window/WorkspaceLoader.h"

#include "core/auth/DemoProject.h"
#include "core/url/ConnectionStore.h"

#include <QFutureWatcher>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace gh::ui {

namespace {

WorkspaceSnapshot loadSnapshot(ProjectOptions options, const QString &demoDirectory)
{
    WorkspaceSnapshot snapshot;
    if (!demoDirectory.isEmpty()) {
        auto demo = DemoProject::ensure(demoDirectory);
        if (!demo) {
            snapshot.error = demo.error().wrapped(QStringLiteral("Creating the demo project"));
            return snapshot;
        }
        options.workingDirectory = demoDirectory;
        options.schemaOverride.clear();
        options.urlOverride.clear();
    }
    auto workspace = AuthWorkspace::open(options);
    if (!workspace) {
        snapshot.error = workspace.error();
        if (auto project = ProjectResolver::resolveSchema(options))
            snapshot.schemaFiles = project.value().schemaFiles;
        return snapshot;
    }
    snapshot.schemaFiles = workspace.value().schemaFiles();
    // Only the saved connections are read here: no keyring is needed to find a tag.
    QSettings settings;
    const ConnectionStore store(&settings, nullptr);
    snapshot.savedConnection = store.findByUrl(workspace.value().url());
    if (!snapshot.savedConnection && !options.workingDirectory.isEmpty())
        snapshot.savedConnection = store.findByProjectFolder(options.workingDirectory);
    snapshot.workspace = std::move(workspace.value());
    return snapshot;
}

} // namespace

WorkspaceLoader::WorkspaceLoader(QObject *parent)
    : QObject(parent)
{}

WorkspaceLoader::~WorkspaceLoader() = default;

void WorkspaceLoader::load(const ProjectOptions &options, const QString &demoDirectory)
{
    // The task shares nothing with this object; a superseded one finishes unobserved.
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<WorkspaceSnapshot>(this);
    connect(watcher, &QFutureWatcher<WorkspaceSnapshot>::finished, this,
            [this, watcher, generation] {
                --m_running;
                watcher->deleteLater();
                if (generation == m_generation)
                    Q_EMIT finished(watcher->result());
            });
    ++m_running;
    Q_EMIT started();
    watcher->setFuture(QtConcurrent::run(loadSnapshot, options, demoDirectory));
}

} // namespace gh::ui
