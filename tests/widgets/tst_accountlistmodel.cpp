#include <QAbstractItemModelTester>
#include <QTest>

#include "TestSupport.h"
#include "models/AccountListModel.h"

using namespace herald;

class TestAccountListModel : public QObject
{
    Q_OBJECT

private slots:
    void showsAccounts()
    {
        ui::AccountListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        engine::Account a;
        a.id = 3;
        a.platform = engine::Platform::Bluesky;
        a.handle = "herald.bsky.social";
        a.status = engine::AccountStatus::NeedsReconnect;
        engine::Account b;
        b.id = 9;
        b.platform = engine::Platform::X;
        b.handle = "@herald";
        model.setAccounts({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ui::AccountListModel::ColumnCount));
        QCOMPARE(model.index(0, ui::AccountListModel::PlatformColumn).data().toString(), QStringLiteral("Bluesky"));
        QCOMPARE(model.index(1, ui::AccountListModel::HandleColumn).data().toString(), QStringLiteral("@herald"));
        QCOMPARE(model.index(0, ui::AccountListModel::StatusColumn).data().toString(),
                 QStringLiteral("Needs reconnecting"));
        QCOMPARE(model.index(1, 0).data(ui::AccountListModel::AccountIdRole).toLongLong(), 9);
        model.setAccounts({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestAccountListModel)
#include "tst_accountlistmodel.moc"
