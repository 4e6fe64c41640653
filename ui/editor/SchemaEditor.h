#pragma once

#include "ui/editor/CodeEditor.h"
#include "ui/editor/PrismaCompletion.h"
#include "ui/editor/SchemaSymbols.h"

namespace gh::ui {

class PrismaLexer;

/// The editor of one `.prisma` file: a CodeEditor with its own PrismaLexer, context-aware
/// completion, go-to-definition (F12 and Ctrl+click, resolved by the workspace across files)
/// and the identity of the file it shows.
class SchemaEditor : public CodeEditor
{
    Q_OBJECT

public:
    explicit SchemaEditor(QWidget *parent = nullptr);
    ~SchemaEditor() override;

    PrismaLexer *prismaLexer() const { return m_lexer; }
    void setEditorPalette(const EditorPalette &palette) override;
    void setEditorFont(const QFont &font) override;

    /// The file this editor shows; empty for an unsaved new schema.
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path) { m_filePath = path; }
    /// Modified since the last load or save (or the last save failed).
    bool isDirty() const;
    /// Marks the current text as what the file holds (after a load or a successful save).
    void markSaved();
    /// Keeps the editor dirty after a failed save even though its text was handed over.
    void markSaveFailed();

    /// Names from the last analysis of the whole schema (all files).
    void setSymbols(const SchemaSymbols &symbols) { m_symbols = symbols; }
    const SchemaSymbols &symbols() const { return m_symbols; }

    /// What completion offers at `position` (the caret when -1).
    PrismaCompletion::Result completionsAt(int position = -1);
    /// Shows the completion list at the caret; false when there is nothing to offer.
    bool showCompletions();
    /// Whether typing `@`, `.`, `(`, `[`, `:` or the first letter of a type opens the list.
    void setCompletionAutoPopup(bool enabled) { m_autoPopup = enabled; }

    /// The byte offset of the name in the block declaring `name` in this file, or -1.
    int definitionOffset(const QString &name) const;
    /// Asks for the definition of the word at the caret (F12).
    void requestDefinitionAtCaret();

    /// The 0-based line, and the start state of that line, styled on demand.
    PrismaStyler::LineState lineStartState(int line);

Q_SIGNALS:
    void dirtyChanged(bool dirty);
    /// The user asked for the definition of `name` (F12, Ctrl+click).
    void definitionRequested(const QString &name);

protected:
    bool isLinkWord(int position) const override;

private:
    QString blockNameAt(int line);
    void onCharAdded(int character);
    void maybeOpenCompletions(int character);
    void onCompletionInserted(const char *selection);
    void registerCompletionIcons();

    PrismaLexer *m_lexer = nullptr;
    QString m_filePath;
    bool m_saveFailed = false;
    bool m_autoPopup = true;
    SchemaSymbols m_symbols;
    QList<PrismaCompletion::Item> m_shownItems;
};

} // namespace gh::ui
