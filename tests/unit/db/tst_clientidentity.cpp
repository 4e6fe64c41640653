// Prisma's PKCS#12 client identity (`?sslidentity=`) as the PEM files libpq reads. The
// fixtures in tests/data/db/identity say how they were made; tst_sslconnection logs in with one.

#include "core/db/ClientIdentity.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using gh::ClientIdentity;
using gh::Error;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/db/identity/") + QLatin1String(name);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The PEM certificates in `pem`, in order, as their DER bytes.
QList<QByteArray> certificates(const QByteArray &pem)
{
    QList<QByteArray> found;
    const std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    while (X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        unsigned char *der = nullptr;
        const int size = i2d_X509(certificate, &der);
        found << QByteArray(reinterpret_cast<const char *>(der), size);
        OPENSSL_free(der);
        X509_free(certificate);
    }
    return found;
}

// Decrypts the key file with `passphrase` (as libpq does with its sslpassword) and checks that
// it is the certificate's key.
bool keyMatchesCertificate(const ClientIdentity &identity, const QByteArray &passphrase)
{
    const QByteArray keyPem = readAll(identity.keyFile);
    const QByteArray certificatePem = readAll(identity.certificateFile);
    const std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(
        BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), &BIO_free);
    const std::unique_ptr<BIO, decltype(&BIO_free)> certificateBio(
        BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())), &BIO_free);
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr,
                                const_cast<char *>(passphrase.constData())),
        &EVP_PKEY_free);
    const std::unique_ptr<X509, decltype(&X509_free)> certificate(
        PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr), &X509_free);
    return key && certificate && X509_check_private_key(certificate.get(), key.get()) == 1;
}

} // namespace

class TestClientIdentity : public QObject
{
    Q_OBJECT

private slots:
    void convertsToPemFilesLibpqAccepts_data();
    void convertsToPemFilesLibpqAccepts();
    void keyIsEncryptedAndOwnerOnly();
    void convertsOncePerFileAndPassword();
    void badIdentitiesAreSslErrorsThatSaySo_data();
    void badIdentitiesAreSslErrorsThatSaySo();
};

void TestClientIdentity::convertsToPemFilesLibpqAccepts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("withChain");
    QTest::newRow("AES-256, with its CA (OpenSSL 3)")
        << fixture("client.p12") << QStringLiteral("hunter22") << true;
    QTest::newRow("RC2-40 and 3DES (OpenSSL 1.x, legacy)")
        << fixture("client-legacy.p12") << QStringLiteral("hunter22") << false;
    QTest::newRow("no password") << fixture("client-nopassword.p12") << QString() << false;
}

void TestClientIdentity::convertsToPemFilesLibpqAccepts()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QFETCH(bool, withChain);

    const auto identity = ClientIdentity::fromPkcs12(file, password);
    QVERIFY2(identity, qPrintable(identity.error().fullText()));
    const QList<QByteArray> written = certificates(readAll(identity->certificateFile));
    QVERIFY(!written.isEmpty());
    // The leaf first: libpq presents the file's first certificate as the client's.
    QCOMPARE(written.first(), certificates(readAll(fixture("client.crt"))).value(0));
    if (withChain)
        QCOMPARE(written.value(1), certificates(readAll(fixture("ca.crt"))).value(0));
    else
        QCOMPARE(written.size(), 1);
    QVERIFY(keyMatchesCertificate(*identity, identity->keyPassphrase.toLatin1()));
}

void TestClientIdentity::keyIsEncryptedAndOwnerOnly()
{
    const auto identity =
        ClientIdentity::fromPkcs12(fixture("client.p12"), QStringLiteral("hunter22"));
    QVERIFY2(identity, qPrintable(identity.error().fullText()));
    const QByteArray key = readAll(identity->keyFile);
    QVERIFY2(key.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), key.left(40).constData());
    QVERIFY(identity->keyPassphrase.size() >= 32);
    QVERIFY(!keyMatchesCertificate(*identity, QByteArrayLiteral("hunter22")));

    // libpq refuses a key file that group or others may read.
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                        QFileDevice::WriteOther;
    for (const QString &path : {identity->keyFile, identity->certificateFile}) {
        const QFileInfo info(path);
        QVERIFY((info.permissions() & owner) == owner);
        QVERIFY2(!(info.permissions() & others), qPrintable(path));
    }
    const QFileInfo folder(QFileInfo(identity->keyFile).absolutePath());
    QVERIFY(!(folder.permissions() & (QFileDevice::ReadOther | QFileDevice::ExeOther |
                                      QFileDevice::ReadGroup | QFileDevice::ExeGroup)));
}

void TestClientIdentity::convertsOncePerFileAndPassword()
{
    const auto first =
        ClientIdentity::fromPkcs12(fixture("client.p12"), QStringLiteral("hunter22"));
    const auto again =
        ClientIdentity::fromPkcs12(fixture("client.p12"), QStringLiteral("hunter22"));
    const auto other =
        ClientIdentity::fromPkcs12(fixture("client-legacy.p12"), QStringLiteral("hunter22"));
    QVERIFY(first && again && other);
    QCOMPARE(again->keyFile, first->keyFile);
    QCOMPARE(again->keyPassphrase, first->keyPassphrase);
    QVERIFY(other->keyFile != first->keyFile);
    QVERIFY(other->keyPassphrase != first->keyPassphrase);
}

void TestClientIdentity::badIdentitiesAreSslErrorsThatSaySo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("says");
    const auto connection = Error::Code::ConnectionFailed;
    QTest::newRow("wrong password")
        << fixture("client.p12") << QStringLiteral("hunter2") << connection
        << QStringLiteral("(sslpassword) of the client "
                          "identity");
    QTest::newRow("password missing")
        << fixture("client.p12") << QString() << connection << QStringLiteral("is wrong");
    QTest::newRow("not PKCS#12") << fixture("not-pkcs12.p12") << QString() << connection
                                 << QStringLiteral("is not a PKCS#12 file");
    QTest::newRow("no key") << fixture("certificate-only.p12") << QStringLiteral("hunter22")
                            << connection << QStringLiteral("holds no private key");
    QTest::newRow("missing file") << fixture("nowhere.p12") << QString()
                                  << Error::Code::FileNotFound << QStringLiteral("does not exist");
}

void TestClientIdentity::badIdentitiesAreSslErrorsThatSaySo()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QFETCH(Error::Code, code);
    QFETCH(QString, says);

    const auto identity = ClientIdentity::fromPkcs12(file, password);
    QVERIFY(!identity);
    QCOMPARE(identity.error().code(), code);
    const QString message = identity.error().message();
    QVERIFY2(message.startsWith(QLatin1String("SSL: ")), qPrintable(message));
    QVERIFY2(message.contains(says), qPrintable(message));
    QVERIFY2(message.contains(QFileInfo(file).fileName()), qPrintable(message));
    QVERIFY(!identity.error().fullText().contains(QLatin1String("hunter2")));
}

QTEST_GUILESS_MAIN(TestClientIdentity)
#include "tst_clientidentity.moc"
