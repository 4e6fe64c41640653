#include "core/auth/AuthSchema.h"

#include "core/db/Database.h"
#include "core/prisma/DataModel.h"

#include <QSet>

namespace gh {

QString authModelKindName(AuthModelKind kind)
{
    switch (kind) {
    case AuthModelKind::User:
        return QStringLiteral("User");
    case AuthModelKind::Account:
        return QStringLiteral("Account");
    case AuthModelKind::Session:
        return QStringLiteral("Session");
    case AuthModelKind::VerificationToken:
        return QStringLiteral("VerificationToken");
    case AuthModelKind::Authenticator:
        return QStringLiteral("Authenticator");
    }
    return QString();
}

QString AuthModel::schemaIn(const Database &database) const
{
    if (database.dialect() == SqlDialect::SQLite)
        return QString();
    return schema.isEmpty() ? database.schema() : schema;
}

QString AuthModel::tableIn(const Database &database) const
{
    return qualifiedName(database.dialect(), schemaIn(database), table);
}

namespace {

AuthField field(const char *name, FieldType type = FieldType::String, bool optional = false,
                bool secret = false, const char *column = nullptr)
{
    const QString n = QString::fromLatin1(name);
    return AuthField{n,        column ? QString::fromLatin1(column) : n, type, optional, secret,
                     QString()};
}

AuthModel makeModel(AuthModelKind kind, const char *table, QVector<AuthField> fields,
                    QStringList key)
{
    return AuthModel{kind,
                     authModelKindName(kind),
                     QString::fromLatin1(table),
                     std::move(fields),
                     std::move(key),
                     true,
                     QString()};
}

// Fields Auth.js itself never needs: a schema may leave them out.
bool isAuthJsOptional(const AuthField &f)
{
    static const QSet<QString> extras = {QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
                                         QStringLiteral("id")};
    return f.optional || extras.contains(f.logicalName());
}

} // namespace

AuthSchema AuthSchema::prismaDefaults()
{
    using T = FieldType;
    AuthSchema s;
    s.m_models = {
        makeModel(AuthModelKind::User, "User",
                  {field("id"), field("name", T::String, true), field("email"),
                   field("emailVerified", T::DateTime, true), field("image", T::String, true),
                   field("createdAt", T::DateTime), field("updatedAt", T::DateTime)},
                  {QStringLiteral("id")}),
        makeModel(AuthModelKind::Account, "Account",
                  {field("userId"), field("type"), field("provider"), field("providerAccountId"),
                   field("refresh_token", T::String, true, true),
                   field("access_token", T::String, true, true), field("expires_at", T::Int, true),
                   field("token_type", T::String, true), field("scope", T::String, true),
                   field("id_token", T::String, true, true),
                   field("session_state", T::String, true), field("createdAt", T::DateTime),
                   field("updatedAt", T::DateTime)},
                  {QStringLiteral("provider"), QStringLiteral("providerAccountId")}),
        makeModel(AuthModelKind::Session, "Session",
                  {field("sessionToken", T::String, false, true), field("userId"),
                   field("expires", T::DateTime), field("createdAt", T::DateTime),
                   field("updatedAt", T::DateTime)},
                  {QStringLiteral("sessionToken")}),
        makeModel(AuthModelKind::VerificationToken, "VerificationToken",
                  {field("identifier"), field("token", T::String, false, true),
                   field("expires", T::DateTime)},
                  {QStringLiteral("identifier"), QStringLiteral("token")}),
        makeModel(AuthModelKind::Authenticator, "Authenticator",
                  {field("credentialID"), field("userId"), field("providerAccountId"),
                   field("credentialPublicKey", T::String, false, true), field("counter", T::Int),
                   field("credentialDeviceType"), field("credentialBackedUp", T::Boolean),
                   field("transports", T::String, true)},
                  {QStringLiteral("userId"), QStringLiteral("credentialID")}),
    };
    s.m_fromCatalogGuess = true;
    return s;
}

AuthSchema AuthSchema::snakeCaseDefaults()
{
    using T = FieldType;
    AuthSchema s;
    s.m_models = {
        makeModel(AuthModelKind::User, "users",
                  {field("id"), field("name", T::String, true), field("email", T::String, true),
                   field("emailVerified", T::DateTime, true, false, "email_verified"),
                   field("image", T::String, true)},
                  {QStringLiteral("id")}),
        makeModel(AuthModelKind::Account, "accounts",
                  {field("id"), field("userId", T::String, false, false, "user_id"), field("type"),
                   field("provider"),
                   field("providerAccountId", T::String, false, false, "provider_account_id"),
                   field("refresh_token", T::String, true, true),
                   field("access_token", T::String, true, true), field("expires_at", T::Int, true),
                   field("token_type", T::String, true), field("scope", T::String, true),
                   field("id_token", T::String, true, true),
                   field("session_state", T::String, true)},
                  {QStringLiteral("id")}),
        makeModel(AuthModelKind::Session, "sessions",
                  {field("id"), field("sessionToken", T::String, false, true, "session_token"),
                   field("userId", T::String, false, false, "user_id"),
                   field("expires", T::DateTime)},
                  {QStringLiteral("id")}),
        makeModel(AuthModelKind::VerificationToken, "verification_tokens",
                  {field("identifier"), field("token", T::String, false, true),
                   field("expires", T::DateTime)},
                  {QStringLiteral("identifier"), QStringLiteral("token")}),
        makeModel(AuthModelKind::Authenticator, "authenticators",
                  {field("credentialID", T::String, false, false, "credential_id"),
                   field("userId", T::String, false, false, "user_id"),
                   field("providerAccountId", T::String, false, false, "provider_account_id"),
                   field("credentialPublicKey", T::String, false, true, "credential_public_key"),
                   field("counter", T::Int),
                   field("credentialDeviceType", T::String, false, false, "credential_device_type"),
                   field("credentialBackedUp", T::Boolean, false, false, "credential_backed_up"),
                   field("transports", T::String, true)},
                  {QStringLiteral("userId"), QStringLiteral("credentialID")}),
    };
    s.m_fromCatalogGuess = true;
    return s;
}

Result<AuthSchema> AuthSchema::fromCatalog(const QHash<QString, QStringList> &catalog)
{
    AuthSchema defaults = prismaDefaults();
    const Status status = defaults.reconcile(catalog);
    if (status.ok())
        return defaults;
    // The Auth.js docs' other variant (@@map("users"), @map("user_id"), ...), when its tables
    // are there and the PascalCase ones are not.
    if (!catalog.contains(QStringLiteral("User")) && catalog.contains(QStringLiteral("users"))) {
        AuthSchema snake = snakeCaseDefaults();
        if (snake.reconcile(catalog).ok())
            return snake;
    }
    return status.error();
}

namespace {

// Fields shown masked: the adapter's tokens and keys, and anything a schema adds that is named
// like a secret (a `password` hash, an API key).
bool isSecretField(AuthModelKind kind, const QString &name)
{
    static const QSet<QString> known = {
        QStringLiteral("refresh_token"), QStringLiteral("access_token"), QStringLiteral("id_token"),
        QStringLiteral("sessionToken"), QStringLiteral("credentialPublicKey")};
    if (known.contains(name))
        return true;
    if (kind == AuthModelKind::VerificationToken && name == QLatin1String("token"))
        return true;
    const QString lower = name.toLower();
    return lower.contains(QLatin1String("password")) || lower.contains(QLatin1String("secret")) ||
           lower.endsWith(QLatin1String("token")) || lower.endsWith(QLatin1String("apikey"));
}

std::optional<FieldType> fieldTypeOf(const prisma::ModelField &field)
{
    using Kind = prisma::ResolvedType::Kind;
    if (field.type.kind == Kind::Enum)
        return FieldType::String;
    if (field.type.kind != Kind::Scalar)
        return std::nullopt;
    switch (field.type.scalar) {
    case prisma::ScalarType::Int:
    case prisma::ScalarType::BigInt:
        return FieldType::Int;
    case prisma::ScalarType::Boolean:
        return FieldType::Boolean;
    case prisma::ScalarType::DateTime:
        return FieldType::DateTime;
    case prisma::ScalarType::Bytes:
        return std::nullopt;
    default:
        return FieldType::String;
    }
}

} // namespace

Result<AuthSchema> AuthSchema::fromDataModel(const prisma::DataModel &dataModel)
{
    const AuthSchema defaults = prismaDefaults();
    AuthSchema schema;
    QStringList missing;
    for (const AuthModel &expected : defaults.m_models) {
        AuthModel m = expected;
        const prisma::Model *source = dataModel.model(expected.name);
        if (!source || source->isIgnored || source->isView) {
            m.present = false;
            if (expected.kind != AuthModelKind::Authenticator)
                missing << QStringLiteral("model %1").arg(expected.name);
            schema.m_models << m;
            continue;
        }
        m.table = source->databaseName();
        m.schema = source->schema;
        m.fields.clear();
        for (const prisma::ModelField &f : source->fields) {
            if (f.isRelation() || f.isList() || f.isIgnored)
                continue;
            const auto type = fieldTypeOf(f);
            if (!type)
                continue;
            AuthField field{f.name,
                            f.databaseName(),
                            *type,
                            f.isOptional(),
                            isSecretField(expected.kind, f.name),
                            QString()};
            // Older schemas spell Authenticator's owner `userID`: Auth.js's own name maps to it.
            if (f.name == QLatin1String("userID") && !source->field(QStringLiteral("userId")))
                field.authName = QStringLiteral("userId");
            m.fields << field;
        }
        // Every field Auth.js reads must be there (createdAt and the like are the schema's own).
        for (const AuthField &needed : expected.fields) {
            if (!isAuthJsOptional(needed) && !m.field(needed.name))
                missing << QStringLiteral("field %1.%2").arg(expected.name, needed.name);
        }
        // The key: @id / @@id, else the first unique constraint of required fields.
        auto logical = [&](const QString &name) {
            const AuthField *f = m.field(name);
            return f ? f->logicalName() : name;
        };
        m.keyFields.clear();
        if (source->primaryKey) {
            for (const prisma::IndexField &k : source->primaryKey->fields)
                m.keyFields << logical(k.name);
        } else {
            for (const prisma::Index &index : source->indexes) {
                if (!index.isUnique())
                    continue;
                bool required = true;
                for (const prisma::IndexField &k : index.fields) {
                    const AuthField *f = m.field(k.name);
                    required = required && f && !f->optional;
                }
                if (!required)
                    continue;
                for (const prisma::IndexField &k : index.fields)
                    m.keyFields << logical(k.name);
                break;
            }
        }
        if (m.keyFields.isEmpty())
            missing << QStringLiteral("an @id or required @unique on model %1").arg(expected.name);
        schema.m_models << m;
    }
    if (!missing.isEmpty()) {
        return Error(
            Error::Code::NotAuthJsDatabase,
            QStringLiteral("The schema does not define the Auth.js models: missing %1")
                .arg(missing.join(QStringLiteral(", "))),
            QStringLiteral("Auth.js's Prisma adapter reads the models User, Account, Session "
                           "and VerificationToken (Authenticator is optional)."));
    }
    schema.m_fromCatalogGuess = false;
    return schema;
}

const AuthModel &AuthSchema::model(AuthModelKind kind) const
{
    for (const AuthModel &m : m_models) {
        if (m.kind == kind)
            return m;
    }
    static const AuthModel missing;
    return missing;
}

Status AuthSchema::reconcile(const AuthCatalog &catalog)
{
    // `Session`, or `auth"."Session` for a model in another schema: quoted in the message.
    auto quotedTable = [](const AuthModel &m) {
        return m.schema.isEmpty() ? m.table : m.schema + QStringLiteral("\".\"") + m.table;
    };
    QStringList missing;
    for (AuthModel &m : m_models) {
        if (!m.present)
            continue;
        const QStringList *table = catalog.columns(m.schema, m.table);
        if (!table) {
            if (m.kind == AuthModelKind::Authenticator) {
                m.present = false;
                continue;
            }
            missing << QStringLiteral("table \"%1\" (model %2)").arg(quotedTable(m), m.name);
            continue;
        }
        if (m_fromCatalogGuess) {
            // Older schemas: Authenticator's owner spelled `userID` (the field name Prisma's
            // introspection would give it, so that is what output shows) ...
            for (AuthField &f : m.fields) {
                if (!table->contains(f.column) && f.name == QLatin1String("userId") &&
                    table->contains(QStringLiteral("userID"))) {
                    f.name = f.column = QStringLiteral("userID");
                    f.authName = QStringLiteral("userId");
                }
            }
            // ... and an `id` primary key on Account and Session, which then is the key.
            if ((m.kind == AuthModelKind::Account || m.kind == AuthModelKind::Session) &&
                !m.field(QStringLiteral("id")) && table->contains(QStringLiteral("id"))) {
                m.fields.prepend(field("id"));
                m.keyFields = QStringList{QStringLiteral("id")};
            }
        }
        QVector<AuthField> kept;
        for (const AuthField &f : m.fields) {
            if (table->contains(f.column))
                kept << f;
            else if (!isAuthJsOptional(f) || m.keyFields.contains(f.logicalName()))
                missing << QStringLiteral("column \"%1\".\"%2\" (%3.%4)")
                               .arg(quotedTable(m), f.column, m.name, f.name);
        }
        m.fields = kept;
    }
    if (!missing.isEmpty()) {
        return Error(Error::Code::NotAuthJsDatabase,
                     QStringLiteral("This does not look like an Auth.js database: missing %1")
                         .arg(missing.join(QStringLiteral(", "))),
                     QStringLiteral("Gatehouse expects the tables of the Auth.js Prisma adapter "
                                    "(User, Account, Session, VerificationToken), named as the "
                                    "schema maps them."));
    }
    return success();
}

} // namespace gh
