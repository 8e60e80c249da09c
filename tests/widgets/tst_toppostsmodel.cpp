#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

#include "TestSupport.h"
#include "models/BreakdownModel.h"
#include "models/TopPostsModel.h"

#include <QDateTime>
#include <QTimeZone>

using namespace herald;

class TestTopPostsModel : public QObject
{
    Q_OBJECT

private slots:
    void sortsByNumbersNotText()
    {
        ui::TopPostsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<engine::PostPerformance> posts(3);
        const double impressions[] = {900, 10000, 95};
        for (int i = 0; i < 3; ++i) {
            posts[i].targetId = i + 1;
            posts[i].text = "Post " + std::to_string(i);
            posts[i].impressions = impressions[i];
            posts[i].engagements = 10.0 * (i + 1);
            posts[i].engagementRate = posts[i].engagements / impressions[i];
            posts[i].permalink = "https://example.social/@a/" + std::to_string(i);
        }
        model.setPosts(posts);
        QCOMPARE(model.rowCount(), 3);
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(ui::TopPostsModel::SortRole);
        sorted.sort(ui::TopPostsModel::ImpressionsColumn, Qt::DescendingOrder);
        // As text "95" > "900" > "10,000"; as numbers 10000 > 900 > 95.
        QCOMPARE(sorted.index(0, ui::TopPostsModel::TextColumn).data().toString(), QStringLiteral("Post 1"));
        QCOMPARE(sorted.index(2, ui::TopPostsModel::TextColumn).data().toString(), QStringLiteral("Post 2"));
        sorted.sort(ui::TopPostsModel::RateColumn, Qt::DescendingOrder);
        QCOMPARE(sorted.index(0, ui::TopPostsModel::TextColumn).data().toString(), QStringLiteral("Post 2"));
        QCOMPARE(sorted.index(0, 0).data(ui::TopPostsModel::PermalinkRole).toString(),
                 QStringLiteral("https://example.social/@a/2"));
        QCOMPARE(model.index(2, ui::TopPostsModel::RateColumn).data().toString(),
                 QLocale().toString(30.0 / 95 * 100, 'f', 2) + QLatin1Char('%'));
    }

    void breakdownByHourOfWeek()
    {
        ui::BreakdownModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QTimeZone zone("Asia/Shanghai");
        std::vector<engine::PostPerformance> posts(3);
        // Monday 09:10 and 09:50 local fall in one hour; Sunday 23:00 in another.
        const QDateTime times[] = {QDateTime(QDate(2026, 3, 2), QTime(9, 10), zone),
                                   QDateTime(QDate(2026, 3, 2), QTime(9, 50), zone),
                                   QDateTime(QDate(2026, 3, 8), QTime(23, 0), zone)};
        for (int i = 0; i < 3; ++i) {
            posts[i].publishedUtc = times[i].toSecsSinceEpoch();
            posts[i].impressions = 100;
            posts[i].engagements = 10.0 * (i + 1);
        }
        model.setPosts(posts, ui::BreakdownModel::Grouping::HourOfWeek, zone);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rows()[0].sortKey, 9);            // Monday 09:00
        QCOMPARE(model.rows()[1].sortKey, 6 * 24 + 23); // Sunday 23:00
        QCOMPARE(model.rows()[0].posts, 2);
        QCOMPARE(model.rows()[0].rate(), 30.0 / 200.0);
        model.setPosts(posts, ui::BreakdownModel::Grouping::Campaign, zone);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ui::BreakdownModel::GroupColumn).data().toString(), QStringLiteral("No campaign"));
    }
};

QTEST_MAIN(TestTopPostsModel)
#include "tst_toppostsmodel.moc"
