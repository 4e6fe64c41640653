// The schema workspace rendered offscreen in both palettes: the palette passed in is what is
// painted (paper, margins), whatever the application style. With GATEHOUSE_SCREENSHOT_DIR set,
// the grabs are saved there as PNG files for people to look at.

#include "ui/editor/EditorPalette.h"
#include "ui/editor/FindBar.h"
#include "ui/editor/SchemaEditor.h"
#include "ui/editor/SchemaWorkspace.h"

#include <QApplication>
#include <QListWidget>
#include <QPainter>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh::ui;

namespace {

// The application palette a host in dark mode would set; the editor's own colours still come
// only from the EditorPalette.
QPalette darkApplicationPalette()
{
    QPalette p;
    const QColor window(0x2B2D30), text(0xDFE1E5), base(0x1E1F22);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x2F65CA));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x868A91));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x868A91));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x868A91));
    return p;
}

} // namespace

class TestEditorRendering : public QObject
{
    Q_OBJECT

private:
    // The find bar with matches highlighted, and the completion list after `@`.
    static void saveMoreScreenshots(SchemaWorkspace &workspace, const QString &prefix)
    {
        SchemaEditor *editor = workspace.currentEditor();
        workspace.findBar()->showFind();
        workspace.findBar()->setFindText(QStringLiteral("relation"));
        QCoreApplication::processEvents();
        workspace.grab().save(prefix + QStringLiteral("-find.png"));
        workspace.findBar()->hide();

        editor->setCursorPosition(11, 29);
        editor->insert(QStringLiteral(" @"));
        editor->setCursorPosition(11, 31);
        editor->showCompletions();
        QCoreApplication::processEvents();
        const auto lists = QApplication::topLevelWidgets();
        for (QWidget *widget : lists) {
            if (qobject_cast<QListWidget *>(widget) && widget->isVisible()) {
                QPixmap shot(workspace.size());
                shot.fill(Qt::transparent);
                workspace.render(&shot);
                QPainter painter(&shot);
                const QPoint at = workspace.mapFromGlobal(widget->mapToGlobal(QPoint(0, 0)));
                widget->render(&painter, at);
                painter.end();
                shot.save(prefix + QStringLiteral("-completion.png"));
            }
        }
        editor->cancelList();
    }

private Q_SLOTS:
    void paintsThePalettePassedIn_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void paintsThePalettePassedIn()
    {
        QFETCH(bool, dark);
        const EditorPalette palette = dark ? EditorPalette::dark() : EditorPalette::light();

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile source(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma/fixtures/relations.prisma"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray text = source.readAll();
        // A line that does not parse, so a squiggle and a marker show.
        text.replace("  managerId Int?\n", "  managerId Int?\n  nickname: String\n");
        const QString path = dir.filePath(QStringLiteral("schema.prisma"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();

        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        const QPalette applicationPalette = QApplication::palette();
        QApplication::setPalette(dark ? darkApplicationPalette()
                                      : QApplication::style()->standardPalette());
        auto restore = qScopeGuard([&] { QApplication::setPalette(applicationPalette); });

        SchemaWorkspace workspace;
        workspace.setEditorPalette(palette);
        workspace.resize(1100, 720);
        workspace.show();
        QSignalSpy analysed(&workspace, &SchemaWorkspace::analysisApplied);
        QVERIFY(workspace.openSchema({path}));
        QVERIFY(analysed.wait(10000));
        SchemaEditor *editor = workspace.currentEditor();
        QVERIFY(editor);
        QVERIFY(!editor->diagnostics().isEmpty());
        editor->setCursorPosition(13, 14);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();

        const QImage image = workspace.grab().toImage();
        const QString saveDir = QString::fromLocal8Bit(qgetenv("GATEHOUSE_SCREENSHOT_DIR"));
        if (!saveDir.isEmpty()) {
            image.save(saveDir + QStringLiteral("/schema-editor-%1.png").arg(palette.name));
            saveMoreScreenshots(workspace,
                                saveDir + QStringLiteral("/schema-editor-%1").arg(palette.name));
        }

        // Far right of the first line: paper. Left edge of the editor: the margin.
        const QPoint editorOrigin = editor->viewport()->mapTo(&workspace, QPoint(0, 0));
        const int y = editorOrigin.y() + 6;
        const QColor paper =
            image.pixelColor(editorOrigin.x() + editor->viewport()->width() - 4, y);
        const QColor margin = image.pixelColor(editorOrigin.x() + 2, y);
        QCOMPARE(paper.rgb(), palette.paper.rgb());
        QCOMPARE(margin.rgb(), palette.marginPaper.rgb());
    }
};

QTEST_MAIN(TestEditorRendering)
#include "tst_editorrendering.moc"
