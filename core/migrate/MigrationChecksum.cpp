#include "core/migrate/MigrationChecksum.h"

#include <QCryptographicHash>

namespace gh {

namespace {

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// prisma-engines issue 1887: each byte was once written with `{:x}`, dropping leading zeros.
QString unpaddedHex(const QByteArray &digest)
{
    QString text;
    for (const char byte : digest)
        text += QString::number(quint8(byte), 16);
    return text;
}

} // namespace

QString MigrationChecksum::compute(const QByteArray &script)
{
    return QString::fromLatin1(sha256(script).toHex());
}

bool MigrationChecksum::matches(const QByteArray &script, const QString &stored)
{
    const bool oldRendering = !stored.isEmpty() && stored.size() != Length;
    const QByteArray variants[] = {
        script,
        QByteArray(script).replace("\r\n", "\n"),
        QByteArray(script).replace("\n", "\r\n"),
    };
    for (const QByteArray &variant : variants) {
        const QByteArray digest = sha256(variant);
        const QString rendered =
            oldRendering ? unpaddedHex(digest) : QString::fromLatin1(digest.toHex());
        if (rendered == stored)
            return true;
    }
    return false;
}

} // namespace gh
