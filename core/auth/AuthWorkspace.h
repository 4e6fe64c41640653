#pragma once

#include "core/auth/AuthQueries.h"
#include "core/auth/AuthSchema.h"
#include "core/common/Result.h"
#include "core/db/Database.h"
#include "core/url/DatabaseUrl.h"

#include <QStringList>

#include <memory>

namespace gh {

struct ProjectOptions;

/// An open connection plus the Auth.js queries over it. Move-only; lives in one thread.
struct AuthConnection
{
    std::unique_ptr<Database> database;
    std::unique_ptr<AuthQueries> queries;
};

/// Everything needed to work with one Auth.js database: where it came from (project, schema
/// files, URL and its source) and the reconciled model-to-table mapping. A plain value: copy it
/// to worker threads, each of which calls `connect()` for a connection of its own.
class AuthWorkspace
{
public:
    /// Resolves the project like Prisma (URL, .env, schema), reads the mapping, connects once to
    /// check that this is an Auth.js database. Does file and network work: never call it on the
    /// GUI thread.
    static Result<AuthWorkspace> open(const ProjectOptions &options);

    /// A new connection with queries, in the calling thread. Read-only when the workspace is.
    Result<AuthConnection> connect() const;

    /// Read-only mode (`gatehouse --read-only`, `gatehouse-cli --read-only`): every connection
    /// made from now on refuses writes with Error::Code::ReadOnly and this reason (see
    /// Database::setReadOnly). Empty = writable.
    void setReadOnly(const QString &reason) { m_readOnlyReason = reason; }
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }

    const DatabaseUrl &url() const { return m_url; }
    const AuthSchema &schema() const { return m_schema; }
    /// Redacted, for display.
    QString displayUrl() const { return m_url.redacted(); }
    QString urlSource() const { return m_urlSource; }
    QString projectDirectory() const { return m_projectDirectory; }
    QStringList schemaFiles() const { return m_schemaFiles; }
    QString serverVersion() const { return m_serverVersion; }

private:
    AuthWorkspace(DatabaseUrl url, AuthSchema schema);

    DatabaseUrl m_url;
    AuthSchema m_schema;
    QString m_urlSource;
    QString m_projectDirectory;
    QStringList m_schemaFiles;
    QString m_serverVersion;
    QString m_readOnlyReason;
};

} // namespace gh
