#include "core/prisma/RelationValidator.h"

#include "core/prisma/Connector.h"
#include "core/prisma/ConstraintNames.h"
#include "core/prisma/ConstraintNamespace.h"
#include "core/prisma/ValidationContext.h"

#include <QVarLengthArray>
#include <algorithm>

namespace gh::prisma {

namespace {

const QString relationAttribute = QStringLiteral("@relation");

// Prisma's list of field names in ambiguity messages: `a`, `a` and `b`, `a`, `b` and `c`.
QString joinFields(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(QLatin1Char('`') + name + QLatin1Char('`'));
    if (quoted.size() < 2)
        return quoted.join(QLatin1String(", "));
    const QString last = quoted.takeLast();
    return quoted.join(QLatin1String(", ")) + QLatin1String(" and ") + last;
}

QString actionList(const QList<ReferentialAction> &actions)
{
    QStringList names;
    for (const ReferentialAction action : actions)
        names.append(QLatin1Char('`') + QLatin1String(referentialActionName(action)) +
                     QLatin1Char('`'));
    return names.join(QLatin1String(", "));
}

} // namespace

RelationValidator::RelationValidator(ValidationContext &context, const ConstraintNamespace &names)
    : m_context(context)
    , m_names(names)
{}

const Model &RelationValidator::model(int index) const
{
    return m_context.dataModel().models().at(index);
}

const ModelField &RelationValidator::field(const Relation::Side &side) const
{
    return model(side.model).fields.at(side.field);
}

bool RelationValidator::hasFields(const Relation::Side &side) const
{
    const ModelField &f = field(side);
    return f.relationAttribute && !f.relationAttribute->fields.isEmpty();
}

bool RelationValidator::hasReferences(const Relation::Side &side) const
{
    const ModelField &f = field(side);
    return f.relationAttribute && !f.relationAttribute->references.isEmpty();
}

bool RelationValidator::hasActions(const Relation::Side &side) const
{
    const ModelField &f = field(side);
    return f.relationAttribute && (f.relationAttribute->onDelete || f.relationAttribute->onUpdate);
}

// The relation name of a field as Prisma compares them: the explicit one, or the one made up
// from the two model names (never equal to an explicit one).
RelationValidator::NameKey RelationValidator::relationNameKey(int modelIndex,
                                                              const ModelField &field) const
{
    const bool isExplicit = field.relationAttribute && !field.relationAttribute->name.isEmpty();
    return {modelIndex, field.type.index, isExplicit,
            isExplicit ? field.relationAttribute->name : QString()};
}

size_t qHash(const RelationValidator::NameKey &key, size_t seed)
{
    return qHashMulti(seed, key.model, key.related, key.isExplicit, key.name);
}

bool RelationValidator::ambiguity(int modelIndex, int fieldIndex)
{
    const Model &source = model(modelIndex);
    const ModelField &relationField = source.fields.at(fieldIndex);
    const NameKey key = relationNameKey(modelIndex, relationField);
    // The relation fields of this model with the same relation name, in field order (few
    // fields per model: a scan costs less than a map of all relation names).
    QVarLengthArray<int, 4> fields;
    for (int f = 0; f < source.fields.size(); ++f) {
        const ModelField &other = source.fields.at(f);
        if (other.isRelation() && relationNameKey(modelIndex, other) == key)
            fields.append(f);
    }
    if (fields.size() < 2)
        return true;
    const Model &target = model(relationField.type.index);
    const bool self = relationField.type.index == modelIndex;
    const bool generated = !key.isExplicit;
    QStringList names;
    for (const int f : fields)
        names.append(source.fields.at(f).name);
    const QString list = joinFields(names);
    QString message;
    if (generated && self && fields.size() == 2)
        message = QStringLiteral("Ambiguous self relation detected. The fields %1 in model `%2` "
                                 "both refer to `%3`. If they are part of the same relation add "
                                 "the same relation name for them with `@relation(<name>)`.")
                      .arg(list, source.name, target.name);
    else if (generated && self)
        message = QStringLiteral("Unnamed self relation detected. The fields %1 in model `%2` have "
                                 "no relation name. Please provide a relation name for one of "
                                 "them by adding `@relation(<name>).")
                      .arg(list, source.name);
    else if (!generated && self && fields.size() > 2)
        message = QStringLiteral("Wrongly named self relation detected. The fields %1 in model "
                                 "`%2` have the same relation name. At most two relation fields "
                                 "can belong to the same relation and therefore have the same "
                                 "name. Please assign a different relation name to one of them.")
                      .arg(list, source.name);
    else if (!generated && self)
        return true;
    else if (generated)
        message = QStringLiteral("Ambiguous relation detected. The fields %1 in model `%2` both "
                                 "refer to `%3`. Please provide different relation names for them "
                                 "by adding `@relation(<name>).")
                      .arg(list, source.name, target.name);
    else
        message = QStringLiteral("Wrongly named relation detected. The fields %1 in model `%2` "
                                 "both use the same relation name. Please provide different "
                                 "relation names for them through `@relation(<name>).")
                      .arg(list, source.name);
    m_context.modelError(source, relationField.span.range, message);
    return false;
}

void RelationValidator::validateField(int modelIndex, int fieldIndex)
{
    const Model &source = model(modelIndex);
    const ModelField &relationField = source.fields.at(fieldIndex);
    const Model &target = model(relationField.type.index);

    if (target.isIgnored && !relationField.isIgnored && !source.isIgnored)
        m_context.attributeError(relationField.span.file, relationField.span.range,
                                 QStringLiteral("@ignore"),
                                 QStringLiteral("The relation field `%1` on Model `%2` must "
                                                "specify the `@ignore` attribute, because the "
                                                "model %3 it is pointing to is marked ignored.")
                                     .arg(relationField.name, source.name, target.name));

    const Connector *connector = m_context.connector();
    if (!connector || !relationField.relationAttribute)
        return;
    const RelationAttribute &attribute = *relationField.relationAttribute;
    const bool emulated = m_context.emulatesRelations();
    const auto checkAction = [&](std::optional<ReferentialAction> action, QByteArrayView name) {
        if (!action)
            return;
        const bool supported = emulated ? connector->supportsEmulatedAction(*action)
                                        : connector->supportsForeignKeyAction(*action);
        if (supported)
            return;
        QString message = QStringLiteral("Invalid referential action: `%1`. Allowed values: (%2)")
                              .arg(QLatin1String(referentialActionName(*action)),
                                   actionList(emulated ? connector->emulatedActions()
                                                       : connector->foreignKeyActions()));
        if (emulated && *action == ReferentialAction::NoAction &&
            connector->supportsEmulatedAction(ReferentialAction::Restrict))
            message += QStringLiteral(". `NoAction` is not implemented for %1 when using "
                                      "`relationMode = \"prisma\"`, you could try using "
                                      "`Restrict` instead. Learn more at "
                                      "https://pris.ly/d/relation-mode")
                           .arg(QLatin1String(connector->name()));
        m_context.error(attribute.span.file,
                        m_context.argumentRange(attribute.span.file, attribute.span.range, name),
                        message);
    };
    checkAction(attribute.onDelete, "onDelete");
    checkAction(attribute.onUpdate, "onUpdate");

    if (!attribute.mappedName.isEmpty() && !connector->has(Connector::NamedForeignKeys))
        m_context.attributeError(attribute.span.file, attribute.span.range, relationAttribute,
                                 QStringLiteral("Your provider does not support named foreign "
                                                "keys."));

    // With emulated relations, a foreign key's fields want an index (a warning).
    if (emulated && attribute.hasFields && !attribute.fields.isEmpty() &&
        qstrcmp(connector->provider(), "mongodb") != 0) {
        const auto leftwise = [&](const QList<IndexField> &fields) {
            if (fields.size() < attribute.fields.size())
                return false;
            for (int i = 0; i < attribute.fields.size(); ++i) {
                if (fields.at(i).name != attribute.fields.at(i))
                    return false;
            }
            return true;
        };
        bool indexed = source.primaryKey && leftwise(source.primaryKey->fields);
        for (const Index &index : source.indexes)
            indexed = indexed || leftwise(index.fields);
        if (!indexed)
            m_context.warning(
                attribute.span.file, attribute.span.range,
                QStringLiteral("With `relationMode = \"prisma\"`, no foreign keys are "
                               "used, so relation fields will not benefit from the "
                               "index usually created by the relational database "
                               "under the hood. This can lead to poor performance "
                               "when querying these fields. We recommend adding an "
                               "index manually. Learn more at "
                               "https://pris.ly/d/relation-mode-prisma-indexes\" "));
    }
}

void RelationValidator::validateRelations()
{
    for (const Relation &relation : m_context.dataModel().relations()) {
        if (relation.kind == Relation::Kind::ImplicitManyToMany) {
            manyToMany(relation);
            continue;
        }
        // DIFFERS: MongoDB's embedded many-to-many relations are not checked.
        if (relation.kind == Relation::Kind::EmbeddedManyToMany)
            continue;
        inline_(relation);
        if (relation.kind == Relation::Kind::OneToOne)
            oneToOne(relation);
        else
            oneToMany(relation);
    }
}

// relations.rs: what every one-to-one and one-to-many relation must satisfy.
// DIFFERS: Prisma also detects cascade cycles and multiple cascade paths (SQL Server, and
// relationMode = "prisma"); not done here.
void RelationValidator::inline_(const Relation &relation)
{
    if (relation.a.field < 0)
        return;
    const Model &referencing = model(relation.a.model);
    const Model &referenced = model(relation.b.model);
    const ModelField &forward = field(relation.a);
    if (!forward.relationAttribute)
        return;
    const RelationAttribute &attribute = *forward.relationAttribute;
    const SourceSpan &at = forward.span;
    const Connector *connector = m_context.connector();
    // The scalar fields `fields:` names (nullptr for an unknown name), looked up once for the
    // three checks below: each lookup walks the referencing model's fields.
    QVarLengthArray<const ModelField *, 4> scalars;
    for (const QString &name : attribute.fields)
        scalars.append(referencing.field(name));

    // references_unique_fields
    if (!attribute.references.isEmpty()) {
        const QStringList &references = attribute.references;
        // The criterion's names equal the references as sorted lists (the same multiset), and
        // in the same order; without copying or sorting either.
        const auto count = [](const auto &list, const QString &name, const auto &nameOf) {
            return std::count_if(list.cbegin(), list.cend(),
                                 [&](const auto &item) { return nameOf(item) == name; });
        };
        const auto self = [](const QString &name) -> const QString & { return name; };
        const auto fieldName = [](const IndexField &field) -> const QString & {
            return field.name;
        };
        bool unique = false;
        bool sameOrder = false;
        const auto consider = [&](const QList<IndexField> &fields) {
            if (fields.size() != references.size())
                return;
            bool same = true;
            for (qsizetype i = 0; i < fields.size() && same; ++i)
                same = fields.at(i).name == references.at(i);
            if (same) {
                unique = sameOrder = true;
                return;
            }
            bool permutation = true;
            for (const QString &name : references) {
                if (count(references, name, self) != count(fields, name, fieldName)) {
                    permutation = false;
                    break;
                }
            }
            unique = unique || permutation;
        };
        if (referenced.primaryKey)
            consider(referenced.primaryKey->fields);
        for (const Index &index : referenced.indexes) {
            if (index.isUnique())
                consider(index.fields);
        }
        if (!unique) {
            const QString message =
                attribute.references.size() == 1
                    ? QStringLiteral(
                          "The argument `references` must refer to a unique criterion in "
                          "the related model. Consider adding an `@unique` attribute to "
                          "the field `%1` in the model `%2`.")
                          .arg(attribute.references.first(), referenced.name)
                    : QStringLiteral(
                          "The argument `references` must refer to a unique criterion in "
                          "the related model. Consider adding an `@@unique([%1])` "
                          "attribute to the model `%2`.")
                          .arg(attribute.references.join(QLatin1String(", ")), referenced.name);
            m_context.attributeError(at.file, at.range, relationAttribute, message);
        } else if (attribute.references.size() > 1 && !sameOrder && connector &&
                   !connector->has(Connector::RelationFieldsInArbitraryOrder)) {
            m_context.error(
                at, QStringLiteral("The argument `references` must refer to a unique "
                                   "criteria in the related model `%1` using the same "
                                   "order of fields. Please check the ordering in the "
                                   "following fields: `%2`.")
                        .arg(referenced.name, attribute.references.join(QLatin1String(", "))));
        }
    }

    // same_length_in_referencing_and_referenced
    if (attribute.hasFields && attribute.hasReferences &&
        attribute.fields.size() != attribute.references.size())
        m_context.error(attribute.span, QStringLiteral("You must specify the same number of fields "
                                                       "in `fields` and `references`."));

    // field_arity
    if (forward.isRequired() && attribute.hasFields) {
        bool anyOptional = false;
        for (const ModelField *scalar : std::as_const(scalars))
            anyOptional = anyOptional || (scalar && scalar->isOptional());
        if (anyOptional)
            m_context.error(at, QStringLiteral("The relation field `%1` uses the scalar fields %2. "
                                               "At least one of those fields is optional. Hence "
                                               "the relation field must be optional as well.")
                                    .arg(forward.name, attribute.fields.join(QLatin1String(", "))));
    }

    // referencing_scalar_field_types
    for (int i = 0; i < std::min(attribute.fields.size(), attribute.references.size()); ++i) {
        const ModelField *from = scalars.at(i);
        const ModelField *to = referenced.field(attribute.references.at(i));
        if (!from || !to)
            continue;
        const bool same =
            from->type.kind == to->type.kind &&
            (from->type.kind == ResolvedType::Kind::Scalar ? from->type.scalar == to->type.scalar
                                                           : from->type.name == to->type.name);
        if (!same)
            m_context.attributeError(
                at.file, at.range, relationAttribute,
                QStringLiteral("The type of the field `%1` in the model `%2` "
                               "is not matching the type of the referenced "
                               "field `%3` in model `%4`.")
                    .arg(from->name, referencing.name, to->name, referenced.name));
    }

    foreignKeyName(relation);

    // required_relation_cannot_use_set_null
    if (!attribute.fields.isEmpty() && connector) {
        bool anyRequired = false;
        for (const ModelField *scalar : std::as_const(scalars))
            anyRequired = anyRequired || (scalar && scalar->isRequired());
        const bool warnOnly =
            qstrcmp(connector->provider(), "postgresql") == 0 && !m_context.emulatesRelations();
        for (const auto &[action, name] : {std::pair{attribute.onDelete, "onDelete"},
                                           std::pair{attribute.onUpdate, "onUpdate"}}) {
            if (!anyRequired || action != ReferentialAction::SetNull)
                continue;
            if (warnOnly) {
                m_context.warning(at.file, at.range,
                                  QStringLiteral("The `%1` referential action of a relation should "
                                                 "not be set to `SetNull` when a referenced field "
                                                 "is required. We recommend either to choose "
                                                 "another referential action, or to make the "
                                                 "referenced fields optional. Read more at "
                                                 "https://pris.ly/d/postgres-set-null ")
                                      .arg(QLatin1String(name)));
            } else {
                m_context.attributeError(at.file, at.range, relationAttribute,
                                         QStringLiteral("The `%1` referential action of a relation "
                                                        "must not be set to `SetNull` when a "
                                                        "referenced field is required.\nEither "
                                                        "choose another referential action, or "
                                                        "make the referenced fields optional.\n")
                                             .arg(QLatin1String(name)));
            }
        }
    }
}

void RelationValidator::foreignKeyName(const Relation &relation)
{
    const Connector *connector = m_context.connector();
    const ModelField &forward = field(relation.a);
    if (!connector || !forward.relationAttribute || !forward.relationAttribute->hasFields ||
        !m_names.counts(ConstraintNamespace::Kind::Relation))
        return;
    const Model &referencing = model(relation.a.model);
    const QString name = ConstraintNames::foreignKey(referencing, forward, *connector);
    m_names.reportClashes(m_context, ConstraintNamespace::Kind::Relation, relation.a.model, name,
                          forward.relationAttribute->span, relationAttribute, forward.span.range);
}

static QString missingOpposite(const Model &model, const ModelField &field, const Model &other)
{
    return QStringLiteral("The relation field `%1` on %2 `%3` is missing an opposite relation "
                          "field on the model `%4`. Either run `prisma format` or add it manually.")
        .arg(field.name, ValidationContext::containerName(model), model.name, other.name);
}

// relations/one_to_one.rs.
void RelationValidator::oneToOne(const Relation &relation)
{
    const Model &modelA = model(relation.a.model);
    const Model &modelB = model(relation.b.model);
    if (relation.b.field < 0) {
        m_context.fieldError(modelA, field(relation.a),
                             missingOpposite(modelA, field(relation.a), modelB));
        return;
    }
    const ModelField &forward = field(relation.a);
    const ModelField &back = field(relation.b);
    const auto error = [&](const ModelField &on, const QString &message) {
        m_context.attributeError(on.span.file, on.span.range, relationAttribute, message);
    };
    const auto pair = [&](const ModelField &first, const Model &firstModel,
                          const ModelField &second, const Model &secondModel) {
        return QStringLiteral("The relation fields `%1` on Model `%2` and `%3` on Model `%4`")
            .arg(first.name, firstModel.name, second.name, secondModel.name);
    };
    const bool forwardFields = hasFields(relation.a), backFields = hasFields(relation.b);
    const bool forwardReferences = hasReferences(relation.a),
               backReferences = hasReferences(relation.b);

    // fields_and_references_are_defined
    if (!forwardFields && !backFields) {
        error(forward, pair(forward, modelA, back, modelB) +
                           QStringLiteral(" do not provide the `fields` argument in the @relation "
                                          "attribute. You have to provide it on one of the two "
                                          "fields."));
        error(back, pair(back, modelB, forward, modelA) +
                        QStringLiteral(" do not provide the `fields` argument in the @relation "
                                       "attribute. You have to provide it on one of the two "
                                       "fields."));
    }
    if (!forwardReferences && !backReferences) {
        error(forward, pair(forward, modelA, back, modelB) +
                           QStringLiteral(" do not provide the `references` argument in the "
                                          "@relation attribute. You have to provide it on one of "
                                          "the two fields."));
        error(back, pair(back, modelB, forward, modelA) +
                        QStringLiteral(" do not provide the `references` argument in the "
                                       "@relation attribute. You have to provide it on one of the "
                                       "two fields."));
    }
    // fields_and_references_defined_on_one_side_only
    if (forwardReferences && backReferences) {
        const QString message = pair(forward, modelA, back, modelB) +
                                QStringLiteral(" both provide the `references` argument in the "
                                               "@relation attribute. You have to provide it only "
                                               "on one of the two fields.");
        error(forward, message);
        error(back, message);
    }
    if (forwardFields && backFields) {
        const QString message = pair(forward, modelA, back, modelB) +
                                QStringLiteral(" both provide the `fields` argument in the "
                                               "@relation attribute. You have to provide it only "
                                               "on one of the two fields.");
        error(forward, message);
        error(back, message);
    }
    // referential_actions
    if (hasActions(relation.a) && hasActions(relation.b)) {
        error(back, pair(back, modelB, forward, modelA) +
                        QStringLiteral(" both provide the `onDelete` or `onUpdate` argument in "
                                       "the @relation attribute. You have to provide it only on "
                                       "one of the two fields."));
        error(forward, pair(forward, modelA, back, modelB) +
                           QStringLiteral(" both provide the `onDelete` or `onUpdate` argument in "
                                          "the @relation attribute. You have to provide it only on "
                                          "one of the two fields."));
    } else if (hasActions(relation.b)) {
        error(back, QStringLiteral("The relation field `%1` on Model `%2` must not specify the "
                                   "`onDelete` or `onUpdate` argument in the @relation attribute. "
                                   "You must only specify it on the opposite field `%3` on model "
                                   "`%4`.")
                        .arg(back.name, modelB.name, forward.name, modelA.name));
    }
    // fields_must_be_a_unique_constraint
    if (forward.relationAttribute && forward.relationAttribute->hasFields) {
        const QStringList &fields = forward.relationAttribute->fields;
        const auto exactly = [&](const QList<IndexField> &criteria) {
            if (criteria.size() != fields.size())
                return false;
            return std::all_of(criteria.cbegin(), criteria.cend(),
                               [&](const IndexField &f) { return fields.contains(f.name); });
        };
        bool unique = modelA.primaryKey && exactly(modelA.primaryKey->fields);
        for (const Index &index : modelA.indexes)
            unique = unique || (index.isUnique() && exactly(index.fields));
        if (!unique)
            error(forward,
                  fields.size() == 1
                      ? QStringLiteral("A one-to-one relation must use unique fields on the "
                                       "defining side. Either add an `@unique` attribute to the "
                                       "field `%1`, or change the relation to one-to-many.")
                            .arg(fields.first())
                      : QStringLiteral("A one-to-one relation must use unique fields on the "
                                       "defining side. Either add an `@@unique([%1])` attribute "
                                       "to the model, or change the relation to one-to-many.")
                            .arg(fields.join(QLatin1String(", "))));
    }
    if (m_context.hasErrors())
        return;
    // fields_references_mixups
    if (forwardFields && backReferences) {
        const QString message =
            QStringLiteral(
                "The relation field `%1` on Model `%2` provides the `fields` argument in "
                "the @relation attribute. And the related field `%3` on Model `%4` "
                "provides the `references` argument. You must provide both arguments "
                "on the same side.")
                .arg(forward.name, modelA.name, back.name, modelB.name);
        error(forward, message);
        error(back, message);
    }
    if (forwardReferences && backFields)
        error(forward, QStringLiteral("The relation field `%1` on Model `%2` provides the "
                                      "`references` argument in the @relation attribute. And the "
                                      "related field `%3` on Model `%4` provides the `fields` "
                                      "argument. You must provide both arguments on the same "
                                      "side.")
                           .arg(forward.name, modelA.name, back.name, modelB.name));
    if (m_context.hasErrors())
        return;
    // back_relation_arity_is_optional
    if (back.isRequired())
        error(back, QStringLiteral("The relation field `%1` on Model `%2` is required. This is not "
                                   "valid because it's not possible to enforce this constraint on "
                                   "the database level. Please change the field type from `%3` to "
                                   "`%3?` to fix this.")
                        .arg(back.name, modelB.name, modelA.name));
    if (m_context.hasErrors())
        return;
    // fields_and_references_on_wrong_side
    if (forward.isRequired() && back.relationAttribute &&
        (back.relationAttribute->hasFields || back.relationAttribute->hasReferences))
        error(back, QStringLiteral("The relation field `%1.%2` defines the `fields` and/or "
                                   "`references` argument. You must set them on the required side "
                                   "of the relation (`%3.%4`) in order for the constraints to be "
                                   "enforced. Alternatively, you can change this field to be "
                                   "required and the opposite optional, or make both sides of the "
                                   "relation optional.")
                        .arg(modelB.name, back.name, modelA.name, forward.name));
}

// relations/one_to_many.rs.
void RelationValidator::oneToMany(const Relation &relation)
{
    const bool hasForward = relation.a.field >= 0, hasBack = relation.b.field >= 0;
    if (hasForward != hasBack) {
        const Relation::Side side = hasForward ? relation.a : relation.b;
        const Relation::Side other = hasForward ? relation.b : relation.a;
        const Model &source = model(side.model);
        m_context.fieldError(source, field(side),
                             missingOpposite(source, field(side), model(other.model)));
        return;
    }
    const Model &modelA = model(relation.a.model);
    const Model &modelB = model(relation.b.model);
    const ModelField &forward = field(relation.a);
    const ModelField &back = field(relation.b);
    const auto error = [&](const ModelField &on, const QString &message) {
        m_context.attributeError(on.span.file, on.span.range, relationAttribute, message);
    };
    if (!hasFields(relation.a))
        error(forward, QStringLiteral("The relation field `%1` on Model `%2` must specify the "
                                      "`fields` argument in the @relation attribute. You can run "
                                      "`prisma format` to fix this automatically.")
                           .arg(forward.name, modelA.name));
    if (!hasReferences(relation.a))
        error(forward, QStringLiteral("The relation field `%1` on Model `%2` must specify the "
                                      "`references` argument in the @relation attribute.")
                           .arg(forward.name, modelA.name));
    if (hasFields(relation.b) || hasReferences(relation.b))
        error(back, QStringLiteral("The relation field `%1` on Model `%2` must not specify the "
                                   "`fields` or `references` argument in the @relation attribute. "
                                   "You must only specify it on the opposite field `%3` on model "
                                   "`%4`.")
                        .arg(back.name, modelB.name, forward.name, modelA.name));
    if (hasActions(relation.b))
        error(back, QStringLiteral("The relation field `%1` on Model `%2` must not specify the "
                                   "`onDelete` or `onUpdate` argument in the @relation attribute. "
                                   "You must only specify it on the opposite field `%3` on model "
                                   "`%4`, or in case of a many to many relation, in an explicit "
                                   "join table.")
                        .arg(back.name, modelB.name, forward.name, modelA.name));
}

// relations/many_to_many/implicit.rs.
void RelationValidator::manyToMany(const Relation &relation)
{
    const Connector *connector = m_context.connector();
    for (int i = 0; i < 2; ++i) {
        const Relation::Side &side = i == 0 ? relation.a : relation.b;
        const Relation::Side &other = i == 0 ? relation.b : relation.a;
        if (side.field < 0)
            continue;
        const Model &source = model(side.model);
        const ModelField &relationField = field(side);
        if (connector && !connector->has(Connector::ImplicitManyToManyRelation)) {
            m_context.fieldError(source, relationField,
                                 QStringLiteral("Implicit many-to-many relations are not supported "
                                                "on %1.")
                                     .arg(QLatin1String(connector->name())));
            continue;
        }
        const Model &target = model(other.model);
        const bool singleId = target.primaryKey && target.primaryKey->fields.size() == 1;
        if (!singleId)
            m_context.fieldError(source, relationField,
                                 QStringLiteral("The relation field `%1` on model `%2` references "
                                                "`%3` which does not have an `@id` field. Models "
                                                "without `@id` cannot be part of a many to many "
                                                "relation. Use an explicit intermediate Model to "
                                                "represent this relationship.")
                                     .arg(relationField.name, source.name, target.name));
        if (relationField.relationAttribute) {
            const RelationAttribute &attribute = *relationField.relationAttribute;
            for (const auto &[action, name] : {std::pair{attribute.onDelete, "onDelete"},
                                               std::pair{attribute.onUpdate, "onUpdate"}}) {
                if (action)
                    m_context.error(attribute.span.file,
                                    m_context.argumentValueRange(attribute.span.file,
                                                                 attribute.span.range, name),
                                    QStringLiteral("Referential actions on implicit many-to-many "
                                                   "relations are not supported"));
            }
            if (attribute.hasReferences)
                m_context.attributeError(relationField.span.file, relationField.span.range,
                                         relationAttribute,
                                         QStringLiteral("Implicit many-to-many relation should not "
                                                        "have references argument defined. Either "
                                                        "remove it, or change the relation to "
                                                        "one-to-many."));
        }
    }
}

} // namespace gh::prisma
