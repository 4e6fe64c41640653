#include "core/auth/RecordWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <algorithm>

namespace gh {

RecordWriter::RecordWriter(QTextStream &out, Format format, Secrets secrets)
    : m_out(out)
    , m_format(format)
    , m_secrets(secrets)
{
}

bool RecordWriter::parseFormat(const QString &name, Format *format)
{
    if (name == QLatin1String("table"))
        *format = Format::Table;
    else if (name == QLatin1String("json"))
        *format = Format::Json;
    else if (name == QLatin1String("csv"))
        *format = Format::Csv;
    else
        return false;
    return true;
}

QString RecordWriter::mask(const QString &secret)
{
    if (secret.size() <= 8)
        return QStringLiteral("••••••••");
    // Written in place: a screen of sessions masks a token per row, and left() + "••••" +
    // right() made three strings for each.
    QString masked(12, Qt::Uninitialized);
    QChar *out = masked.data();
    const QChar *in = secret.constData();
    std::copy(in, in + 4, out);
    std::fill(out + 4, out + 8, QChar(0x2022)); // •
    std::copy(in + secret.size() - 4, in + secret.size(), out + 8);
    return masked;
}

QString RecordWriter::displayText(const QVariant &value, const AuthField &field, Secrets secrets)
{
    if (value.isNull())
        return QString();
    if (field.secret && secrets == Secrets::Masked)
        return mask(value.toString());
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QJsonValue jsonValue(const QVariant &value, const AuthField &field, RecordWriter::Secrets secrets)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    if (field.secret && secrets == RecordWriter::Secrets::Masked)
        return RecordWriter::mask(value.toString());
    switch (field.type) {
    case FieldType::Int:
        return QJsonValue(value.toLongLong());
    case FieldType::Boolean:
        return QJsonValue(value.toBool());
    case FieldType::DateTime:
        return RecordWriter::displayText(value, field, secrets);
    case FieldType::String:
        break;
    }
    return value.toString();
}

} // namespace

void RecordWriter::begin(const QVector<AuthField> &fields)
{
    m_fields = fields;
    m_firstJsonRow = true;
    m_tableRows.clear();
    if (m_format == Format::Json) {
        m_out << "[";
    } else if (m_format == Format::Csv) {
        QStringList header;
        for (const AuthField &f : fields)
            header << csvField(f.name);
        m_out << header.join(QLatin1Char(',')) << "\r\n";
    }
}

void RecordWriter::write(const QVector<QVariantList> &rows)
{
    for (const QVariantList &row : rows)
        writeRow(row);
    m_out.flush();
}

void RecordWriter::write(const RecordRows &rows)
{
    for (int r = 0; r < rows.size(); ++r)
        writeRow(rows.at(r));
    m_out.flush();
}

void RecordWriter::writeRow(const QVariantList &row)
{
    switch (m_format) {
    case Format::Json: {
        // Keys in schema order (QJsonObject would sort them), values encoded by QJsonDocument.
        QStringList members;
        for (int c = 0; c < m_fields.size(); ++c) {
            const QJsonArray pair{m_fields.at(c).name,
                                  jsonValue(row.value(c), m_fields.at(c), m_secrets)};
            const QByteArray encoded = QJsonDocument(pair).toJson(QJsonDocument::Compact);
            const int comma = encoded.indexOf("\",") + 1; // the name is a string: first `",`
            members << QString::fromUtf8(encoded.mid(1, comma - 1)) + QLatin1Char(':') +
                           QString::fromUtf8(encoded.mid(comma + 1, encoded.size() - comma - 2));
        }
        m_out << (m_firstJsonRow ? "\n  {" : ",\n  {") << members.join(QLatin1Char(',')) << "}";
        m_firstJsonRow = false;
        break;
    }
    case Format::Csv: {
        QStringList fields;
        for (int c = 0; c < m_fields.size(); ++c)
            fields << csvField(displayText(row.value(c), m_fields.at(c), m_secrets));
        m_out << fields.join(QLatin1Char(',')) << "\r\n";
        break;
    }
    case Format::Table: {
        QStringList cells;
        for (int c = 0; c < m_fields.size(); ++c)
            cells << displayText(row.value(c), m_fields.at(c), m_secrets)
                         .replace(QLatin1Char('\n'), QLatin1Char(' '));
        m_tableRows << cells;
        break;
    }
    }
}

void RecordWriter::end()
{
    if (m_format == Format::Json) {
        m_out << (m_firstJsonRow ? "]\n" : "\n]\n");
    } else if (m_format == Format::Table) {
        QVector<int> widths;
        for (const AuthField &f : m_fields)
            widths << int(f.name.size());
        for (const QStringList &cells : m_tableRows) {
            for (int c = 0; c < cells.size(); ++c)
                widths[c] = qMax(widths[c], int(cells.at(c).size()));
        }
        auto line = [&](const QStringList &cells) {
            QString text;
            for (int c = 0; c < cells.size(); ++c)
                text += (c ? QStringLiteral("  ") : QString()) + cells.at(c).leftJustified(widths[c]);
            while (text.endsWith(QLatin1Char(' ')))
                text.chop(1);
            m_out << text << "\n";
        };
        QStringList header;
        for (const AuthField &f : m_fields)
            header << f.name;
        line(header);
        QStringList rule;
        for (int w : widths)
            rule << QString(w, QLatin1Char('-'));
        line(rule);
        for (const QStringList &cells : m_tableRows)
            line(cells);
    }
    m_out.flush();
}

} // namespace gh
