// The schema workspace offscreen: a schema folder opens as tabs, diagnostics follow typing
// after a pause (stale results dropped), the problems list jumps to them, files save atomically
// with a dirty marker, edits are never lost without asking, changes on disk reload, go to
// definition crosses files, and the find bar and shortcuts work.

#include "tests/gui/editor/TypeText.h"
#include "ui/editor/EditorPrompts.h"
#include "ui/editor/FindBar.h"
#include "ui/editor/ProblemsModel.h"
#include "ui/editor/SchemaAnalyzer.h"
#include "ui/editor/SchemaEditor.h"
#include "ui/editor/SchemaWorkspace.h"

#include <QAction>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::ui;
using gh::test::typeText;

namespace {

// Answers the workspace's questions as a test scripts them, and counts them.
class ScriptedPrompts : public EditorPrompts
{
public:
    UnsavedChoice unsaved = UnsavedChoice::Cancel;
    bool reloadChanged = false;
    bool discardAndReload = true;
    QString savePath;
    int unsavedAsked = 0;
    int reloadChangedAsked = 0;
    int errors = 0;

    UnsavedChoice askUnsaved(QWidget *, const QStringList &) override
    {
        ++unsavedAsked;
        return unsaved;
    }
    bool askDiscardAndReload(QWidget *, const QString &) override { return discardAndReload; }
    bool askReloadChanged(QWidget *, const QString &) override
    {
        ++reloadChangedAsked;
        return reloadChanged;
    }
    QString askSavePath(QWidget *, const QString &) override { return savePath; }
    QString askOpenFile(QWidget *, const QString &) override { return {}; }
    QString askOpenFolder(QWidget *, const QString &) override { return {}; }
    void showError(QWidget *, const QString &, const QString &) override { ++errors; }
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

const QByteArray kSchema("model User {\n  id    Int    @id\n  email String @unique\n}\n");

struct Fixture
{
    QTemporaryDir dir;
    SchemaWorkspace workspace;
    ScriptedPrompts *prompts = nullptr;
    QString path;

    explicit Fixture(const QByteArray &text = kSchema)
    {
        auto scripted = std::make_unique<ScriptedPrompts>();
        prompts = scripted.get();
        workspace.setPrompts(std::move(scripted));
        workspace.resize(900, 600);
        path = dir.filePath(QStringLiteral("schema.prisma"));
        writeAll(path, text);
    }

    bool open()
    {
        QSignalSpy opened(&workspace, &SchemaWorkspace::schemaOpened);
        QSignalSpy analysed(&workspace, &SchemaWorkspace::analysisApplied);
        return workspace.openSchema({path}) && opened.wait(10000) &&
               (analysed.size() > 0 || analysed.wait(10000));
    }

    SchemaEditor *editor() const { return workspace.currentEditor(); }
};

} // namespace

class TestSchemaWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensASchemaFolderAsTabs()
    {
        SchemaWorkspace workspace;
        QSignalSpy opened(&workspace, &SchemaWorkspace::schemaOpened);
        QSignalSpy analysed(&workspace, &SchemaWorkspace::analysisApplied);
        const QString folder = QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma/multi/valid");
        QVERIFY(workspace.openSchema({folder}));
        QVERIFY(workspace.isLoading());
        QVERIFY(opened.wait(10000));
        QCOMPARE(workspace.editorCount(), 4);
        QStringList titles;
        for (int i = 0; i < workspace.tabs()->count(); ++i)
            titles << workspace.tabs()->tabText(i);
        titles.sort();
        QCOMPARE(titles, (QStringList{"auth/session.prisma", "auth/user.prisma", "billing.prisma",
                                      "main.prisma"}));
        QVERIFY(analysed.wait(10000));
        QCOMPARE(workspace.problemsModel()->rowCount(), 0);
        QCOMPARE(workspace.symbols().provider, QStringLiteral("postgresql"));
        QVERIFY(workspace.symbols().find(QStringLiteral("Subscription")));

        // The same schema again: nothing to do.
        QVERIFY(workspace.openSchema(workspace.filePaths()));
        QVERIFY(!workspace.isLoading());
        QCOMPARE(opened.size(), 1);
    }

    void reportsASchemaThatCannotBeRead()
    {
        SchemaWorkspace workspace;
        QSignalSpy failed(&workspace, &SchemaWorkspace::loadFailed);
        QVERIFY(workspace.openSchema({QStringLiteral("/nonexistent/schema.prisma")}));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<Error>().code(), Error::Code::FileNotFound);
        QCOMPARE(workspace.editorCount(), 0);
    }

    void diagnosticsFollowTypingAfterAPause()
    {
        Fixture f;
        QVERIFY(f.open());
        QCOMPARE(f.workspace.problemsModel()->rowCount(), 0);
        QCOMPARE(f.workspace.analyzer()->delay(), SchemaAnalyzer::kDefaultDelayMs);

        QSignalSpy analysed(&f.workspace, &SchemaWorkspace::analysisApplied);
        f.editor()->setCompletionAutoPopup(false);
        f.editor()->setCursorPosition(2, 22);
        typeText(f.editor(), QStringLiteral("\n?? not a field"));
        QCoreApplication::processEvents();
        QCOMPARE(analysed.size(), 0); // debounced: nothing while typing
        QVERIFY(f.workspace.analyzer()->isBusy());

        QVERIFY(analysed.wait(10000));
        const QList<prisma::Diagnostic> diagnostics = f.editor()->diagnostics();
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().start.line, 4);
        QCOMPARE(diagnostics.first().start.column, 3);
        QCOMPARE(diagnostics.first().message,
                 QStringLiteral("This line is not a valid field or attribute definition."));
        QCOMPARE(f.editor()->diagnosticMessagesOnLine(3).size(), 1);

        ProblemsModel *problems = f.workspace.problemsModel();
        QCOMPARE(problems->rowCount(), 1);
        QCOMPARE(problems->index(0, ProblemsModel::LocationColumn).data().toString(),
                 QStringLiteral("schema.prisma:4:3"));
        f.editor()->setCursorPosition(0, 0);
        f.workspace.activateProblem(0);
        int line = -1, index = -1;
        f.editor()->getCursorPosition(&line, &index);
        QCOMPARE(line, 3);
        QCOMPARE(index, 2);

        // Fixed: the problem goes away at the next analysis.
        f.editor()->undo();
        QVERIFY(analysed.wait(10000));
        QCOMPARE(problems->rowCount(), 0);
        QVERIFY(f.editor()->diagnostics().isEmpty());
    }

    void dropsAnalysesOfTextsThatChangedSince()
    {
        Fixture f;
        QVERIFY(f.open());
        f.workspace.analyzer()->setDelay(100);
        QSignalSpy analysed(&f.workspace, &SchemaWorkspace::analysisApplied);
        f.workspace.analyzer()->analyzeNow();                     // of the valid text...
        f.editor()->insertAt(QStringLiteral("?? stray\n"), 0, 0); // ...which changes at once
        QVERIFY(analysed.wait(10000));
        // The first result applied is of the new text: the stale one was dropped.
        QCOMPARE(f.editor()->diagnostics().size(), 1);
        QCOMPARE(f.editor()->diagnostics().first().start.line, 1);
    }

    void marksDirtyAndSavesAtomically()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy dirty(&f.workspace, &SchemaWorkspace::dirtyChanged);
        QSignalSpy reloaded(&f.workspace, &SchemaWorkspace::fileReloaded);
        QCOMPARE(f.workspace.tabs()->tabText(0), QStringLiteral("schema.prisma"));

        f.editor()->setCompletionAutoPopup(false);
        f.editor()->setCursorPosition(3, 1);
        typeText(f.editor(), QStringLiteral("\n// saved"));
        QCOMPARE(f.workspace.tabs()->tabText(0), QStringLiteral("schema.prisma*"));
        QVERIFY(f.workspace.isDirty());
        QVERIFY(!dirty.isEmpty() && dirty.last().first().toBool());

        QSignalSpy saved(&f.workspace, &SchemaWorkspace::saved);
        QVERIFY(f.workspace.save());
        QVERIFY(saved.wait(10000));
        QCOMPARE(readAll(f.path), f.editor()->utf8Text());
        QVERIFY(readAll(f.path).endsWith("}\n// saved\n"));
        QCOMPARE(f.workspace.tabs()->tabText(0), QStringLiteral("schema.prisma"));
        QVERIFY(!f.workspace.isDirty());
        // Our own write is not taken for a change on disk.
        QTest::qWait(400);
        QCOMPARE(reloaded.size(), 0);
        QCOMPARE(f.prompts->reloadChangedAsked, 0);
        QVERIFY(QDir(f.dir.path()).entryList(QDir::Files) == QStringList{"schema.prisma"});
    }

    void savesAsAnotherFile()
    {
        Fixture f;
        QVERIFY(f.open());
        f.prompts->savePath = f.dir.filePath(QStringLiteral("copy.prisma"));
        QSignalSpy saved(&f.workspace, &SchemaWorkspace::saved);
        QVERIFY(f.workspace.saveAs());
        QVERIFY(saved.wait(10000));
        QCOMPARE(readAll(f.prompts->savePath), kSchema);
        QCOMPARE(f.editor()->filePath(), f.prompts->savePath);
        QCOMPARE(f.workspace.tabs()->tabText(0), QStringLiteral("copy.prisma"));
    }

    void aFailedSaveKeepsTheEditsDirty()
    {
        Fixture f;
        QVERIFY(f.open());
        f.editor()->insertAt(QStringLiteral("// edit\n"), 0, 0);
        // A folder where a file is: no temporary file can be made there.
        f.prompts->savePath = f.path + QStringLiteral("/inside.prisma");
        QSignalSpy failed(&f.workspace, &SchemaWorkspace::saveFailed);
        QVERIFY(f.workspace.saveAs());
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(1).value<Error>().code(), Error::Code::FileUnwritable);
        QCOMPARE(f.prompts->errors, 1);
        QVERIFY(f.editor()->isDirty());
        QVERIFY(f.workspace.tabs()->tabText(0).endsWith(QLatin1Char('*')));
    }

    void asksBeforeLosingEdits()
    {
        Fixture f;
        QVERIFY(f.open());
        f.editor()->insertAt(QStringLiteral("// edit\n"), 0, 0);

        f.prompts->unsaved = EditorPrompts::UnsavedChoice::Cancel;
        QVERIFY(!f.workspace.closeSchema());
        QCOMPARE(f.workspace.editorCount(), 1);
        QVERIFY(!f.workspace.openSchema(
            {QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma/multi/valid")}));
        QCOMPARE(f.workspace.editorCount(), 1);
        QCOMPARE(f.prompts->unsavedAsked, 2);

        f.prompts->unsaved = EditorPrompts::UnsavedChoice::Save;
        QVERIFY(f.workspace.confirmClose());
        QCOMPARE(readAll(f.path), QByteArray("// edit\n") + kSchema); // written before returning
        QVERIFY(!f.editor()->isDirty());

        f.editor()->insertAt(QStringLiteral("// lost\n"), 0, 0);
        f.prompts->unsaved = EditorPrompts::UnsavedChoice::Discard;
        QVERIFY(f.workspace.closeSchema());
        QCOMPARE(f.workspace.editorCount(), 0);
        QCOMPARE(readAll(f.path), QByteArray("// edit\n") + kSchema);
        QCOMPARE(f.prompts->unsavedAsked, 4);
    }

    void reloadsWhenTheFileChangesOnDisk()
    {
        Fixture f;
        QVERIFY(f.open());
        QSignalSpy reloaded(&f.workspace, &SchemaWorkspace::fileReloaded);

        // Without edits here: reloaded silently.
        const QByteArray theirs = QByteArray("// theirs\n") + kSchema;
        writeAll(f.path, theirs);
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(f.editor()->utf8Text(), theirs);
        QVERIFY(!f.editor()->isDirty());
        QCOMPARE(f.prompts->reloadChangedAsked, 0);

        // With edits here: asked; keeping them leaves the editor dirty.
        f.editor()->insertAt(QStringLiteral("// mine\n"), 0, 0);
        f.prompts->reloadChanged = false;
        writeAll(f.path, QByteArray("// theirs again\n") + kSchema);
        QTRY_COMPARE_WITH_TIMEOUT(f.prompts->reloadChangedAsked, 1, 10000);
        QVERIFY(f.editor()->utf8Text().startsWith("// mine\n"));
        QVERIFY(f.editor()->isDirty());

        // Agreeing takes theirs.
        f.prompts->reloadChanged = true;
        const QByteArray third = QByteArray("// third\n") + kSchema;
        writeAll(f.path, third);
        QTRY_COMPARE_WITH_TIMEOUT(f.editor()->utf8Text(), third, 10000);
        QVERIFY(!f.editor()->isDirty());
    }

    void reloadActionAsksBeforeDiscarding()
    {
        Fixture f;
        QVERIFY(f.open());
        f.editor()->insertAt(QStringLiteral("// mine\n"), 0, 0);
        f.prompts->discardAndReload = false;
        QVERIFY(!f.workspace.reload());
        QVERIFY(f.editor()->isDirty());
        f.prompts->discardAndReload = true;
        QSignalSpy reloaded(&f.workspace, &SchemaWorkspace::fileReloaded);
        QVERIFY(f.workspace.reload());
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(f.editor()->utf8Text(), kSchema);
    }

    void goesToDefinitionsInOtherFiles()
    {
        SchemaWorkspace workspace;
        workspace.resize(900, 600);
        workspace.show();
        QSignalSpy opened(&workspace, &SchemaWorkspace::schemaOpened);
        QVERIFY(
            workspace.openSchema({QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma/multi/valid")}));
        QVERIFY(opened.wait(10000));
        SchemaEditor *billing = nullptr;
        for (int i = 0; i < workspace.editorCount(); ++i) {
            if (workspace.editor(i)->filePath().endsWith(QLatin1String("billing.prisma")))
                billing = workspace.editor(i);
        }
        QVERIFY(billing);
        workspace.tabs()->setCurrentWidget(billing);
        const int use = int(billing->utf8Text().indexOf("User   @relation"));
        billing->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, static_cast<unsigned long>(use + 2));
        workspace.goToDefinitionAction()->trigger();

        SchemaEditor *current = workspace.currentEditor();
        QVERIFY(current->filePath().endsWith(QLatin1String("auth/user.prisma")));
        QCOMPARE(current->selectedText(), QStringLiteral("User"));
        int line = -1, index = -1;
        current->getCursorPosition(&line, &index);
        QCOMPARE(line, 1);

        // An enum in the same file.
        workspace.tabs()->setCurrentWidget(billing);
        QVERIFY(workspace.goToDefinition(QStringLiteral("Plan")));
        QCOMPARE(workspace.currentEditor(), billing);
        QVERIFY(!workspace.goToDefinition(QStringLiteral("Nothing")));
    }

    void formatsLikePrismaFormat()
    {
        const QByteArray messy = readAll(
            QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma/fixtures/formatting-mess.prisma"));
        const QByteArray golden = readAll(QStringLiteral(
            GATEHOUSE_TEST_DATA_DIR "/prisma/golden/fixtures/formatting-mess.format.prisma"));
        QVERIFY(!messy.isEmpty() && !golden.isEmpty() && messy != golden);
        Fixture f(messy);
        QVERIFY(f.open());
        QVERIFY(f.workspace.formatAction()->isEnabled());
        f.workspace.formatAction()->trigger();
        QCOMPARE(f.editor()->utf8Text(), golden);
        QVERIFY(f.editor()->isDirty());
        QCOMPARE(readAll(f.path), messy); // formatting edits, saving writes
        f.editor()->undo();
        QCOMPARE(f.editor()->utf8Text(), messy); // one undo step
    }

    void formatsOnSaveWhenAsked()
    {
        const QByteArray golden = readAll(QStringLiteral(
            GATEHOUSE_TEST_DATA_DIR "/prisma/golden/fixtures/formatting-mess.format.prisma"));
        Fixture f(readAll(
            QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma/fixtures/formatting-mess.prisma")));
        QVERIFY(f.open());
        f.workspace.formatOnSaveAction()->trigger();
        QVERIFY(f.workspace.formatOnSave());
        QSignalSpy saved(&f.workspace, &SchemaWorkspace::saved);
        QVERIFY(f.workspace.save());
        QVERIFY(saved.wait(10000));
        QCOMPARE(readAll(f.path), golden);
        QVERIFY(!f.editor()->isDirty());
    }

    void findBarAndShortcuts()
    {
        Fixture f;
        f.workspace.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.workspace));
        QVERIFY(f.open());
        f.editor()->setFocus();
        QTRY_VERIFY(f.editor()->hasFocus());

        QTest::keyClick(f.editor(), Qt::Key_F, Qt::ControlModifier);
        FindBar *bar = f.workspace.findBar();
        QVERIFY(bar->isVisible());
        QVERIFY(!bar->isReplaceVisible());
        QLineEdit *field = bar->findChild<QLineEdit *>();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("Int"));
        QCOMPARE(bar->matchCount(), 1);
        QCOMPARE(f.editor()->selectedText(), QStringLiteral("Int"));
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!bar->isVisible());

        f.editor()->setCursorPosition(1, 0);
        QTest::keyClick(f.editor(), Qt::Key_Slash, Qt::ControlModifier);
        QVERIFY2(f.editor()->utf8Text().contains("\n  // id    Int    @id\n"),
                 f.editor()->utf8Text().constData());

        QTest::keyClick(f.editor(), Qt::Key_H, Qt::ControlModifier);
        QVERIFY(bar->isReplaceVisible());
        bar->setFindText(QStringLiteral("String"));
        bar->setReplaceText(QStringLiteral("BigInt"));
        QCOMPARE(bar->replaceAll(), 1);
        QVERIFY(f.editor()->utf8Text().contains("email BigInt @unique"));

        QTest::keyClick(f.editor(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(f.editor()->utf8Text(),
                 QByteArray("model User {\n  // id    Int    @id\n  email BigInt @unique\n}\n"));
    }
};

QTEST_MAIN(TestSchemaWorkspace)
#include "tst_schemaworkspace.moc"
