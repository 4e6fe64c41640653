#pragma once

#include "core/sql/Migration.h"

#include <QString>
#include <QStringList>

namespace gh::sql {

/// Destructive-change warnings and unexecutable steps, rendered as sentences (Prisma's
/// DestructiveChangeDiagnostics).
struct ChangeDiagnostics
{
    struct Item
    {
        QString description;
        int stepIndex = -1;
    };
    QList<Item> warnings;
    QList<Item> unexecutable;

    bool isEmpty() const { return warnings.isEmpty() && unexecutable.isEmpty(); }
};

/// The text of a migration script, byte for byte as Prisma's render_script writes it: an
/// optional `/* Warnings: ... */` block, then each step under its `-- Description` comment,
/// statements ending with `;`, steps separated by a blank line, `-- This is an empty migration.`
/// when there is nothing to do. No newline is added after the last statement's `;\n`.
class MigrationScript
{
public:
    static QString render(const Migration &migration,
                          const ChangeDiagnostics &diagnostics = ChangeDiagnostics());
};

} // namespace gh::sql
