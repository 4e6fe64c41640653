// Introspection of live databases into the SQL schema model, and diffs from them:
// - PostgreSQL (a scratch database on the server tests/run-tests.sh starts; QSKIP without
//   GATEHOUSE_TEST_PG_URL): the live-database goldens of tests/data/sql/golden/live-cases.tsv
//   (Prisma 7's `migrate diff --from-config-datasource`), every migration of the goldens applied
//   and read back as up to date, `?schema=` honoured;
// - SQLite (temporary files): the SQLite chain applied step by step and read back as up to date,
//   keys, indexes and defaults as Prisma's describer reads them.

#include "core/db/Database.h"
#include "core/sql/MigrationScript.h"
#include "core/sql/SchemaDiffer.h"
#include "core/sql/SchemaIntrospector.h"
#include "core/url/DatabaseUrl.h"
#include "tests/support/TestPostgres.h"
#include "tests/unit/sql/SqlTestData.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::sqltest;
using gh::test::ScratchPostgres;

namespace {

std::unique_ptr<Database> open(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        qFatal("bad url %s", qPrintable(url));
    auto database = Database::open(*parsed, Database::OpenMode::CreateIfMissing);
    if (!database)
        qFatal("cannot open %s: %s", qPrintable(url), qPrintable(database.error().fullText()));
    return std::move(database.value());
}

sql::SqlSchema introspect(Database &database)
{
    auto schema = sql::SchemaIntrospector::introspect(database);
    if (!schema)
        qFatal("introspection failed: %s", qPrintable(schema.error().fullText()));
    return std::move(schema.value());
}

/// The migration from the live database to a schema file (or to nothing).
QString diffToSchema(Database &database, const QString &to)
{
    const sql::SqlFlavour *flavour = sql::SqlFlavour::forDialect(database.dialect());
    sql::SqlSchema next;
    if (to != QLatin1String("empty"))
        next =
            sqlSchema(to, &flavour,
                      database.schema().isEmpty() ? QStringLiteral("public") : database.schema());
    return engineOutput(sql::MigrationScript::render(
        sql::SchemaDiffer::diff(introspect(database), std::move(next), *flavour)));
}

QStringList chain(const QString &folder)
{
    QStringList files = QDir(goldenDir() + folder).entryList({QStringLiteral("*.prisma")});
    files.sort();
    for (QString &file : files)
        file = folder + QLatin1Char('/') + file;
    return files;
}

// The migration that creates a schema: `NN-x.sql` beside a chain's `NN-x.prisma` (from the
// previous version), else `empty-to-x.sql` (from nothing).
QString sqlOf(const QString &schemaFile)
{
    QString path = QString(schemaFile).replace(QLatin1String(".prisma"), QLatin1String(".sql"));
    if (!QFile::exists(goldenDir() + path)) {
        const QFileInfo info(path);
        path = info.path() + QLatin1String("/empty-to-") + info.fileName();
    }
    return QString::fromUtf8(readFile(goldenDir() + path));
}

const QString kEmpty = QStringLiteral("-- This is an empty migration.\n");

} // namespace

class tst_SqlIntrospection : public QObject
{
    Q_OBJECT

private slots:
    void postgresLiveDiff_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("setup");
        QTest::addColumn<QString>("to");
        const QList<QByteArray> lines = readFile(goldenDir() + "live-cases.tsv").split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.split('\t');
            if (fields.size() == 3)
                QTest::newRow(fields.at(0).constData())
                    << QString::fromUtf8(fields.at(0))
                    << QString::fromUtf8(fields.at(1)).split(QLatin1Char(','))
                    << QString::fromUtf8(fields.at(2));
        }
    }

    // Prisma's diff from a database built by its own migrations, byte for byte.
    void postgresLiveDiff()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, setup);
        QFETCH(QString, to);
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set (run tests/run-tests.sh)");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        for (const QString &script : setup)
            QVERIFY2(pg.run(QString::fromUtf8(readFile(goldenDir() + script))),
                     qPrintable(pg.errorText()));
        auto database = open(pg.url());
        QCOMPARE(diffToSchema(*database, to),
                 QString::fromUtf8(readFile(goldenDir() + name + ".sql")));
    }

    void postgresMigrationsReadBackUpToDate_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("chain-postgres") << QStringLiteral("chain-postgres");
        QTest::newRow("authjs") << QStringLiteral("authjs");
    }

    // Every migration applied in turn: after each, the database is what the schema describes.
    void postgresMigrationsReadBackUpToDate()
    {
        QFETCH(QString, folder);
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set (run tests/run-tests.sh)");
        QStringList steps = chain(folder);
        if (folder == QLatin1String("authjs"))
            steps = {QStringLiteral("authjs/authjs-postgres.prisma"),
                     QStringLiteral("authjs/authjs-postgres-modified.prisma")};
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        auto database = open(pg.url());
        for (const QString &schema : steps) {
            // The migration the engine computes from the database itself, applied.
            QString script = diffToSchema(*database, schema);
            if (folder != QLatin1String("authjs"))
                script = sqlOf(schema);
            QVERIFY2(database->executeScript(script), qPrintable(schema));
            QCOMPARE(diffToSchema(*database, schema), kEmpty);
        }
    }

    // `?schema=` selects the schema: its tables only, its name as the default namespace.
    void postgresHonoursSchemaParameter()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set (run tests/run-tests.sh)");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(pg.run(QStringLiteral("CREATE TABLE public.\"Noise\" (id int primary key);"
                                       "CREATE SCHEMA app; SET search_path TO app;") +
                        sqlOf(QStringLiteral("authjs/authjs-postgres.prisma"))),
                 qPrintable(pg.errorText()));
        auto database = open(pg.url(QStringLiteral("schema=app")));
        const sql::SqlSchema schema = introspect(*database);
        QCOMPARE(schema.namespaces(), QStringList{QStringLiteral("app")});
        QCOMPARE(schema.tables().size(), 5);
        QCOMPARE(schema.tableIndex(QStringLiteral("Noise")), -1);
        QCOMPARE(diffToSchema(*database, QStringLiteral("authjs/authjs-postgres.prisma")), kEmpty);
    }

    // What the catalog says, as Prisma's describer reads it.
    void postgresReadsTypesKeysAndDefaults()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set (run tests/run-tests.sh)");
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(pg.run(QStringLiteral("CREATE EXTENSION IF NOT EXISTS citext;") +
                        sqlOf(QStringLiteral("fixtures/edge-types.prisma"))),
                 qPrintable(pg.errorText()));
        auto database = open(pg.url());
        const sql::SqlSchema schema = introspect(*database);
        const int t = schema.tableIndex(QStringLiteral("Everything"));
        QVERIFY(t >= 0);
        const sql::Table &table = schema.table(t);
        const sql::Column *id = table.column(QStringLiteral("id"));
        QVERIFY(id && id->autoIncrement);
        QCOMPARE(id->type.nativeType.toString(), QStringLiteral("BigInt"));
        QCOMPARE(id->defaultValue->kind, sql::DefaultValue::Kind::Sequence);
        QCOMPARE(*id->defaultValue->expression, QStringLiteral("Everything_id_seq"));
        QCOMPARE(table.column(QStringLiteral("num"))->type.nativeType.toString(),
                 QStringLiteral("Decimal(10,4)"));
        QCOMPARE(table.column(QStringLiteral("num"))->defaultValue->value.text,
                 QStringLiteral("12.5000"));
        QCOMPARE(table.column(QStringLiteral("ts"))->type.nativeType.toString(),
                 QStringLiteral("Timestamp(6)"));
        QCOMPARE(table.column(QStringLiteral("small"))->defaultValue->value.text,
                 QStringLiteral("-3"));
        QCOMPARE(table.column(QStringLiteral("quote"))->defaultValue->value.text,
                 QStringLiteral("it's \"quoted\""));
        const sql::Column *moods = table.column(QStringLiteral("moods"));
        QCOMPARE(moods->type.family, sql::ColumnTypeFamily::Enum);
        QCOMPARE(moods->type.enumName, QStringLiteral("mood"));
        QVERIFY(moods->type.isList());
        QCOMPARE(moods->defaultValue->value.list.size(), size_t(2));
        QCOMPARE(table.column(QStringLiteral("unsupp"))->type.family,
                 sql::ColumnTypeFamily::Unsupported);
        QCOMPARE(schema.enums().size(), 1);
        QCOMPARE(schema.enums().first().values,
                 QStringList(
                     {QStringLiteral("happy"), QStringLiteral("sad"), QStringLiteral("NEUTRAL")}));
        // Indexes by name, with their algorithm and operator class.
        bool sawGin = false;
        for (const sql::Index &index : table.indexes) {
            if (index.name == QLatin1String("Everything_jsonb_idx")) {
                sawGin = true;
                QCOMPARE(index.algorithm, sql::IndexAlgorithm::Gin);
                QCOMPARE(index.columns.first().operatorClass, QStringLiteral("jsonb_path_ops"));
            }
        }
        QVERIFY(sawGin);
        // The composite foreign key with its actions.
        const int link = schema.tableIndex(QStringLiteral("Link"));
        const QList<int> fks = schema.foreignKeysOf(link);
        QCOMPARE(fks.size(), 1);
        const sql::ForeignKey &fk = schema.foreignKeys().at(fks.first());
        QCOMPARE(fk.constraintName, QStringLiteral("Link_profileA_profileB_fkey"));
        QCOMPARE(fk.columns.size(), 2);
        QCOMPARE(fk.onDelete, sql::ForeignKeyAction::SetDefault);
        QCOMPARE(fk.onUpdate, sql::ForeignKeyAction::Cascade);
    }

    // The SQLite chain, each migration applied and the file read back as up to date.
    void sqliteMigrationsReadBackUpToDate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto database = open(QStringLiteral("file:") + dir.filePath(QStringLiteral("chain.db")));
        for (const QString &schema : chain(QStringLiteral("chain-sqlite"))) {
            QVERIFY2(database->executeScript(sqlOf(schema)), qPrintable(schema));
            QCOMPARE(diffToSchema(*database, schema), kEmpty);
        }
    }

    void sqliteAuthJsReadBackUpToDate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto database = open(QStringLiteral("file:") + dir.filePath(QStringLiteral("auth.db")));
        QVERIFY(database->executeScript(sqlOf(QStringLiteral("authjs/authjs-sqlite.prisma"))));
        QCOMPARE(diffToSchema(*database, QStringLiteral("authjs/authjs-sqlite.prisma")), kEmpty);
    }

    // Partial indexes read back from SQLite's own CREATE INDEX text: the same schema is no
    // change; a changed predicate or an index that is no longer partial is dropped and made again
    // (what Prisma's PostgreSQL live golden shows for the same change).
    void sqlitePartialIndexesReadBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto database = open(QStringLiteral("file:") + dir.filePath(QStringLiteral("p.db")));
        const QString schemaFile = QStringLiteral("fixtures/partial-indexes-sqlite.prisma");
        QVERIFY(database->executeScript(sqlOf(schemaFile)));
        const sql::SqlSchema schema = introspect(*database);
        QStringList predicates;
        for (const sql::Index &index : schema.table(0).indexes)
            predicates << index.name + QLatin1Char('=') + index.predicate;
        QVERIFY2(
            predicates.contains(QStringLiteral(
                "session_support_idx=\"kind\" = 'O''Brien \"support\"' AND \"attempts\" != 0")),
            qPrintable(predicates.join(QLatin1Char('\n'))));
        QCOMPARE(diffToSchema(*database, schemaFile), kEmpty);

        QString changed = QString::fromUtf8(readFile(goldenDir() + schemaFile));
        changed.replace(QLatin1String("attempts: { not: 0 }"),
                        QLatin1String("attempts: { not: 1 }"));
        const QString changedFile = dir.filePath(QStringLiteral("changed.prisma"));
        QFile out(changedFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(changed.toUtf8());
        out.close();
        const QString migration =
            diffToSchema(*database, QDir(goldenDir()).relativeFilePath(changedFile));
        QVERIFY2(migration.contains(QLatin1String("DROP INDEX \"session_support_idx\"")) &&
                     migration.contains(QLatin1String("\"attempts\" != 1;")) &&
                     migration.count(QLatin1String("CREATE")) == 1,
                 qPrintable(migration));
    }

    // Keys, indexes and defaults as Prisma's sqlite describer reads them.
    void sqliteReadsKeysIndexesAndDefaults()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto database = open(QStringLiteral("file:") + dir.filePath(QStringLiteral("t.db")));
        QVERIFY(database->executeScript(QStringLiteral(
            "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,"
            " \"name\" TEXT DEFAULT 'it''s', \"active\" BOOLEAN NOT NULL DEFAULT true,"
            " \"score\" REAL DEFAULT 1.5, \"created\" DATETIME DEFAULT CURRENT_TIMESTAMP);"
            "CREATE TABLE \"Post\" (\"a\" TEXT NOT NULL, \"b\" INTEGER NOT NULL, \"userId\" "
            "INTEGER,"
            " PRIMARY KEY (\"a\", \"b\"),"
            " CONSTRAINT \"x\" FOREIGN KEY (\"userId\") REFERENCES \"User\" (\"id\")"
            " ON DELETE SET NULL ON UPDATE CASCADE);"
            "CREATE INDEX \"Post_b_idx\" ON \"Post\"(\"b\" DESC, \"a\");")));
        const sql::SqlSchema schema = introspect(*database);
        QCOMPARE(schema.tables().size(), 2);                    // sqlite_sequence is left out
        QCOMPARE(schema.table(0).name, QStringLiteral("Post")); // by name
        const sql::Table &user = schema.table(1);
        QVERIFY(user.column(QStringLiteral("id"))->autoIncrement);
        QVERIFY(user.isSinglePrimaryKey(0));
        QCOMPARE(user.column(QStringLiteral("name"))->defaultValue->value.text,
                 QStringLiteral("it's"));
        QCOMPARE(user.column(QStringLiteral("active"))->defaultValue->value.text,
                 QStringLiteral("true"));
        QCOMPARE(user.column(QStringLiteral("score"))->defaultValue->value.text,
                 QStringLiteral("1.5"));
        QCOMPARE(user.column(QStringLiteral("created"))->defaultValue->kind,
                 sql::DefaultValue::Kind::Now);
        const sql::Table &post = schema.table(0);
        QCOMPARE(post.columnNames(*post.primaryKey()),
                 QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(post.indexes.size(), 2);
        QCOMPARE(post.indexes.at(1).columns.first().sort, sql::SortOrder::Desc);
        QCOMPARE(schema.foreignKeys().size(), 1);
        QVERIFY(schema.foreignKeys().first().constraintName.isEmpty()); // SQLite does not say
        QCOMPARE(schema.foreignKeys().first().onDelete, sql::ForeignKeyAction::SetNull);
    }
};

QTEST_GUILESS_MAIN(tst_SqlIntrospection)
#include "tst_sqlintrospection.moc"
