#include "ui/editor/SchemaEditor.h"

#include "core/prisma/Lexer.h"
#include "ui/editor/EditorIcons.h"
#include "ui/editor/PrismaLexer.h"

#include <QTimer>
#include <algorithm>

namespace gh::ui {

namespace {

using Base = QsciScintillaBase;
using Context = PrismaCompletion::Context;
using ItemKind = PrismaCompletion::ItemKind;

constexpr char kListSeparator = '\x1e';

bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

SchemaEditor::SchemaEditor(QWidget *parent)
    : CodeEditor(parent)
    , m_lexer(new PrismaLexer(this))
{
    setLexer(m_lexer);
    setLineCommentPrefix("//");
    setAutoCompletionSource(AcsNone);
    setCallTipsStyle(CallTipsNone);
    registerCompletionIcons();

    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, &SchemaEditor::onCharAdded);
    connect(this, &QsciScintillaBase::SCN_AUTOCCOMPLETED, this,
            [this](const char *selection) { onCompletionInserted(selection); });
    connect(this, &QsciScintilla::modificationChanged, this,
            [this] { Q_EMIT dirtyChanged(isDirty()); });
    connect(this, &CodeEditor::wordClicked, this, [this](int position) {
        const QString word = wordAt(position);
        if (!word.isEmpty())
            Q_EMIT definitionRequested(word);
    });
}

SchemaEditor::~SchemaEditor() = default;

void SchemaEditor::setEditorPalette(const EditorPalette &palette)
{
    m_lexer->setPalette(palette);
    CodeEditor::setEditorPalette(palette);
}

void SchemaEditor::setEditorFont(const QFont &font)
{
    m_lexer->setBaseFont(font);
    CodeEditor::setEditorFont(font);
}

bool SchemaEditor::isDirty() const
{
    return isModified() || m_saveFailed;
}

void SchemaEditor::markSaved()
{
    m_saveFailed = false;
    setModified(false);
    Q_EMIT dirtyChanged(isDirty());
}

void SchemaEditor::markSaveFailed()
{
    m_saveFailed = true;
    Q_EMIT dirtyChanged(true);
}

PrismaStyler::LineState SchemaEditor::lineStartState(int line)
{
    ensureStyled(int(SendScintilla(Base::SCI_POSITIONFROMLINE, line)));
    return m_lexer->lineStartState(line);
}

// The name in the header line of the block holding `line` (the fold parent, since fold
// levels follow brace depth).
QString SchemaEditor::blockNameAt(int line)
{
    ensureStyled(int(SendScintilla(Base::SCI_GETLINEENDPOSITION, line)));
    const long header = SendScintilla(Base::SCI_GETFOLDPARENT, line);
    if (header < 0)
        return QString();
    const long start = SendScintilla(Base::SCI_POSITIONFROMLINE, header);
    const long end = SendScintilla(Base::SCI_GETLINEENDPOSITION, header);
    const QByteArrayView text = textView().sliced(start, end - start);
    prisma::Lexer lexer(text);
    int words = 0;
    for (prisma::Token t = lexer.next(); !t.is(prisma::TokenKind::EndOfFile); t = lexer.next()) {
        if (t.isWord() && ++words == 2)
            return QString::fromUtf8(text.sliced(t.start, t.length()));
        if (!t.isWord() && !t.isWhitespace())
            break;
    }
    return QString();
}

PrismaCompletion::Result SchemaEditor::completionsAt(int position)
{
    if (position < 0)
        position = currentPosition();
    const int line = int(SendScintilla(Base::SCI_LINEFROMPOSITION, position));
    PrismaCompletion::Request request;
    request.state = lineStartState(line);
    if (request.state.lexer.braceDepth > 0)
        request.blockName = blockNameAt(line);
    const int start = int(SendScintilla(Base::SCI_POSITIONFROMLINE, line));
    request.line = textView().sliced(start, position - start);
    return PrismaCompletion::complete(request, m_symbols);
}

bool SchemaEditor::showCompletions()
{
    PrismaCompletion::Result result = completionsAt();
    QList<PrismaCompletion::Item> &items = result.items;
    std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        return a.text.compare(b.text, Qt::CaseInsensitive) < 0;
    });
    items.erase(std::unique(items.begin(), items.end(),
                            [](const auto &a, const auto &b) { return a.text == b.text; }),
                items.end());
    if (items.isEmpty())
        return false;

    QByteArray list;
    for (const PrismaCompletion::Item &item : items) {
        if (!list.isEmpty())
            list += kListSeparator;
        list += item.text.toUtf8() + '?' + QByteArray::number(int(item.kind) + 1);
    }
    m_shownItems = items;
    SendScintilla(Base::SCI_AUTOCSETSEPARATOR, long(kListSeparator));
    SendScintilla(Base::SCI_AUTOCSETTYPESEPARATOR, long('?'));
    SendScintilla(Base::SCI_AUTOCSETORDER, long(Base::SC_ORDER_PERFORMSORT));
    SendScintilla(Base::SCI_AUTOCSETIGNORECASE, 1L);
    SendScintilla(Base::SCI_AUTOCSETAUTOHIDE, 1L);
    SendScintilla(Base::SCI_AUTOCSETCHOOSESINGLE, 0L);
    SendScintilla(Base::SCI_AUTOCSETMAXHEIGHT, 12L);
    SendScintilla(Base::SCI_AUTOCSHOW, static_cast<unsigned long>(result.prefixLength),
                  list.constData());
    return true;
}

void SchemaEditor::onCharAdded(int character)
{
    // Scintilla reports the character before it updates (or cancels) an open list, so the
    // decision waits for the event loop.
    if (!m_autoPopup)
        return;
    const int position = currentPosition();
    QTimer::singleShot(0, this, [this, character, position] {
        // Only if nothing was typed since.
        if (currentPosition() == position)
            maybeOpenCompletions(character);
    });
}

void SchemaEditor::maybeOpenCompletions(int character)
{
    if (isListActive())
        return;
    const PrismaCompletion::Result result = completionsAt();
    if (result.items.isEmpty())
        return;
    bool open = false;
    switch (character) {
    case '@':
        open =
            result.context == Context::FieldAttribute || result.context == Context::BlockAttribute;
        break;
    case '.':
        open = result.context == Context::NativeType;
        break;
    case '(':
        open = result.context == Context::AttributeArgument;
        break;
    case '[':
        open = result.context == Context::FieldReference;
        break;
    case ':':
    case ' ':
        open = result.context == Context::ArgumentValue;
        break;
    default:
        // The first letter of a word where the choices are few and fixed.
        open =
            character < 0x80 && isWordByte(char(character)) && result.prefixLength == 1 &&
            (result.context == Context::FieldType || result.context == Context::BlockKeyword ||
             result.context == Context::PropertyName || result.context == Context::ArgumentValue);
        break;
    }
    if (open)
        showCompletions();
}

void SchemaEditor::onCompletionInserted(const char *selection)
{
    const QString text = QString::fromUtf8(selection);
    const auto item = std::find_if(m_shownItems.cbegin(), m_shownItems.cend(),
                                   [&](const auto &i) { return i.text == text; });
    if (item == m_shownItems.cend())
        return;
    if (item->caretBack > 0)
        SendScintilla(Base::SCI_GOTOPOS, long(currentPosition() - item->caretBack));
    // Chain into what naturally follows: `@db.` -> types, `onDelete: ` -> actions, `[]` ->
    // fields, `default()` -> functions. Deferred: Scintilla is still inside the insertion.
    const bool chains = text.endsWith(QLatin1Char('.')) || text.endsWith(QLatin1String(": ")) ||
                        item->caretBack > 0;
    if (chains && m_autoPopup) {
        QTimer::singleShot(0, this, [this] {
            if (!isListActive())
                showCompletions();
        });
    }
}

void SchemaEditor::registerCompletionIcons()
{
    for (int kind = 0; kind < PrismaCompletion::kItemKindCount; ++kind)
        registerImage(kind + 1, EditorIcons::completion(ItemKind(kind)));
}

int SchemaEditor::definitionOffset(const QString &name) const
{
    const QByteArray wanted = name.toUtf8();
    if (wanted.isEmpty())
        return -1;
    // Split mode: only it marks block keywords.
    prisma::Lexer lexer(textView(), prisma::Lexer::MultiLineTokens::Split);
    bool afterKeyword = false;
    for (prisma::Token t = lexer.next(); !t.is(prisma::TokenKind::EndOfFile); t = lexer.next()) {
        if (t.isWhitespace())
            continue;
        if (afterKeyword && t.is(prisma::TokenKind::Identifier) &&
            lexer.text().sliced(t.start, t.length()) == QByteArrayView(wanted))
            return t.start;
        afterKeyword = t.is(prisma::TokenKind::Keyword);
    }
    return -1;
}

void SchemaEditor::requestDefinitionAtCaret()
{
    const QString word = wordAt(currentPosition());
    if (!word.isEmpty())
        Q_EMIT definitionRequested(word);
}

bool SchemaEditor::isLinkWord(int position) const
{
    const auto style = PrismaStyle(SendScintilla(Base::SCI_GETSTYLEAT, position) & 0x1F);
    if (style == PrismaStyle::ModelType)
        return true;
    return style != PrismaStyle::Comment && style != PrismaStyle::String &&
           style != PrismaStyle::BlockName && m_symbols.find(wordAt(position));
}

} // namespace gh::ui
