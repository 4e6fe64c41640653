#include "app/cli/AuditCommand.h"

#include "app/cli/CommonOptions.h"
#include "app/cli/RevokeCommands.h"
#include "core/auth/AuditLog.h"
#include "core/auth/RecordWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gh::cli {

namespace {

void printTable(CliContext &context, const QVector<AuditEntry> &entries)
{
    // The same aligned table as every listing: RecordWriter with one text field per column.
    QVector<AuthField> columns;
    for (const char *name : {"time", "user", "action", "outcome", "rows", "database", "filter"})
        columns << AuthField{
            QString::fromLatin1(name), QString(), FieldType::String, false, false, QString()};
    QVector<QVariantList> rows;
    for (const AuditEntry &e : entries)
        rows << QVariantList{e.time.toString(Qt::ISODate),
                             e.osUser,
                             e.action,
                             AuditEntry::outcomeName(e.outcome),
                             QString::number(e.rows),
                             e.database,
                             e.filterText()};
    RecordWriter writer(context.out, RecordWriter::Format::Table);
    writer.begin(columns);
    writer.write(rows);
    writer.end();
}

} // namespace

int runAuditCommand(CliContext &context, const QStringList &arguments)
{
    if (arguments.value(0) != QLatin1String("list")) {
        context.err << "gatehouse-cli audit: unknown action '" << arguments.value(0)
                    << "' (expected: list)\n";
        return ExitUsage;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print the audit log of revocations (who removed what, where, when, and how it ended)."));
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("The last N entries (default 50, 0 = all)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("table or json (default table)."),
                      QStringLiteral("FORMAT"), QStringLiteral("table")});
    parser.addOption({QStringLiteral("audit-log"),
                      QStringLiteral("The audit log to read (default $GATEHOUSE_AUDIT_LOG, else "
                                     "the user's data folder)."),
                      QStringLiteral("PATH")});
    if (!parseCommand(parser, QStringLiteral("audit list"), arguments.mid(1), context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    const QString format = parser.value(QStringLiteral("format"));
    if (!limitOk || limit < 0 || !parser.positionalArguments().isEmpty() ||
        (format != QLatin1String("table") && format != QLatin1String("json"))) {
        context.err << "gatehouse-cli audit list: expected --limit N (N >= 0) and --format "
                       "table|json\n";
        return ExitUsage;
    }

    const AuditLog log(auditLogPath(parser.value(QStringLiteral("audit-log")), context));
    auto contents = log.read(limit);
    if (!contents) {
        printError(context, contents.error());
        return exitCodeFor(contents.error());
    }
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const AuditEntry &e : contents->entries)
            array << e.toJson();
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        printTable(context, contents->entries);
    }
    if (contents->malformedLines > 0)
        context.err << "gatehouse-cli audit list: skipped " << contents->malformedLines
                    << " malformed line(s) in " << log.path() << "\n";
    context.out.flush();
    return ExitOk;
}

} // namespace gh::cli
