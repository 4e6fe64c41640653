#pragma once

#include "core/prisma/Lexer.h"
#include "ui/editor/PrismaStyle.h"

#include <QByteArray>
#include <QByteArrayView>
#include <vector>

namespace gh::ui {

/// Turns the core lexer's tokens into highlighting styles, line by line, without any editor.
///
/// Tokens say what a word is lexically; the styler adds where it stands: the second word of a
/// model line is a type, a word after `@` an attribute, a word before `(` inside arguments a
/// function, the first word of an enum line a value. What it needs from earlier lines fits in
/// one int per line (LineState), so an editor can restart styling at any line it saved.
class PrismaStyler
{
public:
    /// The kind of block a line is in. `view` and `type` style like `model`.
    enum class BlockKind : quint8 { None, Datasource, Generator, Model, Enum, Other };

    /// What styling carries from one line to the next.
    struct LineState
    {
        prisma::Lexer::State lexer;
        BlockKind block = BlockKind::None;

        /// Fits QScintilla's SCI_SETLINESTATE; 0 is the state of the first line.
        int toInt() const { return lexer.toInt() | int(block) << 16; }
        static LineState fromInt(int value)
        {
            return {prisma::Lexer::State::fromInt(value & 0xFFFF), BlockKind((value >> 16) & 0xF)};
        }
    };

    /// One styled line.
    struct Line
    {
        int endState = 0;      ///< LineState::toInt() at the start of the next line
        quint8 depthStart = 0; ///< brace depth at the start of the line (a fold level)
        quint8 depthEnd = 0;   ///< brace depth at its end: more than depthStart opens a fold
    };

    /// Styles `text` from `start`, a line start that begins in `state`, through the end of
    /// the line that holds byte `end - 1` (line break included). `text` is the whole document:
    /// bytes after the range decide whether a `/*` is ever closed. `styles` receives one
    /// PrismaStyle byte per byte styled and `lines` one entry per line. Returns the offset
    /// where styling stopped, a line start or the end of the text.
    int style(QByteArrayView text, int start, int end, LineState state, QByteArray *styles,
              std::vector<Line> *lines);

    /// Scalar types of the language, `Unsupported` included.
    static bool isScalarType(QByteArrayView word);

private:
    struct LineToken
    {
        prisma::Token token;
        quint8 depth = 0; ///< brace depth before the token
    };

    void styleLine(QByteArrayView text, LineState &state, char *styles, int base);

    std::vector<LineToken> m_tokens; // the current line, reused
};

} // namespace gh::ui
