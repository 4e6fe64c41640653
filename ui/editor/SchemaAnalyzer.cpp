#include "ui/editor/SchemaAnalyzer.h"

#include "core/prisma/SchemaSource.h"
#include "core/prisma/Validator.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace gh::ui {

SchemaAnalyzer::SchemaAnalyzer(Snapshot snapshot, QObject *parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &SchemaAnalyzer::start);
}

SchemaAnalyzer::~SchemaAnalyzer() = default;

void SchemaAnalyzer::schedule()
{
    ++m_generation;
    m_timer.start();
}

void SchemaAnalyzer::analyzeNow()
{
    ++m_generation;
    m_timer.stop();
    start();
}

void SchemaAnalyzer::cancel()
{
    ++m_generation; // whatever runs now reports nothing
    m_timer.stop();
    m_queued = false;
}

void SchemaAnalyzer::start()
{
    if (m_running) {
        m_queued = true;
        return;
    }
    m_running = true;
    const quint64 generation = m_generation;
    const QList<Text> texts = m_snapshot();
    auto *watcher = new QFutureWatcher<SchemaAnalysis>(this);
    connect(watcher, &QFutureWatcher<SchemaAnalysis>::finished, this, [this, watcher] {
        m_running = false;
        const SchemaAnalysis analysis = watcher->result();
        watcher->deleteLater();
        if (analysis.generation == m_generation)
            Q_EMIT finished(analysis);
        if (m_queued) {
            m_queued = false;
            start();
        }
    });
    watcher->setFuture(QtConcurrent::run([texts, generation] {
        SchemaAnalysis analysis = analyze(texts);
        analysis.generation = generation;
        return analysis;
    }));
}

SchemaAnalysis SchemaAnalyzer::analyze(const QList<Text> &texts)
{
    QList<prisma::SourceFile> files;
    for (const Text &text : texts)
        files << prisma::SourceFile(text.path, text.bytes);
    const prisma::SchemaSource schema = prisma::SchemaSource::fromFiles(files);
    SchemaAnalysis analysis;
    analysis.diagnostics = prisma::validate(schema);
    analysis.symbols = SchemaSymbols::collect(schema);
    return analysis;
}

} // namespace gh::ui
