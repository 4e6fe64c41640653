#include "core/prisma/FieldValidator.h"

#include "core/prisma/Connector.h"
#include "core/prisma/ValidationContext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace gh::prisma {

namespace {

// Rust's i64 parsing, with its error texts (Prisma shows them in parentheses).
QString integerProblem(const QString &text)
{
    if (text.isEmpty())
        return QStringLiteral("cannot parse integer from empty string");
    qsizetype start = (text.at(0) == QLatin1Char('-') || text.at(0) == QLatin1Char('+')) ? 1 : 0;
    if (start == text.size())
        return QStringLiteral("invalid digit found in string");
    for (qsizetype i = start; i < text.size(); ++i) {
        if (!text.at(i).isDigit() || text.at(i).unicode() > 127)
            return QStringLiteral("invalid digit found in string");
    }
    bool ok = false;
    text.toLongLong(&ok);
    if (!ok)
        return text.at(0) == QLatin1Char('-')
                   ? QStringLiteral("number too small to fit in target type")
                   : QStringLiteral("number too large to fit in target type");
    return {};
}

bool isDecimal(const QString &text)
{
    static const QRegularExpression decimal(
        QStringLiteral(R"(^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$)"));
    return decimal.match(text).hasMatch();
}

// RFC 3339 as chrono's parse_from_rfc3339 reads it.
bool isRfc3339(const QString &text)
{
    static const QRegularExpression format(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)"));
    const QRegularExpressionMatch match = format.match(text);
    if (!match.hasMatch())
        return false;
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                     match.captured(3).toInt());
    const int hour = match.captured(4).toInt(), minute = match.captured(5).toInt(),
              second = match.captured(6).toInt();
    return date.isValid() && hour < 24 && minute < 60 && second <= 60;
}

// The standard base64 alphabet with canonical padding, as Rust's base64 engine decodes it.
bool isBase64(const QString &text)
{
    if (text.size() % 4 != 0)
        return false;
    qsizetype padding = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('=')) {
            ++padding;
            continue;
        }
        if (padding > 0)
            return false;
        const bool alphabet = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                              (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                              (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                              c == QLatin1Char('+') || c == QLatin1Char('/');
        if (!alphabet)
            return false;
    }
    return padding <= 2;
}

// The native type as Prisma writes it in messages: `Decimal(5,10)`.
QString renderNativeType(const NativeType &type)
{
    if (type.arguments.isEmpty())
        return type.name;
    return type.name + QLatin1Char('(') + type.arguments.join(QLatin1Char(',')) + QLatin1Char(')');
}

} // namespace

FieldValidator::FieldValidator(ValidationContext &context)
    : m_context(context)
    , m_mongodb(context.connector() && qstrcmp(context.connector()->provider(), "mongodb") == 0)
{}

// autoincrement.rs.
void FieldValidator::autoincrement(const Model &model)
{
    QList<const ModelField *> fields;
    for (const ModelField &field : model.fields) {
        if (field.defaultValue && field.defaultValue->isFunction(QLatin1String("autoincrement")))
            fields.append(&field);
    }
    if (fields.isEmpty() || !m_context.connector())
        return;
    if (!m_context.has(Connector::AutoIncrement)) {
        for (const ModelField *field : std::as_const(fields))
            m_context.attributeError(field->span.file, field->defaultValue->span.range,
                                     QStringLiteral("@default"),
                                     QStringLiteral("The `autoincrement()` default value is used "
                                                    "with a datasource that does not support "
                                                    "it."));
        return;
    }
    if (fields.size() > 1 && !m_context.has(Connector::AutoIncrementMultipleAllowed))
        m_context.attributeError(model.span.file, model.span.range, QStringLiteral("@default"),
                                 QStringLiteral("The `autoincrement()` default value is used "
                                                "multiple times on this model even though the "
                                                "underlying datasource only supports one instance "
                                                "per table."));
    for (const ModelField *field : std::as_const(fields)) {
        const int index = int(field - model.fields.constData());
        const bool singleId = model.primaryKey && model.primaryKey->fields.size() == 1 &&
                              model.primaryKey->fields.constFirst().field == index;
        if (!singleId && !m_context.has(Connector::AutoIncrementAllowedOnNonId))
            m_context.attributeError(field->span.file, field->span.range,
                                     QStringLiteral("@default"),
                                     QStringLiteral("The `autoincrement()` default value is used "
                                                    "on a non-id field even though the datasource "
                                                    "does not support this."));
        bool indexed = model.primaryKey && !model.primaryKey->fields.isEmpty() &&
                       model.primaryKey->fields.constFirst().field == index;
        for (const Index &other : model.indexes) {
            if (!other.fields.isEmpty() && other.fields.constFirst().field == index)
                indexed = true;
        }
        if (!indexed && !m_context.has(Connector::AutoIncrementNonIndexedAllowed))
            m_context.attributeError(field->span.file, field->span.range,
                                     QStringLiteral("@default"),
                                     QStringLiteral("The `autoincrement()` default value is used "
                                                    "on a non-indexed field even though the "
                                                    "datasource does not support this."));
    }
}

// validate_scalar_field_connector_specific, and MongoDB's id rule.
void FieldValidator::connectorSpecific(const Model &model, const ModelField &field)
{
    const Connector *connector = m_context.connector();
    if (!connector)
        return;
    // Named where a message needs it: most fields have nothing to report.
    const auto container = [&] { return ValidationContext::containerName(model); };
    if (field.type.isScalar(ScalarType::Json)) {
        if (!m_context.has(Connector::Json))
            m_context.fieldError(model, field,
                                 QStringLiteral("Field `%1` in %2 `%3` can't be of type Json. The "
                                                "current connector does not support the Json "
                                                "type.")
                                     .arg(field.name, container(), model.name));
        if (field.isList() && !m_context.has(Connector::JsonLists))
            m_context.fieldError(model, field,
                                 QStringLiteral("Field `%1` in %2 `%3` can't be of type Json[]. "
                                                "The current connector does not support the Json "
                                                "List type.")
                                     .arg(field.name, container(), model.name));
    }
    if (field.type.isScalar(ScalarType::Decimal) && !m_context.has(Connector::DecimalType))
        m_context.fieldError(model, field,
                             QStringLiteral("Field `%1` in %2 `%3` can't be of type Decimal. The "
                                            "current connector does not support the Decimal "
                                            "type.")
                                 .arg(field.name, container(), model.name));
    if (field.isList() && !m_context.has(Connector::ScalarLists))
        m_context.error(field.span,
                        QStringLiteral("Field \"%1\" in %2 \"%3\" can't be a list. The current "
                                       "connector does not support lists of primitive types.")
                            .arg(field.name, container(), model.name));

    if (m_mongodb) {
        if (field.isId && field.mappedName != QLatin1String("_id"))
            m_context.fieldError(model, field,
                                 QStringLiteral("MongoDB model IDs must have an @map(\"_id\") "
                                                "annotation."));
        if (field.defaultValue && field.defaultValue->isFunction(QLatin1String("auto"))) {
            if (!field.nativeType || field.nativeType->name != QLatin1String("ObjectId"))
                m_context.fieldError(model, field,
                                     QStringLiteral("MongoDB `@default(auto())` fields must have "
                                                    "`ObjectId` native type."));
            if (!field.isId)
                m_context.fieldError(model, field,
                                     QStringLiteral("MongoDB `@default(auto())` fields must have "
                                                    "the `@id` attribute."));
        }
    }
}

// fields::validate_native_type_arguments and the connectors' argument ranges.
void FieldValidator::nativeType(const ModelField &field)
{
    const Connector *connector = m_context.connector();
    if (!connector || !field.nativeType || !field.type.is(ResolvedType::Kind::Scalar))
        return;
    const NativeType &native = *field.nativeType;
    const SourceSpan &span = native.span;
    const Datasource *source = m_context.dataModel().datasource();
    if (source && native.prefix != source->name)
        m_context.error(span,
                        QStringLiteral("The prefix %1 is invalid. It must be equal to the name of "
                                       "an existing datasource e.g. %2. Did you mean to use %2.%3?")
                            .arg(native.prefix, source->name, native.name));

    const Connector::NativeType *constructor = connector->nativeType(native.name);
    if (!constructor) {
        m_context.error(span, QStringLiteral("Native type %1 is not supported for %2 connector.")
                                  .arg(native.name, QLatin1String(connector->provider())));
        return;
    }
    const int count = int(native.arguments.size());
    const int required = constructor->requiredArguments();
    const int optional = constructor->optionalArguments();
    if (count < required || (count > required && optional == 0)) {
        m_context.error(span, QStringLiteral("Function \"%1\" takes %2 arguments, but received %3.")
                                  .arg(native.name)
                                  .arg(required)
                                  .arg(count));
        return;
    }
    if (count > required + optional && optional > 0) {
        m_context.error(span, QStringLiteral("Native type %1 takes %2 optional arguments, but "
                                             "received %3.")
                                  .arg(native.name)
                                  .arg(optional)
                                  .arg(count));
        return;
    }
    if (!constructor->fits(field.type.scalar)) {
        QStringList expected;
        for (int i = 0; i <= int(ScalarType::Bytes); ++i) {
            if (constructor->fits(ScalarType(i)))
                expected.append(QLatin1String(scalarTypeName(ScalarType(i))));
        }
        m_context.error(
            span, QStringLiteral("Native type %1 is not compatible with declared field "
                                 "type %2, expected field type %3.")
                      .arg(native.name, field.type.name, expected.join(QLatin1String(" or "))));
        return;
    }
    if (count == 0)
        return nativeTypeArguments(field, {});

    // The arguments must parse: nonnegative integers, or SQL Server's `Max`.
    QVarLengthArray<quint32, 4> numbers;
    bool parsed = true;
    for (const QString &argument : native.arguments) {
        if (constructor->arguments == Connector::Arguments::NumberOrMax &&
            argument.compare(QLatin1String("max"), Qt::CaseInsensitive) == 0) {
            numbers.append(0);
            continue;
        }
        bool ok = false;
        const uint value = argument.toUInt(&ok);
        if (!ok || argument.startsWith(QLatin1Char('+'))) {
            parsed = false;
            break;
        }
        numbers.append(value);
    }
    if (!parsed || (constructor->arguments == Connector::Arguments::NumberPair && count != 2)) {
        const char *description = "a nonnegative integer";
        if (constructor->arguments == Connector::Arguments::NumberPair)
            description = "two nonnegative integers";
        else if (constructor->arguments == Connector::Arguments::NumberOrMax)
            description = "an integer or `Max`";
        m_context.error(
            span, QStringLiteral("Expected %1, but found (%2).")
                      .arg(QLatin1String(description), native.arguments.join(QLatin1String(", "))));
        return;
    }
    nativeTypeArguments(field, numbers);
}

// The connectors' validate_native_type_arguments. DIFFERS: SQL Server's ranges are not checked.
void FieldValidator::nativeTypeArguments(const ModelField &field,
                                         const QVarLengthArray<quint32, 4> &numbers)
{
    const Connector &connector = *m_context.connector();
    const NativeType &native = *field.nativeType;
    const QByteArrayView provider(connector.provider());
    // The texts of the messages are only built for a message.
    const auto outOfRange = [&](const char *message) {
        m_context.error(native.span,
                        QStringLiteral("Argument M is out of range for native type `%1` of %2: %3")
                            .arg(renderNativeType(native), QLatin1String(connector.name()),
                                 QLatin1String(message)));
    };
    const auto scaleTooLarge = [&] {
        m_context.error(native.span,
                        QStringLiteral("The scale must not be larger than the precision for the %1 "
                                       "native type in %2.")
                            .arg(renderNativeType(native), QLatin1String(connector.name())));
    };
    const QString &name = native.name;
    const auto is = [&](const char *candidate) { return name == QLatin1String(candidate); };
    const quint32 first = numbers.isEmpty() ? 0 : numbers.first();

    if (provider == "postgresql" || provider == "cockroachdb") {
        if (is("Decimal") && numbers.size() == 2) {
            if (numbers.at(1) > numbers.at(0))
                scaleTooLarge();
            else if (provider == "postgresql" && (numbers.at(0) > 1000 || numbers.at(0) == 0))
                outOfRange("Precision must be positive with a maximum value of 1000.");
        } else if ((is("Bit") || is("VarBit")) && !numbers.isEmpty() && first == 0) {
            outOfRange("M must be a positive integer.");
        } else if ((is("Timestamp") || is("Timestamptz") || is("Time") || is("Timetz")) &&
                   !numbers.isEmpty() && first > 6) {
            outOfRange("M can range from 0 to 6.");
        }
    } else if (provider == "mysql") {
        if (is("Decimal") && numbers.size() == 2) {
            if (numbers.at(1) > numbers.at(0))
                scaleTooLarge();
            else if (numbers.at(0) > 65)
                outOfRange("Precision can range from 1 to 65.");
            else if (numbers.at(1) > 30)
                outOfRange("Scale can range from 0 to 30.");
        } else if (is("Bit") && (first == 0 || first > 64)) {
            outOfRange("M can range from 1 to 64.");
        } else if (is("Char") && first > 255) {
            outOfRange("M can range from 0 to 255.");
        } else if (is("VarChar") && first > 65535) {
            outOfRange("M can range from 0 to 65,535.");
        } else if (is("Bit") && first > 1 && field.type.isScalar(ScalarType::Boolean)) {
            outOfRange("only Bit(1) can be used as Boolean.");
        }
    }
}

void FieldValidator::parseError(const SourceSpan &at, const QString &message, bool withAt)
{
    // Prisma names the attribute without its `@` for decimals (a quirk kept for equality).
    m_context.attributeError(at.file, at.range,
                             withAt ? QStringLiteral("@default") : QStringLiteral("default"),
                             message);
}

// default_value.rs and the connectors' default function rules.
void FieldValidator::defaultValue(const Model &model, const ModelField &field)
{
    if (!field.defaultValue)
        return;
    const DefaultValue &value = *field.defaultValue;
    const Connector *connector = m_context.connector();
    if (!value.mappedName.isEmpty()) {
        if (connector && !m_context.has(Connector::NamedDefaultValues))
            m_context.attributeError(value.span.file, value.span.range, QStringLiteral("@default"),
                                     QStringLiteral("You defined a database name for the default "
                                                    "value of a field on the model. This is not "
                                                    "supported by the provider."));
        m_context.databaseNameLength(model, value.span, value.mappedName,
                                     QStringLiteral("@default"));
    }
    if (value.isFunction()) {
        const QString &name = value.value;
        static const QStringList known = {QStringLiteral("autoincrement"), QStringLiteral("cuid"),
                                          QStringLiteral("dbgenerated"),   QStringLiteral("nanoid"),
                                          QStringLiteral("now"),           QStringLiteral("uuid"),
                                          QStringLiteral("ulid")};
        const QByteArrayView provider(connector ? connector->provider() : "");
        if (name == QLatin1String("auto")) {
            if (provider != "mongodb")
                m_context.attributeError(value.valueSpan.file, value.valueSpan.range,
                                         QStringLiteral("@default"),
                                         QStringLiteral("The current connector does not support "
                                                        "the `auto()` function."));
            return;
        }
        if (name == QLatin1String("sequence") && provider == "cockroachdb")
            return;
        if (!known.contains(name)) {
            m_context.error(value.valueSpan,
                            QStringLiteral("Unknown function in @default(): `%1` is not known. You "
                                           "can read about the available functions here: "
                                           "https://pris.ly/d/attribute-functions")
                                .arg(name));
            return;
        }
        if (name == QLatin1String("autoincrement") && provider == "cockroachdb" &&
            field.type.isScalar(ScalarType::Int))
            parseError(value.span,
                       QStringLiteral("The `autoincrement()` default function is defined only on "
                                      "BigInt fields on CockroachDB. Use sequence() if you want "
                                      "an autoincrementing Int field."),
                       false);
        return;
    }
    if (field.type.is(ResolvedType::Kind::Scalar))
        literal(value, field.type.scalar, field.isList());
}

void FieldValidator::literal(const DefaultValue &value, ScalarType type, bool isList)
{
    if (isList && value.isList()) {
        for (const DefaultValue &element : value.arguments)
            literal(element, type, false);
        return;
    }
    const QString &text = value.value;
    const auto problem = [&](const char *what, const QString &reason, bool withAt = true) {
        parseError(value.valueSpan,
                   QStringLiteral("Parse error: \"%1\" is not a valid %2. (%3)")
                       .arg(text, QLatin1String(what), reason),
                   withAt);
    };
    switch (type) {
    case ScalarType::Int:
    case ScalarType::BigInt:
        if (value.kind == DefaultValue::Kind::Number) {
            const QString reason = integerProblem(text);
            if (!reason.isEmpty())
                problem("integer", reason);
        }
        break;
    case ScalarType::Decimal:
        if (!isDecimal(text))
            problem("decimal", QStringLiteral("invalid digit found in string"), false);
        break;
    case ScalarType::Json:
        if (value.kind == DefaultValue::Kind::String) {
            // QJsonDocument reads arrays and objects: wrap the value in one.
            QJsonParseError error;
            QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
            // DIFFERS: the reason in parentheses is Qt's, Prisma's is serde_json's.
            if (error.error != QJsonParseError::NoError)
                problem("JSON string", error.errorString());
        }
        break;
    case ScalarType::DateTime:
        // DIFFERS: one reason for every malformed date; Prisma's comes from chrono.
        if (value.kind == DefaultValue::Kind::String && !isRfc3339(text))
            problem("rfc3339 datetime string", QStringLiteral("input contains invalid characters"));
        break;
    case ScalarType::Bytes:
        if (value.kind == DefaultValue::Kind::String && !isBase64(text))
            problem("base64 string", QStringLiteral("Could not convert from `base64 encoded bytes` "
                                                    "to `PrismaValue::Bytes`"));
        break;
    default:
        break;
    }
}

} // namespace gh::prisma
