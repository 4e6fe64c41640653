#pragma once

#include "core/auth/CancellationToken.h"
#include "core/auth/RecordQuery.h"
#include "core/auth/RecordWriter.h"
#include "core/common/Result.h"

#include <QTextStream>
#include <functional>

namespace gh {

class AuthQueries;

/// Streams every row of a query (filters and order applied) through a RecordWriter, one keyset
/// page at a time, so memory stays flat however large the table. Used by the export dialog and
/// by `gatehouse-cli … --format csv|json`.
class RecordExporter
{
public:
    struct Options
    {
        RecordWriter::Format format = RecordWriter::Format::Csv;
        /// Masked unless the user explicitly asks for secrets.
        RecordWriter::Secrets secrets = RecordWriter::Secrets::Masked;
        /// At most this many rows; -1 = all.
        qint64 limit = -1;
        int pageSize = 2000;
        /// Called after each page from the exporting thread: rows written so far and the
        /// estimated total (-1 when unknown). Marshal to the GUI thread yourself.
        std::function<void(qint64 written, qint64 estimatedTotal)> progress;
        CancellationToken cancel;
    };

    /// Writes the rows and returns how many were written. On Cancelled or a query error the
    /// output stops where it was (a JSON array is left unclosed): the caller discards the file.
    static Result<qint64> run(const AuthQueries &queries, const RecordQuery &query,
                              QTextStream &out, const Options &options);
};

} // namespace gh
