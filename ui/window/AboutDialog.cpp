#include "ui/window/AboutDialog.h"

#include "core/common/Version.h"
#include "core/db/ClientLibraries.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <Qsci/qsciglobal.h>

namespace gh::ui {

QList<QPair<QString, QString>> AboutDialog::versions(const QString &serverVersion)
{
    QList<QPair<QString, QString>> rows;
    rows << qMakePair(QStringLiteral("Gatehouse"), QString::fromLatin1(kVersion));
    // The Qt a build runs on can be newer than the one it was compiled against.
    const QString qtRuntime = QString::fromLatin1(qVersion());
    rows << qMakePair(QStringLiteral("Qt"),
                      qtRuntime == QLatin1String(QT_VERSION_STR)
                          ? qtRuntime
                          : tr("%1 (built with %2)").arg(qtRuntime, QLatin1String(QT_VERSION_STR)));
    rows << qMakePair(QStringLiteral("QScintilla"), QStringLiteral(QSCINTILLA_VERSION_STR));
    rows << clientLibraryVersions();
    rows << qMakePair(tr("Database server"),
                      serverVersion.isEmpty() ? tr("not connected") : serverVersion);
    return rows;
}

AboutDialog::AboutDialog(const QString &serverVersion, QWidget *parent)
    : QDialog(parent)
    , m_versions(versions(serverVersion))
{
    setWindowTitle(tr("About Gatehouse"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/gatehouse/gatehouse.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("<h2>Gatehouse %1</h2>").arg(QString::fromLatin1(kVersion)), this);
    auto *summary = new QLabel(
        tr("Inspect Auth.js data, revoke sessions, edit Prisma schemas and preview migrations — "
           "for projects that use Auth.js with the Prisma adapter."),
        this);
    summary->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    for (const auto &row : m_versions) {
        auto *value = new QLabel(row.second, this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(row.first + QLatin1Char(':'), value);
    }

    auto *license = new QLabel(tr("Released under the MIT License."), this);
    license->setEnabled(false);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(summary);
    text->addSpacing(8);
    text->addLayout(form);
    text->addSpacing(8);
    text->addWidget(license);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(versionText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QString AboutDialog::versionText() const
{
    QStringList lines;
    for (const auto &row : m_versions)
        lines << row.first + QStringLiteral(": ") + row.second;
    return lines.join(QLatin1Char('\n'));
}

} // namespace gh::ui
