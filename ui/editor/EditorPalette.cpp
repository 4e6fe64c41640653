#include "ui/editor/EditorPalette.h"

namespace gh::ui {

namespace {

using Format = EditorPalette::TextFormat;

Format plain(const char *color)
{
    return {QColor(QLatin1String(color)), false, false};
}
Format bold(const char *color)
{
    return {QColor(QLatin1String(color)), true, false};
}
Format italic(const char *color)
{
    return {QColor(QLatin1String(color)), false, true};
}

} // namespace

// Built-ins (keywords, scalar types) share one hue and user types (block names, model types)
// another, so a type reads as "Prisma's" or "yours" at a glance. Plain comments are quieter
// than `///` documentation, which ends up in the generated client.
EditorPalette EditorPalette::light()
{
    EditorPalette p;
    p.name = QStringLiteral("light");
    p.isDark = false;
    p.paper = QColor(0xFFFFFF);
    p.text = QColor(0x1F2328);
    p.caret = QColor(0x1F2328);
    p.caretLine = QColor(0xF2F5F9);
    p.selection = QColor(0xBFDBFE);
    p.marginPaper = QColor(0xF7F8FA);
    p.marginText = QColor(0x8C959F);
    p.foldMarker = QColor(0x8C959F);
    p.braceMatch = QColor(0xD6E7FF);
    p.braceMismatch = QColor(0xD1242F);
    p.indentGuide = QColor(0xE1E4E8);
    p.errorSquiggle = QColor(0xE51400);
    p.warningSquiggle = QColor(0xBF8803);
    p.findHighlight = QColor(0xF9C513);
    p.link = QColor(0x0969DA);

    p.setFormat(PrismaStyle::Default, plain("#1F2328"));
    p.setFormat(PrismaStyle::Keyword, bold("#0033B3"));
    p.setFormat(PrismaStyle::BlockName, bold("#1F7A8C"));
    p.setFormat(PrismaStyle::FieldName, plain("#001080"));
    p.setFormat(PrismaStyle::ScalarType, plain("#0451A5"));
    p.setFormat(PrismaStyle::ModelType, plain("#1F7A8C"));
    p.setFormat(PrismaStyle::Attribute, plain("#AF00DB"));
    p.setFormat(PrismaStyle::Function, plain("#795E26"));
    p.setFormat(PrismaStyle::ArgumentName, plain("#6E4B9E"));
    p.setFormat(PrismaStyle::Constant, plain("#0070C1"));
    p.setFormat(PrismaStyle::String, plain("#A31515"));
    p.setFormat(PrismaStyle::Number, plain("#098658"));
    p.setFormat(PrismaStyle::Comment, italic("#6E7781"));
    p.setFormat(PrismaStyle::DocComment, italic("#2E7D32"));
    p.setFormat(PrismaStyle::Operator, plain("#57606A"));
    p.setFormat(PrismaStyle::Error, {QColor(0xD1242F), true, false});
    return p;
}

EditorPalette EditorPalette::dark()
{
    EditorPalette p;
    p.name = QStringLiteral("dark");
    p.isDark = true;
    p.paper = QColor(0x1E1F22);
    p.text = QColor(0xD4D4D4);
    p.caret = QColor(0xAEAFAD);
    p.caretLine = QColor(0x26282C);
    p.selection = QColor(0x264F78);
    p.marginPaper = QColor(0x1E1F22);
    p.marginText = QColor(0x6E7681);
    p.foldMarker = QColor(0x8B949E);
    p.braceMatch = QColor(0x3A3D41);
    p.braceMismatch = QColor(0xF14C4C);
    p.indentGuide = QColor(0x34373C);
    p.errorSquiggle = QColor(0xF14C4C);
    p.warningSquiggle = QColor(0xCCA700);
    p.findHighlight = QColor(0x9E6A03);
    p.link = QColor(0x4FC1FF);

    p.setFormat(PrismaStyle::Default, plain("#D4D4D4"));
    p.setFormat(PrismaStyle::Keyword, bold("#569CD6"));
    p.setFormat(PrismaStyle::BlockName, bold("#4EC9B0"));
    p.setFormat(PrismaStyle::FieldName, plain("#9CDCFE"));
    p.setFormat(PrismaStyle::ScalarType, plain("#569CD6"));
    p.setFormat(PrismaStyle::ModelType, plain("#4EC9B0"));
    p.setFormat(PrismaStyle::Attribute, plain("#C586C0"));
    p.setFormat(PrismaStyle::Function, plain("#DCDCAA"));
    p.setFormat(PrismaStyle::ArgumentName, plain("#B4A7E5"));
    p.setFormat(PrismaStyle::Constant, plain("#4FC1FF"));
    p.setFormat(PrismaStyle::String, plain("#CE9178"));
    p.setFormat(PrismaStyle::Number, plain("#B5CEA8"));
    p.setFormat(PrismaStyle::Comment, italic("#7F848E"));
    p.setFormat(PrismaStyle::DocComment, italic("#6A9955"));
    p.setFormat(PrismaStyle::Operator, plain("#A9B1BA"));
    p.setFormat(PrismaStyle::Error, {QColor(0xF14C4C), true, false});
    return p;
}

} // namespace gh::ui
