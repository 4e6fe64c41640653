#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QMap>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>

namespace gh {

/// `.env` files read the way the Prisma CLI reads them: dotenv's parser (the same line
/// pattern: `KEY=value`, `export KEY=value`, `KEY: value`, comments, '...' "..." `...` quotes,
/// `\n` and `\r` escapes inside double quotes only, multi-line quoted values, an unquoted value
/// ending at '#', CRLF files) followed by Prisma's own dotenv-expand, which expands `${NAME}`
/// only: `$NAME` stays as written (a '$' in a password survives), `\${NAME}` gives a literal
/// `${NAME}`, and `${NAME}` is looked up first in the process environment, then in the file,
/// then is empty.
class DotEnv
{
public:
    /// Reads `path` (UTF-8, a BOM skipped) and expands it against `environment`.
    /// Errors: FileNotFound, FileUnreadable.
    static Result<QMap<QString, QString>> readFile(const QString &path,
                                                   const QProcessEnvironment &environment);

    /// Parses and expands .env text. As with Prisma, a variable that `environment` already has
    /// keeps the environment's value: the process environment wins over the file.
    static QMap<QString, QString> parse(const QString &text,
                                        const QProcessEnvironment &environment = {});

    /// dotenv's parse alone, in file order, without expansion (a later key replaces an earlier).
    static QList<QPair<QString, QString>> parseUnexpanded(const QString &text);

private:
    /// `budget`: the work left for this parse() (see kExpansionBudget).
    static QString expand(const QString &value, const QMap<QString, QString> &fileValues,
                          const QProcessEnvironment &environment, int depth, qsizetype &budget);
};

} // namespace gh
