#pragma once

#include "core/prisma/Diagnostic.h"

#include <QList>

namespace gh::prisma {

class SchemaSource;

/// Every problem Prisma would report in `schema` (one file or several), in Prisma's order and
/// wording where practical: the parser's errors, then name, type and attribute resolution
/// (DataModelBuilder), the datasource and generator blocks (ConfigValidator), and, when all of
/// that is clean, the model-level rules (Validator, RelationValidator).
///
/// Fast, reentrant and without global state: the editor calls it from a worker thread on
/// every pause in typing, the CLI's `schema validate` once.
QList<Diagnostic> validate(const SchemaSource &schema);

/// The model-level rules of Prisma's validation pipeline (prisma-engines,
/// psl-core/src/validate/validation_pipeline): unique criteria, ids, indexes and their names,
/// native types for the provider, defaults, enums, `@@schema`, database name clashes, and the
/// relations (RelationValidator). They only run on a schema without earlier errors, as in
/// Prisma.
///
/// Deliberate differences from Prisma are marked `DIFFERS:` in Validator.cpp.
class Validator
{
public:
    static QList<Diagnostic> validate(const SchemaSource &schema);
};

} // namespace gh::prisma
