#include "ui/editor/CodeEditor.h"

#include "ui/editor/EditorIcons.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <algorithm>
#include <climits>

namespace gh::ui {

namespace {

using Base = QsciScintillaBase;

constexpr int kErrorMarker = 0;
constexpr int kWarningMarker = 1;
constexpr int kMaxHighlights = 10000;

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_palette(EditorPalette::light())
{
    setUtf8(true);
    setEolMode(EolUnix);
    setBraceMatching(SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setIndentationWidth(2);
    setTabIndents(true);
    setBackspaceUnindents(true);
    setCaretLineVisible(true);
    setCaretWidth(2);
    setScrollWidth(1);
    setScrollWidthTracking(true);
    SendScintilla(Base::SCI_SETEXTRAASCENT, 1);
    SendScintilla(Base::SCI_SETEXTRADESCENT, 1);
    // Typing over a selection and multiple carets are not worth a surprise here.
    SendScintilla(Base::SCI_SETMULTIPLESELECTION, 0L);

    setMarginType(LineNumberMargin, NumberMargin);
    setMarginLineNumbers(LineNumberMargin, true);
    setMarginType(SymbolMargin, QsciScintilla::SymbolMargin);
    setMarginWidth(SymbolMargin, 16);
    setMarginMarkerMask(SymbolMargin, (1 << kErrorMarker) | (1 << kWarningMarker));
    setMarginSensitivity(SymbolMargin, false);
    setFolding(PlainFoldStyle, FoldMargin);
    setMarginWidth(FoldMargin, 14);

    m_errorIndicator = indicatorDefine(SquigglePixmapIndicator);
    m_warningIndicator = indicatorDefine(SquigglePixmapIndicator);
    m_findIndicator = indicatorDefine(FullBoxIndicator);
    m_linkIndicator = indicatorDefine(PlainIndicator);
    setIndicatorDrawUnder(true, m_findIndicator);

    // Scintilla binds Ctrl+/ to "word part left"; here it toggles comments.
    if (QsciCommand *command = standardCommands()->boundTo((Qt::CTRL | Qt::Key_Slash).toCombined()))
        command->setKey(0);

    viewport()->installEventFilter(this);
    installEventFilter(this);
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    connect(this, &QsciScintillaBase::SCN_ZOOM, this, [this] {
        m_lineNumberDigits = 0;
        updateLineNumberWidth();
    });

    applyPalette();
    updateLineNumberWidth();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setEditorPalette(const EditorPalette &palette)
{
    m_palette = palette;
    applyPalette();
}

void CodeEditor::setEditorFont(const QFont &font)
{
    setFont(font);
    setMarginsFont(font);
    m_lineNumberDigits = 0;
    updateLineNumberWidth();
}

void CodeEditor::setLexer(QsciLexer *lexer)
{
    QsciScintilla::setLexer(lexer);
    // QsciScintilla::setLexer resets margin and caret colours.
    applyPalette();
}

void CodeEditor::applyPalette()
{
    const EditorPalette &p = m_palette;
    setPaper(p.paper);
    setColor(p.text);
    setCaretForegroundColor(p.caret);
    setCaretLineBackgroundColor(p.caretLine);
    setSelectionBackgroundColor(p.selection);
    resetSelectionForegroundColor();
    setMarginsBackgroundColor(p.marginPaper);
    setMarginsForegroundColor(p.marginText);
    setFoldMarginColors(p.marginPaper, p.marginPaper);
    setMatchedBraceBackgroundColor(p.braceMatch);
    setMatchedBraceForegroundColor(p.text);
    setUnmatchedBraceForegroundColor(p.braceMismatch);
    setUnmatchedBraceBackgroundColor(p.paper);
    setIndentationGuidesForegroundColor(p.indentGuide);
    setIndentationGuidesBackgroundColor(p.paper);
    setIndicatorForegroundColor(p.errorSquiggle, m_errorIndicator);
    setIndicatorForegroundColor(p.warningSquiggle, m_warningIndicator);
    setIndicatorForegroundColor(p.findHighlight, m_findIndicator);
    SendScintilla(Base::SCI_INDICSETALPHA, m_findIndicator, p.isDark ? 110 : 90);
    SendScintilla(Base::SCI_INDICSETOUTLINEALPHA, m_findIndicator, 160);
    setIndicatorForegroundColor(p.link, m_linkIndicator);
    defineMarkers();
}

void CodeEditor::defineMarkers()
{
    const int size = std::max(10, std::min(14, QFontMetrics(font()).height() - 2));
    markerDefine(EditorIcons::problem(true, m_palette.errorSquiggle, size), kErrorMarker);
    markerDefine(EditorIcons::problem(false, m_palette.warningSquiggle, size), kWarningMarker);

    // Quiet arrows instead of boxed trees: folds matter less than the text.
    const struct
    {
        int number;
        int symbol;
    } folds[] = {
        {Base::SC_MARKNUM_FOLDEROPEN, Base::SC_MARK_ARROWDOWN},
        {Base::SC_MARKNUM_FOLDER, Base::SC_MARK_ARROW},
        {Base::SC_MARKNUM_FOLDERSUB, Base::SC_MARK_EMPTY},
        {Base::SC_MARKNUM_FOLDERTAIL, Base::SC_MARK_EMPTY},
        {Base::SC_MARKNUM_FOLDEREND, Base::SC_MARK_ARROW},
        {Base::SC_MARKNUM_FOLDEROPENMID, Base::SC_MARK_ARROWDOWN},
        {Base::SC_MARKNUM_FOLDERMIDTAIL, Base::SC_MARK_EMPTY},
    };
    for (const auto &fold : folds) {
        SendScintilla(Base::SCI_MARKERDEFINE, fold.number, fold.symbol);
        SendScintilla(Base::SCI_MARKERSETFORE, fold.number, m_palette.foldMarker);
        SendScintilla(Base::SCI_MARKERSETBACK, fold.number, m_palette.foldMarker);
    }
}

void CodeEditor::updateLineNumberWidth()
{
    int digits = 1;
    for (int n = std::max(1, lines()); n >= 10; n /= 10)
        ++digits;
    digits = std::max(digits, 3);
    if (digits == m_lineNumberDigits)
        return;
    m_lineNumberDigits = digits;
    setMarginWidth(LineNumberMargin, QString(digits + 1, QLatin1Char('0')));
}

QByteArrayView CodeEditor::textView() const
{
    const int length = int(SendScintilla(Base::SCI_GETLENGTH));
    const auto *data =
        static_cast<const char *>(SendScintillaPtrResult(Base::SCI_GETCHARACTERPOINTER));
    return QByteArrayView(data, data ? length : 0);
}

void CodeEditor::loadText(const QByteArray &utf8)
{
    setEolMode(utf8.contains("\r\n") ? EolWindows : EolUnix);
    const bool readOnly = isReadOnly();
    setReadOnly(false);
    SendScintilla(Base::SCI_CLEARALL);
    SendScintilla(Base::SCI_APPENDTEXT, static_cast<unsigned long>(utf8.size()), utf8.constData());
    setReadOnly(readOnly);
    SendScintilla(Base::SCI_EMPTYUNDOBUFFER);
    SendScintilla(Base::SCI_SETSAVEPOINT);
    SendScintilla(Base::SCI_GOTOPOS, 0L);
}

void CodeEditor::replaceTextMinimally(const QByteArray &utf8)
{
    const QByteArrayView old = textView();
    const qsizetype limit = std::min(old.size(), utf8.size());
    qsizetype prefix = 0;
    while (prefix < limit && old[prefix] == utf8[prefix])
        ++prefix;
    if (prefix == old.size() && prefix == utf8.size())
        return;
    qsizetype suffix = 0;
    while (suffix < limit - prefix &&
           old[old.size() - 1 - suffix] == utf8[utf8.size() - 1 - suffix])
        ++suffix;
    // Never split a UTF-8 sequence: back up to a character boundary.
    while (prefix > 0 && (static_cast<unsigned char>(utf8[prefix]) & 0xC0) == 0x80)
        --prefix;

    const QByteArray replacement = utf8.mid(prefix, utf8.size() - suffix - prefix);
    const long caret = SendScintilla(Base::SCI_GETCURRENTPOS);
    const int caretLine = int(SendScintilla(Base::SCI_LINEFROMPOSITION, caret));
    const long caretIndex = caret - SendScintilla(Base::SCI_POSITIONFROMLINE, caretLine);
    const int firstVisible = firstVisibleLine();
    SendScintilla(Base::SCI_BEGINUNDOACTION);
    SendScintilla(Base::SCI_SETTARGETRANGE, static_cast<unsigned long>(prefix),
                  long(old.size() - suffix));
    SendScintilla(Base::SCI_REPLACETARGET, static_cast<unsigned long>(replacement.size()),
                  replacement.constData());
    SendScintilla(Base::SCI_ENDUNDOACTION);
    // A caret inside the replaced bytes would jump to their edge: keep its line instead, as
    // formatting rarely moves lines.
    if (caret > prefix && caret < old.size() - suffix) {
        const long line = std::min(caretLine, lines() - 1);
        const long start = SendScintilla(Base::SCI_POSITIONFROMLINE, line);
        const long end = SendScintilla(Base::SCI_GETLINEENDPOSITION, line);
        SendScintilla(Base::SCI_GOTOPOS, std::min(start + caretIndex, end));
        setFirstVisibleLine(firstVisible);
    }
}

int CodeEditor::positionAt(int line, int column) const
{
    const int lineIndex = std::clamp(line - 1, 0, std::max(0, lines() - 1));
    const long start = SendScintilla(Base::SCI_POSITIONFROMLINE, lineIndex);
    const long end = SendScintilla(Base::SCI_GETLINEENDPOSITION, lineIndex);
    if (column <= 1)
        return int(start);
    const long position = SendScintilla(Base::SCI_POSITIONRELATIVE, start, long(column - 1));
    return int(position <= 0 ? end : std::min(position, end));
}

int CodeEditor::currentPosition() const
{
    return int(SendScintilla(Base::SCI_GETCURRENTPOS));
}

void CodeEditor::showPosition(int position, int length)
{
    const long line = SendScintilla(Base::SCI_LINEFROMPOSITION, position);
    SendScintilla(Base::SCI_ENSUREVISIBLEENFORCEPOLICY, line);
    SendScintilla(Base::SCI_SETSEL, position, long(position + length));
    SendScintilla(Base::SCI_VERTICALCENTRECARET);
}

void CodeEditor::ensureStyled(int position)
{
    const long styled = SendScintilla(Base::SCI_GETENDSTYLED);
    if (styled < position)
        SendScintilla(Base::SCI_COLOURISE, styled, long(position));
}

// QScintilla's automatic indentation reads the styles of the lines around the caret (is that
// `{` punctuation or inside a string?); they may not be styled yet when keys come faster than
// paints.
void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    const long line =
        SendScintilla(Base::SCI_LINEFROMPOSITION, SendScintilla(Base::SCI_GETCURRENTPOS));
    ensureStyled(int(SendScintilla(Base::SCI_GETLINEENDPOSITION, line)));
    QsciScintilla::keyPressEvent(event);
}

QString CodeEditor::wordAt(int position, int *start, int *end) const
{
    const long from = SendScintilla(Base::SCI_WORDSTARTPOSITION, position, 1L);
    const long to = SendScintilla(Base::SCI_WORDENDPOSITION, position, 1L);
    if (start)
        *start = int(from);
    if (end)
        *end = int(to);
    const QByteArrayView text = textView();
    if (from >= to || to > text.size())
        return QString();
    return QString::fromUtf8(text.sliced(from, to - from));
}

void CodeEditor::setDiagnostics(const QList<prisma::Diagnostic> &diagnostics)
{
    const long length = SendScintilla(Base::SCI_GETLENGTH);
    for (int indicator : {m_errorIndicator, m_warningIndicator}) {
        SendScintilla(Base::SCI_SETINDICATORCURRENT, indicator);
        SendScintilla(Base::SCI_INDICATORCLEARRANGE, 0L, length);
    }
    markerDeleteAll(kErrorMarker);
    markerDeleteAll(kWarningMarker);
    m_diagnostics = diagnostics;
    m_markerHandles.clear();

    const QByteArrayView text = textView();
    for (int i = 0; i < m_diagnostics.size(); ++i) {
        const prisma::Diagnostic &d = m_diagnostics.at(i);
        long start = std::clamp(long(d.range.start), 0L, length);
        long end = std::clamp(long(d.range.end), start, length);
        if (end == start) {
            // An empty range (a missing brace at the end of a line) still needs a squiggle.
            if (start < length && text[start] != '\n' && text[start] != '\r')
                end = SendScintilla(Base::SCI_POSITIONAFTER, start);
            else if (start > 0)
                start = SendScintilla(Base::SCI_POSITIONBEFORE, start);
        }
        SendScintilla(Base::SCI_SETINDICATORCURRENT,
                      d.isError() ? m_errorIndicator : m_warningIndicator);
        SendScintilla(Base::SCI_SETINDICATORVALUE, i + 1);
        SendScintilla(Base::SCI_INDICATORFILLRANGE, start, end - start);
        const int line = int(SendScintilla(Base::SCI_LINEFROMPOSITION, start));
        m_markerHandles << markerAdd(line, d.isError() ? kErrorMarker : kWarningMarker);
    }
}

QStringList CodeEditor::diagnosticMessagesAt(int position) const
{
    QStringList messages;
    for (int indicator : {m_errorIndicator, m_warningIndicator}) {
        const long value = SendScintilla(Base::SCI_INDICATORVALUEAT, indicator, long(position));
        if (value > 0 && value <= m_diagnostics.size())
            messages << m_diagnostics.at(int(value - 1)).message;
    }
    return messages;
}

QStringList CodeEditor::diagnosticMessagesOnLine(int line) const
{
    QStringList messages;
    for (int i = 0; i < m_markerHandles.size(); ++i) {
        if (markerLine(m_markerHandles.at(i)) == line)
            messages << m_diagnostics.at(i).message;
    }
    return messages;
}

int CodeEditor::diagnosticPosition(int index) const
{
    if (index < 0 || index >= m_diagnostics.size())
        return -1;
    const int line = markerLine(m_markerHandles.at(index));
    if (line < 0)
        return -1;
    const int indicator = m_diagnostics.at(index).isError() ? m_errorIndicator : m_warningIndicator;
    const long lineEnd = SendScintilla(Base::SCI_GETLINEENDPOSITION, line);
    for (long p = SendScintilla(Base::SCI_POSITIONFROMLINE, line); p <= lineEnd;) {
        if (SendScintilla(Base::SCI_INDICATORVALUEAT, indicator, p) == index + 1)
            return int(p);
        const long next = SendScintilla(Base::SCI_INDICATOREND, indicator, p);
        if (next <= p)
            break;
        p = next;
    }
    return positionAt(line + 1, m_diagnostics.at(index).start.column);
}

int CodeEditor::searchFlags(const FindOptions &options) const
{
    int flags = 0;
    if (options.caseSensitive)
        flags |= Base::SCFIND_MATCHCASE;
    if (options.wholeWord)
        flags |= Base::SCFIND_WHOLEWORD;
    if (options.regularExpression)
        flags |= Base::SCFIND_REGEXP | Base::SCFIND_CXX11REGEX;
    return flags;
}

bool CodeEditor::find(const FindOptions &options, bool forward)
{
    if (options.text.isEmpty())
        return false;
    const QByteArray needle = options.text.toUtf8();
    const long length = SendScintilla(Base::SCI_GETLENGTH);
    const long from = forward ? SendScintilla(Base::SCI_GETSELECTIONEND)
                              : SendScintilla(Base::SCI_GETSELECTIONSTART);
    SendScintilla(Base::SCI_SETSEARCHFLAGS, searchFlags(options));
    auto search = [&](long start, long end) {
        SendScintilla(Base::SCI_SETTARGETRANGE, start, end);
        return SendScintilla(Base::SCI_SEARCHINTARGET, static_cast<unsigned long>(needle.size()),
                             needle.constData());
    };
    // Backwards: a target whose end comes before its start.
    long found = forward ? search(from, length) : search(from, 0);
    if (found < 0 && options.wrap)
        found = forward ? search(0, from) : search(length, from);
    if (found < 0)
        return false;
    const long start = SendScintilla(Base::SCI_GETTARGETSTART);
    const long end = SendScintilla(Base::SCI_GETTARGETEND);
    showPosition(int(start), int(end - start));
    return true;
}

bool CodeEditor::replaceAndFind(const FindOptions &options, const QString &replacement)
{
    if (options.text.isEmpty())
        return false;
    const QByteArray needle = options.text.toUtf8();
    const long selectionStart = SendScintilla(Base::SCI_GETSELECTIONSTART);
    const long selectionEnd = SendScintilla(Base::SCI_GETSELECTIONEND);
    if (selectionEnd > selectionStart && !isReadOnly()) {
        SendScintilla(Base::SCI_SETSEARCHFLAGS, searchFlags(options));
        SendScintilla(Base::SCI_SETTARGETRANGE, selectionStart, selectionEnd);
        const long found =
            SendScintilla(Base::SCI_SEARCHINTARGET, static_cast<unsigned long>(needle.size()),
                          needle.constData());
        if (found == selectionStart && SendScintilla(Base::SCI_GETTARGETEND) == selectionEnd) {
            const QByteArray with = replacement.toUtf8();
            const unsigned int message =
                options.regularExpression ? Base::SCI_REPLACETARGETRE : Base::SCI_REPLACETARGET;
            const long replaced =
                SendScintilla(message, static_cast<unsigned long>(with.size()), with.constData());
            SendScintilla(Base::SCI_SETSEL, selectionStart + replaced, selectionStart + replaced);
        }
    }
    return find(options, true);
}

int CodeEditor::replaceAll(const FindOptions &options, const QString &replacement)
{
    if (options.text.isEmpty() || isReadOnly())
        return 0;
    const QByteArray needle = options.text.toUtf8();
    const QByteArray with = replacement.toUtf8();
    const unsigned int message =
        options.regularExpression ? Base::SCI_REPLACETARGETRE : Base::SCI_REPLACETARGET;
    SendScintilla(Base::SCI_SETSEARCHFLAGS, searchFlags(options));
    int count = 0;
    long position = 0;
    SendScintilla(Base::SCI_BEGINUNDOACTION);
    while (true) {
        const long length = SendScintilla(Base::SCI_GETLENGTH);
        if (position > length)
            break;
        SendScintilla(Base::SCI_SETTARGETRANGE, position, length);
        if (SendScintilla(Base::SCI_SEARCHINTARGET, static_cast<unsigned long>(needle.size()),
                          needle.constData()) < 0)
            break;
        const long start = SendScintilla(Base::SCI_GETTARGETSTART);
        const bool empty = SendScintilla(Base::SCI_GETTARGETEND) == start;
        const long replaced =
            SendScintilla(message, static_cast<unsigned long>(with.size()), with.constData());
        ++count;
        position = start + replaced;
        // An empty match (`^` in a regex) would match the same place forever.
        if (empty)
            position =
                position >= length ? length + 1 : SendScintilla(Base::SCI_POSITIONAFTER, position);
    }
    SendScintilla(Base::SCI_ENDUNDOACTION);
    return count;
}

int CodeEditor::highlightMatches(const FindOptions &options)
{
    clearMatchHighlights();
    if (options.text.isEmpty())
        return 0;
    const QByteArray needle = options.text.toUtf8();
    const long length = SendScintilla(Base::SCI_GETLENGTH);
    SendScintilla(Base::SCI_SETSEARCHFLAGS, searchFlags(options));
    SendScintilla(Base::SCI_SETINDICATORCURRENT, m_findIndicator);
    int count = 0;
    long position = 0;
    while (position <= length && count < kMaxHighlights) {
        SendScintilla(Base::SCI_SETTARGETRANGE, position, length);
        if (SendScintilla(Base::SCI_SEARCHINTARGET, static_cast<unsigned long>(needle.size()),
                          needle.constData()) < 0)
            break;
        const long start = SendScintilla(Base::SCI_GETTARGETSTART);
        const long end = SendScintilla(Base::SCI_GETTARGETEND);
        SendScintilla(Base::SCI_INDICATORFILLRANGE, start, end - start);
        ++count;
        position = end > start ? end : SendScintilla(Base::SCI_POSITIONAFTER, end);
        if (end == length)
            break;
    }
    return count;
}

void CodeEditor::clearMatchHighlights()
{
    SendScintilla(Base::SCI_SETINDICATORCURRENT, m_findIndicator);
    SendScintilla(Base::SCI_INDICATORCLEARRANGE, 0L, SendScintilla(Base::SCI_GETLENGTH));
}

void CodeEditor::toggleLineComment()
{
    if (isReadOnly() || m_commentPrefix.isEmpty())
        return;
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    const bool selection = hasSelectedText();
    if (selection) {
        getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        if (indexTo == 0 && lineTo > lineFrom)
            --lineTo; // a selection ending at a line start leaves that line alone
    } else {
        getCursorPosition(&lineFrom, &indexFrom);
        lineTo = lineFrom;
    }

    // Positions shift with every edit, so each line is measured afresh.
    auto indentOf = [this](int line, long *start, long *end) {
        const QByteArrayView text = textView();
        *start = SendScintilla(Base::SCI_POSITIONFROMLINE, line);
        *end = SendScintilla(Base::SCI_GETLINEENDPOSITION, line);
        long p = *start;
        while (p < *end && isBlank(text[p]))
            ++p;
        return p;
    };
    bool allCommented = true;
    long minIndent = LONG_MAX;
    for (int line = lineFrom; line <= lineTo; ++line) {
        long start = 0, end = 0;
        const long first = indentOf(line, &start, &end);
        if (first == end)
            continue;
        minIndent = std::min(minIndent, first - start);
        if (!textView().sliced(first, end - first).startsWith(m_commentPrefix))
            allCommented = false;
    }
    if (minIndent == LONG_MAX)
        return; // only blank lines

    const QByteArray insertion = m_commentPrefix + ' ';
    SendScintilla(Base::SCI_BEGINUNDOACTION);
    for (int line = lineFrom; line <= lineTo; ++line) {
        long start = 0, end = 0;
        const long first = indentOf(line, &start, &end);
        if (first == end)
            continue;
        if (allCommented) {
            long length = m_commentPrefix.size();
            if (first + length < end && textView()[first + length] == ' ')
                ++length;
            SendScintilla(Base::SCI_DELETERANGE, first, length);
        } else {
            SendScintilla(Base::SCI_INSERTTEXT, start + minIndent, insertion.constData());
        }
    }
    SendScintilla(Base::SCI_ENDUNDOACTION);
    // The toggled lines stay selected, so the same keys toggle them back.
    if (selection)
        SendScintilla(Base::SCI_SETSEL, SendScintilla(Base::SCI_POSITIONFROMLINE, lineFrom),
                      SendScintilla(Base::SCI_GETLINEENDPOSITION, lineTo));
}

bool CodeEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == viewport()) {
        switch (event->type()) {
        case QEvent::ToolTip: {
            auto *help = static_cast<QHelpEvent *>(event);
            if (!showToolTipAt(help->pos(), help->globalPos()))
                QToolTip::hideText();
            return true;
        }
        case QEvent::MouseButtonPress: {
            auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() == Qt::LeftButton && (mouse->modifiers() & Qt::ControlModifier)) {
                const QPoint at = mouse->position().toPoint();
                const long position =
                    SendScintilla(Base::SCI_POSITIONFROMPOINTCLOSE,
                                  static_cast<unsigned long>(at.x()), long(at.y()));
                if (position >= 0 && isLinkWord(int(position))) {
                    clearLink();
                    Q_EMIT wordClicked(int(position));
                    return true;
                }
            }
            break;
        }
        case QEvent::MouseMove: {
            auto *mouse = static_cast<QMouseEvent *>(event);
            updateLink(mouse->position().toPoint(), mouse->modifiers());
            break;
        }
        case QEvent::Leave:
            clearLink();
            break;
        default:
            break;
        }
    } else if (watched == this && event->type() == QEvent::KeyRelease &&
               static_cast<QKeyEvent *>(event)->key() == Qt::Key_Control) {
        clearLink();
    }
    return QsciScintilla::eventFilter(watched, event);
}

bool CodeEditor::isLinkWord(int) const
{
    return false;
}

bool CodeEditor::showToolTipAt(const QPoint &viewportPos, const QPoint &globalPos)
{
    int marginsWidth = 0;
    for (int margin = 0; margin <= FoldMargin; ++margin)
        marginsWidth += int(SendScintilla(Base::SCI_GETMARGINWIDTHN, margin));
    QStringList messages;
    if (viewportPos.x() < marginsWidth) {
        const long position =
            SendScintilla(Base::SCI_POSITIONFROMPOINT, static_cast<unsigned long>(marginsWidth + 1),
                          long(viewportPos.y()));
        messages =
            diagnosticMessagesOnLine(int(SendScintilla(Base::SCI_LINEFROMPOSITION, position)));
    } else {
        const long position =
            SendScintilla(Base::SCI_POSITIONFROMPOINTCLOSE,
                          static_cast<unsigned long>(viewportPos.x()), long(viewportPos.y()));
        if (position >= 0)
            messages = diagnosticMessagesAt(int(position));
    }
    messages.removeDuplicates();
    if (messages.isEmpty())
        return false;
    QToolTip::showText(globalPos, messages.join(QLatin1Char('\n')), viewport());
    return true;
}

void CodeEditor::updateLink(const QPoint &viewportPos, Qt::KeyboardModifiers modifiers)
{
    if (!(modifiers & Qt::ControlModifier)) {
        clearLink();
        return;
    }
    const long position =
        SendScintilla(Base::SCI_POSITIONFROMPOINTCLOSE, static_cast<unsigned long>(viewportPos.x()),
                      long(viewportPos.y()));
    int start = -1, end = -1;
    if (position >= 0 && isLinkWord(int(position)))
        wordAt(int(position), &start, &end);
    if (start == m_linkStart && end == m_linkEnd)
        return;
    clearLink();
    if (start >= 0 && end > start) {
        SendScintilla(Base::SCI_SETINDICATORCURRENT, m_linkIndicator);
        SendScintilla(Base::SCI_INDICATORFILLRANGE, start, long(end - start));
        m_linkStart = start;
        m_linkEnd = end;
    }
}

void CodeEditor::clearLink()
{
    if (m_linkStart < 0)
        return;
    SendScintilla(Base::SCI_SETINDICATORCURRENT, m_linkIndicator);
    SendScintilla(Base::SCI_INDICATORCLEARRANGE, m_linkStart, long(m_linkEnd - m_linkStart));
    m_linkStart = m_linkEnd = -1;
}

} // namespace gh::ui
