#pragma once

#include "core/prisma/Diagnostic.h"
#include "ui/editor/EditorPalette.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <Qsci/qsciscintilla.h>

namespace gh::ui {

/// The base editor: UTF-8, margins (line numbers, problem markers, folding), brace matching,
/// the editor's colours, diagnostics as squiggles + markers + tooltips, find and replace, and
/// line comments. Language-specific behaviour (lexer, completion) lives in subclasses.
///
/// Positions are UTF-8 byte offsets throughout, as in Scintilla and core/prisma.
class CodeEditor : public QsciScintilla
{
    Q_OBJECT

public:
    enum Margin { LineNumberMargin = 0, SymbolMargin = 1, FoldMargin = 2 };

    struct FindOptions
    {
        QString text;
        bool caseSensitive = false;
        bool regularExpression = false;
        bool wholeWord = false;
        bool wrap = true;
    };

    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    /// Colours of the chrome: paper, margins, caret line, selection, braces, indicators.
    virtual void setEditorPalette(const EditorPalette &palette);
    const EditorPalette &editorPalette() const { return m_palette; }
    virtual void setEditorFont(const QFont &font);
    void setLexer(QsciLexer *lexer = nullptr) override;

    /// The document's bytes without a copy; valid until the next modification.
    QByteArrayView textView() const;
    QByteArray utf8Text() const { return textView().toByteArray(); }
    /// Replaces the whole text, clears undo history and marks it unmodified (a file load).
    void loadText(const QByteArray &utf8);
    /// Replaces the text as one undoable edit that touches only the bytes that differ, so the
    /// caret, scroll position, folds and markers outside the change stay put (formatting).
    void replaceTextMinimally(const QByteArray &utf8);

    /// Byte offset of 1-based `line` and `column` (code points); clamped to the line.
    int positionAt(int line, int column) const;
    int currentPosition() const;
    /// Moves the caret to `position`, selecting `length` bytes, unfolding and centring it.
    void showPosition(int position, int length = 0);
    /// Styles the text up to `position` now if painting has not yet.
    void ensureStyled(int position);
    /// The word (letters, digits, `_`) around `position`, and where it starts.
    QString wordAt(int position, int *start = nullptr, int *end = nullptr) const;

    /// Diagnostics for this document: squiggles, margin markers, tooltips. They move with the
    /// text while it is edited, until the next call replaces them.
    void setDiagnostics(const QList<prisma::Diagnostic> &diagnostics);
    const QList<prisma::Diagnostic> &diagnostics() const { return m_diagnostics; }
    /// The messages of the diagnostics whose squiggle covers `position`.
    QStringList diagnosticMessagesAt(int position) const;
    /// The messages of the diagnostics marked on 0-based `line`.
    QStringList diagnosticMessagesOnLine(int line) const;
    /// Where the `index`-th diagnostic is now (its squiggle start), after any edits since.
    int diagnosticPosition(int index) const;

    /// Selects the next (or previous) match after the selection; false when there is none.
    bool find(const FindOptions &options, bool forward);
    /// Replaces the selection when it is a match, then finds the next one.
    bool replaceAndFind(const FindOptions &options, const QString &replacement);
    /// Replaces every match as one undoable edit; returns how many.
    int replaceAll(const FindOptions &options, const QString &replacement);
    /// Highlights every match (up to a limit) and returns their number; empty text clears.
    int highlightMatches(const FindOptions &options);
    void clearMatchHighlights();

    /// Comments out the selected lines with the line-comment prefix, or uncomments them when
    /// every non-blank one is commented. One undoable edit.
    void toggleLineComment();
    void setLineCommentPrefix(const QByteArray &prefix) { m_commentPrefix = prefix; }

Q_SIGNALS:
    /// Ctrl+click on a word.
    void wordClicked(int position);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    /// Words Ctrl+hover underlines as links; the base editor has none.
    virtual bool isLinkWord(int position) const;

private:
    void updateLineNumberWidth();
    void defineMarkers();
    void applyPalette();
    int searchFlags(const FindOptions &options) const;
    bool showToolTipAt(const QPoint &viewportPos, const QPoint &globalPos);
    void updateLink(const QPoint &viewportPos, Qt::KeyboardModifiers modifiers);
    void clearLink();

    EditorPalette m_palette;
    QList<prisma::Diagnostic> m_diagnostics;
    QList<int> m_markerHandles; // one per diagnostic
    QByteArray m_commentPrefix = "//";
    int m_errorIndicator = -1;
    int m_warningIndicator = -1;
    int m_findIndicator = -1;
    int m_linkIndicator = -1;
    int m_linkStart = -1;
    int m_linkEnd = -1;
    int m_lineNumberDigits = 0;
};

} // namespace gh::ui
