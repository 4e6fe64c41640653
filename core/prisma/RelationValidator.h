#pragma once

#include "core/prisma/DataModel.h"

#include <QHash>
#include <QList>
#include <QString>

namespace gh::prisma {

class ConstraintNamespace;
class ValidationContext;

/// The pipeline's rules for relations (psl-core relation_fields.rs, relations.rs and
/// relations/*.rs): ambiguous relation names, missing back-relation fields, `fields` and
/// `references` that do not match (count, types, a unique criterion on the referenced side),
/// one-to-one and many-to-many rules, referential actions the provider or relation mode lacks,
/// foreign key names.
class RelationValidator
{
public:
    RelationValidator(ValidationContext &context, const ConstraintNamespace &names);

    /// Prisma stops the whole validation at the first ambiguous relation: false then.
    bool ambiguity(int model, int field);
    /// The rules for one relation field (ignored targets, referential actions, `map:`).
    void validateField(int model, int field);
    /// The rules for every relation, after the models.
    void validateRelations();

    struct NameKey
    {
        int model;
        int related;
        bool isExplicit;
        QString name;

        friend bool operator==(const NameKey &a, const NameKey &b)
        {
            return a.model == b.model && a.related == b.related && a.isExplicit == b.isExplicit &&
                   a.name == b.name;
        }
    };

private:
    void inline_(const Relation &relation);
    void oneToOne(const Relation &relation);
    void oneToMany(const Relation &relation);
    void manyToMany(const Relation &relation);
    void foreignKeyName(const Relation &relation);

    const Model &model(int index) const;
    const ModelField &field(const Relation::Side &side) const;
    bool hasFields(const Relation::Side &side) const;
    bool hasReferences(const Relation::Side &side) const;
    bool hasActions(const Relation::Side &side) const;
    NameKey relationNameKey(int model, const ModelField &field) const;

    ValidationContext &m_context;
    const ConstraintNamespace &m_names;
};

size_t qHash(const RelationValidator::NameKey &key, size_t seed = 0);

} // namespace gh::prisma
