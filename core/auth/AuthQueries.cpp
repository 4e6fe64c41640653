#include "core/auth/AuthQueries.h"

#include "core/db/Database.h"

#include <QDateTime>
#include <QTimeZone>

namespace gh {

struct AuthQueries::Cache
{
};

AuthQueries::AuthQueries(Database &database, AuthSchema schema)
    : m_database(&database)
    , m_schema(std::move(schema))
    , m_cache(std::make_unique<Cache>())
{
}

AuthQueries::~AuthQueries() = default;
AuthQueries::AuthQueries(AuthQueries &&) noexcept = default;
AuthQueries &AuthQueries::operator=(AuthQueries &&) noexcept = default;

Result<AuthQueries> AuthQueries::open(Database &database, AuthSchema schema)
{
    auto catalog = database.tableColumns();
    if (!catalog)
        return catalog.error();
    const Status reconciled = schema.reconcile(*catalog);
    if (!reconciled)
        return reconciled.error();
    return AuthQueries(database, std::move(schema));
}

Result<RecordPage> AuthQueries::page(AuthModelKind kind, int limit, const QVariantList &afterKey) const
{
    const AuthModel &model = m_schema.model(kind);
    if (!model.present)
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("The schema has no %1 model").arg(authModelKindName(kind)));

    SqlStatement st = m_database->statement();
    QStringList columns;
    for (const AuthField &f : model.fields)
        columns << st.id(f.column);
    QStringList keyColumns;
    for (const QString &k : model.keyFields)
        keyColumns << st.id(model.column(k));

    st << QStringLiteral("SELECT ") << columns.join(QStringLiteral(", ")) << QStringLiteral(" FROM ")
       << m_database->table(model.table);
    if (!afterKey.isEmpty() && afterKey.size() == keyColumns.size()) {
        // Row-value comparison walks the key index: the cost of a page does not grow with depth.
        QStringList placeholders;
        for (const QVariant &v : afterKey)
            placeholders << st.bind(v);
        st << QStringLiteral(" WHERE (") << keyColumns.join(QStringLiteral(", "))
           << QStringLiteral(") > (") << placeholders.join(QStringLiteral(", ")) << QStringLiteral(")");
    }
    st << QStringLiteral(" ORDER BY ") << keyColumns.join(QStringLiteral(", "))
       << QStringLiteral(" LIMIT ") << st.bind(limit);

    auto result = m_database->query(st);
    if (!result)
        return result.error();

    RecordPage page;
    page.fields = model.fields;
    page.rows.reserve(result->rowCount());
    for (const QVariantList &raw : result->rows()) {
        QVariantList row;
        row.reserve(raw.size());
        for (int c = 0; c < raw.size(); ++c)
            row << fromDatabase(raw.at(c), model.fields.at(c).type);
        page.rows << row;
    }
    page.atEnd = result->rowCount() < limit;
    if (!page.rows.isEmpty()) {
        for (const QString &k : model.keyFields) {
            for (int c = 0; c < model.fields.size(); ++c) {
                if (model.fields.at(c).name == k)
                    page.lastKey << result->rows().constLast().at(c);
            }
        }
    }
    return page;
}

Result<qint64> AuthQueries::count(AuthModelKind kind) const
{
    const AuthModel &model = m_schema.model(kind);
    SqlStatement st = m_database->statement();
    st << QStringLiteral("SELECT count(*) FROM ") << m_database->table(model.table);
    auto result = m_database->query(st);
    if (!result)
        return result.error();
    return result->value(0, 0).toLongLong();
}

QVariant AuthQueries::fromDatabase(const QVariant &value, FieldType type)
{
    if (value.isNull())
        return QVariant();
    switch (type) {
    case FieldType::DateTime: {
        if (value.typeId() == QMetaType::QDateTime)
            return value.toDateTime().toUTC();
        bool isNumber = false;
        const qlonglong ms = value.toLongLong(&isNumber);
        if (isNumber)
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        // ISO text, as SQLite's CURRENT_TIMESTAMP default writes it ("2024-01-02 03:04:05").
        QString text = value.toString();
        text.replace(QLatin1Char(' '), QLatin1Char('T'));
        QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
            dt.setTimeSpec(Qt::UTC);
        return dt.isValid() ? QVariant(dt.toUTC()) : value;
    }
    case FieldType::Boolean:
        return value.typeId() == QMetaType::Bool ? value : QVariant(value.toLongLong() != 0);
    case FieldType::Int:
        return QVariant(value.toLongLong());
    case FieldType::String:
        return value.typeId() == QMetaType::QString ? value : QVariant(value.toString());
    }
    return value;
}

} // namespace gh
