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
{
}

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
                     QStringLiteral("The SQLite database %1 does not exist").arg(QDir::toNativeSeparators(path)));
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
                         QStringLiteral("Could not open the SQLite database %1").arg(QDir::toNativeSeparators(path)),
                         detail);
        }
        QSqlQuery pragma(db);
        // Prisma declares foreign keys with ON DELETE CASCADE; SQLite enforces them only when asked.
        pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        // A file that is not a database fails here, not on the first real query.
        if (!pragma.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
            const QString detail = pragma.lastError().text();
            pragma = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return Error(Error::Code::ConnectionFailed,
                         QStringLiteral("%1 is not an SQLite database").arg(QDir::toNativeSeparators(path)),
                         detail);
        }
    }
    const QString display = QStringLiteral("file:") + QDir::toNativeSeparators(info.absoluteFilePath());
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
    // QSqlQuery runs one statement at a time: split on statement ends outside quotes and
    // comments, and run the whole script in one transaction so it applies entirely or not at all.
    QStringList statements;
    QString current;
    QChar quote;
    bool lineComment = false;
    for (int i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (lineComment) {
            if (c == QLatin1Char('\n'))
                lineComment = false;
            continue;
        }
        if (!quote.isNull()) {
            current += c;
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('-') && i + 1 < sql.size() && sql.at(i + 1) == QLatin1Char('-')) {
            lineComment = true;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
            quote = c;
        if (c == QLatin1Char(';')) {
            if (!current.trimmed().isEmpty())
                statements << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();

    return transaction([&]() -> Status {
        for (const QString &text : statements) {
            auto done = execute(SqlStatement(dialect(), text));
            if (!done)
                return done.error();
        }
        return success();
    });
}

void SqliteDatabase::applyReadOnly(bool readOnly)
{
    // The connection itself refuses writes, whatever statement carries them.
    QSqlQuery pragma(connectionFor(m_connectionName));
    pragma.exec(readOnly ? QStringLiteral("PRAGMA query_only = ON")
                         : QStringLiteral("PRAGMA query_only = OFF"));
}

Result<QHash<QString, QStringList>> SqliteDatabase::tableColumns()
{
    auto tables = query(SqlStatement(dialect(),
                                     QStringLiteral("SELECT name FROM sqlite_master WHERE type IN "
                                                    "('table', 'view') AND name NOT LIKE 'sqlite_%'")));
    if (!tables)
        return tables.error();
    QHash<QString, QStringList> result;
    for (const auto &row : tables->rows()) {
        const QString table = row.at(0).toString();
        SqlStatement st(dialect());
        st << QStringLiteral("SELECT name FROM pragma_table_info(") << st.bind(table) << QStringLiteral(")");
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
