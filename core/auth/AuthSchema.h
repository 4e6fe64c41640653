#pragma once

#include "core/auth/AuthCatalog.h"
#include "core/auth/AuthModel.h"
#include "core/common/Result.h"

#include <QHash>

namespace gh {

namespace prisma {
class DataModel;
}

/// THE one place that maps Auth.js models to tables and columns. Built from the project's
/// Prisma schema (following @@map/@map) or, without one, from Prisma's default names checked
/// against the database's catalog. Nothing else in Gatehouse names an Auth.js table.
class AuthSchema
{
public:
    /// The models exactly as the Auth.js Prisma adapter documents them (PascalCase, no @map).
    static AuthSchema prismaDefaults();
    /// The snake_case variant the Auth.js docs show (@@map("users"), @map("user_id"), an `id`
    /// key on accounts and sessions, no createdAt/updatedAt).
    static AuthSchema snakeCaseDefaults();
    /// Without a schema file: Prisma's defaults reconciled against the catalog, or the
    /// snake_case variant when its tables are the ones there. NotAuthJsDatabase (naming what the
    /// default layout misses) when neither fits.
    static Result<AuthSchema> fromCatalog(const QHash<QString, QStringList> &catalog);
    /// From the project's schema: the models Auth.js's adapter uses (it calls them by these
    /// names: User, Account, Session, VerificationToken and the optional Authenticator) with
    /// their tables and columns after @@map/@map, every scalar field in schema order (extra
    /// fields such as a `role` included; Bytes left out), and the key from @id/@@id, else the
    /// first all-required @unique/@@unique. NotAuthJsDatabase names what the schema lacks.
    /// A model's `@@schema("...")` (multiSchema) is kept as AuthModel::schema: its queries
    /// name that PostgreSQL schema instead of the URL's `?schema=`.
    /// Reconcile the result with the catalog before use.
    static Result<AuthSchema> fromDataModel(const prisma::DataModel &dataModel);

    /// True when built from a schema file rather than guessed from the catalog.
    bool isFromSchema() const { return !m_fromCatalogGuess; }

    const AuthModel &model(AuthModelKind kind) const;
    const AuthModel &user() const { return model(AuthModelKind::User); }
    QVector<AuthModel> models() const { return m_models; }

    /// Checks the mapping against the database catalog (table → columns). A database that is
    /// not an Auth.js database gets Error::Code::NotAuthJsDatabase naming what is missing.
    /// Required: User, Account, Session and VerificationToken; Authenticator is optional and is
    /// marked absent when its table is missing. Fields whose columns are missing are dropped
    /// when optional in Auth.js (createdAt, updatedAt, …) and reported when required.
    /// A guessed mapping (the defaults, no schema file) also follows the catalog for older
    /// layouts: `userID` on Authenticator, an `id` key column on Account and Session.
    /// Each model is looked up in its own namespace (AuthModel::schema, else the database's).
    Status reconcile(const AuthCatalog &catalog);

private:
    QVector<AuthModel> m_models;
    bool m_fromCatalogGuess = false; // not read from a schema file: let the catalog correct it
};

} // namespace gh
