#include "core/auth/RevocationBatchSizer.h"

#include <algorithm>
#include <cmath>

namespace gh {

namespace {

constexpr double kMaxGrowth = 2.0;
constexpr double kMaxShrink = 0.25;
constexpr double kTimerResolutionMs = 0.5; // a batch "faster" than this tells nothing more

} // namespace

RevocationBatchSizer::RevocationBatchSizer(qint64 first, qint64 maximum, double targetMs)
    : m_size(std::clamp<qint64>(first, 1, std::max<qint64>(1, maximum)))
    , m_maximum(std::max<qint64>(1, maximum))
    , m_targetMs(targetMs > 0 ? targetMs : 100)
{}

void RevocationBatchSizer::record(qint64 size, double elapsedMs)
{
    if (size <= 0)
        return;
    const double factor =
        std::clamp(m_targetMs / std::max(elapsedMs, kTimerResolutionMs), kMaxShrink, kMaxGrowth);
    // Scale what was measured, not what was planned: the last range of a pass may be short.
    const double next = std::max<double>(double(size), double(m_size) * 0.5) * factor;
    m_size = std::clamp<qint64>(qint64(std::llround(next)), 1, m_maximum);
}

} // namespace gh
