#include "core/url/ProjectResolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using gh::Error;
using gh::ProjectOptions;
using gh::ProjectResolver;

class TestProjectResolver : public QObject
{
    Q_OBJECT

private slots:
    void init();

    // Schema
    void prefersPrismaSchemaPrismaOverRootSchema();
    void fallsBackToRootSchemaPrisma();
    void fallsBackToPrismaSchemaFolderRecursivelySorted();
    void schemaOverrideFileRootIsItsFolder();
    void schemaOverrideInsidePrismaFolderRootIsAbove();
    void schemaOverrideFolderIsMultiFile();
    void missingSchemaListsThePlacesLookedAt();
    void missingSchemaOverrideIsAnErrorEvenWithUrl();
    void bareUrlWithoutSchemaIsAllowedWhenAsked();
    void exportedDatabaseUrlOpensWithoutSchema();

    // URL
    void urlOverrideWinsOverEverything();
    void environmentWinsOverDotEnv();
    void rootDotEnvWinsOverSchemaFolderDotEnv();
    void schemaFolderDotEnvIsReadWhenRootLacksTheVariable();
    void datasourceEnvNameIsTheVariableLookedUp();
    void literalDatasourceUrlIsUsedAsIs();
    void commentedOutUrlLinesAreIgnored();
    void prismaSevenSchemaWithoutUrlUsesDatabaseUrl();
    void sqlitePathIsRelativeToTheSchemaFile();
    void sqlitePathIsRelativeToTheDatasourceFileOfAFolderSchema();
    void schemaDotEnvSeesRootDotEnvValues();
    void missingUrlNamesTheVariableAndThePlaces();
    void emptyVariableIsAnError();
    void malformedUrlErrorNamesTheSourceNotThePassword();
    void prismaConfigNamesSchemaMigrationsAndUrlVariable();
    void prismaConfigLiteralUrlAndFallback();
    void flagsWinOverPrismaConfig();

private:
    QString write(const QString &relativePath, const QByteArray &content);
    ProjectOptions options() const;
    QString path(const QString &relativePath) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

const QByteArray kSqliteSchema = "datasource db {\n  provider = \"sqlite\"\n  url      = "
                                 "env(\"DATABASE_URL\")\n}\n";
const QByteArray kPostgresSchema = "datasource db {\n  provider = \"postgresql\"\n  url      = "
                                   "env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id String @id\n}\n";

} // namespace

void TestProjectResolver::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestProjectResolver::path(const QString &relativePath) const
{
    return QDir::cleanPath(m_dir->path() + QLatin1Char('/') + relativePath);
}

QString TestProjectResolver::write(const QString &relativePath, const QByteArray &content)
{
    const QString file = path(relativePath);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(file));
    return file;
}

ProjectOptions TestProjectResolver::options() const
{
    ProjectOptions options;
    options.workingDirectory = m_dir->path();
    options.environment = QProcessEnvironment(); // nothing leaks in from the test runner
    return options;
}

void TestProjectResolver::prefersPrismaSchemaPrismaOverRootSchema()
{
    const QString nested = write("prisma/schema.prisma", kPostgresSchema);
    write("schema.prisma", kPostgresSchema);
    write(".env", "DATABASE_URL=postgresql://h/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->schemaPath, nested);
    QCOMPARE(project->schemaFiles, QStringList{nested});
    QVERIFY(!project->isMultiFile);
    QCOMPARE(project->rootDirectory, path("."));
    QCOMPARE(project->datasourceFile, nested);
}

void TestProjectResolver::fallsBackToRootSchemaPrisma()
{
    const QString flat = write("schema.prisma", kPostgresSchema);
    write(".env", "DATABASE_URL=postgresql://h/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->schemaPath, flat);
}

void TestProjectResolver::fallsBackToPrismaSchemaFolderRecursivelySorted()
{
    const QString models =
        write("prisma/schema/models/user.prisma", "model User {\n  id Int @id\n}\n");
    const QString main = write("prisma/schema/main.prisma", kPostgresSchema);
    const QString auth = write("prisma/schema/auth.prisma", "model Session {\n  id Int @id\n}\n");
    write("prisma/schema/notes.txt", "not a schema");
    write(".env", "DATABASE_URL=postgresql://h/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QVERIFY(project->isMultiFile);
    QCOMPARE(project->schemaPath, path("prisma/schema"));
    QCOMPARE(project->schemaFiles, (QStringList{auth, main, models}));
    QCOMPARE(project->datasourceFile, main);
}

void TestProjectResolver::schemaOverrideFileRootIsItsFolder()
{
    const QString custom = write("db/custom.prisma", kPostgresSchema);
    write("db/.env", "DATABASE_URL=postgresql://from-db-folder/db\n");
    write("prisma/schema.prisma", kPostgresSchema); // not used: --schema wins

    ProjectOptions opts = options();
    opts.schemaOverride = QStringLiteral("db/custom.prisma"); // relative to the working directory
    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->schemaPath, custom);
    QCOMPARE(project->rootDirectory, path("db"));
    QCOMPARE(project->url.host(), QStringLiteral("from-db-folder"));
}

void TestProjectResolver::schemaOverrideInsidePrismaFolderRootIsAbove()
{
    const QString schema = write("app/prisma/schema.prisma", kPostgresSchema);
    write("app/.env", "DATABASE_URL=postgresql://app-root/db\n");

    ProjectOptions opts = options();
    opts.schemaOverride = schema;
    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->rootDirectory, path("app"));
    QCOMPARE(project->urlSource, path("app/.env") + " (DATABASE_URL)");
}

void TestProjectResolver::schemaOverrideFolderIsMultiFile()
{
    const QString a = write("app/prisma/schema/a.prisma", kPostgresSchema);
    const QString b = write("app/prisma/schema/b.prisma", "model B {\n  id Int @id\n}\n");
    write("app/.env", "DATABASE_URL=postgresql://h/db\n");

    ProjectOptions opts = options();
    opts.schemaOverride = QStringLiteral("app/prisma/schema/");
    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QVERIFY(project->isMultiFile);
    QCOMPARE(project->schemaPath, path("app/prisma/schema"));
    QCOMPARE(project->schemaFiles, (QStringList{a, b}));
    QCOMPARE(project->rootDirectory, path("app"));
}

void TestProjectResolver::missingSchemaListsThePlacesLookedAt()
{
    write(".env", "DATABASE_URL=postgresql://h/db\n");
    QDir().mkpath(path("prisma/schema")); // an empty folder is no schema

    const auto project = ProjectResolver::resolve(options());
    QVERIFY(!project.ok());
    QCOMPARE(project.error().code(), Error::Code::SchemaNotFound);
    const QString message = project.error().message();
    QVERIFY2(message.contains(path("prisma/schema.prisma")), qPrintable(message));
    QVERIFY2(message.contains(path("schema.prisma")), qPrintable(message));
    QVERIFY2(message.contains(path("prisma/schema") + "/"), qPrintable(message));
}

void TestProjectResolver::missingSchemaOverrideIsAnErrorEvenWithUrl()
{
    ProjectOptions opts = options();
    opts.schemaOverride = QStringLiteral("nowhere/schema.prisma");
    opts.urlOverride = QStringLiteral("postgresql://h/db");
    const auto project = ProjectResolver::resolve(opts);
    QVERIFY(!project.ok());
    QCOMPARE(project.error().code(), Error::Code::SchemaNotFound);
    QVERIFY(project.error().message().contains(path("nowhere/schema.prisma")));
}

void TestProjectResolver::bareUrlWithoutSchemaIsAllowedWhenAsked()
{
    ProjectOptions opts = options();
    opts.urlOverride = QStringLiteral("file:./bare.db");
    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QVERIFY(!project->hasSchema());
    QVERIFY(project->schemaPath.isEmpty());
    QCOMPARE(project->urlSource, QStringLiteral("--url"));
    QCOMPARE(project->url.sqliteFilePath(), path("bare.db"));

    opts.allowUrlWithoutSchema = false;
    const auto refused = ProjectResolver::resolve(opts);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), Error::Code::SchemaNotFound);
}

void TestProjectResolver::exportedDatabaseUrlOpensWithoutSchema()
{
    ProjectOptions opts = options();
    opts.environment.insert(QStringLiteral("DATABASE_URL"),
                            QStringLiteral("postgresql://u:pw@env/db?schema=auth"));
    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QVERIFY(!project->hasSchema());
    QCOMPARE(project->urlSource, QStringLiteral("environment variable DATABASE_URL"));
    QCOMPARE(project->url.host(), QStringLiteral("env"));
    QCOMPARE(project->url.schema(), QStringLiteral("auth"));

    // Where a schema is required (a project folder), the exported URL does not stand in for it.
    opts.allowUrlWithoutSchema = false;
    QCOMPARE(ProjectResolver::resolve(opts).error().code(), Error::Code::SchemaNotFound);
}

void TestProjectResolver::urlOverrideWinsOverEverything()
{
    write("prisma/schema.prisma", kPostgresSchema);
    write(".env", "DATABASE_URL=postgresql://dotenv/db\n");
    ProjectOptions opts = options();
    opts.environment.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://env/db"));
    opts.urlOverride = QStringLiteral("postgresql://u:pw@override/db");

    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->urlSource, QStringLiteral("--url"));
    QCOMPARE(project->urlText, opts.urlOverride);
    QCOMPARE(project->url.host(), QStringLiteral("override"));
}

void TestProjectResolver::environmentWinsOverDotEnv()
{
    write("prisma/schema.prisma", kPostgresSchema);
    write(".env", "DATABASE_URL=postgresql://dotenv/db\n");
    write("prisma/.env", "DATABASE_URL=postgresql://schema-dotenv/db\n");
    ProjectOptions opts = options();
    opts.environment.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://env/db"));

    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->urlSource, QStringLiteral("environment variable DATABASE_URL"));
    QCOMPARE(project->url.host(), QStringLiteral("env"));
}

void TestProjectResolver::rootDotEnvWinsOverSchemaFolderDotEnv()
{
    write("prisma/schema.prisma", kPostgresSchema);
    write(".env", "DATABASE_URL=postgresql://root-dotenv/db\n");
    write("prisma/.env", "DATABASE_URL=postgresql://schema-dotenv/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->urlSource, path(".env") + " (DATABASE_URL)");
    QCOMPARE(project->url.host(), QStringLiteral("root-dotenv"));
}

void TestProjectResolver::schemaFolderDotEnvIsReadWhenRootLacksTheVariable()
{
    write("prisma/schema.prisma", kPostgresSchema);
    write(".env", "SOMETHING_ELSE=1\n");
    write("prisma/.env", "DATABASE_URL=postgresql://schema-dotenv/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->urlSource, path("prisma/.env") + " (DATABASE_URL)");
    QCOMPARE(project->url.host(), QStringLiteral("schema-dotenv"));
}

void TestProjectResolver::datasourceEnvNameIsTheVariableLookedUp()
{
    write("prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = "
                                  "env(\"OTHER_NAME\")\n  directUrl = env(\"DIRECT\")\n}\n");
    write(".env", "DATABASE_URL=postgresql://wrong/db\nOTHER_NAME=postgresql://right/db\n");
    ProjectOptions opts = options();
    opts.environment.insert(QStringLiteral("DATABASE_URL"),
                            QStringLiteral("postgresql://wrong/db"));

    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->urlVariable, QStringLiteral("OTHER_NAME"));
    QCOMPARE(project->urlSource, path(".env") + " (OTHER_NAME)");
    QCOMPARE(project->url.host(), QStringLiteral("right"));
}

void TestProjectResolver::literalDatasourceUrlIsUsedAsIs()
{
    write("prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = "
                                  "\"postgresql://u:pw@literal/db?schema=\\\"x\\\"\"\n}\n");
    ProjectOptions opts = options();
    opts.environment.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://env/db"));

    const auto project = ProjectResolver::resolve(opts);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->urlSource, QStringLiteral("schema datasource"));
    QCOMPARE(project->url.host(), QStringLiteral("literal"));
    QCOMPARE(project->url.schema(), QStringLiteral("\"x\""));
}

void TestProjectResolver::commentedOutUrlLinesAreIgnored()
{
    write("prisma/schema.prisma",
          "// datasource old { url = env(\"OLD\") }\ndatasource db {\n  provider = \"postgresql\"\n"
          "  // url = env(\"COMMENTED\")\n  url = env(\"LIVE_URL\") // the live one\n}\n");
    write(".env", "LIVE_URL=postgresql://live/db\nCOMMENTED=postgresql://commented/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->urlVariable, QStringLiteral("LIVE_URL"));
    QCOMPARE(project->url.host(), QStringLiteral("live"));
}

void TestProjectResolver::prismaSevenSchemaWithoutUrlUsesDatabaseUrl()
{
    write("prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n");
    write(".env", "DATABASE_URL=postgresql://seven/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->urlVariable, QStringLiteral("DATABASE_URL"));
    QCOMPARE(project->url.host(), QStringLiteral("seven"));
}

void TestProjectResolver::sqlitePathIsRelativeToTheSchemaFile()
{
    write("prisma/schema.prisma", kSqliteSchema);
    write(".env", "DATABASE_URL=\"file:./dev.db\"\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->url.provider(), gh::DatabaseUrl::Provider::SQLite);
    QCOMPARE(project->url.sqliteFilePath(), path("prisma/dev.db"));
    QCOMPARE(project->urlText, QStringLiteral("file:./dev.db"));
}

void TestProjectResolver::sqlitePathIsRelativeToTheDatasourceFileOfAFolderSchema()
{
    write("prisma/schema/models.prisma", "model User {\n  id Int @id\n}\n");
    write("prisma/schema/db/datasource.prisma", kSqliteSchema);
    write(".env", "DATABASE_URL=file:./dev.db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->datasourceFile, path("prisma/schema/db/datasource.prisma"));
    QCOMPARE(project->url.sqliteFilePath(), path("prisma/schema/db/dev.db"));
}

void TestProjectResolver::schemaDotEnvSeesRootDotEnvValues()
{
    write("prisma/schema.prisma", kPostgresSchema);
    write(".env", "DB_HOST=shared-host\n");
    write("prisma/.env", "DATABASE_URL=postgresql://u@${DB_HOST}:6543/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->url.host(), QStringLiteral("shared-host"));
    QCOMPARE(project->url.port(), 6543);
}

void TestProjectResolver::missingUrlNamesTheVariableAndThePlaces()
{
    write("prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = "
                                  "env(\"AUTH_DB\")\n}\n");
    write(".env", "DATABASE_URL=postgresql://not-this-one/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY(!project.ok());
    QCOMPARE(project.error().code(), Error::Code::UrlMissing);
    const QString message = project.error().message();
    QVERIFY2(message.contains(QStringLiteral("AUTH_DB")), qPrintable(message));
    QVERIFY2(message.contains(path(".env")), qPrintable(message));
    QVERIFY2(message.contains(path("prisma/.env")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("environment")), qPrintable(message));
}

void TestProjectResolver::emptyVariableIsAnError()
{
    write("prisma/schema.prisma", kPostgresSchema);
    write(".env", "DATABASE_URL=\n");
    write("prisma/.env", "DATABASE_URL=postgresql://h/db\n"); // shadowed, as with Prisma

    const auto project = ProjectResolver::resolve(options());
    QVERIFY(!project.ok());
    QCOMPARE(project.error().code(), Error::Code::UrlMissing);
    QVERIFY2(project.error().message().contains(QStringLiteral("empty")),
             qPrintable(project.error().message()));
}

void TestProjectResolver::malformedUrlErrorNamesTheSourceNotThePassword()
{
    write("prisma/schema.prisma", kPostgresSchema);
    write("prisma/.env", "DATABASE_URL=postgresql://u:hunter22@h:abc/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY(!project.ok());
    QCOMPARE(project.error().code(), Error::Code::UrlMalformed);
    const QString message = project.error().fullText();
    QVERIFY2(message.contains(path("prisma/.env")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("port 'abc'")), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("hunter22")));
}

// Prisma 7's prisma.config.ts: the schema, the migrations folder and the URL's variable.
void TestProjectResolver::prismaConfigNamesSchemaMigrationsAndUrlVariable()
{
    write("prisma.config.ts", "import 'dotenv/config'\n"
                              "import path from 'node:path'\n"
                              "import { defineConfig, env } from 'prisma/config'\n\n"
                              "export default defineConfig({\n"
                              "  schema: path.join('db', 'auth.prisma'),\n"
                              "  migrations: { path: 'db/history' },\n"
                              "  datasource: { url: env('AUTH_DATABASE_URL') },\n"
                              "})\n");
    const QString schema =
        write("db/auth.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n");
    write("prisma/schema.prisma", kPostgresSchema); // the default place loses to the config
    write(".env",
          "AUTH_DATABASE_URL=postgresql://configured/db\nDATABASE_URL=postgresql://no/db\n");

    const auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->schemaPath, schema);
    QCOMPARE(project->configPath, path("prisma.config.ts"));
    QCOMPARE(project->migrationsPath, path("db/history"));
    QCOMPARE(project->urlVariable, QStringLiteral("AUTH_DATABASE_URL"));
    QCOMPARE(project->url.host(), QStringLiteral("configured"));
    QVERIFY(project->configWarnings.isEmpty());
}

void TestProjectResolver::prismaConfigLiteralUrlAndFallback()
{
    write("prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n");
    write("prisma.config.mjs", "export default {\n"
                               "  datasource: { url: process.env.PG_URL ?? "
                               "'postgresql://fallback/db' },\n"
                               "  migrations: { path: computeIt() },\n"
                               "}\n");
    auto project = ProjectResolver::resolve(options());
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->url.host(), QStringLiteral("fallback"));
    QVERIFY(project->urlSource.contains(QLatin1String("fallback for PG_URL")));
    // What it cannot read is said, with where, and left to Prisma's default.
    QCOMPARE(project->configWarnings.size(), 1);
    QVERIFY2(project->configWarnings.first().startsWith(path("prisma.config.mjs") +
                                                        QStringLiteral(":3:23: warning:")),
             qPrintable(project->configWarnings.first()));
    QVERIFY(project->migrationsPath.isEmpty());

    ProjectOptions withVariable = options();
    withVariable.environment.insert(QStringLiteral("PG_URL"),
                                    QStringLiteral("postgresql://set/db"));
    project = ProjectResolver::resolve(withVariable);
    QVERIFY(project.ok());
    QCOMPARE(project->url.host(), QStringLiteral("set"));
}

void TestProjectResolver::flagsWinOverPrismaConfig()
{
    write("prisma.config.ts", "export default defineConfig({ schema: 'missing.prisma',"
                              " datasource: { url: 'postgresql://config/db' } })\n");
    const QString other = write("other.prisma", kPostgresSchema);
    ProjectOptions flags = options();
    flags.schemaOverride = other;
    flags.urlOverride = QStringLiteral("postgresql://flag/db");
    auto project = ProjectResolver::resolve(flags);
    QVERIFY2(project.ok(), qPrintable(project.error().message()));
    QCOMPARE(project->schemaPath, other);
    QCOMPARE(project->url.host(), QStringLiteral("flag"));

    // Without flags, the config's schema that does not exist is an error that names the config.
    project = ProjectResolver::resolve(options());
    QVERIFY(!project.ok());
    QVERIFY2(project.error().message().contains(QLatin1String("named in ")) &&
                 project.error().message().contains(QLatin1String("prisma.config.ts")),
             qPrintable(project.error().message()));
}

QTEST_APPLESS_MAIN(TestProjectResolver)
#include "tst_projectresolver.moc"
