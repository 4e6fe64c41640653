#include "core/url/DotEnv.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using gh::DotEnv;

class TestDotEnv : public QObject
{
    Q_OBJECT

private slots:
    void parsesLikeDotenv_data();
    void parsesLikeDotenv();
    void expandsLikePrisma_data();
    void expandsLikePrisma();
    void processEnvironmentWinsOverTheFile();
    void skipsAByteOrderMark();
    void acceptsOldMacLineEndings();
    void expansionCyclesTerminate();
    void doublingReferencesStopWithinABudget();
    void readFileReportsAMissingFile();
    void readFileExpandsAgainstTheEnvironment();
};

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(GATEHOUSE_TEST_DATA_DIR "/url/dotenv/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QProcessEnvironment environmentOf(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : vars)
        environment.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    return environment;
}

} // namespace

void TestDotEnv::parsesLikeDotenv_data()
{
    QTest::addColumn<QString>("name");
    // The golden files come from the real dotenv parser (make-golden.js).
    QTest::newRow("every syntax") << "cases";
    QTest::newRow("CRLF file") << "crlf";
}

void TestDotEnv::parsesLikeDotenv()
{
    QFETCH(QString, name);
    const QString text = QString::fromUtf8(readAll(dataFile(name + ".env")));
    const QJsonObject expected =
        QJsonDocument::fromJson(readAll(dataFile(name + ".expected.json"))).object();
    QVERIFY(!expected.isEmpty());

    const auto pairs = DotEnv::parseUnexpanded(text);
    QStringList keys;
    for (const auto &pair : pairs) {
        keys << pair.first;
        QVERIFY2(expected.contains(pair.first), qPrintable(pair.first));
        QCOMPARE(pair.second, expected.value(pair.first).toString());
    }
    QCOMPARE(keys.size(), expected.size());
}

void TestDotEnv::expandsLikePrisma_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::newRow("earlier key") << "HOST=db\nURL=postgresql://${HOST}/x"
                                 << "URL"
                                 << "postgresql://db/x";
    QTest::newRow("later key") << "URL=postgresql://${HOST}/x\nHOST=db"
                               << "URL"
                               << "postgresql://db/x";
    QTest::newRow("process environment") << "URL=postgresql://u:${PGPASS}@h/x"
                                         << "URL"
                                         << "postgresql://u:from-env@h/x";
    QTest::newRow("environment wins for a referenced key") << "PGPASS=from-file\nURL=${PGPASS}"
                                                           << "URL"
                                                           << "from-env";
    QTest::newRow("nested") << "A=${B}!\nB=${C}?\nC=c"
                            << "A"
                            << "c?!";
    QTest::newRow("twice") << "A=x\nB=${A}-${A}"
                           << "B"
                           << "x-x";
    QTest::newRow("$NAME without braces stays") << "A=x\nB=pa$A$word"
                                                << "B"
                                                << "pa$A$word";
    QTest::newRow("escaped") << "A=x\nB=\\${A}"
                             << "B"
                             << "${A}";
    QTest::newRow("missing is empty") << "B=<${MISSING}>"
                                      << "B"
                                      << "<>";
    QTest::newRow("empty name is empty") << "B=<${}>"
                                         << "B"
                                         << "<>";
    QTest::newRow("default syntax is not expanded") << "B=${A:-x}"
                                                    << "B"
                                                    << "${A:-x}";
    QTest::newRow("single quotes expand too") << "A=x\nB='${A}'"
                                              << "B"
                                              << "x";
    QTest::newRow("double quotes") << "A=x\nB=\"${A} y\""
                                   << "B"
                                   << "x y";
}

void TestDotEnv::expandsLikePrisma()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const auto values = DotEnv::parse(text, environmentOf({{"PGPASS", "from-env"}}));
    QCOMPARE(values.value(key), expected);
}

void TestDotEnv::processEnvironmentWinsOverTheFile()
{
    const auto values = DotEnv::parse(QStringLiteral("DATABASE_URL=file:./dev.db\nOTHER=x"),
                                      environmentOf({{"DATABASE_URL", "postgresql://h/db"}}));
    QCOMPARE(values.value(QStringLiteral("DATABASE_URL")), QStringLiteral("postgresql://h/db"));
    QCOMPARE(values.value(QStringLiteral("OTHER")), QStringLiteral("x"));
}

void TestDotEnv::skipsAByteOrderMark()
{
    const auto values = DotEnv::parse(QChar(0xFEFF) + QStringLiteral("FIRST=1\nSECOND=2"));
    QCOMPARE(values.value(QStringLiteral("FIRST")), QStringLiteral("1"));
    QCOMPARE(values.size(), 2);
}

void TestDotEnv::acceptsOldMacLineEndings()
{
    const auto values = DotEnv::parse(QStringLiteral("A=1\rB=\"x\"\r"));
    QCOMPARE(values.value(QStringLiteral("A")), QStringLiteral("1"));
    QCOMPARE(values.value(QStringLiteral("B")), QStringLiteral("x"));
}

void TestDotEnv::expansionCyclesTerminate()
{
    const auto values = DotEnv::parse(QStringLiteral("A=${B}\nB=${A}\nC=ok"));
    QCOMPARE(values.value(QStringLiteral("C")), QStringLiteral("ok"));
    QVERIFY(values.contains(QStringLiteral("A")));
}

// Found by fuzz_database_url: each value naming the next one twice doubles the work at every
// level, 2^40 expansions here. The parse must end (ctest's timeout fails it otherwise), and
// what comes before the bomb expands as usual.
void TestDotEnv::doublingReferencesStopWithinABudget()
{
    QString text = QStringLiteral("DATABASE_URL=postgresql://u:${PASS}@h/db\nPASS=pw\n");
    for (int level = 0; level < 40; ++level)
        text += QStringLiteral("L%1=${L%2}${L%2}\n").arg(level).arg(level + 1);
    text += QStringLiteral("L40=x\n");
    const auto values = DotEnv::parse(text);
    QCOMPARE(values.value(QStringLiteral("DATABASE_URL")),
             QStringLiteral("postgresql://u:pw@h/db"));
    QCOMPARE(values.value(QStringLiteral("L40")), QStringLiteral("x"));
    QCOMPARE(values.size(), 43); // DATABASE_URL, PASS, L0 … L40
}

void TestDotEnv::readFileReportsAMissingFile()
{
    const auto values = DotEnv::readFile(QStringLiteral("/nonexistent/.env"), {});
    QVERIFY(!values.ok());
    QCOMPARE(values.error().code(), gh::Error::Code::FileNotFound);
    QVERIFY(values.error().message().contains(QStringLiteral("/nonexistent/.env")));
}

void TestDotEnv::readFileExpandsAgainstTheEnvironment()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral(".env"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# database\nexport DATABASE_URL=\"postgresql://app:${PGPASS}@localhost/app\"\r\n");
    file.close();

    const auto values = DotEnv::readFile(path, environmentOf({{"PGPASS", "pw"}}));
    QVERIFY2(values.ok(), qPrintable(values.error().message()));
    QCOMPARE(values->value(QStringLiteral("DATABASE_URL")),
             QStringLiteral("postgresql://app:pw@localhost/app"));
}

QTEST_APPLESS_MAIN(TestDotEnv)
#include "tst_dotenv.moc"
