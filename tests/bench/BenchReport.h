#pragma once

// How the benchmarks print: one line per figure, ours beside its baseline and their ratio.

#include <QString>

namespace gh::bench {

/// Prints a line to stdout at once.
void say(const QString &text);
/// "12.34 ms", or "123 ms" from 100 ms on.
QString ms(double value);
/// One aligned row: what, our figure, the baseline's name and figure, the ratio, the goal.
void row(const QString &what, const QString &ours, const QString &baselineName,
         const QString &baseline, const QString &ratio, const QString &goal = QString());
/// "1.23x", or "-" without a baseline.
QString ratio(double ours, double baseline);
/// The peak resident set size of the process's current program, in kB: VmHWM, not getrusage's
/// ru_maxrss, which Linux carries across execve — a measuring child started by QProcess would
/// report the parent's peak (e.g. after loading a million rows) instead of its own.
qint64 peakRssKb();

} // namespace gh::bench
