#pragma once

#include <QtGlobal>

namespace gh {

/// Sizes the batches of a large delete so that each one (one short transaction) takes about a
/// target time, whatever the server's speed: after each batch the next size is scaled by
/// target / elapsed, growing at most 2x (time is not quite linear in size, so creep up) and
/// shrinking down to 1/4 at once (a slow batch must not be repeated). Sizes are in whatever
/// unit the batches cover (heap pages, rowids, rows) and stay within [1, maximum].
class RevocationBatchSizer
{
public:
    RevocationBatchSizer(qint64 first, qint64 maximum, double targetMs);

    /// The size of the next batch.
    qint64 next() const { return m_size; }
    qint64 maximum() const { return m_maximum; }
    /// A batch of `size` units took `elapsedMs`: adapt.
    void record(qint64 size, double elapsedMs);

private:
    qint64 m_size;
    qint64 m_maximum;
    double m_targetMs;
};

} // namespace gh
