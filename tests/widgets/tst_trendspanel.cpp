#include <map>

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QTableView>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include "TestSupport.h"
#include "WorkspaceFixture.h"
#include "herald/engine/Clock.h"
#include "herald/widgets/TrendsPanel.h"

using namespace herald;

namespace {
const QDate kToday(2026, 3, 31);

std::unique_ptr<ui::TrendsPanel> openPanel(const std::string& path, engine::Clock& clock)
{
    auto panel = std::make_unique<ui::TrendsPanel>(clock);
    panel->setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(path)).value());
    return panel;
}
} // namespace

class TestTrendsPanel : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    std::string m_path;

private slots:
    void initTestCase()
    {
        m_path = m_dir.path("trends.herald");
        test::writeSmallWorkspace(m_path, kToday);
    }

    void seriesEqualsStore()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        const auto& data = panel->data();
        QVERIFY(data.hasData);
        QCOMPARE(data.current.size(), std::size_t(90));
        QCOMPARE(data.current.back().period, std::string("2026-03-31"));
        auto db = engine::Database::open(m_path).value();
        const auto expected = engine::querySeries(db, engine::SeriesMetric::Engagements, "2026-01-01", "2026-03-31", {},
                                                  engine::Granularity::Day)
                                  .value();
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(data.current[i].value, expected[i].value);
        QCOMPARE(data.previous.size(), std::size_t(90));
    }

    void forecastBandsAreOrdered()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        const auto& data = panel->data();
        QVERIFY2(data.forecast.has_value(), data.forecastProblem.c_str());
        QCOMPARE(data.forecast->mean.size(), std::size_t(30));
        for (std::size_t i = 0; i < 30; ++i) {
            QVERIFY(data.forecast->lower95[i] <= data.forecast->lower80[i]);
            QVERIFY(data.forecast->lower80[i] <= data.forecast->mean[i]);
            QVERIFY(data.forecast->mean[i] <= data.forecast->upper80[i]);
            QVERIFY(data.forecast->upper80[i] <= data.forecast->upper95[i]);
        }
        QVERIFY(!data.forecastModel.empty());
        QVERIFY(panel->findChild<QLabel*>(QStringLiteral("forecastModelLabel"))->text().contains(
            QString::fromStdString(data.forecastModel)));
    }

    void weeklyAndCsvRoundTrip()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        panel->findChild<QComboBox*>(QStringLiteral("granularityCombo"))->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        const auto& data = panel->data();
        QCOMPARE(data.current.front().period, std::string("2025-12-29")); // the Monday of 1 January 2026's week
        QVERIFY(data.current.size() == 14);
        const QString csv = QString::fromStdString(m_dir.path("trend.csv"));
        QVERIFY(panel->exportCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        QCOMPARE(lines[0], QStringLiteral("period,value,previous_period_value"));
        for (std::size_t i = 0; i < data.current.size(); ++i) {
            const auto cells = lines[int(i) + 1].split(QLatin1Char(','));
            QCOMPARE(cells[0], QString::fromStdString(data.current[i].period));
            QCOMPARE(cells[1].toDouble(), data.current[i].value);
        }
        QVERIFY(!panel->exportCsv(QStringLiteral("/nonexistent-folder/x.csv")));
        const QString png = QString::fromStdString(m_dir.path("trend.png"));
        panel->resize(900, 600);
        QVERIFY(panel->exportImage(png));
        QVERIFY(QFile(png).size() > 1000);
    }

    void postsAroundADay()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        const int all = panel->visiblePostCount();
        QCOMPARE(std::size_t(all), panel->data().posts.size());
        // The fixture publishes at 00:30 Berlin time; from the day before to the day after is three days.
        const QDate day(2026, 3, 15);
        panel->focusPostsAround(day);
        const qint64 from = QDateTime(day.addDays(-1), QTime(0, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch();
        const qint64 to = QDateTime(day.addDays(2), QTime(0, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch();
        int expected = 0;
        for (const auto& p : panel->data().posts)
            expected += p.publishedUtc >= from && p.publishedUtc < to ? 1 : 0;
        QVERIFY(expected > 0 && expected < all);
        QCOMPARE(panel->visiblePostCount(), expected);
        panel->focusPostsAround({});
        QCOMPARE(panel->visiblePostCount(), all);
    }

    void breakdownsAddUp()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        auto* table = panel->findChild<QTableView*>(QStringLiteral("breakdownTable"));
        auto* combo = panel->findChild<QComboBox*>(QStringLiteral("breakdownCombo"));
        QVERIFY(table && combo);
        const auto& posts = panel->data().posts;
        for (int grouping = 0; grouping < combo->count(); ++grouping) {
            if (combo->itemText(grouping) == QStringLiteral("By tag"))
                continue; // a post with two tags is in two groups; checked below
            combo->setCurrentIndex(grouping);
            auto* model = table->model();
            int total = 0;
            for (int r = 0; r < model->rowCount(); ++r)
                total += model->index(r, 1).data(Qt::UserRole + 1).toInt();
            QCOMPARE(std::size_t(total), posts.size()); // every post in exactly one group
        }
        combo->setCurrentIndex(0); // by network: the fixture has X and Mastodon
        QCOMPARE(table->model()->rowCount(), 2);
        combo->setCurrentIndex(combo->findText(QStringLiteral("By hour of week")));
        // The fixture posts at 00:30 local, so hour 0 only.
        for (int r = 0; r < table->model()->rowCount(); ++r)
            QVERIFY(table->model()->index(r, 0).data().toString().endsWith(QStringLiteral("00:00")));
        combo->setCurrentIndex(combo->findText(QStringLiteral("By tag")));
        std::map<QString, int> expected;
        for (const auto& p : posts) {
            if (p.tags.empty())
                ++expected[QStringLiteral("No tag")];
            for (const auto& t : p.tags)
                ++expected[QStringLiteral("#") + QString::fromStdString(t)];
        }
        QCOMPARE(table->model()->rowCount(), 3); // #launch, #tips, no tag
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            const QString group = table->model()->index(r, 0).data().toString();
            QCOMPARE(table->model()->index(r, 1).data(Qt::UserRole + 1).toInt(), expected[group]);
        }
    }

    void campaignAndTagLinesComeFromTheirPosts()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        auto* scope = panel->findChild<QComboBox*>(QStringLiteral("trendsAccountCombo"));
        auto* metric = panel->findChild<QComboBox*>(QStringLiteral("metricCombo"));
        const int campaignItem = scope->findText(QStringLiteral("Campaign: Spring launch"));
        QVERIFY(campaignItem > 0);
        metric->setCurrentIndex(metric->findText(QStringLiteral("Impressions")));
        scope->setCurrentIndex(campaignItem);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        const auto& data = panel->data();
        QVERIFY(data.hasData);
        QCOMPARE(data.current.size(), std::size_t(90));
        // Day i before the last: accounts k = 1, 2 post when (i + k) % 3 == 0; even days are the
        // campaign's, each post with 100 + i impressions.
        for (int i = 0; i < 90; ++i) {
            double expected = 0;
            for (int k : {1, 2})
                if ((i + k) % 3 == 0 && i % 2 == 0)
                    expected += 100 + i;
            QCOMPARE(data.current[std::size_t(89 - i)].value, expected);
        }
        for (const auto& p : data.posts)
            QVERIFY(p.campaignId.has_value());

        metric->setCurrentIndex(metric->findText(QStringLiteral("Posts published")));
        scope->setCurrentIndex(scope->findText(QStringLiteral("#tips")));
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        for (int i = 0; i < 90; ++i) {
            int expected = 0;
            for (int k : {1, 2})
                expected += (i + k) % 3 == 0 && i % 5 == 0 ? 1 : 0;
            QCOMPARE(panel->data().current[std::size_t(89 - i)].value, double(expected));
        }

        // Followers belong to accounts: a campaign's followers is refused with the reason.
        metric->setCurrentIndex(metric->findText(QStringLiteral("Followers")));
        scope->setCurrentIndex(campaignItem);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        QVERIFY(panel->findChild<QLabel*>(QStringLiteral("trendsMessage"))->text().contains(QStringLiteral("per account")));
    }

    void pinnedLinesShareTheChart()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        auto* metric = panel->findChild<QComboBox*>(QStringLiteral("metricCombo"));
        panel->addCurrentAsLine(); // engagements, all accounts
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        metric->setCurrentIndex(metric->findText(QStringLiteral("Engagement rate")));
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        const auto& data = panel->data();
        QCOMPARE(data.extra.size(), std::size_t(1));
        QCOMPARE(data.extra[0].points.size(), std::size_t(90));
        auto db = engine::Database::open(m_path).value();
        const auto engagements = engine::querySeries(db, engine::SeriesMetric::Engagements, "2026-01-01", "2026-03-31",
                                                     {}, engine::Granularity::Day)
                                     .value();
        for (std::size_t i = 0; i < engagements.size(); ++i)
            QCOMPARE(data.extra[0].points[i].value, engagements[i].value);
        // A rate and a count: the pinned count gets its own axis on the right.
        auto* view = panel->findChild<QChartView*>(QStringLiteral("trendsChart"));
        QCOMPARE(view->chart()->axes(Qt::Vertical).size(), 2);
        QCOMPARE(panel->pinnedLineCount(), 1);
        // The CSV carries the pinned line as a column of its own.
        const QString csv = QString::fromStdString(m_dir.path("pinned.csv"));
        QVERIFY(panel->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto rows = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows[0], QStringLiteral("period,value,previous_period_value,Engagements · All accounts"));
        QCOMPARE(rows[1].section(QLatin1Char(','), 3, 3).toDouble(), engagements[0].value);
        panel->clearLines();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        QVERIFY(panel->data().extra.empty());
        QCOMPARE(view->chart()->axes(Qt::Vertical).size(), 1);
    }

    void holdoutAccuracyOnDemand()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        QSignalSpy shown(panel.get(), &ui::TrendsPanel::accuracyShown);
        panel->checkAccuracy();
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        const QString text = panel->findChild<QLabel*>(QStringLiteral("forecastModelLabel"))->text();
        QVERIFY2(text.contains(QStringLiteral("MASE")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("last 22 periods"))); // a quarter of 90 days
    }

    void downsamplingFollowsTheZoom()
    {
        std::vector<double> xs(1'000'000), ys(1'000'000);
        for (std::size_t i = 0; i < xs.size(); ++i) {
            xs[i] = double(i) * 1000;
            ys[i] = std::sin(double(i) / 500.0) + (i == 777'777 ? 50 : 0);
        }
        auto all = ui::TrendsPanel::visiblePoints(xs, ys, xs.front(), xs.back(), 1500);
        QCOMPARE(all.size(), 1500);
        QCOMPARE(all.front().x(), xs.front());
        QCOMPARE(all.back().x(), xs.back());
        bool spike = false;
        for (const auto& p : all)
            spike |= p.y() > 40;
        QVERIFY(spike); // LTTB keeps the extreme
        // A window of 1,000 points is drawn whole, with one neighbour outside on each side.
        auto window = ui::TrendsPanel::visiblePoints(xs, ys, xs[5000], xs[5999], 1500);
        QCOMPARE(window.size(), 1002);
        QCOMPARE(window.front().x(), xs[4999]);
        QCOMPARE(window.back().x(), xs[6000]);
        // A wider window is thinned again, within its own range.
        auto wide = ui::TrendsPanel::visiblePoints(xs, ys, xs[100'000], xs[299'999], 1500);
        QCOMPARE(wide.size(), 1500);
        QCOMPARE(wide.front().x(), xs[99'999]);
        QCOMPARE(wide.back().x(), xs[300'000]);
    }

    void emptyRangeSaysSo()
    {
        engine::FixedClock clock(QDateTime(QDate(2030, 1, 1), QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        auto panel = openPanel(m_path, clock);
        panel->show();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isUpToDate(), 20000);
        QVERIFY(!panel->data().hasData);
        auto* message = panel->findChild<QLabel*>(QStringLiteral("trendsMessage"));
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QStringLiteral("No metrics")));
    }
};

QTEST_MAIN(TestTrendsPanel)
#include "tst_trendspanel.moc"
