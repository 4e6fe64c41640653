#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace gh::ui {

class RecordTableModel;

/// One Auth.js model as a table with a caption that says what is shown.
class RecordView : public QWidget
{
    Q_OBJECT

public:
    RecordView(const QString &title, RecordTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    void setSummary(qint64 shown, qint64 total);

private:
    QString m_title;
    QLabel *m_caption = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace gh::ui
