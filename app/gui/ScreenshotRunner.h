#pragma once

#include <QObject>
#include <QString>

namespace gh {

namespace ui {
class MainWindow;
}

/// `gatehouse --screenshot FILE.png`: waits until the window has finished loading (the view's
/// rows, its count and the detail pane), lets it
/// paint, saves a PNG and quits with 0 (1 when saving fails or loading never ends).
class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    ScreenshotRunner(ui::MainWindow *window, QString path);

private:
    void waitUntilIdle();
    void capture();

    ui::MainWindow *m_window;
    QString m_path;
};

} // namespace gh
