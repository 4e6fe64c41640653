#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

namespace gh::ui {

/// Gatehouse's version and the versions of everything it runs on (Qt, QScintilla, libpqxx,
/// libpq, the connected database server), with a button that copies them for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    /// `serverVersion` empty: not connected.
    explicit AboutDialog(const QString &serverVersion, QWidget *parent = nullptr);

    /// (component, version) rows in the order shown.
    static QList<QPair<QString, QString>> versions(const QString &serverVersion);
    /// The rows as plain text, one "component: version" per line.
    QString versionText() const;

private:
    QList<QPair<QString, QString>> m_versions;
};

} // namespace gh::ui
