// The accounts view's provider filter, offscreen, on the demo database (SQLite) and on
// PostgreSQL: an editable combo box listing the providers the database holds (read off the GUI
// thread), whose choice filters the table; free text still filters too.

#include "core/auth/AuthQueries.h"
#include "core/db/Database.h"
#include "tests/gui/inspector/InspectorDatabase.h"
#include "ui/inspector/PagedRecordModel.h"
#include "ui/inspector/RecordFilterBar.h"
#include "ui/inspector/RecordView.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QtTest>
#include <memory>

using namespace gh;
using namespace gh::ui;
using gh::test::InspectorDatabase;

namespace {

constexpr int kTimeout = 30000;

bool counted(PagedRecordModel *model)
{
    return model->hasLoaded() && !model->isLoading() && !model->isCounting() &&
           model->total().kind == RowCount::Kind::Exact;
}

QStringList comboItems(const QComboBox *box)
{
    QStringList items;
    for (int i = 0; i < box->count(); ++i)
        items << box->itemText(i);
    return items;
}

} // namespace

class TestProviderFilter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<InspectorDatabase> m_db;
    std::unique_ptr<AuthConnection> m_connection;

    bool openBackend()
    {
        QFETCH(int, backend);
        m_db = std::make_unique<InspectorDatabase>();
        if (!m_db->open(InspectorDatabase::Backend(backend)))
            return false;
        auto connection = m_db->workspace().connect();
        if (!connection)
            return false;
        m_connection = std::make_unique<AuthConnection>(std::move(connection.value()));
        return true;
    }

    /// The database's answer, asked plainly: providers in order, and accounts per provider.
    QList<QPair<QString, qint64>> providersBySql()
    {
        const AuthModel &accounts = m_connection->queries->schema().model(AuthModelKind::Account);
        Database &database = *m_connection->database;
        const QString column =
            quoteIdentifier(database.dialect(), accounts.column(QStringLiteral("provider")));
        auto result = database.query(
            SqlStatement(database.dialect(),
                         QStringLiteral("SELECT %1, count(*) FROM %2 GROUP BY %1 ORDER BY %1")
                             .arg(column, accounts.tableIn(database))));
        QList<QPair<QString, qint64>> providers;
        if (result) {
            for (const QVariantList &row : result->rows())
                providers.append({row.value(0).toString(), row.value(1).toLongLong()});
        }
        return providers;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_connection.reset();
        m_db.reset();
    }

    void comboListsTheDatabasesProvidersAndFilters_data() { InspectorDatabase::addBackendRows(); }

    void comboListsTheDatabasesProvidersAndFilters()
    {
        QFETCH(int, backend);
        if (InspectorDatabase::unavailable(InspectorDatabase::Backend(backend)))
            QSKIP("GATEHOUSE_TEST_PG_URL is not set: run tests/run-tests.sh");
        QVERIFY2(openBackend(), qPrintable(m_db->errorText()));
        const auto expected = providersBySql();
        QVERIFY2(expected.size() >= 2, "the data should have several providers");

        RecordView view(m_db->workspace(), AuthModelKind::Account);
        view.resize(1100, 500);
        view.show();
        QSignalSpy loaded(view.filterBar(), &RecordFilterBar::providersLoaded);
        view.activate();
        PagedRecordModel *model = view.model();
        QComboBox *box = view.filterBar()->providerBox();
        QVERIFY(box->isEditable());
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(counted(model), kTimeout);

        // An empty entry (any provider), then the database's providers in its order.
        QStringList names{QString()};
        for (const auto &p : expected)
            names << p.first;
        QCOMPARE(comboItems(box), names);
        QCOMPARE(view.filterBar()->providers(), names.mid(1));
        // Loaded once: showing the view again reads nothing more.
        view.activate();
        QTest::qWait(50);
        QCOMPARE(loaded.count(), 1);

        if (qEnvironmentVariableIsSet("GATEHOUSE_SCREENSHOT_DIR")) {
            const QDir dir(qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"));
            view.grab().save(dir.filePath(QStringLiteral("provider-filter-%1.png").arg(backend)));
            box->showPopup();
            QTest::qWait(100);
            box->view()->window()->grab().save(
                dir.filePath(QStringLiteral("provider-filter-popup-%1.png").arg(backend)));
            box->hidePopup();
        }

        // Picking one filters the table to its accounts.
        const auto chosen = expected.at(1);
        box->setCurrentIndex(box->findText(chosen.first));
        QTRY_COMPARE_WITH_TIMEOUT(model->query().provider, chosen.first, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(counted(model), kTimeout);
        QCOMPARE(model->total().rows, chosen.second);
        const int providerColumn = model->columns().columnOf(QStringLiteral("provider"));
        QVERIFY(providerColumn >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 0 || model->isRowLoaded(0), kTimeout);
        QCOMPARE(model->index(0, providerColumn).data().toString(), chosen.first);

        // Free text still filters: exactly the provider typed, even one the list lacks.
        box->lineEdit()->selectAll();
        QTest::keyClicks(box->lineEdit(), expected.at(0).first);
        QTRY_COMPARE_WITH_TIMEOUT(model->query().provider, expected.at(0).first, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(counted(model), kTimeout);
        QCOMPARE(model->total().rows, expected.at(0).second);
        box->lineEdit()->selectAll();
        QTest::keyClicks(box->lineEdit(), QStringLiteral("no-such-provider"));
        QTRY_COMPARE_WITH_TIMEOUT(model->query().provider, QStringLiteral("no-such-provider"),
                                  kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(counted(model), kTimeout);
        QCOMPARE(model->total().rows, qint64(0));
        // The list is what the database holds, not what was typed.
        QCOMPARE(comboItems(box), names);
    }

    void reloadKeepsWhatIsTyped()
    {
        RecordFilterBar bar(AuthModelKind::Account);
        QSignalSpy changed(&bar, &RecordFilterBar::queryChanged);
        bar.providerBox()->setEditText(QStringLiteral("git"));
        QTRY_COMPARE(changed.count(), 1); // typing is debounced
        changed.clear();
        bar.setProviders({QStringLiteral("github"), QStringLiteral("google")});
        QCOMPARE(bar.providerBox()->currentText(), QStringLiteral("git"));
        QCOMPARE(bar.providerBox()->count(), 3);
        QTest::qWait(400); // past the debounce
        QCOMPARE(changed.count(), 0);
        RecordQuery query;
        query.model = AuthModelKind::Account;
        QCOMPARE(bar.apply(query).provider, QStringLiteral("git"));
    }

    void otherModelsHaveNoProviderBox()
    {
        RecordFilterBar bar(AuthModelKind::Session);
        QVERIFY(!bar.providerBox());
        bar.setProviders({QStringLiteral("github")}); // harmless
    }
};

QTEST_MAIN(TestProviderFilter)
#include "tst_providerfilter.moc"
