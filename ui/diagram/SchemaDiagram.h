#pragma once

#include "core/auth/AuthModel.h"

#include <QString>
#include <QVector>

namespace gh {
class AuthSchema;
namespace prisma {
class DataModel;
}
} // namespace gh

namespace gh::ui {

/// One line of an entity box: a field as the schema writes it.
struct DiagramField
{
    QString name;
    QString type;   ///< `String`, `DateTime`, or the related model for a relation field
    QString marker; ///< `?`, `[]` or empty
    QString column; ///< the database column when @map differs from the name, else empty
    bool primaryKey = false;
    bool unique = false;     ///< @unique, or part of a @@unique
    bool foreignKey = false; ///< named in a relation's `fields:`
    bool relation = false;   ///< a relation field (no column of its own)
};

/// One of the five Auth.js models.
struct DiagramEntity
{
    AuthModelKind kind = AuthModelKind::User;
    QString name;  ///< the model's name
    QString table; ///< its table when @@map differs from the name, else empty
    bool present = true;
    QVector<DiagramField> fields;
};

/// A foreign key from `child` (which holds it) to `parent`, read as "one parent has many (or
/// one) children".
struct DiagramRelation
{
    AuthModelKind parent = AuthModelKind::User;
    AuthModelKind child = AuthModelKind::Account;
    QStringList childFields;     ///< the foreign key on the child (`userId`)
    QStringList parentFields;    ///< what it references (`id`)
    bool childMany = true;       ///< one-to-many (else one-to-one)
    bool parentOptional = false; ///< the foreign key may be null
    QString onDelete;            ///< `Cascade`, … (empty when not known)
};

/// What the entity-relationship view draws: the Auth.js models as the schema defines them.
/// A plain value, built from the reconciled mapping (which models, tables and columns) and,
/// when the project has a schema file, its data model (field types, relation fields, keys).
struct SchemaDiagram
{
    QVector<DiagramEntity> entities; ///< always five, in AuthModelKind order
    QVector<DiagramRelation> relations;

    static SchemaDiagram build(const AuthSchema &schema,
                               const prisma::DataModel *dataModel = nullptr);

    const DiagramEntity *entity(AuthModelKind kind) const;
};

} // namespace gh::ui
