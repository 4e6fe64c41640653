#pragma once

#include "core/prisma/DataModel.h"

#include <QVarLengthArray>

namespace gh::prisma {

class ValidationContext;

/// The pipeline's rules for scalar fields (psl-core fields.rs, default_value.rs,
/// autoincrement.rs and the connectors' own checks): types the provider lacks (Json, Decimal,
/// scalar lists), `@db.*` native types and their arguments, `@default` values and functions,
/// `autoincrement()` placement.
class FieldValidator
{
public:
    explicit FieldValidator(ValidationContext &context);

    void autoincrement(const Model &model);
    void connectorSpecific(const Model &model, const ModelField &field);
    void nativeType(const ModelField &field);
    void defaultValue(const Model &model, const ModelField &field);

private:
    void nativeTypeArguments(const ModelField &field, const QVarLengthArray<quint32, 4> &numbers);
    void literal(const DefaultValue &value, ScalarType type, bool isList);
    void parseError(const SourceSpan &at, const QString &message, bool withAt = true);

    ValidationContext &m_context;
    bool m_mongodb; ///< the connector is MongoDB's (asked per field, so read once)
};

} // namespace gh::prisma
