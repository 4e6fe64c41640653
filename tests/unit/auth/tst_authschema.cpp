#include "core/auth/AuthSchema.h"
#include "core/prisma/DataModel.h"
#include "core/prisma/SchemaSource.h"

#include <QtTest>

using namespace gh;

namespace {

QHash<QString, QStringList> defaultCatalog()
{
    return {
        {QStringLiteral("User"),
         {"id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"}},
        {QStringLiteral("Account"),
         {"userId", "type", "provider", "providerAccountId", "refresh_token", "access_token",
          "expires_at", "token_type", "scope", "id_token", "session_state", "createdAt",
          "updatedAt"}},
        {QStringLiteral("Session"),
         {"sessionToken", "userId", "expires", "createdAt", "updatedAt"}},
        {QStringLiteral("VerificationToken"), {"identifier", "token", "expires"}},
        {QStringLiteral("Authenticator"),
         {"credentialID", "userID", "providerAccountId", "credentialPublicKey", "counter",
          "credentialDeviceType", "credentialBackedUp", "transports"}},
    };
}

QHash<QString, QStringList> snakeCatalog()
{
    return {
        {QStringLiteral("users"), {"id", "name", "email", "email_verified", "image"}},
        {QStringLiteral("accounts"),
         {"id", "user_id", "type", "provider", "provider_account_id", "refresh_token",
          "access_token", "expires_at", "token_type", "scope", "id_token", "session_state"}},
        {QStringLiteral("sessions"), {"id", "session_token", "user_id", "expires"}},
        {QStringLiteral("verification_tokens"), {"identifier", "token", "expires"}},
    };
}

Result<AuthSchema> fromSchemaFile(const QString &name)
{
    auto source =
        prisma::SchemaSource::load(QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/auth/schemas/") + name);
    if (!source)
        return source.error();
    return AuthSchema::fromDataModel(prisma::DataModel::build(*source));
}

QStringList fieldNames(const AuthModel &model)
{
    QStringList names;
    for (const AuthField &f : model.fields)
        names << f.name;
    return names;
}

} // namespace

class TestAuthSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsPrismasDefaultTables()
    {
        AuthSchema schema = AuthSchema::prismaDefaults();
        QVERIFY(schema.reconcile(defaultCatalog()).ok());
        QVERIFY(schema.model(AuthModelKind::Authenticator).present);
        // The documented schema spells the owner userID; the mapping follows the database.
        QCOMPARE(schema.model(AuthModelKind::Authenticator).column(QStringLiteral("userId")),
                 QStringLiteral("userID"));
    }

    void authenticatorIsOptional()
    {
        auto catalog = defaultCatalog();
        catalog.remove(QStringLiteral("Authenticator"));
        AuthSchema schema = AuthSchema::prismaDefaults();
        QVERIFY(schema.reconcile(catalog).ok());
        QVERIFY(!schema.model(AuthModelKind::Authenticator).present);
    }

    void timestampsAuthJsDoesNotNeedMayBeAbsent()
    {
        auto catalog = defaultCatalog();
        catalog[QStringLiteral("User")] =
            QStringList{"id", "name", "email", "emailVerified", "image"};
        AuthSchema schema = AuthSchema::prismaDefaults();
        QVERIFY(schema.reconcile(catalog).ok());
        QVERIFY(!schema.user().field(QStringLiteral("createdAt")));
        QVERIFY(schema.user().field(QStringLiteral("email")));
    }

    void missingRequiredPartsAreNamed()
    {
        auto catalog = defaultCatalog();
        catalog.remove(QStringLiteral("Session"));
        catalog[QStringLiteral("User")].removeAll(QStringLiteral("email"));
        AuthSchema schema = AuthSchema::prismaDefaults();
        const Status status = schema.reconcile(catalog);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), Error::Code::NotAuthJsDatabase);
        QVERIFY(status.error().message().contains(QLatin1String("table \"Session\"")));
        QVERIFY(status.error().message().contains(QLatin1String("column \"User\".\"email\"")));
    }

    void snakeCaseTablesAreRecognisedWithoutASchema()
    {
        auto schema = AuthSchema::fromCatalog(snakeCatalog());
        QVERIFY2(schema.ok(), qPrintable(schema.error().fullText()));
        QVERIFY(!schema->isFromSchema());
        QCOMPARE(schema->user().table, QStringLiteral("users"));
        const AuthModel &session = schema->model(AuthModelKind::Session);
        QCOMPARE(session.column(QStringLiteral("sessionToken")), QStringLiteral("session_token"));
        QCOMPARE(session.keyFields, QStringList{QStringLiteral("id")});
        QVERIFY(!schema->model(AuthModelKind::Authenticator).present);
    }

    void olderLayoutsFollowTheCatalog()
    {
        // `id` keys on Account and Session, Authenticator's owner spelled userId.
        auto catalog = defaultCatalog();
        catalog[QStringLiteral("Account")].prepend(QStringLiteral("id"));
        catalog[QStringLiteral("Session")].prepend(QStringLiteral("id"));
        catalog[QStringLiteral("Authenticator")].replace(1, QStringLiteral("userId"));
        auto schema = AuthSchema::fromCatalog(catalog);
        QVERIFY2(schema.ok(), qPrintable(schema.error().fullText()));
        QCOMPARE(schema->model(AuthModelKind::Account).keyFields,
                 QStringList{QStringLiteral("id")});
        QCOMPARE(schema->model(AuthModelKind::Account).fields.first().name, QStringLiteral("id"));
        QCOMPARE(schema->model(AuthModelKind::Session).keyFields,
                 QStringList{QStringLiteral("id")});
        const AuthModel &authenticator = schema->model(AuthModelKind::Authenticator);
        QCOMPARE(authenticator.column(QStringLiteral("userId")), QStringLiteral("userId"));
        QCOMPARE(authenticator.field(QStringLiteral("userId"))->name, QStringLiteral("userId"));
    }

    void userIDKeepsItsPrismaNameForOutput()
    {
        AuthSchema schema = AuthSchema::prismaDefaults();
        QVERIFY(schema.reconcile(defaultCatalog()).ok());
        const AuthField *owner =
            schema.model(AuthModelKind::Authenticator).field(QStringLiteral("userId"));
        QVERIFY(owner);
        QCOMPARE(owner->name, QStringLiteral("userID")); // the JSON key, as Prisma names it
        QCOMPARE(owner->logicalName(), QStringLiteral("userId"));
    }

    void fromDataModelFollowsMapNames_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("userTable");
        QTest::addColumn<QString>("sessionTokenColumn");
        QTest::addColumn<QStringList>("sessionKey");
        QTest::addColumn<QStringList>("accountKey");
        QTest::addColumn<QStringList>("tokenKey");
        QTest::addColumn<bool>("authenticator");
        QTest::addColumn<QString>("authenticatorOwner"); // the Prisma name of Auth.js's userId
        QTest::newRow("default") << QStringLiteral("authjs-postgres.prisma")
                                 << QStringLiteral("User") << QStringLiteral("sessionToken")
                                 << QStringList{"sessionToken"}
                                 << QStringList{"provider", "providerAccountId"}
                                 << QStringList{"identifier", "token"} << true
                                 << QStringLiteral("userID");
        QTest::newRow("snake_case")
            << QStringLiteral("authjs-postgres-snake.prisma") << QStringLiteral("users")
            << QStringLiteral("session_token") << QStringList{"id"} << QStringList{"id"}
            << QStringList{"identifier", "token"} << false << QString();
        QTest::newRow("modified") << QStringLiteral("authjs-postgres-modified.prisma")
                                  << QStringLiteral("User") << QStringLiteral("sessionToken")
                                  << QStringList{"sessionToken"}
                                  << QStringList{"provider", "providerAccountId"}
                                  << QStringList{"identifier", "token"} << false << QString();
        QTest::newRow("legacy") << QStringLiteral("authjs-postgres-legacy.prisma")
                                << QStringLiteral("User") << QStringLiteral("sessionToken")
                                << QStringList{"id"} << QStringList{"id"} << QStringList{"token"}
                                << true << QStringLiteral("userId");
    }
    void fromDataModelFollowsMapNames()
    {
        QFETCH(QString, file);
        QFETCH(QString, userTable);
        QFETCH(QString, sessionTokenColumn);
        QFETCH(QStringList, sessionKey);
        QFETCH(QStringList, accountKey);
        QFETCH(QStringList, tokenKey);
        QFETCH(bool, authenticator);
        QFETCH(QString, authenticatorOwner);
        auto schema = fromSchemaFile(file);
        QVERIFY2(schema.ok(), qPrintable(schema.error().fullText()));
        QVERIFY(schema->isFromSchema());
        QCOMPARE(schema->user().table, userTable);
        QCOMPARE(schema->model(AuthModelKind::Session).column(QStringLiteral("sessionToken")),
                 sessionTokenColumn);
        QCOMPARE(schema->model(AuthModelKind::Session).keyFields, sessionKey);
        QCOMPARE(schema->model(AuthModelKind::Account).keyFields, accountKey);
        QCOMPARE(schema->model(AuthModelKind::VerificationToken).keyFields, tokenKey);
        QVERIFY(
            schema->model(AuthModelKind::Session).field(QStringLiteral("sessionToken"))->secret);
        QVERIFY(
            schema->model(AuthModelKind::Account).field(QStringLiteral("access_token"))->secret);
        QCOMPARE(schema->model(AuthModelKind::Authenticator).present, authenticator);
        if (authenticator) {
            const AuthModel &a = schema->model(AuthModelKind::Authenticator);
            QCOMPARE(a.field(QStringLiteral("userId"))->name, authenticatorOwner);
            QCOMPARE(a.keyFields,
                     (QStringList{QStringLiteral("userId"), QStringLiteral("credentialID")}));
        }
        // Relation fields are not columns.
        QVERIFY(!fieldNames(schema->user()).contains(QStringLiteral("accounts")));
    }

    void schemaFieldsBeyondAuthJsAreShown()
    {
        auto modified = fromSchemaFile(QStringLiteral("authjs-postgres-modified.prisma"));
        QVERIFY(modified.ok());
        QVERIFY(fieldNames(modified->user()).contains(QStringLiteral("role")));
        auto legacy = fromSchemaFile(QStringLiteral("authjs-postgres-legacy.prisma"));
        QVERIFY(legacy.ok());
        const AuthField *password = legacy->user().field(QStringLiteral("hashedPassword"));
        QVERIFY(password);
        QVERIFY(password->secret);
        QCOMPARE(legacy->user().field(QStringLiteral("role"))->type, FieldType::String); // an enum
    }

    void schemaWithoutAuthJsModelsSaysWhich()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("schema.prisma")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("datasource db {\n  provider = \"postgresql\"\n}\n\nmodel User {\n  id String "
                   "@id\n  email String\n}\n");
        file.close();
        auto source = prisma::SchemaSource::load(file.fileName());
        QVERIFY(source.ok());
        auto schema = AuthSchema::fromDataModel(prisma::DataModel::build(*source));
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().code(), Error::Code::NotAuthJsDatabase);
        QVERIFY2(schema.error().message().contains(QLatin1String("model Session")),
                 qPrintable(schema.error().message()));
        QVERIFY(!schema.error().message().contains(QLatin1String("Authenticator")));
    }

    void multiSchemaModelsKeepTheirSchema()
    {
        auto schema = fromSchemaFile(QStringLiteral("authjs-postgres-multischema.prisma"));
        QVERIFY2(schema.ok(), qPrintable(schema.error().fullText()));
        QCOMPARE(schema->user().schema, QStringLiteral("base"));
        for (AuthModelKind kind : {AuthModelKind::Account, AuthModelKind::Session,
                                   AuthModelKind::VerificationToken, AuthModelKind::Authenticator})
            QCOMPARE(schema->model(kind).schema, QStringLiteral("auth"));
        QCOMPARE(schema->model(AuthModelKind::Session).displayTable(),
                 QStringLiteral("auth.Session"));
        // The default schema file says nothing: the URL's schema applies.
        auto plain = fromSchemaFile(QStringLiteral("authjs-postgres.prisma"));
        QVERIFY(plain.ok());
        QVERIFY(plain->user().schema.isEmpty());
    }

    void multiSchemaReconcilesInEachModelsSchema()
    {
        auto schema = fromSchemaFile(QStringLiteral("authjs-postgres-multischema.prisma"));
        QVERIFY(schema.ok());
        const QHash<QString, QStringList> all = defaultCatalog();

        // The Auth.js tables in the URL's schema do not count for models of other schemas.
        AuthSchema decoyed = *schema;
        const Status status = decoyed.reconcile(AuthCatalog(all, QStringLiteral("public")));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), Error::Code::NotAuthJsDatabase);
        QVERIFY2(status.error().message().contains(
                     QLatin1String("table \"auth\".\"Session\" (model Session)")),
                 qPrintable(status.error().message()));
        QVERIFY(status.error().message().contains(QLatin1String("table \"base\".\"User\"")));

        // Each in its own: found, the Authenticator too.
        AuthCatalog split(QHash<QString, QStringList>(), QStringLiteral("public"));
        split.addNamespace(QStringLiteral("base"), {{QStringLiteral("User"), all.value("User")}});
        QHash<QString, QStringList> auth = all;
        auth.remove(QStringLiteral("User"));
        split.addNamespace(QStringLiteral("auth"), auth);
        AuthSchema found = *schema;
        QVERIFY(found.reconcile(split).ok());
        QVERIFY(found.model(AuthModelKind::Authenticator).present);

        // A model whose @@schema is the URL's own schema is looked up there.
        AuthCatalog own(auth, QStringLiteral("auth"));
        own.addNamespace(QStringLiteral("base"), {{QStringLiteral("User"), all.value("User")}});
        AuthSchema same = *schema;
        QVERIFY(same.reconcile(own).ok());

        // A missing column names its schema.
        auth[QStringLiteral("Session")].removeAll(QStringLiteral("expires"));
        split.addNamespace(QStringLiteral("auth"), auth);
        AuthSchema broken = *schema;
        const Status column = broken.reconcile(split);
        QVERIFY(!column.ok());
        QVERIFY2(column.error().message().contains(
                     QLatin1String("column \"auth\".\"Session\".\"expires\"")),
                 qPrintable(column.error().message()));
    }

    void emptyDatabaseIsNotAuthJs()
    {
        AuthSchema schema = AuthSchema::prismaDefaults();
        const Status status = schema.reconcile({});
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), Error::Code::NotAuthJsDatabase);
    }
};

QTEST_GUILESS_MAIN(TestAuthSchema)
#include "tst_authschema.moc"
