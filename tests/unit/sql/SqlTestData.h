#pragma once

#include "core/prisma/DataModel.h"
#include "core/prisma/SchemaSource.h"
#include "core/sql/SchemaCalculator.h"
#include "core/sql/SqlFlavour.h"

#include <QFile>
#include <QString>
#include <QtTest>

// Schema files and golden outputs of tests/data/sql/golden (see its README.md).
namespace gh::sqltest {

inline QString goldenDir()
{
    return QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/sql/golden/");
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

/// The data model of a schema file (relative to the golden folder).
inline prisma::DataModel dataModel(const QString &relativePath)
{
    auto source = prisma::SchemaSource::load(goldenDir() + relativePath);
    if (!source)
        qFatal("cannot load %s: %s", qPrintable(relativePath),
               qPrintable(source.error().message()));
    return prisma::DataModel::build(*source);
}

/// The SQL schema of a schema file, and its provider's flavour.
inline sql::SqlSchema sqlSchema(const QString &relativePath, const sql::SqlFlavour **flavour,
                                const QString &defaultNamespace = QStringLiteral("public"))
{
    const prisma::DataModel model = dataModel(relativePath);
    *flavour = sql::SqlFlavour::forProvider(model.provider());
    if (!*flavour)
        qFatal("no flavour for %s", qPrintable(model.provider()));
    return sql::SchemaCalculator::calculate(model, **flavour, defaultNamespace);
}

/// What Prisma's engine prints: the text, with a final newline when it has none.
inline QString engineOutput(QString text)
{
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return text;
}

} // namespace gh::sqltest
