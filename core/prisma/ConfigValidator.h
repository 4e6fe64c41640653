#pragma once

#include "core/prisma/Diagnostic.h"
#include "core/prisma/SchemaSource.h"

#include <QList>

namespace gh::prisma {

/// Checks the `datasource` and `generator` blocks the way Prisma's configuration loaders do
/// (prisma-engines, psl-core/src/validate/{datasource,generator}_loader.rs): required and
/// known properties, the provider, relationMode, schemas, preview features.
///
/// One deliberate difference: the connection URL properties (`url`, `directUrl`,
/// `shadowDatabaseUrl`) are accepted as Prisma 5 and 6 accept them (a string or `env("NAME")`),
/// and so is their absence (Prisma 7, where prisma.config.ts holds the URL). Prisma 7 rejects
/// them ("The datasource property `url` is no longer supported in schema files"), but
/// Gatehouse reads projects of every version.
class ConfigValidator
{
public:
    /// Appends what it finds to `diagnostics`, generators first, as Prisma reports them.
    static void validate(const SchemaSource &schema, QList<Diagnostic> &diagnostics);
};

} // namespace gh::prisma
