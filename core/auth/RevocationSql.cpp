#include "core/auth/RevocationSql.h"

namespace gh {

Result<RevocationSql> RevocationSql::make(const AuthModel &model, SqlDialect dialect,
                                          const QString &qualifiedTable, const Filter &filter)
{
    RecordQuery query;
    query.model = model.kind;
    query.userId = filter.userId;
    if (filter.expiredAt.isValid()) {
        query.expiry = ExpiryFilter::Expired;
        query.now = filter.expiredAt;
    }
    // No search, so the text order is never asked for.
    auto recordSql = RecordSql::make(model, query, dialect, qualifiedTable,
                                     [](const AuthField &) { return TextOrder::Bytes; });
    if (!recordSql)
        return recordSql.error();
    if (!filter.sessionToken.isEmpty()) {
        if (!model.field(QStringLiteral("sessionToken")))
            return Error(Error::Code::InvalidArgument,
                         QStringLiteral("%1 rows have no session token").arg(model.name));
        recordSql->addEquality(QStringLiteral("sessionToken"), filter.sessionToken);
    }
    if (filter.createdAtOrBefore.isValid() && !model.field(QStringLiteral("createdAt")))
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("%1 has no createdAt field").arg(model.name));

    RevocationSql sql;
    sql.m_model = model;
    sql.m_dialect = dialect;
    sql.m_table = qualifiedTable;
    sql.m_filter = filter;
    sql.m_recordSql = std::move(recordSql.value());
    return sql;
}

QString RevocationSql::tokenColumn() const
{
    if (m_model.kind != AuthModelKind::Session)
        return QString();
    return m_model.column(QStringLiteral("sessionToken"));
}

QString RevocationSql::where(SqlStatement &st, QStringList leading) const
{
    leading << m_recordSql->filterConditions(st);
    if (m_filter.createdAtOrBefore.isValid()) {
        const AuthField *created = m_model.field(QStringLiteral("createdAt"));
        const QString e = m_recordSql->dateTimeExpression(*created);
        const QString bound = m_recordSql->bindDateTime(st, m_filter.createdAtOrBefore);
        leading << QStringLiteral("(%1 <= %2 OR %1 IS NULL)").arg(e, bound);
    }
    return RecordSql::whereClause(leading);
}

QString RevocationSql::returning(bool returnTokens) const
{
    const QString column = tokenColumn();
    if (!returnTokens || column.isEmpty())
        return QString();
    return QStringLiteral(" RETURNING ") + quoteIdentifier(m_dialect, column);
}

SqlStatement RevocationSql::count() const
{
    SqlStatement st(m_dialect);
    st << QStringLiteral("SELECT count(*) FROM ") << m_table;
    st << where(st);
    return st;
}

SqlStatement RevocationSql::deleteAll(bool returnTokens) const
{
    SqlStatement st(m_dialect);
    st << QStringLiteral("DELETE FROM ") << m_table;
    st << where(st) << returning(returnTokens);
    return st;
}

SqlStatement RevocationSql::deleteRange(qint64 from, qint64 to, bool returnTokens) const
{
    SqlStatement st(m_dialect);
    st << QStringLiteral("DELETE FROM ") << m_table;
    QStringList range;
    if (m_dialect == SqlDialect::PostgreSQL) {
        // Bounds on ctid make a TID Range Scan: the batch reads exactly its heap pages.
        auto page = [](qint64 p) { return QStringLiteral("(%1,0)").arg(p); };
        range << QStringLiteral("ctid >= ") + st.bind(page(from)) + QStringLiteral("::tid");
        if (to >= 0)
            range << QStringLiteral("ctid < ") + st.bind(page(to)) + QStringLiteral("::tid");
    } else {
        range << QStringLiteral("rowid >= ") + st.bind(from);
        if (to >= 0)
            range << QStringLiteral("rowid < ") + st.bind(to);
    }
    st << where(st, range) << returning(returnTokens);
    return st;
}

QString RevocationSql::keyList() const
{
    QStringList columns;
    for (const QString &k : m_model.keyFields)
        columns << quoteIdentifier(m_dialect, m_model.column(k));
    return columns.join(QStringLiteral(", "));
}

QString RevocationSql::keyTuple() const
{
    return m_model.keyFields.size() == 1 ? keyList()
                                         : QLatin1Char('(') + keyList() + QLatin1Char(')');
}

QString RevocationSql::boundTuple(SqlStatement &st, const QVariantList &values) const
{
    QStringList placeholders;
    for (const QVariant &v : values)
        placeholders << st.bind(v);
    return placeholders.size() == 1
               ? placeholders.first()
               : QLatin1Char('(') + placeholders.join(QStringLiteral(", ")) + QLatin1Char(')');
}

SqlStatement RevocationSql::keyBoundary(const QVariantList &after, int n) const
{
    SqlStatement st(m_dialect);
    st << QStringLiteral("SELECT ") << keyList() << QStringLiteral(" FROM ") << m_table;
    QStringList leading;
    if (!after.isEmpty())
        leading << keyTuple() + QStringLiteral(" > ") + boundTuple(st, after);
    st << where(st, leading) << QStringLiteral(" ORDER BY ") << keyList();
    const QString offset = st.bind(qMax(0, n - 1));
    st << QStringLiteral(" LIMIT 1 OFFSET ") << offset;
    return st;
}

SqlStatement RevocationSql::deleteKeyRange(const QVariantList &after, const QVariantList &through,
                                           bool returnTokens) const
{
    SqlStatement st(m_dialect);
    st << QStringLiteral("DELETE FROM ") << m_table;
    QStringList leading;
    if (!after.isEmpty())
        leading << keyTuple() + QStringLiteral(" > ") + boundTuple(st, after);
    if (!through.isEmpty())
        leading << keyTuple() + QStringLiteral(" <= ") + boundTuple(st, through);
    st << where(st, leading) << returning(returnTokens);
    return st;
}

} // namespace gh
