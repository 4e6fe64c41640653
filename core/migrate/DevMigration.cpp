#include "core/migrate/DevMigration.h"

#include "core/db/Database.h"
#include "core/migrate/DriftDetector.h"
#include "core/migrate/MigrationDiff.h"
#include "core/migrate/MigrationErrors.h"
#include "core/migrate/MigrationsFolder.h"
#include "core/migrate/ShadowDatabase.h"
#include "core/prisma/SchemaSource.h"
#include "core/sql/DestructiveChangeChecker.h"
#include "core/sql/SchemaDiffer.h"
#include "core/sql/SchemaIntrospector.h"
#include "core/sql/SqlFlavour.h"

#include <QRegularExpression>

namespace gh {

namespace {

// The schema engine's DRIFT_DETECTED_MESSAGE (trimmed at the start) and
// FIRST_TIME_MIGRATION_MESSAGE, as Prisma 7.10's migrate dev prints them.
const char kDriftDetected[] =
    "Drift detected: Your database schema is not in sync with your migration history.\n\n"
    "The following is a summary of the differences between the expected database schema given "
    "your migrations files, and the actual schema of the database.\n\n"
    "It should be understood as the set of changes to get from the expected schema to the "
    "actual schema.\n";
const char kFirstTime[] =
    "\nIf you are running this the first time on an existing database, please make sure to read "
    "this documentation page:\n"
    "https://www.prisma.io/docs/guides/database/developing-with-prisma-migrate/"
    "troubleshooting-development\n";

void log(const DevMigration::Options &options, const QString &line)
{
    if (options.log)
        options.log(line);
}

QVector<MigrationDirectory> named(const MigrationsFolder &folder, const QStringList &names,
                                  bool included)
{
    QVector<MigrationDirectory> result;
    for (const MigrationDirectory &migration : folder.migrations()) {
        if (names.contains(migration.name) == included)
            result << migration;
    }
    return result;
}

bool isPermissionDenied(const Error &error)
{
    const QString text = error.message() + error.detail();
    return text.contains(QLatin1String("42501")) ||
           text.contains(QLatin1String("permission denied"));
}

} // namespace

QString DevMigration::migrationName(const QString &typed)
{
    // @sindresorhus/slugify with separator "_", as Prisma's CLI calls it: custom replacements,
    // transliteration (the Latin part of its table), diacritics dropped, words split at case
    // changes, lowercase, `it's` → `its`, everything else a separator.
    static const std::pair<const char16_t *, const char *> replacements[] = {
        {u"&", " and "},   {u"\u2665", " love "}, {u"\U0001F984", " unicorn "},
        {u"\u00DF", "ss"}, {u"\u1E9E", "Ss"},     {u"\u00E4", "ae"},
        {u"\u00C4", "Ae"}, {u"\u00F6", "oe"},     {u"\u00D6", "Oe"},
        {u"\u00FC", "ue"}, {u"\u00DC", "Ue"},     {u"\u00C6", "AE"},
        {u"\u00E6", "ae"}, {u"\u00D8", "O"},      {u"\u00F8", "o"},
        {u"\u00D0", "D"},  {u"\u00F0", "d"},      {u"\u00DE", "TH"},
        {u"\u00FE", "th"}, {u"\u0110", "D"},      {u"\u0111", "d"},
        {u"\u0141", "L"},  {u"\u0142", "l"},      {u"\u0131", "i"},
        {u"\u0132", "IJ"}, {u"\u0133", "ij"},
    };
    QString text = typed.normalized(QString::NormalizationForm_C);
    for (const auto &[from, to] : replacements)
        text.replace(QString::fromUtf16(from), QLatin1String(to));
    QString plain;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() != QChar::Mark_NonSpacing)
            plain += c;
    }
    static const QRegularExpression decamelize[] = {
        QRegularExpression(QStringLiteral("([A-Z]{2,})(\\d+)")),
        QRegularExpression(QStringLiteral("([a-z\\d]+)([A-Z]{2,})")),
        QRegularExpression(QStringLiteral("([a-z\\d])([A-Z])")),
        QRegularExpression(QStringLiteral("([A-Z]+)([A-Z][a-rt-z\\d]+)")),
    };
    for (const QRegularExpression &step : decamelize)
        plain.replace(step, QStringLiteral("\\1 \\2"));
    plain = plain.normalized(QString::NormalizationForm_C).toLower();
    static const QRegularExpression contraction(QStringLiteral("([a-zA-Z\\d]+)'([ts])(\\s|$)"));
    plain.replace(contraction, QStringLiteral("\\1\\2\\3"));
    static const QRegularExpression separators(QStringLiteral("[^a-z\\d]+"));
    plain.replace(separators, QStringLiteral("_"));
    while (plain.startsWith(QLatin1Char('_')))
        plain.remove(0, 1);
    while (plain.endsWith(QLatin1Char('_')))
        plain.chop(1);
    return plain.left(MigrationsFolder::MaxNameLength);
}

QString DevMigration::resetReason(const MigrationStatus &status)
{
    QStringList reasons;
    for (const QString &name : status.failedMigrationNames)
        reasons << QStringLiteral("The migration `%1` failed.").arg(name);
    for (const QString &name : status.editedMigrationNames)
        reasons
            << QStringLiteral("The migration `%1` was modified after it was applied.").arg(name);
    if (status.drift && status.drift->detected) {
        QString reason = QString::fromLatin1(kDriftDetected);
        if (!status.hasMigrationsTable)
            reason += QString::fromLatin1(kFirstTime);
        reasons << reason + status.drift->summary;
    }
    if (status.history == MigrationStatus::History::HistoriesDiverge) {
        QString details;
        if (!status.lastCommonMigrationName.isEmpty())
            details = QStringLiteral(" Last common migration: `%1`. Migrations applied to the "
                                     "database but absent from the migrations directory are: %2")
                          .arg(status.lastCommonMigrationName,
                               status.unpersistedMigrationNames.join(QStringLiteral(", ")));
        reasons << QStringLiteral("The migrations recorded in the database diverge from the local "
                                  "migrations directory.") +
                       details;
    } else if (status.history == MigrationStatus::History::MigrationsDirectoryIsBehind) {
        reasons << QStringLiteral("The following migration(s) are applied to the database but "
                                  "missing from the local migrations directory: %1")
                       .arg(status.unpersistedMigrationNames.join(QStringLiteral(", ")));
    }
    if (reasons.isEmpty())
        return QString();
    if (reasons.size() == 1)
        return reasons.first();
    QString message;
    for (const QString &reason : reasons)
        message += QStringLiteral("- ") + reason + QLatin1Char('\n');
    return message;
}

Result<DevMigration::Plan>
DevMigration::plan(Migrator &migrator, const prisma::SchemaSource &schema, const Options &options)
{
    Database &database = migrator.database();
    const bool postgres = database.dialect() == SqlDialect::PostgreSQL;
    const QString ns = postgres ? database.schema() : QStringLiteral("public");
    const MigrationTarget &target = migrator.target();

    auto to = MigrationDiff::loadSchema(
        schema, ns,
        target.schemaPath.isEmpty() ? QStringLiteral("schema.prisma") : target.schemaPath);
    if (!to)
        return to.error();
    const sql::SqlFlavour *flavour = sql::SqlFlavour::forProvider(to->provider);

    auto folder = migrator.readFolder();
    if (!folder)
        return folder.error();
    auto status = migrator.status();
    if (!status)
        return status.error();
    if (!status->missingScriptNames.isEmpty())
        return MigrationErrors::fileMissing(status->missingScriptNames.first() +
                                            QStringLiteral("/migration.sql"));

    Plan plan;
    plan.provider = to->provider;
    plan.pendingMigrationNames = status->unappliedMigrationNames;
    QStringList applied;
    for (const MigrationStatus::Entry &entry : status->entries) {
        if (entry.state == MigrationStatus::State::Applied)
            applied << entry.name;
    }

    // The migrations folder replayed: the applied migrations first (to compare with the live
    // schema: drift), then the pending ones (the starting point of the new migration).
    std::optional<sql::SqlSchema> from;
    auto shadow = ShadowDatabase::create(target.url);
    if (!shadow && !(shadow.error().code() == Error::Code::MigrationShadowCreateFailed &&
                     isPermissionDenied(shadow.error())))
        return shadow.error();
    if (shadow) {
        plan.shadowDescription = (*shadow)->description();
        switch ((*shadow)->kind()) {
        case ShadowDatabase::Kind::Database:
            plan.shadow = Plan::Shadow::Database;
            break;
        case ShadowDatabase::Kind::Schema:
            plan.shadow = Plan::Shadow::Schema;
            break;
        case ShadowDatabase::Kind::SqliteFile:
            plan.shadow = Plan::Shadow::SqliteFile;
            break;
        }
        log(options, QStringLiteral("Replaying the migrations folder on the %1.")
                         .arg(plan.shadowDescription));
        const Status replayed =
            (*shadow)->apply(named(*folder, applied, true), options.isCancelled);
        if (!replayed)
            return replayed.error();
        auto expected = (*shadow)->introspect(ns);
        if (!expected)
            return expected.error();
        auto live = sql::SchemaIntrospector::introspect(database, options.isCancelled);
        if (!live)
            return live.error();
        status->drift = DriftDetector::compare(sql::SchemaDiffer::diff(
            std::move(expected.value()), std::move(live.value()), *flavour));
    } else {
        plan.shadow = Plan::Shadow::LiveDatabase;
        plan.shadowDescription =
            QStringLiteral("database itself: the user may create neither databases nor schemas, "
                           "so Gatehouse diffs against the live database (no drift check)");
        log(options, QStringLiteral("No shadow database: %1.").arg(shadow.error().fullText()));
    }
    const QString reason = resetReason(*status);
    if (!reason.isEmpty())
        return Error(Error::Code::MigrationDriftDetected, reason);

    if (shadow) {
        const Status pending =
            (*shadow)->apply(named(*folder, plan.pendingMigrationNames, true), options.isCancelled);
        if (!pending)
            return pending.error();
        auto replayed = (*shadow)->introspect(ns);
        if (!replayed)
            return replayed.error();
        from = std::move(replayed.value());
        const Status dropped = (*shadow)->drop();
        if (!dropped)
            return dropped.error();
    }

    if (options.applyPending && !plan.pendingMigrationNames.isEmpty()) {
        auto deployed = migrator.deploy([&](const DeployProgress &progress) {
            if (progress.stage == DeployProgress::Stage::Applying)
                log(options, QStringLiteral("Applying migration `%1`").arg(progress.name));
        });
        if (!deployed)
            return deployed.error();
        plan.appliedMigrationNames = deployed->appliedMigrationNames;
        plan.pendingMigrationNames.clear();
    }
    if (!from) {
        if (!plan.pendingMigrationNames.isEmpty())
            return Error(Error::Code::MigrationShadowCreateFailed,
                         QStringLiteral("Without a shadow database the pending migrations must be "
                                        "applied before a new migration can be planned: %1")
                             .arg(plan.pendingMigrationNames.join(QStringLiteral(", "))));
        auto live = sql::SchemaIntrospector::introspect(database, options.isCancelled);
        if (!live)
            return live.error();
        from = std::move(live.value());
    }

    plan.migration = sql::SchemaDiffer::diff(std::move(*from), std::move(to->schema), *flavour);
    plan.scriptDiagnostics = sql::DestructiveChangeChecker::pureCheck(plan.migration);
    plan.script = sql::MigrationScript::render(plan.migration, plan.scriptDiagnostics);
    if (plan.pendingMigrationNames.isEmpty()) {
        auto live =
            sql::DestructiveChangeChecker::check(plan.migration, database, options.isCancelled);
        if (!live)
            return live.error();
        plan.liveDiagnostics = *live;
    } else {
        // The tables of pending migrations do not exist yet: nothing to count.
        plan.liveDiagnostics = plan.scriptDiagnostics;
    }
    return plan;
}

Result<DevMigration::Plan> DevMigration::plan(Migrator &migrator,
                                              const prisma::SchemaSource &schema)
{
    return plan(migrator, schema, Options());
}

Result<QString> DevMigration::write(const Migrator &migrator, const Plan &plan, const QString &name,
                                    const QDateTime &time)
{
    return MigrationsFolder::createMigration(migrator.target().migrationsPath, migrationName(name),
                                             plan.script.toUtf8(), plan.provider, time);
}

Result<DeployResult> DevMigration::apply(Migrator &migrator,
                                         const Migrator::ProgressCallback &progress)
{
    return migrator.deploy(progress);
}

} // namespace gh
