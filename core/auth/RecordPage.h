#pragma once

#include "core/auth/AuthModel.h"
#include "core/auth/RecordQuery.h"
#include "core/auth/RecordRows.h"

#include <QVariantList>
#include <QVector>

namespace gh {

/// Rows of one Auth.js model, values in the order of `fields` and in their Prisma types
/// (DateTime as UTC QDateTime, Boolean as bool, Int as qlonglong, String as QString), each
/// converted from the database's result when first read (see RecordRows).
struct RecordPage
{
    QVector<AuthField> fields;
    RecordRows rows;
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
    int rowCount() const { return rows.size(); }
    /// One cell, by column (the index in `fields`).
    const QVariant &value(int row, int column) const { return rows.value(row, column); }
    /// Where a row sits in the query's order: pass the first row's with PageDirection::Backward
    /// or the last row's with Forward to read the neighbouring page.
    RecordPosition position(int row) const { return rows.position(row); }
    RecordPosition firstPosition() const { return rows.position(0); }
    RecordPosition lastPosition() const { return rows.position(rows.size() - 1); }

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
        return rows.value(row, fieldIndex(fieldName));
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
