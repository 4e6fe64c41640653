#include "ui/migrate/SqlViewer.h"

#include <QFontDatabase>
#include <Qsci/qscilexersql.h>

namespace gh::ui {

SqlViewer::SqlViewer(QWidget *parent)
    : CodeEditor(parent)
    , m_lexer(new QsciLexerSQL(this))
{
    setLineCommentPrefix("--");
    setLexer(m_lexer);
    setReadOnly(true);
    setCaretLineVisible(false);
    setEditorFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Until the host hands in its palette: light or dark as the widget's own palette is.
    setEditorPalette(palette().color(QPalette::Window).lightness() < 128 ? EditorPalette::dark()
                                                                         : EditorPalette::light());
}

SqlViewer::~SqlViewer() = default;

void SqlViewer::setEditorPalette(const EditorPalette &palette)
{
    CodeEditor::setEditorPalette(palette);
    applyLexerPalette();
}

void SqlViewer::setEditorFont(const QFont &font)
{
    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font, -1);
    CodeEditor::setEditorFont(font);
}

void SqlViewer::setScript(const QByteArray &script)
{
    setReadOnly(false);
    loadText(script);
    setReadOnly(true);
    setCursorPosition(0, 0);
    setFirstVisibleLine(0);
}

void SqlViewer::applyLexerPalette()
{
    const EditorPalette &p = editorPalette();
    if (!p.paper.isValid())
        return;
    m_lexer->setDefaultPaper(p.paper);
    m_lexer->setPaper(p.paper, -1);
    m_lexer->setDefaultColor(p.text);
    m_lexer->setColor(p.text, -1);
    // The SQL styles borrow the Prisma styles that play the same part.
    const auto use = [this, &p](int sqlStyle, PrismaStyle style) {
        const EditorPalette::TextFormat &format = p.format(style);
        if (format.color.isValid())
            m_lexer->setColor(format.color, sqlStyle);
        QFont font = m_lexer->font(sqlStyle);
        font.setBold(format.bold);
        font.setItalic(format.italic);
        m_lexer->setFont(font, sqlStyle);
    };
    use(QsciLexerSQL::Comment, PrismaStyle::Comment);
    use(QsciLexerSQL::CommentLine, PrismaStyle::Comment);
    use(QsciLexerSQL::CommentDoc, PrismaStyle::DocComment);
    use(QsciLexerSQL::Number, PrismaStyle::Number);
    use(QsciLexerSQL::Keyword, PrismaStyle::Keyword);
    use(QsciLexerSQL::KeywordSet5, PrismaStyle::ScalarType);
    use(QsciLexerSQL::SingleQuotedString, PrismaStyle::String);
    // PostgreSQL and SQLite quote identifiers with double quotes: names, not strings.
    use(QsciLexerSQL::DoubleQuotedString, PrismaStyle::BlockName);
    use(QsciLexerSQL::QuotedIdentifier, PrismaStyle::BlockName);
    use(QsciLexerSQL::Operator, PrismaStyle::Operator);
    use(QsciLexerSQL::Identifier, PrismaStyle::Default);
    // setLexer() and colour changes reset the chrome: put it back.
    CodeEditor::setEditorPalette(p);
}

} // namespace gh::ui
