#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QtTest>

// The schema files under tests/data/prisma shared by the prisma tests.
namespace PrismaTestData {

inline QString root()
{
    return QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma");
}

inline QByteArray read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

/// Paths of the `.prisma` files of a folder under tests/data/prisma, sorted.
inline QStringList files(const QString &folder)
{
    QStringList paths;
    QDirIterator it(root() + QLatin1Char('/') + folder, {QStringLiteral("*.prisma")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    return paths;
}

/// Golden output of the oracle for an input file (see tests/data/prisma/golden/README.md).
inline QString goldenPath(const QString &folder, const QString &name, const QString &suffix)
{
    return root() + QStringLiteral("/golden/") + folder + QLatin1Char('/') + name + suffix;
}

/// A data-driven column `path` with every schema file: valid fixtures, broken ones, multi-file,
/// and the preview syntax that only the lexer and parser know so far (`preview/`).
inline void addSchemaFiles()
{
    QTest::addColumn<QString>("path");
    for (const QString &folder : {QStringLiteral("fixtures"), QStringLiteral("errors"),
                                  QStringLiteral("multi"), QStringLiteral("preview")}) {
        for (const QString &path : files(folder))
            QTest::newRow(qPrintable(QDir(root()).relativeFilePath(path))) << path;
    }
}

} // namespace PrismaTestData
