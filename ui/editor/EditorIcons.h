#pragma once

#include "ui/editor/PrismaCompletion.h"

#include <QColor>
#include <QImage>
#include <QPixmap>

// Small icons the editor draws at run time (no image resources to keep in step with palettes).
namespace gh::ui::EditorIcons {

/// A problem marker: a disc with a cross for errors, a triangle with a bar for warnings.
QImage problem(bool error, const QColor &color, int size);

/// A rounded badge with a letter, one colour per kind of completion item.
QPixmap completion(PrismaCompletion::ItemKind kind);

} // namespace gh::ui::EditorIcons
