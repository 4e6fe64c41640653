#pragma once

#include <QString>
#include <QVector>
#include <optional>

namespace gh::ui {

/// Where a pattern matched a text, and how well.
struct FuzzyMatch
{
    int score = 0;
    QVector<int> positions; ///< indices into the text of the matched characters, ascending
};

/// Subsequence matching with ranking, as command palettes do: every character of the pattern
/// must appear in the text in order (case-insensitively); among the ways it does, the best
/// scoring one is chosen — matches at the start, at word starts (after a space, `_`, `-`, `.`,
/// `@`, `/` or at a camelCase hump) and runs of consecutive characters score higher, gaps
/// lower, and shorter texts win ties.
class FuzzyMatcher
{
public:
    /// The best match of `pattern` in `text`, or nothing when it is not a subsequence. An
    /// empty pattern matches everything with score 0.
    static std::optional<FuzzyMatch> match(const QString &pattern, const QString &text);
};

} // namespace gh::ui
