// The Auth.js mapping on a real PostgreSQL for every layout the issue lists: the project's
// schema file followed through @@map/@map, the catalog alone (no schema file), older layouts
// (`id` keys with @@unique, Authenticator's `userId`, no Authenticator at all) and a schema file
// that does not describe the Auth.js models.

#include "core/auth/AuthWorkspace.h"
#include "core/auth/RecordExporter.h"
#include "tests/integration/auth/AuthTestData.h"
#include "tests/support/TestPostgres.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh;
using namespace gh::test;

namespace {

/// A project folder: prisma/schema.prisma (copied from tests/data/auth/schemas, or given) and
/// a .env naming the database.
struct Project
{
    QTemporaryDir dir;

    bool write(const QString &schemaText, const QString &databaseUrl)
    {
        if (!QDir(dir.path()).mkpath(QStringLiteral("prisma")))
            return false;
        QFile schema(dir.filePath(QStringLiteral("prisma/schema.prisma")));
        QFile env(dir.filePath(QStringLiteral(".env")));
        if (!schema.open(QIODevice::WriteOnly) || !env.open(QIODevice::WriteOnly))
            return false;
        schema.write(schemaText.toUtf8());
        env.write(QStringLiteral("DATABASE_URL=\"%1\"\n").arg(databaseUrl).toUtf8());
        return true;
    }

    Result<AuthWorkspace> open() const
    {
        ProjectOptions options;
        options.workingDirectory = dir.path();
        options.environment = QProcessEnvironment();
        return AuthWorkspace::open(options);
    }
};

QJsonObject firstJson(const AuthQueries &queries, AuthModelKind kind)
{
    QString json;
    QTextStream out(&json);
    RecordExporter::Options options;
    options.format = RecordWriter::Format::Json;
    options.limit = 1;
    RecordQuery query;
    query.model = kind;
    if (!RecordExporter::run(queries, query, out, options))
        return QJsonObject();
    return QJsonDocument::fromJson(json.toUtf8()).array().at(0).toObject();
}

// Rows for the legacy layout, as the adapter of the time wrote them (ids from cuid()).
const char *kLegacyRows = R"SQL(
INSERT INTO "User" (id, name, email, "emailVerified", "hashedPassword", role) VALUES
  ('clu1', 'Ada', 'ada@example.com', '2024-05-01 10:00:00.123', '$2b$10$abcdefghijklmnopqrstuv', 'ADMIN'),
  ('clu2', NULL, 'bob@example.com', NULL, NULL, 'USER');
INSERT INTO "Account" (id, "userId", type, provider, "providerAccountId", access_token, expires_at) VALUES
  ('cla1', 'clu1', 'oauth', 'github', '1001', 'gho_aaaaaaaaaaaaaaaa', 1780000000),
  ('cla2', 'clu2', 'oauth', 'github', '1002', 'gho_bbbbbbbbbbbbbbbb', NULL),
  ('cla3', 'clu2', 'credentials', 'credentials', 'clu2', NULL, NULL);
INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES
  ('cls1', '11111111-aaaa-4aaa-8aaa-111111111111', 'clu1', '2026-07-01 00:00:00'),
  ('cls2', '22222222-bbbb-4bbb-8bbb-222222222222', 'clu1', '2026-05-01 00:00:00'),
  ('cls3', '33333333-cccc-4ccc-8ccc-333333333333', 'clu2', '2026-06-15 00:00:00');
INSERT INTO "VerificationToken" (identifier, token, expires) VALUES
  ('ada@example.com', 'f00dfeed', '2026-06-02 00:00:00');
INSERT INTO "Authenticator" ("credentialID", "userId", "providerAccountId", "credentialPublicKey", counter,
                             "credentialDeviceType", "credentialBackedUp", transports) VALUES
  ('cred1', 'clu1', '1001', 'pQECAyYgASFYIKz', 3, 'singleDevice', false, 'internal');
)SQL";

} // namespace

class TestAuthLayouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (ScratchPostgres::serverUrl().isEmpty())
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
    }

    void projectSchemaMapsSnakeCaseNames()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres-snake.sql")));
        QVERIFY(pg.run(testDataFile(QStringLiteral("auth/adapter-seed-postgres-snake.sql"))));
        Project project;
        QVERIFY(project.write(
            testDataFile(QStringLiteral("auth/schemas/authjs-postgres-snake.prisma")), pg.url()));
        auto workspace = project.open();
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        QVERIFY(workspace->schema().isFromSchema());
        QCOMPARE(workspace->schema().model(AuthModelKind::Session).table,
                 QStringLiteral("sessions"));
        QCOMPARE(workspace->schema()
                     .model(AuthModelKind::Account)
                     .column(QStringLiteral("providerAccountId")),
                 QStringLiteral("provider_account_id"));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        const QJsonObject session = firstJson(*connection->queries, AuthModelKind::Session);
        QCOMPARE(QStringList(session.keys()).size(), 4);
        for (const char *key : {"id", "sessionToken", "userId", "expires"})
            QVERIFY2(session.contains(QLatin1String(key)), key);
        const QJsonObject user = firstJson(*connection->queries, AuthModelKind::User);
        QVERIFY(user.contains(QLatin1String("emailVerified")));
        QVERIFY(!user.contains(QLatin1String("email_verified")));
        auto picture = connection->queries->userPicture(QStringLiteral("ada@example.com"));
        QVERIFY2(picture.ok(), qPrintable(picture.error().fullText()));
        QCOMPARE(picture->sessions.rows.size(), 3);
    }

    void projectSchemaWithMapToOtherNames()
    {
        // Names no default or guess would find: only the schema file can say where things are.
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QString snake = testDataFile(QStringLiteral("sql/authjs-postgres-snake.sql"));
        snake.replace(QStringLiteral("\"sessions\""), QStringLiteral("\"auth_sessions\""))
            .replace(QStringLiteral("\"session_token\""), QStringLiteral("\"token_value\""));
        QVERIFY2(pg.run(snake), qPrintable(pg.errorText()));
        QString seed = testDataFile(QStringLiteral("auth/adapter-seed-postgres-snake.sql"));
        seed.replace(QStringLiteral("INTO sessions (id, session_token,"),
                     QStringLiteral("INTO auth_sessions (id, token_value,"));
        QVERIFY2(pg.run(seed), qPrintable(pg.errorText()));
        QString schemaText =
            testDataFile(QStringLiteral("auth/schemas/authjs-postgres-snake.prisma"));
        schemaText
            .replace(QStringLiteral("@map(\"session_token\")"),
                     QStringLiteral("@map(\"token_value\")"))
            .replace(QStringLiteral("@@map(\"sessions\")"),
                     QStringLiteral("@@map(\"auth_sessions\")"));
        Project project;
        QVERIFY(project.write(schemaText, pg.url()));
        auto workspace = project.open();
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        RecordQuery sessions;
        sessions.model = AuthModelKind::Session;
        sessions.search = QStringLiteral("5f4c");
        auto page = connection->queries->page(sessions, 10);
        QVERIFY2(page.ok(), qPrintable(page.error().fullText()));
        QCOMPARE(page->rows.size(), 1);
        QCOMPARE(page->value(0, QStringLiteral("sessionToken")).toString(),
                 QStringLiteral("5f4cebf4-ef5f-47a1-8166-e1472e9225c9"));

        // Without the schema file these tables are not recognisable: the message says what is
        // missing.
        auto guessed = AuthWorkspace::open(urlOnlyOptions(pg.url()));
        QVERIFY(!guessed.ok());
        QCOMPARE(guessed.error().code(), Error::Code::NotAuthJsDatabase);
    }

    void legacyLayout_data()
    {
        QTest::addColumn<bool>("withSchemaFile");
        QTest::newRow("schema file") << true;
        QTest::newRow("catalog only") << false;
    }

    void legacyLayout()
    {
        QFETCH(bool, withSchemaFile);
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY2(pg.run(testDataFile(QStringLiteral("auth/authjs-postgres-legacy.sql"))),
                 qPrintable(pg.errorText()));
        QVERIFY2(pg.run(QString::fromUtf8(kLegacyRows)), qPrintable(pg.errorText()));
        Project project;
        QVERIFY(project.write(
            testDataFile(QStringLiteral("auth/schemas/authjs-postgres-legacy.prisma")), pg.url()));
        auto workspace =
            withSchemaFile ? project.open() : AuthWorkspace::open(urlOnlyOptions(pg.url()));
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        QCOMPARE(workspace->schema().isFromSchema(), withSchemaFile);
        const AuthSchema &schema = workspace->schema();
        QCOMPARE(schema.model(AuthModelKind::Account).keyFields, QStringList{QStringLiteral("id")});
        QCOMPARE(schema.model(AuthModelKind::Session).keyFields, QStringList{QStringLiteral("id")});
        QCOMPARE(schema.model(AuthModelKind::Authenticator).column(QStringLiteral("userId")),
                 QStringLiteral("userId"));
        // Fields only the schema file knows about.
        QCOMPARE(bool(schema.user().field(QStringLiteral("hashedPassword"))), withSchemaFile);

        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        const AuthQueries &q = *connection->queries;
        for (AuthModelKind kind :
             {AuthModelKind::User, AuthModelKind::Account, AuthModelKind::Session,
              AuthModelKind::VerificationToken, AuthModelKind::Authenticator}) {
            RecordQuery query;
            query.model = kind;
            QString error;
            QCOMPARE(walkKeys(q, query, 1, PageDirection::Forward, &error),
                     naiveKeys(allRows(q, kind), query, schema.model(kind)));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        auto picture = q.userPicture(QStringLiteral("ada@example.com"));
        QVERIFY2(picture.ok(), qPrintable(picture.error().fullText()));
        QCOMPARE(picture->authenticators.rows.size(), 1);
        QCOMPARE(picture->sessions.rows.size(), 2);
        auto bob = q.userPicture(QStringLiteral("clu2"));
        QVERIFY(bob.ok());
        QVERIFY(!bob->credentialsOnly()); // one github account besides credentials
        if (withSchemaFile) {
            const QJsonObject user = firstJson(q, AuthModelKind::User);
            QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("ADMIN"));
            QVERIFY(user.value(QLatin1String("hashedPassword"))
                        .toString()
                        .contains(QStringLiteral("••••")));
        }
    }

    void noAuthenticatorModel_data()
    {
        QTest::addColumn<bool>("withSchemaFile");
        QTest::newRow("schema file") << true;
        QTest::newRow("catalog only") << false;
    }

    void noAuthenticatorModel()
    {
        QFETCH(bool, withSchemaFile);
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres.sql")));
        QVERIFY(pg.run(testDataFile(QStringLiteral("auth/adapter-seed-postgres.sql"))));
        QVERIFY(pg.run(QStringLiteral("DROP TABLE \"Authenticator\"; ALTER TABLE \"User\" ADD "
                                      "COLUMN role TEXT NOT NULL DEFAULT 'user';")));
        Project project;
        QVERIFY(project.write(
            testDataFile(QStringLiteral("auth/schemas/authjs-postgres-modified.prisma")),
            pg.url()));
        auto workspace =
            withSchemaFile ? project.open() : AuthWorkspace::open(urlOnlyOptions(pg.url()));
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        QVERIFY(!workspace->schema().model(AuthModelKind::Authenticator).present);
        auto connection = workspace->connect();
        QVERIFY(connection.ok());
        RecordQuery authenticators;
        authenticators.model = AuthModelKind::Authenticator;
        QCOMPARE(connection->queries->page(authenticators, 5).error().code(),
                 Error::Code::InvalidArgument);
        auto picture = connection->queries->userPicture(QStringLiteral("ada@example.com"));
        QVERIFY2(picture.ok(), qPrintable(picture.error().fullText()));
        QVERIFY(!picture->hasAuthenticatorModel);
        QCOMPARE(picture->sessions.rows.size(), 3);
    }

    void schemaFileWithoutAuthJsModelsFallsBackToTheCatalog()
    {
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.runSqlFile(QStringLiteral("authjs-postgres.sql")));
        Project project;
        QVERIFY(project.write(
            QStringLiteral(
                "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\n"
                "model Post {\n  id Int @id\n}\n"),
            pg.url()));
        auto workspace = project.open();
        QVERIFY2(workspace.ok(), qPrintable(workspace.error().fullText()));
        QVERIFY(!workspace->schema().isFromSchema());
        QVERIFY(workspace->schema().model(AuthModelKind::Authenticator).present);
    }

    void schemaFileNamingMissingTablesIsNotAnAuthJsDatabase()
    {
        // The schema maps the models, the database lacks their tables (no migration yet).
        ScratchPostgres pg;
        QVERIFY2(pg.isValid(), qPrintable(pg.errorText()));
        QVERIFY(pg.run(QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY);")));
        Project project;
        QVERIFY(project.write(
            testDataFile(QStringLiteral("auth/schemas/authjs-postgres-snake.prisma")), pg.url()));
        auto workspace = project.open();
        QVERIFY(!workspace.ok());
        QCOMPARE(workspace.error().code(), Error::Code::NotAuthJsDatabase);
        const QString message = workspace.error().message();
        QVERIFY2(message.contains(QLatin1String("table \"sessions\"")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("column \"users\".\"email\"")) == false,
                 qPrintable(message)); // optional
    }
};

QTEST_GUILESS_MAIN(TestAuthLayouts)
#include "tst_authlayouts.moc"
