#include "core/auth/AuthSchema.h"

#include <QtTest>

using namespace gh;

namespace {

QHash<QString, QStringList> defaultCatalog()
{
    return {
        {QStringLiteral("User"), {"id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"}},
        {QStringLiteral("Account"), {"userId", "type", "provider", "providerAccountId", "refresh_token",
                                     "access_token", "expires_at", "token_type", "scope", "id_token",
                                     "session_state", "createdAt", "updatedAt"}},
        {QStringLiteral("Session"), {"sessionToken", "userId", "expires", "createdAt", "updatedAt"}},
        {QStringLiteral("VerificationToken"), {"identifier", "token", "expires"}},
        {QStringLiteral("Authenticator"), {"credentialID", "userID", "providerAccountId", "credentialPublicKey",
                                           "counter", "credentialDeviceType", "credentialBackedUp", "transports"}},
    };
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
        QCOMPARE(schema.model(AuthModelKind::Authenticator).column(QStringLiteral("userId")), QStringLiteral("userID"));
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
        catalog[QStringLiteral("User")] = QStringList{"id", "name", "email", "emailVerified", "image"};
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
