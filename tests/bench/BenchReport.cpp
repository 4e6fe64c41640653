#include "tests/bench/BenchReport.h"

#include <cstdio>
#include <sys/resource.h>

namespace gh::bench {

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

QString ms(double value)
{
    return value >= 100 ? QStringLiteral("%1 ms").arg(value, 0, 'f', 0)
                        : QStringLiteral("%1 ms").arg(value, 0, 'f', 2);
}

void row(const QString &what, const QString &ours, const QString &baselineName,
         const QString &baseline, const QString &ratio, const QString &goal)
{
    say(QStringLiteral("%1 %2 %3 %4 %5 %6")
            .arg(what.leftJustified(44), ours.rightJustified(11), baselineName.leftJustified(34),
                 baseline.rightJustified(11), ratio.rightJustified(9), goal));
}

QString ratio(double ours, double baseline)
{
    return baseline > 0 ? QStringLiteral("%1x").arg(ours / baseline, 0, 'f', 2)
                        : QStringLiteral("-");
}

qint64 peakRssKb()
{
    if (std::FILE *status = std::fopen("/proc/self/status", "r")) {
        char line[256];
        long long kb = -1;
        while (std::fgets(line, sizeof line, status)) {
            if (std::sscanf(line, "VmHWM: %lld kB", &kb) == 1)
                break;
        }
        std::fclose(status);
        if (kb >= 0)
            return kb;
    }
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

} // namespace gh::bench
