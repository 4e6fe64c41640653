#include "ui/window/HelpDialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace gh::ui {

HelpDialog::HelpDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("Gatehouse Help"));
    const QStringList folders = imageFolders();
    m_browser->setSearchPaths(folders);
    m_browser->setOpenExternalLinks(true);
    m_browser->setMarkdown(readme(folders));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(860, 680);
}

QStringList HelpDialog::imageFolders()
{
    const QString binary = QCoreApplication::applicationDirPath();
    QStringList folders;
    for (const QString &candidate :
         {binary + QStringLiteral("/../share/doc/gatehouse"), binary + QStringLiteral("/../.."),
          binary + QStringLiteral("/..")}) {
        if (QFileInfo::exists(candidate + QStringLiteral("/resources/screenshots")))
            folders << QDir::cleanPath(candidate);
    }
    return folders;
}

QString HelpDialog::readme(const QStringList &imageFolders)
{
    QFile file(QStringLiteral(":/gatehouse/README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return tr("The README is not part of this build.");
    QString text = QString::fromUtf8(file.readAll());
    // A missing image would be drawn as a broken-picture box: leave it out instead.
    static const QRegularExpression image(QStringLiteral(R"(!\[[^\]]*\]\(([^)\s]+)\))"));
    QString out;
    qsizetype last = 0;
    auto it = image.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString path = match.captured(1);
        const bool found =
            std::any_of(imageFolders.cbegin(), imageFolders.cend(), [&](const QString &folder) {
                return QFileInfo::exists(folder + QLatin1Char('/') + path);
            });
        out += text.mid(last, match.capturedStart() - last);
        if (found)
            out += match.captured(0);
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

} // namespace gh::ui
