#include "core/prisma/ConstraintNames.h"

#include "core/prisma/Connector.h"

#include <algorithm>
#include <cstring>

namespace gh::prisma {

namespace {

// The UTF-8 length of UTF-16 text without converting it (surrogate pairs: 2 + 2 bytes).
qsizetype utf8Length(const char16_t *text, std::size_t size)
{
    qsizetype bytes = 0;
    std::size_t i = 0;
    // Four ASCII units (a byte each) at a time, the usual case; the rest one by one.
    for (; i + 4 <= size; i += 4) {
        quint64 units;
        std::memcpy(&units, text + i, sizeof units);
        if (units & 0xFF80FF80FF80FF80ull)
            break;
        bytes += 4;
    }
    for (; i < size; ++i) {
        const char16_t u = text[i];
        bytes += u < 0x80 ? 1 : u < 0x800 || QChar::isSurrogate(u) ? 2 : 3;
    }
    return bytes;
}

void append(std::u16string &out, const QString &text)
{
    out.append(reinterpret_cast<const char16_t *>(text.constData()), std::size_t(text.size()));
}

// The text of `out` from `start` on (the prefix) cut to at most `limit` bytes on a character
// boundary, then `suffix` (Prisma cuts when the prefix reaches the limit, hence >=).
void finishWithLimit(std::u16string &out, std::size_t start, std::u16string_view suffix,
                     int maxLength)
{
    const int limit = maxLength - int(suffix.size());
    if (utf8Length(out.data() + start, out.size() - start) < limit) {
        out.append(suffix);
        return;
    }
    QByteArray bytes = QStringView(out.data() + start, qsizetype(out.size() - start)).toUtf8();
    if (bytes.size() >= limit) {
        int split = std::max(limit, 0);
        while (split > 0 && (uchar(bytes.at(split)) & 0xc0) == 0x80)
            --split;
        bytes.truncate(split);
    }
    out.resize(start);
    append(out, QString::fromUtf8(bytes));
    out.append(suffix);
}

QString joinWithLimit(const QString &prefix, std::u16string_view suffix, int maxLength)
{
    std::u16string text;
    append(text, prefix);
    finishWithLimit(text, 0, suffix, maxLength);
    return QString::fromUtf16(text.data(), qsizetype(text.size()));
}

QString joined(const QString &table, const QStringList &columns)
{
    return table + QLatin1Char('_') + columns.join(QLatin1Char('_'));
}

template <typename Name> QString build(const Name &append)
{
    std::u16string text;
    append(text);
    return QString::fromUtf16(text.data(), qsizetype(text.size()));
}

} // namespace

QString ConstraintNames::primaryKey(const QString &table, int maxLength)
{
    return joinWithLimit(table, u"_pkey", maxLength);
}

QString ConstraintNames::uniqueIndex(const QString &table, const QStringList &columns,
                                     int maxLength)
{
    return joinWithLimit(joined(table, columns), u"_key", maxLength);
}

QString ConstraintNames::index(const QString &table, const QStringList &columns, int maxLength)
{
    return joinWithLimit(joined(table, columns), u"_idx", maxLength);
}

QString ConstraintNames::foreignKey(const QString &table, const QStringList &columns, int maxLength)
{
    return joinWithLimit(joined(table, columns), u"_fkey", maxLength);
}

QString ConstraintNames::defaultValue(const QString &table, const QString &column, int maxLength)
{
    return joinWithLimit(table + QLatin1Char('_') + column, u"_df", maxLength);
}

QString ConstraintNames::primaryKey(const Model &model, const Connector &connector)
{
    return build([&](std::u16string &out) { appendPrimaryKey(out, model, connector); });
}

QString ConstraintNames::index(const Model &model, const Index &index, const Connector &connector)
{
    return build([&](std::u16string &out) { appendIndex(out, model, index, connector); });
}

QString ConstraintNames::foreignKey(const Model &model, const ModelField &relationField,
                                    const Connector &connector)
{
    return build(
        [&](std::u16string &out) { appendForeignKey(out, model, relationField, connector); });
}

QString ConstraintNames::defaultValue(const Model &model, const ModelField &field,
                                      const Connector &connector)
{
    return build([&](std::u16string &out) { appendDefaultValue(out, model, field, connector); });
}

void ConstraintNames::appendPrimaryKey(std::u16string &out, const Model &model,
                                       const Connector &connector)
{
    if (!model.primaryKey || !connector.has(Connector::NamedPrimaryKeys))
        return;
    if (!model.primaryKey->mappedName.isEmpty()) {
        append(out, model.primaryKey->mappedName);
        return;
    }
    const std::size_t start = out.size();
    append(out, model.databaseName());
    finishWithLimit(out, start, u"_pkey", connector.maxIdentifierLength());
}

void ConstraintNames::appendIndex(std::u16string &out, const Model &model, const Index &index,
                                  const Connector &connector)
{
    if (!index.mappedName.isEmpty()) {
        append(out, index.mappedName);
        return;
    }
    // `{table}_{columns}`: a column by its database name, a path into a composite type as
    // written.
    const std::size_t start = out.size();
    append(out, model.databaseName());
    for (const IndexField &field : index.fields) {
        out.push_back(u'_');
        const bool path = std::find(field.name.cbegin(), field.name.cend(), QLatin1Char('.')) !=
                          field.name.cend();
        if (field.field >= 0 && !path)
            append(out, model.fields.at(field.field).databaseName());
        else
            append(out, field.name);
    }
    finishWithLimit(out, start, index.isUnique() ? u"_key" : u"_idx",
                    connector.maxIdentifierLength());
}

void ConstraintNames::appendForeignKey(std::u16string &out, const Model &model,
                                       const ModelField &relationField, const Connector &connector)
{
    if (!relationField.relationAttribute)
        return;
    const RelationAttribute &relation = *relationField.relationAttribute;
    if (!relation.mappedName.isEmpty()) {
        append(out, relation.mappedName);
        return;
    }
    const std::size_t start = out.size();
    append(out, model.databaseName());
    out.push_back(u'_');
    for (qsizetype i = 0; i < relation.fields.size(); ++i) {
        if (i > 0)
            out.push_back(u'_');
        const QString &name = relation.fields.at(i);
        const ModelField *field = model.field(name);
        append(out, field ? field->databaseName() : name);
    }
    finishWithLimit(out, start, u"_fkey", connector.maxIdentifierLength());
}

void ConstraintNames::appendDefaultValue(std::u16string &out, const Model &model,
                                         const ModelField &field, const Connector &connector)
{
    if (!field.defaultValue)
        return;
    if (!field.defaultValue->mappedName.isEmpty()) {
        append(out, field.defaultValue->mappedName);
        return;
    }
    const std::size_t start = out.size();
    append(out, model.databaseName());
    out.push_back(u'_');
    append(out, field.databaseName());
    finishWithLimit(out, start, u"_df", connector.maxIdentifierLength());
}

} // namespace gh::prisma
