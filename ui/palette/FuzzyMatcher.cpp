#include "ui/palette/FuzzyMatcher.h"

#include <limits>
#include <vector>

namespace gh::ui {

namespace {

constexpr int kMatch = 16;
constexpr int kStart = 16;       // the text's first character
constexpr int kBoundary = 12;    // a word's first character
constexpr int kConsecutive = 10; // follows the previous match directly
constexpr int kGapStart = 4;
constexpr int kGapExtend = 1;
constexpr int kExactCase = 1;
constexpr int kMaxText = 256; // longer texts are matched on their beginning only
constexpr int kNone = std::numeric_limits<int>::min() / 2;

bool isSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.') ||
           c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char(':') ||
           c == QLatin1Char('(') || c == QChar(0x203A); // ›
}

int positionBonus(const QString &text, int j)
{
    if (j == 0)
        return kStart;
    const QChar previous = text.at(j - 1);
    const QChar current = text.at(j);
    if (isSeparator(previous))
        return kBoundary;
    if (previous.isLower() && current.isUpper())
        return kBoundary;
    if (!previous.isDigit() && current.isDigit())
        return kBoundary / 2;
    return 0;
}

} // namespace

std::optional<FuzzyMatch> FuzzyMatcher::match(const QString &pattern, const QString &rawText)
{
    if (pattern.isEmpty())
        return FuzzyMatch();
    const QString text = rawText.left(kMaxText);
    const QString p = pattern.toCaseFolded();
    const QString t = text.toCaseFolded();
    const int m = int(p.size());
    const int n = int(t.size());
    if (m > n || t.size() != text.size())
        return std::nullopt;

    // Cheap rejection: is it a subsequence at all?
    for (int i = 0, j = 0; i < m; ++j) {
        if (j == n)
            return std::nullopt;
        if (p.at(i) == t.at(j))
            ++i;
    }

    // score[i][j]: the best score with pattern character i matched at text position j;
    // from[i][j]: where character i - 1 was matched on that best path.
    std::vector<int> score(std::size_t(m) * std::size_t(n), kNone);
    std::vector<int> from(std::size_t(m) * std::size_t(n), -1);
    auto at = [n](int i, int j) { return std::size_t(i) * std::size_t(n) + std::size_t(j); };
    for (int i = 0; i < m; ++i) {
        int gapBest = kNone; // best score[i-1][k] - gap cost, k <= j - 2
        int gapFrom = -1;
        for (int j = i; j < n; ++j) {
            if (i > 0 && j >= 2) {
                const int k = j - 2;
                if (gapBest != kNone)
                    gapBest -= kGapExtend;
                if (score[at(i - 1, k)] != kNone && score[at(i - 1, k)] - kGapStart > gapBest) {
                    gapBest = score[at(i - 1, k)] - kGapStart;
                    gapFrom = k;
                }
            }
            if (p.at(i) != t.at(j))
                continue;
            const int own =
                kMatch + positionBonus(text, j) + (pattern.at(i) == text.at(j) ? kExactCase : 0);
            if (i == 0) {
                score[at(0, j)] = own - qMin(j, 8) * kGapExtend; // a late start costs a little
                continue;
            }
            int best = kNone;
            int bestFrom = -1;
            if (score[at(i - 1, j - 1)] != kNone) {
                best = score[at(i - 1, j - 1)] + kConsecutive;
                bestFrom = j - 1;
            }
            if (gapBest != kNone && gapBest > best) {
                best = gapBest;
                bestFrom = gapFrom;
            }
            if (best == kNone)
                continue;
            score[at(i, j)] = own + best;
            from[at(i, j)] = bestFrom;
        }
    }

    int end = -1;
    for (int j = m - 1; j < n; ++j) {
        if (score[at(m - 1, j)] != kNone &&
            (end < 0 || score[at(m - 1, j)] > score[at(m - 1, end)]))
            end = j;
    }
    if (end < 0)
        return std::nullopt;
    FuzzyMatch result;
    result.score = score[at(m - 1, end)] - (int(rawText.size()) - m) / 4;
    result.positions.resize(m);
    for (int i = m - 1, j = end; i >= 0; --i) {
        result.positions[i] = j;
        j = from[at(i, j)];
    }
    return result;
}

} // namespace gh::ui
