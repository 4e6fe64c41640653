#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <initializer_list>
#include <random>

namespace gh {

/// The demo data's random source: the same seed gives the same values on every platform.
/// std::mt19937's output is fixed by the standard, but the std distributions are not, so every
/// number here is derived from the raw 32-bit output by hand.
class DemoRandom
{
public:
    explicit DemoRandom(quint32 seed)
        : m_engine(seed)
    {}

    quint32 next() { return quint32(m_engine()); }
    /// Uniform in [0, bound), without modulo bias. bound must be at least 1.
    quint32 below(quint32 bound);
    /// Uniform in [low, high], both inclusive.
    qint64 between(qint64 low, qint64 high);
    /// True with the given probability in percent.
    bool percent(int chance) { return below(100) < quint32(chance); }
    const QString &pick(const QStringList &values)
    {
        return values.at(int(below(quint32(values.size()))));
    }
    /// Picks an index with probability proportional to its weight.
    int weighted(std::initializer_list<int> weights);

    QByteArray bytes(int count);
    /// `count` characters drawn from `alphabet`.
    QString fromAlphabet(const QString &alphabet, int count);
    QString digits(int count) { return fromAlphabet(QStringLiteral("0123456789"), count); }
    QString hex(int count) { return fromAlphabet(QStringLiteral("0123456789abcdef"), count); }
    QString alphanumeric(int count);
    /// base64url without padding of `byteCount` random bytes, as WebAuthn and JWTs encode them.
    QString base64Url(int byteCount);
    /// A version 4 UUID in its canonical text form, like crypto.randomUUID().
    QString uuid();

private:
    std::mt19937 m_engine;
};

} // namespace gh
