#pragma once

#include "ui/editor/CodeEditor.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QPushButton;

namespace gh::ui {

/// The find-and-replace bar under the editor: search as you type with every match
/// highlighted, next/previous (Enter, Shift+Enter, F3, Shift+F3), case, whole-word and regular
/// expression toggles, replace one and replace all (one undo step). Escape closes it.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    /// The editor searched; the bar follows the current tab.
    void setEditor(CodeEditor *editor);
    CodeEditor::FindOptions options() const;

    void showFind();
    void showReplace();
    bool findNext();
    bool findPrevious();
    bool replaceNext();
    int replaceAll();

    void setFindText(const QString &text);
    void setReplaceText(const QString &text);
    void setCaseSensitive(bool on);
    void setWholeWord(bool on);
    void setRegularExpression(bool on);
    /// Matches in the editor at the last search (capped, see CodeEditor::highlightMatches).
    int matchCount() const { return m_matches; }
    bool isReplaceVisible() const;

Q_SIGNALS:
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void open(bool replace);
    void close();
    void searchAsYouType();
    void refresh();

    QPointer<CodeEditor> m_editor;
    QLineEdit *m_find = nullptr;
    QLineEdit *m_replace = nullptr;
    QToolButton *m_case = nullptr;
    QToolButton *m_word = nullptr;
    QToolButton *m_regex = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
    QPushButton *m_replaceOne = nullptr;
    QPushButton *m_replaceAll = nullptr;
    QLabel *m_count = nullptr;
    QWidget *m_replaceRow = nullptr;
    int m_matches = 0;
};

} // namespace gh::ui
