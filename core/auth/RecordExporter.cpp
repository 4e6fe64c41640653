#include "core/auth/RecordExporter.h"

#include "core/auth/AuthQueries.h"

namespace gh {

Result<qint64> RecordExporter::run(const AuthQueries &queries, const RecordQuery &query,
                                   QTextStream &out, const Options &options)
{
    if (options.pageSize <= 0)
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("The export page size must be positive"));
    const AuthModel &model = queries.schema().model(query.model);
    if (!model.present)
        return Error(
            Error::Code::InvalidArgument,
            QStringLiteral("The schema has no %1 model").arg(authModelKindName(query.model)));

    qint64 estimated = -1;
    if (options.progress) {
        if (auto estimate = queries.estimateCount(query))
            estimated = estimate->rows;
        if (options.limit >= 0 && (estimated < 0 || options.limit < estimated))
            estimated = options.limit;
    }

    RecordWriter writer(out, options.format, options.secrets);
    qint64 written = 0;
    RecordPosition after;
    bool begun = false;
    while (options.limit < 0 || written < options.limit) {
        if (options.cancel.isCancelled())
            return Error(Error::Code::Cancelled, QStringLiteral("The export was cancelled"));
        const int want = options.limit < 0 ? options.pageSize
                                           : int(qMin<qint64>(options.pageSize, options.limit - written));
        auto page = queries.page(query, want, PageDirection::Forward, after, options.cancel);
        if (!page)
            return page.error();
        if (!begun) { // a query that fails does so before anything is written
            writer.begin(page->fields);
            begun = true;
        }
        writer.write(page->rows);
        written += page->rows.size();
        if (options.progress)
            options.progress(written, estimated);
        if (page->atEnd || page->rows.isEmpty())
            break;
        after = page->lastPosition();
    }
    if (!begun)
        writer.begin(model.fields); // a limit of 0: the header alone
    writer.end();
    return written;
}

} // namespace gh
