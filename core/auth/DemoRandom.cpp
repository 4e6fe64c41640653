#include "core/auth/DemoRandom.h"

#include <QUuid>

namespace gh {

quint32 DemoRandom::below(quint32 bound)
{
    Q_ASSERT(bound > 0);
    // Reject the top sliver of the 32-bit range that would favour small results.
    const quint64 range = quint64(1) << 32;
    const quint64 limit = range - range % bound;
    quint64 value = next();
    while (value >= limit)
        value = next();
    return quint32(value % bound);
}

qint64 DemoRandom::between(qint64 low, qint64 high)
{
    Q_ASSERT(low <= high);
    const quint64 span = quint64(high - low) + 1;
    if (span <= 0xffffffffu)
        return low + qint64(below(quint32(span)));
    // Wider than 32 bits (millisecond offsets over years): combine two draws.
    const quint64 wide = (quint64(next()) << 32) | next();
    return low + qint64(wide % span);
}

int DemoRandom::weighted(std::initializer_list<int> weights)
{
    int total = 0;
    for (int w : weights)
        total += w;
    int roll = int(below(quint32(total)));
    int index = 0;
    for (int w : weights) {
        if (roll < w)
            return index;
        roll -= w;
        ++index;
    }
    return index - 1;
}

QByteArray DemoRandom::bytes(int count)
{
    QByteArray result(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        result[i] = char(next() & 0xff);
    return result;
}

QString DemoRandom::fromAlphabet(const QString &alphabet, int count)
{
    QString result;
    result.reserve(count);
    for (int i = 0; i < count; ++i)
        result += alphabet.at(int(below(quint32(alphabet.size()))));
    return result;
}

QString DemoRandom::alphanumeric(int count)
{
    return fromAlphabet(
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), count);
}

QString DemoRandom::base64Url(int byteCount)
{
    return QString::fromLatin1(
        bytes(byteCount).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString DemoRandom::uuid()
{
    QByteArray raw = bytes(16);
    raw[6] = char((raw[6] & 0x0f) | 0x40); // version 4
    raw[8] = char((raw[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(raw).toString(QUuid::WithoutBraces);
}

} // namespace gh
