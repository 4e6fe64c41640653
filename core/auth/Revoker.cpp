#include "core/auth/Revoker.h"

#include "core/auth/RecordWriter.h"
#include "core/auth/RevocationBatchSizer.h"
#include "core/auth/RevocationSql.h"
#include "core/common/Version.h"
#include "core/db/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QSysInfo>
#include <algorithm>

namespace gh {

namespace {

// A batch aims first at this many rows, and never at more (see RevocationOptions).
constexpr qint64 kFirstBatchRows = 1000;
constexpr qint64 kMaxBatchRows = 50000;
// Up to this many matching rows go in one statement: batching would only add round trips.
constexpr qint64 kOneStatementRows = 1000;
// Sweeps after the main pass, for live rows that moved to other pages meanwhile.
constexpr int kMaxSweeps = 3;
// Rows per heap page of a table PostgreSQL has never analysed: small rows, so small batches.
constexpr double kUnknownRowsPerPage = 128;
// TID Range Scans (ctid >= a AND ctid < b reading only those pages) exist from PostgreSQL 14.
constexpr int kTidRangeScanVersion = 140000;

using W = RevocationWarning;

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString counted(qint64 n, const char *one, const char *many)
{
    return number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Error cancelled()
{
    return Error(Error::Code::Cancelled, QStringLiteral("Cancelled"));
}

W warning(W::Kind kind, W::Severity severity, const QString &message)
{
    return W{kind, severity, message};
}

bool isSessionAction(RevocationAction action)
{
    return action != RevocationAction::DeleteUser &&
           action != RevocationAction::ExpiredVerificationTokens;
}

QString applicationText()
{
    const QString name = QCoreApplication::instance()
                             ? QFileInfo(QCoreApplication::applicationFilePath()).fileName()
                             : QStringLiteral("gatehouse");
    return name + QLatin1Char(' ') + QLatin1String(kVersion);
}

/// What the audit line records as the action's filter (never a raw token).
QJsonObject auditFilter(const RevocationPlan &plan, const QDateTime &cutoff,
                        const AuthSchema &schema)
{
    QJsonObject filter;
    const bool hasCreatedAt =
        schema.model(AuthModelKind::Session).field(QStringLiteral("createdAt")) != nullptr;
    switch (plan.request.action) {
    case RevocationAction::Session:
        filter.insert(QStringLiteral("sessionTokenSha256"),
                      AuditEntry::hashToken(plan.request.sessionToken));
        break;
    case RevocationAction::UserSessions:
    case RevocationAction::DeleteUser:
        filter.insert(QStringLiteral("userId"), plan.userId);
        filter.insert(QStringLiteral("email"), plan.userEmail);
        if (plan.request.action == RevocationAction::UserSessions && hasCreatedAt)
            filter.insert(QStringLiteral("createdAtOrBefore"), iso(cutoff));
        break;
    case RevocationAction::ExpiredSessions:
    case RevocationAction::ExpiredVerificationTokens:
        filter.insert(QStringLiteral("expiresBefore"), iso(cutoff));
        break;
    case RevocationAction::AllSessions:
        if (hasCreatedAt)
            filter.insert(QStringLiteral("createdAtOrBefore"), iso(cutoff));
        break;
    }
    return filter;
}

} // namespace

// --- One execute(): the batches run so far -----------------------------------------------------

struct Revoker::Batches
{
    Batches(Database &db, const RevocationOptions &o)
        : database(db)
        , options(o)
    {}

    Database &database;
    const RevocationOptions &options;
    qint64 total = 0;
    qint64 done = 0;
    int count = 0;
    qint64 longestMs = 0;
    QVector<RevocationCount> counts;
    QStringList tokenHashes;
    qint64 tokensNotListed = 0;
    QString method;

    bool isCancelled() const { return options.cancel.isCancelled(); }
    bool wantTokens(const RevocationSql &sql) const
    {
        return !sql.tokenColumn().isEmpty() && tokenHashes.size() < options.maxAuditedTokens;
    }
    qint64 firstRows() const
    {
        return options.firstBatchRows > 0 ? options.firstBatchRows : kFirstBatchRows;
    }
    qint64 maxRows() const
    {
        return options.maxBatchRows > 0 ? options.maxBatchRows : kMaxBatchRows;
    }

    void keepTokens(const QueryResult &rows)
    {
        for (const QVariantList &row : rows.rows()) {
            if (tokenHashes.size() < options.maxAuditedTokens)
                tokenHashes << AuditEntry::hashToken(row.value(0).toString());
            else
                ++tokensNotListed;
        }
    }

    /// One DELETE in its own (implicit) transaction: one batch. Returns the rows it removed.
    Result<qint64> run(const RevocationSql &sql, const SqlStatement &statement, bool returnsTokens,
                       double *elapsedMs = nullptr)
    {
        QElapsedTimer timer;
        timer.start();
        qint64 rows = 0;
        if (returnsTokens) {
            auto result = database.query(statement);
            if (!result)
                return result.error();
            rows = result->rowCount();
            keepTokens(*result);
        } else {
            auto affected = database.execute(statement);
            if (!affected)
                return affected.error();
            rows = *affected;
            if (!sql.tokenColumn().isEmpty())
                tokensNotListed += rows;
        }
        const double ms = timer.nsecsElapsed() / 1e6;
        if (elapsedMs)
            *elapsedMs = ms;
        ++count;
        longestMs = std::max(longestMs, qint64(ms + 0.5));
        done += rows;
        total = std::max(total, done);
        if (options.progress)
            options.progress(RevocationProgress{done, total, count, qint64(ms + 0.5)});
        return rows;
    }
};

// --- Construction and plumbing -------------------------------------------------------------------

Revoker::Revoker(Database &database, AuthSchema schema, AuditLog auditLog)
    : m_database(&database)
    , m_schema(schema)
    , m_auditLog(std::move(auditLog))
    , m_queries(database, std::move(schema))
{}

Revoker::~Revoker() = default;
Revoker::Revoker(Revoker &&) noexcept = default;
Revoker &Revoker::operator=(Revoker &&) noexcept = default;

Result<QueryResult> Revoker::run(const SqlStatement &statement,
                                 const CancellationToken &cancel) const
{
    if (cancel.isCancelled())
        return cancelled();
    Database *database = m_database;
    const auto hook = cancel.onCancel([database] { database->cancelRunningQuery(); });
    if (cancel.isCancelled())
        return cancelled();
    auto result = m_database->query(statement);
    if (!result && cancel.isCancelled())
        return cancelled();
    return result;
}

Result<qint64> Revoker::count(const RevocationSql &sql, const CancellationToken &cancel) const
{
    auto result = run(sql.count(), cancel);
    if (!result)
        return result.error();
    return result->value(0, 0).toLongLong();
}

Result<QDateTime> Revoker::databaseNow() const
{
    // The cut-off is compared with values the database (or the app writing to it) stamped:
    // take it from the server's clock, in milliseconds like Prisma's timestamp(3).
    if (m_database->dialect() == SqlDialect::SQLite) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
    }
    auto result = m_database->query(
        SqlStatement(m_database->dialect(),
                     QStringLiteral("SELECT date_trunc('milliseconds', statement_timestamp())")));
    if (!result)
        return result.error();
    return result->value(0, 0).toDateTime().toUTC();
}

Result<QString> Revoker::databaseName() const
{
    if (m_database->dialect() == SqlDialect::SQLite) // "file:/path/dev.db"
        return QFileInfo(m_database->displayName().mid(5)).fileName();
    auto result = m_database->query(
        SqlStatement(m_database->dialect(), QStringLiteral("SELECT current_database()")));
    if (!result)
        return result.error();
    return result->value(0, 0).toString();
}

Result<RevocationSql> Revoker::sessionSql(const RevocationPlan &plan, const QDateTime &cutoff) const
{
    const bool hasCreatedAt =
        m_schema.model(AuthModelKind::Session).field(QStringLiteral("createdAt")) != nullptr;
    RevocationSql::Filter filter;
    AuthModelKind kind = AuthModelKind::Session;
    switch (plan.request.action) {
    case RevocationAction::Session:
        filter.sessionToken = plan.request.sessionToken;
        break;
    case RevocationAction::UserSessions:
        filter.userId = plan.userId;
        if (hasCreatedAt)
            filter.createdAtOrBefore = cutoff;
        break;
    case RevocationAction::ExpiredSessions:
        filter.expiredAt = cutoff;
        break;
    case RevocationAction::AllSessions:
        if (hasCreatedAt)
            filter.createdAtOrBefore = cutoff;
        break;
    case RevocationAction::ExpiredVerificationTokens:
        kind = AuthModelKind::VerificationToken;
        filter.expiredAt = cutoff;
        break;
    case RevocationAction::DeleteUser:
        filter.userId = plan.userId;
        break;
    }
    const AuthModel &model = m_schema.model(kind);
    return RevocationSql::make(model, m_database->dialect(), model.tableIn(*m_database), filter);
}

// --- Preview -------------------------------------------------------------------------------------

Result<RevocationPlan> Revoker::preview(const RevocationRequest &request,
                                        const CancellationToken &cancel) const
{
    RevocationPlan plan;
    plan.request = request;
    auto now = databaseNow();
    if (!now)
        return now.error();
    plan.cutoff = *now;
    auto name = databaseName();
    if (!name)
        return name.error();
    plan.databaseName = *name;
    if (m_database->isReadOnly())
        plan.warnings << warning(W::Kind::ReadOnly, W::Severity::Blocking,
                                 m_database->readOnlyError().message());

    if (request.action == RevocationAction::Session ||
        request.action == RevocationAction::UserSessions ||
        request.action == RevocationAction::DeleteUser) {
        const QString asked =
            request.action == RevocationAction::Session ? request.sessionToken : request.user;
        if (asked.trimmed().isEmpty())
            return Error(Error::Code::InvalidArgument,
                         request.action == RevocationAction::Session
                             ? QStringLiteral("No session token given")
                             : QStringLiteral("No user id or email given"));
    }
    if (request.action != RevocationAction::Session &&
        (request.action == RevocationAction::UserSessions ||
         request.action == RevocationAction::DeleteUser)) {
        auto user = m_queries.findUser(request.user);
        if (!user)
            return user.error();
        if (user->isEmpty())
            return Error(Error::Code::NotFound,
                         QStringLiteral("No user has the id or email \"%1\"").arg(request.user));
        plan.userId = user->value(0, QStringLiteral("id")).toString();
        plan.userEmail = user->value(0, QStringLiteral("email")).toString();
    }

    const Status status = request.action == RevocationAction::DeleteUser
                              ? previewDeleteUser(plan, cancel)
                              : previewSessions(plan, cancel);
    if (!status)
        return status.error();
    return plan;
}

Status Revoker::previewSessions(RevocationPlan &plan, const CancellationToken &cancel) const
{
    const RevocationAction action = plan.request.action;
    const AuthModel &sessions = m_schema.model(AuthModelKind::Session);

    if (action == RevocationAction::Session) {
        // The session's owner, for the summary and the audit line.
        SqlStatement st(m_database->dialect());
        st << QStringLiteral("SELECT ") << st.id(sessions.column(QStringLiteral("userId")))
           << QStringLiteral(" FROM ") << sessions.tableIn(*m_database) << QStringLiteral(" WHERE ")
           << st.id(sessions.column(QStringLiteral("sessionToken"))) << QStringLiteral(" = ")
           << st.bind(plan.request.sessionToken);
        auto owner = run(st, cancel);
        if (!owner)
            return owner.error();
        if (owner->isEmpty())
            return Error(Error::Code::NotFound,
                         QStringLiteral("No session has this token (%1)")
                             .arg(RecordWriter::mask(plan.request.sessionToken)));
        plan.userId = owner->value(0, 0).toString();
        auto user = m_queries.findUser(plan.userId);
        if (user && !user->isEmpty())
            plan.userEmail = user->value(0, QStringLiteral("email")).toString();
    }

    auto sql = sessionSql(plan, plan.cutoff);
    if (!sql)
        return sql.error();
    auto rows = count(*sql, cancel);
    if (!rows)
        return rows.error();
    plan.rows = *rows;
    const AuthModel &model = sql->model();
    plan.counts = {RevocationCount{model.kind, model.displayTable(), plan.rows}};

    const QString who = plan.userEmail.isEmpty() ? plan.userId : plan.userEmail;
    switch (action) {
    case RevocationAction::Session:
        plan.summary = QStringLiteral("Revoke the session %1 of %2")
                           .arg(RecordWriter::mask(plan.request.sessionToken), who);
        break;
    case RevocationAction::UserSessions:
        plan.summary = QStringLiteral("Sign %1 out everywhere: revoke %2")
                           .arg(who, counted(plan.rows, "session", "sessions"));
        if (Status s = addCredentialsWarning(plan, cancel); !s)
            return s;
        break;
    case RevocationAction::ExpiredSessions:
        plan.summary = QStringLiteral("Delete %1 that expired before %2")
                           .arg(counted(plan.rows, "session", "sessions"), iso(plan.cutoff));
        plan.warnings << warning(
            W::Kind::ExpiredIsHousekeeping, W::Severity::Info,
            QStringLiteral("Expired sessions already sign nobody in: Auth.js refuses them (and "
                           "deletes each one when its cookie comes back). Removing them is "
                           "housekeeping."));
        break;
    case RevocationAction::AllSessions:
        plan.summary = QStringLiteral("Revoke every session in %1: %2")
                           .arg(plan.databaseName, counted(plan.rows, "session", "sessions"));
        if (Status s = addCredentialsUsersWarning(plan, cancel); !s)
            return s;
        break;
    case RevocationAction::ExpiredVerificationTokens:
        plan.summary = QStringLiteral("Delete %1 that expired before %2")
                           .arg(counted(plan.rows, "verification token", "verification tokens"),
                                iso(plan.cutoff));
        plan.warnings << warning(
            W::Kind::TokensNeverPurged, W::Severity::Info,
            QStringLiteral("Auth.js deletes a verification token when its link is used, but never "
                           "purges expired ones; they can no longer sign anybody in."));
        break;
    case RevocationAction::DeleteUser:
        break;
    }
    // Without createdAt the cut-off cannot protect sessions created while the revoke runs.
    if ((action == RevocationAction::UserSessions || action == RevocationAction::AllSessions) &&
        !sessions.field(QStringLiteral("createdAt")))
        plan.warnings << warning(
            W::Kind::NoCreatedAt, W::Severity::Info,
            QStringLiteral("The Session model has no createdAt field, so sessions created while "
                           "this runs cannot be told apart: they may be revoked too."));
    if (isSessionAction(action) && action != RevocationAction::ExpiredSessions)
        return addNoSessionRowsWarning(plan, cancel);
    return success();
}

Status Revoker::previewDeleteUser(RevocationPlan &plan, const CancellationToken &cancel) const
{
    const QString who = plan.userEmail.isEmpty() ? plan.userId : plan.userEmail;
    plan.rows = 1;
    plan.counts = {RevocationCount{AuthModelKind::User, m_schema.user().displayTable(), 1}};
    QStringList parts;
    for (AuthModelKind kind :
         {AuthModelKind::Account, AuthModelKind::Session, AuthModelKind::Authenticator}) {
        const AuthModel &model = m_schema.model(kind);
        if (!model.present)
            continue;
        RevocationSql::Filter filter;
        filter.userId = plan.userId;
        auto sql =
            RevocationSql::make(model, m_database->dialect(), model.tableIn(*m_database), filter);
        if (!sql)
            return sql.error();
        auto rows = count(*sql, cancel);
        if (!rows)
            return rows.error();
        plan.counts << RevocationCount{kind, model.displayTable(), *rows};
        if (kind == AuthModelKind::Account)
            parts << counted(*rows, "account", "accounts");
        else if (kind == AuthModelKind::Session)
            parts << counted(*rows, "session", "sessions");
        else
            parts << counted(*rows, "authenticator", "authenticators");
    }
    const QString last = parts.takeLast();
    plan.summary = QStringLiteral("Delete the user %1 with %2 and %3")
                       .arg(who, parts.join(QStringLiteral(", ")), last);

    if (Status s = addCredentialsWarning(plan, cancel); !s)
        return s;
    if (!plan.userEmail.isEmpty()) {
        RecordQuery tokens;
        tokens.model = AuthModelKind::VerificationToken;
        tokens.identifier = plan.userEmail;
        auto pending = m_queries.count(tokens, cancel);
        if (!pending)
            return pending.error();
        if (*pending > 0)
            plan.warnings << warning(
                W::Kind::PendingVerificationTokens, W::Severity::Info,
                QStringLiteral("%1 for %2 (they belong to the address, not the user): a "
                               "magic link still unused would sign the address up again.")
                    .arg(counted(*pending, "verification token stays", "verification tokens stay"),
                         plan.userEmail));
    }
    return addReferenceWarnings(plan, cancel);
}

Status Revoker::addCredentialsWarning(RevocationPlan &plan, const CancellationToken &cancel) const
{
    const AuthModel &accounts = m_schema.model(AuthModelKind::Account);
    SqlStatement st(m_database->dialect());
    // Values bound in text order (SQLite's placeholders are positional).
    st << QStringLiteral("SELECT count(*), sum(CASE WHEN ")
       << st.id(accounts.column(QStringLiteral("type"))) << QStringLiteral(" = ")
       << st.bind(QStringLiteral("credentials")) << QStringLiteral(" THEN 0 ELSE 1 END) FROM ")
       << accounts.tableIn(*m_database) << QStringLiteral(" WHERE ")
       << st.id(accounts.column(QStringLiteral("userId"))) << QStringLiteral(" = ")
       << st.bind(plan.userId);
    auto result = run(st, cancel);
    if (!result)
        return result.error();
    const qint64 all = result->value(0, 0).toLongLong();
    const qint64 others = result->value(0, 1).toLongLong();
    if (all == 0 || others > 0)
        return success();
    const QString who = plan.userEmail.isEmpty() ? plan.userId : plan.userEmail;
    const QString consequence =
        plan.request.action == RevocationAction::DeleteUser
            ? QStringLiteral("a cookie they already hold stays valid until it expires, even once "
                             "the user is deleted, unless the app looks the user up itself.")
            : QStringLiteral("revoking sessions does not sign them out. Change their password, "
                             "or rotate AUTH_SECRET to end every JWT.");
    plan.warnings << warning(
        W::Kind::CredentialsOnly, W::Severity::Warning,
        QStringLiteral("Every account of %1 uses the Credentials provider: Auth.js signs them in "
                       "with JWT cookies, which no session row controls, so %2")
            .arg(who, consequence));
    return success();
}

Status Revoker::addCredentialsUsersWarning(RevocationPlan &plan,
                                           const CancellationToken &cancel) const
{
    const AuthModel &accounts = m_schema.model(AuthModelKind::Account);
    const QString owner =
        quoteIdentifier(m_database->dialect(), accounts.column(QStringLiteral("userId")));
    SqlStatement st(m_database->dialect());
    st << QStringLiteral("SELECT count(*) FROM (SELECT ") << owner << QStringLiteral(" FROM ")
       << accounts.tableIn(*m_database) << QStringLiteral(" GROUP BY ") << owner
       << QStringLiteral(" HAVING sum(CASE WHEN ") << st.id(accounts.column(QStringLiteral("type")))
       << QStringLiteral(" = ") << st.bind(QStringLiteral("credentials"))
       << QStringLiteral(" THEN 0 ELSE 1 END) = 0) AS credentials_only");
    auto result = run(st, cancel);
    if (!result)
        return result.error();
    const qint64 users = result->value(0, 0).toLongLong();
    if (users > 0)
        plan.warnings << warning(
            W::Kind::CredentialsUsers, W::Severity::Warning,
            QStringLiteral("%1 with the Credentials provider only: Auth.js gives them JWT "
                           "cookies, which no session row controls, so this does not sign them "
                           "out. Rotate AUTH_SECRET to end every JWT.")
                .arg(counted(users, "user signs in", "users sign in")));
    return success();
}

Status Revoker::addNoSessionRowsWarning(RevocationPlan &plan, const CancellationToken &cancel) const
{
    if (plan.rows > 0)
        return success();
    auto any = [&](AuthModelKind kind) -> Result<bool> {
        SqlStatement st(m_database->dialect());
        st << QStringLiteral("SELECT 1 FROM ") << m_schema.model(kind).tableIn(*m_database)
           << QStringLiteral(" LIMIT 1");
        auto result = run(st, cancel);
        if (!result)
            return result.error();
        return !result->isEmpty();
    };
    auto sessions = any(AuthModelKind::Session);
    if (!sessions)
        return sessions.error();
    if (*sessions)
        return success();
    auto users = any(AuthModelKind::User);
    if (!users)
        return users.error();
    if (*users)
        plan.warnings << warning(
            W::Kind::NoSessionRows, W::Severity::Warning,
            QStringLiteral("The Session table is empty although there are users: the app "
                           "probably uses the JWT session strategy (or only the Credentials "
                           "provider), where sessions are cookies that no row controls and "
                           "deleting rows signs nobody out."));
    return success();
}

Status Revoker::addReferenceWarnings(RevocationPlan &plan, const CancellationToken &cancel) const
{
    // Gatehouse deletes the Auth.js rows itself; other tables follow their own foreign keys.
    struct Reference
    {
        QString schema, table, column, rule;
    };
    QVector<Reference> references;
    const SqlDialect dialect = m_database->dialect();
    bool foreignKeysOn = true;
    if (dialect == SqlDialect::PostgreSQL) {
        SqlStatement st(dialect);
        st << QStringLiteral(
                  "SELECT n.nspname, cl.relname, a.attname, c.confdeltype::text"
                  " FROM pg_catalog.pg_constraint c"
                  " JOIN pg_catalog.pg_class cl ON cl.oid = c.conrelid"
                  " JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace"
                  " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid"
                  " AND a.attnum = c.conkey[1]"
                  " WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND c.confrelid = ")
           << st.bind(m_schema.user().tableIn(*m_database))
           << QStringLiteral("::regclass ORDER BY 1, 2, 3");
        auto rows = run(st, cancel);
        if (!rows)
            return rows.error();
        static const QHash<QString, QString> rules = {
            {QStringLiteral("c"), QStringLiteral("CASCADE")},
            {QStringLiteral("n"), QStringLiteral("SET NULL")},
            {QStringLiteral("d"), QStringLiteral("SET DEFAULT")},
            {QStringLiteral("r"), QStringLiteral("RESTRICT")},
            {QStringLiteral("a"), QStringLiteral("NO ACTION")}};
        for (const QVariantList &r : rows->rows())
            references << Reference{r.at(0).toString(), r.at(1).toString(), r.at(2).toString(),
                                    rules.value(r.at(3).toString(), QStringLiteral("NO ACTION"))};
    } else {
        auto pragma = run(SqlStatement(dialect, QStringLiteral("PRAGMA foreign_keys")), cancel);
        if (!pragma)
            return pragma.error();
        foreignKeysOn = pragma->value(0, 0).toInt() != 0;
        auto tables =
            run(SqlStatement(dialect, QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                                     "'table' AND name NOT LIKE 'sqlite_%'")),
                cancel);
        if (!tables)
            return tables.error();
        for (const QVariantList &t : tables->rows()) {
            SqlStatement st(dialect);
            st << QStringLiteral("SELECT \"from\", on_delete FROM pragma_foreign_key_list(")
               << st.bind(t.at(0)) << QStringLiteral(") WHERE \"table\" = ")
               << st.bind(m_schema.user().table) << QStringLiteral(" COLLATE NOCASE");
            auto keys = run(st, cancel);
            if (!keys)
                return keys.error();
            for (const QVariantList &k : keys->rows())
                references << Reference{QString(), t.at(0).toString(), k.at(0).toString(),
                                        k.at(1).toString().toUpper()};
        }
    }

    // The Auth.js tables, each in its own namespace (@@schema, else the URL's).
    QSet<QPair<QString, QString>> authTables;
    for (AuthModelKind kind :
         {AuthModelKind::Account, AuthModelKind::Session, AuthModelKind::Authenticator}) {
        const AuthModel &model = m_schema.model(kind);
        if (model.present)
            authTables.insert({model.schemaIn(*m_database), model.table});
    }
    for (const Reference &ref : references) {
        if (authTables.contains({ref.schema, ref.table}))
            continue;
        const bool ourSchema = ref.schema.isEmpty() || ref.schema == m_database->schema();
        SqlStatement st(dialect);
        st << QStringLiteral("SELECT count(*) FROM ")
           << qualifiedName(dialect, ref.schema, ref.table) << QStringLiteral(" WHERE ")
           << st.id(ref.column) << QStringLiteral(" = ") << st.bind(plan.userId);
        auto rows = run(st, cancel);
        if (!rows)
            return rows.error();
        const qint64 n = rows->value(0, 0).toLongLong();
        if (n == 0)
            continue;
        const QString table = ourSchema ? ref.table : ref.schema + QLatin1Char('.') + ref.table;
        const QString these = QStringLiteral("%1 of \"%2\"").arg(counted(n, "row", "rows"), table);
        if (!foreignKeysOn) {
            plan.warnings << warning(
                W::Kind::ForeignKeysOff, W::Severity::Warning,
                QStringLiteral("%1 reference this user, but SQLite's foreign_keys pragma is off: "
                               "they would be left pointing at a user that no longer exists.")
                    .arg(these));
        } else if (ref.rule == QLatin1String("CASCADE")) {
            plan.warnings << warning(W::Kind::ReferencedByTable, W::Severity::Warning,
                                     QStringLiteral("Deleting the user also deletes %1 (its "
                                                    "foreign key on \"%2\" cascades).")
                                         .arg(these, ref.column));
        } else if (ref.rule == QLatin1String("SET NULL") ||
                   ref.rule == QLatin1String("SET DEFAULT")) {
            plan.warnings << warning(W::Kind::ReferencedByTable, W::Severity::Info,
                                     QStringLiteral("%1 keep existing, with \"%2\" %3.")
                                         .arg(these, ref.column,
                                              ref.rule == QLatin1String("SET NULL")
                                                  ? QStringLiteral("set to NULL")
                                                  : QStringLiteral("set to its default")));
        } else {
            plan.warnings << warning(
                W::Kind::ReferencedByTable, W::Severity::Blocking,
                QStringLiteral("%1 reference this user and their foreign key (ON DELETE %2) "
                               "refuses the delete: remove or reassign them first.")
                    .arg(these, ref.rule));
        }
    }
    return success();
}

// --- Execute -------------------------------------------------------------------------------------

RevocationResult Revoker::execute(const RevocationPlan &plan, const RevocationOptions &options)
{
    RevocationResult result;
    QElapsedTimer clock;
    clock.start();
    auto refuse = [&](const Error &error) {
        result.outcome = RevocationResult::Outcome::Failed;
        result.error = error;
        return result; // nothing was attempted, so nothing to log
    };
    if (m_database->isReadOnly())
        return refuse(m_database->readOnlyError());
    for (const RevocationWarning &w : plan.warnings) {
        if (w.severity == RevocationWarning::Severity::Blocking)
            return refuse(Error(Error::Code::InvalidArgument, w.message));
    }
    // Every attempt leaves a line: refuse to start when the line could not be written.
    if (Status writable = m_auditLog.checkWritable(); !writable)
        return refuse(writable.error());

    Batches batches(*m_database, options);
    batches.total = plan.rows;
    Status status = success();
    auto now = databaseNow();
    if (!now) {
        status = now.error();
    } else {
        result.cutoff = *now;
        if (plan.request.action == RevocationAction::DeleteUser) {
            status = deleteUser(plan, batches);
        } else if (auto sql = sessionSql(plan, result.cutoff); !sql) {
            status = sql.error();
        } else if (plan.request.action == RevocationAction::Session) {
            batches.method = QStringLiteral("one statement");
            auto rows = batches.run(*sql, sql->deleteAll(true), true);
            status = rows ? success() : Status(rows.error());
        } else {
            // Live sessions (a user's, everyone's) may be refreshed, and so move, meanwhile.
            const bool sweep = plan.request.action == RevocationAction::UserSessions ||
                               plan.request.action == RevocationAction::AllSessions;
            status = deleteMatching(*sql, batches, plan.rows, sweep);
        }
    }
    if (batches.counts.isEmpty() && !plan.counts.isEmpty()) // one table: the plan's main one
        batches.counts = {
            RevocationCount{plan.counts.first().model, plan.counts.first().table, batches.done}};

    result.rows = batches.done;
    result.counts = batches.counts;
    result.batches = batches.count;
    result.longestBatchMs = batches.longestMs;
    result.method = batches.method;
    result.elapsedMs = clock.elapsed();
    if (status.ok()) {
        result.outcome = RevocationResult::Outcome::Completed;
    } else {
        result.error = status.error();
        result.outcome = status.error().code() == Error::Code::Cancelled
                             ? RevocationResult::Outcome::Cancelled
                             : RevocationResult::Outcome::Failed;
    }

    AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.osUser = AuditEntry::currentOsUser();
    entry.host = QSysInfo::machineHostName();
    entry.application = applicationText();
    entry.database = m_database->displayName();
    entry.action = revocationActionName(plan.request.action);
    entry.filter = auditFilter(plan, result.cutoff, m_schema);
    entry.outcome =
        result.outcome == RevocationResult::Outcome::Completed   ? AuditEntry::Outcome::Completed
        : result.outcome == RevocationResult::Outcome::Cancelled ? AuditEntry::Outcome::Cancelled
                                                                 : AuditEntry::Outcome::Failed;
    entry.rows = result.rows;
    for (const RevocationCount &c : result.counts)
        entry.counts.insert(authModelKindName(c.model), c.rows);
    entry.tokenHashes = batches.tokenHashes;
    entry.tokensNotListed = batches.tokensNotListed;
    entry.durationMs = result.elapsedMs;
    if (!status.ok())
        entry.error = status.error().message();
    result.audit = m_auditLog.append(entry);
    return result;
}

Status Revoker::deleteMatching(const RevocationSql &sql, Batches &batches, qint64 expectedRows,
                               bool sweep)
{
    RevocationOptions::Strategy strategy = batches.options.strategy;
    if (strategy == RevocationOptions::Strategy::Auto && expectedRows <= kOneStatementRows) {
        batches.method = QStringLiteral("one statement");
        const bool tokens = batches.wantTokens(sql);
        auto rows = batches.run(sql, sql.deleteAll(tokens), tokens);
        return rows ? success() : Status(rows.error());
    }
    if (strategy != RevocationOptions::Strategy::KeyOrder &&
        m_database->dialect() == SqlDialect::PostgreSQL) {
        auto version = m_database->query(
            SqlStatement(SqlDialect::PostgreSQL,
                         QStringLiteral("SELECT current_setting('server_version_num')::int")));
        if (!version)
            return version.error();
        strategy = version->value(0, 0).toInt() >= kTidRangeScanVersion
                       ? RevocationOptions::Strategy::PhysicalRanges
                       : RevocationOptions::Strategy::KeyOrder;
    }
    if (strategy == RevocationOptions::Strategy::KeyOrder)
        return deleteByKeys(sql, batches);
    if (m_database->dialect() == SqlDialect::SQLite)
        return deleteByRowids(sql, batches); // a rowid never changes: no sweep needed
    return deleteByPages(sql, batches, sweep);
}

Status Revoker::deleteByPages(const RevocationSql &sql, Batches &batches, bool sweep)
{
    batches.method = QStringLiteral("ctid ranges");
    const QString table = sql.model().tableIn(*m_database);
    auto stats = [&]() -> Result<QPair<qint64, double>> {
        SqlStatement st(SqlDialect::PostgreSQL);
        st << QStringLiteral(
                  "SELECT pg_relation_size(c.oid) / current_setting('block_size')::bigint,"
                  " c.reltuples::float8, c.relpages::bigint"
                  " FROM pg_catalog.pg_class c WHERE c.oid = ")
           << st.bind(table) << QStringLiteral("::regclass");
        auto result = m_database->query(st);
        if (!result)
            return result.error();
        const double tuples = result->value(0, 1).toDouble();
        const qint64 analysedPages = result->value(0, 2).toLongLong();
        const double rowsPerPage =
            tuples > 0 && analysedPages > 0 ? tuples / double(analysedPages) : kUnknownRowsPerPage;
        return qMakePair(result->value(0, 0).toLongLong(), std::max(1.0, rowsPerPage));
    };
    auto start = stats();
    if (!start)
        return start.error();
    const double rowsPerPage = start->second;
    const qint64 maxPages = std::max<qint64>(1, qint64(double(batches.maxRows()) / rowsPerPage));
    RevocationBatchSizer sizer(qint64(double(batches.firstRows()) / rowsPerPage), maxPages,
                               batches.options.targetBatchMs);

    // One pass over pages [0, end); its last batch is open-ended, so rows appended meanwhile
    // (new, or moved by an update) are seen too.
    auto pass = [&](qint64 end) -> Result<qint64> {
        qint64 removed = 0;
        for (qint64 from = 0;;) {
            if (batches.isCancelled())
                return cancelled();
            const qint64 size = sizer.next();
            const bool last = from + size >= end;
            const bool tokens = batches.wantTokens(sql);
            double ms = 0;
            auto rows = batches.run(sql, sql.deleteRange(from, last ? -1 : from + size, tokens),
                                    tokens, &ms);
            if (!rows)
                return rows.error();
            removed += *rows;
            sizer.record(size, ms);
            if (last)
                return removed;
            from += size;
        }
    };
    auto removed = pass(start->first);
    if (!removed)
        return removed.error();
    // An update writes a new row version wherever there is room, possibly in pages already
    // done: sweep until a pass finds nothing left (a rare second sweep, bounded anyway).
    for (int i = 0; sweep && i < kMaxSweeps; ++i) {
        auto now = stats();
        if (!now)
            return now.error();
        auto again = pass(now->first);
        if (!again)
            return again.error();
        if (*again == 0)
            break;
    }
    return success();
}

Status Revoker::deleteByRowids(const RevocationSql &sql, Batches &batches)
{
    batches.method = QStringLiteral("rowid ranges");
    SqlStatement st(SqlDialect::SQLite);
    st << QStringLiteral("SELECT min(rowid), max(rowid) FROM ") << sql.model().tableIn(*m_database);
    auto bounds = m_database->query(st);
    if (!bounds)
        return bounds.error();
    if (bounds->value(0, 0).isNull())
        return success(); // empty table
    const qint64 first = bounds->value(0, 0).toLongLong();
    const qint64 end = bounds->value(0, 1).toLongLong() + 1;
    // Rows take one rowid each, so a span of n rowids holds at most n rows.
    RevocationBatchSizer sizer(batches.firstRows(), batches.maxRows(),
                               batches.options.targetBatchMs);
    for (qint64 from = first;;) {
        if (batches.isCancelled())
            return cancelled();
        const qint64 size = sizer.next();
        const bool last = from + size >= end;
        const bool tokens = batches.wantTokens(sql);
        double ms = 0;
        auto rows =
            batches.run(sql, sql.deleteRange(from, last ? -1 : from + size, tokens), tokens, &ms);
        if (!rows)
            return rows.error();
        sizer.record(size, ms);
        if (last)
            return success();
        from += size;
    }
}

Status Revoker::deleteByKeys(const RevocationSql &sql, Batches &batches)
{
    batches.method = QStringLiteral("key order");
    RevocationBatchSizer sizer(batches.firstRows(), batches.maxRows(),
                               batches.options.targetBatchMs);
    QVariantList after;
    for (;;) {
        if (batches.isCancelled())
            return cancelled();
        const qint64 size = sizer.next();
        // The key of the size-th matching row bounds this batch (a read: no lock); the DELETE
        // then takes the key range, re-checking the filter on each row it removes.
        auto boundary = m_database->query(sql.keyBoundary(after, int(size)));
        if (!boundary)
            return boundary.error();
        const QVariantList through =
            boundary->isEmpty() ? QVariantList() : boundary->rows().first();
        const bool tokens = batches.wantTokens(sql);
        double ms = 0;
        auto rows = batches.run(sql, sql.deleteKeyRange(after, through, tokens), tokens, &ms);
        if (!rows)
            return rows.error();
        sizer.record(size, ms);
        if (through.isEmpty())
            return success();
        after = through;
    }
}

Status Revoker::deleteUser(const RevocationPlan &plan, Batches &batches)
{
    batches.method = QStringLiteral("one transaction");
    QVector<RevocationCount> counts;
    QStringList hashes;
    qint64 notListed = 0;
    QElapsedTimer timer;
    timer.start();
    // The user's rows go explicitly, children first, in one transaction: correct whether or not
    // the foreign keys cascade (and whatever SQLite's foreign_keys pragma says), and the session
    // tokens can be hashed for the audit line.
    const Status status = m_database->transaction([&]() -> Status {
        for (AuthModelKind kind : {AuthModelKind::Session, AuthModelKind::Account,
                                   AuthModelKind::Authenticator, AuthModelKind::User}) {
            const AuthModel &model = m_schema.model(kind);
            if (!model.present)
                continue;
            RevocationSql::Filter filter;
            filter.userId = plan.userId;
            auto sql = RevocationSql::make(model, m_database->dialect(), model.tableIn(*m_database),
                                           filter);
            if (!sql)
                return sql.error();
            qint64 rows = 0;
            if (kind == AuthModelKind::Session) {
                auto deleted = m_database->query(sql->deleteAll(true));
                if (!deleted)
                    return deleted.error();
                rows = deleted->rowCount();
                for (const QVariantList &row : deleted->rows()) {
                    if (hashes.size() < batches.options.maxAuditedTokens)
                        hashes << AuditEntry::hashToken(row.value(0).toString());
                    else
                        ++notListed;
                }
            } else {
                auto deleted = m_database->execute(sql->deleteAll(false));
                if (!deleted)
                    return deleted.error();
                rows = *deleted;
            }
            if (kind == AuthModelKind::User && rows == 0)
                return Error(Error::Code::NotFound,
                             QStringLiteral("The user %1 no longer exists").arg(plan.userId));
            counts << RevocationCount{kind, model.displayTable(), rows};
        }
        return success();
    });
    if (!status)
        return status;
    // Main table first, as in the plan.
    std::stable_sort(counts.begin(), counts.end(),
                     [](const RevocationCount &a, const RevocationCount &b) {
                         return a.model == AuthModelKind::User && b.model != AuthModelKind::User;
                     });
    batches.counts = counts;
    batches.tokenHashes = hashes;
    batches.tokensNotListed = notListed;
    batches.count = 1;
    batches.done = 1;
    batches.total = 1;
    batches.longestMs = timer.elapsed();
    if (batches.options.progress)
        batches.options.progress(RevocationProgress{1, 1, 1, batches.longestMs});
    return success();
}

} // namespace gh
