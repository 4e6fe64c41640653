#include "core/db/ClientIdentity.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <map>
#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

namespace gh {

namespace {

struct OpenSslFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
    void operator()(PKCS12 *p12) const { PKCS12_free(p12); }
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(X509 *certificate) const { X509_free(certificate); }
    void operator()(STACK_OF(X509) * chain) const { sk_X509_pop_free(chain, X509_free); }
};
template <typename T> using Owned = std::unique_ptr<T, OpenSslFree>;

Error sslError(const QString &message, const QString &detail = QString())
{
    return Error(Error::Code::ConnectionFailed, QStringLiteral("SSL: ") + message, detail);
}

// OpenSSL's queued errors as one line, and the queue emptied.
QString openSslErrors()
{
    QStringList lines;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        lines << QString::fromLatin1(text);
    }
    return lines.join(QLatin1String("; "));
}

// OpenSSL 3 reads the RC2 and 3DES that OpenSSL 1.x wrote into PKCS#12 files only through its
// legacy provider. It goes into a library context of its own, made the current thread's
// default only while a file is read, so libpq's TLS never sees it. Never freed: OpenSSL's exit
// handler releases it.
class LegacyScope
{
public:
    LegacyScope()
    {
        static OSSL_LIB_CTX *const context = [] {
            OSSL_LIB_CTX *made = OSSL_LIB_CTX_new();
            if (made) {
                OSSL_PROVIDER_load(made, "default");
                OSSL_PROVIDER_load(made, "legacy"); // may be missing: modern files still read
            }
            return made;
        }();
        m_previous = context ? OSSL_LIB_CTX_set0_default(context) : nullptr;
    }
    ~LegacyScope()
    {
        if (m_previous)
            OSSL_LIB_CTX_set0_default(m_previous);
    }
    LegacyScope(const LegacyScope &) = delete;
    LegacyScope &operator=(const LegacyScope &) = delete;

private:
    OSSL_LIB_CTX *m_previous = nullptr;
};

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

// Created owner-only before a byte is written: libpq refuses a key others can read.
bool writePrivateFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    return file.write(bytes) == bytes.size() && file.flush();
}

struct Converted
{
    std::unique_ptr<QTemporaryDir> folder;
    ClientIdentity identity;
};

Result<Converted> convert(const QByteArray &der, const QString &password, const QString &path)
{
    ERR_clear_error();
    const QString name = QDir::toNativeSeparators(path);
    Owned<EVP_PKEY> key;
    Owned<X509> certificate;
    Owned<STACK_OF(X509)> chain;
    {
        LegacyScope legacy;
        const Owned<BIO> in(BIO_new_mem_buf(der.constData(), int(der.size())));
        const Owned<PKCS12> p12(in ? d2i_PKCS12_bio(in.get(), nullptr) : nullptr);
        if (!p12)
            return sslError(QStringLiteral("the client identity (sslidentity) '%1' is not a "
                                           "PKCS#12 file (.p12 or .pfx)")
                                .arg(name),
                            openSslErrors());
        EVP_PKEY *parsedKey = nullptr;
        X509 *parsedCertificate = nullptr;
        STACK_OF(X509) *parsedChain = nullptr;
        const QByteArray secret = password.toUtf8();
        const bool parsed = PKCS12_parse(p12.get(), secret.constData(), &parsedKey,
                                         &parsedCertificate, &parsedChain) == 1;
        key.reset(parsedKey);
        certificate.reset(parsedCertificate);
        chain.reset(parsedChain);
        if (!parsed) {
            const bool wrongPassword =
                ERR_GET_REASON(ERR_peek_last_error()) == PKCS12_R_MAC_VERIFY_FAILURE;
            const QString detail = openSslErrors();
            if (wrongPassword)
                return sslError(QStringLiteral("the password (sslpassword) of the client "
                                               "identity '%1' is wrong")
                                    .arg(name),
                                detail);
            return sslError(
                QStringLiteral("the client identity (sslidentity) '%1' cannot be read").arg(name),
                detail);
        }
    }
    if (!key)
        return sslError(
            QStringLiteral("the client identity (sslidentity) '%1' holds no private key")
                .arg(name));
    if (!certificate)
        return sslError(
            QStringLiteral("the client identity (sslidentity) '%1' holds no certificate")
                .arg(name));

    // The leaf first, then the chain it came with: libpq sends the file's certificates in order.
    const Owned<BIO> certificates(BIO_new(BIO_s_mem()));
    bool written = certificates && PEM_write_bio_X509(certificates.get(), certificate.get());
    for (int i = 0; written && chain && i < sk_X509_num(chain.get()); ++i)
        written = PEM_write_bio_X509(certificates.get(), sk_X509_value(chain.get(), i));

    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    const QByteArray passphrase = random.toHex();
    const Owned<BIO> privateKey(BIO_new(BIO_s_mem()));
    written = written && privateKey &&
              PEM_write_bio_PKCS8PrivateKey(privateKey.get(), key.get(), EVP_aes_256_cbc(),
                                            passphrase.constData(), int(passphrase.size()), nullptr,
                                            nullptr);
    if (!written)
        return sslError(QStringLiteral("the client identity '%1' could not be converted for "
                                       "libpq")
                            .arg(name),
                        openSslErrors());

    Converted converted;
    converted.folder = std::make_unique<QTemporaryDir>(
        QDir::tempPath() + QStringLiteral("/gatehouse-identity-XXXXXX"));
    const QString folder = converted.folder->path();
    converted.identity.certificateFile = folder + QStringLiteral("/client.crt");
    converted.identity.keyFile = folder + QStringLiteral("/client.key");
    converted.identity.keyPassphrase = QString::fromLatin1(passphrase);
    if (!converted.folder->isValid() ||
        !writePrivateFile(converted.identity.certificateFile, bioBytes(certificates.get())) ||
        !writePrivateFile(converted.identity.keyFile, bioBytes(privateKey.get())))
        return Error(Error::Code::FileUnwritable,
                     QStringLiteral("SSL: the client identity '%1' could not be written to a "
                                    "temporary folder for libpq")
                         .arg(name),
                     converted.folder->errorString());
    return Result<Converted>(std::move(converted));
}

} // namespace

Result<ClientIdentity> ClientIdentity::fromPkcs12(const QString &pkcs12File,
                                                  const QString &password)
{
    QFile file(pkcs12File);
    if (!file.open(QIODevice::ReadOnly)) {
        const bool exists = QFileInfo::exists(pkcs12File);
        return Error(
            exists ? Error::Code::FileUnreadable : Error::Code::FileNotFound,
            QStringLiteral("SSL: the client identity (sslidentity) '%1' %2")
                .arg(QDir::toNativeSeparators(pkcs12File),
                     exists ? QStringLiteral("cannot be read") : QStringLiteral("does not exist")),
            file.errorString());
    }
    const QByteArray der = file.readAll();

    // Keyed by what the files are made from, so a replaced file or a new password converts
    // again. The folders go when the process ends.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(password.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(der);
    const QByteArray key = hash.result();

    static QMutex mutex;
    static std::map<QByteArray, Converted> converted;
    const QMutexLocker locker(&mutex);
    if (const auto found = converted.find(key); found != converted.end())
        return found->second.identity;
    auto made = convert(der, password, pkcs12File);
    if (!made)
        return made.error();
    const ClientIdentity identity = made->identity;
    converted.emplace(key, std::move(*made));
    return identity;
}

} // namespace gh
