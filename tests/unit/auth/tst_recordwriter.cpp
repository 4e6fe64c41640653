#include "core/auth/RecordWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace gh;

namespace {

QVector<AuthField> sessionFields()
{
    // name, column, type, optional, secret; authName empty: the same as name.
    return {
        {QStringLiteral("sessionToken"), QStringLiteral("session_token"), FieldType::String, false,
         true, QString()},
        {QStringLiteral("userId"), QStringLiteral("user_id"), FieldType::String, false, false,
         QString()},
        {QStringLiteral("expires"), QStringLiteral("expires"), FieldType::DateTime, false, false,
         QString()},
        {QStringLiteral("counter"), QStringLiteral("counter"), FieldType::Int, true, false,
         QString()},
    };
}

QVector<QVariantList> sessionRows()
{
    return {
        {QStringLiteral("5b0c3f2e-aaaa-bbbb-cccc-0123456789ab"), QStringLiteral("u1"),
         QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 6), Qt::UTC), 7},
        {QStringLiteral("short"), QStringLiteral("u, \"2\" \\ é"), QVariant(), QVariant()},
    };
}

QString render(RecordWriter::Format format,
               RecordWriter::Secrets secrets = RecordWriter::Secrets::Masked)
{
    QString text;
    QTextStream out(&text);
    RecordWriter writer(out, format, secrets);
    writer.begin(sessionFields());
    writer.write(sessionRows());
    writer.end();
    return text;
}

} // namespace

class TestRecordWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonIsKeyedByPrismaFieldNames()
    {
        const auto doc = QJsonDocument::fromJson(render(RecordWriter::Format::Json).toUtf8());
        QVERIFY(doc.isArray());
        const QJsonObject first = doc.array().at(0).toObject();
        QCOMPARE(first.keys(),
                 (QStringList{QStringLiteral("counter"), QStringLiteral("expires"),
                              QStringLiteral("sessionToken"), QStringLiteral("userId")}));
        // Keys follow the schema's field order, as Prisma Client prints records.
        const QString text = render(RecordWriter::Format::Json);
        QVERIFY(text.indexOf(QLatin1String("\"sessionToken\"")) <
                text.indexOf(QLatin1String("\"userId\"")));
        QVERIFY(text.indexOf(QLatin1String("\"expires\"")) <
                text.indexOf(QLatin1String("\"counter\"")));
        QCOMPARE(first.value(QStringLiteral("expires")).toString(),
                 QStringLiteral("2025-01-02T03:04:05.006Z"));
        QCOMPARE(first.value(QStringLiteral("counter")).toInt(), 7);
        QVERIFY(doc.array().at(1).toObject().value(QStringLiteral("expires")).isNull());
        QCOMPARE(doc.array().at(1).toObject().value(QStringLiteral("userId")).toString(),
                 QString::fromUtf8("u, \"2\" \\ é"));
    }

    void secretsAreMaskedUnlessRevealed()
    {
        const QString masked = render(RecordWriter::Format::Json);
        QVERIFY(!masked.contains(QLatin1String("5b0c3f2e-aaaa-bbbb-cccc-0123456789ab")));
        QVERIFY(!masked.contains(QLatin1String("\"short\"")));
        QVERIFY(masked.contains(QLatin1String("5b0c")));
        const QString revealed =
            render(RecordWriter::Format::Json, RecordWriter::Secrets::Revealed);
        QVERIFY(revealed.contains(QLatin1String("5b0c3f2e-aaaa-bbbb-cccc-0123456789ab")));
    }

    void csvQuotesLikeRfc4180()
    {
        const QStringList lines = render(RecordWriter::Format::Csv).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.at(0), QStringLiteral("sessionToken,userId,expires,counter"));
        QVERIFY(lines.at(2).contains(QString::fromUtf8(",\"u, \"\"2\"\" \\ é\",,")));
    }

    void tableAlignsColumns()
    {
        const QStringList lines = render(RecordWriter::Format::Table).split(QLatin1Char('\n'));
        QVERIFY(lines.at(0).startsWith(QLatin1String("sessionToken")));
        QCOMPARE(lines.at(0).indexOf(QLatin1String("userId")),
                 lines.at(2).indexOf(QLatin1String("u1")));
    }

    void emptyJsonIsAnEmptyArray()
    {
        QString text;
        QTextStream out(&text);
        RecordWriter writer(out, RecordWriter::Format::Json);
        writer.begin(sessionFields());
        writer.end();
        QCOMPARE(QJsonDocument::fromJson(text.toUtf8()).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRecordWriter)
#include "tst_recordwriter.moc"
