#pragma once

#include "ui/editor/PrismaStyle.h"

#include <QColor>
#include <QString>
#include <array>

namespace gh::ui {

/// The colours of the schema editor: the text styles of the Prisma lexer and the editor's
/// chrome (margins, caret line, selection, squiggles). A plain value handed to the widgets, so
/// the editor never reads a theme from global settings and two editors can differ.
struct EditorPalette
{
    struct TextFormat
    {
        QColor color;
        bool bold = false;
        bool italic = false;
    };

    QString name;
    bool isDark = false;

    QColor paper;
    QColor text;
    QColor caret;
    QColor caretLine;
    QColor selection;
    QColor marginPaper;
    QColor marginText;
    QColor foldMarker;
    QColor braceMatch;    ///< background of a matched brace pair
    QColor braceMismatch; ///< foreground of a brace without partner
    QColor indentGuide;
    QColor errorSquiggle;
    QColor warningSquiggle;
    QColor findHighlight; ///< every match of the find bar
    QColor link;          ///< Ctrl+hover underline of a name that has a definition

    std::array<TextFormat, kPrismaStyleCount> styles;

    const TextFormat &format(PrismaStyle style) const { return styles[size_t(style)]; }
    void setFormat(PrismaStyle style, TextFormat format) { styles[size_t(style)] = format; }

    static EditorPalette light();
    static EditorPalette dark();
};

} // namespace gh::ui
