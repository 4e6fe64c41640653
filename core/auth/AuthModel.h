#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace gh {

class Database;

/// The scalar types Auth.js models use, as Prisma names them. Other Prisma scalars a schema may
/// add to a model (enums, BigInt, Float, Decimal, Json) are shown as String; Bytes is left out.
enum class FieldType { String, Int, Boolean, DateTime };

/// One scalar field of an Auth.js model: its Prisma name and the column it is stored in.
struct AuthField
{
    QString name;   // Prisma field name, e.g. "sessionToken" or "userID" — the key in JSON output
    QString column; // database column after @map, e.g. "session_token"
    FieldType type = FieldType::String;
    bool optional = false;
    /// Tokens and keys: masked unless the user asks to see them.
    bool secret = false;
    /// The name Auth.js's adapter uses for the field when the schema spells it differently
    /// (older schemas name Authenticator's owner `userID`); empty = `name`. Gatehouse's own code
    /// looks fields up by this name, output shows `name`.
    QString authName;

    const QString &logicalName() const { return authName.isEmpty() ? name : authName; }
};

/// The five models Auth.js's Prisma adapter reads and writes.
enum class AuthModelKind { User, Account, Session, VerificationToken, Authenticator };

/// One Auth.js model resolved to a table: its Prisma name, its table after @@map, its scalar
/// fields in schema order, and the fields of its primary key (or the unique key used to page).
struct AuthModel
{
    AuthModelKind kind = AuthModelKind::User;
    QString name;  // "User"
    QString table; // "User" or "users"
    QVector<AuthField> fields;
    QStringList keyFields; // logical (Auth.js) field names, never null
    bool present = false;  // false when the schema has no such model (Authenticator is optional)
    /// The PostgreSQL schema (namespace) the table lives in from `@@schema("auth")` (Prisma's
    /// multiSchema); empty = the database's own, the URL's `?schema=`.
    QString schema;

    /// The namespace of the table in `database`: schema, else Database::schema(). Empty on SQLite.
    QString schemaIn(const Database &database) const;
    /// The table as SQL on `database` names it: qualified by schemaIn() and quoted by core/db's
    /// one quoting function. Every Auth.js query names its table through this.
    QString tableIn(const Database &database) const;
    /// "Session", or "auth.Session" when the model names a schema: for messages.
    QString displayTable() const
    {
        return schema.isEmpty() ? table : schema + QLatin1Char('.') + table;
    }

    /// The field Auth.js calls `fieldName` (or, failing that, the schema does).
    const AuthField *field(const QString &fieldName) const
    {
        for (const AuthField &f : fields) {
            if (f.logicalName() == fieldName)
                return &f;
        }
        for (const AuthField &f : fields) {
            if (f.name == fieldName)
                return &f;
        }
        return nullptr;
    }
    QString column(const QString &fieldName) const
    {
        const AuthField *f = field(fieldName);
        return f ? f->column : QString();
    }
};

QString authModelKindName(AuthModelKind kind);

} // namespace gh
