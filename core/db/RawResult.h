#pragma once

#include <QVariant>

namespace gh {

/// The rows of a query kept as the backend received them, each cell converted only when read.
/// A page of 200 rows shows about 30 of them: converting every cell up front (strings, parsed
/// timestamps) cost several times what libpq spent receiving the rows. Immutable once made, so
/// one instance may be shared and read from any thread (std::shared_ptr<const RawResult>).
class RawResult
{
public:
    virtual ~RawResult() = default;

    virtual int rowCount() const = 0;
    virtual int columnCount() const = 0;
    /// The cell as QueryResult::value() would hold it (integers as qlonglong, text as QString,
    /// PostgreSQL timestamps as UTC QDateTime, NULL as an invalid QVariant). Converted anew on
    /// each call: callers that read a cell twice keep it.
    virtual QVariant value(int row, int column) const = 0;

protected:
    RawResult() = default;
};

} // namespace gh
