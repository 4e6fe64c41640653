#include "app/gui/ScreenshotRunner.h"

#include "ui/window/MainWindow.h"

#include <QApplication>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

namespace gh {

ScreenshotRunner::ScreenshotRunner(ui::MainWindow *window, QString path)
    : QObject(window)
    , m_window(window)
    , m_path(std::move(path))
{
    connect(window, &ui::MainWindow::loadFinished, this, &ScreenshotRunner::waitUntilIdle);
    // A load that never ends must not hang a script.
    QTimer::singleShot(60000, this, [] {
        std::fprintf(stderr, "gatehouse: timed out waiting for the data to load\n");
        QApplication::exit(1);
    });
}

void ScreenshotRunner::waitUntilIdle()
{
    // The view's first page is in; the count and the detail pane may still be on their way.
    if (m_window->isLoading()) {
        QTimer::singleShot(50, this, &ScreenshotRunner::waitUntilIdle);
        return;
    }
    // Give layouts and column sizing one round of the event loop before grabbing.
    QTimer::singleShot(150, this, &ScreenshotRunner::capture);
}

void ScreenshotRunner::capture()
{
    const QPixmap pixmap = m_window->grab();
    if (!pixmap.save(m_path, "PNG")) {
        std::fprintf(stderr, "gatehouse: could not write %s\n", qPrintable(m_path));
        QApplication::exit(1);
        return;
    }
    QApplication::exit(0);
}

} // namespace gh
