#include "core/prisma/ConstraintNamespace.h"

#include "core/prisma/ConstraintNames.h"
#include "core/prisma/ValidationContext.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace gh::prisma {

namespace {

// Every constraint name of a data model once, as UTF-16 in one buffer, with an open-addressing
// table over them: thousands of names cost a few allocations in all, and a hash that is a
// loop over the units rather than qHash's SipHash.
class NameTable
{
public:
    explicit NameTable(qsizetype expected)
    {
        qsizetype capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        m_slots.assign(std::size_t(capacity), -1);
        m_names.reserve(std::size_t(expected));
        m_text.reserve(std::size_t(expected) * 24);
    }

    // Adds `name` and returns its index; `repeated` tells whether it was there before.
    int insert(QStringView name, bool &repeated)
    {
        const std::uint64_t hash = hashOf(name);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = std::size_t(hash) & mask;; slot = (slot + 1) & mask) {
            const int index = m_slots[slot];
            if (index < 0) {
                if (m_names.size() * 2 >= m_slots.size()) {
                    grow();
                    return insert(name, repeated);
                }
                m_slots[slot] = int(m_names.size());
                m_names.push_back({m_text.size(), std::size_t(name.size()), hash});
                m_text.insert(m_text.end(), name.utf16(), name.utf16() + name.size());
                repeated = false;
                return m_slots[slot];
            }
            const Entry &entry = m_names[std::size_t(index)];
            if (entry.hash == hash && this->name(index) == name) {
                repeated = true;
                return index;
            }
        }
    }

    QStringView name(int index) const
    {
        const Entry &entry = m_names[std::size_t(index)];
        return QStringView(m_text.data() + entry.start, qsizetype(entry.length));
    }

private:
    // Eight bytes (four UTF-16 units) at a time, then MurmurHash3's final mix: names of
    // constraints run to dozens of units, and a multiply per unit was most of an insert. The
    // hash only places names in the table; their indexes follow the order of insertion.
    static std::uint64_t hashOf(QStringView name)
    {
        constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ull;
        const char *p = reinterpret_cast<const char *>(name.utf16());
        const std::size_t size = std::size_t(name.size()) * sizeof(char16_t);
        std::uint64_t hash = size * multiplier;
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, p + i, sizeof word);
            hash = (hash ^ word) * multiplier;
        }
        if (i < size) {
            std::uint64_t word = 0;
            std::memcpy(&word, p + i, size - i);
            hash = (hash ^ word) * multiplier;
        }
        hash = (hash ^ hash >> 33) * 0xFF51AFD7ED558CCDull;
        hash = (hash ^ hash >> 33) * 0xC4CEB9FE1A85EC53ull;
        return hash ^ hash >> 33;
    }

    struct Entry
    {
        std::size_t start;
        std::size_t length;
        std::uint64_t hash;
    };

    void grow()
    {
        m_slots.assign(m_slots.size() * 2, -1);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = 0; i < m_names.size(); ++i) {
            std::size_t slot = std::size_t(m_names[i].hash) & mask;
            while (m_slots[slot] >= 0)
                slot = (slot + 1) & mask;
            m_slots[slot] = int(i);
        }
    }

    std::vector<int> m_slots;
    std::vector<Entry> m_names;
    std::vector<char16_t> m_text;
};

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
        int name; ///< in the NameTable
    };
    const auto counted = [&](Kind kind) { return names.m_kinds & (1u << unsigned(kind)); };
    const QList<Model> &models = dataModel.models();
    // Foreign keys come from the relation fields only (listed by the data model), and default
    // constraints are counted on SQL Server alone: the usual schema needs no walk over every
    // field, whose memory the other passes have long left.
    const bool defaults = counted(Kind::Default);
    qsizetype expected = dataModel.relationFields().size();
    for (const Model &model : models)
        expected += 1 + model.indexes.size() + (defaults ? model.fields.size() : 0);
    NameTable table(expected);
    std::vector<Use> uses;
    uses.reserve(std::size_t(expected));
    bool anyRepeated = false;
    std::u16string name; // reused: each name is written into it, then copied into the table
    const auto use = [&](Kind kind, int model) {
        bool repeated = false;
        uses.push_back({kind, model,
                        table.insert(QStringView(name.data(), qsizetype(name.size())), repeated)});
        anyRepeated = anyRepeated || repeated;
    };
    for (int m = 0; m < models.size(); ++m) {
        const Model &model = models.at(m);
        if (counted(Kind::PrimaryKey)) {
            name.clear();
            ConstraintNames::appendPrimaryKey(name, model, connector);
            if (!name.empty())
                use(Kind::PrimaryKey, m);
        }
        if (counted(Kind::Index)) {
            for (const Index &index : model.indexes) {
                name.clear();
                ConstraintNames::appendIndex(name, model, index, connector);
                use(Kind::Index, m);
            }
        }
        if (defaults) {
            for (const ModelField &field : model.fields) {
                if (field.defaultValue && !field.isRelation()) {
                    name.clear();
                    ConstraintNames::appendDefaultValue(name, model, field, connector);
                    use(Kind::Default, m);
                }
            }
        }
        if (model.primaryKey && !model.primaryKey->name.isEmpty())
            names.add({-1, m, QString(), model.primaryKey->name});
        for (const Index &index : model.indexes) {
            if (!index.name.isEmpty())
                names.add({-1, m, QString(), index.name});
        }
    }
    if (counted(Kind::Relation)) {
        for (const Relation::Side &side : dataModel.relationFields()) {
            const Model &model = models.at(side.model);
            const ModelField &field = model.fields.at(side.field);
            if (field.relationAttribute && field.relationAttribute->hasFields && !model.isView) {
                name.clear();
                ConstraintNames::appendForeignKey(name, model, field, connector);
                use(Kind::Relation, side.model);
            }
        }
    }
    if (!anyRepeated)
        return names;

    names.m_clashesPossible = true;
    std::vector<int> useCount(uses.size(), 0); // per name in the table (fewer than uses)
    for (const Use &used : uses)
        ++useCount[std::size_t(used.name)];
    for (const Use &used : uses) {
        if (useCount[std::size_t(used.name)] < 2)
            continue;
        const QString text = table.name(used.name).toString();
        for (const Scope scope : scopes) {
            if (!holds(scope, used.kind))
                continue;
            if (isGlobal(scope))
                names.add({int(scope), -1, models.at(used.model).schema, text});
            else
                names.add({int(scope), used.model, QString(), text});
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
