#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/CancellationToken.h"
#include "core/auth/RecordRows.h"
#include "ui/inspector/RecordFormatter.h"

#include <QElapsedTimer>
#include <QString>
#include <QVector>
#include <atomic>
#include <memory>

namespace gh::ui {

/// The display texts of the rows a page shows first, made on the page thread while the GUI
/// thread takes the page in, and each used once on the GUI thread.
///
/// Formatting a screen of sessions (local times above all) was a third of the GUI thread's work
/// for a first page. make() formats the rows from the bottom one up, as the page thread
/// converts them; the GUI thread reads from the top down with take(): a text made already is
/// handed over (and forgotten: a later repaint formats the cell again, so it shows what holds
/// then), a cell not made yet is claimed, so that make() skips it and the two meet in between.
///
/// A text is made for the cell as it stands by default (a secret masked) in the time zone and
/// locale of its making (RecordFormatter::TextContext, read once). take() hands it over only
/// while those still hold: a secret revealed meanwhile, another TZ or default locale, or texts
/// older than kFreshMs (the system zone may have changed) are formatted again. The context is
/// compared once per page, at the first text taken; the page's other texts are taken on that
/// check (they are the same screen, shown in the same paint).
///
/// Only fields' cells: the computed expiry column depends on the clock and is left to the GUI
/// thread.
class ScreenTexts
{
public:
    /// Texts older than this are not used: LocalOffsets notices a change of the system's zone
    /// within as long.
    static constexpr qint64 kFreshMs = 60000;

    /// `rows` rows of a page of `fields`, its first ones or, `fromEnd`, its last ones.
    ScreenTexts(QVector<AuthField> fields, int rows, bool fromEnd);
    ScreenTexts(const ScreenTexts &) = delete;
    ScreenTexts &operator=(const ScreenTexts &) = delete;

    /// The page row of the first row with texts (screen row 0), for a page of `pageRows` rows;
    /// the rows from there on have texts while the screen row is below rows().
    int firstRow(int pageRows) const;
    int rows() const { return m_rows; }

    /// Page thread: converts and formats the covered rows of `rows` (the page's, of the fields
    /// given), bottom row first, skipping the cells the GUI thread claimed. Once per page.
    void make(const RecordRows &rows, const CancellationToken &cancel);

    /// GUI thread: the display text made for the cell (screen row, field index) as it is shown
    /// now (`revealed`), moved into `text`; false when there is none or it no longer holds,
    /// and the caller formats the cell. Each cell's text is handed over at most once.
    bool take(int screenRow, int field, bool revealed, QString *text);
    /// Whether make() made the cell's text (handed over or not).
    bool isMade(int screenRow, int field) const;

private:
    // Empty -> Making -> Made -> Used (page thread, then GUI thread), or Empty or Making ->
    // Claimed (GUI thread first: the page thread leaves the cell, or drops what it made).
    enum State : unsigned char { Empty, Making, Made, Used, Claimed };
    bool isCell(int screenRow, int field) const;
    std::size_t slot(int screenRow, int field) const;
    bool contextHolds();

    const QVector<AuthField> m_fields;
    const int m_rows;
    const bool m_fromEnd;
    const std::unique_ptr<QString[]> m_texts;
    const std::unique_ptr<std::atomic<unsigned char>[]> m_states;
    // Written by make() before its first text is published (Made, release), read after.
    RecordFormatter::TextContext m_context;
    QElapsedTimer m_age;
    // GUI thread only: the context compared (-1: not yet), and whether it held.
    int m_holds = -1;
};

} // namespace gh::ui
