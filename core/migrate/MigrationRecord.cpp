#include "core/migrate/MigrationRecord.h"

namespace gh {

QString MigrationRecord::startedAtText() const
{
    qint64 seconds = startedAtMicros / 1000000;
    qint64 micros = startedAtMicros % 1000000;
    if (micros < 0) {
        micros += 1000000;
        seconds -= 1;
    }
    QString text = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
                       .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (micros % 1000 == 0 && micros != 0)
        text += QStringLiteral(".%1").arg(micros / 1000, 3, 10, QLatin1Char('0'));
    else if (micros != 0)
        text += QStringLiteral(".%1").arg(micros, 6, 10, QLatin1Char('0'));
    return text + QStringLiteral(" UTC");
}

} // namespace gh
