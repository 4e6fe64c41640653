#pragma once

#include "ui/editor/CodeEditor.h"

class QsciLexerSQL;

namespace gh::ui {

/// A read-only SQL editor for migration scripts: QScintilla's SQL lexer in the colours of the
/// schema editor's palette (light or dark, handed in by the host).
class SqlViewer : public CodeEditor
{
    Q_OBJECT

public:
    explicit SqlViewer(QWidget *parent = nullptr);
    ~SqlViewer() override;

    void setEditorPalette(const EditorPalette &palette) override;
    void setEditorFont(const QFont &font) override;
    /// Shows `script` (UTF-8 bytes as stored), scrolled to the top.
    void setScript(const QByteArray &script);

private:
    void applyLexerPalette();

    QsciLexerSQL *m_lexer = nullptr;
};

} // namespace gh::ui
