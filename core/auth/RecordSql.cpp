#include "core/auth/RecordSql.h"

#include "core/auth/AuthQueries.h"

namespace gh {

namespace {

Error invalid(const QString &message)
{
    return Error(Error::Code::InvalidArgument, message);
}

QString joined(const QStringList &parts, const char *separator)
{
    return parts.join(QLatin1String(separator));
}

// Search fields whose match is a substring rather than a prefix (no index can serve these).
bool isSubstringSearch(AuthModelKind kind, const QString &field)
{
    return kind == AuthModelKind::User && field == QLatin1String("name");
}

} // namespace

Result<RecordSql> RecordSql::make(const AuthModel &model, const RecordQuery &query,
                                  SqlDialect dialect, QString table, TextOrderLookup textOrder)
{
    if (!model.present)
        return invalid(
            QStringLiteral("The schema has no %1 model").arg(authModelKindName(query.model)));
    RecordSql sql;
    sql.m_model = model;
    sql.m_query = query;
    sql.m_dialect = dialect;
    sql.m_table = std::move(table);
    sql.m_textOrder = std::move(textOrder);

    const QString sortName = query.effectiveSortField(model);
    const AuthField *sort = model.field(sortName);
    if (!sort)
        return invalid(
            QStringLiteral("%1 has no field \"%2\" to sort by").arg(model.name, sortName));
    sql.m_sortField = *sort;
    sql.m_sortIsKey = sortName == model.keyFields.value(0);

    if (!query.searchField.isEmpty() &&
        (!AuthQueries::searchFields(query.model).contains(query.searchField) ||
         !model.field(query.searchField))) {
        return invalid(QStringLiteral("%1 cannot be searched by \"%2\" (searchable: %3)")
                           .arg(model.name, query.searchField,
                                AuthQueries::searchFields(query.model).join(QStringLiteral(", "))));
    }
    if (!query.userId.isEmpty() && query.model != AuthModelKind::User &&
        !model.field(QStringLiteral("userId")))
        return invalid(QStringLiteral("%1 rows do not belong to a user").arg(model.name));
    if (!query.provider.isEmpty() && query.model != AuthModelKind::Account)
        return invalid(QStringLiteral("Only accounts have a provider"));
    if (!query.identifier.isEmpty() && query.model != AuthModelKind::VerificationToken)
        return invalid(QStringLiteral("Only verification tokens have an identifier"));
    const bool expiryFiltered = query.expiry != ExpiryFilter::Any || query.expiresFrom.isValid() ||
                                query.expiresBefore.isValid();
    if (expiryFiltered && (sql.expiryField().isEmpty() || !model.field(sql.expiryField())))
        return invalid(QStringLiteral("%1 rows do not expire").arg(model.name));
    return sql;
}

QString RecordSql::column(const AuthField &field) const
{
    return quoteIdentifier(m_dialect, field.column);
}

QString RecordSql::sortExpression() const
{
    if (m_sortField.type == FieldType::DateTime)
        return dateTimeExpression(m_sortField);
    return column(m_sortField);
}

QStringList RecordSql::keyColumns() const
{
    QStringList columns;
    for (const QString &k : m_model.keyFields)
        columns << quoteIdentifier(m_dialect, m_model.column(k));
    return columns;
}

QStringList RecordSql::positionExpressions() const
{
    QStringList columns;
    if (!m_sortIsKey)
        columns << sortExpression();
    columns << keyColumns();
    return columns;
}

QString RecordSql::positionList() const
{
    return joined(positionExpressions(), ", ");
}

QVector<int> RecordSql::positionSources() const
{
    // A position column that is a plain column of a field is read from that field's value;
    // only computed ones (SQLite's DateTime in milliseconds) travel as extra columns.
    QVector<int> sources;
    int extra = int(m_model.fields.size());
    auto sourceOf = [&](const AuthField &field, bool computed) {
        for (int c = 0; !computed && c < m_model.fields.size(); ++c) {
            if (m_model.fields.at(c).column == field.column)
                return c;
        }
        return extra++;
    };
    if (!m_sortIsKey)
        sources << sourceOf(m_sortField, sortExpression() != column(m_sortField));
    for (const QString &k : m_model.keyFields) {
        const AuthField *key = m_model.field(k);
        sources << sourceOf(key ? *key : AuthField(), false);
    }
    return sources;
}

QString RecordSql::selectList() const
{
    QStringList columns;
    for (const AuthField &f : m_model.fields)
        columns << column(f);
    const QStringList positions = positionExpressions();
    const QVector<int> sources = positionSources();
    for (int i = 0; i < sources.size(); ++i) {
        if (sources.at(i) >= m_model.fields.size())
            columns << positions.at(i);
    }
    return joined(columns, ", ");
}

QString RecordSql::dateTimeExpression(const AuthField &field) const
{
    if (m_dialect == SqlDialect::SQLite)
        return sqliteMillis(column(field));
    return column(field);
}

QString RecordSql::bindDateTime(SqlStatement &st, const QDateTime &value) const
{
    if (m_dialect == SqlDialect::SQLite)
        return st.bind(value.toMSecsSinceEpoch());
    return st.bind(value.toUTC());
}

QString RecordSql::sqliteMillis(const QString &c)
{
    // strftime('%f') is "SS.SSS": its last three characters are the milliseconds, exactly.
    return QStringLiteral("(CASE WHEN typeof(%1) IN ('integer', 'real') THEN CAST(%1 AS INTEGER)"
                          " ELSE CAST(strftime('%s', %1) AS INTEGER) * 1000"
                          " + CAST(substr(strftime('%f', %1), 4) AS INTEGER) END)")
        .arg(c);
}

QString RecordSql::prefixUpperBound(const QString &prefix)
{
    QVector<uint> codePoints = prefix.toUcs4();
    while (!codePoints.isEmpty()) {
        uint &last = codePoints.last();
        if (last < 0x10FFFF) {
            ++last;
            if (last >= 0xD800 && last <= 0xDFFF) // not a character: skip the surrogate range
                last = 0xE000;
            return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()),
                                     codePoints.size());
        }
        codePoints.removeLast();
    }
    return QString();
}

QString RecordSql::escapeLike(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 4);
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

QString RecordSql::prefixCondition(SqlStatement &st, const AuthField &field,
                                   const QString &prefix) const
{
    // A range on the column in its own collation, never LIKE 'p%': PostgreSQL uses a btree
    // index for LIKE only under the "C" collation (or text_pattern_ops), while a range
    // predicate walks the ordinary index (User_email_key) whatever the collation.
    const QString c = column(field);
    const TextOrder order = m_dialect == SqlDialect::SQLite ? TextOrder::Bytes : m_textOrder(field);
    if (order == TextOrder::Bytes) {
        // In byte order the strings starting with p are exactly [p, next(p)).
        const QString upper = prefixUpperBound(prefix);
        QString condition = c + QStringLiteral(" >= ") + st.bind(prefix);
        if (!upper.isEmpty())
            condition += QStringLiteral(" AND ") + c + QStringLiteral(" < ") + st.bind(upper);
        return QLatin1Char('(') + condition + QLatin1Char(')');
    }
    // Linguistic orders put "Ada", "ada" and "a.da" side by side, so the prefix's strings are
    // not one range of their own, but they lie inside [p, p + U+FFFF): CLDR gives U+FFFF the
    // highest primary weight for exactly this use, and glibc's tables (ISO 14651) keep the
    // largest primaries for U+FFFD and beyond. The range drives the index scan; starts_with
    // keeps only true prefixes.
    const QString upper = prefix + QChar(order == TextOrder::Icu ? 0xFFFF : 0xFFFD) +
                          QChar(order == TextOrder::Icu ? 0xFFFF : 0xFFFD);
    // Bound one at a time, in text order: SQLite's `?` placeholders are positional.
    const QString lower = st.bind(prefix);
    const QString below = st.bind(upper);
    const QString starts = st.bind(prefix);
    return QStringLiteral("(%1 >= %2 AND %1 < %3 AND starts_with(%1, %4))")
        .arg(c, lower, below, starts);
}

QString RecordSql::substringCondition(SqlStatement &st, const AuthField &field,
                                      const QString &text) const
{
    const QString pattern = QLatin1Char('%') + escapeLike(text) + QLatin1Char('%');
    if (m_dialect == SqlDialect::SQLite) // SQLite's LIKE ignores ASCII case already
        return column(field) + QStringLiteral(" LIKE ") + st.bind(pattern) +
               QStringLiteral(" ESCAPE '\\'");
    return column(field) + QStringLiteral(" ILIKE ") + st.bind(pattern);
}

QString RecordSql::searchCondition(SqlStatement &st) const
{
    const QString text = m_query.search.trimmed();
    if (text.isEmpty())
        return QString();
    const QStringList names = m_query.searchField.isEmpty()
                                  ? AuthQueries::searchFields(m_query.model)
                                  : QStringList{m_query.searchField};
    QStringList alternatives;
    for (const QString &name : names) {
        const AuthField *field = m_model.field(name);
        if (!field)
            continue;
        alternatives << (isSubstringSearch(m_query.model, name)
                             ? substringCondition(st, *field, text)
                             : prefixCondition(st, *field, text));
    }
    if (alternatives.isEmpty())
        return QStringLiteral("1 = 0");
    return alternatives.size() == 1
               ? alternatives.first()
               : QLatin1Char('(') + joined(alternatives, " OR ") + QLatin1Char(')');
}

QString RecordSql::expiryField() const
{
    switch (m_query.model) {
    case AuthModelKind::Session:
    case AuthModelKind::VerificationToken:
        return QStringLiteral("expires");
    case AuthModelKind::Account:
        return QStringLiteral("expires_at");
    default:
        return QString();
    }
}

bool RecordSql::hasFilters() const
{
    return !m_equalities.isEmpty() || !m_query.search.trimmed().isEmpty() ||
           !m_query.userId.isEmpty() || !m_query.provider.isEmpty() ||
           !m_query.identifier.isEmpty() || m_query.expiry != ExpiryFilter::Any ||
           m_query.expiresFrom.isValid() || m_query.expiresBefore.isValid();
}

QString RecordSql::whereClause(QStringList conditions)
{
    conditions.removeAll(QString());
    if (conditions.isEmpty())
        return QString();
    return QStringLiteral(" WHERE ") + joined(conditions, " AND ");
}

QStringList RecordSql::filterConditions(SqlStatement &st) const
{
    QStringList conditions;
    for (const auto &equality : m_equalities)
        conditions << quoteIdentifier(m_dialect, m_model.column(equality.first)) +
                          QStringLiteral(" = ") + st.bind(equality.second);
    if (!m_query.userId.isEmpty()) {
        const QString owner =
            m_query.model == AuthModelKind::User ? QStringLiteral("id") : QStringLiteral("userId");
        conditions << quoteIdentifier(m_dialect, m_model.column(owner)) + QStringLiteral(" = ") +
                          st.bind(m_query.userId);
    }
    if (!m_query.provider.isEmpty())
        conditions << quoteIdentifier(m_dialect, m_model.column(QStringLiteral("provider"))) +
                          QStringLiteral(" = ") + st.bind(m_query.provider);
    if (!m_query.identifier.isEmpty())
        conditions << quoteIdentifier(m_dialect, m_model.column(QStringLiteral("identifier"))) +
                          QStringLiteral(" = ") + st.bind(m_query.identifier);

    const AuthField *expires = m_model.field(expiryField());
    if (expires) {
        const QDateTime now = m_query.now.isValid() ? m_query.now : QDateTime::currentDateTimeUtc();
        if (expires->type == FieldType::DateTime) {
            const QString e = dateTimeExpression(*expires);
            if (m_query.expiry == ExpiryFilter::Expired)
                conditions << e + QStringLiteral(" < ") + bindDateTime(st, now);
            else if (m_query.expiry == ExpiryFilter::Active)
                conditions << e + QStringLiteral(" >= ") + bindDateTime(st, now);
            if (m_query.expiresFrom.isValid())
                conditions << e + QStringLiteral(" >= ") + bindDateTime(st, m_query.expiresFrom);
            if (m_query.expiresBefore.isValid())
                conditions << e + QStringLiteral(" < ") + bindDateTime(st, m_query.expiresBefore);
        } else {
            // Account.expires_at: epoch seconds; expired when expires_at * 1000 < now (ms).
            const QString e = column(*expires);
            auto seconds = [](const QDateTime &t) {
                const qint64 ms = t.toMSecsSinceEpoch();
                return ms >= 0 ? (ms + 999) / 1000 : ms / 1000; // ceil
            };
            if (m_query.expiry == ExpiryFilter::Expired)
                conditions << e + QStringLiteral(" < ") + st.bind(seconds(now));
            else if (m_query.expiry == ExpiryFilter::Active)
                conditions
                    << QStringLiteral("(%1 >= %2 OR %1 IS NULL)").arg(e, st.bind(seconds(now)));
            if (m_query.expiresFrom.isValid())
                conditions << e + QStringLiteral(" >= ") + st.bind(seconds(m_query.expiresFrom));
            if (m_query.expiresBefore.isValid())
                conditions << e + QStringLiteral(" < ") + st.bind(seconds(m_query.expiresBefore));
        }
    }
    const QString search = searchCondition(st);
    if (!search.isEmpty())
        conditions << search;
    return conditions;
}

QString RecordSql::orderBy(bool reversed) const
{
    const bool ascending = (m_query.sortOrder == Qt::AscendingOrder) != reversed;
    const QString direction = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QStringList terms;
    if (!m_sortIsKey) {
        // NULL counts as the greatest value both ways; SQLite's DateTime expression yields NULL
        // for text it cannot read.
        const bool nullable = m_sortField.optional || (m_dialect == SqlDialect::SQLite &&
                                                       m_sortField.type == FieldType::DateTime);
        terms << sortExpression() + direction +
                     (nullable ? (ascending ? QStringLiteral(" NULLS LAST")
                                            : QStringLiteral(" NULLS FIRST"))
                               : QString());
    }
    for (const QString &k : keyColumns())
        terms << k + direction;
    return QStringLiteral("ORDER BY ") + joined(terms, ", ");
}

QString RecordSql::keysetCondition(SqlStatement &st, const RecordPosition &position,
                                   bool reversed) const
{
    const bool ascending = (m_query.sortOrder == Qt::AscendingOrder) != reversed;
    const QString beyond = ascending ? QStringLiteral(" > ") : QStringLiteral(" < ");
    const QString atOrBeyond = ascending ? QStringLiteral(" >= ") : QStringLiteral(" <= ");
    const QVariantList &v = position.values;

    // (k1, k2) > ($1, $2): row values keep multi-column keys on their index.
    auto keyCondition = [&](int offset) {
        const QStringList keys = keyColumns();
        QStringList placeholders;
        for (int i = 0; i < keys.size(); ++i)
            placeholders << st.bind(v.value(offset + i));
        const QString left = keys.size() == 1
                                 ? keys.first()
                                 : QLatin1Char('(') + joined(keys, ", ") + QLatin1Char(')');
        const QString right =
            keys.size() == 1 ? placeholders.first()
                             : QLatin1Char('(') + joined(placeholders, ", ") + QLatin1Char(')');
        return left + (position.inclusive ? atOrBeyond : beyond) + right;
    };
    if (m_sortIsKey)
        return keyCondition(0);

    const QString c = sortExpression();
    const bool nullable = m_sortField.optional || (m_dialect == SqlDialect::SQLite &&
                                                   m_sortField.type == FieldType::DateTime);
    const QString isNull = c + QStringLiteral(" IS NULL");
    if (v.size() == 1) {
        // Bound on the sort value alone (seek): rows whose value is at or beyond it.
        if (v.first().isNull())
            return ascending ? isNull : QStringLiteral("1 = 1");
        const QString condition = c + atOrBeyond + st.bind(v.first());
        return nullable && ascending ? QLatin1Char('(') + condition + QStringLiteral(" OR ") +
                                           isNull + QLatin1Char(')')
                                     : condition;
    }
    if (v.first().isNull()) {
        // NULL is the greatest value: ascending, only NULLs with a greater key follow it.
        const QString sameValue = QLatin1Char('(') + isNull + QStringLiteral(" AND ") +
                                  keyCondition(1) + QLatin1Char(')');
        return ascending ? sameValue
                         : QLatin1Char('(') + sameValue + QStringLiteral(" OR ") + c +
                               QStringLiteral(" IS NOT NULL)");
    }
    // c >= v AND (c > v OR key > K): the first half is a plain range an index on c can serve.
    const QString from = st.bind(v.first());
    const QString past = st.bind(v.first());
    const QString tie = keyCondition(1);
    QString condition =
        QStringLiteral("(%1%2%3 AND (%1%4%5 OR %6))").arg(c, atOrBeyond, from, beyond, past, tie);
    if (nullable && ascending)
        condition =
            QLatin1Char('(') + condition + QStringLiteral(" OR ") + isNull + QLatin1Char(')');
    return condition;
}

SqlStatement RecordSql::pageStatement(const RecordPosition &position, bool reversed,
                                      int limit) const
{
    SqlStatement st(m_dialect);
    st << QStringLiteral("SELECT ") << selectList() << QStringLiteral(" FROM ") << m_table;
    QStringList conditions = filterConditions(st);
    if (!position.isEmpty())
        conditions << keysetCondition(st, position, reversed);
    st << whereClause(conditions) << QStringLiteral(" ") << orderBy(reversed);
    const QString limitPlaceholder = st.bind(limit);
    st << QStringLiteral(" LIMIT ") << limitPlaceholder;
    return st;
}

SqlStatement RecordSql::countStatement() const
{
    SqlStatement st(m_dialect);
    st << QStringLiteral("SELECT count(*) FROM ") << m_table;
    st << whereClause(filterConditions(st));
    return st;
}

} // namespace gh
