#include "../PrismaTestData.h"
#include "DmmfJson.h"
#include "core/prisma/DataModel.h"
#include "core/prisma/DataModelBuilder.h"
#include "core/prisma/SchemaSource.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtTest>

using namespace gh::prisma;

namespace {

SchemaSource loadSchema(const QString &path)
{
    auto schema = SchemaSource::load(path);
    if (!schema)
        qFatal("cannot load %s", qPrintable(path));
    return std::move(schema).value();
}

DataModel fixture(const QString &name)
{
    return DataModel::build(
        loadSchema(PrismaTestData::root() + QStringLiteral("/fixtures/") + name + ".prisma"));
}

SchemaSource fromText(const QByteArray &text)
{
    return SchemaSource::fromFiles({SourceFile(QStringLiteral("schema.prisma"), text)});
}

// The text a span covers, for checks that a span points at the right place.
QString spanText(const SchemaSource &schema, const SourceSpan &span)
{
    return schema.files().at(size_t(span.file)).string(span.range);
}

} // namespace

class TestDataModel : public QObject
{
    Q_OBJECT

private slots:
    void matchesPrismaDmmf_data();
    void matchesPrismaDmmf();
    void authJsSnakeCaseMapsModelsToTables();
    void relationsKnowTheirKindSidesAndActions();
    void nativeTypesKeepTheirArguments();
    void defaultsKeepFunctionsArgumentsAndLiterals();
    void idsUniquesAndIndexesKeepTheirOptions();
    void partialIndexesKeepTheirWhere();
    void datasourceAndGenerators();
    void enumsKeepDatabaseNames();
    void compositeTypesAndUnsupportedTypes();
    void spansPointAtTheDefinitions();
    void multiFileSchemasResolveAcrossFiles();
    void brokenSchemaStillGivesAModel();
    void duplicateNamesResolveToTheLastDefinition();
};

// Every schema for which the oracle produced a DMMF: models, fields, types, database names,
// ids, uniques, defaults, relations and indexes must be what Prisma 7 makes of them.
void TestDataModel::matchesPrismaDmmf_data()
{
    QTest::addColumn<QString>("schemaPath");
    QTest::addColumn<QString>("goldenPath");
    const QString root = PrismaTestData::root();
    for (const QString &golden : QDir(root + QStringLiteral("/golden/fixtures"))
                                     .entryList({QStringLiteral("*.dmmf.json")})) {
        const QString name = golden.chopped(int(qstrlen(".dmmf.json")));
        QTest::newRow(qPrintable(name)) << root + QStringLiteral("/fixtures/") + name + ".prisma"
                                        << root + QStringLiteral("/golden/fixtures/") + golden;
    }
    QTest::newRow("multi/valid") << root + QStringLiteral("/multi/valid")
                                 << root + QStringLiteral("/golden/multi/valid.dmmf.json");
}

void TestDataModel::matchesPrismaDmmf()
{
    QFETCH(QString, schemaPath);
    QFETCH(QString, goldenPath);
    const QJsonDocument golden = QJsonDocument::fromJson(PrismaTestData::read(goldenPath));
    QVERIFY(golden.isObject());

    QList<Diagnostic> diagnostics;
    const DataModel dm = DataModelBuilder::build(loadSchema(schemaPath), &diagnostics);
    for (const Diagnostic &diagnostic : std::as_const(diagnostics))
        qWarning().noquote() << diagnostic.toString();
    QVERIFY2(diagnostics.isEmpty(), "a valid schema gives no diagnostics while building");

    QStringList differences;
    DmmfJson::diff(golden.object(), DmmfJson::datamodel(dm), QStringLiteral("datamodel"),
                   differences);
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
}

void TestDataModel::authJsSnakeCaseMapsModelsToTables()
{
    const DataModel dm = fixture(QStringLiteral("authjs-postgres-snake"));
    const Model *user = dm.model(QStringLiteral("User"));
    QVERIFY(user);
    QCOMPARE(user->databaseName(), QStringLiteral("users"));
    QCOMPARE(user->field(QStringLiteral("emailVerified"))->databaseName(),
             QStringLiteral("email_verified"));
    QCOMPARE(user->field(QStringLiteral("email"))->databaseName(), QStringLiteral("email"));
    QCOMPARE(dm.modelByDatabaseName(QStringLiteral("sessions"))->name, QStringLiteral("Session"));
    QCOMPARE(dm.model(QStringLiteral("Session"))
                 ->fieldByDatabaseName(QStringLiteral("session_token"))
                 ->name,
             QStringLiteral("sessionToken"));
    QVERIFY(!dm.model(QStringLiteral("Nope")));
    QCOMPARE(dm.provider(), QStringLiteral("postgresql"));
}

void TestDataModel::relationsKnowTheirKindSidesAndActions()
{
    const DataModel dm = fixture(QStringLiteral("relations"));
    const int profileIndex = dm.modelIndex(QStringLiteral("Profile"));
    const Model &profile = dm.models().at(profileIndex);
    const ModelField *user = profile.field(QStringLiteral("user"));
    QVERIFY(user && user->isRelation());
    QCOMPARE(user->relationAttribute->fields, QStringList{QStringLiteral("userId")});
    QCOMPARE(user->relationAttribute->references, QStringList{QStringLiteral("id")});
    QCOMPARE(user->relationAttribute->onDelete, ReferentialAction::Cascade);
    QCOMPARE(user->relationAttribute->mappedName, QStringLiteral("profile_user_fk"));
    const Relation *oneToOne = dm.relationOf(*user);
    QVERIFY(oneToOne);
    QCOMPARE(oneToOne->kind, Relation::Kind::OneToOne);
    QCOMPARE(oneToOne->name, QStringLiteral("ProfileToUser"));
    QCOMPARE(oneToOne->a.model, profileIndex); // the side with the foreign key
    QCOMPARE(dm.oppositeField(profileIndex, profile.fieldIndex(QStringLiteral("user")))->name,
             QStringLiteral("profile"));

    const Model &post = *dm.model(QStringLiteral("Post"));
    const ModelField &author = *post.field(QStringLiteral("author"));
    QCOMPARE(dm.relationOf(author)->kind, Relation::Kind::OneToMany);
    QCOMPARE(dm.relationOf(author)->name, QStringLiteral("authored"));
    QVERIFY(dm.relationOf(author)->hasExplicitName);
    QCOMPARE(dm.effectiveOnDelete(author), ReferentialAction::Restrict);
    QCOMPARE(dm.effectiveOnUpdate(author), ReferentialAction::Cascade);
    const ModelField &category = *post.field(QStringLiteral("category"));
    QCOMPARE(category.relationAttribute->fields,
             (QStringList{QStringLiteral("categoryName"), QStringLiteral("categorySite")}));
    QCOMPARE(dm.effectiveOnDelete(category), ReferentialAction::SetDefault);

    const Model &userModel = *dm.model(QStringLiteral("User"));
    const ModelField &groups = *userModel.field(QStringLiteral("groups"));
    const Relation &manyToMany = *dm.relationOf(groups);
    QCOMPARE(manyToMany.kind, Relation::Kind::ImplicitManyToMany);
    QCOMPARE(manyToMany.name, QStringLiteral("GroupToUser"));
    QCOMPARE(dm.models().at(manyToMany.a.model).name, QStringLiteral("Group")); // join column A

    const ModelField &manager = *userModel.field(QStringLiteral("manager"));
    const Relation &self = *dm.relationOf(manager);
    QVERIFY(self.isSelfRelation());
    QCOMPARE(dm.effectiveOnDelete(manager), ReferentialAction::SetNull);
    QCOMPARE(userModel.fields.at(self.b.field).name, QStringLiteral("reports"));

    // Each relation is listed once and both of its fields point at it.
    int fieldsWithRelation = 0;
    for (const Model &model : dm.models()) {
        for (const ModelField &field : model.fields)
            fieldsWithRelation += field.relation >= 0 ? 1 : 0;
    }
    int sides = 0;
    for (const Relation &relation : dm.relations())
        sides += (relation.a.field >= 0 ? 1 : 0) + (relation.b.field >= 0 ? 1 : 0);
    QCOMPARE(sides, fieldsWithRelation);
}

void TestDataModel::nativeTypesKeepTheirArguments()
{
    const DataModel dm = fixture(QStringLiteral("native-types-postgres"));
    const Model &model = dm.models().constFirst();
    const ModelField &price = *model.field(QStringLiteral("price"));
    QVERIFY(price.nativeType);
    QCOMPARE(price.nativeType->prefix, QStringLiteral("db"));
    QCOMPARE(price.nativeType->name, QStringLiteral("Decimal"));
    QCOMPARE(price.nativeType->arguments, (QStringList{QStringLiteral("10"), QStringLiteral("2")}));
    QCOMPARE(model.field(QStringLiteral("id"))->nativeType->name, QStringLiteral("Uuid"));
    QVERIFY(model.field(QStringLiteral("id"))->nativeType->arguments.isEmpty());
    QVERIFY(price.type.isScalar(ScalarType::Decimal));
}

void TestDataModel::defaultsKeepFunctionsArgumentsAndLiterals()
{
    const DataModel dm = fixture(QStringLiteral("dbgenerated"));
    const Model &model = dm.models().constFirst();
    const auto defaultOf = [&](const char *name) {
        return *model.field(QLatin1String(name))->defaultValue;
    };

    QVERIFY(defaultOf("createdAt").isFunction(QLatin1String("now")));
    QVERIFY(defaultOf("serial").isFunction(QLatin1String("autoincrement")));
    const DataModel cockroach = fixture(QStringLiteral("cockroachdb"));
    const DefaultValue sequence =
        *cockroach.models().constFirst().field(QStringLiteral("seq"))->defaultValue;
    QVERIFY(sequence.isFunction(QLatin1String("sequence")));
    QCOMPARE(sequence.arguments.size(), size_t(2));
    QCOMPARE(sequence.arguments.at(1).name, QStringLiteral("increment"));
    QCOMPARE(sequence.arguments.at(1).value, QStringLiteral("5"));
    const DefaultValue cuid2 = defaultOf("cuid2");
    QVERIFY(cuid2.isFunction(QLatin1String("cuid")));
    QCOMPARE(cuid2.arguments.size(), size_t(1));
    QCOMPARE(cuid2.arguments.front().kind, DefaultValue::Kind::Number);
    QCOMPARE(cuid2.arguments.front().value, QStringLiteral("2"));
    const DefaultValue generated = defaultOf("generatedId");
    QVERIFY(generated.isFunction(QLatin1String("dbgenerated")));
    QCOMPARE(generated.arguments.front().kind, DefaultValue::Kind::String);
    QCOMPARE(generated.arguments.front().value, QStringLiteral("gen_random_uuid()"));
    QCOMPARE(defaultOf("escaped").value, QStringLiteral("quote \" backslash \\ tab \t unicode é"));
    QCOMPARE(defaultOf("negative").value, QStringLiteral("-42"));
    QCOMPARE(defaultOf("enabled").kind, DefaultValue::Kind::Boolean);
    QVERIFY(defaultOf("scores").isList());
    QCOMPARE(defaultOf("scores").arguments.size(), size_t(3));
    QVERIFY(model.field(QStringLiteral("updatedAt"))->isUpdatedAt);
    QVERIFY(!model.field(QStringLiteral("updatedAt"))->defaultValue);

    // `map:` names a default constraint (SQL Server).
    const DataModel named = DataModel::build(fromText(
        "model A {\n  id Int @id\n  n Int @default(0, map: \"DF_n\")\n  e R @default(X)\n}\n"
        "enum R {\n  X\n}\n"));
    QCOMPARE(named.models().constFirst().field(QStringLiteral("n"))->defaultValue->mappedName,
             QStringLiteral("DF_n"));
    const DefaultValue enumDefault =
        *named.models().constFirst().field(QStringLiteral("e"))->defaultValue;
    QCOMPARE(enumDefault.kind, DefaultValue::Kind::Constant);
    QCOMPARE(enumDefault.value, QStringLiteral("X"));
}

// Prisma 7's partial indexes: `where: raw("...")` keeps the SQL, the object form each
// condition with its field, negation and value (fixture preview/partial-indexes.prisma).
void TestDataModel::partialIndexesKeepTheirWhere()
{
    const DataModel dm = DataModel::build(
        loadSchema(PrismaTestData::root() + QStringLiteral("/preview/partial-indexes.prisma")));
    const Model &user = *dm.model(QStringLiteral("User"));
    const auto indexOn = [&](Index::Type type, const QString &field) -> const Index & {
        for (const Index &index : user.indexes) {
            if (index.type == type && index.fields.size() == 1 &&
                index.fields.constFirst().name == field)
                return index;
        }
        qFatal("no index on %s", qPrintable(field));
    };
    using Value = IndexWhere::Condition::Value;

    const Index &raw = indexOn(Index::Type::Normal, QStringLiteral("email"));
    QVERIFY(raw.where);
    QCOMPARE(raw.where->kind, IndexWhere::Kind::Raw);
    QCOMPARE(raw.where->raw, QStringLiteral("active = true"));

    const Index &live = indexOn(Index::Type::Unique, QStringLiteral("name"));
    QCOMPARE(live.mappedName, QStringLiteral("user_name_live"));
    QVERIFY(live.where);
    QCOMPARE(live.where->kind, IndexWhere::Kind::Object);
    QCOMPARE(live.where->conditions.size(), 1);
    QCOMPARE(live.where->conditions.constFirst().field, QStringLiteral("deletedAt"));
    QCOMPARE(live.where->conditions.constFirst().valueKind, Value::Null);
    QVERIFY(!live.where->conditions.constFirst().negated);

    const Index &ages = indexOn(Index::Type::Normal, QStringLiteral("age"));
    QCOMPARE(ages.where->conditions.size(), 2);
    const IndexWhere::Condition &notNull = ages.where->conditions.at(0);
    QCOMPARE(notNull.field, QStringLiteral("age"));
    QVERIFY(notNull.negated);
    QCOMPARE(notNull.valueKind, Value::Null);
    const IndexWhere::Condition &score = ages.where->conditions.at(1);
    QCOMPARE(score.field, QStringLiteral("score"));
    QCOMPARE(score.valueKind, Value::Number);
    QCOMPARE(score.value, QStringLiteral("1.5"));

    const Index &names = indexOn(Index::Type::Normal, QStringLiteral("name"));
    QCOMPARE(names.where->conditions.size(), 3);
    QCOMPARE(names.where->conditions.at(0).valueKind, Value::String);
    QCOMPARE(names.where->conditions.at(0).value, QStringLiteral("x"));
    QCOMPARE(names.where->conditions.at(1).value, QStringLiteral("-1"));
    QCOMPARE(names.where->conditions.at(2).valueKind, Value::Boolean);
    QCOMPARE(names.where->conditions.at(2).value, QStringLiteral("false"));

    // Indexes without `where` are whole-table indexes.
    QVERIFY(!user.primaryKey->fields.isEmpty());
    const DataModel plain = fixture(QStringLiteral("indexes"));
    for (const Model &model : plain.models()) {
        for (const Index &index : model.indexes)
            QVERIFY(!index.where);
    }
}

void TestDataModel::idsUniquesAndIndexesKeepTheirOptions()
{
    const DataModel dm = fixture(QStringLiteral("ids-and-uniques"));
    const Model &country = *dm.model(QStringLiteral("Country"));
    QVERIFY(country.primaryKey && country.primaryKey->isDefinedOnField);
    QCOMPARE(country.primaryKey->mappedName, QStringLiteral("country_code_pk"));
    QVERIFY(country.field(QStringLiteral("code"))->isId);
    QCOMPARE(country.indexes.constFirst().mappedName, QStringLiteral("country_name_key"));

    const Model &city = *dm.model(QStringLiteral("City"));
    QCOMPARE(city.primaryKey->fields.size(), 2);
    QVERIFY(!city.primaryKey->isDefinedOnField);
    QCOMPARE(city.indexes.constFirst().fields.constFirst().sort, SortOrder::Desc); // @unique(sort:)
    const Index &compound = city.indexes.at(1);
    QVERIFY(compound.isUnique() && !compound.isDefinedOnField);
    QCOMPARE(compound.fields.at(0).name, QStringLiteral("name"));
    QCOMPARE(compound.fields.at(0).sort, SortOrder::Desc);
    QCOMPARE(compound.fields.at(1).field, city.fieldIndex(QStringLiteral("country")));

    const Model &key = *dm.model(QStringLiteral("Key"));
    QCOMPARE(key.primaryKey->name, QStringLiteral("pk"));
    QCOMPARE(key.indexes.constFirst().mappedName, QStringLiteral("key_ab_unique"));

    const DataModel indexes = fixture(QStringLiteral("indexes"));
    const Model &post = *indexes.model(QStringLiteral("Post"));
    const auto index = [&](int i) { return post.indexes.at(i); };
    QCOMPARE(post.indexes.size(), 9);
    QCOMPARE(index(0).type, Index::Type::Normal);
    QCOMPARE(index(2).algorithm, IndexAlgorithm::Hash);
    QCOMPARE(index(4).fields.constFirst().operatorClass, QStringLiteral("JsonbPathOps"));
    QCOMPARE(index(6).fields.constFirst().operatorClass, QStringLiteral("gin_trgm_ops"));
    QVERIFY(index(6).fields.constFirst().operatorClassIsRaw);
    QCOMPARE(index(6).mappedName, QStringLiteral("post_body_trgm_idx"));
    QCOMPARE(index(7).fields.size(), 2);                   // @@index(fields: [...])
    QCOMPARE(index(8).name, QStringLiteral("authorSlug")); // @@unique comes after @@index
    QCOMPARE(index(8).mappedName, QStringLiteral("post_author_slug_key"));
}

void TestDataModel::datasourceAndGenerators()
{
    const DataModel saas = fixture(QStringLiteral("saas"));
    QVERIFY(saas.datasource());
    QCOMPARE(saas.datasource()->name, QStringLiteral("db"));
    QCOMPARE(saas.datasource()->url.kind, DatasourceUrl::Kind::EnvironmentVariable);
    QCOMPARE(saas.datasource()->url.value, QStringLiteral("DATABASE_URL"));
    QCOMPARE(saas.datasource()->directUrl.value, QStringLiteral("DIRECT_URL"));
    QCOMPARE(saas.datasource()->shadowDatabaseUrl.kind, DatasourceUrl::Kind::Absent);

    const DataModel sqlite = fixture(QStringLiteral("sqlite"));
    QCOMPARE(sqlite.datasource()->url.kind, DatasourceUrl::Kind::Literal);
    QCOMPARE(sqlite.datasource()->url.value, QStringLiteral("file:./dev.db"));

    const DataModel views = fixture(QStringLiteral("views")); // Prisma 7: no url
    QCOMPARE(views.datasource()->url.kind, DatasourceUrl::Kind::Absent);
    QCOMPARE(views.generators().constFirst().previewFeatures, QStringList{QStringLiteral("views")});

    const DataModel extensions = fixture(QStringLiteral("fulltext-and-extensions"));
    const QList<DatasourceExtension> list = extensions.datasource()->extensions;
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).name, QStringLiteral("pg_trgm"));
    QCOMPARE(list.at(1).version, QStringLiteral("3.4"));
    QCOMPARE(list.at(2).mappedName, QStringLiteral("uuid-ossp"));
    QCOMPARE(list.at(2).schema, QStringLiteral("extensions"));

    const DataModel multiSchema = fixture(QStringLiteral("multi-schema"));
    QCOMPARE(
        multiSchema.datasource()->schemas,
        (QStringList{QStringLiteral("auth"), QStringLiteral("billing"), QStringLiteral("public")}));
    QCOMPARE(multiSchema.model(QStringLiteral("Account"))->schema, QStringLiteral("auth"));
    QCOMPARE(
        multiSchema.modelByDatabaseName(QStringLiteral("accounts"), QStringLiteral("auth"))->name,
        QStringLiteral("Account"));

    const DataModel generators = fixture(QStringLiteral("generators"));
    QCOMPARE(generators.datasource()->relationMode, QStringLiteral("prisma"));
    QCOMPARE(generators.datasource()->effectiveRelationMode(), QStringLiteral("prisma"));
    QCOMPARE(saas.datasource()->effectiveRelationMode(), QStringLiteral("foreignKeys"));
    QCOMPARE(generators.generators().size(), 3);
    QCOMPARE(generators.generators().at(0).output, QStringLiteral("../src/generated/prisma"));
    QCOMPARE(generators.generators().at(0).previewFeatures,
             (QStringList{QStringLiteral("relationJoins"), QStringLiteral("nativeDistinct")}));
    QCOMPARE(generators.generators().at(2).output, QStringLiteral("env(\"DOCS_OUTPUT\")"));
}

void TestDataModel::enumsKeepDatabaseNames()
{
    const DataModel dm = fixture(QStringLiteral("enums"));
    const Enum &role = *dm.enumType(QStringLiteral("Role"));
    QCOMPARE(role.databaseName(), QStringLiteral("workspace_role"));
    QCOMPARE(role.value(QStringLiteral("ADMIN"))->databaseName(), QStringLiteral("admin"));
    QCOMPARE(role.value(QStringLiteral("OWNER"))->databaseName(), QStringLiteral("OWNER"));
    const ModelField &field = *dm.models().constFirst().field(QStringLiteral("role"));
    QCOMPARE(field.type.kind, ResolvedType::Kind::Enum);
    QCOMPARE(&dm.enums().at(field.type.index), &role);
}

void TestDataModel::compositeTypesAndUnsupportedTypes()
{
    const DataModel dm = fixture(QStringLiteral("composite-types"));
    const CompositeType &address = *dm.compositeType(QStringLiteral("Address"));
    QCOMPARE(address.field(QStringLiteral("zip"))->databaseName(), QStringLiteral("postal_code"));
    const ModelField &billing =
        *dm.model(QStringLiteral("Customer"))->field(QStringLiteral("billing"));
    QCOMPARE(billing.type.kind, ResolvedType::Kind::CompositeType);
    QCOMPARE(dm.compositeTypes().at(billing.type.index).name, QStringLiteral("Address"));

    const DataModel unsupported = fixture(QStringLiteral("unsupported"));
    bool found = false;
    for (const ModelField &field : unsupported.models().constFirst().fields) {
        if (field.isUnsupported()) {
            found = true;
            QVERIFY(!field.type.name.isEmpty());
            QVERIFY(!field.type.name.contains(QLatin1Char('"')));
        }
    }
    QVERIFY(found);
}

void TestDataModel::spansPointAtTheDefinitions()
{
    const SchemaSource schema = fromText("model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
                                         "model Post {\n  id     Int  @id\n  user   User "
                                         "@relation(fields: [userId], references: [id])\n"
                                         "  userId Int\n}\n");
    const DataModel dm = DataModel::build(schema);
    const Model &user = *dm.model(QStringLiteral("User"));
    QCOMPARE(spanText(schema, user.nameSpan), QStringLiteral("User"));
    QVERIFY(spanText(schema, user.span).startsWith(QLatin1String("model User {")));
    const ModelField &posts = *user.field(QStringLiteral("posts"));
    QCOMPARE(spanText(schema, posts.nameSpan), QStringLiteral("posts"));
    QCOMPARE(spanText(schema, posts.typeSpan), QStringLiteral("Post[]"));
    // Go to definition: the field's type leads to the model's name.
    const Model &target = dm.models().at(posts.type.index);
    QCOMPARE(spanText(schema, target.nameSpan), QStringLiteral("Post"));
    const ModelField &relation = *dm.model(QStringLiteral("Post"))->field(QStringLiteral("user"));
    QVERIFY(
        spanText(schema, relation.relationAttribute->span).startsWith(QLatin1String("@relation(")));
    QCOMPARE(spanText(schema, user.primaryKey->span), QStringLiteral("@id"));
    QCOMPARE(dm.filePath(user.span), QStringLiteral("schema.prisma"));
}

void TestDataModel::multiFileSchemasResolveAcrossFiles()
{
    const SchemaSource schema = loadSchema(PrismaTestData::root() + QStringLiteral("/multi/valid"));
    QList<Diagnostic> diagnostics;
    const DataModel dm = DataModelBuilder::build(schema, &diagnostics);
    QVERIFY(diagnostics.isEmpty());
    QCOMPARE(dm.files().size(), int(schema.files().size()));
    for (const Model &model : dm.models()) {
        const QString path = dm.filePath(model.span);
        QVERIFY2(QFile(path).exists(), qPrintable(path));
        QVERIFY(PrismaTestData::read(path).contains("model " + model.name.toUtf8() + " {"));
        for (const ModelField &field : model.fields)
            QVERIFY(field.type.kind != ResolvedType::Kind::Unknown);
    }
    QVERIFY(dm.datasource());
}

void TestDataModel::brokenSchemaStillGivesAModel()
{
    QList<Diagnostic> diagnostics;
    const DataModel dm = DataModelBuilder::build(
        fromText("model User {\n  id Int @id\n  x Foo\n  line that does not parse !\n"
                 "  y Int @map(\"y_col\") @wat\n}\n"),
        &diagnostics);
    const Model &user = *dm.model(QStringLiteral("User"));
    QCOMPARE(user.fields.size(), 3);
    QCOMPARE(user.field(QStringLiteral("x"))->type.kind, ResolvedType::Kind::Unknown);
    QCOMPARE(user.field(QStringLiteral("x"))->type.name, QStringLiteral("Foo"));
    QCOMPARE(user.field(QStringLiteral("y"))->databaseName(), QStringLiteral("y_col"));
    QStringList messages;
    for (const Diagnostic &diagnostic : std::as_const(diagnostics))
        messages.append(diagnostic.toString());
    QCOMPARE(messages,
             (QStringList{QStringLiteral("schema.prisma:3:5: error: Type \"Foo\" is neither a "
                                         "built-in type, nor refers to another model, composite "
                                         "type, or enum."),
                          QStringLiteral("schema.prisma:5:23: error: Attribute not known: "
                                         "\"@wat\".")}));
    // Without a sink, nothing is reported and the model is the same.
    QCOMPARE(DataModel::build(fromText("model A {\n  x Foo\n}\n")).models().size(), 1);
}

void TestDataModel::duplicateNamesResolveToTheLastDefinition()
{
    QList<Diagnostic> diagnostics;
    const DataModel dm = DataModelBuilder::build(
        fromText("model A {\n  id Int @id\n  id String\n}\nenum A {\n  X\n}\n"), &diagnostics);
    QCOMPARE(dm.model(QStringLiteral("A"))->field(QStringLiteral("id"))->type.name,
             QStringLiteral("String"));
    QCOMPARE(diagnostics.size(), 2);
    QCOMPARE(diagnostics.at(0).message,
             QStringLiteral("Field \"id\" is already defined on model \"A\"."));
    QCOMPARE(diagnostics.at(1).message,
             QStringLiteral("The enum \"A\" cannot be defined because a model with that name "
                            "already exists."));
}

QTEST_GUILESS_MAIN(TestDataModel)
#include "tst_datamodel.moc"
