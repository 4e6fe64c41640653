#include "app/cli/RevokeCommands.h"

#include "app/cli/CommonOptions.h"
#include "core/auth/AuthWorkspace.h"
#include "core/auth/Revoker.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace gh::cli {

namespace {

// Set by SIGINT while a revoke runs; the progress callback (a normal thread context) turns it
// into a cancel, so the batch in flight commits and the audit line says "cancelled".
std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

/// Ctrl-C cancels between batches instead of killing the process, while this lives.
class InterruptGuard
{
public:
    InterruptGuard()
    {
        g_interrupted.store(false);
        m_previous = std::signal(SIGINT, onInterrupt);
    }
    ~InterruptGuard() { std::signal(SIGINT, m_previous); }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    void (*m_previous)(int) = SIG_DFL;
};

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QJsonObject countsJson(const QVector<RevocationCount> &counts)
{
    QJsonObject object;
    for (const RevocationCount &c : counts)
        object.insert(authModelKindName(c.model), c.rows);
    return object;
}

QString severityName(RevocationWarning::Severity severity)
{
    switch (severity) {
    case RevocationWarning::Severity::Info:
        return QStringLiteral("note");
    case RevocationWarning::Severity::Warning:
        return QStringLiteral("warning");
    case RevocationWarning::Severity::Blocking:
        return QStringLiteral("blocked");
    }
    return QString();
}

/// The exit code of an error, with the codes only the destructive commands have.
int exitFor(const Error &error)
{
    switch (error.code()) {
    case Error::Code::ReadOnly:
        return ExitReadOnly;
    case Error::Code::Cancelled:
        return ExitCancelled;
    case Error::Code::FileUnwritable: // the audit log
        return ExitConfiguration;
    default:
        return exitCodeFor(error);
    }
}

int usage(CliContext &context, const QString &command, const QString &message)
{
    context.err << "gatehouse-cli " << command << ": " << message << "\n";
    return ExitUsage;
}

int failed(CliContext &context, const Error &error)
{
    printError(context, error);
    return exitFor(error);
}

/// The options every destructive command takes.
void addDestructiveOptions(QCommandLineParser &parser)
{
    addProjectOptions(parser);
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Print what would be removed (counted in the database) and "
                                     "exit without removing anything.")});
    parser.addOption({{QStringLiteral("y"), QStringLiteral("yes")},
                      QStringLiteral("Do not ask for confirmation (required when standard input "
                                     "is not a terminal).")});
    parser.addOption({QStringLiteral("audit-log"),
                      QStringLiteral("The audit log to append to (default $GATEHOUSE_AUDIT_LOG, "
                                     "else the user's data folder)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("text or json (default text)."),
                      QStringLiteral("FORMAT"), QStringLiteral("text")});
}

/// Asks on the terminal; true when the user confirmed.
bool askOnTerminal(CliContext &context, const RevocationConfirmation &confirmation)
{
    context.out << confirmation.question;
    if (confirmation.requiresTyping())
        context.out << "\n" << confirmation.prompt() << " ";
    else
        context.out << " [y/N] ";
    context.out.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine();
    if (confirmation.requiresTyping())
        return confirmation.accepts(answer);
    const QString a = answer.trimmed().toLower();
    return a == QLatin1String("y") || a == QLatin1String("yes");
}

/// The whole flow of one destructive command once its request is known.
int runRequest(CliContext &context, const QCommandLineParser &parser, const QString &command,
               const RevocationRequest &request)
{
    const bool json = parser.value(QStringLiteral("format")) == QLatin1String("json");
    if (!json && parser.value(QStringLiteral("format")) != QLatin1String("text"))
        return usage(context, command, QStringLiteral("--format must be text or json"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));

    auto workspace = AuthWorkspace::open(projectOptions(parser, context));
    if (!workspace)
        return failed(context, workspace.error());
    if (context.readOnly)
        workspace->setReadOnly(QStringLiteral("gatehouse-cli was started with --read-only"));
    auto connection = workspace->connect();
    if (!connection)
        return failed(context, connection.error());
    Revoker revoker(*connection->database, workspace->schema(),
                    AuditLog(auditLogPath(parser.value(QStringLiteral("audit-log")), context)));

    auto plan = revoker.preview(request);
    if (!plan)
        return failed(context, plan.error());

    QJsonObject report;
    report.insert(QStringLiteral("action"), revocationActionName(request.action));
    report.insert(QStringLiteral("summary"), plan->summary);
    report.insert(QStringLiteral("database"), workspace->displayUrl());
    report.insert(QStringLiteral("rows"), plan->rows);
    report.insert(QStringLiteral("counts"), countsJson(plan->counts));
    report.insert(QStringLiteral("dryRun"), dryRun);
    QJsonArray warnings;
    for (const RevocationWarning &w : plan->warnings)
        warnings << QJsonObject{{QStringLiteral("severity"), severityName(w.severity)},
                                {QStringLiteral("message"), w.message}};
    report.insert(QStringLiteral("warnings"), warnings);
    auto finish = [&](int code) {
        if (json)
            context.out << QJsonDocument(report).toJson(QJsonDocument::Indented);
        context.out.flush();
        return code;
    };

    if (!json) {
        context.out << plan->summary << " (" << workspace->displayUrl() << ")\n";
        for (const RevocationWarning &w : plan->warnings)
            context.out << "  " << severityName(w.severity) << ": " << w.message << "\n";
        context.out.flush();
    }
    if (dryRun) {
        if (!json)
            context.out << "Dry run: nothing was removed.\n";
        return finish(ExitOk);
    }
    if (connection->database->isReadOnly()) {
        report.insert(QStringLiteral("outcome"), QStringLiteral("refused"));
        finish(ExitReadOnly);
        return failed(context, connection->database->readOnlyError());
    }
    if (plan->isBlocked()) {
        report.insert(QStringLiteral("outcome"), QStringLiteral("refused"));
        finish(ExitFailure);
        context.err << "gatehouse-cli " << command << ": refused, nothing was removed (see "
                    << "\"blocked\" above)\n";
        return ExitFailure;
    }
    if (plan->rows == 0) {
        if (!json)
            context.out << "Nothing to remove.\n";
        report.insert(QStringLiteral("outcome"), QStringLiteral("nothing"));
        return finish(ExitOk);
    }

    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!context.stdinIsTerminal) {
            report.insert(QStringLiteral("outcome"), QStringLiteral("not confirmed"));
            finish(ExitNotConfirmed);
            context.err << "gatehouse-cli " << command
                        << ": standard input is not a terminal, so nobody can confirm: pass "
                           "--yes to go ahead (or --dry-run to only count). Nothing was removed.\n";
            return ExitNotConfirmed;
        }
        if (!askOnTerminal(context, plan->confirmation())) {
            context.err << "Not confirmed: nothing was removed.\n";
            return ExitNotConfirmed;
        }
    }

    // Progress on a terminal only; Ctrl-C cancels between batches.
    const bool showProgress = !json && isatty(STDERR_FILENO) != 0;
    QElapsedTimer sinceShown;
    sinceShown.start();
    RevocationOptions options;
    const CancellationToken cancel = options.cancel;
    options.progress = [&, cancel](const RevocationProgress &p) {
        if (g_interrupted.load())
            cancel.cancel();
        if (showProgress && sinceShown.elapsed() >= 200) {
            context.err << "\r  " << number(p.done) << " / " << number(p.total) << " rows";
            context.err.flush();
            sinceShown.restart();
        }
    };
    RevocationResult result;
    {
        InterruptGuard guard;
        result = revoker.execute(*plan, options);
    }
    if (showProgress)
        context.err << "\r" << QString(40, QLatin1Char(' ')) << "\r";

    report.insert(
        QStringLiteral("outcome"),
        result.outcome == RevocationResult::Outcome::Completed   ? QStringLiteral("completed")
        : result.outcome == RevocationResult::Outcome::Cancelled ? QStringLiteral("cancelled")
                                                                 : QStringLiteral("failed"));
    report.insert(QStringLiteral("removed"), countsJson(result.counts));
    report.insert(QStringLiteral("elapsedMs"), result.elapsedMs);
    report.insert(QStringLiteral("batches"), result.batches);
    report.insert(QStringLiteral("longestBatchMs"), result.longestBatchMs);
    report.insert(QStringLiteral("method"), result.method);
    report.insert(QStringLiteral("auditLog"), revoker.auditLog().path());

    int code = ExitOk;
    if (result.completed()) {
        if (!json)
            context.out << "Removed " << revocationCountsText(result.counts) << " in "
                        << result.elapsedMs << " ms (" << result.method << ", " << result.batches
                        << (result.batches == 1 ? " batch" : " batches") << ", longest "
                        << result.longestBatchMs << " ms).\n";
    } else if (result.outcome == RevocationResult::Outcome::Cancelled) {
        context.err << "Cancelled after removing " << revocationCountsText(result.counts)
                    << " (what was removed stays removed).\n";
        code = ExitCancelled;
    } else {
        printError(context, result.error);
        if (result.rows > 0)
            context.err << "  Removed before the failure: " << revocationCountsText(result.counts)
                        << "\n";
        code = exitFor(result.error);
    }
    if (!result.audit) {
        printError(context,
                   result.audit.error().wrapped(QStringLiteral("The audit line was not written")));
        if (code == ExitOk)
            code = ExitFailure;
    } else if (!json) {
        context.out << "Audit log: " << revoker.auditLog().path() << "\n";
    }
    return finish(code);
}

} // namespace

QString auditLogPath(const QString &option, const CliContext &context)
{
    if (!option.isEmpty())
        return option;
    const QString fromEnvironment =
        context.environment.value(QStringLiteral("GATEHOUSE_AUDIT_LOG"));
    return fromEnvironment.isEmpty() ? AuditLog::defaultPath() : fromEnvironment;
}

int runSessionsRevoke(CliContext &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("sessions revoke");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Revoke Auth.js sessions (database strategy): the browsers holding them are signed out on "
        "their next request. Exactly one of --token, --user, --expired, --all."));
    parser.addOption({QStringLiteral("token"), QStringLiteral("The session with this token."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("user"),
                      QStringLiteral("Every session of this user (sign out everywhere)."),
                      QStringLiteral("ID|EMAIL")});
    parser.addOption(
        {QStringLiteral("expired"), QStringLiteral("Every session that has expired (cleanup).")});
    parser.addOption({QStringLiteral("all"),
                      QStringLiteral("Every session (emergency; asks for the database name).")});
    addDestructiveOptions(parser);
    if (!parseCommand(parser, command, arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    QVector<RevocationRequest> chosen;
    if (parser.isSet(QStringLiteral("token")))
        chosen << RevocationRequest::session(parser.value(QStringLiteral("token")));
    if (parser.isSet(QStringLiteral("user")))
        chosen << RevocationRequest::userSessions(parser.value(QStringLiteral("user")));
    if (parser.isSet(QStringLiteral("expired")))
        chosen << RevocationRequest::expiredSessions();
    if (parser.isSet(QStringLiteral("all")))
        chosen << RevocationRequest::allSessions();
    if (chosen.size() != 1 || !parser.positionalArguments().isEmpty())
        return usage(
            context, command,
            QStringLiteral("give exactly one of --token T, --user ID|EMAIL, --expired, --all"));
    return runRequest(context, parser, command, chosen.first());
}

int runTokensPurge(CliContext &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("tokens purge");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Delete expired verification tokens (magic links), which Auth.js never "
                       "purges itself."));
    parser.addOption({QStringLiteral("expired"),
                      QStringLiteral("Every verification token that has expired (required).")});
    addDestructiveOptions(parser);
    if (!parseCommand(parser, command, arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (!parser.isSet(QStringLiteral("expired")) || !parser.positionalArguments().isEmpty())
        return usage(context, command, QStringLiteral("only --expired tokens can be purged"));
    return runRequest(context, parser, command, RevocationRequest::expiredVerificationTokens());
}

int runUsersDelete(CliContext &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("users delete");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Delete a user with their accounts, sessions and authenticators (asks for "
                       "the user's email)."));
    parser.addPositionalArgument(QStringLiteral("user"), QStringLiteral("The user's id or email."),
                                 QStringLiteral("ID|EMAIL"));
    addDestructiveOptions(parser);
    if (!parseCommand(parser, command, arguments, context))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usage(context, command, QStringLiteral("expected one user id or email"));
    return runRequest(context, parser, command,
                      RevocationRequest::deleteUser(parser.positionalArguments().first()));
}

} // namespace gh::cli
