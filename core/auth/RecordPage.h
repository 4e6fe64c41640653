#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RecordQuery.h"

#include <QVariantList>
#include <QVector>

namespace gh {

/// Rows of one Auth.js model, values in the order of `fields` and already converted to their
/// Prisma types (DateTime as UTC QDateTime, Boolean as bool, Int as qlonglong, String as QString).
struct RecordPage
{
    QVector<AuthField> fields;
    QVector<QVariantList> rows;
    /// positions.at(i) is where rows.at(i) sits in the query's order: pass the first one with
    /// PageDirection::Backward or the last one with Forward to read the neighbouring page.
    QVector<RecordPosition> positions;
    /// The model's key fields (logical names), to identify a row: keyValues(row).
    QStringList keyFields;

    /// True when no row of the query comes before rows.first() / after rows.last(). Known
    /// exactly only on the side the page was read towards (a Forward page knows atEnd; a page
    /// read from the start also knows atStart).
    bool atStart = false;
    bool atEnd = false;

    /// seek() only: the estimated fraction (0..1) of the query's rows that come before the first
    /// row, to place a scroll bar. -1 when unknown.
    double startFraction = -1;

    /// The key of the last row (legacy: the walking skeleton's `page(kind, limit, afterKey)`).
    QVariantList lastKey;

    bool isEmpty() const { return rows.isEmpty(); }
    RecordPosition firstPosition() const { return positions.value(0); }
    RecordPosition lastPosition() const
    {
        return positions.isEmpty() ? RecordPosition() : positions.constLast();
    }

    /// The column of the field Auth.js calls `fieldName` (or, failing that, the schema does).
    int fieldIndex(const QString &fieldName) const
    {
        for (int c = 0; c < fields.size(); ++c) {
            if (fields.at(c).logicalName() == fieldName)
                return c;
        }
        for (int c = 0; c < fields.size(); ++c) {
            if (fields.at(c).name == fieldName)
                return c;
        }
        return -1;
    }
    QVariant value(int row, const QString &fieldName) const
    {
        return rows.value(row).value(fieldIndex(fieldName));
    }
    /// The key values of a row (Prisma types), e.g. for AuthQueries::locate().
    QVariantList keyValues(int row) const
    {
        QVariantList key;
        for (const QString &k : keyFields)
            key << value(row, k);
        return key;
    }
    /// The user a row belongs to: its userId (Account, Session, Authenticator) or its id (User).
    /// Empty for VerificationToken, which belongs to an email, not a user.
    QString userIdOf(int row) const
    {
        if (fieldIndex(QStringLiteral("userId")) >= 0)
            return value(row, QStringLiteral("userId")).toString();
        if (fieldIndex(QStringLiteral("email")) >= 0)
            return value(row, QStringLiteral("id")).toString();
        return QString();
    }
};

} // namespace gh
