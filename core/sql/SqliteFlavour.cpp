#include "core/sql/SqliteFlavour.h"

#include "core/sql/SqliteRenderer.h"

#include <QHash>
#include <QRegularExpression>

namespace gh::sql {

const SqlRenderer &SqliteFlavour::renderer() const
{
    static const SqliteRenderer renderer;
    return renderer;
}

std::optional<ColumnChanges::TypeChange> SqliteFlavour::columnTypeChange(const Column &previous,
                                                                         const Column &next) const
{
    if (previous.type.family == next.type.family)
        return std::nullopt;
    if (next.type.family == ColumnTypeFamily::String)
        return ColumnChanges::TypeChange::SafeCast;
    return ColumnChanges::TypeChange::RiskyCast;
}

bool SqliteFlavour::ignoresTable(const QString &name) const
{
    // SpatiaLite's tables and views.
    static const QRegularExpression spatialite(
        QStringLiteral(
            "^(data_licenses|elementarygeometries|geometry_columns|geometry_columns_auth|"
            "geometry_columns_field_infos|geometry_columns_statistics|geometry_columns_time|"
            "geom_cols_ref_sys|idx_iso_metadata_geometry|idx_iso_metadata_geometry_node|"
            "idx_iso_metadata_geometry_parent|idx_iso_metadata_geometry_rowid|iso_metadata|"
            "iso_metadata_reference|iso_metadata_view|knn|knn2|networks|raster_coverages|"
            "raster_coverages_keyword|raster_coverages_ref_sys|raster_coverages_srid|"
            "rl2map_configurations|rl2map_configurations_view|se_external_graphics|"
            "se_external_graphics_view|se_fonts|se_fonts_view|se_raster_styled_layers|"
            "se_raster_styled_layers_view|se_raster_styles|se_raster_styles_view|"
            "se_vector_styled_layers|se_vector_styled_layers_view|se_vector_styles|"
            "se_vector_styles_view|spatialindex|spatialite_history|spatial_ref_sys|"
            "spatial_ref_sys_all|spatial_ref_sys_aux|sql_statements_log|stored_procedures|"
            "stored_variables|topologies|vector_coverages|vector_coverages_keyword|"
            "vector_coverages_ref_sys|vector_coverages_srid|vector_layers|vector_layers_auth|"
            "vector_layers_field_infos|vector_layers_statistics|views_geometry_columns|"
            "views_geometry_columns_auth|views_geometry_columns_field_infos|"
            "views_geometry_columns_statistics|virts_geometry_collection|"
            "virts_geometry_collectionm|virts_geometry_columns|virts_geometry_columns_auth|"
            "virts_geometry_columns_field_infos|virts_geometry_columns_statistics|"
            "wms_getcapabilities|wms_getmap|wms_ref_sys|wms_settings)$"),
        QRegularExpression::CaseInsensitiveOption);
    return spatialite.match(name).hasMatch();
}

ColumnTypeFamily SqliteFlavour::familyForDeclaredType(const QString &declaredType)
{
    // Prisma's sqlite describer: a few exact names, then substrings and prefixes.
    QString type = declaredType.toLower();
    if (type.endsWith(QLatin1String("[]")))
        type.chop(2);
    static const QHash<QString, ColumnTypeFamily> exact = {
        {QStringLiteral("int"), ColumnTypeFamily::Int},
        {QStringLiteral("integer"), ColumnTypeFamily::Int},
        {QStringLiteral("serial"), ColumnTypeFamily::Int},
        {QStringLiteral("bigint"), ColumnTypeFamily::BigInt},
        {QStringLiteral("real"), ColumnTypeFamily::Float},
        {QStringLiteral("float"), ColumnTypeFamily::Float},
        {QStringLiteral("double"), ColumnTypeFamily::Float},
        {QStringLiteral("boolean"), ColumnTypeFamily::Boolean},
        {QStringLiteral("text"), ColumnTypeFamily::String},
        {QStringLiteral("date"), ColumnTypeFamily::DateTime},
        {QStringLiteral("datetime"), ColumnTypeFamily::DateTime},
        {QStringLiteral("timestamp"), ColumnTypeFamily::DateTime},
        {QStringLiteral("binary"), ColumnTypeFamily::Binary},
        {QStringLiteral("blob"), ColumnTypeFamily::Binary},
        {QStringLiteral("jsonb"), ColumnTypeFamily::Json},
    };
    const auto found = exact.constFind(type);
    if (found != exact.constEnd())
        return *found;
    if (type.contains(QLatin1String("char")))
        return ColumnTypeFamily::String;
    if (type.contains(QLatin1String("numeric")) || type.contains(QLatin1String("decimal")))
        return ColumnTypeFamily::Decimal;
    return ColumnTypeFamily::Unsupported;
}

} // namespace gh::sql
