#include "core/db/SqliteDatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <sqlite3.h>

namespace gh {

namespace {

QSqlDatabase connectionFor(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

Error sqlError(const QSqlError &error, const QString &what)
{
    return Error(Error::Code::QueryFailed, what, error.text().trimmed());
}

/// The sqlite3 connection under Qt's driver, for what QSqlQuery cannot do (scripts).
sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

/// The statement opens a transaction of its own (BEGIN, SAVEPOINT outside one): its first
/// keyword, past whitespace and comments.
bool startsTransaction(const char *sql)
{
    const QByteArray text(sql);
    int i = 0;
    while (i < text.size()) {
        if (QChar::isSpace(uchar(text.at(i)))) {
            ++i;
        } else if (text.mid(i, 2) == "--") {
            const int newline = text.indexOf('\n', i);
            i = newline < 0 ? int(text.size()) : newline + 1;
        } else if (text.mid(i, 2) == "/*") {
            const int close = text.indexOf("*/", i + 2);
            i = close < 0 ? int(text.size()) : close + 2;
        } else {
            break;
        }
    }
    int wordEnd = i;
    while (wordEnd < text.size() && QChar::isLetter(uchar(text.at(wordEnd))))
        ++wordEnd;
    const QByteArray keyword = text.mid(i, wordEnd - i).toUpper();
    return keyword == "BEGIN" || keyword == "SAVEPOINT";
}

Result<QSqlQuery> run(const QString &connectionName, const SqlStatement &statement)
{
    QSqlQuery query(connectionFor(connectionName));
    query.setForwardOnly(true);
    if (!query.prepare(statement.sql()))
        return sqlError(query.lastError(), QStringLiteral("The query could not be prepared"));
    for (const QVariant &value : statement.values())
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(query.lastError(), QStringLiteral("The query failed"));
    return query;
}

} // namespace

SqliteDatabase::SqliteDatabase(QString connectionName, QString displayName)
    : m_connectionName(std::move(connectionName))
    , m_displayName(std::move(displayName))
{}

SqliteDatabase::~SqliteDatabase()
{
    {
        QSqlDatabase db = connectionFor(m_connectionName);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> SqliteDatabase::openFile(const QString &path, OpenMode mode)
{
    const QFileInfo info(path);
    if (mode == OpenMode::ExistingOnly && !info.exists())
        return Error(Error::Code::FileNotFound,
                     QStringLiteral("The SQLite database %1 does not exist")
                         .arg(QDir::toNativeSeparators(path)));
    if (info.exists() && !info.isFile())
        return Error(Error::Code::FileUnreadable,
                     QStringLiteral("%1 is not a file").arg(QDir::toNativeSeparators(path)));

    static QAtomicInteger<quint64> counter;
    const QString name = QStringLiteral("gatehouse-sqlite-%1").arg(counter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        // Wait for a writer (Prisma, the app under test) instead of failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QString detail = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error(Error::Code::ConnectionFailed,
                         QStringLiteral("Could not open the SQLite database %1")
                             .arg(QDir::toNativeSeparators(path)),
                         detail);
        }
        QSqlQuery pragma(db);
        // Prisma declares foreign keys with ON DELETE CASCADE; SQLite enforces them only when
        // asked.
        pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        // A file that is not a database fails here, not on the first real query.
        if (!pragma.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
            const QString detail = pragma.lastError().text();
            pragma = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error(
                Error::Code::ConnectionFailed,
                QStringLiteral("%1 is not an SQLite database").arg(QDir::toNativeSeparators(path)),
                detail);
        }
    }
    const QString display =
        QStringLiteral("file:") + QDir::toNativeSeparators(info.absoluteFilePath());
    return std::unique_ptr<Database>(new SqliteDatabase(name, display));
}

Result<QueryResult> SqliteDatabase::query(const SqlStatement &statement)
{
    auto executed = run(m_connectionName, statement);
    if (!executed) {
        // PRAGMA query_only turns a write into "attempt to write a readonly database".
        if (isReadOnly() && executed.error().detail().contains(QLatin1String("readonly")))
            return readOnlyError();
        return executed.error();
    }
    QSqlQuery &q = executed.value();
    const QSqlRecord record = q.record();
    QStringList columns;
    for (int c = 0; c < record.count(); ++c)
        columns << record.fieldName(c);
    QVector<QVariantList> rows;
    while (q.next()) {
        QVariantList values;
        values.reserve(columns.size());
        for (int c = 0; c < columns.size(); ++c)
            values << q.value(c);
        rows << values;
    }
    return QueryResult(columns, rows);
}

Result<qint64> SqliteDatabase::execute(const SqlStatement &statement)
{
    if (isReadOnly())
        return readOnlyError();
    auto executed = run(m_connectionName, statement);
    if (!executed)
        return executed.error();
    return qint64(executed->numRowsAffected());
}

Status SqliteDatabase::transaction(const std::function<Status()> &work)
{
    if (isReadOnly())
        return readOnlyError();
    if (m_inTransaction)
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("Nested transactions are not supported"));
    QSqlDatabase db = connectionFor(m_connectionName);
    if (!db.transaction())
        return sqlError(db.lastError(), QStringLiteral("Could not begin a transaction"));
    m_inTransaction = true;
    Status status = work();
    m_inTransaction = false;
    if (!status.ok()) {
        db.rollback();
        return status;
    }
    if (!db.commit()) {
        const Error error = sqlError(db.lastError(), QStringLiteral("Could not commit"));
        db.rollback();
        return error;
    }
    return status;
}

Status SqliteDatabase::executeScript(const QString &sql)
{
    if (isReadOnly())
        return readOnlyError();
    sqlite3 *db = nativeHandle(connectionFor(m_connectionName));
    if (!db)
        return Error(Error::Code::QueryFailed,
                     QStringLiteral("The SQLite driver gave no native connection handle"));
    const auto run = [db](const char *statement) {
        return sqlite3_exec(db, statement, nullptr, nullptr, nullptr) == SQLITE_OK;
    };
    const auto failed = [&](const QString &what) {
        const Error error(Error::Code::QueryFailed, what, QString::fromUtf8(sqlite3_errmsg(db)));
        // Leave no transaction of the script open (an outer transaction() rolls back itself).
        if (!m_inTransaction && !sqlite3_get_autocommit(db))
            run("ROLLBACK");
        return error;
    };

    // SQLite's own parser finds the statements (quotes, comments, triggers' BEGIN ... END), one
    // at a time as sqlite3_exec does, each compiled after the previous one ran. The script runs
    // in one transaction so that it applies entirely or not at all, unless one is open already
    // (transaction()) or the script opens its own with BEGIN: what ran before is then committed
    // and the script's COMMIT decides the rest.
    bool implicitTransaction = false;
    if (sqlite3_get_autocommit(db)) {
        if (!run("BEGIN"))
            return failed(QStringLiteral("Could not begin a transaction"));
        implicitTransaction = true;
    }
    const QByteArray text = sql.toUtf8();
    const char *tail = text.constData();
    const char *const end = tail + text.size();
    while (tail < end) {
        sqlite3_stmt *statement = nullptr;
        const char *next = nullptr;
        if (sqlite3_prepare_v2(db, tail, int(end - tail), &statement, &next) != SQLITE_OK)
            return failed(QStringLiteral("The query could not be prepared"));
        tail = next;
        if (!statement)
            continue; // only whitespace or comments were left
        if (implicitTransaction && startsTransaction(sqlite3_sql(statement))) {
            implicitTransaction = false;
            if (!run("COMMIT")) {
                sqlite3_finalize(statement);
                return failed(QStringLiteral("Could not commit"));
            }
        }
        int step = SQLITE_ROW;
        while (step == SQLITE_ROW)
            step = sqlite3_step(statement);
        sqlite3_finalize(statement);
        if (step != SQLITE_DONE)
            return failed(QStringLiteral("The query failed"));
    }
    if (implicitTransaction && !run("COMMIT"))
        return failed(QStringLiteral("Could not commit"));
    return success();
}

void SqliteDatabase::applyReadOnly(bool readOnly)
{
    // The connection itself refuses writes, whatever statement carries them.
    QSqlQuery pragma(connectionFor(m_connectionName));
    pragma.exec(readOnly ? QStringLiteral("PRAGMA query_only = ON")
                         : QStringLiteral("PRAGMA query_only = OFF"));
}

Result<QHash<QString, QStringList>> SqliteDatabase::tableColumnsIn(const QString &)
{
    auto tables = query(
        SqlStatement(dialect(), QStringLiteral("SELECT name FROM sqlite_master WHERE type IN "
                                               "('table', 'view') AND name NOT LIKE 'sqlite_%'")));
    if (!tables)
        return tables.error();
    QHash<QString, QStringList> result;
    for (const auto &row : tables->rows()) {
        const QString table = row.at(0).toString();
        SqlStatement st(dialect());
        st << QStringLiteral("SELECT name FROM pragma_table_info(") << st.bind(table)
           << QStringLiteral(")");
        auto columns = query(st);
        if (!columns)
            return columns.error();
        QStringList names;
        for (const auto &c : columns->rows())
            names << c.at(0).toString();
        result.insert(table, names);
    }
    return result;
}

Result<QString> SqliteDatabase::serverVersion()
{
    auto result = query(SqlStatement(dialect(), QStringLiteral("SELECT sqlite_version()")));
    if (!result)
        return result.error();
    return QStringLiteral("SQLite ") + result->value(0, 0).toString();
}

} // namespace gh
