#pragma once

#include "core/common/Result.h"

#include <QString>

namespace gh {

/// A PKCS#12 client identity (Prisma's `?sslidentity=` and `?sslpassword=`) as the PEM files
/// libpq reads: its `sslcert`, `sslkey` and `sslpassword`.
///
/// The certificate (with any chain) and the key go to a private temporary folder that lives
/// until the process ends. The key is written encrypted with a random passphrase that exists
/// only in this process's memory, so the folder holds no usable key once the process is gone,
/// even after a crash. Files made with OpenSSL 1.x's legacy ciphers (RC2, 3DES) are read too.
struct ClientIdentity
{
    QString certificateFile;
    QString keyFile;
    /// Decrypts keyFile. Sensitive.
    QString keyPassphrase;

    /// Converts `pkcs12File` once per file contents and password; later calls with the same
    /// pair return the same files. Thread-safe.
    /// Errors: FileNotFound / FileUnreadable (the file), ConnectionFailed with a message that
    /// starts "SSL: " (not a PKCS#12 file, a wrong password, no key or no certificate in it).
    static Result<ClientIdentity> fromPkcs12(const QString &pkcs12File, const QString &password);
};

} // namespace gh
