#pragma once

#include <QDialog>

class QTextBrowser;

namespace gh::ui {

/// The README, rendered: the same text as the repository's and the installed package's, read
/// from the application's resources so Help works offline and without a browser. Screenshots
/// are shown when the installed or source copy of them is found next to the README, and left
/// out otherwise.
class HelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HelpDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    /// The README's Markdown with images that cannot be found left out.
    static QString readme(const QStringList &imageFolders);
    /// Where screenshots may be: the installed documentation and the source tree.
    static QStringList imageFolders();

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace gh::ui
