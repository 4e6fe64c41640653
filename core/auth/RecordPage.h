#pragma once

#include "core/auth/AuthModel.h"

#include <QVariantList>
#include <QVector>

namespace gh {

/// Rows of one Auth.js model, values in the order of `fields` and already converted to their
/// Prisma types (DateTime as UTC QDateTime, Boolean as bool, Int as qlonglong).
struct RecordPage
{
    QVector<AuthField> fields;
    QVector<QVariantList> rows;
    /// The key of the last row, to ask for the next page (keyset pagination, never OFFSET).
    QVariantList lastKey;
    bool atEnd = false;
};

} // namespace gh
