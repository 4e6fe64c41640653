#include "ui/editor/PrismaLexer.h"

#include <QFontDatabase>
#include <Qsci/qsciscintilla.h>
#include <cstring>

namespace gh::ui {

namespace {

bool isCommentByte(char c)
{
    return c == '*' || c == '/';
}

long send(QsciScintilla *editor, unsigned int message, unsigned long wParam = 0, long lParam = 0)
{
    return editor->SendScintilla(message, wParam, lParam);
}

} // namespace

PrismaLexer::PrismaLexer(QObject *parent)
    : QsciLexerCustom(parent)
    , m_palette(EditorPalette::light())
    , m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{}

PrismaLexer::~PrismaLexer() = default;

const char *PrismaLexer::language() const
{
    return "Prisma";
}

QString PrismaLexer::description(int style) const
{
    switch (PrismaStyle(style)) {
    case PrismaStyle::Default:
        return tr("Default");
    case PrismaStyle::Keyword:
        return tr("Block keyword");
    case PrismaStyle::BlockName:
        return tr("Block name");
    case PrismaStyle::FieldName:
        return tr("Field name");
    case PrismaStyle::ScalarType:
        return tr("Scalar type");
    case PrismaStyle::ModelType:
        return tr("Model, enum or composite type");
    case PrismaStyle::Attribute:
        return tr("Attribute");
    case PrismaStyle::Function:
        return tr("Function");
    case PrismaStyle::ArgumentName:
        return tr("Argument name");
    case PrismaStyle::Constant:
        return tr("Constant");
    case PrismaStyle::String:
        return tr("String");
    case PrismaStyle::Number:
        return tr("Number");
    case PrismaStyle::Comment:
        return tr("Comment");
    case PrismaStyle::DocComment:
        return tr("Documentation comment");
    case PrismaStyle::Operator:
        return tr("Punctuation");
    case PrismaStyle::Error:
        return tr("Invalid text");
    }
    return QString(); // QScintilla asks until it gets an empty description
}

int PrismaLexer::braceStyle() const
{
    // Only braces styled as punctuation match: none inside strings or comments.
    return int(PrismaStyle::Operator);
}

const char *PrismaLexer::blockStart(int *style) const
{
    if (style)
        *style = int(PrismaStyle::Operator);
    return "{";
}

const char *PrismaLexer::blockEnd(int *style) const
{
    if (style)
        *style = int(PrismaStyle::Operator);
    return "}";
}

const char *PrismaLexer::wordCharacters() const
{
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
}

QColor PrismaLexer::defaultColor(int style) const
{
    if (style >= 0 && style < kPrismaStyleCount)
        return m_palette.format(PrismaStyle(style)).color;
    return m_palette.text;
}

QColor PrismaLexer::defaultPaper(int) const
{
    return m_palette.paper;
}

QFont PrismaLexer::defaultFont(int style) const
{
    QFont font = m_font;
    if (style >= 0 && style < kPrismaStyleCount) {
        font.setBold(m_palette.format(PrismaStyle(style)).bold);
        font.setItalic(m_palette.format(PrismaStyle(style)).italic);
    }
    return font;
}

void PrismaLexer::setPalette(const EditorPalette &palette)
{
    m_palette = palette;
    applyStyles();
}

void PrismaLexer::setBaseFont(const QFont &font)
{
    m_font = font;
    applyStyles();
}

void PrismaLexer::applyStyles()
{
    setDefaultColor(m_palette.text);
    setDefaultPaper(m_palette.paper);
    setDefaultFont(m_font);
    for (int style = 0; style < kPrismaStyleCount; ++style) {
        setColor(defaultColor(style), style);
        setPaper(m_palette.paper, style);
        setFont(defaultFont(style), style);
    }
}

void PrismaLexer::setEditor(QsciScintilla *editor)
{
    if (QsciScintilla *old = this->editor())
        disconnect(old, nullptr, this, nullptr);
    QsciLexerCustom::setEditor(editor);
    if (editor) {
        connect(editor, &QsciScintillaBase::SCN_MODIFIED, this,
                [this](int position, int type, const char *text, int length) {
                    noteModification(position, type, text, length);
                });
    }
}

// Remembers edits that may create or destroy a `*/`: one containing `*` or `/`, or one whose
// neighbours are, since joining text can bring a `*` and a `/` together.
void PrismaLexer::noteModification(int position, int type, const char *text, int length)
{
    const bool inserted = type & QsciScintillaBase::SC_MOD_INSERTTEXT;
    const bool deleted = type & QsciScintillaBase::SC_MOD_DELETETEXT;
    if (!inserted && !deleted)
        return;
    if (m_commentEditFrom != INT_MAX && position < m_commentEditFrom)
        m_commentEditFrom =
            inserted ? m_commentEditFrom + length : std::max(position, m_commentEditFrom - length);

    bool touches =
        text && length > 0 &&
        (std::memchr(text, '*', size_t(length)) || std::memchr(text, '/', size_t(length)));
    if (!touches) {
        QsciScintilla *ed = editor();
        const int after = inserted ? position + length : position;
        touches = (position > 0 &&
                   isCommentByte(char(send(ed, QsciScintillaBase::SCI_GETCHARAT, position - 1)))) ||
                  isCommentByte(char(send(ed, QsciScintillaBase::SCI_GETCHARAT, after)));
    }
    if (touches)
        m_commentEditFrom = std::min(m_commentEditFrom, position);
}

// The first `/*` after the last `*/` before an edit at `editPosition`: the lexer closes every
// `/*` at the next `*/` in the text, so that `/*` is the one an edited `*/` opens or closes.
// -1 when there is none. Scans backwards one `*` at a time (memrchr), so text without
// comments costs almost nothing.
int PrismaLexer::reopenedCommentStart(const char *data, int size, int editPosition) const
{
    int earliest = -1;
    int end = std::min(editPosition, size);
    while (end > 0) {
        const void *found = memrchr(data, '*', size_t(end));
        if (!found)
            break;
        const int star = int(static_cast<const char *>(found) - data);
        if (star + 1 < size && data[star + 1] == '/' && star + 1 <= editPosition - 2)
            break; // a `*/` wholly before the edit: earlier comments are settled
        if (star > 0 && data[star - 1] == '/')
            earliest = star - 1;
        end = star;
    }
    return earliest;
}

void PrismaLexer::styleText(int start, int end)
{
    QsciScintilla *ed = editor();
    if (!ed)
        return;
    const int size = int(send(ed, QsciScintillaBase::SCI_GETLENGTH));
    const auto *data = static_cast<const char *>(
        ed->SendScintillaPtrResult(QsciScintillaBase::SCI_GETCHARACTERPOINTER));
    if (!data)
        return;

    if (m_commentEditFrom != INT_MAX) {
        const int opener = reopenedCommentStart(data, size, m_commentEditFrom);
        m_commentEditFrom = INT_MAX;
        if (opener >= 0 && opener < start)
            start = opener;
    }

    const int line = int(send(ed, QsciScintillaBase::SCI_LINEFROMPOSITION, start));
    start = int(send(ed, QsciScintillaBase::SCI_POSITIONFROMLINE, line));
    m_lines.clear();
    const int stop = m_styler.style(QByteArrayView(data, size), start, end, lineStartState(line),
                                    &m_styles, &m_lines);
    if (stop <= start)
        return;

    startStyling(start);
    ed->SendScintilla(QsciScintillaBase::SCI_SETSTYLINGEX,
                      static_cast<unsigned long>(m_styles.size()), m_styles.constData());
    for (size_t i = 0; i < m_lines.size(); ++i) {
        const unsigned long at = static_cast<unsigned long>(line + int(i));
        const PrismaStyler::Line &styled = m_lines[i];
        send(ed, QsciScintillaBase::SCI_SETLINESTATE, at, styled.endState);
        long level = QsciScintillaBase::SC_FOLDLEVELBASE + styled.depthStart;
        if (styled.depthEnd > styled.depthStart)
            level |= QsciScintillaBase::SC_FOLDLEVELHEADERFLAG;
        send(ed, QsciScintillaBase::SCI_SETFOLDLEVEL, at, level);
    }
}

PrismaStyler::LineState PrismaLexer::lineStartState(int line) const
{
    QsciScintilla *ed = editor();
    if (!ed || line <= 0)
        return {};
    return PrismaStyler::LineState::fromInt(
        int(send(ed, QsciScintillaBase::SCI_GETLINESTATE, static_cast<unsigned long>(line - 1))));
}

} // namespace gh::ui
