#include "core/prisma/FormatterRelations.h"

#include "core/prisma/DataModelBuilder.h"
#include "core/prisma/FormatterInflector.h"
#include "core/prisma/SchemaSource.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace gh::prisma {

namespace {

std::string_view view(QByteArrayView text)
{
    return std::string_view(text.data(), std::size_t(text.size()));
}

// `"id"_v`: a view whose length is known at compile time (QByteArrayView's constructor from a
// char array looks for a '\0' at run time, on every comparison).
constexpr QByteArrayView operator""_v(const char *text, std::size_t size)
{
    return QByteArrayView(text, qsizetype(size));
}

bool isBuiltinScalar(QByteArrayView bytes)
{
    // By length first: this runs for every field.
    const std::string_view name(bytes.data(), std::size_t(bytes.size()));
    switch (name.size()) {
    case 3:
        return name == "Int";
    case 4:
        return name == "Json";
    case 5:
        return name == "Float" || name == "Bytes";
    case 6:
        return name == "String" || name == "BigInt";
    case 7:
        return name == "Boolean" || name == "Decimal";
    case 8:
        return name == "DateTime";
    default:
        return false;
    }
}

// `Tag` and `id` give `tagId` (reformat.rs: camel_case of the model, pascal_case of the field:
// only the first letter changes).
QByteArray inferredFieldName(QByteArrayView model, QByteArrayView field)
{
    QByteArray name = model.toByteArray() + field.toByteArray();
    if (!model.isEmpty())
        name[0] = char(std::tolower(static_cast<unsigned char>(name[0])));
    if (!field.isEmpty())
        name[model.size()] = char(std::toupper(static_cast<unsigned char>(name[model.size()])));
    return name;
}

enum class Arity : quint8 { Required, Optional, List };

const char *aritySuffix(Arity arity)
{
    switch (arity) {
    case Arity::Required:
        return "";
    case Arity::Optional:
        return "?";
    case Arity::List:
        return "[]";
    }
    return "";
}

// Field indexes of `fields:`, `references:`, ids and uniques: a few each, kept without
// allocating.
using FieldIndexes = QVarLengthArray<int, 4>;

struct FieldInfo
{
    const Field *ast = nullptr;
    QByteArrayView name;
    Arity arity = Arity::Required;
    bool isRelation = false;
    bool isBuiltinScalar = false;
    int target = -1; ///< relation fields: the model they point at
    const Attribute *relationAttribute = nullptr;
    std::optional<QString> relationName;
    std::optional<FieldIndexes> fields;     ///< `fields:`, indexes into the own model
    std::optional<FieldIndexes> references; ///< `references:`, indexes into the target
    const Attribute *nativeType = nullptr;      ///< `@db.VarChar(10)` and the like
};

struct ModelInfo
{
    int file = -1;
    const Block *block = nullptr;
    QByteArrayView name;
    bool isIgnored = false;
    std::vector<FieldInfo> fields;
    std::optional<FieldIndexes> primaryKey;
    std::vector<FieldIndexes> uniques; ///< `@unique` in field order, then `@@unique`
    /// Fields by name, sorted; built on the first look-up in a model with many fields.
    mutable std::vector<std::pair<std::string_view, int>> sortedNames;

    int field(QByteArrayView fieldName) const
    {
        const std::string_view name = view(fieldName);
        constexpr std::size_t linearLimit = 16;
        if (fields.size() <= linearLimit) {
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (view(fields[i].name) == name)
                    return int(i);
            }
            return -1;
        }
        if (sortedNames.empty()) {
            sortedNames.reserve(fields.size());
            for (std::size_t i = 0; i < fields.size(); ++i)
                sortedNames.emplace_back(view(fields[i].name), int(i));
            std::stable_sort(sortedNames.begin(), sortedNames.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
        }
        const auto it = std::lower_bound(
            sortedNames.begin(), sortedNames.end(), name,
            [](const auto &entry, std::string_view key) { return entry.first < key; });
        return it != sortedNames.end() && it->first == name ? it->second : -1;
    }
};

// The names of the schema's models, enums and composite types: an open-addressing table of
// views into the files (a std::unordered_map allocates a node per name).
class TopNames
{
public:
    enum class Kind : quint8 { Model, Enum, CompositeType };
    struct Top
    {
        Kind kind;
        int model; ///< for models: the index in RelationCompleter's models
    };

    explicit TopNames(std::size_t expected)
    {
        std::size_t capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        m_slots.resize(capacity);
    }

    /// False when the name is taken already.
    bool insert(std::string_view name, Top top)
    {
        Slot &slot = find(name);
        if (slot.used)
            return false;
        slot = {name, top, true};
        return true;
    }

    const Top *value(std::string_view name) const
    {
        const Slot &slot = const_cast<TopNames *>(this)->find(name);
        return slot.used ? &slot.top : nullptr;
    }

private:
    struct Slot
    {
        std::string_view name;
        Top top{Kind::Model, -1};
        bool used = false;
    };

    // The slot of `name`, or the empty one where it would go.
    Slot &find(std::string_view name)
    {
        std::size_t hash = 14695981039346656037ull; // FNV-1a
        for (const char c : name)
            hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            if (!m_slots[i].used || m_slots[i].name == name)
                return m_slots[i];
        }
    }

    std::vector<Slot> m_slots;
};

// A one-to-one or one-to-many relation as parser-database's RelationAttributes describes it:
// model A holds the foreign key (the forward field), model B is referenced (the back field).
struct InlineRelation
{
    bool oneToOne = false;
    int modelA = -1;
    int modelB = -1;
    int forward = -1; ///< field of model A, or -1
    int back = -1;    ///< field of model B, or -1
};

struct Insertion
{
    int position = 0;
    QByteArray text;
};

class RelationCompleter
{
public:
    explicit RelationCompleter(const SchemaSource &schema)
        : m_schema(schema)
    {}

    std::vector<QByteArray> run()
    {
        if (!collect())
            return {};
        inferRelations();
        for (const InlineRelation &relation : m_relations) {
            addMissingRelationFields(relation);
            addMissingScalarFields(relation);
        }
        for (const InlineRelation &relation : m_relations)
            addMissingRelationAttribute(relation);
        for (const InlineRelation &relation : m_relations)
            addMissingRelationArguments(relation);
        if (m_insertions.empty())
            return {};
        // The full resolution costs more than all of the above: only run it when something
        // would be added. It reports what Prisma's parser database reports.
        QList<Diagnostic> diagnostics;
        DataModelBuilder::build(m_schema, &diagnostics);
        if (hasErrors(diagnostics))
            return {};
        return enrich();
    }

private:
    const ParsedFile &file(int index) const { return m_schema.files()[std::size_t(index)]; }
    QByteArrayView text(int fileIndex, SourceRange range) const
    {
        return file(fileIndex).text(range);
    }

    // ---- the schema as parser-database resolves it -------------------------------------

    // False when the schema has an error that makes Prisma skip the additions.
    bool collect()
    {
        std::size_t blocks = 0;
        for (const ParsedFile &parsed : m_schema.files())
            blocks += parsed.tree.blocks.size();
        m_models.reserve(blocks);
        TopNames topNames(blocks);
        for (int f = 0; f < int(m_schema.files().size()); ++f) {
            const ParsedFile &parsed = file(f);
            if (hasErrors(parsed.diagnostics))
                return false;
            for (const Block &block : parsed.tree.blocks) {
                if (block.isConfig())
                    continue;
                const QByteArrayView name = parsed.text(block.name);
                const TopNames::Kind kind = block.is(Block::Kind::Enum) ? TopNames::Kind::Enum
                                            : block.is(Block::Kind::CompositeType)
                                                ? TopNames::Kind::CompositeType
                                                : TopNames::Kind::Model;
                if (!topNames.insert(view(name), {kind, int(m_models.size())}))
                    return false;
                if (block.is(Block::Kind::Enum)) {
                    // a type name
                } else if (block.is(Block::Kind::CompositeType)) {
                    m_compositeBlocks.push_back({f, &block});
                } else {
                    ModelInfo model;
                    model.file = f;
                    model.block = &block;
                    model.name = name;
                    m_models.push_back(std::move(model));
                }
            }
        }

        for (ModelInfo &model : m_models) {
            if (!collectFields(model, topNames))
                return false;
        }
        for (ModelInfo &model : m_models) {
            if (!collectRelationArguments(model) || !collectBlockAttributes(model))
                return false;
        }
        // Composite types: their fields must resolve, and not to models.
        for (const auto &[f, block] : m_compositeBlocks) {
            std::unordered_set<std::string_view> names;
            for (const Field &field : block->fields) {
                if (!names.insert(view(file(f).text(field.name))).second || !field.type)
                    return false;
                const QByteArrayView type = file(f).text(field.type->name);
                const TopNames::Top *top = topNames.value(view(type));
                if (!field.type->isUnsupported() && !isBuiltinScalar(type) &&
                    (!top || top->kind == TopNames::Kind::Model))
                    return false;
            }
        }
        return true;
    }

    bool collectFields(ModelInfo &model, const TopNames &topNames)
    {
        const ParsedFile &parsed = file(model.file);
        int fieldsWithId = 0;
        model.fields.reserve(model.block->fields.size());
        for (const Field &field : model.block->fields) {
            if (!field.type)
                return false;
            FieldInfo info;
            info.ast = &field;
            info.name = parsed.text(field.name);
            info.arity = field.type->isOptional() ? Arity::Optional
                         : field.type->isList()   ? Arity::List
                                                  : Arity::Required;
            const QByteArrayView type = parsed.text(field.type->name);
            if (field.type->isUnsupported()) {
                // a scalar field of no built-in type
            } else if (isBuiltinScalar(type)) {
                info.isBuiltinScalar = true;
            } else if (const TopNames::Top *top = topNames.value(view(type)); !top) {
                return false; // "Type X is neither a built-in type, nor refers to ..."
            } else if (top->kind == TopNames::Kind::Model) {
                info.isRelation = true;
                info.target = top->model;
            }

            for (const Attribute &attribute : field.attributes) {
                const QByteArrayView name = parsed.text(attribute.name);
                if (name == "relation"_v) {
                    if (info.relationAttribute)
                        return false; // given twice
                    if (!info.isRelation)
                        return false;
                    info.relationAttribute = &attribute;
                } else if (name == "id"_v) {
                    ++fieldsWithId;
                    model.primaryKey = FieldIndexes{int(model.fields.size())};
                } else if (name == "unique"_v) {
                    model.uniques.push_back({int(model.fields.size())});
                } else if (name.contains('.') && !info.nativeType) {
                    info.nativeType = &attribute;
                }
            }
            model.fields.push_back(std::move(info));
        }
        return fieldsWithId <= 1;
    }

    // `[a, b]` naming fields of `model`: their indexes, or nothing when the list is not a list
    // of known field names.
    std::optional<FieldIndexes> fieldList(const ModelInfo &owner, const Expression *list,
                                              const ModelInfo &model, bool allowArguments) const
    {
        if (!list || !list->is(Expression::Kind::Array))
            return std::nullopt;
        FieldIndexes indexes;
        for (const Expression &element : list->elements) {
            QByteArrayView name;
            if (element.is(Expression::Kind::Constant))
                name = text(owner.file, element.range);
            else if (allowArguments && element.is(Expression::Kind::Function))
                name = text(owner.file, element.name.range);
            else
                return std::nullopt;
            const qsizetype dot = name.indexOf('.'); // a path into a composite type
            const int index = model.field(dot < 0 ? name : name.first(dot));
            if (index < 0)
                return std::nullopt;
            indexes.push_back(dot < 0 ? index : -1);
        }
        return indexes;
    }

    bool collectRelationArguments(ModelInfo &model)
    {
        const ParsedFile &parsed = file(model.file);
        for (FieldInfo &field : model.fields) {
            if (!field.relationAttribute || !field.relationAttribute->arguments)
                continue;
            const ArgumentList &arguments = *field.relationAttribute->arguments;
            if (const Argument *name = parsed.argument(arguments, "name", 0)) {
                if (!name->value || !name->value->is(Expression::Kind::String))
                    return false;
                field.relationName = parsed.stringValue(*name->value);
                if (field.relationName->isEmpty())
                    return false; // "A relation cannot have an empty name."
            }
            const ModelInfo &target = m_models[std::size_t(field.target)];
            if (const Argument *fields = parsed.argument(arguments, "fields")) {
                field.fields =
                    fieldList(model, fields->value ? &*fields->value : nullptr, model, false);
                if (!field.fields)
                    return false;
                for (int index : *field.fields) {
                    if (index < 0 || model.fields[std::size_t(index)].isRelation)
                        return false;
                }
            }
            if (const Argument *references = parsed.argument(arguments, "references")) {
                field.references = fieldList(
                    model, references->value ? &*references->value : nullptr, target, false);
                if (!field.references)
                    return false;
            }
        }
        return true;
    }

    bool collectBlockAttributes(ModelInfo &model)
    {
        const ParsedFile &parsed = file(model.file);
        bool hasBlockId = false;
        for (const Attribute &attribute : model.block->attributes) {
            const QByteArrayView name = parsed.text(attribute.name);
            if (name == "ignore"_v) {
                model.isIgnored = true;
                continue;
            }
            const bool isId = name == "id"_v;
            const bool isUnique = name == "unique"_v;
            if (!isId && !isUnique && name != "index"_v && name != "fulltext"_v)
                continue;
            const Argument *fields =
                attribute.arguments ? parsed.argument(*attribute.arguments, "fields", 0) : nullptr;
            std::optional<FieldIndexes> list =
                fieldList(model, fields && fields->value ? &*fields->value : nullptr, model, true);
            if (!list)
                return false;
            if (isId) {
                if (model.primaryKey || hasBlockId)
                    return false; // more than one id
                hasBlockId = true;
                model.primaryKey = std::move(list);
            } else if (isUnique) {
                model.uniques.push_back(std::move(*list));
            }
        }
        return true;
    }

    // ---- relations (parser-database's infer_relations) ---------------------------------

    static bool sameName(const FieldInfo &a, const FieldInfo &b)
    {
        return a.relationName == b.relationName;
    }

    // [model name, field name] < [other model name, other field name], as Rust compares arrays.
    bool sortsAfter(int model, int field, int otherModel, int otherField) const
    {
        const QByteArrayView a = m_models[std::size_t(model)].name;
        const QByteArrayView b = m_models[std::size_t(otherModel)].name;
        if (a != b)
            return a.compare(b) > 0;
        return m_models[std::size_t(model)].fields[std::size_t(field)].name.compare(
                   m_models[std::size_t(otherModel)].fields[std::size_t(otherField)].name) > 0;
    }

    bool fieldsAreUnique(const ModelInfo &model, const FieldIndexes &fields) const
    {
        return std::any_of(model.uniques.begin(), model.uniques.end(),
                           [&](const FieldIndexes &unique) { return unique == fields; });
    }

    void inferRelations()
    {
        for (int m = 0; m < int(m_models.size()); ++m) {
            const ModelInfo &model = m_models[std::size_t(m)];
            for (int f = 0; f < int(model.fields.size()); ++f) {
                const FieldInfo &field = model.fields[std::size_t(f)];
                if (field.isRelation)
                    ingest(m, f);
            }
        }
    }

    void ingest(int m, int f)
    {
        const ModelInfo &model = m_models[std::size_t(m)];
        const FieldInfo &field = model.fields[std::size_t(f)];
        const int t = field.target;
        const ModelInfo &target = m_models[std::size_t(t)];
        int o = -1;
        for (int i = 0; i < int(target.fields.size()); ++i) {
            const FieldInfo &candidate = target.fields[std::size_t(i)];
            if (candidate.isRelation && candidate.target == m && !(t == m && i == f) &&
                sameName(candidate, field)) {
                o = i;
                break;
            }
        }

        InlineRelation relation;
        relation.modelA = m;
        relation.modelB = t;
        relation.forward = f;
        if (o >= 0) {
            const FieldInfo &opposite = target.fields[std::size_t(o)];
            relation.back = o;
            if (field.arity == Arity::List && opposite.arity == Arity::List)
                return; // many-to-many: nothing to add
            if (field.arity == Arity::Required && opposite.arity == Arity::Optional) {
                relation.oneToOne = true;
            } else if (field.arity == Arity::Required && opposite.arity == Arity::Required) {
                if (sortsAfter(m, f, t, o))
                    return;
                relation.oneToOne = true;
            } else if (field.arity == Arity::Optional && opposite.arity == Arity::Required) {
                return; // the virtual side of a required one-to-one
            } else if (field.arity == Arity::Optional && opposite.arity == Arity::Optional) {
                if (!field.fields && (opposite.fields || sortsAfter(m, f, t, o)))
                    return;
                relation.oneToOne = true;
            } else if (field.arity == Arity::List) {
                return; // one-to-many seen from its back side
            }
        } else if (field.arity == Arity::List) {
            // A list field alone: the back side of a one-to-many whose forward side is missing.
            relation.modelA = t;
            relation.modelB = m;
            relation.forward = -1;
            relation.back = f;
        } else if (field.fields) {
            relation.oneToOne = fieldsAreUnique(model, *field.fields);
        }
        m_relations.push_back(relation);
    }

    // ---- what reformat.rs adds ----------------------------------------------------------

    struct InferredField
    {
        QByteArray name;
        Arity arity = Arity::Optional;
        int blueprint = -1; ///< the referenced field of model B
    };

    // infer_missing_referencing_scalar_fields: one field per field of model B's first unique
    // criteria, named `modelBField`.
    std::optional<std::vector<InferredField>> inferredFields(const InlineRelation &relation) const
    {
        const ModelInfo &a = m_models[std::size_t(relation.modelA)];
        const ModelInfo &b = m_models[std::size_t(relation.modelB)];
        const FieldIndexes *criteria = firstUniqueCriteria(b);
        std::vector<InferredField> fields;
        if (!criteria)
            return fields;
        for (int index : *criteria) {
            if (index < 0)
                return std::nullopt; // a composite type path: Prisma gives up (it would panic)
            InferredField inferred;
            inferred.name = inferredFieldName(b.name, b.fields[std::size_t(index)].name);
            inferred.blueprint = index;
            const int existing = a.field(inferred.name);
            if (existing >= 0 && !a.fields[std::size_t(existing)].isRelation)
                inferred.arity = a.fields[std::size_t(existing)].arity;
            else if (relation.forward >= 0)
                inferred.arity = a.fields[std::size_t(relation.forward)].arity;
            fields.push_back(std::move(inferred));
        }
        return fields;
    }

    static const FieldIndexes *firstUniqueCriteria(const ModelInfo &model)
    {
        if (model.primaryKey)
            return &*model.primaryKey;
        return model.uniques.empty() ? nullptr : &model.uniques.front();
    }

    // The first criteria with no optional and no Unsupported field (is_strict_criteria).
    const FieldIndexes *firstStrictCriteria(const ModelInfo &model) const
    {
        auto strict = [&](const FieldIndexes &criteria) {
            return std::all_of(criteria.begin(), criteria.end(), [&](int index) {
                if (index < 0)
                    return true;
                const FieldInfo &field = model.fields[std::size_t(index)];
                return field.arity != Arity::Optional && !field.ast->type->isUnsupported();
            });
        };
        if (model.primaryKey && strict(*model.primaryKey))
            return &*model.primaryKey;
        for (const FieldIndexes &unique : model.uniques) {
            if (strict(unique))
                return &unique;
        }
        return nullptr;
    }

    QByteArray fieldsArgument(const InlineRelation &relation) const
    {
        QByteArray argument = "fields: [";
        const std::optional<std::vector<InferredField>> fields = inferredFields(relation);
        if (fields) {
            for (std::size_t i = 0; i < fields->size(); ++i) {
                if (i > 0)
                    argument += ", ";
                argument += (*fields)[i].name;
            }
        }
        return argument + ']';
    }

    QByteArray referencesArgument(const InlineRelation &relation) const
    {
        const ModelInfo &a = m_models[std::size_t(relation.modelA)];
        const ModelInfo &b = m_models[std::size_t(relation.modelB)];
        const FieldIndexes *referenced = nullptr;
        if (relation.forward >= 0 && a.fields[std::size_t(relation.forward)].references)
            referenced = &*a.fields[std::size_t(relation.forward)].references;
        else
            referenced = firstStrictCriteria(b);
        QByteArray argument = "references: [";
        if (referenced) {
            bool first = true;
            for (int index : *referenced) {
                if (index < 0)
                    continue;
                if (!first)
                    argument += ", ";
                first = false;
                argument += b.fields[std::size_t(index)].name.toByteArray();
            }
        }
        return argument + ']';
    }

    void insert(const ModelInfo &model, int position, QByteArray text)
    {
        m_insertions[model.file].push_back({position, std::move(text)});
    }

    // Just before the `}` of the model.
    void insertField(const ModelInfo &model, QByteArray line)
    {
        insert(model, model.block->closeBrace.start, std::move(line));
    }

    void addMissingRelationFields(const InlineRelation &relation)
    {
        const ModelInfo &a = m_models[std::size_t(relation.modelA)];
        const ModelInfo &b = m_models[std::size_t(relation.modelB)];
        if (relation.back < 0) {
            const char *arity = relation.oneToOne ? "?" : "[]";
            QByteArray name = FormatterInflector::camelCase(a.name);
            if (!relation.oneToOne)
                name = FormatterInflector::plural(name);
            insertField(b, name + ' ' + a.name.toByteArray() + arity + ' ' +
                               (a.isIgnored ? "@ignore" : "") + '\n');
        }
        if (relation.forward < 0) {
            // forward_relation_field_arity: optional when one of the inferred fields is.
            const std::optional<std::vector<InferredField>> fields = inferredFields(relation);
            const bool optional =
                fields && std::any_of(fields->begin(), fields->end(), [](const InferredField &f) {
                    return f.arity == Arity::Optional;
                });
            insertField(a, FormatterInflector::camelCase(b.name) + ' ' + b.name.toByteArray() +
                               (optional ? "?" : "") + " @relation(" + fieldsArgument(relation) +
                               ", " + referencesArgument(relation) + ")\n");
        }
    }

    void addMissingScalarFields(const InlineRelation &relation)
    {
        const ModelInfo &a = m_models[std::size_t(relation.modelA)];
        const ModelInfo &b = m_models[std::size_t(relation.modelB)];
        if (relation.forward >= 0 && a.fields[std::size_t(relation.forward)].fields)
            return;
        const std::optional<std::vector<InferredField>> fields = inferredFields(relation);
        if (!fields)
            return;
        for (const InferredField &field : *fields) {
            const int existing = a.field(field.name);
            if (existing >= 0 && !a.fields[std::size_t(existing)].isRelation)
                continue;
            const FieldInfo &blueprint = b.fields[std::size_t(field.blueprint)];
            if (!blueprint.isBuiltinScalar)
                return; // an enum or Unsupported id: Prisma stops adding here
            QByteArray line = field.name + ' ' +
                              file(b.file).text(blueprint.ast->type->name).toByteArray() +
                              aritySuffix(field.arity) + ' ';
            if (blueprint.nativeType)
                line += text(b.file, blueprint.nativeType->range);
            insertField(a, line + '\n');
        }
    }

    void addMissingRelationAttribute(const InlineRelation &relation)
    {
        if (relation.forward < 0)
            return;
        const ModelInfo &a = m_models[std::size_t(relation.modelA)];
        const FieldInfo &forward = a.fields[std::size_t(relation.forward)];
        if (forward.relationAttribute)
            return;
        // After the type and its `?`, `[]` or `!` (reformat.rs: after_type).
        const QByteArray &content = file(a.file).source.content();
        int position = forward.ast->type->base.end;
        auto isArity = [](char c) { return c == '[' || c == ']' || c == '?' || c == '!'; };
        while (position < content.size() && isArity(content.at(position)))
            ++position;
        insert(a, position,
               " @relation(" + fieldsArgument(relation) + ", " + referencesArgument(relation) +
                   ')');
    }

    void addMissingRelationArguments(const InlineRelation &relation)
    {
        if (relation.forward < 0)
            return;
        const ModelInfo &a = m_models[std::size_t(relation.modelA)];
        const FieldInfo &forward = a.fields[std::size_t(relation.forward)];
        if (!forward.relationAttribute)
            return;
        QByteArrayList extra;
        if (!forward.fields)
            extra << fieldsArgument(relation);
        if (!forward.references)
            extra << referencesArgument(relation);
        // Prisma inserts `, ` even when nothing is missing; the layout then drops it as a
        // trailing comma, so leaving it out changes nothing and spares the rest of the work.
        if (extra.isEmpty())
            return;
        const Attribute &attribute = *forward.relationAttribute;
        if (!attribute.arguments || attribute.arguments->arguments.empty())
            insert(a, attribute.range.end, '(' + extra.join(", ") + ')');
        else
            insert(a, attribute.range.end - 1, ", " + extra.join(", "));
    }

    std::vector<QByteArray> enrich()
    {
        std::vector<QByteArray> result(m_schema.files().size());
        for (auto &[fileIndex, insertions] : m_insertions) {
            std::stable_sort(
                insertions.begin(), insertions.end(),
                [](const Insertion &x, const Insertion &y) { return x.position < y.position; });
            const QByteArray &content = file(fileIndex).source.content();
            QByteArray out;
            qsizetype added = 0;
            for (const Insertion &insertion : insertions)
                added += insertion.text.size();
            out.reserve(content.size() + added);
            int from = 0;
            for (const Insertion &insertion : insertions) {
                out.append(content.constData() + from, insertion.position - from);
                out.append(insertion.text);
                from = insertion.position;
            }
            out.append(content.constData() + from, content.size() - from);
            result[std::size_t(fileIndex)] = std::move(out);
        }
        return result;
    }

    const SchemaSource &m_schema;
    std::vector<ModelInfo> m_models;
    std::vector<std::pair<int, const Block *>> m_compositeBlocks;
    std::vector<InlineRelation> m_relations;
    std::unordered_map<int, std::vector<Insertion>> m_insertions;
};

} // namespace

std::vector<QByteArray> FormatterRelations::complete(const SchemaSource &schema)
{
    return RelationCompleter(schema).run();
}

} // namespace gh::prisma
