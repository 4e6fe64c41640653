#include "core/auth/AuthSchema.h"

#include <QSet>

namespace gh {

QString authModelKindName(AuthModelKind kind)
{
    switch (kind) {
    case AuthModelKind::User: return QStringLiteral("User");
    case AuthModelKind::Account: return QStringLiteral("Account");
    case AuthModelKind::Session: return QStringLiteral("Session");
    case AuthModelKind::VerificationToken: return QStringLiteral("VerificationToken");
    case AuthModelKind::Authenticator: return QStringLiteral("Authenticator");
    }
    return QString();
}

namespace {

AuthField field(const char *name, FieldType type = FieldType::String, bool optional = false,
                bool secret = false)
{
    const QString n = QString::fromLatin1(name);
    return AuthField{n, n, type, optional, secret};
}

AuthModel makeModel(AuthModelKind kind, QVector<AuthField> fields, QStringList key)
{
    const QString name = authModelKindName(kind);
    return AuthModel{kind, name, name, std::move(fields), std::move(key), true};
}

// Fields Auth.js itself never needs: a schema may leave them out.
bool isAuthJsOptional(const AuthField &f)
{
    static const QSet<QString> extras = {QStringLiteral("createdAt"), QStringLiteral("updatedAt")};
    return f.optional || extras.contains(f.name);
}

} // namespace

AuthSchema AuthSchema::prismaDefaults()
{
    using T = FieldType;
    AuthSchema s;
    s.m_models = {
        makeModel(AuthModelKind::User,
              {field("id"), field("name", T::String, true), field("email"),
               field("emailVerified", T::DateTime, true), field("image", T::String, true),
               field("createdAt", T::DateTime), field("updatedAt", T::DateTime)},
              {QStringLiteral("id")}),
        makeModel(AuthModelKind::Account,
              {field("userId"), field("type"), field("provider"), field("providerAccountId"),
               field("refresh_token", T::String, true, true),
               field("access_token", T::String, true, true), field("expires_at", T::Int, true),
               field("token_type", T::String, true), field("scope", T::String, true),
               field("id_token", T::String, true, true), field("session_state", T::String, true),
               field("createdAt", T::DateTime), field("updatedAt", T::DateTime)},
              {QStringLiteral("provider"), QStringLiteral("providerAccountId")}),
        makeModel(AuthModelKind::Session,
              {field("sessionToken", T::String, false, true), field("userId"),
               field("expires", T::DateTime), field("createdAt", T::DateTime),
               field("updatedAt", T::DateTime)},
              {QStringLiteral("sessionToken")}),
        makeModel(AuthModelKind::VerificationToken,
              {field("identifier"), field("token", T::String, false, true),
               field("expires", T::DateTime)},
              {QStringLiteral("identifier"), QStringLiteral("token")}),
        makeModel(AuthModelKind::Authenticator,
              {field("credentialID"), field("userId"), field("providerAccountId"),
               field("credentialPublicKey", T::String, false, true), field("counter", T::Int),
               field("credentialDeviceType"), field("credentialBackedUp", T::Boolean),
               field("transports", T::String, true)},
              {QStringLiteral("userId"), QStringLiteral("credentialID")}),
    };
    return s;
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

Status AuthSchema::reconcile(const QHash<QString, QStringList> &catalog)
{
    QStringList missing;
    for (AuthModel &m : m_models) {
        if (!m.present)
            continue;
        const auto table = catalog.constFind(m.table);
        if (table == catalog.constEnd()) {
            if (m.kind == AuthModelKind::Authenticator) {
                m.present = false;
                continue;
            }
            missing << QStringLiteral("table \"%1\" (model %2)").arg(m.table, m.name);
            continue;
        }
        // Older Authenticator schemas spell the owner `userID`; follow the database.
        for (AuthField &f : m.fields) {
            if (!table->contains(f.column) && f.name == QLatin1String("userId")
                && table->contains(QStringLiteral("userID"))) {
                f.column = QStringLiteral("userID");
            }
        }
        QVector<AuthField> kept;
        for (const AuthField &f : m.fields) {
            if (table->contains(f.column))
                kept << f;
            else if (!isAuthJsOptional(f))
                missing << QStringLiteral("column \"%1\".\"%2\" (%3.%4)").arg(m.table, f.column, m.name, f.name);
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
