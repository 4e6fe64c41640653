// prisma_dump: everything core/prisma makes of each schema of a folder, as text, for comparing
// two builds byte for byte when a change must not alter behaviour (see differential-check.sh):
// the syntax tree (dumpSyntaxTree), validate()'s diagnostics, DataModelBuilder's diagnostics
// and the data model as Prisma's DMMF. It also checks the lexer's fast path
// (Lexer::nextSignificant) against its definition, skipBlanks() and next() until a token is
// not Whitespace, on every schema and on random strings; the exit status is 1 when they differ.
//
//   prisma_dump FOLDER OUTPUT

#include "core/prisma/AstDump.h"
#include "core/prisma/DataModelBuilder.h"
#include "core/prisma/Lexer.h"
#include "core/prisma/SchemaSource.h"
#include "core/prisma/SourceFile.h"
#include "core/prisma/Validator.h"
#include "tests/unit/prisma/datamodel/DmmfJson.h"

#include <QDir>
#include <QFile>
#include <QTextStream>
#include <cstdio>
#include <random>

using namespace gh::prisma;

namespace {

bool sameToken(const Token &a, const Token &b)
{
    return a.kind == b.kind && a.flags == b.flags && a.start == b.start && a.end == b.end &&
           a.utf16Start == b.utf16Start && a.utf16End == b.utf16End && a.line == b.line &&
           a.column == b.column;
}

bool samePosition(const SourcePosition &a, const SourcePosition &b)
{
    return a.offset == b.offset && a.utf16Offset == b.utf16Offset && a.line == b.line &&
           a.column == b.column;
}

// Whether nextSignificant() gives the tokens, positions and states of its definition.
bool tokensAgree(const QByteArray &text)
{
    Lexer fast(QByteArrayView(text), Lexer::MultiLineTokens::Whole);
    Lexer slow(QByteArrayView(text), Lexer::MultiLineTokens::Whole);
    while (true) {
        Token a;
        fast.nextSignificant(a);
        Token b;
        do {
            slow.skipBlanks();
            b = slow.next();
        } while (b.kind == TokenKind::Whitespace);
        if (!sameToken(a, b) || fast.state() != slow.state() ||
            !samePosition(fast.position(), slow.position())) {
            std::printf("lexer fast path differs at byte %d\n", b.start);
            return false;
        }
        if (b.kind == TokenKind::EndOfFile)
            return true;
    }
}

QString located(const Diagnostic &diagnostic)
{
    return diagnostic.toString() +
           QStringLiteral(" [%1,%2]").arg(diagnostic.range.start).arg(diagnostic.range.end);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: prisma_dump FOLDER OUTPUT\n");
        return 2;
    }
    const QDir folder(QString::fromLocal8Bit(argv[1]));
    QFile output(QString::fromLocal8Bit(argv[2]));
    if (!output.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s\n", argv[2]);
        return 2;
    }
    QTextStream out(&output);
    int disagreements = 0;
    const QStringList names =
        folder.entryList({QStringLiteral("*.prisma")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        disagreements += tokensAgree(bytes) ? 0 : 1;
        const SchemaSource schema = SchemaSource::fromFiles({SourceFile(name, bytes)});
        out << "=== " << name << '\n' << dumpSyntaxTree(schema.files().front());
        for (const Diagnostic &diagnostic : validate(schema))
            out << located(diagnostic) << '\n';
        QList<Diagnostic> builderDiagnostics;
        const DataModel dataModel = DataModelBuilder::build(schema, &builderDiagnostics);
        for (const Diagnostic &diagnostic : std::as_const(builderDiagnostics))
            out << "builder: " << located(diagnostic) << '\n';
        out << QJsonDocument(DmmfJson::datamodel(dataModel)).toJson(QJsonDocument::Compact) << '\n';
    }

    // Random strings over the bytes where the fast path and the general one part ways.
    std::mt19937 random(42);
    const QByteArray alphabet("ab_-09 \t\r\n{}@()[].,:=?!/*\"\"///11..\\#\x01\x7f"
                              "\xc3\xa9\xe2\x80\x83\xff");
    for (int i = 0; i < 100000; ++i) {
        QByteArray text;
        const int length = int(random() % 60);
        for (int j = 0; j < length; ++j)
            text += alphabet.at(int(random() % alphabet.size()));
        disagreements += tokensAgree(text) ? 0 : 1;
    }
    std::printf("%d schemas dumped; lexer fast path disagreements: %d\n", int(names.size()),
                disagreements);
    return disagreements ? 1 : 0;
}
