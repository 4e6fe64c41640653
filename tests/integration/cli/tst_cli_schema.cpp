// `gatehouse-cli schema validate|format` run as a process on temporary copies of the schema
// fixtures of tests/data/prisma: exit codes, what goes to stdout and stderr, and what is (and is
// not) written. The expected formatted texts are the goldens Prisma 7's `prisma format` wrote.

#include "core/prisma/Parser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace gh::prisma;

namespace {

const QString kPrismaData = QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/prisma");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A fixture's text and the text `prisma format` made of it.
QByteArray fixture(const QString &name)
{
    return readFile(kPrismaData + QStringLiteral("/fixtures/") + name + QStringLiteral(".prisma"));
}

QByteArray golden(const QString &name)
{
    return readFile(kPrismaData + QStringLiteral("/golden/fixtures/") + name +
                    QStringLiteral(".format.prisma"));
}

// The `.prisma` files under `folder`, relative paths, in Prisma's load order.
QStringList prismaFiles(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, {QStringLiteral("*.prisma")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(folder).relativeFilePath(it.next());
    std::sort(files.begin(), files.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return files;
}

} // namespace

class TestCliSchema : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    Run cli(const QStringList &arguments) const
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DATABASE_URL")); // no command here needs one
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GATEHOUSE_CLI), arguments);
        if (!process.waitForFinished(60000))
            qFatal("gatehouse-cli did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    // The parser's diagnostics of a file as the CLI prints them for `relative`.
    static QStringList parseDiagnostics(const QString &relative, const QByteArray &text)
    {
        QStringList lines;
        for (const Diagnostic &diagnostic : Parser::parse(SourceFile(relative, text)).diagnostics)
            lines << diagnostic.toString();
        return lines;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void validateAcceptsAValidSchemaFoundInTheProject()
    {
        writeFile(path(QStringLiteral("prisma/schema.prisma")), fixture(QStringLiteral("saas")));
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("validate")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("The schema at prisma/schema.prisma is valid 🚀\n"));
        QCOMPARE(run.err, QString());
    }

    void validateRejectsABrokenSchemaWithItsDiagnostics()
    {
        const QByteArray broken =
            readFile(kPrismaData + QStringLiteral("/errors/everything-broken.prisma"));
        writeFile(path(QStringLiteral("broken.prisma")), broken);
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("validate"),
                             QStringLiteral("broken.prisma")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        const QStringList expected = parseDiagnostics(QStringLiteral("broken.prisma"), broken);
        QVERIFY(!expected.isEmpty());
        for (const QString &line : expected)
            QVERIFY2(run.err.contains(line + QLatin1Char('\n')),
                     qPrintable(line + "\n---\n" + run.err));
        QVERIFY(run.err.contains(QStringLiteral("Validation Error Count: ")));
    }

    void validateTakesTheSchemaOption()
    {
        writeFile(path(QStringLiteral("elsewhere/db.prisma")), fixture(QStringLiteral("enums")));
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("validate"),
                             QStringLiteral("--schema"), QStringLiteral("elsewhere/db.prisma")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("The schema at elsewhere/db.prisma is valid 🚀\n"));
    }

    // Prisma 7's prisma.config.ts names the schema; the CLI says it loaded it, as Prisma does,
    // and what it could not read, with where.
    void validateFollowsPrismaConfig()
    {
        writeFile(path(QStringLiteral("prisma.config.ts")),
                  "import { defineConfig } from 'prisma/config'\n"
                  "export default defineConfig({\n"
                  "  schema: 'db/auth.prisma',\n"
                  "  migrations: { path: migrationsFolder() },\n"
                  "})\n");
        writeFile(path(QStringLiteral("db/auth.prisma")), fixture(QStringLiteral("enums")));
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("validate")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("The schema at db/auth.prisma is valid 🚀\n"));
        QVERIFY2(
            run.err.startsWith(QStringLiteral("Loaded Prisma config from prisma.config.ts.\n")),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("prisma.config.ts:4:23: warning: the `path` of "
                                                 "prisma.config.ts is computed")),
                 qPrintable(run.err));
    }

    void missingSchemaIsAConfigurationError()
    {
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("validate")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("no Prisma schema found")), qPrintable(run.err));

        const Run format = cli(
            {QStringLiteral("schema"), QStringLiteral("format"), QStringLiteral("nowhere.prisma")});
        QCOMPARE(format.exitCode, 3);
    }

    void formatRewritesTheFileInPlaceAsPrismaDoes()
    {
        const QString schema = path(QStringLiteral("prisma/schema.prisma"));
        writeFile(schema, fixture(QStringLiteral("formatting-mess")));
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("format")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("Formatted prisma/schema.prisma in ")),
                 qPrintable(run.out));
        QCOMPARE(readFile(schema), golden(QStringLiteral("formatting-mess")));
        // No temporary file is left behind by the atomic write.
        QCOMPARE(QDir(path(QStringLiteral("prisma"))).entryList(QDir::Files),
                 QStringList{QStringLiteral("schema.prisma")});
    }

    // As written the schema is invalid (a relation without its back-relation field); prisma
    // format adds the field, and the result is valid, so it is written.
    void formatAddsMissingBackRelationFields()
    {
        const QString cases = kPrismaData + QStringLiteral("/format/");
        const QString schema = path(QStringLiteral("schema.prisma"));
        writeFile(schema, readFile(cases + QStringLiteral("cases/relations-made-valid.prisma")));
        const Run validate = cli({QStringLiteral("schema"), QStringLiteral("validate")});
        QCOMPARE(validate.exitCode, 1);
        QVERIFY2(validate.err.contains(QStringLiteral(
                     "schema.prisma:15:3: error: Error validating field `author` in model `Post`: "
                     "The relation field `author` on model `Post` is missing an opposite relation "
                     "field on the model `User`.")),
                 qPrintable(validate.err));

        QCOMPARE(cli({QStringLiteral("schema"), QStringLiteral("format")}).exitCode, 0);
        QCOMPARE(readFile(schema),
                 readFile(cases + QStringLiteral("expected/relations-made-valid.prisma")));
        QCOMPARE(cli({QStringLiteral("schema"), QStringLiteral("validate")}).exitCode, 0);
    }

    // An error formatting does not mend: like prisma format, nothing is written, and the
    // diagnostics point into the file as it is.
    void formatRefusesAnInvalidSchema()
    {
        const QByteArray invalid = "model User {\n  id   Int @id\n  role Rolle\n}\n";
        const QString schema = path(QStringLiteral("schema.prisma"));
        writeFile(schema, invalid);
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("format")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(QStringLiteral(
                     "schema.prisma:3:8: error: Type \"Rolle\" is neither a built-in type, nor "
                     "refers to another model, composite type, or enum.\n")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("nothing was written")));
        QCOMPARE(readFile(schema), invalid);
        QCOMPARE(
            cli({QStringLiteral("schema"), QStringLiteral("format"), QStringLiteral("--check")})
                .exitCode,
            1);
    }

    void checkListsUnformattedFilesAndWritesNothing()
    {
        const QString schema = path(QStringLiteral("prisma/schema.prisma"));
        const QByteArray mess = fixture(QStringLiteral("formatting-mess"));
        writeFile(schema, mess);
        const Run run =
            cli({QStringLiteral("schema"), QStringLiteral("format"), QStringLiteral("--check")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith(QStringLiteral("prisma/schema.prisma\n")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("There are unformatted files")));
        QCOMPARE(readFile(schema), mess);
    }

    void checkPassesOnPrismaFormattedText()
    {
        writeFile(path(QStringLiteral("prisma/schema.prisma")),
                  golden(QStringLiteral("authjs-postgres")));
        const Run run =
            cli({QStringLiteral("schema"), QStringLiteral("format"), QStringLiteral("--check")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("All files are formatted correctly!\n"));
    }

    void stdoutPrintsTheFormattedTextAndWritesNothing()
    {
        const QString schema = path(QStringLiteral("schema.prisma"));
        const QByteArray mess = fixture(QStringLiteral("comments-everywhere"));
        writeFile(schema, mess);
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("format"),
                             QStringLiteral("schema.prisma"), QStringLiteral("--stdout")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.toUtf8(), golden(QStringLiteral("comments-everywhere")));
        QCOMPARE(readFile(schema), mess);
    }

    void checkAndStdoutCannotBeCombined()
    {
        writeFile(path(QStringLiteral("schema.prisma")), fixture(QStringLiteral("enums")));
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("format"),
                             QStringLiteral("--check"), QStringLiteral("--stdout")});
        QCOMPARE(run.exitCode, 2);
    }

    void formatsEveryFileOfAFolder()
    {
        // The multi-file case `valid`, as prisma/schema/ of a project, indented by 4 spaces.
        const QString source = kPrismaData + QStringLiteral("/multi/valid");
        const QStringList files = prismaFiles(source);
        QVERIFY(files.size() > 1);
        for (const QString &file : files)
            writeFile(path(QStringLiteral("prisma/schema/") + file),
                      readFile(source + '/' + file).replace("\n  ", "\n    "));

        const Run check =
            cli({QStringLiteral("schema"), QStringLiteral("format"), QStringLiteral("--check")});
        QCOMPARE(check.exitCode, 1);

        const Run run = cli({QStringLiteral("schema"), QStringLiteral("format")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("Formatted prisma/schema in ")),
                 qPrintable(run.out));
        QByteArray written;
        for (const QString &file : files)
            written += "// " + file.toUtf8() + '\n' +
                       readFile(path(QStringLiteral("prisma/schema/") + file));
        QCOMPARE(written, readFile(kPrismaData + QStringLiteral("/golden/multi/valid.format.txt")));

        const Run again =
            cli({QStringLiteral("schema"), QStringLiteral("format"), QStringLiteral("--check")});
        QCOMPARE(again.exitCode, 0);
    }

    void stdoutNamesEachFileOfAFolder()
    {
        const QString source = kPrismaData + QStringLiteral("/multi/valid");
        const QStringList files = prismaFiles(source);
        for (const QString &file : files)
            writeFile(path(QStringLiteral("schema/") + file), readFile(source + '/' + file));
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("format"),
                             QStringLiteral("schema"), QStringLiteral("--stdout")});
        QCOMPARE(run.exitCode, 0);
        QString expected = QString::fromUtf8(
            readFile(kPrismaData + QStringLiteral("/golden/multi/valid.format.txt")));
        for (const QString &file : files)
            expected.replace(QStringLiteral("// ") + file + QLatin1Char('\n'),
                             QStringLiteral("// schema/") + file + QLatin1Char('\n'));
        QCOMPARE(run.out, expected);
    }

    void formatLeavesABrokenSchemaUntouched()
    {
        const QByteArray broken =
            readFile(kPrismaData + QStringLiteral("/errors/everything-broken.prisma"));
        const QString schema = path(QStringLiteral("prisma/schema.prisma"));
        writeFile(schema, broken);
        const QDateTime modified = QFileInfo(schema).lastModified();
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("format")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        for (const QString &line : parseDiagnostics(QStringLiteral("prisma/schema.prisma"), broken))
            QVERIFY2(run.err.contains(line + QLatin1Char('\n')),
                     qPrintable(line + "\n---\n" + run.err));
        QVERIFY(run.err.contains(QStringLiteral("nothing was written")));
        QCOMPARE(readFile(schema), broken);
        QCOMPARE(QFileInfo(schema).lastModified(), modified);
    }

    void formatLeavesAFolderWithOneBrokenFileUntouched()
    {
        const QString source = kPrismaData + QStringLiteral("/multi/broken");
        const QStringList files = prismaFiles(source);
        for (const QString &file : files)
            writeFile(path(QStringLiteral("prisma/schema/") + file), readFile(source + '/' + file));
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("format")});
        QCOMPARE(run.exitCode, 1);
        for (const QString &file : files)
            QCOMPARE(readFile(path(QStringLiteral("prisma/schema/") + file)),
                     readFile(source + '/' + file));
    }

    void unknownActionIsAUsageError()
    {
        const Run run = cli({QStringLiteral("schema"), QStringLiteral("lint")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("unknown action 'lint'")));
    }
};

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_cli_schema.moc"
