#pragma once

#include <QtGlobal>

namespace gh {

/// A number of rows and how much it can be trusted. The GUI shows "~1.0 M", "≤ 1,204" or
/// "1,204" accordingly.
struct RowCount
{
    enum class Kind {
        Exact,      ///< counted
        Estimate,   ///< the planner's estimate (PostgreSQL pg_class.reltuples or EXPLAIN)
        UpperBound, ///< at most this many (SQLite: the largest rowid)
    };
    qint64 rows = 0;
    Kind kind = Kind::Exact;
};

} // namespace gh
