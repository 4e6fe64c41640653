#include "ui/diagram/SchemaDiagram.h"

#include "core/auth/AuthSchema.h"
#include "core/prisma/DataModel.h"

#include <array>

namespace gh::ui {

namespace {

constexpr std::array<AuthModelKind, 5> kKinds = {
    AuthModelKind::User, AuthModelKind::Account, AuthModelKind::Session,
    AuthModelKind::VerificationToken, AuthModelKind::Authenticator};

QString typeName(FieldType type)
{
    switch (type) {
    case FieldType::String:
        return QStringLiteral("String");
    case FieldType::Int:
        return QStringLiteral("Int");
    case FieldType::Boolean:
        return QStringLiteral("Boolean");
    case FieldType::DateTime:
        return QStringLiteral("DateTime");
    }
    return QString();
}

QString mappedOrEmpty(const QString &name, const QString &databaseName)
{
    return databaseName == name ? QString() : databaseName;
}

// Without a schema file (the mapping was guessed from the catalog): what the mapping knows.
DiagramEntity entityFromMapping(const AuthModel &model)
{
    DiagramEntity entity;
    entity.kind = model.kind;
    entity.name = model.name;
    entity.table = mappedOrEmpty(model.name, model.table);
    entity.present = model.present;
    for (const AuthField &f : model.fields) {
        DiagramField field;
        field.name = f.name;
        field.type = typeName(f.type);
        field.marker = f.optional ? QStringLiteral("?") : QString();
        field.column = mappedOrEmpty(f.name, f.column);
        field.primaryKey = model.keyFields.contains(f.logicalName());
        field.foreignKey =
            model.kind != AuthModelKind::User && f.logicalName() == QLatin1String("userId");
        entity.fields << field;
    }
    return entity;
}

DiagramEntity entityFromDataModel(const AuthModel &mapping, const prisma::Model &model)
{
    DiagramEntity entity;
    entity.kind = mapping.kind;
    entity.name = model.name;
    entity.table = mappedOrEmpty(model.name, model.databaseName());
    QStringList keys;
    if (model.primaryKey) {
        for (const prisma::IndexField &k : model.primaryKey->fields)
            keys << k.name;
    }
    QStringList uniques;
    QStringList foreignKeys;
    for (const prisma::Index &index : model.indexes) {
        if (!index.isUnique())
            continue;
        for (const prisma::IndexField &k : index.fields)
            uniques << k.name;
    }
    for (const prisma::ModelField &f : model.fields) {
        if (f.relationAttribute)
            foreignKeys << f.relationAttribute->fields;
    }
    for (const prisma::ModelField &f : model.fields) {
        if (f.isIgnored)
            continue;
        DiagramField field;
        field.name = f.name;
        field.type = f.type.kind == prisma::ResolvedType::Kind::Scalar
                         ? QString::fromLatin1(prisma::scalarTypeName(f.type.scalar))
                         : f.type.name;
        field.marker = f.isList()       ? QStringLiteral("[]")
                       : f.isOptional() ? QStringLiteral("?")
                                        : QString();
        field.relation = f.isRelation();
        field.column = field.relation ? QString() : mappedOrEmpty(f.name, f.databaseName());
        field.primaryKey = f.isId || keys.contains(f.name);
        field.unique = !field.primaryKey && (f.isUnique || uniques.contains(f.name));
        field.foreignKey = foreignKeys.contains(f.name);
        entity.fields << field;
    }
    return entity;
}

} // namespace

SchemaDiagram SchemaDiagram::build(const AuthSchema &schema, const prisma::DataModel *dataModel)
{
    SchemaDiagram diagram;
    QVector<int> modelIndex; // per kind: the data model's model, or -1
    for (AuthModelKind kind : kKinds) {
        const AuthModel &mapping = schema.model(kind);
        const int index = dataModel && mapping.present ? dataModel->modelIndex(mapping.name) : -1;
        modelIndex << index;
        DiagramEntity entity = index >= 0
                                   ? entityFromDataModel(mapping, dataModel->models().at(index))
                                   : entityFromMapping(mapping);
        if (entity.name.isEmpty())
            entity.name = authModelKindName(kind);
        entity.present = mapping.present;
        diagram.entities << entity;
    }

    auto kindOfModel = [&](int model) -> int {
        return model < 0 ? -1 : int(modelIndex.indexOf(model));
    };
    if (dataModel && modelIndex.at(0) >= 0) {
        for (const prisma::Relation &relation : dataModel->relations()) {
            const int child = kindOfModel(relation.a.model);
            const int parent = kindOfModel(relation.b.model);
            if (child < 0 || parent < 0 || relation.isManyToMany() || relation.a.field < 0)
                continue;
            const prisma::ModelField &holder =
                dataModel->models().at(relation.a.model).fields.at(relation.a.field);
            DiagramRelation r;
            r.parent = kKinds.at(std::size_t(parent));
            r.child = kKinds.at(std::size_t(child));
            r.childMany = relation.kind == prisma::Relation::Kind::OneToMany;
            if (holder.relationAttribute) {
                r.childFields = holder.relationAttribute->fields;
                r.parentFields = holder.relationAttribute->references;
                bool optional = !r.childFields.isEmpty();
                for (const QString &name : r.childFields) {
                    const prisma::ModelField *f =
                        dataModel->models().at(relation.a.model).field(name);
                    optional = optional && f && f->isOptional();
                }
                r.parentOptional = optional;
                r.onDelete = QString::fromLatin1(
                    prisma::referentialActionName(dataModel->effectiveOnDelete(holder)));
            }
            diagram.relations << r;
        }
        return diagram;
    }

    // The catalog's layout: every owned model points at User through its userId.
    for (AuthModelKind kind :
         {AuthModelKind::Account, AuthModelKind::Session, AuthModelKind::Authenticator}) {
        const AuthModel &model = schema.model(kind);
        const AuthField *owner = model.field(QStringLiteral("userId"));
        if (!model.present || !owner || !schema.user().present)
            continue;
        DiagramRelation r;
        r.parent = AuthModelKind::User;
        r.child = kind;
        r.childFields = QStringList{owner->name};
        r.parentFields = QStringList{QStringLiteral("id")};
        diagram.relations << r;
    }
    return diagram;
}

const DiagramEntity *SchemaDiagram::entity(AuthModelKind kind) const
{
    for (const DiagramEntity &e : entities) {
        if (e.kind == kind)
            return &e;
    }
    return nullptr;
}

} // namespace gh::ui
