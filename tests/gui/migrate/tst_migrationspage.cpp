// The Migrations view driven offscreen on real projects: SQLite in a temporary folder (and
// PostgreSQL when the suite runs with a server): the status list, apply pending with its
// confirmation, the create-migration preview, a failed migration's logs and resolve.

#include "core/migrate/MigrationTarget.h"
#include "core/migrate/Migrator.h"
#include "core/url/ProjectResolver.h"
#include "tests/support/TestPostgres.h"
#include "ui/editor/SchemaWorkspace.h"
#include "ui/migrate/CreateMigrationDialog.h"
#include "ui/migrate/MigrationListModel.h"
#include "ui/migrate/MigrationPrompts.h"
#include "ui/migrate/MigrationsController.h"
#include "ui/migrate/MigrationsPage.h"
#include "ui/migrate/SqlViewer.h"
#include "ui/window/MainWindow.h"
#include "ui/window/MessagePanel.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QToolButton>
#include <QTreeView>
#include <QUuid>
#include <QtTest>
#include <algorithm>

using namespace gh;
using namespace gh::ui;

namespace {

const QString kInit = QStringLiteral("20250101000000_init");
const QString kAddRole = QStringLiteral("20250101000001_add_role");

QString dataPath(const QString &relative)
{
    return QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/migrate/") + relative;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool copyMigration(const QString &fromFolder, const QString &name, const QString &migrations)
{
    return writeFile(QDir(migrations).filePath(name + QStringLiteral("/migration.sql")),
                     readFile(QDir(fromFolder).filePath(name + QStringLiteral("/migration.sql"))));
}

/// `sha256sum` output: migration name → checksum.
QHash<QString, QString> goldenChecksums(const QString &path)
{
    QHash<QString, QString> sums;
    for (const QByteArray &line : readFile(path).split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() == 2)
            sums.insert(QString::fromUtf8(parts.at(1)).section(QLatin1Char('/'), 0, 0),
                        QString::fromUtf8(parts.at(0)));
    }
    return sums;
}

/// A SQLite project like `prisma init` makes: prisma/schema.prisma, .env with DATABASE_URL,
/// prisma/migrations with the lock file and the given migrations of tests/data/migrate/gui.
struct SqliteProject
{
    QTemporaryDir dir;

    explicit SqliteProject(const QStringList &migrations)
    {
        const QString gui = dataPath(QStringLiteral("gui"));
        writeFile(schemaPath(), readFile(gui + QStringLiteral("/schema-role.prisma")));
        writeFile(dir.filePath(QStringLiteral(".env")), "DATABASE_URL=\"file:./dev.db\"\n");
        writeFile(migrationsPath() + QStringLiteral("/migration_lock.toml"),
                  readFile(gui + QStringLiteral("/migrations/migration_lock.toml")));
        for (const QString &name : migrations)
            copyMigration(gui + QStringLiteral("/migrations"), name, migrationsPath());
    }

    QString schemaPath() const { return dir.filePath(QStringLiteral("prisma/schema.prisma")); }
    QString migrationsPath() const { return dir.filePath(QStringLiteral("prisma/migrations")); }
    QString databasePath() const { return dir.filePath(QStringLiteral("prisma/dev.db")); }

    ProjectOptions options() const
    {
        ProjectOptions options;
        options.workingDirectory = dir.path();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DATABASE_URL"));
        options.environment = environment;
        return options;
    }

    MigrationProject project() const
    {
        auto resolved = ProjectResolver::resolve(options());
        if (!resolved)
            qFatal("%s", qPrintable(resolved.error().fullText()));
        auto target = MigrationTarget::fromProject(*resolved);
        if (!target)
            qFatal("%s", qPrintable(target.error().fullText()));
        MigrationProject project;
        project.target = *target;
        project.projectDirectory = dir.path();
        project.schemaFiles = resolved->schemaFiles;
        return project;
    }

    QStringList folderNames() const
    {
        return QDir(migrationsPath()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    }
};

/// Applies the project's migrations with core, as `prisma migrate deploy` would (setup only).
bool deployWithCore(const MigrationProject &project)
{
    auto migrator = Migrator::connect(project.target, Migrator::Options(),
                                      Migrator::Connect::CreateSqliteFileIfMissing);
    return migrator && (*migrator)->deploy();
}

struct MigrationRow
{
    QString name;
    QString checksum;
    bool finished = false;
    bool rolledBack = false;
    int appliedStepsCount = 0;
    QString logs;
};

QVector<MigrationRow> sqliteHistory(const QString &databasePath)
{
    QVector<MigrationRow> rows;
    const QString connection = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral(
                "SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS "
                "NOT NULL, applied_steps_count, logs FROM _prisma_migrations ORDER BY "
                "started_at, migration_name"));
            while (query.next())
                rows << MigrationRow{query.value(0).toString(), query.value(1).toString(),
                                     query.value(2).toBool(),   query.value(3).toBool(),
                                     query.value(4).toInt(),    query.value(5).toString()};
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

/// Answers the confirmations and remembers what they asked.
class TestPrompts : public MigrationPrompts
{
public:
    bool answer = true;
    QStringList applyAsked;
    QString resolveAsked;

    bool confirmApply(QWidget *, const QStringList &names, const QString &) override
    {
        applyAsked = names;
        return answer;
    }
    bool confirmResolve(QWidget *, const QString &name, bool) override
    {
        resolveAsked = name;
        return answer;
    }
    bool confirmBaseline(QWidget *, const QString &name, const QString &) override
    {
        baselineAsked = name;
        return answer;
    }
    QString baselineAsked;
};

/// Gives `page` confirmations that answer `answer` and remember what they were asked.
TestPrompts *answerPrompts(MigrationsPage &page, bool answer = true)
{
    auto prompts = std::make_unique<TestPrompts>();
    TestPrompts *asked = prompts.get();
    asked->answer = answer;
    page.setPrompts(std::move(prompts));
    return asked;
}

/// Runs `sql` on a SQLite file outside any migration (a database made by hand).
bool runSqlite(const QString &databasePath, const QByteArray &sql)
{
    const QString connection = QUuid::createUuid().toString();
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        ok = db.open();
        for (const QByteArray &statement : sql.split(';')) {
            if (ok && !statement.trimmed().isEmpty())
                ok = QSqlQuery(db).exec(QString::fromUtf8(statement));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QStringList actionNames(const QMenu *menu)
{
    QStringList names;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names << action->objectName() +
                         (action->isEnabled() ? QString() : QStringLiteral("(off)"));
    }
    return names;
}

QStringList states(const MigrationListModel *model)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, 0).data().toString() + QLatin1Char('=') +
                     model->index(row, MigrationListModel::StateColumn).data().toString();
    return texts;
}

MigrationIcons::Kind kindAt(const MigrationListModel *model, int row)
{
    return MigrationIcons::Kind(model->index(row, 0).data(MigrationListModel::KindRole).toInt());
}

/// Shows the page and waits for its first status.
bool load(MigrationsPage &page, const MigrationProject &project)
{
    QSignalSpy loaded(&page, &MigrationsPage::overviewLoaded);
    page.setProject(project);
    return loaded.wait(30000);
}

/// The window's Migrations controller: the one its constructor made (once MainWindow creates
/// it), else one attached here, as MainWindow's constructor would.
MigrationsController *attachedController(MainWindow &window)
{
    if (auto *controller = window.findChild<MigrationsController *>())
        return controller;
    return new MigrationsController(&window);
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        widget->grab().save(QDir(folder).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestMigrationsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listShowsAppliedAndPending()
    {
        SqliteProject project({kInit});
        QVERIFY(deployWithCore(project.project()));
        QVERIFY(copyMigration(dataPath(QStringLiteral("gui/migrations")), kAddRole,
                              project.migrationsPath()));

        MigrationsPage page;
        page.resize(1100, 700);
        page.show();
        QVERIFY(load(page, project.project()));

        const MigrationListModel *model = page.model();
        QCOMPARE(states(model), QStringList({kInit + QStringLiteral("=Applied"),
                                             kAddRole + QStringLiteral("=Pending")}));
        QCOMPARE(kindAt(model, 0), MigrationIcons::Kind::Applied);
        QCOMPARE(kindAt(model, 1), MigrationIcons::Kind::Pending);
        QVERIFY(!model->index(0, MigrationListModel::AppliedColumn).data().toString().isEmpty());
        QVERIFY(model->index(0, MigrationListModel::AppliedColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("UTC")));
        QCOMPARE(model->index(0, MigrationListModel::ChecksumColumn).data().toString(),
                 QStringLiteral("Matches"));
        QVERIFY(model->index(1, MigrationListModel::AppliedColumn).data().toString().isEmpty());

        // The pending migration is selected; its SQL is in the read-only viewer.
        QCOMPARE(page.list()->currentIndex().row(), 1);
        QCOMPARE(page.sqlViewer()->utf8Text(),
                 readFile(dataPath(QStringLiteral("gui/migrations/")) + kAddRole +
                          QStringLiteral("/migration.sql")));
        QVERIFY(page.sqlViewer()->isReadOnly());
        QVERIFY(page.applyAction()->isEnabled());
        QCOMPARE(page.applyAction()->text(), QStringLiteral("Apply 1 Pending"));
        QVERIFY(page.warningLabel()->isHidden());
        saveScreenshot(&page, QStringLiteral("migrations-pending"));

        // Another migration selected: its SQL follows.
        QVERIFY(page.selectMigration(kInit));
        QCOMPARE(page.sqlViewer()->utf8Text(),
                 readFile(dataPath(QStringLiteral("gui/migrations/")) + kInit +
                          QStringLiteral("/migration.sql")));
    }

    void editedAndMissingMigrationsAreWarnings()
    {
        SqliteProject project({kInit, kAddRole});
        QVERIFY(deployWithCore(project.project()));
        // Edited after it ran, and one the database has that the folder lost.
        const QString initScript =
            QDir(project.migrationsPath()).filePath(kInit + QStringLiteral("/migration.sql"));
        QVERIFY(writeFile(initScript, readFile(initScript) + "\n-- edited\n"));
        QVERIFY(QDir(QDir(project.migrationsPath()).filePath(kAddRole)).removeRecursively());

        MigrationsPage page;
        page.resize(1100, 700);
        page.show();
        QVERIFY(load(page, project.project()));
        QCOMPARE(kindAt(page.model(), 0), MigrationIcons::Kind::Edited);
        QCOMPARE(kindAt(page.model(), 1), MigrationIcons::Kind::MissingLocally);
        QCOMPARE(page.model()->index(0, MigrationListModel::ChecksumColumn).data().toString(),
                 QStringLiteral("Differs from the recorded one"));
        QVERIFY(page.warningLabel()->isVisible());
        const QString warning = page.warningLabel()->text();
        QVERIFY2(warning.contains(QLatin1String("Edited after they were applied")) &&
                     warning.contains(kInit),
                 qPrintable(warning));
        QVERIFY2(warning.contains(QLatin1String("missing from the migrations folder")) &&
                     warning.contains(kAddRole),
                 qPrintable(warning));
        saveScreenshot(&page, QStringLiteral("migrations-warnings"));
    }

    void applyPendingAsksFirst_data()
    {
        QTest::addColumn<bool>("confirmed");
        QTest::newRow("confirmed: everything applied") << true;
        QTest::newRow("refused: nothing runs") << false;
    }

    void applyPendingAsksFirst()
    {
        QFETCH(bool, confirmed);
        SqliteProject project({kInit, kAddRole});
        MigrationsPage page;
        page.resize(1100, 700);
        page.show();
        TestPrompts *asked = answerPrompts(page, confirmed);
        QVERIFY(load(page, project.project()));
        QCOMPARE(states(page.model()), QStringList({kInit + QStringLiteral("=Pending"),
                                                    kAddRole + QStringLiteral("=Pending")}));
        QVERIFY(page.warningLabel()->text().contains(QLatin1String("_prisma_migrations")));

        QSignalSpy finished(&page, &MigrationsPage::deployFinished);
        QSignalSpy loaded(&page, &MigrationsPage::overviewLoaded);
        QCOMPARE(page.applyPending(), confirmed);
        // The confirmation listed what will run, in order.
        QCOMPARE(asked->applyAsked, QStringList({kInit, kAddRole}));
        if (!confirmed) {
            QVERIFY(!page.isBusy());
            QVERIFY(!QFile::exists(project.databasePath()) ||
                    sqliteHistory(project.databasePath()).isEmpty());
            return;
        }
        // Nothing blocks: the GUI thread returns at once and the deploy runs behind.
        QVERIFY(page.isBusy());
        QVERIFY(!page.applyAction()->isEnabled());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(loaded.wait(30000));

        QCOMPARE(states(page.model()), QStringList({kInit + QStringLiteral("=Applied"),
                                                    kAddRole + QStringLiteral("=Applied")}));
        QVERIFY2(page.resultLabel()->text().contains(QLatin1String("Applied 2 migrations")),
                 qPrintable(page.resultLabel()->text()));
        const QString log = page.logView()->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("Applying migration `%1` (1/2)").arg(kInit)) &&
                     log.contains(QStringLiteral("Applying migration `%1` (2/2)").arg(kAddRole)),
                 qPrintable(log));
        QVERIFY(!page.applyAction()->isEnabled());
        saveScreenshot(&page, QStringLiteral("migrations-applied"));

        // The rows Prisma would have written, with Prisma's checksums (sha256sum of the files).
        const auto golden = goldenChecksums(dataPath(QStringLiteral("gui/sha256sums.txt")));
        const QVector<MigrationRow> rows = sqliteHistory(project.databasePath());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).name, kInit);
        QCOMPARE(rows.at(1).name, kAddRole);
        for (const MigrationRow &row : rows) {
            QCOMPARE(row.checksum, golden.value(row.name));
            QVERIFY(row.finished);
            QVERIFY(!row.rolledBack);
            QCOMPARE(row.appliedStepsCount, 1);
        }
    }

    void createPreviewsAndWritesOnlyWhenConfirmed()
    {
        SqliteProject project({kInit, kAddRole});
        QVERIFY(deployWithCore(project.project()));
        MigrationsPage page;
        page.resize(1100, 700);
        page.show();
        // The editor holds the edited schema, not saved: the file on disk stays as it was.
        const QByteArray edited = readFile(dataPath(QStringLiteral("gui/schema-edited.prisma")));
        const QString schemaPath = project.schemaPath();
        page.setSchemaProvider([schemaPath, edited] {
            return QList<SchemaText>{SchemaText{schemaPath, edited}};
        });
        QVERIFY(load(page, project.project()));
        QVERIFY(page.createAction()->isEnabled());

        CreateMigrationDialog *dialog = page.createMigration();
        QVERIFY(dialog);
        QSignalSpy previewed(dialog, &CreateMigrationDialog::previewFinished);
        QVERIFY(previewed.wait(60000));
        QVERIFY2(previewed.first().first().toBool(), qPrintable(dialog->statusLabel()->text()));

        const QByteArray golden = readFile(dataPath(QStringLiteral("gui/create-preview.sql")));
        QCOMPARE(dialog->sqlViewer()->utf8Text(), golden);
        QVERIFY(dialog->sqlViewer()->isReadOnly());
        // Nothing written yet: no new folder, the schema file untouched.
        QCOMPARE(project.folderNames(), QStringList({kInit, kAddRole}));
        QCOMPARE(readFile(schemaPath),
                 readFile(dataPath(QStringLiteral("gui/schema-role.prisma"))));
        // A name is needed first.
        QVERIFY(!dialog->createButton()->isEnabled());
        dialog->nameEdit()->setText(QStringLiteral("Add nickname"));
        QVERIFY(dialog->folderLabel()->text().endsWith(QLatin1String("_add_nickname")));
        QVERIFY(dialog->createButton()->isEnabled());
        dialog->resize(820, 560);
        saveScreenshot(dialog, QStringLiteral("create-migration"));

        QSignalSpy created(dialog, &CreateMigrationDialog::migrationCreated);
        QSignalSpy loaded(&page, &MigrationsPage::overviewLoaded);
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QVERIFY(created.wait(30000));
        QCOMPARE(created.first().at(1).toBool(), false);
        const QString folder = created.first().first().toString();
        QVERIFY(
            QRegularExpression(QStringLiteral("^\\d{14}_add_nickname$")).match(folder).hasMatch());
        QCOMPARE(project.folderNames(), QStringList({kInit, kAddRole, folder}));
        QCOMPARE(readFile(QDir(project.migrationsPath()).filePath(folder + "/migration.sql")),
                 golden);

        // The page reads the folder again: the new migration is pending.
        QVERIFY(loaded.wait(30000));
        QCOMPARE(states(page.model()).last(), folder + QStringLiteral("=Pending"));
    }

    void cancellingTheCreateDialogWritesNothing()
    {
        SqliteProject project({kInit, kAddRole});
        QVERIFY(deployWithCore(project.project()));
        MigrationsPage page;
        const QByteArray edited = readFile(dataPath(QStringLiteral("gui/schema-edited.prisma")));
        const QString schemaPath = project.schemaPath();
        page.setSchemaProvider([schemaPath, edited] {
            return QList<SchemaText>{SchemaText{schemaPath, edited}};
        });
        QVERIFY(load(page, project.project()));
        QPointer<CreateMigrationDialog> dialog = page.createMigration();
        QVERIFY(dialog);
        QSignalSpy previewed(dialog.data(), &CreateMigrationDialog::previewFinished);
        QVERIFY(previewed.wait(60000));
        dialog->nameEdit()->setText(QStringLiteral("never"));
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(project.folderNames(), QStringList({kInit, kAddRole}));
    }

    // A drift check builds a shadow database: a refresh that finds the same applied history
    // shows the last result again; the Refresh action and a changed history check again.
    void driftIsCheckedAgainOnlyWhenItMayHaveChanged()
    {
        SqliteProject project({kInit, kAddRole});
        QVERIFY(deployWithCore(project.project()));
        MigrationsPage page;
        QVERIFY(load(page, project.project()));
        QCOMPARE(page.driftChecksStarted(), 1);
        QVERIFY(page.overview().status->drift);
        QVERIFY(!page.overview().status->drift->detected);

        QSignalSpy loaded(&page, &MigrationsPage::overviewLoaded);
        page.refresh();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(page.driftChecksStarted(), 1);
        QVERIFY(page.overview().status->drift); // the last result, still shown
        QVERIFY(!page.overview().status->drift->detected);

        page.refreshAction()->trigger();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(page.driftChecksStarted(), 2);

        // A migration applied elsewhere (the CLI, a colleague): the history changed.
        QVERIFY(copyMigration(dataPath(QStringLiteral("gui/migrations")), kAddRole,
                              project.migrationsPath()));
        const QString nickname = QStringLiteral("20250101000002_add_nickname");
        QVERIFY(writeFile(QDir(project.migrationsPath()).filePath(nickname + "/migration.sql"),
                          readFile(dataPath(QStringLiteral("gui/create-preview.sql")))));
        QVERIFY(deployWithCore(project.project()));
        page.refresh();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(page.driftChecksStarted(), 3);
        QVERIFY(page.overview().status->drift);
    }

    // Production connections build no shadow database unless Refresh asks for one.
    void productionChecksDriftOnlyWhenAsked()
    {
        SqliteProject project({kInit, kAddRole});
        QVERIFY(deployWithCore(project.project()));
        MainWindow window;
        MigrationsPage *page = attachedController(window)->page();
        window.setEnvironment(EnvironmentTag::Production, QStringLiteral("prod"));
        QVERIFY(!page->automaticDriftCheck());
        QVERIFY(load(*page, project.project()));
        QCOMPARE(page->driftChecksStarted(), 0);
        QVERIFY(!page->overview().status->drift);
        const auto labels = page->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *label) {
            return label->text().contains(QLatin1String("drift not checked on a production"));
        })); // the project line says why
        page->resize(1100, 600);
        saveScreenshot(page, QStringLiteral("migrations-production"));

        QSignalSpy loaded(page, &MigrationsPage::overviewLoaded);
        page->refreshAction()->trigger();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(page->driftChecksStarted(), 1);
        QVERIFY(page->overview().status->drift);

        window.setEnvironment(EnvironmentTag::Development, QString());
        QVERIFY(page->automaticDriftCheck());
    }

    void createAndApplyEndsWithEverythingApplied()
    {
        SqliteProject project({kInit, kAddRole});
        QVERIFY(deployWithCore(project.project()));
        MigrationsPage page;
        const QByteArray edited = readFile(dataPath(QStringLiteral("gui/schema-edited.prisma")));
        const QString schemaPath = project.schemaPath();
        page.setSchemaProvider([schemaPath, edited] {
            return QList<SchemaText>{SchemaText{schemaPath, edited}};
        });
        QVERIFY(load(page, project.project()));
        CreateMigrationDialog *dialog = page.createMigration();
        QSignalSpy previewed(dialog, &CreateMigrationDialog::previewFinished);
        QVERIFY(previewed.wait(60000));
        dialog->nameEdit()->setText(QStringLiteral("nickname"));
        QSignalSpy finished(&page, &MigrationsPage::deployFinished);
        QTest::mouseClick(dialog->createAndApplyButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        const QVector<MigrationRow> rows = sqliteHistory(project.databasePath());
        QCOMPARE(rows.size(), 3);
        QVERIFY(rows.last().name.endsWith(QLatin1String("_nickname")));
        QVERIFY(rows.last().finished);
    }

    void failedMigrationShowsItsLogsAndResolves()
    {
        SqliteProject project({kInit});
        // Creates a table, then fails: SQLite runs the script in one transaction, so the table
        // must not stay behind.
        QVERIFY(writeFile(QDir(project.migrationsPath())
                              .filePath(QStringLiteral("20250101000002_broken/migration.sql")),
                          "CREATE TABLE \"Half\" (\"id\" TEXT NOT NULL PRIMARY KEY);\n"
                          "INSERT INTO \"Nowhere\" (\"id\") VALUES ('x');\n"));
        MigrationsPage page;
        page.resize(1100, 700);
        page.show();
        TestPrompts *asked = answerPrompts(page);
        QVERIFY(load(page, project.project()));

        QSignalSpy finished(&page, &MigrationsPage::deployFinished);
        QSignalSpy loaded(&page, &MigrationsPage::overviewLoaded);
        QVERIFY(page.applyPending());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(loaded.wait(30000));

        // The error stays in the page, its detail one click away.
        QVERIFY(page.errorLabel()->isVisible());
        QVERIFY2(page.errorLabel()->text().contains(QLatin1String("failed to apply")),
                 qPrintable(page.errorLabel()->text()));
        QVERIFY(!page.errorDetail()->isVisible());
        QToolButton *details = page.errorDetailsButton();
        QVERIFY(details->isVisible());
        QTest::mouseClick(details, Qt::LeftButton);
        QVERIFY(page.errorDetail()->isVisible());
        const QString detail = page.errorDetail()->toPlainText();
        QVERIFY2(detail.contains(QLatin1String("20250101000002_broken")) &&
                     detail.contains(QLatin1String("Nowhere")),
                 qPrintable(detail));
        QVERIFY(page.resultLabel()->text().startsWith(QLatin1String("Apply failed after 1")));

        QCOMPARE(states(page.model()),
                 QStringList({kInit + QStringLiteral("=Applied"),
                              QStringLiteral("20250101000002_broken=Failed")}));
        QCOMPARE(kindAt(page.model(), 1), MigrationIcons::Kind::Failed);
        // The failed migration is selected, with its logs and the resolve buttons.
        QCOMPARE(page.list()->currentIndex().row(), 1);
        QVERIFY(page.failureLogs()->isVisible());
        const QString logs = page.failureLogs()->toPlainText();
        QVERIFY2(logs.contains(QLatin1String("Nowhere")), qPrintable(logs));
        QVERIFY(page.resolveRolledBackButton()->isEnabled());
        QVERIFY(page.warningLabel()->text().contains(QLatin1String("Failed")));
        QVERIFY(!page.applyAction()->isEnabled());
        saveScreenshot(&page, QStringLiteral("migrations-failed"));

        // Resolve --rolled-back: the migration is pending again.
        QSignalSpy resolved(&page, &MigrationsPage::resolveFinished);
        QTest::mouseClick(page.resolveRolledBackButton(), Qt::LeftButton);
        QCOMPARE(asked->resolveAsked, QStringLiteral("20250101000002_broken"));
        QVERIFY(resolved.wait(30000));
        QVERIFY(resolved.first().first().toBool());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(states(page.model()).last(), QStringLiteral("20250101000002_broken=Pending"));
        const QVector<MigrationRow> rows = sqliteHistory(project.databasePath());
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows.last().rolledBack);
        QVERIFY(rows.last().logs.contains(QLatin1String("Nowhere")));
    }

    // A database that predates Prisma Migrate: deploying refuses it (P3005), the page offers
    // the baseline on the migration the database already has, and what follows applies on top.
    void aNonEmptyDatabaseIsBaselinedAndThenDeployed()
    {
        SqliteProject project({kInit, kAddRole});
        const QByteArray init = readFile(
            dataPath(QStringLiteral("gui/migrations/") + kInit + QStringLiteral("/migration.sql")));
        QVERIFY(runSqlite(project.databasePath(), init)); // by hand: no _prisma_migrations

        MigrationsPage page;
        page.resize(1100, 700);
        page.show();
        TestPrompts *asked = answerPrompts(page);
        QVERIFY(load(page, project.project()));
        QCOMPARE(page.list()->currentIndex().row(), 0);
        QVERIFY(!page.baselineButton()->isVisible()); // only once deploying says why

        QSignalSpy loaded(&page, &MigrationsPage::overviewLoaded);
        QSignalSpy deployed(&page, &MigrationsPage::deployFinished);
        QVERIFY(page.applyPending());
        QVERIFY(deployed.wait(30000));
        QVERIFY(!deployed.first().first().toBool());
        QVERIFY2(page.errorLabel()->text().contains(QLatin1String("P3005")),
                 qPrintable(page.errorLabel()->text()));
        QVERIFY(page.resultLabel()->text().contains(QLatin1String("baseline")));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(page.list()->currentIndex().row(), 0);
        QVERIFY(page.baselineButton()->isVisible());
        QVERIFY(page.baselineButton()->isEnabled());
        saveScreenshot(&page, QStringLiteral("migrations-baseline"));

        // The context menu offers it for a pending migration only.
        std::unique_ptr<QMenu> menu(page.contextMenu(0));
        QCOMPARE(actionNames(menu.get()), QStringList({"baseline", "copyName"}));

        QSignalSpy resolved(&page, &MigrationsPage::resolveFinished);
        QTest::mouseClick(page.baselineButton(), Qt::LeftButton);
        QCOMPARE(asked->baselineAsked, kInit);
        QVERIFY(resolved.wait(30000));
        QVERIFY(resolved.first().first().toBool());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(states(page.model()), QStringList({kInit + QStringLiteral("=Applied"),
                                                    kAddRole + QStringLiteral("=Pending")}));
        // Recorded as Prisma's resolve --applied records it: finished, no step ran.
        const QVector<MigrationRow> rows = sqliteHistory(project.databasePath());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().name, kInit);
        QVERIFY(rows.first().finished);
        QCOMPARE(rows.first().appliedStepsCount, 0);
        QVERIFY(!page.baselineButton()->isVisible());
        menu.reset(page.contextMenu(0));
        QCOMPARE(actionNames(menu.get()), QStringList({"copyName"})); // applied: nothing to do

        deployed.clear();
        QVERIFY(page.applyPending());
        QVERIFY(deployed.wait(30000));
        QVERIFY2(deployed.first().first().toBool(), qPrintable(page.errorLabel()->text()));
        QCOMPARE(sqliteHistory(project.databasePath()).size(), 2);
    }

    void readOnlyWorkspacesCannotApply()
    {
        SqliteProject project({kInit});
        MigrationProject readOnly = project.project();
        readOnly.readOnlyReason = QStringLiteral("started with --read-only");
        MigrationsPage page;
        page.setSchemaProvider([] { return QList<SchemaText>(); });
        QVERIFY(load(page, readOnly));
        QCOMPARE(states(page.model()), QStringList({kInit + QStringLiteral("=Pending")}));
        QVERIFY(!page.applyAction()->isEnabled());
        QVERIFY(page.applyAction()->toolTip().contains(QLatin1String("started with --read-only")));
        QVERIFY(!page.createAction()->isEnabled());
        QVERIFY(!page.applyPending());
        QVERIFY(!QFile::exists(project.databasePath()) ||
                sqliteHistory(project.databasePath()).isEmpty());
    }

    void controllerAddsThePageAndFollowsTheWorkspace()
    {
        SqliteProject project({kInit, kAddRole});
        QVERIFY(deployWithCore(project.project()));
        const QString nickname = QStringLiteral("20250101000002_add_nickname");
        QVERIFY(writeFile(QDir(project.migrationsPath()).filePath(nickname + "/migration.sql"),
                          readFile(dataPath(QStringLiteral("gui/create-preview.sql")))));

        MainWindow window;
        MigrationsController *controller = attachedController(window);
        MigrationsPage *page = controller->page();
        QCOMPARE(window.page(QStringLiteral("migrations")), page);
        QVERIFY(window.viewNames().contains(QStringLiteral("migrations")));
        window.show();
        QSignalSpy loaded(page, &MigrationsPage::overviewLoaded);
        QSignalSpy opened(&window, &MainWindow::workspaceOpened);
        window.openProject(project.options());
        QVERIFY(loaded.wait(60000));
        QCOMPARE(opened.count(), 1);
        QVERIFY2(page->errorLabel()->text().isEmpty(), qPrintable(page->errorLabel()->text()));
        QCOMPARE(states(page->model()), QStringList({kInit + QStringLiteral("=Applied"),
                                                     kAddRole + QStringLiteral("=Applied"),
                                                     nickname + QStringLiteral("=Pending")}));
        QCOMPARE(QFileInfo(page->project()->target.migrationsPath).canonicalFilePath(),
                 QFileInfo(project.migrationsPath()).canonicalFilePath());
        QVERIFY(window.showView(QStringLiteral("migrations")));
        QVERIFY(page->isVisible());
        // Drift was checked on a shadow database: the applied migrations match the database.
        QVERIFY(page->overview().status->drift);
        QVERIFY(!page->overview().status->drift->detected);
        saveScreenshot(&window, QStringLiteral("window-migrations"));

        // The schema editor's text is what a new migration is computed from.
        QTRY_COMPARE_WITH_TIMEOUT(window.schemaWorkspace()->editorCount(), 1, 10000);
        QVERIFY(page->createAction()->isEnabled());

        // Closing the workspace empties the page.
        QSignalSpy closed(&window, &MainWindow::workspaceClosed);
        window.close();
    }

    void controllerReadsTheSchemaWhenTheDatabaseIsBehind()
    {
        // The schema has User.role, the database only the first migration: the window cannot
        // open it as an Auth.js database, but the Migrations view still shows what to apply.
        SqliteProject project({kInit});
        QVERIFY(deployWithCore(project.project()));
        QVERIFY(copyMigration(dataPath(QStringLiteral("gui/migrations")), kAddRole,
                              project.migrationsPath()));
        MainWindow window;
        MigrationsController *controller = attachedController(window);
        MigrationsPage *page = controller->page();
        answerPrompts(*page);
        QSignalSpy loaded(page, &MigrationsPage::overviewLoaded);
        QSignalSpy windowLoaded(&window, &MainWindow::loadFinished);
        window.openProject(project.options());
        QVERIFY(windowLoaded.wait(60000));
        QCOMPARE(windowLoaded.first().first().toBool(), false);
        QVERIFY(loaded.count() > 0 || loaded.wait(60000));
        QCOMPARE(states(page->model()), QStringList({kInit + QStringLiteral("=Applied"),
                                                     kAddRole + QStringLiteral("=Pending")}));
        QSignalSpy finished(page, &MigrationsPage::deployFinished);
        QVERIFY(page->applyPending());
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(sqliteHistory(project.databasePath()).size(), 2);
    }

    void previewWarnsWithRowCounts()
    {
        SqliteProject project({kInit, kAddRole});
        QVERIFY(deployWithCore(project.project()));
        {
            const QString connection = QUuid::createUuid().toString();
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(project.databasePath());
                QVERIFY(db.open());
                QSqlQuery insert(db);
                QVERIFY(insert.exec(QStringLiteral(
                    "INSERT INTO \"User\" (\"id\", \"email\", \"image\", \"updatedAt\") VALUES "
                    "('u1', 'a@example.com', 'a.png', 0), ('u2', 'b@example.com', NULL, 0)")));
            }
            QSqlDatabase::removeDatabase(connection);
        }
        // The editor drops User.image, which one user still has.
        QByteArray schema = readFile(dataPath(QStringLiteral("gui/schema-role.prisma")));
        schema.replace("  image         String?\n", "");
        const QString schemaPath = project.schemaPath();
        MigrationsPage page;
        page.setSchemaProvider([schemaPath, schema] {
            return QList<SchemaText>{SchemaText{schemaPath, schema}};
        });
        QVERIFY(load(page, project.project()));
        CreateMigrationDialog *dialog = page.createMigration();
        QVERIFY(dialog);
        QSignalSpy previewed(dialog, &CreateMigrationDialog::previewFinished);
        QVERIFY(previewed.wait(60000));
        QVERIFY2(previewed.first().first().toBool(), qPrintable(dialog->statusLabel()->text()));
        QVERIFY(dialog->warningsLabel()->isVisibleTo(dialog));
        const QString warnings = dialog->warningsLabel()->text();
        QVERIFY2(warnings.contains(QStringLiteral(
                     "You are about to drop the column `image` on the `User` table, which "
                     "still contains 1 non-null values.")),
                 qPrintable(warnings));
        // migration.sql carries Prisma's header (its pure check, without counts).
        QVERIFY2(dialog->sqlViewer()->text().startsWith(QLatin1String("/*\n  Warnings:")),
                 qPrintable(dialog->sqlViewer()->text()));
        dialog->resize(820, 560);
        saveScreenshot(dialog, QStringLiteral("create-migration-warnings"));
        QCOMPARE(project.folderNames(), QStringList({kInit, kAddRole}));
    }

    void appliesPendingOnPostgres()
    {
        if (test::ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set (run through tests/run-tests.sh)");
        test::ScratchPostgres database;
        QVERIFY2(database.isValid(), qPrintable(database.errorText()));
        QTemporaryDir dir;
        const QString migrations = dir.filePath(QStringLiteral("migrations"));
        const QString source = dataPath(QStringLiteral("authjs-postgres"));
        QVERIFY(writeFile(migrations + QStringLiteral("/migration_lock.toml"),
                          readFile(source + QStringLiteral("/migration_lock.toml"))));
        QVERIFY(copyMigration(source, kInit, migrations));
        QVERIFY(copyMigration(source, kAddRole, migrations));

        MigrationProject project;
        auto url = DatabaseUrl::parse(database.url());
        QVERIFY(url);
        project.target.url = *url;
        project.target.urlText = database.url();
        project.target.provider = QStringLiteral("postgresql");
        project.target.migrationsPath = migrations;

        MigrationsPage page;
        answerPrompts(page);
        QVERIFY(load(page, project));
        QCOMPARE(states(page.model()), QStringList({kInit + QStringLiteral("=Pending"),
                                                    kAddRole + QStringLiteral("=Pending")}));
        QSignalSpy finished(&page, &MigrationsPage::deployFinished);
        QSignalSpy loaded(&page, &MigrationsPage::overviewLoaded);
        QVERIFY(page.applyPending());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(page.errorDetail()->toPlainText()));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(states(page.model()), QStringList({kInit + QStringLiteral("=Applied"),
                                                    kAddRole + QStringLiteral("=Applied")}));

        // Prisma's checksums in _prisma_migrations, read through core's own status.
        const auto golden = goldenChecksums(dataPath(QStringLiteral("sha256sums.txt")));
        const MigrationStatus &status = *page.overview().status;
        QCOMPARE(status.entries.size(), 2);
        for (const MigrationStatus::Entry &entry : status.entries) {
            QVERIFY(entry.record);
            QCOMPARE(entry.record->checksum, golden.value(entry.name));
            QVERIFY(entry.record->isFinished());
        }
    }
};

QTEST_MAIN(TestMigrationsPage)
#include "tst_migrationspage.moc"
