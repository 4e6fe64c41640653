#include "core/prisma/ConstraintNamespace.h"

#include "core/prisma/ConstraintNames.h"
#include "core/prisma/ValidationContext.h"

#include <QVarLengthArray>

#include <functional>
#include <string_view>

namespace gh::prisma {

namespace {

// A constraint name as a hash key: std::hash over the UTF-16 units costs a fraction of
// qHash(QString)'s SipHash, and build() hashes one name per index, key and relation.
struct NameKey
{
    QString name;

    friend bool operator==(const NameKey &a, const NameKey &b) { return a.name == b.name; }
};

size_t qHash(const NameKey &key, size_t seed = 0)
{
    return std::hash<std::u16string_view>()(std::u16string_view(
               reinterpret_cast<const char16_t *>(key.name.utf16()), size_t(key.name.size()))) ^
           seed;
}

using Scope = Connector::ConstraintScope;

// The scopes a kind of name is checked in (ConstraintName::possible_scopes).
QList<Scope> possibleScopes(ConstraintNamespace::Kind kind)
{
    switch (kind) {
    case ConstraintNamespace::Kind::Index:
        return {Scope::GlobalKeyIndex, Scope::GlobalPrimaryKeyKeyIndex, Scope::ModelKeyIndex,
                Scope::ModelPrimaryKeyKeyIndex};
    case ConstraintNamespace::Kind::Relation:
        return {Scope::GlobalForeignKey, Scope::GlobalPrimaryKeyForeignKeyDefault,
                Scope::ModelPrimaryKeyKeyIndexForeignKey};
    case ConstraintNamespace::Kind::Default:
        return {Scope::GlobalPrimaryKeyForeignKeyDefault};
    case ConstraintNamespace::Kind::PrimaryKey:
        return {Scope::GlobalPrimaryKeyForeignKeyDefault, Scope::GlobalPrimaryKeyKeyIndex,
                Scope::ModelPrimaryKeyKeyIndex, Scope::ModelPrimaryKeyKeyIndexForeignKey};
    }
    return {};
}

bool isGlobal(Scope scope)
{
    return scope == Scope::GlobalKeyIndex || scope == Scope::GlobalForeignKey ||
           scope == Scope::GlobalPrimaryKeyKeyIndex ||
           scope == Scope::GlobalPrimaryKeyForeignKeyDefault;
}

// Which kinds of constraint each scope holds.
bool holds(Scope scope, ConstraintNamespace::Kind kind)
{
    using Kind = ConstraintNamespace::Kind;
    switch (scope) {
    case Scope::GlobalKeyIndex:
    case Scope::ModelKeyIndex:
        return kind == Kind::Index;
    case Scope::GlobalForeignKey:
        return kind == Kind::Relation;
    case Scope::GlobalPrimaryKeyKeyIndex:
    case Scope::ModelPrimaryKeyKeyIndex:
        return kind == Kind::Index || kind == Kind::PrimaryKey;
    case Scope::GlobalPrimaryKeyForeignKeyDefault:
        return kind == Kind::PrimaryKey || kind == Kind::Relation || kind == Kind::Default;
    case Scope::ModelPrimaryKeyKeyIndexForeignKey:
        return kind != Kind::Default;
    }
    return false;
}

} // namespace

ConstraintNamespace ConstraintNamespace::build(const DataModel &dataModel,
                                               const Connector &connector)
{
    ConstraintNamespace names;
    const QList<Scope> &scopes = connector.constraintScopes();
    for (const Scope scope : scopes) {
        for (const Kind kind : {Kind::Index, Kind::Relation, Kind::Default, Kind::PrimaryKey}) {
            if (holds(scope, kind))
                names.m_kinds |= quint8(1u << unsigned(kind));
        }
    }

    // Every name once, with where it is used; a name used once cannot clash, so in the usual
    // schema the scoped counting below has nothing to do.
    struct Use
    {
        Kind kind;
        int model;
    };
    const auto counted = [&](Kind kind) { return names.m_kinds & (1u << unsigned(kind)); };
    QHash<NameKey, QVarLengthArray<Use, 1>> uses;
    bool repeated = false;
    const auto use = [&](Kind kind, int model, const QString &name) {
        QVarLengthArray<Use, 1> &list = uses[NameKey{name}];
        repeated = repeated || !list.isEmpty();
        list.append({kind, model});
    };
    const QList<Model> &models = dataModel.models();
    for (int m = 0; m < models.size(); ++m) {
        const Model &model = models.at(m);
        if (counted(Kind::PrimaryKey)) {
            const QString pk = ConstraintNames::primaryKey(model, connector);
            if (!pk.isEmpty())
                use(Kind::PrimaryKey, m, pk);
        }
        if (counted(Kind::Index)) {
            for (const Index &index : model.indexes)
                use(Kind::Index, m, ConstraintNames::index(model, index, connector));
        }
        for (const ModelField &field : model.fields) {
            if (field.isRelation() && field.relationAttribute &&
                field.relationAttribute->hasFields && !model.isView) {
                if (counted(Kind::Relation))
                    use(Kind::Relation, m, ConstraintNames::foreignKey(model, field, connector));
            } else if (field.defaultValue && !field.isRelation() && counted(Kind::Default)) {
                use(Kind::Default, m, ConstraintNames::defaultValue(model, field, connector));
            }
        }
        if (model.primaryKey && !model.primaryKey->name.isEmpty())
            names.add({-1, m, QString(), model.primaryKey->name});
        for (const Index &index : model.indexes) {
            if (!index.name.isEmpty())
                names.add({-1, m, QString(), index.name});
        }
    }
    if (!repeated)
        return names;

    names.m_clashesPossible = true;
    for (auto it = uses.cbegin(); it != uses.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        for (const Use &used : it.value()) {
            for (const Scope scope : scopes) {
                if (!holds(scope, used.kind))
                    continue;
                if (isGlobal(scope))
                    names.add({int(scope), -1, models.at(used.model).schema, it.key().name});
                else
                    names.add({int(scope), used.model, QString(), it.key().name});
            }
        }
    }
    return names;
}

QList<Scope> ConstraintNamespace::violations(Kind kind, int model, const QString &schema,
                                             const QString &name) const
{
    QList<Scope> found;
    if (m_counts.isEmpty())
        return found;
    const QList<Scope> scopes = possibleScopes(kind);
    for (const Scope scope : scopes) {
        if (isGlobal(scope) && m_counts.value({int(scope), -1, schema, name}) > 1)
            found.append(scope);
    }
    for (const Scope scope : scopes) {
        if (!isGlobal(scope) && m_counts.value({int(scope), model, QString(), name}) > 1)
            found.append(scope);
    }
    return found;
}

void ConstraintNamespace::reportClashes(ValidationContext &context, Kind kind, int model,
                                        const QString &name, const SourceSpan &attributeSpan,
                                        const QString &attribute,
                                        std::optional<SourceRange> otherwise,
                                        const char *fallback) const
{
    if (!counts(kind) || !m_clashesPossible)
        return;
    const Model &target = context.dataModel().models().at(model);
    const QList<Scope> found = violations(kind, model, target.schema, name);
    if (found.isEmpty())
        return;
    // Where: the `map:` argument, or `fallback`, or `otherwise`, or the attribute.
    SourceRange at = context.argumentRange(attributeSpan.file, attributeSpan.range, "map");
    if (at == attributeSpan.range && fallback)
        at = context.argumentRange(attributeSpan.file, attributeSpan.range, fallback);
    if (at == attributeSpan.range && otherwise)
        at = *otherwise;
    for (const Scope scope : found)
        context.attributeError(attributeSpan.file, at, attribute,
                               QStringLiteral("The given constraint name `%1` has to be unique in "
                                              "the following namespace: %2. Please provide a "
                                              "different name using the `map` argument.")
                                   .arg(name, Connector::describe(scope, target.name)));
}

bool ConstraintNamespace::customNameViolation(int model, const QString &name) const
{
    return m_counts.value({-1, model, QString(), name}) > 1;
}

size_t qHash(const ConstraintNamespace::Key &key, size_t seed)
{
    return qHashMulti(seed, key.scope, key.model, key.name, key.schema);
}

} // namespace gh::prisma
