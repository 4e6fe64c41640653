#pragma once

#include "core/prisma/Ast.h"

#include <deque>
#include <vector>

namespace gh::prisma {

// Internal to core/prisma: the pools that hold every node of one file's tree. The parser
// appends to them; once parsed they never change, so NodeList views into them stay valid.
struct SyntaxTreeStorage
{
    std::vector<Block> blocks;
    std::vector<TopItem> items;
    std::vector<CommentGroup> commentGroups;
    std::vector<Comment> comments;
    std::vector<BlockMember> members;
    std::vector<Field> fields;
    std::vector<EnumValue> values;
    std::vector<ConfigProperty> properties;
    std::vector<Attribute> attributes;
    // Argument lists (and object members) and array elements, one pool per nesting depth: a
    // list at depth d only ever contains lists deeper than d, so each list is built in place,
    // contiguous in its depth's pool, while the lists inside it grow in the deeper pools.
    std::vector<std::vector<Argument>> arguments;
    std::vector<std::vector<Expression>> expressions;
    // The texts Field::documentation points to: a deque, whose elements stay in place as it
    // grows.
    std::deque<QString> fieldDocumentation;
};

} // namespace gh::prisma
