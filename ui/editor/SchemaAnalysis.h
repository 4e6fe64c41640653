#pragma once

#include "core/prisma/Diagnostic.h"
#include "ui/editor/SchemaSymbols.h"

#include <QList>

namespace gh::ui {

/// What one analysis of the open schema found: its diagnostics (every file) and its names.
struct SchemaAnalysis
{
    quint64 generation = 0; ///< the edit generation of the texts it analysed
    QList<prisma::Diagnostic> diagnostics;
    SchemaSymbols symbols;
};

} // namespace gh::ui
