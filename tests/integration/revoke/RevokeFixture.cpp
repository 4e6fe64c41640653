#include "tests/integration/revoke/RevokeFixture.h"

#include "core/db/Database.h"
#include "core/url/DatabaseUrl.h"
#include "tests/integration/auth/AuthTestData.h"

namespace gh::test {

namespace {

constexpr int kRowsPerInsert = 100;

QString id(const char *prefix, int n, int width)
{
    return QLatin1String(prefix) + QString::number(n).rightJustified(width, QLatin1Char('0'));
}

QString email(int user)
{
    return QStringLiteral("user%1@example.com").arg(user);
}

/// Multi-row INSERTs of `rows` into a model, naming fields by their Auth.js names; fields the
/// layout does not have are left out.
Status insertRows(Database &db, const AuthModel &model, const QStringList &fieldNames,
                  const QVector<QVariantList> &rows)
{
    QStringList columns;
    QVector<int> kept;
    for (int f = 0; f < fieldNames.size(); ++f) {
        if (const AuthField *field = model.field(fieldNames.at(f))) {
            columns << quoteIdentifier(db.dialect(), field->column);
            kept << f;
        }
    }
    for (int start = 0; start < rows.size(); start += kRowsPerInsert) {
        SqlStatement st = db.statement();
        st << QStringLiteral("INSERT INTO ") << db.table(model.table) << QStringLiteral(" (")
           << columns.join(QStringLiteral(", ")) << QStringLiteral(") VALUES ");
        for (int r = start; r < qMin(int(rows.size()), start + kRowsPerInsert); ++r) {
            QStringList values;
            for (int f : kept)
                values << st.bind(rows.at(r).at(f));
            st << (r > start ? QStringLiteral(", (") : QStringLiteral("("))
               << values.join(QStringLiteral(", ")) << QStringLiteral(")");
        }
        auto done = db.execute(st);
        if (!done)
            return done.error();
    }
    return success();
}

/// SQLite commits wait for the disk (several fsyncs each); tests do not need that durability,
/// and the many small batches they run would take minutes with it.
void skipFsync(Database &db)
{
    if (db.dialect() == SqlDialect::SQLite)
        (void)db.query(
            SqlStatement(SqlDialect::SQLite, QStringLiteral("PRAGMA synchronous = OFF")));
}

QDateTime fromDatabase(const QVariant &value)
{
    return AuthQueries::fromDatabase(value, FieldType::DateTime).toDateTime().toUTC();
}

} // namespace

QString backendName(RevokeBackend backend)
{
    switch (backend) {
    case RevokeBackend::PostgresDefault:
        return QStringLiteral("postgres");
    case RevokeBackend::PostgresSnake:
        return QStringLiteral("postgres-snake");
    case RevokeBackend::SqliteMillis:
        return QStringLiteral("sqlite-millis");
    case RevokeBackend::SqliteText:
        return QStringLiteral("sqlite-text");
    case RevokeBackend::SqliteMixed:
        return QStringLiteral("sqlite-mixed");
    }
    return QString();
}

bool isPostgres(RevokeBackend backend)
{
    return backend == RevokeBackend::PostgresDefault || backend == RevokeBackend::PostgresSnake;
}

std::unique_ptr<RevokeFixture> RevokeFixture::create(RevokeBackend backend, const RevokeSeed &seed,
                                                     QString *error, bool *skip)
{
    *skip = false;
    std::unique_ptr<RevokeFixture> f(new RevokeFixture);
    f->m_backend = backend;
    if (isPostgres(backend)) {
        if (ScratchPostgres::serverUrl().isEmpty()) {
            *skip = true;
            *error = QStringLiteral("no PostgreSQL: run tests/run-tests.sh");
            return nullptr;
        }
        f->m_postgres = std::make_unique<ScratchPostgres>();
        if (!f->m_postgres->isValid() ||
            !f->m_postgres->runSqlFile(backend == RevokeBackend::PostgresDefault
                                           ? QStringLiteral("authjs-postgres.sql")
                                           : QStringLiteral("authjs-postgres-snake.sql"))) {
            *error = f->m_postgres->errorText();
            return nullptr;
        }
        // The server trusts everyone: the password is accepted and ignored, and must never
        // reach the audit log.
        f->m_url = f->m_postgres->url().replace(
            QStringLiteral("://postgres@"), QStringLiteral("://postgres:%1@").arg(urlPassword()));
    } else {
        const QString file = f->m_dir.filePath(QStringLiteral("dev.db"));
        auto url = DatabaseUrl::parse(QStringLiteral("file:") + file);
        auto db = url ? Database::open(*url, Database::OpenMode::CreateIfMissing)
                      : Result<std::unique_ptr<Database>>(url.error());
        if (!db) {
            *error = db.error().fullText();
            return nullptr;
        }
        const Status created =
            (*db)->executeScript(testDataFile(QStringLiteral("sql/authjs-sqlite.sql")));
        if (!created) {
            *error = created.error().fullText();
            return nullptr;
        }
        f->m_url = QStringLiteral("file:") + file;
    }
    auto workspace = AuthWorkspace::open(urlOnlyOptions(f->m_url));
    if (!workspace) {
        *error = workspace.error().fullText();
        return nullptr;
    }
    f->m_workspace = std::make_unique<AuthWorkspace>(std::move(workspace.value()));
    auto connection = f->m_workspace->connect();
    if (!connection) {
        *error = connection.error().fullText();
        return nullptr;
    }
    f->m_connection = std::move(connection.value());
    skipFsync(f->database());
    if (Status seeded = f->seed(seed); !seeded) {
        *error = seeded.error().fullText();
        return nullptr;
    }
    return f;
}

Result<AuthConnection> RevokeFixture::connect() const
{
    auto connection = m_workspace->connect();
    if (connection)
        skipFsync(*connection->database);
    return connection;
}

RevokeFixture::~RevokeFixture()
{
    m_connection = AuthConnection(); // close before the scratch database is dropped
}

QVariant RevokeFixture::dateValue(const QDateTime &time, int index) const
{
    const bool text = m_backend == RevokeBackend::SqliteText ||
                      (m_backend == RevokeBackend::SqliteMixed && index % 2 == 1);
    if (isPostgres(m_backend))
        return time.toUTC();
    if (text) // as Prisma 7's driver adapters write it
        return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz+00:00"));
    return time.toMSecsSinceEpoch();
}

Status RevokeFixture::seed(const RevokeSeed &seed)
{
    Database &db = database();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime created = now.addDays(-40);
    return db.transaction([&]() -> Status {
        QVector<QVariantList> users;
        for (int i = 1; i <= seed.users; ++i)
            users << QVariantList{id("u", i, 3), QStringLiteral("User %1").arg(i), email(i),
                                  dateValue(created, i), dateValue(created, i)};
        if (Status s =
                insertRows(db, schema().user(),
                           {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("email"),
                            QStringLiteral("createdAt"), QStringLiteral("updatedAt")},
                           users);
            !s)
            return s;

        QVector<QVariantList> accounts;
        for (int i = 1; i <= seed.users; ++i) {
            const bool credentials = i <= 4;
            accounts << QVariantList{
                id("a", i, 3),
                id("u", i, 3),
                credentials ? QStringLiteral("credentials") : QStringLiteral("oauth"),
                credentials ? QStringLiteral("credentials") : QStringLiteral("github"),
                QStringLiteral("acct%1").arg(i),
                dateValue(created, i),
                dateValue(created, i)};
        }
        accounts << QVariantList{QStringLiteral("a005b"),
                                 id("u", 5, 3),
                                 QStringLiteral("credentials"),
                                 QStringLiteral("credentials"),
                                 QStringLiteral("acct5b"),
                                 dateValue(created),
                                 dateValue(created)};
        if (Status s =
                insertRows(db, schema().model(AuthModelKind::Account),
                           {QStringLiteral("id"), QStringLiteral("userId"), QStringLiteral("type"),
                            QStringLiteral("provider"), QStringLiteral("providerAccountId"),
                            QStringLiteral("createdAt"), QStringLiteral("updatedAt")},
                           accounts);
            !s)
            return s;

        QVector<QVariantList> sessions;
        for (int j = 1; j <= seed.sessions; ++j) {
            const QDateTime expires = now.addSecs((j % 2 == 0 ? -60 : 60) * qint64(j));
            sessions << QVariantList{
                id("s", j, 5),         id("tok-", j, 5),      id("u", j % seed.users + 1, 3),
                dateValue(expires, j), dateValue(created, j), dateValue(created, j)};
        }
        if (Status s = insertRows(db, schema().model(AuthModelKind::Session),
                                  {QStringLiteral("id"), QStringLiteral("sessionToken"),
                                   QStringLiteral("userId"), QStringLiteral("expires"),
                                   QStringLiteral("createdAt"), QStringLiteral("updatedAt")},
                                  sessions);
            !s)
            return s;

        QVector<QVariantList> tokens;
        for (int i = 1; i <= seed.verificationTokens; ++i)
            tokens << QVariantList{
                email(i), id("vt-", i, 3),
                dateValue(now.addSecs((i % 2 == 0 ? -3600 : 3600) * qint64(i)), i)};
        if (Status s = insertRows(
                db, schema().model(AuthModelKind::VerificationToken),
                {QStringLiteral("identifier"), QStringLiteral("token"), QStringLiteral("expires")},
                tokens);
            !s)
            return s;

        const AuthModel &authenticator = schema().model(AuthModelKind::Authenticator);
        if (!authenticator.present)
            return success();
        QVector<QVariantList> keys;
        for (int i = 1; i <= qMin(10, seed.users); ++i)
            keys << QVariantList{QStringLiteral("cred%1").arg(i),
                                 id("u", i, 3),
                                 QStringLiteral("acct%1").arg(i),
                                 QStringLiteral("pk%1").arg(i),
                                 0,
                                 QStringLiteral("singleDevice"),
                                 false};
        return insertRows(db, authenticator,
                          {QStringLiteral("credentialID"), QStringLiteral("userId"),
                           QStringLiteral("providerAccountId"),
                           QStringLiteral("credentialPublicKey"), QStringLiteral("counter"),
                           QStringLiteral("credentialDeviceType"),
                           QStringLiteral("credentialBackedUp")},
                          keys);
    });
}

QVector<SessionRow> RevokeFixture::sessions()
{
    const AuthModel &model = schema().model(AuthModelKind::Session);
    const bool hasCreatedAt = model.field(QStringLiteral("createdAt")) != nullptr;
    SqlStatement st = database().statement();
    st << QStringLiteral("SELECT ") << st.id(model.column(QStringLiteral("sessionToken")))
       << QStringLiteral(", ") << st.id(model.column(QStringLiteral("userId")))
       << QStringLiteral(", ") << st.id(model.column(QStringLiteral("expires")))
       << (hasCreatedAt ? QStringLiteral(", ") + st.id(model.column(QStringLiteral("createdAt")))
                        : QStringLiteral(", NULL"))
       << QStringLiteral(" FROM ") << database().table(model.table);
    QVector<SessionRow> rows;
    auto result = database().query(st);
    if (!result) {
        qWarning("sessions(): %s", qPrintable(result.error().fullText()));
        return rows;
    }
    for (const QVariantList &r : result->rows())
        rows << SessionRow{r.at(0).toString(), r.at(1).toString(), fromDatabase(r.at(2)),
                           r.at(3).isNull() ? QDateTime() : fromDatabase(r.at(3))};
    return rows;
}

QSet<QString> RevokeFixture::sessionTokens()
{
    QSet<QString> tokens;
    for (const SessionRow &row : sessions())
        tokens.insert(row.token);
    return tokens;
}

qint64 RevokeFixture::count(AuthModelKind kind)
{
    SqlStatement st = database().statement();
    st << QStringLiteral("SELECT count(*) FROM ") << database().table(schema().model(kind).table);
    auto result = database().query(st);
    return result ? result->value(0, 0).toLongLong() : -1;
}

qint64 RevokeFixture::countWhere(AuthModelKind kind, const QString &field, const QVariant &value)
{
    const AuthModel &model = schema().model(kind);
    SqlStatement st = database().statement();
    st << QStringLiteral("SELECT count(*) FROM ") << database().table(model.table)
       << QStringLiteral(" WHERE ") << st.id(model.column(field)) << QStringLiteral(" = ")
       << st.bind(value);
    auto result = database().query(st);
    return result ? result->value(0, 0).toLongLong() : -1;
}

bool RevokeFixture::exec(const QString &sql, QString *error)
{
    const Status done = database().executeScript(sql);
    if (!done && error)
        *error = done.error().fullText();
    return done.ok();
}

Status RevokeFixture::insertSession(Database &db, const QString &token, const QString &userId,
                                    const QDateTime &expires, const QDateTime &createdAt) const
{
    return insertRows(
        db, schema().model(AuthModelKind::Session),
        {QStringLiteral("id"), QStringLiteral("sessionToken"), QStringLiteral("userId"),
         QStringLiteral("expires"), QStringLiteral("createdAt"), QStringLiteral("updatedAt")},
        {QVariantList{QStringLiteral("id-") + token, token, userId, dateValue(expires),
                      dateValue(createdAt), dateValue(createdAt)}});
}

QVector<AuditEntry> auditEntries(const QString &path)
{
    auto contents = AuditLog(path).read();
    return contents ? contents->entries : QVector<AuditEntry>();
}

} // namespace gh::test
