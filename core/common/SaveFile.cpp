#include "core/common/SaveFile.h"

#include <QDir>
#include <QSaveFile>

namespace gh {

Status saveFile(const QString &path, const QByteArray &contents, const QString &what)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() ||
        !file.commit())
        return Error(
            Error::Code::FileUnwritable,
            QStringLiteral("Could not write %1 %2").arg(what, QDir::toNativeSeparators(path)),
            file.errorString());
    return success();
}

} // namespace gh
