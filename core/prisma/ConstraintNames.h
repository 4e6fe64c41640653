#pragma once

#include "core/prisma/DataModel.h"

#include <QString>
#include <QStringList>
#include <string>

namespace gh::prisma {

class Connector;

/// The names Prisma gives database constraints that the schema does not name with `map:`
/// (prisma-engines, psl-core/src/datamodel_connector/constraint_names.rs), PostgreSQL's
/// conventions for every provider:
///
/// - primary key `{table}_pkey`, unique constraint `{table}_{columns}_key`, other indexes
///   `{table}_{columns}_idx`, foreign key `{table}_{columns}_fkey`, default (SQL Server)
///   `{table}_{column}_df`, columns joined with `_`;
/// - tables and columns by their database names (after `@@map`/`@map`);
/// - cut to the provider's identifier limit in bytes (on a UTF-8 character boundary) before
///   the suffix is added.
///
/// The migration engine uses the same names, so a schema without `map:` arguments gives the
/// constraint names Prisma Migrate would create.
class ConstraintNames
{
public:
    static QString primaryKey(const QString &table, int maxLength);
    static QString uniqueIndex(const QString &table, const QStringList &columns, int maxLength);
    static QString index(const QString &table, const QStringList &columns, int maxLength);
    static QString foreignKey(const QString &table, const QStringList &columns, int maxLength);
    static QString defaultValue(const QString &table, const QString &column, int maxLength);

    /// The constraint names in effect for elements of a data model: the `map:` name, else the
    /// default one. primaryKey() is empty for a model without id, and for providers whose
    /// primary keys have no names (MySQL, SQLite, MongoDB).
    static QString primaryKey(const Model &model, const Connector &connector);
    static QString index(const Model &model, const Index &index, const Connector &connector);
    /// For a relation field that holds `fields:` (the foreign key's side).
    static QString foreignKey(const Model &model, const ModelField &relationField,
                              const Connector &connector);
    static QString defaultValue(const Model &model, const ModelField &field,
                                const Connector &connector);

    /// The same four names appended to `out` as UTF-16, for callers that compute thousands of
    /// them (ConstraintNamespace): `out` is reused, so a name costs no allocation once it has
    /// grown. Nothing is appended where the functions above return an empty string.
    static void appendPrimaryKey(std::u16string &out, const Model &model,
                                 const Connector &connector);
    static void appendIndex(std::u16string &out, const Model &model, const Index &index,
                            const Connector &connector);
    static void appendForeignKey(std::u16string &out, const Model &model,
                                 const ModelField &relationField, const Connector &connector);
    static void appendDefaultValue(std::u16string &out, const Model &model, const ModelField &field,
                                   const Connector &connector);
};

} // namespace gh::prisma
