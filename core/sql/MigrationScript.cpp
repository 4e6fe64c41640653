#include "core/sql/MigrationScript.h"

#include "core/sql/SqlFlavour.h"
#include "core/sql/SqlRenderer.h"

namespace gh::sql {

QString MigrationScript::render(const Migration &migration, const ChangeDiagnostics &diagnostics)
{
    if (migration.steps.empty())
        return QStringLiteral("-- This is an empty migration.");

    QString script;
    if (!diagnostics.isEmpty()) {
        script += QLatin1String("/*\n  Warnings:\n\n");
        for (const ChangeDiagnostics::Item &warning : diagnostics.warnings)
            script += QLatin1String("  - ") + warning.description + QLatin1Char('\n');
        for (const ChangeDiagnostics::Item &item : diagnostics.unexecutable)
            script += QLatin1String("  - ") + item.description + QLatin1Char('\n');
        script += QLatin1String("\n*/\n");
    }

    const SqlRenderer &renderer = migration.flavour->renderer();
    bool first = true;
    for (const MigrationStep &step : migration.steps) {
        const QStringList statements = renderer.render(step, migration.previous, migration.next);
        if (statements.isEmpty())
            continue;
        // A newline before each step but the first: no blank line at the end of the file.
        if (!first)
            script += QLatin1Char('\n');
        first = false;
        script += QLatin1String("-- ") + step.description() + QLatin1Char('\n');
        for (const QString &statement : statements)
            script += statement + QLatin1String(";\n");
    }
    return script;
}

} // namespace gh::sql
