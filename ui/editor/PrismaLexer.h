#pragma once

#include "ui/editor/EditorPalette.h"
#include "ui/editor/PrismaStyler.h"

#include <QFont>
#include <Qsci/qscilexercustom.h>
#include <climits>
#include <vector>

namespace gh::ui {

/// The QScintilla lexer of Prisma schemas: one per editor, styled by the core lexer through
/// PrismaStyler, coloured by the EditorPalette it is given.
///
/// styleText() restyles only what Scintilla asks for, restarting at a line from the state the
/// line before saved (SCI_SETLINESTATE), and sets fold levels from brace depth. Scintilla
/// positions are UTF-8 byte offsets, the same as the core lexer's, so no conversion happens.
/// The one backward effect in Prisma, a `*/` that appears or disappears and so closes or
/// reopens a `/*` above the edit, is caught by watching edits that touch `*` or `/`.
class PrismaLexer : public QsciLexerCustom
{
    Q_OBJECT

public:
    explicit PrismaLexer(QObject *parent = nullptr);
    ~PrismaLexer() override;

    const char *language() const override;
    QString description(int style) const override;
    void styleText(int start, int end) override;
    void setEditor(QsciScintilla *editor) override;

    int braceStyle() const override;
    /// `{` opens a block and `}` closes it, for QScintilla's automatic indentation.
    const char *blockStart(int *style = nullptr) const override;
    const char *blockEnd(int *style = nullptr) const override;
    const char *wordCharacters() const override;
    bool caseSensitive() const override { return true; }
    QColor defaultColor(int style) const override;
    QColor defaultPaper(int style) const override;
    QFont defaultFont(int style) const override;

    /// Recolours every style (the editor repaints).
    void setPalette(const EditorPalette &palette);
    const EditorPalette &palette() const { return m_palette; }
    /// The font of every style; bold and italic come from the palette.
    void setBaseFont(const QFont &font);
    QFont baseFont() const { return m_font; }

    /// The styling state at the start of 0-based `line`; valid for lines already styled.
    PrismaStyler::LineState lineStartState(int line) const;

private:
    void applyStyles();
    void noteModification(int position, int type, const char *text, int length);
    int reopenedCommentStart(const char *data, int size, int editPosition) const;

    EditorPalette m_palette;
    QFont m_font;
    PrismaStyler m_styler;
    QByteArray m_styles;
    std::vector<PrismaStyler::Line> m_lines;
    // The lowest edit since the last restyle that may have made or broken a `*/`.
    int m_commentEditFrom = INT_MAX;
};

} // namespace gh::ui
