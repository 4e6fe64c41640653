#include "app/cli/UsersCommand.h"

#include "app/cli/CommonOptions.h"
#include "app/cli/RecordListing.h"
#include "app/cli/RevokeCommands.h"
#include "core/auth/AuthWorkspace.h"
#include "core/auth/RecordWriter.h"

#include <QDateTime>

namespace gh::cli {

namespace {

constexpr int kRelatedLimit = 200;

QString render(const RecordPage &page, RecordWriter::Format format, RecordWriter::Secrets secrets)
{
    QString text;
    QTextStream out(&text);
    RecordWriter writer(out, format, secrets);
    writer.begin(page.fields);
    writer.write(page.rows);
    writer.end();
    return text.trimmed();
}

/// "expires in 3 days" / "expired 2 hours ago", for a session or token in the table output.
QString expiryText(const QDateTime &expires, const QDateTime &now)
{
    if (!expires.isValid())
        return QString();
    const qint64 seconds = now.secsTo(expires);
    const qint64 magnitude = qAbs(seconds);
    QString span;
    if (magnitude >= 2 * 86400)
        span = QStringLiteral("%1 days").arg(magnitude / 86400);
    else if (magnitude >= 2 * 3600)
        span = QStringLiteral("%1 hours").arg(magnitude / 3600);
    else
        span = QStringLiteral("%1 minutes").arg(magnitude / 60);
    return seconds >= 0 ? QStringLiteral("expires in ") + span
                        : QStringLiteral("expired ") + span + QStringLiteral(" ago");
}

/// The page with a "status" column after `expires` (table output only).
RecordPage withExpiryStatus(RecordPage page, const QDateTime &now)
{
    const int expires = page.fieldIndex(QStringLiteral("expires"));
    if (expires < 0)
        return page;
    page.fields.insert(expires + 1, AuthField{QStringLiteral("status"), QString(),
                                              FieldType::String, true, false, QString()});
    RecordRows rows;
    rows.reserve(page.rows.size());
    for (int r = 0; r < page.rows.size(); ++r) {
        QVariantList row = page.rows.at(r);
        row.insert(expires + 1, expiryText(row.at(expires).toDateTime(), now));
        rows.append(std::move(row), page.position(r));
    }
    page.rows = std::move(rows);
    return page;
}

void printSection(CliContext &context, const QString &title, const RecordPage &page,
                  RecordWriter::Secrets secrets)
{
    context.out << "\n" << title << " (" << page.rows.size() << (page.atEnd ? "" : "+") << ")\n";
    if (!page.rows.isEmpty())
        context.out << render(page, RecordWriter::Format::Table, secrets) << "\n";
}

int showUser(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show everything about one user: profile, accounts, "
                       "sessions, authenticators and verification tokens."));
    addProjectOptions(parser);
    parser.addPositionalArgument(QStringLiteral("user"), QStringLiteral("The user's id or email."),
                                 QStringLiteral("ID|EMAIL"));
    parser.addOption({QStringLiteral("format"), QStringLiteral("table or json (default table)."),
                      QStringLiteral("FORMAT"), QStringLiteral("table")});
    parser.addOption({QStringLiteral("reveal-secrets"),
                      QStringLiteral("Print tokens and keys in full (masked by default).")});
    if (!parseCommand(parser, QStringLiteral("users show"), arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err << "gatehouse-cli users show: expected one user id or email\n";
        return ExitUsage;
    }
    RecordWriter::Format format;
    if (!RecordWriter::parseFormat(parser.value(QStringLiteral("format")), &format) ||
        format == RecordWriter::Format::Csv) {
        context.err << "gatehouse-cli users show: --format must be table or json\n";
        return ExitUsage;
    }
    const auto secrets = parser.isSet(QStringLiteral("reveal-secrets"))
                             ? RecordWriter::Secrets::Revealed
                             : RecordWriter::Secrets::Masked;

    OpenedProject project = openProject(context, parser);
    if (!project.ok())
        return project.exitCode;
    auto picture = project.connection.queries->userPicture(parser.positionalArguments().first(),
                                                           kRelatedLimit);
    if (!picture)
        return failWith(context, picture.error());

    if (format == RecordWriter::Format::Json) {
        // One object; each part rendered by RecordWriter so keys keep the schema's order.
        QString user = render(picture->user, format, secrets);
        user = user.mid(1, user.size() - 2).trimmed(); // the only element of a one-row array
        context.out << "{\n\"user\": " << user
                    << ",\n\"accounts\": " << render(picture->accounts, format, secrets)
                    << ",\n\"sessions\": " << render(picture->sessions, format, secrets);
        if (picture->hasAuthenticatorModel)
            context.out << ",\n\"authenticators\": "
                        << render(picture->authenticators, format, secrets);
        context.out << ",\n\"verificationTokens\": "
                    << render(picture->verificationTokens, format, secrets) << "\n}\n";
        context.out.flush();
        return ExitOk;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    context.out << "User\n";
    const RecordPage &user = picture->user;
    int width = 0;
    for (const AuthField &f : user.fields)
        width = qMax(width, int(f.name.size()));
    for (int c = 0; c < user.fields.size(); ++c)
        context.out << "  " << user.fields.at(c).name.leftJustified(width) << "  "
                    << RecordWriter::displayText(user.value(0, c), user.fields.at(c), secrets)
                    << "\n";
    printSection(context, QStringLiteral("Accounts"), picture->accounts, secrets);
    printSection(context, QStringLiteral("Sessions, newest expiry first"),
                 withExpiryStatus(picture->sessions, now), secrets);
    if (picture->hasAuthenticatorModel)
        printSection(context, QStringLiteral("Authenticators"), picture->authenticators, secrets);
    printSection(context, QStringLiteral("Verification tokens for %1").arg(picture->email()),
                 withExpiryStatus(picture->verificationTokens, now), secrets);
    if (picture->credentialsOnly())
        context.out
            << "\nNote: every account of this user uses the Credentials provider. Auth.js signs "
               "them in with JWT cookies, which no Session row controls.\n";
    context.out.flush();
    return ExitOk;
}

} // namespace

int runUsersCommand(CliContext &context, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("show"))
        return showUser(context, arguments.mid(1));
    if (action == QLatin1String("delete"))
        return runUsersDelete(context, arguments.mid(1));
    ListCommandSpec spec;
    spec.group = QStringLiteral("users");
    spec.model = AuthModelKind::User;
    spec.description = QStringLiteral("List the users of the Auth.js database.");
    if (action == QLatin1String("list"))
        return runListCommand(context, arguments.mid(1), spec);
    context.err << "gatehouse-cli users: unknown action '" << action
                << "' (expected: list, show, delete)\n";
    return ExitUsage;
}

} // namespace gh::cli
