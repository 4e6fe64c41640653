#pragma once

#include "core/auth/RecordPage.h"

#include <QTextStream>

namespace gh {

/// Writes Auth.js records as an aligned text table, a JSON array of objects keyed by Prisma
/// field names, or RFC 4180 CSV. Rows can be written page by page, so exports stream.
class RecordWriter
{
public:
    enum class Format { Table, Json, Csv };
    enum class Secrets { Masked, Revealed };

    RecordWriter(QTextStream &out, Format format, Secrets secrets = Secrets::Masked);

    /// Parses "table", "json" or "csv".
    static bool parseFormat(const QString &name, Format *format);

    void begin(const QVector<AuthField> &fields);
    void write(const QVector<QVariantList> &rows);
    void write(const RecordRows &rows);
    void end();

    /// The display text of a value: ISO 8601 UTC for timestamps, "" for null, masked secrets.
    static QString displayText(const QVariant &value, const AuthField &field, Secrets secrets);
    /// "abcd…wxyz"-style masking that keeps enough to tell values apart without revealing them.
    static QString mask(const QString &secret);

private:
    void writeRow(const QVariantList &row);

    QTextStream &m_out;
    Format m_format;
    Secrets m_secrets;
    QVector<AuthField> m_fields;
    QVector<QStringList> m_tableRows; // a table needs every row to align its columns
    bool m_firstJsonRow = true;
};

} // namespace gh
