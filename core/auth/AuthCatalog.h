#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace gh {

class AuthSchema;
class Database;

/// The tables and columns of a database that the Auth.js mapping is checked against: the
/// database's own namespace (the URL's `?schema=`, SQLite's only one) and, when the schema file
/// puts models elsewhere with `@@schema("...")` (Prisma's multiSchema), those PostgreSQL
/// schemas too.
class AuthCatalog
{
public:
    AuthCatalog() = default;
    /// The database's own tables (table → columns, as Database::tableColumns() gives them).
    /// Implicit: a plain table map is a catalog of one namespace.
    AuthCatalog(QHash<QString, QStringList> tables, QString databaseSchema = QString());

    /// Database::tableColumns() plus the other namespaces `schema`'s models name.
    static Result<AuthCatalog> load(Database &database, const AuthSchema &schema);
    /// Reads the namespaces `schema`'s models name that are not read yet. SQLite has no schemas:
    /// a model with `@@schema` is Error::Code::SchemaInvalid there, as Prisma's validator says.
    Status loadNamespacesOf(Database &database, const AuthSchema &schema);

    /// Sets the tables of another namespace (what loadNamespacesOf() reads).
    void addNamespace(const QString &schema, QHash<QString, QStringList> tables);

    /// The columns of `table` in the namespace `schema` (empty: the database's own), or nullptr
    /// when there is no such table.
    const QStringList *columns(const QString &schema, const QString &table) const;
    /// The database's own tables.
    const QHash<QString, QStringList> &tables() const { return m_tables; }

private:
    bool isOwn(const QString &schema) const
    {
        return schema.isEmpty() || schema == m_databaseSchema;
    }

    QString m_databaseSchema;
    QHash<QString, QStringList> m_tables;
    QHash<QString, QHash<QString, QStringList>> m_namespaces; // other schemas, read on demand
};

} // namespace gh
