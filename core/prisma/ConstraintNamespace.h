#pragma once

#include "core/prisma/Connector.h"
#include "core/prisma/DataModel.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace gh::prisma {

class ValidationContext;

/// Where constraint names must be unique, and how often each is used (Prisma's
/// ConstraintNamespace, psl-core validations/constraint_namespace.rs): every primary key,
/// index, foreign key and default constraint name of the data model, effective names (the
/// `map:` one, else ConstraintNames' default), counted in the scopes of the provider
/// (Connector::constraintScopes()), plus the client names (`name:`) of ids and uniques per
/// model.
class ConstraintNamespace
{
public:
    enum class Kind : quint8 { Index, Relation, Default, PrimaryKey };

    static ConstraintNamespace build(const DataModel &dataModel, const Connector &connector);

    /// The scopes in which `name` is used more than once: global ones first, then the
    /// model's, as Prisma lists them.
    QList<Connector::ConstraintScope> violations(Kind kind, int model, const QString &schema,
                                                 const QString &name) const;
    /// Reports each violation as Prisma does: as an error of `attribute`, on its argument
    /// `argument` (`map`, else `fallback` when given) or, without one, on `otherwise`.
    void reportClashes(ValidationContext &context, Kind kind, int model, const QString &name,
                       const SourceSpan &attributeSpan, const QString &attribute,
                       std::optional<SourceRange> otherwise = std::nullopt,
                       const char *fallback = nullptr) const;
    /// A custom `name:` used twice on one model's id and uniques.
    bool customNameViolation(int model, const QString &name) const;
    /// Whether a kind of name is counted at all for the provider (default constraints only
    /// on SQL Server, ...) and some name is used twice: else nothing can clash, and the names
    /// need not even be computed again.
    bool counts(Kind kind) const { return m_clashesPossible && (m_kinds & (1u << unsigned(kind))); }

    // A name in a scope: `model` is -1 for global scopes (then `schema` tells them apart), and
    // `scope` is -1 for the custom names.
    struct Key
    {
        int scope;
        int model;
        QString schema;
        QString name;

        friend bool operator==(const Key &a, const Key &b)
        {
            return a.scope == b.scope && a.model == b.model && a.name == b.name &&
                   a.schema == b.schema;
        }
    };

private:
    void add(const Key &key) { ++m_counts[key]; }

    QHash<Key, int> m_counts;
    quint8 m_kinds = 0;
    bool m_clashesPossible = false;
};

size_t qHash(const ConstraintNamespace::Key &key, size_t seed = 0);

} // namespace gh::prisma
