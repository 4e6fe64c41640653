#include "ui/inspector/RecordView.h"

#include "ui/inspector/RecordTableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace gh::ui {

RecordView::RecordView(const QString &title, RecordTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    m_caption = new QLabel(title, this);
    QFont captionFont = m_caption->font();
    captionFont.setBold(true);
    m_caption->setFont(captionFont);

    m_table = new QTableView(this);
    m_table->setModel(model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
        // Long values (image URLs, tokens) must not push every other column off screen.
        for (int c = 0; c < m_table->model()->columnCount(); ++c)
            m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), 320));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_caption);
    layout->addWidget(m_table);
}

void RecordView::setSummary(qint64 shown, qint64 total)
{
    const QLocale locale;
    if (total < 0)
        m_caption->setText(tr("%1 — first %2 rows").arg(m_title, locale.toString(shown)));
    else
        m_caption->setText(tr("%1 — %2 of %3 rows").arg(m_title, locale.toString(shown), locale.toString(total)));
}

} // namespace gh::ui
