#pragma once

#include "core/prisma/DataModel.h"
#include "core/prisma/Diagnostic.h"

#include <QList>

namespace gh::prisma {

class SchemaSource;

/// Resolves a parsed schema into a DataModel, the way Prisma's parser database does
/// (prisma-engines, psl/parser-database), in Prisma's order:
/// 1. names: models, views, enums and composite types share one namespace, fields and enum
///    values are unique in their block, datasource and generator properties in theirs;
/// 2. types: each field's type is a scalar, an enum, a composite type, a model (a relation
///    field) or Unsupported;
/// 3. attributes: every attribute and argument is read, checked and taken into the model;
///    those nothing reads are reported (`Attribute not known`, `No such argument.`);
/// 4. relations: relation fields are paired into relations (1:1, 1:n, implicit m:n);
/// and the datasource and generator blocks.
///
/// What Prisma reports during these steps goes to `diagnostics` (when given), with Prisma's
/// messages and positions. Model-level rules (a model needs a unique criterion, relations
/// need back-relation fields, native types must fit the provider, ...) are Validator's.
class DataModelBuilder
{
public:
    static DataModel build(const SchemaSource &schema, QList<Diagnostic> *diagnostics = nullptr);

private:
    class Impl;
};

} // namespace gh::prisma
