#pragma once

#include "core/prisma/ParsedFile.h"
#include "core/prisma/SourceFile.h"

namespace gh::prisma {

/// Parses Prisma schema files the way Prisma 5 to 7 does.
///
/// The grammar and the error recovery are Prisma's (prisma-engines, `datamodel.pest` and the
/// `parse_*` functions of psl/schema-ast), so a file parses here exactly when it parses there,
/// with the same messages at the same places:
/// - a line inside a block that is not a field, value, property, `@@` attribute, comment or
///   blank is reported ("This line is not a valid field or attribute definition.") and kept
///   as BlockMember::Invalid; parsing goes on with the next line;
/// - a top-level line that starts no block is reported and kept as TopItem::Invalid;
/// - a block that is never closed is not a block: its first line is reported and what follows
///   is parsed again as top-level lines.
/// Attributes and arguments are not checked here; that is the validator's job.
///
/// The parser never fails and never throws away text. It is linear in the size of the file
/// (no backtracking blow-up on adversarial input) and reentrant.
class Parser
{
public:
    static ParsedFile parse(SourceFile source);
};

} // namespace gh::prisma
