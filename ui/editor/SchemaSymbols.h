#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gh::prisma {
class SchemaSource;
}

namespace gh::ui {

/// The names a schema declares, for completion and go-to-definition: its models, views,
/// composite types and enums with their fields or values, and the datasource provider.
/// Collected off the GUI thread from a parse; a plain value.
struct SchemaSymbols
{
    enum class Kind : quint8 { Model, View, CompositeType, Enum };

    struct Block
    {
        Kind kind = Kind::Model;
        QString name;
        QString file;
        QStringList fields;     ///< models, views and composite types, in source order
        QStringList fieldTypes; ///< the base type of each field (`User` for `User[]?`)
        QStringList values;     ///< enums
    };

    QList<Block> blocks;
    QString provider;     ///< `provider` of the datasource, e.g. "postgresql"; empty when none
    QString relationMode; ///< `relationMode` of the datasource as written; empty when none

    const Block *find(const QString &name) const;
    QStringList names(Kind kind) const;

    static SchemaSymbols collect(const prisma::SchemaSource &schema);
};

} // namespace gh::ui
