#include "ui/inspector/ScreenTexts.h"

namespace gh::ui {

ScreenTexts::ScreenTexts(QVector<AuthField> fields, int rows, bool fromEnd)
    : m_fields(std::move(fields))
    , m_rows(qMax(0, rows))
    , m_fromEnd(fromEnd)
    , m_texts(new QString[std::size_t(m_rows) * std::size_t(m_fields.size())])
    , m_states(new std::atomic<unsigned char>[std::size_t(m_rows) * std::size_t(m_fields.size())]())
{}

int ScreenTexts::firstRow(int pageRows) const
{
    return m_fromEnd ? qMax(0, pageRows - m_rows) : 0;
}

bool ScreenTexts::isCell(int screenRow, int field) const
{
    return screenRow >= 0 && screenRow < m_rows && field >= 0 && field < m_fields.size();
}

std::size_t ScreenTexts::slot(int screenRow, int field) const
{
    return std::size_t(screenRow) * std::size_t(m_fields.size()) + std::size_t(field);
}

void ScreenTexts::make(const RecordRows &rows, const CancellationToken &cancel)
{
    // Read before any text is made and published with the first one (see take()).
    m_context = RecordFormatter::TextContext::current();
    m_age.start();
    const int pageRows = rows.size();
    const int first = firstRow(pageRows);
    const int fields = int(m_fields.size());
    for (int r = qMin(pageRows, first + m_rows) - 1; r >= first && !cancel.isCancelled(); --r) {
        for (int f = 0; f < fields; ++f) {
            // Converted whether or not the GUI thread claimed the text: it reads the value too.
            const QVariant &value = rows.value(r, f);
            const std::size_t i = slot(r - first, f);
            unsigned char expected = Empty;
            if (!m_states[i].compare_exchange_strong(expected, Making, std::memory_order_relaxed))
                continue; // the GUI thread formats this one
            const AuthField &field = m_fields.at(f);
            m_texts[i] = RecordFormatter::displayText(field, value, field.secret, m_context);
            expected = Making;
            if (!m_states[i].compare_exchange_strong(expected, Made, std::memory_order_release,
                                                     std::memory_order_relaxed))
                m_texts[i] = QString(); // claimed meanwhile: formatted by the GUI thread
        }
    }
}

bool ScreenTexts::contextHolds()
{
    if (m_holds < 0) {
        m_holds = m_age.isValid() && !m_age.hasExpired(kFreshMs) &&
                  RecordFormatter::TextContext::current() == m_context;
    }
    return m_holds == 1;
}

bool ScreenTexts::take(int screenRow, int field, bool revealed, QString *text)
{
    if (!isCell(screenRow, field))
        return false;
    const std::size_t i = slot(screenRow, field);
    unsigned char state = m_states[i].load(std::memory_order_acquire);
    // Not made yet, or being made: claimed, so that the page thread leaves it (or drops what
    // it is making) and the caller formats it, now and at every later read.
    while (state == Empty || state == Making) {
        if (m_states[i].compare_exchange_weak(state, Claimed, std::memory_order_acquire))
            return false;
    }
    if (state != Made)
        return false; // claimed, or handed over once already
    // Made with the secret masked: shown revealed, it is formatted again.
    const bool holds = !(m_fields.at(field).secret && revealed) && contextHolds();
    if (holds)
        *text = std::move(m_texts[i]);
    else
        m_texts[i] = QString();
    m_states[i].store(Used, std::memory_order_relaxed);
    return holds;
}

bool ScreenTexts::isMade(int screenRow, int field) const
{
    if (!isCell(screenRow, field))
        return false;
    const unsigned char state = m_states[slot(screenRow, field)].load(std::memory_order_acquire);
    return state == Made || state == Used;
}

} // namespace gh::ui
