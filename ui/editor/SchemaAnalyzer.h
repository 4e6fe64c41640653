#pragma once

#include "ui/editor/SchemaAnalysis.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

namespace gh::ui {

/// Live diagnostics: parses and validates the schema's current texts off the GUI thread, once
/// typing has paused, and reports only results that still match the texts.
///
/// Every edit bumps a generation counter and restarts a short timer. When it fires, the texts
/// are snapshotted (cheap implicitly shared copies) and analysed in the thread pool; a result
/// whose generation is no longer current is dropped, since a newer edit has already scheduled
/// the next run. At most one analysis runs at a time; a request meanwhile is queued.
class SchemaAnalyzer : public QObject
{
    Q_OBJECT

public:
    /// One file's current text: its path and bytes (a cheap copy of the editor's buffer). The
    /// line index is built in the worker, not on the GUI thread.
    struct Text
    {
        QString path;
        QByteArray bytes;
    };
    using Snapshot = std::function<QList<Text>()>;

    static constexpr int kDefaultDelayMs = 300;

    explicit SchemaAnalyzer(Snapshot snapshot, QObject *parent = nullptr);
    ~SchemaAnalyzer() override;

    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    int delay() const { return m_timer.interval(); }

    /// The texts changed: analyse when they have been quiet for delay().
    void schedule();
    /// Analyse now (a schema was opened).
    void analyzeNow();
    /// Forget pending work (the schema was closed).
    void cancel();

    quint64 generation() const { return m_generation; }
    bool isBusy() const { return m_running || m_timer.isActive(); }

    /// Parses and validates `texts` as one schema. Thread-safe; what the thread pool runs.
    static SchemaAnalysis analyze(const QList<Text> &texts);

Q_SIGNALS:
    void finished(const gh::ui::SchemaAnalysis &analysis);

private:
    void start();

    Snapshot m_snapshot;
    QTimer m_timer;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_queued = false;
};

} // namespace gh::ui
