#include "ui/editor/FindBar.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace gh::ui {

namespace {

QToolButton *toggle(QWidget *parent, const QString &text, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

QToolButton *action(QWidget *parent, QStyle::StandardPixmap icon, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(tip);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

} // namespace

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
{
    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace = new QLineEdit(this);
    m_replace->setPlaceholderText(tr("Replace"));
    m_case = toggle(this, QStringLiteral("Aa"), tr("Match case"));
    m_word = toggle(this, QStringLiteral("W"), tr("Whole words"));
    m_regex = toggle(this, QStringLiteral(".*"), tr("Regular expression"));
    m_count = new QLabel(this);
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("No results")) + 8);
    m_previous = action(this, QStyle::SP_ArrowUp, tr("Previous match (Shift+F3)"));
    m_next = action(this, QStyle::SP_ArrowDown, tr("Next match (F3)"));
    m_close = action(this, QStyle::SP_TitleBarCloseButton, tr("Close (Escape)"));
    m_replaceOne = new QPushButton(tr("Replace"), this);
    m_replaceAll = new QPushButton(tr("Replace All"), this);
    for (QPushButton *button : {m_replaceOne, m_replaceAll}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoDefault(false);
    }

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(4);
    auto *findOptions = new QHBoxLayout;
    findOptions->setSpacing(2);
    for (QWidget *w : std::initializer_list<QWidget *>{m_case, m_word, m_regex, m_count, m_previous,
                                                       m_next, m_close})
        findOptions->addWidget(w);
    grid->addWidget(m_find, 0, 0);
    grid->addLayout(findOptions, 0, 1);

    m_replaceRow = new QWidget(this);
    auto *replaceButtons = new QHBoxLayout(m_replaceRow);
    replaceButtons->setContentsMargins(0, 0, 0, 0);
    replaceButtons->setSpacing(4);
    replaceButtons->addWidget(m_replaceOne);
    replaceButtons->addWidget(m_replaceAll);
    replaceButtons->addStretch(1);
    grid->addWidget(m_replace, 1, 0);
    grid->addWidget(m_replaceRow, 1, 1);
    grid->setColumnStretch(0, 1);

    m_find->installEventFilter(this);
    m_replace->installEventFilter(this);
    connect(m_find, &QLineEdit::textEdited, this, &FindBar::searchAsYouType);
    for (QToolButton *t : {m_case, m_word, m_regex})
        connect(t, &QToolButton::toggled, this, &FindBar::searchAsYouType);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_close, &QToolButton::clicked, this, &FindBar::close);
    connect(m_replaceOne, &QPushButton::clicked, this, &FindBar::replaceNext);
    connect(m_replaceAll, &QPushButton::clicked, this, &FindBar::replaceAll);
    hide();
}

void FindBar::setEditor(CodeEditor *editor)
{
    if (m_editor == editor)
        return;
    if (m_editor)
        m_editor->clearMatchHighlights();
    m_editor = editor;
    if (isVisible())
        refresh();
}

CodeEditor::FindOptions FindBar::options() const
{
    CodeEditor::FindOptions options;
    options.text = m_find->text();
    options.caseSensitive = m_case->isChecked();
    options.wholeWord = m_word->isChecked();
    options.regularExpression = m_regex->isChecked();
    return options;
}

void FindBar::showFind()
{
    open(false);
}

void FindBar::showReplace()
{
    open(true);
}

bool FindBar::isReplaceVisible() const
{
    return m_replace->isVisibleTo(this);
}

void FindBar::open(bool replace)
{
    m_replace->setVisible(replace);
    m_replaceRow->setVisible(replace);
    if (m_editor && m_editor->hasSelectedText()) {
        const QString selected = m_editor->selectedText();
        if (!selected.contains(QLatin1Char('\n')))
            m_find->setText(selected);
    }
    show();
    m_find->setFocus();
    m_find->selectAll();
    refresh();
}

void FindBar::close()
{
    hide();
    if (m_editor)
        m_editor->setFocus();
    Q_EMIT closed();
}

void FindBar::hideEvent(QHideEvent *event)
{
    if (m_editor)
        m_editor->clearMatchHighlights();
    QWidget::hideEvent(event);
}

bool FindBar::findNext()
{
    const bool found = m_editor && m_editor->find(options(), true);
    refresh();
    return found;
}

bool FindBar::findPrevious()
{
    const bool found = m_editor && m_editor->find(options(), false);
    refresh();
    return found;
}

bool FindBar::replaceNext()
{
    const bool found = m_editor && m_editor->replaceAndFind(options(), m_replace->text());
    refresh();
    return found;
}

int FindBar::replaceAll()
{
    const int count = m_editor ? m_editor->replaceAll(options(), m_replace->text()) : 0;
    refresh();
    m_count->setText(count == 1 ? tr("1 replaced") : tr("%1 replaced").arg(count));
    return count;
}

void FindBar::setFindText(const QString &text)
{
    m_find->setText(text);
    searchAsYouType();
}

void FindBar::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

void FindBar::setCaseSensitive(bool on)
{
    m_case->setChecked(on);
}

void FindBar::setWholeWord(bool on)
{
    m_word->setChecked(on);
}

void FindBar::setRegularExpression(bool on)
{
    m_regex->setChecked(on);
}

// Finds from the start of the current match, so that typing more letters keeps the caret
// on the same place while it still matches.
void FindBar::searchAsYouType()
{
    if (!m_editor)
        return;
    const long start = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETEMPTYSELECTION, start);
    if (!m_editor->find(options(), true))
        m_editor->SendScintilla(QsciScintillaBase::SCI_SETEMPTYSELECTION, start);
    refresh();
}

void FindBar::refresh()
{
    m_matches = m_editor && isVisible() ? m_editor->highlightMatches(options()) : 0;
    const bool none = !m_find->text().isEmpty() && m_matches == 0;
    m_count->setText(m_find->text().isEmpty() ? QString()
                     : none                   ? tr("No results")
                     : m_matches == 1         ? tr("1 match")
                                              : tr("%1 matches").arg(m_matches));
    m_count->setStyleSheet(none ? QStringLiteral("color: #d1242f;") : QString());
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && (watched == m_find || watched == m_replace)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (watched == m_replace)
                replaceNext();
            else if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gh::ui
