#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace gh {

/// Replaces the file at `path` with `contents` atomically (QSaveFile: a temporary file renamed
/// over the old one), so a crash or a full disk never leaves half a file behind. The error
/// names the file; `what` words it for the reader ("the schema file", "the migration"), and
/// QFile's reason goes in the detail.
Status saveFile(const QString &path, const QByteArray &contents,
                const QString &what = QStringLiteral("the file"));

} // namespace gh
