#pragma once

#include <QString>

namespace gh::test {

/// A database of its own on the throwaway server that tests/run-tests.sh starts
/// (GATEHOUSE_TEST_PG_URL), created for one test and dropped afterwards, so tests can run in
/// parallel without seeing each other's rows.
class ScratchPostgres
{
public:
    /// The server's URL, or empty when the suite runs without a server (tests then QSKIP).
    static QString serverUrl();
    /// The PgBouncer URL (transaction mode), or empty.
    static QString bouncerUrl();

    ScratchPostgres();
    ~ScratchPostgres();
    ScratchPostgres(const ScratchPostgres &) = delete;
    ScratchPostgres &operator=(const ScratchPostgres &) = delete;

    bool isValid() const { return !m_name.isEmpty(); }
    QString errorText() const { return m_error; }
    QString name() const { return m_name; }
    /// The URL of this database, with `query` ("schema=x&pgbouncer=true") appended.
    QString url(const QString &query = QString()) const;
    /// The same database through PgBouncer.
    QString bouncedUrl(const QString &query = QString()) const;

    /// Runs SQL as one script on this database (test setup only). False and errorText() on failure.
    bool run(const QString &sql);
    /// Runs one of the SQL files in tests/data/sql, optionally into another schema.
    bool runSqlFile(const QString &fileName, const QString &schema = QString());

private:
    QString m_name;
    QString m_error;
};

} // namespace gh::test
