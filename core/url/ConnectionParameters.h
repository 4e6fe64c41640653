#pragma once

#include "core/common/Result.h"
#include "core/url/DatabaseUrl.h"

#include <QList>
#include <QPair>
#include <QString>

namespace gh {

/// The parts of a database URL as a form shows them, and back: what the connection dialog keeps
/// in sync with the URL text. Values are kept as written (relative certificate paths stay
/// relative, an absent port stays absent), so URL → parameters → URL gives the same URL up to
/// the order of its query parameters. Validation is DatabaseUrl::parse's job.
struct ConnectionParameters
{
    DatabaseUrl::Provider provider = DatabaseUrl::Provider::PostgreSQL;
    /// "postgresql" or "postgres" (kept as the URL wrote it).
    QString scheme = QStringLiteral("postgresql");
    QString host;
    /// 0: not written (5432).
    int port = 0;
    QString database;
    QString user;
    /// Sensitive.
    QString password;
    /// `?schema=`; empty: not written (public).
    QString schema;
    /// `?sslmode=` as written; empty: not written (prefer).
    QString sslMode;
    /// Prisma's `?sslcert=`: the CA certificate that signs the server's (libpq's sslrootcert).
    QString sslRootCert;
    /// `?sslclientcert=` / `?sslclientkey=`: a PEM client certificate and key (Gatehouse's own).
    QString sslClientCert;
    QString sslClientKey;
    /// Prisma's `?sslidentity=` / `?sslpassword=`: a PKCS#12 client identity and its password
    /// (sensitive).
    QString sslIdentity;
    QString sslIdentityPassword;
    /// SQLite: the path after `file:` as written ("./dev.db").
    QString sqliteFile;
    /// Every other query parameter (pgbouncer, connect_timeout, sslaccept...), decoded, in order.
    QList<QPair<QString, QString>> otherParameters;

    /// Splits a URL into parameters. Errors: those of DatabaseUrl::parse (the URL is checked
    /// first, so nothing invalid reaches a form).
    static Result<ConnectionParameters> fromUrl(const QString &url);

    /// The URL these parameters make, every part percent-encoded. Sensitive: it holds the
    /// password; display toDisplayUrl() instead.
    QString toUrl() const;
    /// toUrl() with the password redacted by the one redaction function.
    QString toDisplayUrl() const;
    /// toUrl() without the password, the identity's password and any `password`-like query
    /// parameter: what a settings file may keep.
    QString toUrlWithoutPassword() const;
};

} // namespace gh
